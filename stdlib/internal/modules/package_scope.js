'use strict';
// The nearest package.json above a file (its "package scope"), read once per directory.
// Used to decide whether a .js file is CommonJS or an ES module ("type").
// TODO(cleanup): serve this from the C++ resolver's package.json cache.

const path = require('path');
const { internalModuleStat, readFileUtf8 } = internalBinding('fs');

const scopes = new Map();  // Directory -> parsed package.json or null.

function readPackageScope(filename) {
  let dir = path.dirname(filename);
  for (;;) {
    if (path.basename(dir) === 'node_modules') return null;
    let pkg = scopes.get(dir);
    if (pkg === undefined) {
      pkg = null;
      const jsonPath = path.join(dir, 'package.json');
      if (internalModuleStat(jsonPath) === 0) {
        const ctx = {};
        const text = readFileUtf8(jsonPath, ctx);
        try {
          pkg = { path: jsonPath, data: JSON.parse(text) };
        } catch (error) {
          const { codes: { ERR_INVALID_PACKAGE_CONFIG } } = require('internal/errors');
          throw new ERR_INVALID_PACKAGE_CONFIG(`${jsonPath}: ${error.message}`);
        }
      }
      scopes.set(dir, pkg);
    }
    if (pkg !== null) return pkg;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

// 'module' or 'commonjs' for a .js file, as its package scope's "type" says.
function packageType(filename) {
  const scope = readPackageScope(filename);
  return scope !== null && scope.data.type === 'module' ? 'module' : 'commonjs';
}

// The format Node gives a file: 'module', 'commonjs', 'json' or 'addon'.
function formatOfFile(filename) {
  const extension = path.extname(filename);
  if (extension === '.mjs') return 'module';
  if (extension === '.cjs') return 'commonjs';
  if (extension === '.json') return 'json';
  if (extension === '.node') return 'addon';
  return packageType(filename);
}

module.exports = { readPackageScope, packageType, formatOfFile };
