'use strict';
// Whether a file is CommonJS or an ES module, from its extension and its package scope's
// "type". The package.json lookup is the C++ resolver's, so each package.json is read and
// parsed once, for resolution and format alike.

const path = require('path');
const resolver = require('internal/modules/resolver');

// 'module' or 'commonjs' for a .js file, as its package scope's "type" says.
function packageType(filename) {
  const Module = require('internal/modules/cjs/loader');
  resolver.ensureConfigured(Object.keys(Module._extensions), Module.globalPaths);
  const type = resolver.packageType(filename);
  if (typeof type !== 'string') throw resolver.errorFromRecord(type);
  return type === 'module' ? 'module' : 'commonjs';
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

module.exports = { packageType, formatOfFile };
