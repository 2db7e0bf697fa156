// JS surface of runtime/bindings/fs*.cc (internalBinding('fs')).
// Every Node-shaped call ends with (req, ctx): with `req` an FSReqCallback the call is
// asynchronous and `req.oncomplete(errCtx | null, result)` runs later; with `req`
// undefined it is synchronous, returns the result, and on failure fills `ctx` and returns
// undefined. An errCtx/ctx holds { errno, code, message, syscall, path?, dest? } for
// uvException(). Paths are strings (UTF-8) or Uint8Arrays (raw bytes).
type Path = string | Uint8Array;
type Req = FSReqCallback | undefined;
interface Ctx { errno?: number; code?: string; message?: string; syscall?: string;
  path?: string; dest?: string }

export class FSReqCallback {
  constructor(bigint?: boolean);
  oncomplete: (err: Ctx | null, result?: unknown) => void;
}
export const constants: Record<string, number>;  // Node's fs.constants, from uv/fcntl.
export const kFsStatsFieldsNumber: 18;

// Loader/stdio forms (exact argument counts: see fs.cc).
export function internalModuleStat(path: string): number;  // 0 file, 1 dir, <0 errno
export function readFileUtf8(path: string, ctx: Ctx): string | undefined;
export function realpath(path: string, ctx: Ctx): string | undefined;
export function writeString(fd: number, text: string, ctx: Ctx): number;
export function writeBuffer(fd: number, data: ArrayBufferView, ctx: Ctx): number;

// Descriptors. position -1 (or a BigInt) means "current position" / explicit offset.
export function open(path: Path, flags: number, mode: number, req: Req, ctx?: Ctx): number;
export function close(fd: number, req: Req, ctx?: Ctx): void;
export function read(fd: number, buffer: ArrayBufferView, offset: number, length: number,
                     position: number | bigint, req: Req, ctx?: Ctx): number;
export function readBuffers(fd: number, buffers: ArrayBufferView[], position: number | bigint,
                            req: Req, ctx?: Ctx): number;
export function writeBuffer(fd: number, buffer: ArrayBufferView, offset: number,
                            length: number, position: number | bigint, req: Req,
                            ctx?: Ctx): number;
export function writeBuffers(fd: number, buffers: ArrayBufferView[],
                             position: number | bigint, req: Req, ctx?: Ctx): number;
export function writeString(fd: number, text: string, position: number | bigint, req: Req,
                            ctx?: Ctx): number;  // UTF-8 only
export function fsync(fd: number, req: Req, ctx?: Ctx): void;
export function fdatasync(fd: number, req: Req, ctx?: Ctx): void;
export function ftruncate(fd: number, length: number, req: Req, ctx?: Ctx): void;
// Stat arrays: dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then
// (sec, nsec) of atime, mtime, ctime, birthtime. statfs: type, bsize, blocks, bfree,
// bavail, files, ffree.
export function fstat(fd: number, bigint: boolean, req: Req,
                      ctx?: Ctx): Float64Array | BigInt64Array;
export function fchmod(fd: number, mode: number, req: Req, ctx?: Ctx): void;
export function fchown(fd: number, uid: number, gid: number, req: Req, ctx?: Ctx): void;
export function futimes(fd: number, atime: number, mtime: number, req: Req, ctx?: Ctx): void;

// Paths.
export function stat(path: Path, bigint: boolean, req: Req,
                     ctx?: Ctx): Float64Array | BigInt64Array;
export function lstat(path: Path, bigint: boolean, req: Req,
                      ctx?: Ctx): Float64Array | BigInt64Array;
export function statfs(path: Path, bigint: boolean, req: Req,
                       ctx?: Ctx): Float64Array | BigInt64Array;
export function access(path: Path, mode: number, req: Req, ctx?: Ctx): void;
export function mkdir(path: Path, mode: number, req: Req, ctx?: Ctx): void;
export function mkdtemp(prefix: Path, req: Req, ctx?: Ctx): string;
export function rmdir(path: Path, req: Req, ctx?: Ctx): void;
export function unlink(path: Path, req: Req, ctx?: Ctx): void;
export function rename(from: Path, to: Path, req: Req, ctx?: Ctx): void;
export function copyFile(src: Path, dest: Path, mode: number, req: Req, ctx?: Ctx): void;
export function link(existing: Path, newPath: Path, req: Req, ctx?: Ctx): void;
export function symlink(target: Path, path: Path, flags: number, req: Req, ctx?: Ctx): void;
export function readlink(path: Path, req: Req, ctx?: Ctx): string;
export function realpath(path: Path, req: Req, ctx: Ctx | undefined): string;  // 3 args
export function chmod(path: Path, mode: number, req: Req, ctx?: Ctx): void;
export function chown(path: Path, uid: number, gid: number, req: Req, ctx?: Ctx): void;
export function lchown(path: Path, uid: number, gid: number, req: Req, ctx?: Ctx): void;
export function utimes(path: Path, atime: number, mtime: number, req: Req, ctx?: Ctx): void;
export function lutimes(path: Path, atime: number, mtime: number, req: Req, ctx?: Ctx): void;

// Directories. readdir with types returns [names, UV_DIRENT_* types].
export function readdir(path: Path, withTypes: boolean, req: Req,
                        ctx?: Ctx): string[] | [string[], number[]];
export function opendir(path: Path, req: Req, ctx?: Ctx): DirHandle;
export class DirHandle {
  // Up to 32 entries as [name, type, name, type, ...]; null at the end.
  read(req: Req, ctx?: Ctx): Array<string | number> | null;
  close(req: Req, ctx?: Ctx): void;
}

// fs.watchFile's poller (runtime/bindings/fs_stat_watcher.cc, uv_fs_poll_t). Stats are
// kStatFields-long arrays, all zero while the file does not exist.
export class StatWatcher {
  constructor(bigint: boolean);
  onchange: (status: number, current: Float64Array | BigInt64Array,
             previous: Float64Array | BigInt64Array) => void;
  start(path: string, intervalMs: number): number;
  close(callback?: () => void): void;
  ref(): void;
  unref(): void;
  hasRef(): boolean;
}
