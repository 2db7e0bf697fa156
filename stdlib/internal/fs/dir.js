'use strict';
// readdir (names, Dirents, recursive) and opendir with fs.Dir, sync and callback forms
// (Dir's methods also return promises without a callback).

const pathModule = require('path');
const { validateFunction, validateUint32 } = require('internal/validators');
const { codes } = require('internal/errors');
const {
  binding, constants, syncCall, makeReq, makeCallback, getValidatedPath, pathString,
  getOptions, encodeName, Dirent, direntFromLstat, getStatsFromBinding,
} = require('internal/fs/utils');

const { UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_UNKNOWN } = constants;

// A Dirent for a listing entry; entries of unknown type are lstat()ed, as Node does.
function makeDirentSync(name, type, dir, encoding) {
  if (type === UV_DIRENT_UNKNOWN) {
    const st = getStatsFromBinding(syncCall(binding.lstat, pathModule.join(dir, name), false));
    return direntFromLstat(encodeName(name, encoding), dir, st);
  }
  return new Dirent(encodeName(name, encoding), type, dir);
}

function listSync(dir, withFileTypes, encoding) {
  const result = syncCall(binding.readdir, dir, withFileTypes);
  if (!withFileTypes) return encoding ? result.map((n) => encodeName(n, encoding)) : result;
  const [names, types] = result;
  return names.map((name, i) => makeDirentSync(name, types[i], dir, encoding));
}

// Whether the recursive walk descends into an entry: directories, and links to them.
function isDirEntry(full, type) {
  if (type === UV_DIRENT_DIR) return true;
  if (type === UV_DIRENT_LINK || type === UV_DIRENT_UNKNOWN) {
    return binding.internalModuleStat(full) === 1;
  }
  return false;
}

function readdirRecursiveSync(base, withFileTypes, encoding) {
  const results = [];
  const queue = [base];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    const [names, types] = syncCall(binding.readdir, dir, true);
    // Entries are reported relative to `base`: one prefix per directory.
    const prefix = q === 0 ? '' : `${pathModule.relative(base, dir)}/`;
    for (let i = 0; i < names.length; i++) {
      if (withFileTypes) {
        const dirent = makeDirentSync(names[i], types[i], dir, encoding);
        results.push(dirent);
        if (dirent.isDirectory()) queue.push(pathModule.join(dir, names[i]));
        continue;
      }
      const full = pathModule.join(dir, names[i]);
      results.push(encodeName(prefix + names[i], encoding));
      if (isDirEntry(full, types[i])) queue.push(full);
    }
  }
  return results;
}

function readdirSync(path, options) {
  options = getOptions(options);
  path = pathString(getValidatedPath(path));
  const encoding = options.encoding === 'utf8' ? undefined : options.encoding;
  if (options.recursive) return readdirRecursiveSync(path, !!options.withFileTypes, encoding);
  return listSync(path, !!options.withFileTypes, encoding);
}

function makeDirent(name, type, dir, encoding, callback) {
  if (type !== UV_DIRENT_UNKNOWN) {
    return callback(null, new Dirent(encodeName(name, encoding), type, dir));
  }
  binding.lstat(pathModule.join(dir, name), false, makeReq((err, st) => {
    if (err) return callback(err);
    callback(null, direntFromLstat(encodeName(name, encoding), dir, getStatsFromBinding(st)));
  }));
}

// Dirents for names/types, in order; callback(err, dirents).
function makeDirents(names, types, dir, encoding, callback) {
  const dirents = new Array(names.length);
  let pending = names.length;
  let failed = false;
  if (pending === 0) return callback(null, dirents);
  for (let i = 0; i < names.length; i++) {
    makeDirent(names[i], types[i], dir, encoding, (err, dirent) => {
      if (failed) return;
      if (err) {
        failed = true;
        return callback(err);
      }
      dirents[i] = dirent;
      if (--pending === 0) callback(null, dirents);
    });
  }
}

function readdirRecursive(base, withFileTypes, encoding, callback) {
  const results = [];
  const queue = [base];
  let q = 0;
  const next = () => {
    if (q === queue.length) return callback(null, results);
    const dir = queue[q++];
    binding.readdir(dir, true, makeReq((err, listing) => {
      if (err) return callback(err);
      const [names, types] = listing;
      if (withFileTypes) {
        return makeDirents(names, types, dir, encoding, (err2, dirents) => {
          if (err2) return callback(err2);
          for (const dirent of dirents) {
            results.push(dirent);
            if (dirent.isDirectory()) queue.push(pathModule.join(dir, dirent.name));
          }
          next();
        });
      }
      const prefix = dir === base ? '' : `${pathModule.relative(base, dir)}/`;
      for (let i = 0; i < names.length; i++) {
        const full = pathModule.join(dir, names[i]);
        results.push(encodeName(prefix + names[i], encoding));
        if (isDirEntry(full, types[i])) queue.push(full);
      }
      next();
    }));
  };
  next();
}

function readdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  options = getOptions(options);
  path = pathString(getValidatedPath(path));
  const encoding = options.encoding === 'utf8' ? undefined : options.encoding;
  const withFileTypes = !!options.withFileTypes;
  if (options.recursive) return readdirRecursive(path, withFileTypes, encoding, callback);
  binding.readdir(path, withFileTypes, makeReq((err, result) => {
    if (err) return callback(err);
    if (!withFileTypes) {
      return callback(null, encoding ? result.map((n) => encodeName(n, encoding)) : result);
    }
    makeDirents(result[0], result[1], path, encoding, callback);
  }));
}

// A directory stream: entries are fetched from the handle in batches and handed out one
// at a time. Async operations run one after another; a sync one while any is pending
// throws ERR_DIR_CONCURRENT_OPERATION, as in Node.
class Dir {
  #handle;
  #path;
  #encoding;
  #closed = false;
  #entries = [];
  #queue = [];
  #busy = false;

  constructor(handle, path, options) {
    if (!handle) throw new codes.ERR_MISSING_ARGS('handle');
    this.#handle = handle;
    this.#path = path;
    this.#encoding = options.encoding === 'utf8' ? undefined : options.encoding;
  }

  get path() { return this.#path; }

  #run(op, callback) {
    if (callback === undefined) {
      return new Promise((resolve, reject) => {
        this.#run(op, (err, value) => (err ? reject(err) : resolve(value)));
      });
    }
    validateFunction(callback, 'callback');
    this.#queue.push([op, callback]);
    if (!this.#busy) this.#next();
  }

  #next() {
    const item = this.#queue.shift();
    if (item === undefined) return;
    this.#busy = true;
    const [op, callback] = item;
    op((err, value) => {
      this.#busy = false;
      // Start the next operation before the callback, so a callback that queues more
      // work keeps the order.
      process.nextTick(() => this.#next());
      callback(err, value);
    });
  }

  #take() {
    const [name, type] = this.#entries.splice(0, 2);
    return makeDirentSync(name, type, this.#path, this.#encoding);
  }

  read(callback) {
    return this.#run((done) => {
      if (this.#closed) return done(new codes.ERR_DIR_CLOSED());
      // A buffered entry is still delivered asynchronously, as Node does.
      if (this.#entries.length > 0) return process.nextTick(done, null, this.#take());
      this.#handle.read(makeReq((err, batch) => {
        if (err) return done(err);
        if (batch === null) return done(null, null);
        this.#entries = batch;
        try {
          done(null, this.#take());
        } catch (e) {
          done(e);
        }
      }));
    }, callback);
  }

  readSync() {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    if (this.#busy || this.#queue.length > 0) throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    if (this.#entries.length === 0) {
      const batch = syncCall((...a) => this.#handle.read(...a));
      if (batch === null) return null;
      this.#entries = batch;
    }
    return this.#take();
  }

  close(callback) {
    if (this.#closed) {
      const err = new codes.ERR_DIR_CLOSED();
      if (callback === undefined) return Promise.reject(err);
      validateFunction(callback, 'callback');
      process.nextTick(callback, err);
      return;
    }
    this.#closed = true;
    return this.#run((done) => this.#handle.close(makeReq(done)), callback);
  }

  closeSync() {
    if (this.#closed) throw new codes.ERR_DIR_CLOSED();
    if (this.#busy || this.#queue.length > 0) throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    this.#closed = true;
    syncCall((...a) => this.#handle.close(...a));
  }

  async* entries() {
    try {
      for (;;) {
        const dirent = await this.read();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this.#closed) await this.close();
    }
  }

  [Symbol.asyncIterator]() { return this.entries(); }
}

function dirOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) validateUint32(options.bufferSize, 'options.bufferSize', true);
  return options;
}

function opendirSync(path, options) {
  options = dirOptions(options);
  path = pathString(getValidatedPath(path));
  return new Dir(syncCall(binding.opendir, path), path, options);
}

function opendir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  options = dirOptions(options);
  path = pathString(getValidatedPath(path));
  binding.opendir(path, makeReq((err, handle) => {
    if (err) return callback(err);
    callback(null, new Dir(handle, path, options));
  }));
}

module.exports = { readdirSync, readdir, opendirSync, opendir, Dir };
