'use strict';
// Finds the names a CommonJS module exports, without running it, so that `import { x }`
// from CommonJS works as in Node. Like Node's lexer this is a heuristic over the source:
// `exports.x =`, `module.exports.x =`, `Object.defineProperty(exports, 'x'`, and the keys
// of an object literal assigned to `module.exports`.
// TODO(compat): reexports (`module.exports = require('./x')`) and a real tokenizer that
// skips strings, comments and regular expressions.

const kIdentifier = '[A-Za-z_$][\\w$]*';
const kDotAssign = new RegExp(`(?:^|[^.\\w$])(?:module\\.)?exports\\.(${kIdentifier})\\s*=[^=]`,
  'g');
const kBracketAssign = /(?:^|[^.\w$])(?:module\.)?exports\[\s*(['"])([^'"]+)\1\s*\]\s*=[^=]/g;
const kDefineProperty =
  /Object\.defineProperty\(\s*(?:module\.)?exports\s*,\s*(['"])([^'"]+)\1/g;
const kObjectLiteral = /(?:^|[^.\w$])module\.exports\s*=\s*\{([^{}]*)\}/g;

function objectLiteralKeys(body) {
  const names = [];
  for (let part of body.split(',')) {
    part = part.trim();
    if (part === '' || part.startsWith('...')) continue;
    const match = new RegExp(`^(?:(['"])([^'"]+)\\1|(${kIdentifier}))\\s*(?::|$|\\()`)
      .exec(part);
    if (match !== null) names.push(match[2] || match[3]);
  }
  return names;
}

function cjsExportNames(source) {
  const names = new Set();
  for (const match of source.matchAll(kDotAssign)) names.add(match[1]);
  for (const match of source.matchAll(kBracketAssign)) names.add(match[2]);
  for (const match of source.matchAll(kDefineProperty)) names.add(match[2]);
  for (const match of source.matchAll(kObjectLiteral)) {
    for (const name of objectLiteralKeys(match[1])) names.add(name);
  }
  names.delete('default');
  return [...names];
}

module.exports = { cjsExportNames };
