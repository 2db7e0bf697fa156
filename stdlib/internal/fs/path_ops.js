'use strict';
// node:fs calls on paths, sync and callback forms: access/exists, stat/lstat/statfs,
// mkdir (recursive)/mkdtemp, rmdir/unlink, rename, copyFile, link/symlink/readlink,
// realpath, chmod/chown/lchown, utimes/lutimes.

const pathModule = require('path');
const { validateInteger, validateObject } = require('internal/validators');
const {
  binding, constants, syncCall, makeReq, makeCallback, getValidatedPath, pathString,
  parseMode, getOptions, encodeName, toUnixTimestamp, getStatsFromBinding,
  getStatFsFromBinding,
} = require('internal/fs/utils');
const { statOptions, validateIds } = require('internal/fs/fd_ops');

const { F_OK, UV_FS_SYMLINK_DIR } = constants;

function accessMode(mode) {
  if (mode === undefined || mode === null) return F_OK;
  validateInteger(mode, 'mode', 0, 7);
  return mode;
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  syncCall(binding.access, path, accessMode(mode));
}

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = accessMode(mode);
  binding.access(path, mode, makeReq(makeCallback(callback)));
}

function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  const ctx = {};
  binding.access(path, F_OK, undefined, ctx);
  return ctx.errno === undefined;
}

function exists(path, callback) {
  makeCallback(callback);
  try {
    path = getValidatedPath(path);
  } catch {
    process.nextTick(callback, false);
    return;
  }
  binding.access(path, F_OK, makeReq((err) => callback(!err)));
}

// exists' callback takes no error argument, so util.promisify needs its own form.
Object.defineProperty(exists, Symbol.for('nodejs.util.promisify.custom'), {
  value: (path) => new Promise((resolve) => exists(path, resolve)),
  enumerable: false, writable: false, configurable: true,
});

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  const ctx = {};
  const result = binding.stat(path, statOptions(options), undefined, ctx);
  if (ctx.errno !== undefined) {
    if (options.throwIfNoEntry === false && (ctx.code === 'ENOENT' || ctx.code === 'ENOTDIR')) {
      return undefined;
    }
    throw require('internal/errors').uvException(ctx);
  }
  return getStatsFromBinding(result);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  const ctx = {};
  const result = binding.lstat(path, statOptions(options), undefined, ctx);
  if (ctx.errno !== undefined) {
    if (options.throwIfNoEntry === false && ctx.code === 'ENOENT') return undefined;
    throw require('internal/errors').uvException(ctx);
  }
  return getStatsFromBinding(result);
}

function statLike(fn) {
  return function(path, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    path = getValidatedPath(path);
    const bigint = statOptions(options);
    fn(path, bigint, makeReq(makeCallback(callback), getStatsFromBinding));
  };
}

const stat = statLike((...args) => binding.stat(...args));
const lstat = statLike((...args) => binding.lstat(...args));

function statfsSync(path, options) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(syncCall(binding.statfs, path, statOptions(options)));
}

function statfs(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  const bigint = statOptions(options);
  binding.statfs(path, bigint, makeReq(makeCallback(callback), getStatFsFromBinding));
}

function mkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseMode(options, 'mode');
  } else if (options != null) {
    validateObject(options, 'options');
    if (options.recursive !== undefined) {
      if (typeof options.recursive !== 'boolean') {
        const { ERR_INVALID_ARG_TYPE } = require('internal/errors').codes;
        throw new ERR_INVALID_ARG_TYPE('options.recursive', 'boolean', options.recursive);
      }
      recursive = options.recursive;
    }
    if (options.mode !== undefined) mode = parseMode(options.mode, 'mode');
  }
  return { mode, recursive };
}

// Creates `path` and missing parents; returns the first directory created, or undefined.
// `retried` marks the second attempt after the parents exist: an ENOENT then (say, the
// cwd was removed) is final rather than a reason to recurse again.
function mkdirpSync(path, mode, retried = false) {
  const ctx = {};
  binding.mkdir(path, mode, undefined, ctx);
  if (ctx.errno === undefined) return path;
  if (ctx.code === 'ENOENT' && !retried) {
    const parent = pathModule.dirname(path);
    if (parent === path) throw require('internal/errors').uvException(ctx);
    const first = mkdirpSync(parent, mode);
    mkdirpSync(path, mode, true);
    return first;
  }
  if (ctx.code === 'EEXIST' || ctx.code === 'EISDIR') {
    const st = binding.stat(path, false, undefined, {});
    if (st !== undefined && (st[1] & constants.S_IFMT) === constants.S_IFDIR) return undefined;
  }
  throw require('internal/errors').uvException(ctx);
}

