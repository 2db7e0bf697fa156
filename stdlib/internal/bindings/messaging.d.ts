// The `messaging` binding (runtime/bindings/messaging.cc, message_port.cc): MessagePort
// for worker_threads. stdlib/internal/worker/io.js completes MessagePort.prototype and
// registers the per-realm hooks (setPortHooks).

/** A channel end. Constructed only by the binding (JS `new` throws). Its prototype
 * holds Node's own properties only; the rest are functions of the binding. */
export declare class MessagePort {
  /** Clones `value` (V8 serializer); transfers ArrayBuffers and MessagePorts in the list
   * and shares SharedArrayBuffers and WebAssembly.Modules. Throws an Error with code
   * 'ERR_DATA_CLONE' when something cannot be cloned. Returns true when the message was
   * dropped because it carried this port's own peer (stdlib warns, as Node does). */
  postMessage(value: unknown, transferList: unknown[]): boolean | undefined;
  /** Deliver queued and future messages (through the emitMessage hook). */
  start(): void;
  ref(): void;
  unref(): void;
  /** undefined once the port's handle has closed. */
  hasRef(): boolean | undefined;
}
export declare function createChannel(): [MessagePort, MessagePort];
/** [message] or undefined when nothing is queued (or the port is closed). */
export declare function receiveMessageOnPort(port: MessagePort): [unknown] | undefined;
/** A port that receives what other members of the process-wide group `name` post. */
export declare function broadcastChannel(name: string): MessagePort;
/** True for any MessagePort of this realm, open or closed. */
export declare function isMessagePort(value: unknown): boolean;
/** False once the port was closed or transferred. */
export declare function isPortOpen(port: MessagePort): boolean;
/** Per realm: `onInit` runs (this = port) on every new port; `emitMessage` (this = port)
 * delivers each message: type 'message' or 'messageerror' (data is then the error), and
 * the MessagePorts the message transferred. */
export declare function setPortHooks(
  onInit: () => void,
  emitMessage: (data: unknown, type: 'message' | 'messageerror', ports: MessagePort[]) => void,
): void;
/** Close the port and its channel; the port's `onclose` runs when the handle has closed. */
export declare function closeMessagePort(port: MessagePort): void;
/** Keep messages queued until start(). */
export declare function stopMessagePort(port: MessagePort): void;
/** Deliver every queued message now, started or not. */
export declare function drainMessagePort(port: MessagePort): void;
/** A new port object made in the vm context of `contextifiedSandbox`, taking over `port`'s
 * channel end (`port` closes as after a transfer). It has no stdlib hooks: it calls its own
 * `onmessage` / `onmessageerror` with `{ data, ports, target }`; messages carrying
 * Cloneables fail there with ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE. */
export declare function moveMessagePortToContext(port: MessagePort,
                                                 contextifiedSandbox: object): object;
