'use strict';
// The `vm` module (nodejs.org/api/vm.html): compiling and running code in this or in
// separate V8 contexts. Contexts come from the `contextify` binding; this file only
// validates options as Node does. vm.Module and its subclasses (internal/vm/module.js)
// are there under --experimental-vm-modules.

const { Buffer } = require('buffer');
const {
  ContextifyScript, makeContext, isContext: isContextBinding, compileFunction: compile,
  measureMemory: measureMemoryBinding,
} = internalBinding('contextify');
const { codes } = require('internal/errors');
const {
  validateArray, validateBoolean, validateFunction, validateInt32, validateObject,
  validateOneOf, validateString, validateUint32, kValidateObjectAllowObjects,
  kValidateObjectAllowNullable,
} = require('internal/validators');

const { ERR_INVALID_ARG_TYPE } = codes;
const {
  importIdFor, registerContextImport, registerImportOwner,
} = require('internal/vm/import_owners');

const kParsingContext = Symbol('kParsingContext');
let defaultContextNameIndex = 1;

function validateCachedData(cachedData, name) {
  if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
}

/**
 * @param {object} object
 * @returns {boolean} whether `object` was contextified by createContext
 */
function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowObjects);
  return isContextBinding(object);
}

function validateContext(contextifiedObject) {
  if (contextifiedObject === null || typeof contextifiedObject !== 'object' ||
      !isContextBinding(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
  }
}

// { timeout, displayErrors, breakOnSigint } of a run* call.
function getRunOptions(options = {}) {
  validateObject(options, 'options');
  const { timeout = -1, displayErrors = true, breakOnSigint = false } = options;
  if (timeout !== -1) validateUint32(timeout, 'options.timeout', true);
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { timeout, displayErrors, breakOnSigint };
}

class Script extends ContextifyScript {
  /**
   * @param {string} code
   * @param {object|string} [options] or the filename
   */
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>', lineOffset = 0, columnOffset = 0, cachedData,
      produceCachedData = false, [kParsingContext]: parsingContext, importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    validateCachedData(cachedData, 'options.cachedData');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    const importId = importIdFor(importModuleDynamically);
    super(code, filename, lineOffset, columnOffset, cachedData, parsingContext, importId);
    registerImportOwner(importId, this, importModuleDynamically);
    if (produceCachedData) {
      this.cachedData = Buffer.from(super.createCachedData());
      this.cachedDataProduced = this.cachedData.length > 0;
    }
  }

  createCachedData() {
    return Buffer.from(super.createCachedData());
  }

  runInThisContext(options) {
    const { timeout, displayErrors, breakOnSigint } = getRunOptions(options);
    return super.runInContext(null, timeout, displayErrors, breakOnSigint);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { timeout, displayErrors, breakOnSigint } = getRunOptions(options);
    return super.runInContext(contextifiedObject, timeout, displayErrors, breakOnSigint);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }
}

// The context* options of runInNewContext, as createContext takes them.
function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) validateString(contextOptions.name, 'options.contextName');
  if (contextOptions.origin !== undefined) {
    validateString(contextOptions.origin, 'options.contextOrigin');
  }
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration, 'options.contextCodeGeneration');
    const { strings, wasm } = options.contextCodeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.contextCodeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
    contextOptions.codeGeneration = { strings, wasm };
  }
  return contextOptions;
}

/**
 * Contextifies `contextObject` (once) so code can run with it as the global.
 * @param {object} [contextObject]
 * @param {object} [options] { name, origin, codeGeneration: { strings, wasm } }
 * @returns {object} contextObject
 */
function createContext(contextObject = {}, options = {}) {
  if (isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const {
    name = `VM Context ${defaultContextNameIndex++}`, origin, codeGeneration, microtaskMode,
    importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) validateObject(codeGeneration, 'options.codeGeneration');
  let strings = true;
  let wasm = true;
  if (codeGeneration !== undefined) {
    ({ strings = true, wasm = true } = codeGeneration);
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  if (microtaskMode !== undefined) {
    validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  }
  if (importModuleDynamically !== undefined) {
    validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  }
  makeContext(contextObject, strings, wasm, microtaskMode === 'afterEvaluate');
  registerContextImport(contextObject, importModuleDynamically);
  return contextObject;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  options = { ...options, [kParsingContext]: contextObject };
  return createScript(code, options).runInContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
}

/**
 * Compiles `code` as the body of a function with the given parameter names.
 * @returns {Function}
 */
function compileFunction(code, params, options = {}) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    params.forEach((param, i) => validateString(param, `params[${i}]`));
  }
  validateObject(options, 'options');
  const {
    filename = '', columnOffset = 0, lineOffset = 0, cachedData, produceCachedData = false,
    parsingContext, contextExtensions = [], importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  validateCachedData(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined &&
      (parsingContext === null || typeof parsingContext !== 'object' ||
       !isContextBinding(parsingContext))) {
    throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((extension, i) => {
    validateObject(extension, `options.contextExtensions[${i}]`, kValidateObjectAllowNullable);
  });
  const importId = importIdFor(importModuleDynamically);
  const fn = compile(code, filename, params ?? [], lineOffset, columnOffset, parsingContext,
                     contextExtensions, importId);
  registerImportOwner(importId, fn, importModuleDynamically);
  return fn;
}

let measureMemoryWarned = false;

/**
 * Estimates the memory V8 uses for this context (and, detailed, for the others).
 * @param {object} [options] { mode: 'summary' | 'detailed', execution: 'default' | 'eager' }
 * @returns {Promise<object>}
 */
function measureMemory(options = {}) {
  if (!measureMemoryWarned) {
    measureMemoryWarned = true;
    process.emitWarning(
      'vm.measureMemory is an experimental feature and might change at any time',
      'ExperimentalWarning');
  }
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  return measureMemoryBinding(mode === 'detailed', execution === 'eager');
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
};

if (process.execArgv.includes('--experimental-vm-modules')) {
  const { Module, SourceTextModule, SyntheticModule } = require('internal/vm/module');
  Object.assign(module.exports, { Module, SourceTextModule, SyntheticModule });
}
