'use strict';
// Finds the names a CommonJS module exports, without running it, so that `import { x }`
// from CommonJS works as in Node. Like Node's lexer this is a heuristic over the source:
// `exports.x =`, `module.exports.x =`, `Object.defineProperty(exports, 'x'`, and the keys
// of an object literal assigned to `module.exports`; and the specifiers it reexports
// (`module.exports = require('./x')`, TypeScript's `__exportStar(require('./x'), exports)`,
// `...require('./x')` in that object literal), whose names the loader adds.
// TODO(compat): a real tokenizer that skips strings, comments and regular expressions.

const kIdentifier = '[A-Za-z_$][\\w$]*';
const kDotAssign = new RegExp(`(?:^|[^.\\w$])(?:module\\.)?exports\\.(${kIdentifier})\\s*=[^=]`,
  'g');
const kBracketAssign = /(?:^|[^.\w$])(?:module\.)?exports\[\s*(['"])([^'"]+)\1\s*\]\s*=[^=]/g;
const kDefineProperty =
  /Object\.defineProperty\(\s*(?:module\.)?exports\s*,\s*(['"])([^'"]+)\1/g;
const kObjectLiteral = /(?:^|[^.\w$])module\.exports\s*=\s*\{([^{}]*)\}/g;
const kRequireCall = String.raw`require\(\s*(['"])([^'"]+)\1\s*\)`;
const kReexportAssign =
  new RegExp(String.raw`(?:^|[^.\w$])module\.exports\s*=\s*${kRequireCall}`, 'g');
const kExportStar = new RegExp(
  String.raw`(?:^|[^\w$])__export(?:Star)?\(\s*${kRequireCall}\s*(?:,\s*(?:module\.)?exports\s*)?\)`,
  'g');
const kSpreadRequire = new RegExp(String.raw`^\.\.\.\s*${kRequireCall}$`);

function objectLiteralKeys(body, reexports) {
  const names = [];
  for (let part of body.split(',')) {
    part = part.trim();
    if (part.startsWith('...')) {
      const spread = kSpreadRequire.exec(part);
      if (spread !== null) reexports.push(spread[2]);
      continue;
    }
    if (part === '') continue;
    const match = new RegExp(`^(?:(['"])([^'"]+)\\1|(${kIdentifier}))\\s*(?::|$|\\()`)
      .exec(part);
    if (match !== null) names.push(match[2] || match[3]);
  }
  return names;
}

// Returns { names, reexports }: the names `source` exports itself and the specifiers,
// as written, whose exports it passes on.
function cjsExports(source) {
  const names = new Set();
  const reexports = [];
  for (const match of source.matchAll(kDotAssign)) names.add(match[1]);
  for (const match of source.matchAll(kBracketAssign)) names.add(match[2]);
  for (const match of source.matchAll(kDefineProperty)) names.add(match[2]);
  for (const match of source.matchAll(kObjectLiteral)) {
    for (const name of objectLiteralKeys(match[1], reexports)) names.add(name);
  }
  for (const match of source.matchAll(kReexportAssign)) reexports.push(match[2]);
  for (const match of source.matchAll(kExportStar)) reexports.push(match[2]);
  names.delete('default');
  return { names: [...names], reexports };
}

module.exports = { cjsExports };
