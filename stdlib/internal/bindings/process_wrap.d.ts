// internalBinding('process_wrap'): runtime/bindings/process_wrap.cc, the handle behind
// ChildProcess (stdlib/internal/child_process/child_process.js).
import type { Pipe } from './pipe_wrap';

export type StdioEntry =
  | { type: 'pipe' | 'overlapped'; handle: Pipe }  // libuv creates the socketpair
  | { type: 'wrap'; handle: object }               // an open stream handle, shared
  | { type: 'ignore' }
  | { type: 'fd' | 'inherit'; fd: number };

export class Process {
  constructor();
  // exitCode is the child's status (or a negative uv error stdlib passes itself when
  // the spawn failed); signalCode is 'SIGKILL' ... or null.
  onexit: (exitCode: number, signalCode: string | null) => void;
  // Set by a successful spawn().
  readonly pid?: number;
  // 0 or a negative uv error (UV_ENOENT ...); the handle must be closed either way.
  spawn(options: {
    file: string; args: string[]; cwd?: string; envPairs?: string[];
    stdio: StdioEntry[]; detached?: boolean; uid?: number; gid?: number;
  }): number;
  // 0 or a negative uv error (UV_ESRCH once the child is gone).
  kill(signal: number): number;
  close(callback?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
}