function mkdirp(path, mode, callback, retried = false) {
  binding.mkdir(path, mode, makeReq((err) => {
    if (!err) return callback(null, path);
    if (err.code === 'ENOENT' && !retried) {
      const parent = pathModule.dirname(path);
      if (parent === path) return callback(err);
      return mkdirp(parent, mode, (err2, first) => {
        if (err2) return callback(err2);
        mkdirp(path, mode, (err3) => callback(err3, err3 ? undefined : first), true);
      });
    }
    if (err.code === 'EEXIST' || err.code === 'EISDIR') {
      return binding.stat(path, false, makeReq((err2, st) => {
        if (!err2 && (st[1] & constants.S_IFMT) === constants.S_IFDIR) return callback(null);
        callback(err);
      }));
    }
    callback(err);
  }));
}

function mkdirSync(path, options) {
  path = getValidatedPath(path);
  const { mode, recursive } = mkdirOptions(options);
  if (recursive) return mkdirpSync(pathString(path), mode);
  syncCall(binding.mkdir, path, mode);
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  const { mode, recursive } = mkdirOptions(options);
  if (recursive) return mkdirp(pathString(path), mode, callback);
  binding.mkdir(path, mode, makeReq(callback));
}

let nonPortableTemplateWarned = false;

function mkdtempPrefix(prefix) {
  prefix = pathString(getValidatedPath(prefix, 'prefix'));
  // Platforms treat trailing X's differently (some fill them in); Node warns once.
  if (!nonPortableTemplateWarned && typeof prefix === 'string' && prefix.endsWith('X')) {
    nonPortableTemplateWarned = true;
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
      'For details see: https://nodejs.org/api/fs.html');
  }
  return prefix;
}

function mkdtempSync(prefix, options) {
  const { encoding } = getOptions(options);
  return encodeName(syncCall(binding.mkdtemp, mkdtempPrefix(prefix)), encoding);
}

function mkdtemp(prefix, options, callback) {
  if (typeof options === 'function') callback = options;
  callback = makeCallback(callback);
  const { encoding } = getOptions(options);
  prefix = mkdtempPrefix(prefix);
  binding.mkdtemp(prefix, makeReq(callback, (p) => encodeName(p, encoding)));
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    // Deprecated (DEP0147): rmdir({ recursive }) behaves as rm({ recursive }) without force,
    // except that a path that is not a directory fails as plain rmdir does (ENOTDIR).
    emitRecursiveRmdirWarning();
    const st = binding.lstat(pathString(path), false, undefined, {});
    if (st !== undefined && (st[1] & constants.S_IFMT) === constants.S_IFDIR) {
      return require('internal/fs/rm').rmSync(path, { ...options, recursive: true, force: false });
    }
  }
  syncCall(binding.rmdir, path);
}

let recursiveRmdirWarned = false;
function emitRecursiveRmdirWarning() {
  if (recursiveRmdirWarned || process.noDeprecation) return;
  recursiveRmdirWarned = true;
  process.emitWarning(
    'In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead',
    'DeprecationWarning', 'DEP0147');
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    return binding.lstat(pathString(path), false, makeReq((err, st) => {
      if (err) return callback(err);
      if ((st[1] & constants.S_IFMT) !== constants.S_IFDIR) {
        return binding.rmdir(path, makeReq(callback));
      }
      require('internal/fs/rm').rm(path, { ...options, recursive: true, force: false }, callback);
    }));
  }
  binding.rmdir(path, makeReq(callback));
}

function unlinkSync(path) {
  syncCall(binding.unlink, getValidatedPath(path));
}

function unlink(path, callback) {
  path = getValidatedPath(path);
  binding.unlink(path, makeReq(makeCallback(callback)));
}

function twoPaths(name, a, b, fn, callback) {
  a = getValidatedPath(a, name[0]);
  b = getValidatedPath(b, name[1]);
  if (callback === undefined) return syncCall(fn, a, b);
  fn(a, b, makeReq(makeCallback(callback)));
}

const renameSync = (oldPath, newPath) =>
  void twoPaths(['oldPath', 'newPath'], oldPath, newPath, binding.rename);
const rename = (oldPath, newPath, callback) =>
  twoPaths(['oldPath', 'newPath'], oldPath, newPath, binding.rename, makeCallback(callback));
