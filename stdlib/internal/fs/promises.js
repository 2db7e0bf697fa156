'use strict';
// fs/promises: each call is the callback form run under a promise (argument errors become
// rejections, as Node's async functions do), plus FileHandle, the promise-side owner of a
// file descriptor.

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { codes } = require('internal/errors');
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_STATE } = codes;
const fdOps = require('internal/fs/fd_ops');
const pathOps = require('internal/fs/path_ops');
const files = require('internal/fs/read_write_file');
const dir = require('internal/fs/dir');
const rmImpl = require('internal/fs/rm');
const { constants, getOptions } = require('internal/fs/utils');

// The callback function `fn` as an async function; extra arguments pass through.
function promised(fn) {
  return async function(...args) {
    return new Promise((resolve, reject) => {
      fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
    });
  };
}

// The same, for calls whose callback gets (err, value, ...more): resolves an object.
function promisedMulti(fn, names) {
  return async function(...args) {
    return new Promise((resolve, reject) => {
      fn(...args, (err, ...values) => {
        if (err) return reject(err);
        const result = {};
        names.forEach((name, i) => { result[name] = values[i]; });
        resolve(result);
      });
    });
  };
}

const kFd = Symbol('kFd');
const kClosePromise = Symbol('kClosePromise');

const fdRead = promisedMulti(fdOps.read, ['bytesRead', 'buffer']);
const fdWrite = promisedMulti(fdOps.write, ['bytesWritten', 'buffer']);
const fdReadv = promisedMulti(fdOps.readv, ['bytesRead', 'buffers']);
const fdWritev = promisedMulti(fdOps.writev, ['bytesWritten', 'buffers']);
const fdClose = promised(fdOps.close);

