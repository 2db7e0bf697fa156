// internalBinding('async_wrap'): runtime/bindings/async_wrap.cc, the async context frame (V8's
// continuation-preserved embedder data of the running context) and V8's promise hooks,
// for stdlib/internal/async_hooks.js.

// A frame maps each AsyncLocalStorage to its store; undefined when there is none.
type Frame = Map<object, unknown> | undefined;

export function getFrame(): Frame;
export function setFrame(frame: Frame): void;
// setFrame(frame), returning the frame it replaced.
export function swapFrame(frame: Frame): Frame;
// From now on native callbacks (Realm::MakeCallback) restore the frame their operation
// started in. One-way; called the first time AsyncLocalStorage is used.
export function enableAsyncFrames(): void;
// Installs V8's promise hooks for the main context; no arguments removes them.
export function setPromiseHooks(
  init?: (promise: Promise<unknown>, parent?: Promise<unknown>) => void,
  before?: (promise: Promise<unknown>) => void,
  after?: (promise: Promise<unknown>) => void,
  resolve?: (promise: Promise<unknown>) => void): void;
