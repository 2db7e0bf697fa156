'use strict';
// fs.Stats, BigIntStats and StatFs, built from the typed arrays the binding returns
// (fields in the order of runtime/bindings/fs_stats.cc).

const {
  S_IFMT, S_IFREG, S_IFDIR, S_IFCHR, S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK,
} = internalBinding('fs').constants;

class StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks) {
    this.dev = dev;
    this.mode = mode;
    this.nlink = nlink;
    this.uid = uid;
    this.gid = gid;
    this.rdev = rdev;
    this.blksize = blksize;
    this.ino = ino;
    this.size = size;
    this.blocks = blocks;
  }
  isDirectory() { return this._checkModeProperty(S_IFDIR); }
  isFile() { return this._checkModeProperty(S_IFREG); }
  isBlockDevice() { return this._checkModeProperty(S_IFBLK); }
  isCharacterDevice() { return this._checkModeProperty(S_IFCHR); }
  isSymbolicLink() { return this._checkModeProperty(S_IFLNK); }
  isFIFO() { return this._checkModeProperty(S_IFIFO); }
  isSocket() { return this._checkModeProperty(S_IFSOCK); }
}

class Stats extends StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
    atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
    super(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
    this.atimeMs = atimeMs;
    this.mtimeMs = mtimeMs;
    this.ctimeMs = ctimeMs;
    this.birthtimeMs = birthtimeMs;
    this.atime = new Date(atimeMs);
    this.mtime = new Date(mtimeMs);
    this.ctime = new Date(ctimeMs);
    this.birthtime = new Date(birthtimeMs);
  }
  _checkModeProperty(property) {
    // Differs from Node 20: no Windows-only FIFO/socket special case (POSIX only).
    return (this.mode & S_IFMT) === property;
  }
}

class BigIntStats extends StatsBase {
  constructor(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
    atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
    super(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks);
    this.atimeMs = atimeNs / 1000000n;
    this.mtimeMs = mtimeNs / 1000000n;
    this.ctimeMs = ctimeNs / 1000000n;
    this.birthtimeMs = birthtimeNs / 1000000n;
    this.atimeNs = atimeNs;
    this.mtimeNs = mtimeNs;
    this.ctimeNs = ctimeNs;
    this.birthtimeNs = birthtimeNs;
    this.atime = new Date(Number(this.atimeMs));
    this.mtime = new Date(Number(this.mtimeMs));
    this.ctime = new Date(Number(this.ctimeMs));
    this.birthtime = new Date(Number(this.birthtimeMs));
  }
  _checkModeProperty(property) {
    return (this.mode & BigInt(S_IFMT)) === BigInt(property);
  }
}

function msFrom(sec, nsec) {
  return sec * 1e3 + nsec / 1e6;
}

function nsFrom(sec, nsec) {
  return sec * 1000000000n + nsec;
}

// A Stats or BigIntStats from the 18 fields at `offset` of `a`.
function getStatsFromBinding(a, offset = 0) {
  const o = offset;
  if (a instanceof BigInt64Array) {
    return new BigIntStats(a[o], a[o + 1], a[o + 2], a[o + 3], a[o + 4], a[o + 5], a[o + 6],
      a[o + 7], a[o + 8], a[o + 9], nsFrom(a[o + 10], a[o + 11]), nsFrom(a[o + 12], a[o + 13]),
      nsFrom(a[o + 14], a[o + 15]), nsFrom(a[o + 16], a[o + 17]));
  }
  return new Stats(a[o], a[o + 1], a[o + 2], a[o + 3], a[o + 4], a[o + 5], a[o + 6],
    a[o + 7], a[o + 8], a[o + 9], msFrom(a[o + 10], a[o + 11]), msFrom(a[o + 12], a[o + 13]),
    msFrom(a[o + 14], a[o + 15]), msFrom(a[o + 16], a[o + 17]));
}

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(a) {
  return new StatFs(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
}

module.exports = { Stats, BigIntStats, StatFs, getStatsFromBinding, getStatFsFromBinding };
