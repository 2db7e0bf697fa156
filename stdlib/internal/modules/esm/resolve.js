'use strict';
// ES module resolution: specifier + parent URL -> { url, format }.
// Relative and absolute specifiers, file: and node: URLs are resolved here; bare package
// specifiers go through the CommonJS package lookup for now.
// TODO(compat): resolve through the shared C++ resolver (resolver/), which implements
// "exports"/"imports" with the import conditions exactly as Node does.

const path = require('path');
const { internalModuleStat } = internalBinding('fs');
const { canBeRequiredByUsers } = require('internal/bootstrap/realm');
const { formatOfFile } = require('internal/modules/package_scope');
const { pathToFileURLString, fileURLToPath } = require('internal/modules/esm/file_url');
const {
  codes: {
    ERR_MODULE_NOT_FOUND,
    ERR_UNKNOWN_BUILTIN_MODULE,
    ERR_UNSUPPORTED_DIR_IMPORT,
    ERR_UNSUPPORTED_ESM_URL_SCHEME,
  },
} = require('internal/errors');

function isRelativeOrAbsolute(specifier) {
  return specifier.startsWith('./') || specifier.startsWith('../') ||
    specifier.startsWith('/') || specifier === '.' || specifier === '..';
}

function builtinResult(id) {
  if (!canBeRequiredByUsers(id)) throw new ERR_UNKNOWN_BUILTIN_MODULE(`node:${id}`);
  return { url: `node:${id}`, format: 'builtin' };
}

function fileResult(filename, parentURL) {
  const kind = internalModuleStat(filename);
  const parentPath = parentURL.startsWith('file:') ? fileURLToPath(parentURL) : parentURL;
  if (kind === 1) throw new ERR_UNSUPPORTED_DIR_IMPORT(filename, parentPath);
  if (kind !== 0) {
    const error = new ERR_MODULE_NOT_FOUND(filename, parentPath, true);
    error.url = pathToFileURLString(filename);
    throw error;
  }
  const { realpath } = internalBinding('fs');
  const real = realpath(filename, {}) || filename;
  return { url: pathToFileURLString(real), format: formatOfFile(real) };
}

function resolve(specifier, parentURL) {
  if (specifier.startsWith('node:')) return builtinResult(specifier.slice(5));
  const parentPath = parentURL.startsWith('file:') ? fileURLToPath(parentURL) :
    path.join(process.cwd(), 'noop.js');
  if (isRelativeOrAbsolute(specifier)) {
    const target = specifier.startsWith('/') ? specifier :
      path.resolve(path.dirname(parentPath), decodeURIComponent(specifier));
    return fileResult(target, parentURL);
  }
  if (specifier.startsWith('file:')) return fileResult(fileURLToPath(specifier), parentURL);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(specifier);
  if (scheme !== null && scheme[1].length > 1) {
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME({ protocol: `${scheme[1]}:` });
  }
  if (canBeRequiredByUsers(specifier)) return builtinResult(specifier);
  // A bare package specifier.
  const Module = require('internal/modules/cjs/loader');
  let filename;
  try {
    filename = Module._resolveFilename(specifier, {
      filename: parentPath,
      paths: Module._nodeModulePaths(path.dirname(parentPath)),
    }, false);
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') :
      specifier.split('/')[0];
    throw new ERR_MODULE_NOT_FOUND(name, parentPath, false);
  }
  return fileResult(filename, parentURL);
}

module.exports = { resolve };
