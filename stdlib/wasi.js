'use strict';
// node:wasi — the WASI class: runs a WebAssembly instance against the WASI preview1 (or
// "unstable") system interface, with the calls implemented over synchronous fs calls in
// internal/wasi/preview1.js. Experimental in Node 20: loading it emits an
// ExperimentalWarning.
// Differs from Node 20: Node implements the calls in C++ with uvwasi; skua's JS calls
// cover the common set (args, environ, clocks, random, stdio and file descriptors, paths
// under the preopens); poll_oneoff, sockets and proc_raise answer ENOSYS.

const { codes, E, makeNodeError } = require('internal/errors');
const {
  validateArray, validateBoolean, validateFunction, validateInt32, validateObject,
  validateString, validateUndefined,
} = require('internal/validators');
const { createSyscalls, kExit } = require('internal/wasi/preview1');

if (codes.ERR_WASI_ALREADY_STARTED === undefined) {
  E('ERR_WASI_ALREADY_STARTED', 'WASI instance has already started', Error);
}

process.emitWarning('WASI is an experimental feature and might change at any time',
  'ExperimentalWarning');

const kState = Symbol('kState');
const kImportName = Symbol('kImportName');

function validateMemory(exports) {
  if (!(exports.memory instanceof WebAssembly.Memory)) {
    throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
      '"instance.exports.memory" property must be a WebAssembly.Memory object');
  }
}

class WASI {
  constructor(options = {}) {
    validateObject(options, 'options');
    const { version } = options;
    validateString(version, 'options.version');
    let importName;
    if (version === 'preview1') importName = 'wasi_snapshot_preview1';
    else if (version === 'unstable') importName = 'wasi_unstable';
    else throw new codes.ERR_INVALID_ARG_VALUE('options.version', version, 'unsupported WASI version');

    let args = [];
    if (options.args !== undefined) {
      validateArray(options.args, 'options.args');
      args = options.args.map((arg) => `${arg}`);
    }
    const env = [];
    if (options.env !== undefined) {
      validateObject(options.env, 'options.env');
      for (const [key, value] of Object.entries(options.env)) {
        if (value !== undefined) env.push(`${key}=${value}`);
      }
    }
    const preopens = [];
    if (options.preopens !== undefined) {
      validateObject(options.preopens, 'options.preopens');
      for (const [guest, host] of Object.entries(options.preopens)) {
        preopens.push([String(guest), String(host)]);
      }
    }
    let returnOnExit = true;
    if (options.returnOnExit !== undefined) {
      validateBoolean(options.returnOnExit, 'options.returnOnExit');
      returnOnExit = options.returnOnExit;
    }
    const { stdin = 0, stdout = 1, stderr = 2 } = options;
    validateInt32(stdin, 'options.stdin', 0);
    validateInt32(stdout, 'options.stdout', 0);
    validateInt32(stderr, 'options.stderr', 0);

    const state = {
      memory: null,
      started: false,
      returnOnExit,
    };
    this[kState] = state;
    this[kImportName] = importName;
    this.wasiImport = createSyscalls({
      args, env, preopens, stdio: [stdin, stdout, stderr], returnOnExit,
      memory: () => state.memory,
    });
  }

  /**
   * The object to pass to WebAssembly.instantiate(): the calls under their module name.
   * @returns {object}
   */
  getImportObject() {
    return { [this[kImportName]]: this.wasiImport };
  }

  /**
   * Runs a command module's `_start` export; returns its exit code.
   * @param {WebAssembly.Instance} instance
   * @returns {number}
   */
  start(instance) {
    const state = this[kState];
    if (state.started) throw new codes.ERR_WASI_ALREADY_STARTED();
    state.started = true;
    validateObject(instance, 'instance');
    validateObject(instance.exports, 'instance.exports');
    const { exports } = instance;
    validateMemory(exports);
    validateFunction(exports._start, 'instance.exports._start');
    validateUndefined(exports._initialize, 'instance.exports._initialize');
    state.memory = exports.memory;
    try {
      exports._start();
    } catch (error) {
      if (error !== null && typeof error === 'object' && error[kExit] === true) {
        return error.code;
      }
      throw error;
    }
    return 0;
  }

  /**
   * Prepares a reactor module: calls its `_initialize` export if there is one.
   * @param {WebAssembly.Instance} instance
   */
  initialize(instance) {
    const state = this[kState];
    if (state.started) throw new codes.ERR_WASI_ALREADY_STARTED();
    state.started = true;
    validateObject(instance, 'instance');
    validateObject(instance.exports, 'instance.exports');
    const { exports } = instance;
    validateMemory(exports);
    validateUndefined(exports._start, 'instance.exports._start');
    state.memory = exports.memory;
    if (exports._initialize !== undefined) {
      validateFunction(exports._initialize, 'instance.exports._initialize');
      exports._initialize();
    }
  }
}

module.exports = { WASI };
