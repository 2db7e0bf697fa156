'use strict';
// Pieces shared by the posix and win32 flavours of `path`.

// Resolves '.' and '..' segments of a path tail (no root). Segments are separated by any
// character code that `isSep` accepts and are joined with `sep`; the result has no leading
// or trailing separator. '..' segments that climb above the start are kept only when
// `allowAboveRoot` is true. Scans the string once, without splitting it.
function normalizeSegments(tail, allowAboveRoot, sep, isSep) {
  let out = '';
  let depth = 0; // named segments in `out` that a '..' may remove
  const len = tail.length;
  let i = 0;
  while (i < len) {
    while (i < len && isSep(tail.charCodeAt(i))) i++;
    const start = i;
    while (i < len && !isSep(tail.charCodeAt(i))) i++;
    const n = i - start;
    if (n === 0) break;
    if (tail.charCodeAt(start) === 46 /* . */ && (n === 1 ||
        (n === 2 && tail.charCodeAt(start + 1) === 46))) {
      if (n === 1) continue;
      if (depth > 0) {
        const cut = out.lastIndexOf(sep);
        out = cut === -1 ? '' : out.slice(0, cut);
        depth--;
      } else if (allowAboveRoot) {
        out = out.length === 0 ? '..' : `${out}${sep}..`;
      }
      continue;
    }
    const seg = tail.slice(start, i);
    out = out.length === 0 ? seg : `${out}${sep}${seg}`;
    depth++;
  }
  return out;
}

// Where the last path component lies, scanning back from the end down to index `lower`:
// `end` is one past its last character (-1 if there is none), `sepAt` the index of the
// separator before it (-1 if the scan reached `lower`), and `dot` the index of the last '.'
// inside it (-1 if none). Trailing separators are skipped.
function lastComponent(path, lower, isSep) {
  let i = path.length - 1;
  while (i >= lower && isSep(path.charCodeAt(i))) i--;
  if (i < lower) return { end: -1, sepAt: -1, dot: -1 };
  const end = i + 1;
  let dot = -1;
  for (; i >= lower; i--) {
    const c = path.charCodeAt(i);
    if (isSep(c)) return { end, sepAt: i, dot };
    if (c === 46 /* . */ && dot === -1) dot = i;
  }
  return { end, sepAt: -1, dot };
}

// Whether the component [start, end) with its last dot at `dot` has an extension: the dot
// must not be its first character, and '..' has none.
function hasExtension(path, start, end, dot) {
  if (dot === -1 || dot === start) return false;
  return !(end - start === 2 && dot === start + 1 && path.charCodeAt(start) === 46);
}

// `path.basename` for both flavours; characters before `lower` (a drive) never count.
function basename(path, suffix, lower, isSep) {
  const { end, sepAt } = lastComponent(path, lower, isSep);
  const start = sepAt === -1 ? lower : sepAt + 1;
  if (suffix === undefined || suffix.length === 0 || suffix.length > path.length) {
    return end === -1 ? '' : path.slice(start, end);
  }
  if (suffix === path) return '';
  if (end === -1) return path.slice(start); // Node quirk: an all-separator tail is kept.
  // Match the suffix backwards against the component.
  let i = end - 1;
  let k = suffix.length - 1;
  while (i >= start && k >= 0 && path[i] === suffix[k]) {
    i--;
    k--;
  }
  if (k === -1) {
    // The whole suffix matched; a component equal to the suffix is kept whole.
    return i + 1 === start ? path.slice(start, end) : path.slice(start, i + 1);
  }
  // A suffix longer than the component that still matched to its start: Node returns the
  // rest of the path, trailing separators included.
  if (i < start) return path.slice(start);
  return path.slice(start, end);
}

// `path.extname` for both flavours.
function extname(path, lower, isSep) {
  const { end, sepAt, dot } = lastComponent(path, lower, isSep);
  if (end === -1) return '';
  const start = sepAt === -1 ? lower : sepAt + 1;
  return hasExtension(path, start, end, dot) ? path.slice(dot, end) : '';
}

function formatExt(ext) {
  if (!ext) return '';
  return ext[0] === '.' ? ext : `.${ext}`;
}

// `path.format` for both flavours.
function format(sep, pathObject) {
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

module.exports = {
  normalizeSegments,
  lastComponent,
  hasExtension,
  basename,
  extname,
  format,
};
