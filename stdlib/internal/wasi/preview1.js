'use strict';
// The WASI preview1 calls behind node:wasi, in JS over synchronous fs calls. A guest file
// descriptor maps to an entry of a table: stdio (the host fds given as stdin/stdout/
// stderr), the preopened directories (fd 3 on, known by host path) and what path_open
// opened. Paths are resolved under the preopen they came from and may not leave it.
// Differs from Node 20: no symlink-escape check (uvwasi resolves links itself), and
// poll_oneoff waits only for clock subscriptions (fd subscriptions report ready at once).

const fs = require('fs');
const path = require('path');
const { randomFillSync } = require('crypto');

// Marks the value proc_exit throws to unwind to WASI#start when returnOnExit is set.
const kExit = Symbol('kWasiExit');

// WASI errno values.
const errno = {
  SUCCESS: 0, '2BIG': 1, ACCES: 2, ADDRINUSE: 3, ADDRNOTAVAIL: 4, AFNOSUPPORT: 5, AGAIN: 6,
  ALREADY: 7, BADF: 8, BADMSG: 9, BUSY: 10, CANCELED: 11, CHILD: 12, CONNABORTED: 13,
  CONNREFUSED: 14, CONNRESET: 15, DEADLK: 16, DESTADDRREQ: 17, DOM: 18, DQUOT: 19, EXIST: 20,
  FAULT: 21, FBIG: 22, HOSTUNREACH: 23, IDRM: 24, ILSEQ: 25, INPROGRESS: 26, INTR: 27,
  INVAL: 28, IO: 29, ISCONN: 30, ISDIR: 31, LOOP: 32, MFILE: 33, MLINK: 34, MSGSIZE: 35,
  MULTIHOP: 36, NAMETOOLONG: 37, NETDOWN: 38, NETRESET: 39, NETUNREACH: 40, NFILE: 41,
  NOBUFS: 42, NODEV: 43, NOENT: 44, NOEXEC: 45, NOLCK: 46, NOLINK: 47, NOMEM: 48, NOMSG: 49,
  NOPROTOOPT: 50, NOSPC: 51, NOSYS: 52, NOTCONN: 53, NOTDIR: 54, NOTEMPTY: 55,
  NOTRECOVERABLE: 56, NOTSOCK: 57, NOTSUP: 58, NOTTY: 59, NXIO: 60, OVERFLOW: 61,
  OWNERDEAD: 62, PERM: 63, PIPE: 64, RANGE: 65, ROFS: 66, SPIPE: 67, SRCH: 68, STALE: 69,
  TIMEDOUT: 70, TXTBSY: 71, XDEV: 72, NOTCAPABLE: 76,
};

// WASI filetype values.
const kUnknown = 0;
const kBlockDevice = 1;
const kCharacterDevice = 2;
const kDirectory = 3;
const kRegularFile = 4;
const kSocketStream = 6;
const kSymbolicLink = 7;

// Every right: this implementation does not restrict by rights.
const kAllRights = 0x1FFFFFFFn;
const kRightFdRead = 0x2n;
const kRightFdWrite = 0x40n;

// An error carrying a WASI errno out of a helper.
class WasiError extends Error {
  constructor(code) {
    super(`WASI errno ${code}`);
    this.errno = code;
  }
}

function fileType(stats) {
  if (stats.isFile()) return kRegularFile;
  if (stats.isDirectory()) return kDirectory;
  if (stats.isSymbolicLink()) return kSymbolicLink;
  if (stats.isCharacterDevice()) return kCharacterDevice;
  if (stats.isBlockDevice()) return kBlockDevice;
  if (stats.isSocket()) return kSocketStream;
  return kUnknown;
}

