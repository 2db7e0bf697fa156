// internalBinding('tty_wrap'): runtime/bindings/tty_wrap.cc.
import type { StreamHandle } from './stream_wrap';

export class TTY {
  /** On failure `ctx` gets { errno, code, message, syscall } and the handle is unusable. */
  constructor(fd: number, ctx: object);
  getWindowSize(out: [number, number]): number;
  setRawMode(raw: boolean): number;
}
export interface TTY extends StreamHandle {}
export function isTTY(fd: number): boolean;
/** uv_tty_reset_mode(): restores the mode saved by the first setRawMode. */
export function resetMode(): void;
