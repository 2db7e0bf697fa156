'use strict';
// The builtin module loader. C++ runs this file first, as a function of
// (process, getInternalBinding); it returns the builtin `require` after loading the rest
// of the bootstrap (internal/bootstrap/node).

/* global process, getInternalBinding */

const bindingCache = { __proto__: null };

// Bindings are created once per realm and cached; user code never sees this function.
function internalBinding(name) {
  let binding = bindingCache[name];
  if (binding === undefined) {
    binding = getInternalBinding(name);
    bindingCache[name] = binding;
  }
  return binding;
}

const { compileFunction, builtinIds } = internalBinding('builtins');
const knownIds = new Set(builtinIds);
const modules = new Map();

class BuiltinModule {
  constructor(id) {
    // Defined, not assigned: accessors a program puts on Object.prototype must not run.
    // (No iteration here: a program may have deleted Array.prototype[Symbol.iterator].)
    const own = { __proto__: null, writable: true, enumerable: true, configurable: true };
    Object.defineProperty(this, 'id', { __proto__: own, value: id });
    Object.defineProperty(this, 'exports', { __proto__: own, value: {} });
    Object.defineProperty(this, 'loaded', { __proto__: own, value: false });
  }
}

// Loads builtin `id` once; a cycle sees the partial exports, as in CommonJS.
function requireBuiltin(id) {
  const cached = modules.get(id);
  if (cached !== undefined) return cached.exports;
  if (!knownIds.has(id)) {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(id);
  }
  const mod = new BuiltinModule(id);
  modules.set(id, mod);
  const fn = compileFunction(id);
  try {
    fn.call(undefined, mod.exports, requireBuiltin, mod, process, internalBinding);
  } catch (error) {
    // A builtin whose body threw (node:inspector does on purpose) throws again next time.
    modules.delete(id);
    throw error;
  }
  mod.loaded = true;
  return mod.exports;
}

// Public ids: what `require('node:x')` may load from user code.
function canBeRequiredByUsers(id) {
  return knownIds.has(id) && !id.startsWith('internal/');
}

// Builtins reachable only with the `node:` scheme (`require('test')` looks for a package).
const schemeOnlyIds = ['test'];

// What `require('x')` (no scheme) may load.
function canBeRequiredWithoutScheme(id) {
  return canBeRequiredByUsers(id) && !schemeOnlyIds.includes(id);
}

const publicIds = builtinIds.filter(canBeRequiredWithoutScheme).sort();

// Other builtins reach the loader through this module.
const loaderModule = new BuiltinModule('internal/bootstrap/realm');
loaderModule.exports = {
  requireBuiltin, canBeRequiredByUsers, canBeRequiredWithoutScheme, publicIds, schemeOnlyIds,
  internalBinding,
};
loaderModule.loaded = true;
modules.set(loaderModule.id, loaderModule);

// Builtins use `process` as a global from the start.
Object.defineProperty(globalThis, 'process', {
  value: process, writable: true, enumerable: false, configurable: true,
});
requireBuiltin('internal/bootstrap/node');

return requireBuiltin;
