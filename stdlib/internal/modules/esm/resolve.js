'use strict';
// ES module resolution: specifier + parent URL -> { url, format }, by the shared C++
// resolver (Node 20's algorithm: exports/imports with the import conditions, no
// extension search, node:/file:/data: URLs).

const resolver = require('internal/modules/resolver');

function resolve(specifier, parentURL) {
  const Module = require('internal/modules/cjs/loader');
  resolver.ensureConfigured(Object.keys(Module._extensions), Module.globalPaths);
  const result = resolver.resolveImport(specifier, parentURL);
  if (!Array.isArray(result)) throw resolver.errorFromRecord(result);
  // Differs from Node 20.20: a .js file outside any "type" scope is CommonJS here; Node
  // 20.20 also detects ES module syntax in it.
  return { url: result[0], format: result[1] || 'commonjs' };
}

module.exports = { resolve };