const linkSync = (existingPath, newPath) =>
  void twoPaths(['existingPath', 'newPath'], existingPath, newPath, binding.link);
const link = (existingPath, newPath, callback) =>
  twoPaths(['existingPath', 'newPath'], existingPath, newPath, binding.link,
    makeCallback(callback));

function copyMode(mode) {
  if (mode == null) return 0;
  validateInteger(mode, 'mode', 0, 7);
  return mode;
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  syncCall(binding.copyFile, src, dest, copyMode(mode));
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = copyMode(mode);
  binding.copyFile(src, dest, mode, makeReq(makeCallback(callback)));
}

function symlinkFlags(type) {
  if (type == null) return 0;
  if (type !== 'dir' && type !== 'file' && type !== 'junction') {
    const { ERR_FS_INVALID_SYMLINK_TYPE } = require('internal/errors').codes;
    throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
  }
  return type === 'dir' ? UV_FS_SYMLINK_DIR : 0;
}

function symlinkSync(target, path, type) {
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  syncCall(binding.symlink, target, path, symlinkFlags(type));
}

function symlink(target, path, type, callback) {
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  callback = makeCallback(callback);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, symlinkFlags(type), makeReq(callback));
}

function readlinkSync(path, options) {
  const { encoding } = getOptions(options);
  return encodeName(syncCall(binding.readlink, getValidatedPath(path, 'oldPath')), encoding);
}

function readlink(path, options, callback) {
  if (typeof options === 'function') callback = options;
  callback = makeCallback(callback);
  const { encoding } = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  binding.readlink(path, makeReq(callback, (p) => encodeName(p, encoding)));
}

// Differs from Node 20: fs.realpath uses realpath(3) (as realpath.native does) instead of
// resolving links in JS; results match except for the error `syscall` ('realpath').
function realpathSync(path, options) {
  const { encoding } = getOptions(options);
  return encodeName(syncCall(binding.realpath, getValidatedPath(path)), encoding);
}

function realpath(path, options, callback) {
  if (typeof options === 'function') callback = options;
  callback = makeCallback(callback);
  const { encoding } = getOptions(options);
  path = getValidatedPath(path);
  // Three arguments: two would be the module loader's (path, ctx) form.
  binding.realpath(path, makeReq(callback, (p) => encodeName(p, encoding)), undefined);
}
realpathSync.native = realpathSync;
realpath.native = realpath;

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  syncCall(binding.chmod, path, parseMode(mode, 'mode'));
}

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseMode(mode, 'mode');
  binding.chmod(path, mode, makeReq(makeCallback(callback)));
}

function chownLike(fn) {
  return [
    function(path, uid, gid) {
      path = getValidatedPath(path);
      validateIds(uid, gid);
      syncCall(fn, path, uid, gid);
    },
    function(path, uid, gid, callback) {
      callback = makeCallback(callback);
      path = getValidatedPath(path);
      validateIds(uid, gid);
      fn(path, uid, gid, makeReq(callback));
    },
  ];
}

const [chownSync, chown] = chownLike((...args) => binding.chown(...args));
const [lchownSync, lchown] = chownLike((...args) => binding.lchown(...args));

function utimesLike(fn) {
  return [
    function(path, atime, mtime) {
      path = getValidatedPath(path);
      syncCall(fn, path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'));
    },
    function(path, atime, mtime, callback) {
      callback = makeCallback(callback);
      path = getValidatedPath(path);
      fn(path, toUnixTimestamp(atime, 'atime'), toUnixTimestamp(mtime, 'mtime'),
        makeReq(callback));
    },
  ];
}

const [utimesSync, utimes] = utimesLike((...args) => binding.utimes(...args));
const [lutimesSync, lutimes] = utimesLike((...args) => binding.lutimes(...args));

module.exports = {
  accessSync, access, existsSync, exists, statSync, stat, lstatSync, lstat, statfsSync,
  statfs, mkdirSync, mkdir, mkdtempSync, mkdtemp, rmdirSync, rmdir, unlinkSync, unlink,
  renameSync, rename, linkSync, link, copyFileSync, copyFile, symlinkSync, symlink,
  readlinkSync, readlink, realpathSync, realpath, chmodSync, chmod, chownSync, chown,
  lchownSync, lchown, utimesSync, utimes, lutimesSync, lutimes, mkdirOptions,
  symlinkFlags, copyMode, accessMode,
};