// A FileHandle from open() that is collected while still open has its descriptor closed,
// with the warnings Node gives (DEP0137).
const gcCloser = new FinalizationRegistry((fd) => {
  fdOps.close(fd, () => {});
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  process.emitWarning('Closing a FileHandle object on garbage collection is deprecated. ' +
    'Please close FileHandle objects explicitly using FileHandle.prototype.close(). ' +
    'In the future, an error will be thrown if a file descriptor is closed during ' +
    'garbage collection.', 'DeprecationWarning', 'DEP0137');
});

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kFd] = fd;
    this[kClosePromise] = null;
  }

  get fd() { return this[kFd]; }

  #checked() {
    if (this[kFd] === -1) {
      const err = new Error('file closed');
      err.code = 'EBADF';
      err.syscall = 'read';
      throw err;
    }
    return this[kFd];
  }

  async appendFile(data, options) {
    return writeFileImpl(this.#checked(), data, options, 'a');
  }
  async chmod(mode) { return promised(fdOps.fchmod)(this.#checked(), mode); }
  async chown(uid, gid) { return promised(fdOps.fchown)(this.#checked(), uid, gid); }
  async datasync() { return promised(fdOps.fdatasync)(this.#checked()); }
  async sync() { return promised(fdOps.fsync)(this.#checked()); }

  async read(bufferOrOptions, offset, length, position) {
    const fd = this.#checked();
    let buffer = bufferOrOptions;
    if (!ArrayBuffer.isView(buffer)) {
      const options = bufferOrOptions ?? {};
      buffer = options.buffer ?? Buffer.alloc(16384);
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = options);
    } else if (typeof offset === 'object' && offset !== null) {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
    }
    if (offset === undefined) offset = 0;
    if (length === undefined) length = buffer.byteLength - offset;
    if (length === 0) return { bytesRead: 0, buffer };
    return fdRead(fd, buffer, offset, length, position ?? null);
  }

  async readv(buffers, position) { return fdReadv(this.#checked(), buffers, position); }

  async readFile(options) {
    return promised(files.readFile)(this.#checked(), options);
  }

  async stat(options) { return promised(fdOps.fstat)(this.#checked(), options); }
  async truncate(len = 0) { return promised(fdOps.ftruncate)(this.#checked(), len); }
  async utimes(atime, mtime) { return promised(fdOps.futimes)(this.#checked(), atime, mtime); }

  async write(buffer, offsetOrOptions, length, position) {
    const fd = this.#checked();
    if (ArrayBuffer.isView(buffer)) {
      if (typeof offsetOrOptions === 'object' && offsetOrOptions !== null) {
        const { offset = 0, length: len = buffer.byteLength - offset, position: pos = null } =
          offsetOrOptions;
        return fdWrite(fd, buffer, offset, len, pos);
      }
      const offset = offsetOrOptions ?? 0;
      return fdWrite(fd, buffer, offset, length ?? buffer.byteLength - offset, position ?? null);
    }
    // write(string[, position[, encoding]])
    return fdWrite(fd, buffer, offsetOrOptions ?? null, length ?? 'utf8');
  }

  async writev(buffers, position) { return fdWritev(this.#checked(), buffers, position); }

  async writeFile(data, options) {
    return writeFileImpl(this.#checked(), data, options, 'w');
  }

  async close() {
    if (this[kFd] === -1) return this[kClosePromise] ?? undefined;
    const fd = this[kFd];
    this[kFd] = -1;
    gcCloser.unregister(this);
    this[kClosePromise] = fdClose(fd).then(() => {
      this.emit('close');
    });
    return this[kClosePromise];
  }

  async [Symbol.asyncDispose]() { return this.close(); }

  createReadStream(options) {
    const { createReadStream } = require('internal/fs/streams');
    return createReadStream(null, { ...options, fd: this });
  }

  createWriteStream(options) {
    const { createWriteStream } = require('internal/fs/streams');
    return createWriteStream(null, { ...options, fd: this });
  }

  // A readline.Interface over this file (for await ... of gives its lines).
  readLines(options = undefined) {
    const { createInterface } = require('readline');
    return createInterface({ input: this.createReadStream(options), crlfDelay: Infinity });
  }
}

async function open(path, flags, mode) {
  const fd = await promised(fdOps.open)(path, flags ?? 'r', mode ?? 0o666);
  const handle = new FileHandle(fd);
  gcCloser.register(handle, fd, handle);
  return handle;
}

// writeFile/appendFile data: a string or buffer, or an (async) iterable of them.
async function writeFileImpl(target, data, options, defaultFlag) {
  if (typeof data === 'string' || ArrayBuffer.isView(data)) {
    const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: defaultFlag });
    opts.flag ||= defaultFlag; // flag: null or '' means the default, as in Node.
    return promised(files.writeFile)(target, data, opts);
  }
  if (data == null || (typeof data[Symbol.asyncIterator] !== 'function' &&
      typeof data[Symbol.iterator] !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('data',
      ['string', 'Buffer', 'TypedArray', 'DataView', 'AsyncIterable', 'Iterable', 'Stream'],
      data);
  }
  const opts = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: defaultFlag });
  opts.flag ||= defaultFlag;
  const handle = typeof target === 'number' ? new FileHandle(target) :
    target instanceof FileHandle ? target : await open(target, opts.flag, opts.mode);
  try {
    // Checked once the file is open too, so an empty (or spent) iterable still rejects.
    if (opts.signal?.aborted) throw new (require('internal/errors').AbortError)();
    for await (const chunk of data) {
      if (opts.signal?.aborted) throw new (require('internal/errors').AbortError)();
      // Anything but a view goes through Buffer.from, which rejects what it cannot take.
      const bytes = ArrayBuffer.isView(chunk) ? chunk : Buffer.from(chunk, opts.encoding);
      let offset = 0;
      while (offset < bytes.byteLength) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset);
        offset += bytesWritten;
      }
    }
  } finally {
    if (handle !== target && typeof target !== 'number') await handle.close();
  }
}

function fdOf(target) {
  if (target instanceof FileHandle) {
    if (target.fd === -1) throw new ERR_INVALID_STATE('The FileHandle is closed');
    return target.fd;
  }
  return target;
}

async function readFile(path, options) {
  return promised(files.readFile)(fdOf(path), options);
}

async function writeFile(path, data, options) {
  return writeFileImpl(fdOf(path), data, options, 'w');
}

async function appendFile(path, data, options) {
  return writeFileImpl(fdOf(path), data, options, 'a');
}

async function opendir(path, options) {
  return promised(dir.opendir)(path, options);
}

const exportsObject = {
  access: promised(pathOps.access),
  appendFile,
  chmod: promised(pathOps.chmod),
  chown: promised(pathOps.chown),
  copyFile: promised(pathOps.copyFile),
  cp: (...args) => require('internal/fs/cp').cpAsync(...args),
  lchown: promised(pathOps.lchown),
  lutimes: promised(pathOps.lutimes),
  link: promised(pathOps.link),
  lstat: promised(pathOps.lstat),
  mkdir: promised(pathOps.mkdir),
  mkdtemp: promised(pathOps.mkdtemp),
  open,
  opendir,
  readdir: promised(dir.readdir),
  readFile,
  readlink: promised(pathOps.readlink),
  realpath: promised(pathOps.realpath),
  rename: promised(pathOps.rename),
  rm: promised(rmImpl.rm),
  rmdir: promised(pathOps.rmdir),
  stat: promised(pathOps.stat),
  statfs: promised(pathOps.statfs),
  symlink: promised(pathOps.symlink),
  truncate: promised(fdOps.truncate),
  unlink: promised(pathOps.unlink),
  utimes: promised(pathOps.utimes),
  watch: (filename, options) => require('internal/fs/watchers').watchPromise(filename, options),
  writeFile,
  constants,
};

module.exports = { exports: exportsObject, FileHandle };
