'use strict';
// path.win32: Windows paths. Both '\\' and '/' separate; roots are '\\', a drive ('C:' or
// 'C:\\') or a UNC share ('\\\\server\\share').

const { validateObject, validateString } = require('internal/validators');
const common = require('internal/path/common');

const BACKSLASH = 92;
const SLASH = 47;
const COLON = 58;
const isSep = (c) => c === BACKSLASH || c === SLASH;

function isDriveLetter(c) {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// Whether the path starts with a drive, 'C:'.
function hasDrive(path) {
  return path.length >= 2 && path.charCodeAt(1) === COLON && isDriveLetter(path.charCodeAt(0));
}

// For a path starting with two separators: the bounds of '\\\\server\\share', or null
// when there is no server followed by a share.
function uncRoot(path) {
  const len = path.length;
  let j = 2;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  if (j === 2 || j === len) return null;
  const server = path.slice(2, j);
  while (j < len && isSep(path.charCodeAt(j))) j++;
  if (j === len) return null;
  const shareStart = j;
  while (j < len && !isSep(path.charCodeAt(j))) j++;
  return { server, shareStart, shareEnd: j };
}

// The root of a path as resolve and normalize see it: its device ('C:', '\\\\srv\\share'
// or ''), where the root ends, and whether it is absolute.
function splitRoot(path) {
  const len = path.length;
  const c0 = path.charCodeAt(0);
  if (len === 1) {
    return isSep(c0) ? { device: '', rootEnd: 1, absolute: true, unc: null } :
      { device: '', rootEnd: 0, absolute: false, unc: null };
  }
  if (isSep(c0)) {
    if (isSep(path.charCodeAt(1))) {
      const unc = uncRoot(path);
      if (unc !== null && (unc.server === '.' || unc.server === '?')) {
        // A device namespace root, '\\\\.\\' or '\\\\?\\'.
        return { device: `\\\\${unc.server}`, rootEnd: 4, absolute: true, unc: null };
      }
      if (unc !== null) {
        return {
          device: `\\\\${unc.server}\\${path.slice(unc.shareStart, unc.shareEnd)}`,
          rootEnd: unc.shareEnd, absolute: true, unc,
        };
      }
      return { device: '', rootEnd: 0, absolute: true, unc: null };
    }
    return { device: '', rootEnd: 1, absolute: true, unc: null };
  }
  if (hasDrive(path)) {
    if (len > 2 && isSep(path.charCodeAt(2))) {
      return { device: path.slice(0, 2), rootEnd: 3, absolute: true, unc: null };
    }
    return { device: path.slice(0, 2), rootEnd: 2, absolute: false, unc: null };
  }
  return { device: '', rootEnd: 0, absolute: false, unc: null };
}

function normalizeTail(tail, allowAboveRoot) {
  return common.normalizeSegments(tail, allowAboveRoot, '\\', isSep);
}

function resolve(...args) {
  let device = '';
  let tail = '';
  let absolute = false;
  for (let i = args.length - 1; i >= -1; i--) {
    let path;
    if (i >= 0) {
      path = args[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
    } else if (device.length === 0) {
      path = process.cwd();
    } else {
      // The working directory of a drive, which Windows keeps in the '=C:' variables.
      path = process.env[`=${device}`] || process.cwd();
      if (path === undefined ||
          (path.slice(0, 2).toLowerCase() !== device.toLowerCase() &&
           path.charCodeAt(2) === BACKSLASH)) {
        path = `${device}\\`;
      }
    }
    const root = splitRoot(path);
    if (root.device.length > 0) {
      if (device.length === 0) device = root.device;
      else if (root.device.toLowerCase() !== device.toLowerCase()) continue; // other drive
    }
    if (absolute) {
      if (device.length > 0) break;
    } else {
      tail = `${path.slice(root.rootEnd)}\\${tail}`;
      absolute = root.absolute;
      if (absolute && device.length > 0) break;
    }
  }
  tail = normalizeTail(tail, !absolute);
  if (absolute) return `${device}\\${tail}`;
  return `${device}${tail}` || '.';
}

function normalize(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return path.charCodeAt(0) === SLASH ? '\\' : path;
  let root = splitRoot(path);
  const reserved = root.device === '' && !root.absolute ? reservedDevice(path) : 0;
  if (reserved > 0) {
    // 'CON:' and friends are read like a drive (Node 20.19+).
    const rootEnd = reserved < len && isSep(path.charCodeAt(reserved)) ? reserved + 1 : reserved;
    root = { device: path.slice(0, reserved), rootEnd, absolute: false, unc: null };
  }
  if (root.unc !== null && root.unc.shareEnd === len) {
    // Just a UNC root: always written with a trailing separator.
    return `\\\\${root.unc.server}\\${path.slice(root.unc.shareStart)}\\`;
  }
  let tail = root.rootEnd < len ? normalizeTail(path.slice(root.rootEnd), !root.absolute) : '';
  if (tail.length === 0 && !root.absolute) tail = '.';
  if (tail.length > 0 && isSep(path.charCodeAt(len - 1))) tail += '\\';
  if (root.absolute) return `${root.device}\\${tail}`;
  // A relative result that could read as a drive or a stream ('a:b', 'x\\y:') keeps a
  // leading '.\\' (Node 20.19+).
  if ((root.device === '' || reserved > 0) && (reserved > 0 || colonRisk(path, tail))) {
    return `.\\${root.device}${tail}`;
  }
  return `${root.device}${tail}`;
}

// Whether a relative path needs a leading '.\\' once normalized: its result starts like a
// drive, one of its components ends in ':' (a stream), or it is a reserved device name with
// one more character ('CONx', 'COM1.'). These mirror what Node 20.19+ does.
function colonRisk(path, tail) {
  if (hasDrive(tail)) return true;
  for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1)) {
    if (i + 1 === path.length || isSep(path.charCodeAt(i + 1))) return true;
  }
  const m = reservedNameRe.exec(path);
  return m !== null && path.length === m[0].length + 1;
}

