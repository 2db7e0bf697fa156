'use strict';
// The runtime's door to the shared C++ resolver (resolver/ via the module_resolver
// binding): configures it from the command line and Module state, and turns its error
// records into the errors Node throws.

const binding = internalBinding('module_resolver');
const options = internalBinding('options');
const { publicIds, schemeOnlyIds } = require('internal/bootstrap/realm');
const { makeNodeError } = require('internal/errors');

// Node's base classes for the resolution errors it raises.
const kTypeErrorCodes = new Set([
  'ERR_INVALID_MODULE_SPECIFIER',
  'ERR_PACKAGE_IMPORT_NOT_DEFINED',
  'ERR_INVALID_FILE_URL_PATH',
  'ERR_INVALID_FILE_URL_HOST',
  'ERR_UNSUPPORTED_RESOLVE_REQUEST',
]);

let configuredKey = null;

// (Re)configures when what the resolver depends on changed: require.extensions keys or
// Module.globalPaths. Building a new resolver drops its package.json cache, so only then.
function ensureConfigured(extensions, globalPaths) {
  const key = `${extensions.join('\0')}\u0001${globalPaths.join('\0')}`;
  if (key === configuredKey) return;
  binding.configure({
    builtins: publicIds,
    schemeOnlyBuiltins: schemeOnlyIds,
    conditions: options.conditions,
    preserveSymlinks: process.execArgv.includes('--preserve-symlinks'),
    extensions,
    globalPaths,
    cwd: process.cwd(),
  });
  configuredKey = key;
}

function errorFromRecord(record) {
  if (record.code === 'MODULE_NOT_FOUND') {
    const error = new Error(record.message);
    error.code = 'MODULE_NOT_FOUND';
    if (record.path !== undefined) error.path = record.path;
    return error;
  }
  const error = makeNodeError(kTypeErrorCodes.has(record.code) ? TypeError : Error,
    record.code, record.message);
  if (record.url !== undefined) error.url = record.url;
  return error;
}

module.exports = {
  ensureConfigured,
  errorFromRecord,
  resolveRequire: binding.resolveRequire,
  resolveImport: binding.resolveImport,
  lookupPaths: binding.lookupPaths,
  packageType: binding.packageType,
  nodeModulePaths: binding.nodeModulePaths,
};
