'use strict';
// The CommonJS loader: Module, require, require.cache, require.resolve, and the
// module wrapper. Resolution is the shared C++ resolver's (internal/modules/resolver).

const path = require('path');
const { readFileUtf8 } = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const { canBeRequiredByUsers, canBeRequiredWithoutScheme, publicIds, requireBuiltin } =
  require('internal/bootstrap/realm');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_UNKNOWN_BUILTIN_MODULE },
  uvException,
} = require('internal/errors');
const { validateString } = require('internal/validators');
const resolver = require('internal/modules/resolver');

const kWrapperParams = ['exports', 'require', 'module', '__filename', '__dirname'];

function readFile(filename) {
  const ctx = {};
  const text = readFileUtf8(filename, ctx);
  if (ctx.code !== undefined) throw uvException(ctx);
  return text;
}

function stripBOM(text) {
  return text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text;
}

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  return id.startsWith('node:') ? canBeRequiredByUsers(id.slice(5)) :
    canBeRequiredWithoutScheme(id);
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
    if (canBeRequiredWithoutScheme(request)) return requireBuiltin(request);
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
    resolver.ensureConfigured(Object.keys(Module._extensions), Module.globalPaths);
    const paths = options && Array.isArray(options.paths) ? options.paths : undefined;
    const result = resolver.resolveRequire(request, parentPath(parent), paths, false);
    if (Array.isArray(result)) return result[1];
    const error = resolver.errorFromRecord(result);
    if (error.code === 'MODULE_NOT_FOUND') {
      // The resolver names only the direct parent; Node lists the whole require stack.
      const requireStack = [];
      for (let m = parent; m; m = m.parent) requireStack.push(m.filename || m.id);
      const head = result.message.split('\nRequire stack:')[0];
      error.message = requireStack.length === 0 ? head :
        `${head}\nRequire stack:\n- ${requireStack.join('\n- ')}`;
      error.requireStack = requireStack;
    }
    throw error;
  }

  static _resolveLookupPaths(request, parent) {
    resolver.ensureConfigured(Object.keys(Module._extensions), Module.globalPaths);
    return resolver.lookupPaths(request, parentPath(parent));
  }

  static _findPath(request, paths) {
    resolver.ensureConfigured(Object.keys(Module._extensions), Module.globalPaths);
    const result = resolver.resolveRequire(request, parentPath(null), paths, false);
    return Array.isArray(result) && result[0] === 0 ? result[1] : false;
  }

  static _nodeModulePaths(from) {
    return resolver.nodeModulePaths(path.resolve(from));
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

// The file a module's require() resolves from: its filename, or (for a parent-less
// request) a file in the working directory.
function parentPath(parent) {
  if (parent && parent.filename) return parent.filename;
  if (parent && path.isAbsolute(parent.id)) return parent.id;
  return path.join(process.cwd(), 'noop.js');
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

// Also loads every extension without a handler of its own (".cjs", none at all): only
// a ".js" file takes its format from the package scope's "type".
Module._extensions['.js'] = function loadJs(module, filename) {
  const { packageType } = require('internal/modules/package_scope');
  if (filename.endsWith('.js') && packageType(filename) === 'module') {
    loadESM(module, filename);
    return;
  }
  module._compile(stripBOM(readFile(filename)), filename);
};

// require() of an ES module, as Node 20.19+ does it: the namespace object, or the value
// the module exports under the string name 'module.exports' when it has one.
// TODO(compat): Node adds `__esModule: true` to the namespace when it has a default export.
function loadESM(module, filename) {
  const { requireModule } = require('internal/modules/esm/loader');
  const namespace = requireModule(filename);
  module.exports = 'module.exports' in namespace ? namespace['module.exports'] : namespace;
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