const reservedNameRe = /^(?:CON|PRN|AUX|NUL|COM[1-9\u00b9\u00b2\u00b3]|LPT[1-9\u00b9\u00b2\u00b3])/i;
const reservedRe = new RegExp(`${reservedNameRe.source}:`, 'i');

// The length of a leading reserved device name with its colon ('CON:'), or 0.
function reservedDevice(path) {
  const m = reservedRe.exec(path);
  return m === null ? 0 : m[0].length;
}

function isAbsolute(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return false;
  const c0 = path.charCodeAt(0);
  return isSep(c0) || (len > 2 && hasDrive(path) && isSep(path.charCodeAt(2)));
}

function join(...args) {
  let joined;
  let first;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    validateString(arg, 'path');
    if (arg.length > 0) {
      if (joined === undefined) joined = first = arg;
      else joined += `\\${arg}`;
    }
  }
  if (joined === undefined) return '.';
  // Only a first part that itself looks like '\\\\server' may yield a UNC root;
  // otherwise a run of leading separators collapses into one.
  const uncLike = first.length > 2 && isSep(first.charCodeAt(0)) &&
    isSep(first.charCodeAt(1)) && !isSep(first.charCodeAt(2));
  if (!uncLike) {
    let n = 0;
    while (n < joined.length && isSep(joined.charCodeAt(n))) n++;
    if (n >= 2) joined = `\\${joined.slice(n)}`;
  }
  return normalize(joined);
}

function trimmedBounds(p) {
  let start = 0;
  while (start < p.length && p.charCodeAt(start) === BACKSLASH) start++;
  let end = p.length;
  while (end - 1 > start && p.charCodeAt(end - 1) === BACKSLASH) end--;
  return [start, end];
}

function relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const fromOrig = resolve(from);
  const toOrig = resolve(to);
  if (fromOrig === toOrig) return '';
  from = fromOrig.toLowerCase();
  to = toOrig.toLowerCase();
  if (from === to) return '';
  // Compare case-insensitively, ignoring leading (and, for UNC roots, trailing) '\\'.
  const [fromStart, fromEnd] = trimmedBounds(from);
  let [toStart, toEnd] = trimmedBounds(to); // eslint-disable-line prefer-const
  const fromLen = fromEnd - fromStart;
  const toLen = toEnd - toStart;
  const common = Math.min(fromLen, toLen);
  let lastSep = -1;
  let i = 0;
  for (; i < common; i++) {
    const c = from.charCodeAt(fromStart + i);
    if (c !== to.charCodeAt(toStart + i)) break;
    if (c === BACKSLASH) lastSep = i;
  }
  if (i !== common) {
    // Different before any shared separator: different roots.
    if (lastSep === -1) return toOrig;
  } else {
    if (toLen > common) {
      // `from` is a prefix of `to`.
      if (to.charCodeAt(toStart + i) === BACKSLASH) return toOrig.slice(toStart + i + 1);
      if (i === 2) return toOrig.slice(toStart + i); // from is a drive root like 'C:\\'
    }
    if (fromLen > common) {
      if (from.charCodeAt(fromStart + i) === BACKSLASH) lastSep = i;
      else if (i === 2) lastSep = 3; // to is a drive root
    }
    if (lastSep === -1) lastSep = 0;
  }
  // One '..' for every component of `from` after the shared part.
  let ups = '';
  for (let k = fromStart + lastSep + 1; k <= fromEnd; k++) {
    if (k === fromEnd || from.charCodeAt(k) === BACKSLASH) ups += ups.length === 0 ? '..' : '\\..';
  }
  toStart += lastSep;
  if (ups.length > 0) return `${ups}${toOrig.slice(toStart, toEnd)}`;
  if (toOrig.charCodeAt(toStart) === BACKSLASH) toStart++;
  return toOrig.slice(toStart, toEnd);
}

function toNamespacedPath(path) {
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = resolve(path);
  if (resolved.length <= 2) return path;
  if (resolved.charCodeAt(0) === BACKSLASH) {
    if (resolved.charCodeAt(1) === BACKSLASH) {
      const c = resolved.charCodeAt(2);
      if (c !== 63 /* ? */ && c !== 46 /* . */) return `\\\\?\\UNC\\${resolved.slice(2)}`;
    }
  } else if (hasDrive(resolved) && resolved.charCodeAt(2) === BACKSLASH) {
    return `\\\\?\\${resolved}`;
  }
  return resolved;
}

// Where the root ends for dirname and parse, which count the separator after a UNC share
// as part of the root. Returns -1 for a path that is only a UNC root.
function rootLength(path) {
  const len = path.length;
  const c0 = path.charCodeAt(0);
  if (isSep(c0)) {
    if (len > 1 && isSep(path.charCodeAt(1))) {
      const unc = uncRoot(path);
      if (unc !== null) return unc.shareEnd === len ? -1 : unc.shareEnd + 1;
    }
    return 1;
  }
  if (hasDrive(path)) return len > 2 && isSep(path.charCodeAt(2)) ? 3 : 2;
  return 0;
}

function dirname(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isSep(path.charCodeAt(0)) ? path : '.';
  const rootEnd = rootLength(path);
  if (rootEnd === -1) return path;
  let i = len - 1;
  while (i >= rootEnd && isSep(path.charCodeAt(i))) i--; // trailing separators
  while (i >= rootEnd && !isSep(path.charCodeAt(i))) i--; // last component
  if (i >= rootEnd) return path.slice(0, i);
  return rootEnd === 0 ? '.' : path.slice(0, rootEnd);
}

function basename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  return common.basename(path, suffix, hasDrive(path) ? 2 : 0, isSep);
}

function extname(path) {
  validateString(path, 'path');
  return common.extname(path, hasDrive(path) ? 2 : 0, isSep);
}

function format(pathObject) {
  validateObject(pathObject, 'pathObject');
  return common.format('\\', pathObject);
}

function parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  const len = path.length;
  if (len === 0) return ret;
  if (len === 1) {
    if (isSep(path.charCodeAt(0))) ret.root = ret.dir = path;
    else ret.base = ret.name = path;
    return ret;
  }
  let rootEnd = rootLength(path);
  if (rootEnd === -1) rootEnd = len;
  if (hasDrive(path) && rootEnd === len) {
    ret.root = ret.dir = path;
    return ret;
  }
  if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
  const { end, sepAt, dot } = common.lastComponent(path, rootEnd, isSep);
  const start = sepAt === -1 ? rootEnd : sepAt + 1;
  if (end !== -1) {
    ret.base = path.slice(start, end);
    if (common.hasExtension(path, start, end, dot)) {
      ret.name = path.slice(start, dot);
      ret.ext = path.slice(dot, end);
    } else {
      ret.name = ret.base;
    }
  }
  ret.dir = start > 0 && start !== rootEnd ? path.slice(0, start - 1) : ret.root;
  return ret;
}

module.exports = {
  resolve,
  normalize,
  isAbsolute,
  join,
  relative,
  toNamespacedPath,
  dirname,
  basename,
  extname,
  format,
  parse,
  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
  _makeLong: toNamespacedPath,
};
