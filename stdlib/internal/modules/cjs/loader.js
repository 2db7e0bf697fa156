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

// Own data properties, defined rather than assigned so that accessors a program puts on
// Object.prototype never run.
function setOwn(object, name, value, enumerable = true) {
  Object.defineProperty(object, name, { value, writable: true, enumerable, configurable: true });
}

const moduleParents = new WeakMap();
let warnedParent = false;

// A module's parent, read without the DEP0144 warning.
function parentOf(module) {
  return moduleParents.has(module) ? moduleParents.get(module) : module.parent;
}

class Module {
  constructor(id = '', parent) {
    setOwn(this, 'id', id);
    setOwn(this, 'path', path.dirname(id));
    setOwn(this, 'exports', {});
    setOwn(this, 'filename', null);
    setOwn(this, 'loaded', false);
    setOwn(this, 'children', []);
    setOwn(this, 'paths', []);
    if (process.execArgv.includes('--pending-deprecation')) {
      // DEP0144: a deprecated accessor on the prototype, the parent kept aside.
      moduleParents.set(this, parent);
    } else {
      setOwn(this, 'parent', parent, false);
    }
    if (parent && !parent.children.includes(this)) parent.children.push(this);
  }

  get parent() {
    if (!warnedParent) {
      warnedParent = true;
      process.emitWarning('module.parent is deprecated due to accuracy issues. Please use ' +
        'require.main to find program entry point instead.', 'DeprecationWarning', 'DEP0144');
    }
    return moduleParents.get(this);
  }

  set parent(value) {
    moduleParents.set(this, value);
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
    const wrapper = wrapperPatched ?
      require('vm').runInThisContext(Module.wrap(content), { filename, displayErrors: true }) :
      compileFunction(content, filename, kWrapperParams);
    const moduleRequire = makeRequireFunction(this);
    return Reflect.apply(wrapper, this.exports,
      [this.exports, moduleRequire, this, filename, path.dirname(filename)]);
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
    if (canBeRequiredWithoutScheme(request)) {
      // require.cache can stand in for a builtin named without its scheme.
      const cached = Module._cache[request];
      return cached !== undefined ? cached.exports : requireBuiltin(request);
    }
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
      for (let m = parent; m; m = parentOf(m)) requireStack.push(m.filename || m.id);
      const head = result.message.split('\nRequire stack:')[0];
      error.message = requireStack.length === 0 ? head :
        `${head}\nRequire stack:\n- ${requireStack.join('\n- ')}`;
      error.requireStack = requireStack;
    }
    throw error;
  }

  static _resolveLookupPaths(request, parent) {
    // A relative request with no parent file resolves from the working directory.
    if ((!parent || !parent.id || !parent.filename) &&
        (request === '.' || request === '..' || request.startsWith('./') ||
         request.startsWith('../'))) {
      return ['.'];
    }
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
  setOwn(require, 'resolve', resolve);
  setOwn(require, 'main', process.mainModule);
  setOwn(require, 'extensions', Module._extensions);
  setOwn(require, 'cache', Module._cache);
  return require;
}

// Node's Module functions are plain enumerable properties (named exports of node:module).
for (const name of ['_load', '_resolveFilename', '_resolveLookupPaths', '_findPath',
  '_nodeModulePaths', 'createRequire', 'runMain', 'isBuiltin']) {
  Object.defineProperty(Module, name, { enumerable: true });
}
// Module.wrap and Module.wrapper: once a program replaces either, modules compile from
// the wrapped source text instead of as a function with the wrapper's parameters.
let wrapperPatched = false;
let wrap = function wrap(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};
let wrapper = [
  `(function (${kWrapperParams.join(', ')}) { `,
  '\n});',
];
Object.defineProperty(Module, 'wrap', {
  get() { return wrap; },
  set(value) { wrapperPatched = true; wrap = value; },
  enumerable: false,
  configurable: false,
});
Object.defineProperty(Module, 'wrapper', {
  get() { return wrapper; },
  set(value) { wrapperPatched = true; wrapper = value; },
  enumerable: false,
  configurable: false,
});
Module.Module = Module;
Module.makeRequireFunction = makeRequireFunction;

module.exports = Module;
