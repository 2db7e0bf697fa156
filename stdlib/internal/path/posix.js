'use strict';
// path.posix: '/'-separated paths.

const { validateObject, validateString } = require('internal/validators');
const common = require('internal/path/common');

const SLASH = 47; /* / */
const isSep = (c) => c === SLASH;

function normalizeTail(tail, allowAboveRoot) {
  return common.normalizeSegments(tail, allowAboveRoot, '/', isSep);
}

function resolve(...args) {
  let resolved = '';
  let absolute = false;
  // Right to left until an absolute path is found, then the working directory.
  for (let i = args.length - 1; i >= -1 && !absolute; i--) {
    const path = i >= 0 ? args[i] : process.cwd();
    validateString(path, `paths[${i}]`);
    if (path.length === 0) continue;
    resolved = `${path}/${resolved}`;
    absolute = path.charCodeAt(0) === SLASH;
  }
  const tail = normalizeTail(resolved, !absolute);
  if (absolute) return `/${tail}`;
  return tail.length > 0 ? tail : '.';
}

function normalize(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const absolute = path.charCodeAt(0) === SLASH;
  const trailing = path.charCodeAt(path.length - 1) === SLASH;
  let tail = normalizeTail(path, !absolute);
  if (tail.length === 0) {
    if (absolute) return '/';
    return trailing ? './' : '.';
  }
  if (trailing) tail += '/';
  return absolute ? `/${tail}` : tail;
}

function isAbsolute(path) {
  validateString(path, 'path');
  return path.length > 0 && path.charCodeAt(0) === SLASH;
}

function join(...args) {
  let joined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    validateString(arg, 'path');
    if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
  }
  if (joined === undefined) return '.';
  return normalize(joined);
}

function relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  from = resolve(from);
  to = resolve(to);
  if (from === to) return '';
  // Both are now normalized absolute paths. With a '/' appended to each, the shared part
  // ends at the last '/' of their common prefix.
  const a = from === '/' ? from : `${from}/`;
  const b = to === '/' ? to : `${to}/`;
  const max = Math.min(a.length, b.length);
  let boundary = 0;
  for (let i = 0; i < max; i++) {
    const c = a.charCodeAt(i);
    if (c !== b.charCodeAt(i)) break;
    if (c === SLASH) boundary = i;
  }
  let out = '';
  for (let i = boundary + 1; i < a.length; i++) {
    if (a.charCodeAt(i) === SLASH) out += out.length === 0 ? '..' : '/..';
  }
  const rest = b.slice(boundary + 1, b.length - 1);
  if (rest.length === 0) return out;
  return out.length === 0 ? rest : `${out}/${rest}`;
}

function toNamespacedPath(path) {
  return path; // Only meaningful on Windows.
}

function dirname(path) {
  validateString(path, 'path');
  if (path.length === 0) return '.';
  const rooted = path.charCodeAt(0) === SLASH;
  let i = path.length - 1;
  while (i >= 1 && path.charCodeAt(i) === SLASH) i--; // trailing slashes
  while (i >= 1 && path.charCodeAt(i) !== SLASH) i--; // last component
  if (i < 1) return rooted ? '/' : '.';
  if (rooted && i === 1) return '//';
  return path.slice(0, i);
}

function basename(path, suffix) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  return common.basename(path, suffix, 0, isSep);
}

function extname(path) {
  validateString(path, 'path');
  return common.extname(path, 0, isSep);
}

function format(pathObject) {
  validateObject(pathObject, 'pathObject');
  return common.format('/', pathObject);
}

function parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return ret;
  const absolute = path.charCodeAt(0) === SLASH;
  if (absolute) ret.root = '/';
  const lower = absolute ? 1 : 0;
  const { end, sepAt, dot } = common.lastComponent(path, lower, isSep);
  // Node quirk: with no separator after the root, the '..' check counts from index 0.
  const startPart = sepAt === -1 ? 0 : sepAt + 1;
  if (end !== -1) {
    const start = sepAt === -1 ? lower : sepAt + 1;
    let ext = dot !== -1 && dot !== start;
    if (ext && end - start === 2 && dot === end - 1 && dot === startPart + 1 &&
        path.charCodeAt(start) === 46) {
      ext = false;
    }
    ret.base = path.slice(start, end);
    if (ext) {
      ret.name = path.slice(start, dot);
      ret.ext = path.slice(dot, end);
    } else {
      ret.name = ret.base;
    }
  }
  if (startPart > 0) ret.dir = path.slice(0, startPart - 1);
  else if (absolute) ret.dir = '/';
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
  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
  _makeLong: toNamespacedPath,
};
