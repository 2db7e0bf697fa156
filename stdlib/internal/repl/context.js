'use strict';
// The REPL's global context: the real global (useGlobal) or a new vm context holding the
// same globals, plus `module`, `require`, the builtin modules as lazy globals (`fs`,
// `path` ...), and `_` / `_error`, the last result and the last error.

const vm = require('vm');
const { publicIds } = require('internal/bootstrap/realm');

// Builtin modules the REPL offers as globals: no `_stream_*`, no subpath ids.
const builtinLibs = publicIds.filter((id) => !id.startsWith('_') && !id.includes('/'));

function defineLazyBuiltins(context) {
  for (const name of builtinLibs) {
    if (name in context) continue;
    const replace = (value) => {
      Object.defineProperty(context, name, {
        value, writable: true, enumerable: false, configurable: true,
      });
    };
    Object.defineProperty(context, name, {
      configurable: true,
      enumerable: false,
      get() {
        const lib = require(name);
        replace(lib);
        return lib;
      },
      set: replace,
    });
  }
}

function defineModuleGlobals(context) {
  const Module = require('internal/modules/cjs/loader');
  const module = new Module('<repl>', null);
  module.paths = Module._nodeModulePaths(process.cwd()).concat(Module.globalPaths);
  const define = (name, value) => Object.defineProperty(context, name, {
    value, writable: true, enumerable: false, configurable: true,
  });
  define('module', module);
  define('require', Module.makeRequireFunction(module));
}

// `_` and `_error` follow the last result and error until the user assigns them.
function defineUnderscores(server, context) {
  const accessor = (name, key, flag) => Object.defineProperty(context, name, {
    configurable: true,
    enumerable: false,
    get: () => server[key],
    set: (value) => {
      server[key] = value;
      if (!server[flag]) {
        server[flag] = true;
        server.output.write(`Expression assignment to ${name} now disabled.\n`);
      }
    },
  });
  accessor('_', 'last', 'underscoreAssigned');
  accessor('_error', 'lastError', 'underscoreErrAssigned');
}

/**
 * Makes a context for `server` (its own on start and on .clear, or for createContext());
 * `_` and `_error` are the server's to add (defineUnderscores).
 */
function createReplContext(server) {
  let context;
  if (server.useGlobal) {
    context = globalThis;
  } else {
    context = vm.createContext();
    // The new context has its own ECMAScript builtins (Object, Array ...); the rest of
    // this realm's globals (process, Buffer, timers ...) are shared.
    const own = new Set(vm.runInContext('Object.getOwnPropertyNames(globalThis)', context));
    for (const name of Object.getOwnPropertyNames(globalThis)) {
      if (own.has(name) || name in context) continue;
      Object.defineProperty(context, name,
                            Object.getOwnPropertyDescriptor(globalThis, name));
    }
    context.global = context;
    const { Console } = require('console');
    Object.defineProperty(context, 'console', {
      configurable: true, writable: true, value: new Console(server.output),
    });
  }
  defineModuleGlobals(context);
  defineLazyBuiltins(context);
  return context;
}

module.exports = { builtinLibs, createReplContext, defineUnderscores };
