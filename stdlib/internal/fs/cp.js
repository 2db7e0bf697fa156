'use strict';
// fs.cp / fs.cpSync / fs.promises.cp: copies files, symlinks and (with { recursive })
// directory trees, with filter, force, errorOnExist, dereference, preserveTimestamps and
// verbatimSymlinks.
// Differs from Node 20: sockets/FIFOs/devices are refused with ERR_FS_CP_UNKNOWN rather
// than copied as special files, and mode bits of copied directories are set after their
// contents exactly as the source's.

const pathModule = require('path');
const {
  validateBoolean, validateFunction, validateInteger, validateObject,
} = require('internal/validators');
const { getValidatedPath, pathString, makeCallback } = require('internal/fs/utils');

// A Node SystemError for the cp codes: "<what>: cp returned <code> (<why>) <path>".
function cpError(code, what, uvCode, why, path) {
  const err = new Error(`${what}: cp returned ${uvCode} (${why}) ${path}`);
  err.name = 'SystemError';
  err.code = code;
  err.syscall = 'cp';
  err.path = path;
  err.info = { code: uvCode, message: why, path, syscall: 'cp' };
  return err;
}

const kDefaultCpOptions = {
  dereference: false, errorOnExist: false, force: true, preserveTimestamps: false,
  recursive: false, verbatimSymlinks: false,
};

function cpOptions(options) {
  if (options !== undefined) validateObject(options, 'options');
  options = { ...kDefaultCpOptions, ...options };
  // Each flag is a boolean (an explicit undefined too, as in Node).
  for (const name of Object.keys(kDefaultCpOptions)) {
    validateBoolean(options[name], `options.${name}`);
  }
  // copyFile's mode flags (COPYFILE_EXCL | COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE).
  if (options.mode != null) validateInteger(options.mode, 'mode', 0, 7);
  if (options.dereference && options.verbatimSymlinks) {
    const { ERR_INCOMPATIBLE_OPTION_PAIR } = require('internal/errors').codes;
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) validateFunction(options.filter, 'options.filter');
  return options;
}

function isSubdir(src, dest) {
  const s = pathModule.resolve(src).split(pathModule.sep).filter(Boolean);
  const d = pathModule.resolve(dest).split(pathModule.sep).filter(Boolean);
  return s.every((part, i) => d[i] === part);
}

// The checks Node makes before copying anything; returns the source's stats.
function checkPaths(src, dest, options, srcStat, destStat) {
  if (destStat && srcStat.ino === destStat.ino && srcStat.dev === destStat.dev) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', 'EINVAL',
      'src and dest cannot be the same', dest);
  }
  if (srcStat.isDirectory() && !options.recursive) {
    throw cpError('ERR_FS_EISDIR', 'Recursive option is required to copy a directory',
      'EISDIR', `${src} is a directory (not copied)`, src);
  }
  if (destStat) {
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'Cannot overwrite non-directory with directory',
        'EISDIR', `cannot overwrite non-directory ${dest} with directory ${src}`, dest);
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'Cannot overwrite directory with non-directory',
        'ENOTDIR', `cannot overwrite directory ${dest} with non-directory ${src}`, dest);
    }
  }
  if (srcStat.isDirectory() && isSubdir(src, dest)) {
    throw cpError('ERR_FS_CP_EINVAL', 'Invalid src or dest', 'EINVAL',
      `cannot copy ${src} to a subdirectory of self ${dest}`, dest);
  }
}

// One walk shared by the sync and async forms: a generator that yields each fs call's
// result (a value in the sync form, a promise in the async one) and is resumed with it.
function* copyEntry(ops, src, dest, options, top) {
  if (options.filter) {
    const keep = yield options.filter(src, dest);
    if (!keep) return;
  }
  const srcStat = yield (options.dereference ? ops.stat(src) : ops.lstat(src));
  const destStat = yield ops.lstatOrUndefined(dest);
  if (top) checkPaths(src, dest, options, srcStat, destStat);
  if (srcStat.isDirectory()) {
    if (!destStat) yield ops.mkdir(dest);
    for (const name of yield ops.readdir(src)) {
      yield* copyEntry(ops, pathModule.join(src, name), pathModule.join(dest, name), options,
        false);
    }
    if (!destStat) yield ops.chmod(dest, srcStat.mode);
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    if (destStat) {
      if (!options.force) {
        if (options.errorOnExist) {
          throw cpError('ERR_FS_CP_EEXIST', 'Target already exists', 'EEXIST',
            `${dest} already exists`, dest);
        }
        return;
      }
      yield ops.unlink(dest);
    }
    yield ops.copyFile(src, dest, options.mode ?? 0);
    if (options.preserveTimestamps) yield ops.utimes(dest, srcStat.atime, srcStat.mtime);
  } else if (srcStat.isSymbolicLink()) {
    let target = yield ops.readlink(src);
    if (!options.verbatimSymlinks && !pathModule.isAbsolute(target)) {
      target = pathModule.resolve(pathModule.dirname(src), target);
    }
    if (destStat) yield ops.unlink(dest);
    yield ops.symlink(target, dest);
  } else {
    throw cpError('ERR_FS_CP_UNKNOWN', 'Cannot copy an unknown file type', 'EINVAL',
      `cannot copy an unknown file type ${dest}`, dest);
  }
}

function normalize(src, dest, options) {
  return [pathString(getValidatedPath(src, 'src')), pathString(getValidatedPath(dest, 'dest')),
    cpOptions(options)];
}

function syncOps() {
  const fs = require('fs');
  return {
    stat: fs.statSync, lstat: fs.lstatSync, mkdir: fs.mkdirSync, readdir: fs.readdirSync,
    chmod: fs.chmodSync, unlink: fs.unlinkSync, copyFile: fs.copyFileSync,
    utimes: fs.utimesSync, readlink: fs.readlinkSync, symlink: fs.symlinkSync,
    lstatOrUndefined: (p) => fs.lstatSync(p, { throwIfNoEntry: false }),
  };
}

function asyncOps() {
  const fsp = require('internal/fs/promises').exports;
  return {
    ...fsp,
    lstatOrUndefined: (p) => fsp.lstat(p).catch((err) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    }),
  };
}

function cpSync(src, dest, options) {
  [src, dest, options] = normalize(src, dest, options);
  const walk = copyEntry(syncOps(), src, dest, options, true);
  for (let step = walk.next(); !step.done; step = walk.next(step.value));
}

async function cpAsync(src, dest, options) {
  [src, dest, options] = normalize(src, dest, options);
  const walk = copyEntry(asyncOps(), src, dest, options, true);
  let step = walk.next();
  while (!step.done) {
    let value;
    try {
      value = await step.value;
    } catch (err) {
      step = walk.throw(err);
      continue;
    }
    step = walk.next(value);
  }
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  // Bad arguments throw here, synchronously, as Node's callback API does.
  [src, dest, options] = normalize(src, dest, options);
  cpAsync(src, dest, options).then(() => callback(null), callback);
}

module.exports = { cpSync, cp, cpAsync };
