'use strict';
// node:fs (nodejs.org/api/fs.html): every call in its synchronous and callback forms,
// plus fs.promises. The pieces live in internal/fs/: fd_ops (descriptors), path_ops
// (paths), read_write_file, dir (readdir, opendir), rm, cp, streams, promises.

const fdOps = require('internal/fs/fd_ops');
const pathOps = require('internal/fs/path_ops');
const files = require('internal/fs/read_write_file');
const dir = require('internal/fs/dir');
const rmImpl = require('internal/fs/rm');
const { constants, Stats, StatFs, Dirent } = require('internal/fs/utils');

const { F_OK, R_OK, W_OK, X_OK } = constants;

let promises;
let streams;
let cpImpl;

function lazyStreams() {
  streams ??= require('internal/fs/streams');
  return streams;
}

function lazyCp() {
  cpImpl ??= require('internal/fs/cp');
  return cpImpl;
}

module.exports = {
  appendFile: files.appendFile,
  appendFileSync: files.appendFileSync,
  access: pathOps.access,
  accessSync: pathOps.accessSync,
  chown: pathOps.chown,
  chownSync: pathOps.chownSync,
  chmod: pathOps.chmod,
  chmodSync: pathOps.chmodSync,
  close: fdOps.close,
  closeSync: fdOps.closeSync,
  copyFile: pathOps.copyFile,
  copyFileSync: pathOps.copyFileSync,
  cp: (...args) => lazyCp().cp(...args),
  cpSync: (...args) => lazyCp().cpSync(...args),
  // Plain functions, not arrows: old code calls them with `new`.
  createReadStream: function createReadStream(path, options) {
    return lazyStreams().createReadStream(path, options);
  },
  createWriteStream: function createWriteStream(path, options) {
    return lazyStreams().createWriteStream(path, options);
  },
  exists: pathOps.exists,
  existsSync: pathOps.existsSync,
  fchown: fdOps.fchown,
  fchownSync: fdOps.fchownSync,
  fchmod: fdOps.fchmod,
  fchmodSync: fdOps.fchmodSync,
  fdatasync: fdOps.fdatasync,
  fdatasyncSync: fdOps.fdatasyncSync,
  fstat: fdOps.fstat,
  fstatSync: fdOps.fstatSync,
  fsync: fdOps.fsync,
  fsyncSync: fdOps.fsyncSync,
  ftruncate: fdOps.ftruncate,
  ftruncateSync: fdOps.ftruncateSync,
  futimes: fdOps.futimes,
  futimesSync: fdOps.futimesSync,
  lchown: pathOps.lchown,
  lchownSync: pathOps.lchownSync,
  // lchmod exists only on macOS, as in Node.
  lchmod: undefined,
  lchmodSync: undefined,
  link: pathOps.link,
  linkSync: pathOps.linkSync,
  lstat: pathOps.lstat,
  lstatSync: pathOps.lstatSync,
  lutimes: pathOps.lutimes,
  lutimesSync: pathOps.lutimesSync,
  mkdir: pathOps.mkdir,
  mkdirSync: pathOps.mkdirSync,
  mkdtemp: pathOps.mkdtemp,
  mkdtempSync: pathOps.mkdtempSync,
  open: fdOps.open,
  openSync: fdOps.openSync,
  opendir: dir.opendir,
  opendirSync: dir.opendirSync,
  readdir: dir.readdir,
  readdirSync: dir.readdirSync,
  read: fdOps.read,
  readSync: fdOps.readSync,
  readv: fdOps.readv,
  readvSync: fdOps.readvSync,
  readFile: files.readFile,
  readFileSync: files.readFileSync,
  readlink: pathOps.readlink,
  readlinkSync: pathOps.readlinkSync,
  realpath: pathOps.realpath,
  realpathSync: pathOps.realpathSync,
  rename: pathOps.rename,
  renameSync: pathOps.renameSync,
  rm: rmImpl.rm,
  rmSync: rmImpl.rmSync,
  rmdir: pathOps.rmdir,
  rmdirSync: pathOps.rmdirSync,
  stat: pathOps.stat,
  statfs: pathOps.statfs,
  statSync: pathOps.statSync,
  statfsSync: pathOps.statfsSync,
  symlink: pathOps.symlink,
  symlinkSync: pathOps.symlinkSync,
  truncate: fdOps.truncate,
  truncateSync: fdOps.truncateSync,
  unwatchFile: (...args) => lazyWatch().unwatchFile(...args),
  unlink: pathOps.unlink,
  unlinkSync: pathOps.unlinkSync,
  utimes: pathOps.utimes,
  utimesSync: pathOps.utimesSync,
  watch: (...args) => lazyWatch().watch(...args),
  watchFile: (...args) => lazyWatch().watchFile(...args),
  writeFile: files.writeFile,
  writeFileSync: files.writeFileSync,
  write: fdOps.write,
  writeSync: fdOps.writeSync,
  writev: fdOps.writev,
  writevSync: fdOps.writevSync,
  Dirent,
  Stats,
  StatFs,
  Dir: dir.Dir,
  F_OK,
  R_OK,
  W_OK,
  X_OK,
  constants,
  _toUnixTimestamp: require('internal/fs/utils').toUnixTimestamp,
};

let watchers;
function lazyWatch() {
  watchers ??= require('internal/fs/watchers');
  return watchers;
}

Object.defineProperties(module.exports, {
  promises: {
    enumerable: true,
    configurable: true,
    get() {
      promises ??= require('internal/fs/promises').exports;
      return promises;
    },
  },
  ReadStream: {
    enumerable: false,
    configurable: true,
    get() { return lazyStreams().ReadStream; },
    set(value) { Object.defineProperty(module.exports, 'ReadStream', { value, writable: true }); },
  },
  WriteStream: {
    enumerable: false,
    configurable: true,
    get() { return lazyStreams().WriteStream; },
    set(value) { Object.defineProperty(module.exports, 'WriteStream', { value, writable: true }); },
  },
});
