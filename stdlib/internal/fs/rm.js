'use strict';
// fs.rm / fs.rmSync: files, and directory trees with { recursive }, ignoring missing
// paths with { force }, retrying busy entries { maxRetries } times { retryDelay } ms apart.

const pathModule = require('path');
const { validateBoolean, validateObject, validateUint32 } = require('internal/validators');
const {
  binding, constants, syncCall, makeReq, makeCallback, getValidatedPath, pathString,
} = require('internal/fs/utils');

const { S_IFMT, S_IFDIR } = constants;
const kRetryCodes = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);

function validateRmOptions(options) {
  if (options === undefined) options = {};
  validateObject(options, 'options');
  const { recursive = false, force = false, maxRetries = 0, retryDelay = 100 } = options;
  validateBoolean(recursive, 'options.recursive');
  validateBoolean(force, 'options.force');
  validateUint32(maxRetries, 'options.maxRetries');
  validateUint32(retryDelay, 'options.retryDelay');
  return { recursive, force, maxRetries, retryDelay };
}

// Node's SystemError for rm on a directory without { recursive }.
function eisdirError(path) {
  const err = new Error(`Path is a directory: rm returned EISDIR (is a directory) ${path}`);
  err.name = 'SystemError';
  err.code = 'ERR_FS_EISDIR';
  err.errno = 21;
  err.syscall = 'rm';
  err.path = path;
  err.info = { code: 'EISDIR', message: 'is a directory', path, syscall: 'rm', errno: 21 };
  return err;
}

function isDirMode(mode) {
  return (mode & S_IFMT) === S_IFDIR;
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function removeTreeSync(path) {
  const st = syncCall(binding.lstat, path, false);
  if (!isDirMode(st[1])) return syncCall(binding.unlink, path);
  for (const name of syncCall(binding.readdir, path, false)) {
    removeTreeSync(pathModule.join(path, name));
  }
  syncCall(binding.rmdir, path);
}

function rmSync(path, options) {
  path = pathString(getValidatedPath(path));
  const { recursive, force, maxRetries, retryDelay } = validateRmOptions(options);
  const ctx = {};
  const st = binding.lstat(path, false, undefined, ctx);
  if (ctx.errno !== undefined) {
    if (force && ctx.code === 'ENOENT') return;
    throw require('internal/errors').uvException(ctx);
  }
  if (isDirMode(st[1]) && !recursive) throw eisdirError(path);
  for (let attempt = 0; ; attempt++) {
    try {
      return removeTreeSync(path);
    } catch (err) {
      if (force && err.code === 'ENOENT') return;
      if (attempt >= maxRetries || !kRetryCodes.has(err.code)) throw err;
      sleepSync(retryDelay * (attempt + 1));
    }
  }
}

function removeTree(path, callback) {
  binding.lstat(path, false, makeReq((err, st) => {
    if (err) return callback(err);
    if (!isDirMode(st[1])) return binding.unlink(path, makeReq(callback));
    binding.readdir(path, false, makeReq((err2, names) => {
      if (err2) return callback(err2);
      let pending = names.length;
      let failed = null;
      const done = (err3) => {
        if (err3 && failed === null) failed = err3;
        if (--pending > 0) return;
        if (failed) return callback(failed);
        binding.rmdir(path, makeReq(callback));
      };
      if (pending === 0) {
        pending = 1;
        return done(null);
      }
      for (const name of names) removeTree(pathModule.join(path, name), done);
    }));
  }));
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = pathString(getValidatedPath(path));
  const { recursive, force, maxRetries, retryDelay } = validateRmOptions(options);
  binding.lstat(path, false, makeReq((err, st) => {
    if (err) return callback(force && err.code === 'ENOENT' ? null : err);
    if (isDirMode(st[1]) && !recursive) return callback(eisdirError(path));
    let attempt = 0;
    const tryOnce = () => removeTree(path, (err2) => {
      if (!err2 || (force && err2.code === 'ENOENT')) return callback(null);
      if (attempt >= maxRetries || !kRetryCodes.has(err2.code)) return callback(err2);
      attempt++;
      setTimeout(tryOnce, retryDelay * attempt);
    });
    tryOnce();
  }));
}

module.exports = { rmSync, rm, validateRmOptions };
