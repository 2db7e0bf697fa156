'use strict';
// The CommonJS loader: Module, require, require.cache, require.resolve, and the
// module wrapper. Resolution here covers files, extensions, directories (package.json
// "main", index files) and the node_modules walk.
// TODO(compat): resolve through the shared C++ resolver (resolver/), which adds
// "exports"/"imports", self-reference and the package.json cache.

const path = require('path');
const { internalModuleStat, readFileUtf8, realpath } = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const { canBeRequiredByUsers, publicIds, requireBuiltin } =
  require('internal/bootstrap/realm');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_BUILTIN_MODULE },
  uvException,
} = require('internal/errors');
const { validateString } = require('internal/validators');

const kWrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];

function stat(filename) {
  return internalModuleStat(filename);  // 0 file, 1 directory, < 0 missing.
}

function readFile(filename) {
  const ctx = {};
  const text = readFileUtf8(filename, ctx);
  if (ctx.code !== undefined) throw uvException(ctx);
  return text;
}

const realpathCache = new Map();
function toRealPath(filename) {
  let real = realpathCache.get(filename);
  if (real === undefined) {
    const ctx = {};
    real = realpath(filename, ctx);
    if (ctx.code !== undefined) throw uvException(ctx);
    realpathCache.set(filename, real);
  }
  return real;
}

function stripBOM(text) {
  return text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text;
}

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  return canBeRequiredByUsers(id.startsWith('node:') ? id.slice(5) : id);
}

class Module {
  constructor(id = '', parent) {
    this.id = id;
    this.path = path.dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    Object.defineProperty(this, 'parent', {
      value: parent, writable: true, enumerable: false, configurable: true,
    });
    if (parent && !parent.children.includes(this)) parent.children.push(this);
  }

  require(id) {
    validateString(id, 'id');
    if (id === '') throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
    return Module._load(id, this, false);
  }

  load(filename) {
    this.filename = filename;
    this.paths = Module._nodeModulePaths(path.dirname(filename));
    const extension = findExtension(filename);
    Module._extensions[extension](this, filename);
    this.loaded = true;
  }

  _compile(content, filename) {
    // A leading hashbang is legal in scripts but not in a function body: blank it out,
    // keeping the columns.
    if (content.startsWith('#!')) content = `//${content.slice(2)}`;
    const wrapper = compileFunction(content, filename, kWrapperParams);
    const require = makeRequireFunction(this);
    return Reflect.apply(wrapper, this.exports,
      [this.exports, require, this, filename, path.dirname(filename)]);
  }

  static _cache = { __proto__: null };
  static _pathCache = { __proto__: null };
  static _extensions = { __proto__: null };
  static globalPaths = [];
  static builtinModules = publicIds;
  static isBuiltin = isBuiltin;

  // Loads `request` on behalf of `parent`: the cache, then builtins, then a file.
  static _load(request, parent, isMain) {
    if (request.startsWith('node:')) {
      const id = request.slice(5);
      if (!canBeRequiredByUsers(id)) throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
      return requireBuiltin(id);
    }
    if (canBeRequiredByUsers(request)) return requireBuiltin(request);
    const filename = Module._resolveFilename(request, parent, isMain);
    const cached = Module._cache[filename];
    if (cached !== undefined) {
      if (parent && !parent.children.includes(cached)) parent.children.push(cached);
      return cached.exports;
    }
    const module = new Module(filename, parent);
    if (isMain) {
      process.mainModule = module;
      module.id = '.';
    }
    Module._cache[filename] = module;
    let threw = true;
    try {
      module.load(filename);
      threw = false;
    } finally {
      if (threw) {
        delete Module._cache[filename];
        if (parent) {
          const index = parent.children.indexOf(module);
          if (index !== -1) parent.children.splice(index, 1);
        }
      }
    }
    return module.exports;
  }

  static _resolveFilename(request, parent, isMain, options) {
    if (isBuiltin(request)) return request;
    let paths;
    if (options && options.paths) {
      paths = [];
      for (const base of options.paths) {
        const fake = new Module('', null);
        fake.paths = Module._nodeModulePaths(base);
        if (isRelative(request)) paths.push(base);
        else paths.push(...fake.paths);
      }
    } else {
      paths = Module._resolveLookupPaths(request, parent);
    }
    const filename = Module._findPath(request, paths, isMain);
    if (filename) return filename;
    const requireStack = [];
    for (let m = parent; m; m = m.parent) requireStack.push(m.filename || m.id);
    let message = `Cannot find module '${request}'`;
    if (requireStack.length > 0) message += `\nRequire stack:\n- ${requireStack.join('\n- ')}`;
    const error = new Error(message);
    error.code = 'MODULE_NOT_FOUND';
    error.requireStack = requireStack;
    throw error;
  }

  static _resolveLookupPaths(request, parent) {
    if (isRelative(request)) {
      const dir = parent && parent.filename ? path.dirname(parent.filename) : process.cwd();
      return [dir];
    }
    const parentPaths = parent && parent.paths && parent.paths.length > 0 ?
      parent.paths : Module._nodeModulePaths(process.cwd());
    return [...parentPaths, ...Module.globalPaths];
  }

  static _findPath(request, paths, isMain) {
    const absolute = path.isAbsolute(request);
    if (absolute) paths = [''];
    const cacheKey = `${request}\x00${paths.join('\x00')}`;
    const cached = Module._pathCache[cacheKey];
    if (cached) return cached;
    const trailingSlash = request.endsWith('/') || /(?:^|\/)\.\.?$/.test(request);
    for (const dir of paths) {
      const base = absolute ? path.resolve(request) : path.resolve(dir, request);
      let filename = false;
      if (!trailingSlash) {
        const kind = stat(base);
        if (kind === 0) filename = toRealPath(base);
        else if (kind !== 1) filename = tryExtensions(base);
      }
      if (!filename && stat(base) === 1) filename = tryPackage(base, request);
      if (filename) {
        Module._pathCache[cacheKey] = filename;
        return filename;
      }
    }
    return false;
  }