function toErrno(error) {
  if (error instanceof WasiError) return error.errno;
  if (typeof error?.code === 'string' && error.code.startsWith('E')) {
    const code = errno[error.code.slice(1)];
    if (code !== undefined) return code;
  }
  if (error?.code === 'ERR_FS_FILE_TOO_LARGE') return errno.FBIG;
  return errno.IO;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function createSyscalls({ args, env, preopens, stdio, returnOnExit, memory }) {
  const fds = new Map();
  for (let fd = 0; fd < 3; fd++) {
    let type = kCharacterDevice;
    try {
      type = fileType(fs.fstatSync(stdio[fd]));
    } catch {
      // A closed stdio descriptor: its calls fail when made.
    }
    fds.set(fd, { hostFd: stdio[fd], type, position: null, append: false, stdio: true });
  }
  let nextFd = 3;
  for (const [guest, host] of preopens) {
    const hostPath = path.resolve(host);
    fds.set(nextFd++, {
      hostFd: null, type: kDirectory, hostPath, root: hostPath, preopen: guest,
    });
  }
  const realtimeBase = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();

  // ---- Memory helpers -------------------------------------------------------------------

  function view() {
    return new DataView(memory().buffer);
  }

  function bytes(ptr, len) {
    return new Uint8Array(memory().buffer, ptr, len);
  }

  function readString(ptr, len) {
    return decoder.decode(bytes(ptr, len));
  }

  // The [buffer, length] pairs of an iovec array.
  function iovecs(ptr, count) {
    const dv = view();
    const list = [];
    for (let i = 0; i < count; i++) {
      list.push(bytes(dv.getUint32(ptr + i * 8, true), dv.getUint32(ptr + i * 8 + 4, true)));
    }
    return list;
  }

  function writeFilestat(ptr, stats) {
    const dv = view();
    dv.setBigUint64(ptr, BigInt(stats.dev), true);
    dv.setBigUint64(ptr + 8, BigInt(stats.ino), true);
    dv.setUint8(ptr + 16, fileType(stats));
    dv.setBigUint64(ptr + 24, BigInt(stats.nlink), true);
    dv.setBigUint64(ptr + 32, BigInt(stats.size), true);
    dv.setBigUint64(ptr + 40, stats.atimeNs, true);
    dv.setBigUint64(ptr + 48, stats.mtimeNs, true);
    dv.setBigUint64(ptr + 56, stats.ctimeNs, true);
  }

  // Writes a list of strings as pointers at `ptrs` and NUL-terminated text at `buf`.
  function writeStrings(list, ptrs, buf) {
    const dv = view();
    for (let i = 0; i < list.length; i++) {
      dv.setUint32(ptrs + i * 4, buf, true);
      const encoded = encoder.encode(`${list[i]}\0`);
      bytes(buf, encoded.length).set(encoded);
      buf += encoded.length;
    }
  }

  function writeSizes(list, countPtr, sizePtr) {
    const dv = view();
    dv.setUint32(countPtr, list.length, true);
    dv.setUint32(sizePtr, list.reduce((n, s) => n + encoder.encode(s).length + 1, 0), true);
  }

  // ---- File descriptors and paths -------------------------------------------------------

  function entry(fd) {
    const found = fds.get(fd);
    if (found === undefined) throw new WasiError(errno.BADF);
    return found;
  }

  function fileEntry(fd) {
    const found = entry(fd);
    if (found.hostFd === null) throw new WasiError(found.type === kDirectory ? errno.ISDIR : errno.BADF);
    return found;
  }

  function statEntry(found) {
    return found.hostFd === null ? fs.statSync(found.hostPath, { bigint: true }) :
      fs.fstatSync(found.hostFd, { bigint: true });
  }

  // The host path of `guestPath` under directory descriptor `fd`, kept inside its preopen.
  function resolvePath(fd, ptr, len) {
    const dir = entry(fd);
    if (dir.type !== kDirectory || dir.root === undefined) throw new WasiError(errno.NOTDIR);
    const guestPath = readString(ptr, len);
    if (guestPath.includes('\0')) throw new WasiError(errno.INVAL);
    if (path.isAbsolute(guestPath)) throw new WasiError(errno.NOTCAPABLE);
    const resolved = path.resolve(dir.hostPath, guestPath);
    if (resolved !== dir.root && !resolved.startsWith(dir.root + path.sep)) {
      throw new WasiError(errno.NOTCAPABLE);
    }
    return { dir, resolved };
  }

  function seekable(found) {
    return found.type === kRegularFile || found.type === kBlockDevice;
  }

  function readInto(found, buffers, position) {
    let total = 0;
    for (const buffer of buffers) {
      const at = position === null ? null : position + total;
      const n = fs.readSync(found.hostFd, buffer, 0, buffer.length, at);
      total += n;
      if (n < buffer.length) break;
    }
    return total;
  }

  function writeFrom(found, buffers, position) {
    let total = 0;
    for (const buffer of buffers) {
      const at = position === null ? null : position + total;
      let done = 0;
      while (done < buffer.length) {
        done += fs.writeSync(found.hostFd, buffer, done, buffer.length - done,
          at === null ? null : at + done);
      }
      total += done;
    }
    return total;
  }

  // ---- The calls ------------------------------------------------------------------------

  const calls = {
    args_get(argv, argvBuf) {
      writeStrings(args, argv, argvBuf);
    },
    args_sizes_get(argc, argvBufSize) {
      writeSizes(args, argc, argvBufSize);
    },
    environ_get(environ, environBuf) {
      writeStrings(env, environ, environBuf);
    },
    environ_sizes_get(count, size) {
      writeSizes(env, count, size);
    },
    clock_res_get(id, resolution) {
      if (id < 0 || id > 3) return errno.INVAL;
      view().setBigUint64(resolution, 1000n, true);
    },
    clock_time_get(id, precision, time) {
      let now;
      if (id === 0) {
        now = realtimeBase + process.hrtime.bigint();
      } else if (id === 1) {
        now = process.hrtime.bigint();
      } else if (id === 2 || id === 3) {
        const { user, system } = process.cpuUsage();
        now = BigInt(user + system) * 1000n;
      } else {
        return errno.INVAL;
      }
      view().setBigUint64(time, now, true);
    },
    fd_advise(fd) {
      entry(fd);
    },
    fd_allocate(fd, offset, len) {
      const found = fileEntry(fd);
      const end = Number(offset + len);
      if (fs.fstatSync(found.hostFd).size < end) fs.ftruncateSync(found.hostFd, end);
    },
    fd_close(fd) {
      const found = entry(fd);
      fds.delete(fd);
      if (found.hostFd !== null && !found.stdio) fs.closeSync(found.hostFd);
    },
    fd_datasync(fd) {
      fs.fdatasyncSync(fileEntry(fd).hostFd);
    },
    fd_fdstat_get(fd, buf) {
      const found = entry(fd);
      const dv = view();
      dv.setUint8(buf, found.type);
      dv.setUint16(buf + 2, found.append ? 1 : 0, true);
      dv.setBigUint64(buf + 8, kAllRights, true);
      dv.setBigUint64(buf + 16, kAllRights, true);
    },
    fd_fdstat_set_flags(fd, flags) {
      entry(fd).append = (flags & 1) !== 0;
    },
    fd_fdstat_set_rights(fd) {
      entry(fd);
    },
    fd_filestat_get(fd, buf) {
      writeFilestat(buf, statEntry(entry(fd)));
    },
    fd_filestat_set_size(fd, size) {
      fs.ftruncateSync(fileEntry(fd).hostFd, Number(size));
    },
    fd_filestat_set_times(fd, atim, mtim, flags) {
      const found = fileEntry(fd);
      const [atime, mtime] = chooseTimes(statEntry(found), atim, mtim, flags);
      fs.futimesSync(found.hostFd, atime, mtime);
    },
    fd_pread(fd, iovs, iovsLen, offset, nread) {
      const found = fileEntry(fd);
      if (!seekable(found)) return errno.SPIPE;
      const n = readInto(found, iovecs(iovs, iovsLen), Number(offset));
      view().setUint32(nread, n, true);
    },
    fd_prestat_get(fd, buf) {
      const found = entry(fd);
      if (found.preopen === undefined) return errno.BADF;
      const dv = view();
      dv.setUint8(buf, 0);
      dv.setUint32(buf + 4, encoder.encode(found.preopen).length, true);
    },
    fd_prestat_dir_name(fd, ptr, len) {
      const found = entry(fd);
      if (found.preopen === undefined) return errno.BADF;
      const name = encoder.encode(found.preopen);
      bytes(ptr, Math.min(len, name.length)).set(name.subarray(0, len));
    },
    fd_pwrite(fd, iovs, iovsLen, offset, nwritten) {
      const found = fileEntry(fd);
      if (!seekable(found)) return errno.SPIPE;
      const n = writeFrom(found, iovecs(iovs, iovsLen), Number(offset));
      view().setUint32(nwritten, n, true);
    },
    fd_read(fd, iovs, iovsLen, nread) {
      const found = fileEntry(fd);
      const position = seekable(found) && !found.stdio ? found.position : null;
      const n = readInto(found, iovecs(iovs, iovsLen), position);
      if (position !== null) found.position += n;
      view().setUint32(nread, n, true);
    },
    fd_readdir(fd, buf, bufLen, cookie, bufused) {
      const found = entry(fd);
      if (found.type !== kDirectory) return errno.NOTDIR;
      const names = ['.', '..', ...fs.readdirSync(found.hostPath)];
      let used = 0;
      for (let i = Number(cookie); i < names.length && used < bufLen; i++) {
        const name = encoder.encode(names[i]);
        let stats;
        try {
          stats = fs.lstatSync(path.join(found.hostPath, names[i]), { bigint: true });
        } catch {
          continue;  // Removed meanwhile.
        }
        const record = new Uint8Array(24 + name.length);
        const dv = new DataView(record.buffer);
        dv.setBigUint64(0, BigInt(i + 1), true);
        dv.setBigUint64(8, stats.ino, true);
        dv.setUint32(16, name.length, true);
        dv.setUint8(20, fileType(stats));
        record.set(name, 24);
        // A record that does not fit is cut: the guest sees a full buffer and asks again.
        const n = Math.min(record.length, bufLen - used);
        bytes(buf + used, n).set(record.subarray(0, n));
        used += n;
      }
      view().setUint32(bufused, used, true);
    },
    fd_renumber(from, to) {
      const found = entry(from);
      const target = entry(to);
      if (target.hostFd !== null && !target.stdio) fs.closeSync(target.hostFd);
      fds.set(to, found);
      fds.delete(from);
    },
    fd_seek(fd, offset, whence, newOffset) {
      const found = fileEntry(fd);
      if (!seekable(found) || found.stdio) return errno.SPIPE;
      let base;
      if (whence === 0) base = 0;
      else if (whence === 1) base = found.position;
      else if (whence === 2) base = fs.fstatSync(found.hostFd).size;
      else return errno.INVAL;
      const position = base + Number(offset);
      if (position < 0) return errno.INVAL;
      found.position = position;
      view().setBigUint64(newOffset, BigInt(position), true);
    },
    fd_sync(fd) {
      fs.fsyncSync(fileEntry(fd).hostFd);
    },
    fd_tell(fd, offset) {
      const found = fileEntry(fd);
      if (!seekable(found) || found.stdio) return errno.SPIPE;
      view().setBigUint64(offset, BigInt(found.position), true);
    },
    fd_write(fd, iovs, iovsLen, nwritten) {
      const found = fileEntry(fd);
      let position = null;
      if (seekable(found) && !found.stdio) {
        position = found.append ? fs.fstatSync(found.hostFd).size : found.position;
      }
      const n = writeFrom(found, iovecs(iovs, iovsLen), position);
      if (position !== null) found.position = position + n;
      view().setUint32(nwritten, n, true);
    },
    path_create_directory(fd, ptr, len) {
      fs.mkdirSync(resolvePath(fd, ptr, len).resolved);
    },
    path_filestat_get(fd, flags, ptr, len, buf) {
      const { resolved } = resolvePath(fd, ptr, len);
      const stats = (flags & 1) !== 0 ? fs.statSync(resolved, { bigint: true }) :
        fs.lstatSync(resolved, { bigint: true });
      writeFilestat(buf, stats);
    },
    path_filestat_set_times(fd, flags, ptr, len, atim, mtim, fstFlags) {
      const { resolved } = resolvePath(fd, ptr, len);
      const stats = fs.statSync(resolved, { bigint: true });
      const [atime, mtime] = chooseTimes(stats, atim, mtim, fstFlags);
      fs.utimesSync(resolved, atime, mtime);
    },
    path_link(oldFd, oldFlags, oldPtr, oldLen, newFd, newPtr, newLen) {
      fs.linkSync(resolvePath(oldFd, oldPtr, oldLen).resolved,
        resolvePath(newFd, newPtr, newLen).resolved);
    },
    path_open(fd, dirflags, ptr, len, oflags, rightsBase, rightsInheriting, fdflags, opened) {
      const { dir, resolved } = resolvePath(fd, ptr, len);
      const read = (rightsBase & kRightFdRead) !== 0n;
      const write = (rightsBase & kRightFdWrite) !== 0n;
      const { constants } = fs;
      let flags = write ? (read ? constants.O_RDWR : constants.O_WRONLY) : constants.O_RDONLY;
      if (oflags & 1) flags |= constants.O_CREAT;
      if (oflags & 2) flags |= constants.O_DIRECTORY;
      if (oflags & 4) flags |= constants.O_EXCL;
      if (oflags & 8) flags |= constants.O_TRUNC;
      if ((dirflags & 1) === 0) flags |= constants.O_NOFOLLOW;
      const hostFd = fs.openSync(resolved, flags, 0o666);
      const stats = fs.fstatSync(hostFd);
      const type = fileType(stats);
      const guestFd = nextFd++;
      if (type === kDirectory) {
        // Directories are used by path: the host descriptor is not needed.
        fs.closeSync(hostFd);
        fds.set(guestFd, { hostFd: null, type, hostPath: resolved, root: dir.root });
      } else {
        fds.set(guestFd, {
          hostFd, type, position: 0, append: (fdflags & 1) !== 0, stdio: false,
        });
      }
      view().setUint32(opened, guestFd, true);
    },
    path_readlink(fd, ptr, len, buf, bufLen, bufused) {
      const target = encoder.encode(fs.readlinkSync(resolvePath(fd, ptr, len).resolved));
      const n = Math.min(target.length, bufLen);
      bytes(buf, n).set(target.subarray(0, n));
      view().setUint32(bufused, n, true);
    },
    path_remove_directory(fd, ptr, len) {
      fs.rmdirSync(resolvePath(fd, ptr, len).resolved);
    },
    path_rename(fd, oldPtr, oldLen, newFd, newPtr, newLen) {
      fs.renameSync(resolvePath(fd, oldPtr, oldLen).resolved,
        resolvePath(newFd, newPtr, newLen).resolved);
    },
    path_symlink(oldPtr, oldLen, fd, newPtr, newLen) {
      const target = readString(oldPtr, oldLen);
      if (path.isAbsolute(target)) return errno.NOTCAPABLE;
      fs.symlinkSync(target, resolvePath(fd, newPtr, newLen).resolved);
    },
    path_unlink_file(fd, ptr, len) {
      fs.unlinkSync(resolvePath(fd, ptr, len).resolved);
    },
    poll_oneoff(inPtr, outPtr, count, neventsPtr) {
      return pollOneoff(inPtr, outPtr, count, neventsPtr);
    },
    proc_exit(code) {
      if (!returnOnExit) process.exit(code);
      throw { [kExit]: true, code };
    },
    proc_raise() {
      return errno.NOSYS;
    },
    random_get(buf, len) {
      randomFillSync(bytes(buf, len));
    },
    sched_yield() {},
    sock_accept() {
      return errno.NOSYS;
    },
    sock_recv() {
      return errno.NOSYS;
    },
    sock_send() {
      return errno.NOSYS;
    },
    sock_shutdown() {
      return errno.NOSYS;
    },
  };

  // Clock subscriptions wait (the shortest one); fd subscriptions are reported ready.
  function pollOneoff(inPtr, outPtr, count, neventsPtr) {
    const dv = view();
    const now = process.hrtime.bigint();
    let wait = null;
    const events = [];
    for (let i = 0; i < count; i++) {
      const sub = inPtr + i * 48;
      const userdata = dv.getBigUint64(sub, true);
      const tag = dv.getUint8(sub + 8);
      if (tag === 0) {
        const id = dv.getUint32(sub + 16, true);
        let timeout = dv.getBigUint64(sub + 24, true);
        if ((dv.getUint16(sub + 40, true) & 1) !== 0) {
          // Absolute time on that clock.
          const clockNow = id === 0 ? realtimeBase + now : now;
          timeout = timeout > clockNow ? timeout - clockNow : 0n;
        }
        if (wait === null || timeout < wait) wait = timeout;
        events.push([userdata, 0, tag]);
      } else {
        events.push([userdata, 0, tag]);
        wait = 0n;
      }
    }
    if (wait !== null && wait > 0n) {
      const ms = Number(wait / 1000000n);
      if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
    }
    const out = view();
    events.forEach(([userdata, error, type], i) => {
      const ev = outPtr + i * 32;
      out.setBigUint64(ev, userdata, true);
      out.setUint16(ev + 8, error, true);
      out.setUint8(ev + 10, type);
      out.setBigUint64(ev + 16, 0n, true);
      out.setUint16(ev + 24, 0, true);
    });
    out.setUint32(neventsPtr, events.length, true);
    return errno.SUCCESS;
  }

  // Each call returns an errno: 0 unless it says otherwise or throws.
  const imports = {};
  for (const [name, fn] of Object.entries(calls)) {
    imports[name] = (...callArgs) => {
      try {
        const result = fn(...callArgs);
        return result === undefined ? errno.SUCCESS : result;
      } catch (error) {
        if (error !== null && typeof error === 'object' && error[kExit] === true) throw error;
        return toErrno(error);
      }
    };
  }
  return imports;
}

// The [atime, mtime] (in seconds) that the fst_flags of a set_times call ask for.
function chooseTimes(stats, atim, mtim, flags) {
  const nowSeconds = Date.now() / 1000;
  let atime = Number(stats.atimeNs) / 1e9;
  let mtime = Number(stats.mtimeNs) / 1e9;
  if (flags & 1) atime = Number(atim) / 1e9;
  if (flags & 2) atime = nowSeconds;
  if (flags & 4) mtime = Number(mtim) / 1e9;
  if (flags & 8) mtime = nowSeconds;
  return [atime, mtime];
}

module.exports = { createSyscalls, kExit };
