// The `messaging` binding (runtime/bindings/messaging.cc, message_port.cc): MessagePort
// for worker_threads. stdlib/internal/worker/io.js completes MessagePort.prototype.

/** A channel end. Constructed only by the binding (JS `new` throws). */
export declare class MessagePort {
  /** Clones `value` (V8 serializer); transfers ArrayBuffers and MessagePorts in the list.
   * Throws an Error with code 'ERR_DATA_CLONE' when something cannot be cloned. */
  postMessage(value: unknown, transferList: unknown[]): void;
  /** Deliver queued and future messages (through `emitMessage`). */
  start(): void;
  stop(): void;
  /** Deliver every queued message now, started or not. */
  drain(): void;
  /** Close this end and the channel; 'close' follows through `onclose()`. */
  closeChannel(): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
  /** Called by C++: type is 'message' or 'messageerror' (data is then the error). */
  emitMessage(data: unknown, type: 'message' | 'messageerror'): void;
  /** Called by C++ once the handle has closed (not for a transferred port). */
  onclose(): void;
}
export declare function createChannel(): [MessagePort, MessagePort];
/** [message] or undefined when nothing is queued. */
export declare function receiveMessageOnPort(port: MessagePort): [unknown] | undefined;
/** A port that receives what other members of the process-wide group `name` post. */
export declare function broadcastChannel(name: string): MessagePort;
export declare function isMessagePort(value: unknown): boolean;