  // The node_modules folders to search from `from` up to the root.
  static _nodeModulePaths(from) {
    from = path.resolve(from);
    if (from === '/') return ['/node_modules'];
    const paths = [];
    const parts = from.split('/');
    for (let i = parts.length; i > 0; i--) {
      if (parts[i - 1] === 'node_modules') continue;
      paths.push(`${parts.slice(0, i).join('/')}/node_modules`);
    }
    paths[paths.length - 1] = '/node_modules';
    return paths;
  }

  static createRequire(filename) {
    if (typeof filename === 'object' && filename !== null && filename.href) {
      filename = decodeURIComponent(new URL(filename.href).pathname);
    } else if (typeof filename === 'string' && filename.startsWith('file:')) {
      filename = decodeURIComponent(filename.slice(filename.startsWith('file://') ? 7 : 5));
    }
    if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
      throw new ERR_INVALID_ARG_VALUE('filename', filename,
        'must be a file URL object, file URL string, or absolute path string');
    }
    const trailingSlash = filename.endsWith('/');
    const proxyPath = trailingSlash ? path.join(filename, 'noop.js') : filename;
    const module = new Module(proxyPath, null);
    module.filename = proxyPath;
    module.paths = Module._nodeModulePaths(module.path);
    return makeRequireFunction(module);
  }

  static runMain(mainPath) {
    Module._load(mainPath, null, true);
  }
}

function isRelative(request) {
  return request === '.' || request === '..' || request.startsWith('./') ||
    request.startsWith('../') || request.startsWith('/');
}

function findExtension(filename) {
  const name = path.basename(filename);
  let index = 0;
  // The longest registered extension wins (".test.js" before ".js").
  while ((index = name.indexOf('.', index + 1)) !== -1) {
    const extension = name.slice(index);
    if (Module._extensions[extension]) return extension;
  }
  return '.js';
}

function tryExtensions(base) {
  for (const extension of Object.keys(Module._extensions)) {
    const filename = base + extension;
    if (stat(filename) === 0) return toRealPath(filename);
  }
  return false;
}

function readPackageMain(dir) {
  const jsonPath = path.join(dir, 'package.json');
  if (stat(jsonPath) !== 0) return undefined;
  let pkg;
  try {
    pkg = JSON.parse(readFile(jsonPath));
  } catch (error) {
    error.path = jsonPath;
    error.message = `Error parsing ${jsonPath}: ${error.message}`;
    throw error;
  }
  return typeof pkg.main === 'string' && pkg.main !== '' ? pkg.main : undefined;
}

function tryIndex(dir) {
  return tryExtensions(path.join(dir, 'index'));
}

function tryPackage(dir, request) {
  const main = readPackageMain(dir);
  if (main === undefined) return tryIndex(dir);
  const target = path.resolve(dir, main);
  const kind = stat(target);
  const found = (kind === 0 && toRealPath(target)) || tryExtensions(target) ||
    (kind === 1 && tryIndex(target)) || tryIndex(dir);
  if (found) return found;
  const error = new Error(`Cannot find module '${target}'. Please verify that the ` +
    'package.json has a valid "main" entry');
  error.code = 'MODULE_NOT_FOUND';
  error.path = path.join(dir, 'package.json');
  error.requestPath = request;
  throw error;
}

Module._extensions['.js'] = function loadJs(module, filename) {
  const { packageType } = require('internal/modules/package_scope');
  if (packageType(filename) === 'module') {
    loadESM(module, filename);
    return;
  }
  module._compile(stripBOM(readFile(filename)), filename);
};

// require() of an ES module, as Node 20.19+ does it: the namespace object.
// TODO(compat): Node adds `__esModule: true` to the namespace when it has a default export.
function loadESM(module, filename) {
  const { requireModule } = require('internal/modules/esm/loader');
  module.exports = requireModule(filename);
}

Module._extensions['.mjs'] = loadESM;

Module._extensions['.json'] = function loadJson(module, filename) {
  const content = readFile(filename);
  try {
    module.exports = JSON.parse(stripBOM(content));
  } catch (error) {
    error.message = `${filename}: ${error.message}`;
    throw error;
  }
};

Module._extensions['.node'] = function loadNative(module, filename) {
  // Differs from Node 20: native addons need Node's C++ ABI, which skua does not offer.
  const error = new Error(`Cannot load native addon '${filename}': skua does not support ` +
    'Node-API addons yet');
  error.code = 'ERR_DLOPEN_FAILED';
  throw error;
};

function makeRequireFunction(module) {
  function require(id) {
    return module.require(id);
  }
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, module, false, options);
  }
  resolve.paths = function paths(request) {
    validateString(request, 'request');
    if (isBuiltin(request)) return null;
    return Module._resolveLookupPaths(request, module);
  };
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

// Node's Module functions are plain enumerable properties (named exports of node:module).
for (const name of ['_load', '_resolveFilename', '_resolveLookupPaths', '_findPath',
  '_nodeModulePaths', 'createRequire', 'runMain', 'isBuiltin']) {
  Object.defineProperty(Module, name, { enumerable: true });
}
Module.Module = Module;
Module.makeRequireFunction = makeRequireFunction;

module.exports = Module;
