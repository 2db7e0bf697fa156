'use strict';
// vm.Module, vm.SourceTextModule and vm.SyntheticModule (nodejs.org/api/vm.html#class-vmmodule),
// exposed by node:vm under --experimental-vm-modules. Each wraps a record of the
// module_wrap binding (the one the ES module loader uses); linking is done here in JS:
// the linker's answers are recorded with binding.link, then V8 instantiates the graph.
// Differs from Node 20: module records (and a `context` they were given) live as long as
// the realm, like the loader's.

const { Buffer } = require('buffer');
const binding = internalBinding('module_wrap');
const { isContext } = internalBinding('contextify');
const { codes, E } = require('internal/errors');
const {
  validateBoolean, validateFunction, validateInt32, validateObject, validateString,
  validateUint32,
} = require('internal/validators');
const { newOwnerId, registerImportOwner } = require('internal/vm/import_owners');

function defineError(code, message, Base) {
  if (codes[code] === undefined) E(code, message, Base);
}
defineError('ERR_VM_MODULE_ALREADY_LINKED', 'Module has already been linked', Error);
defineError('ERR_VM_MODULE_CACHED_DATA_REJECTED', 'cachedData buffer was rejected', Error);
defineError('ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
            'Cached data cannot be created for a module which has been evaluated', Error);
defineError('ERR_VM_MODULE_DIFFERENT_CONTEXT',
            'Linked modules must use the same context', Error);
defineError('ERR_VM_MODULE_LINK_FAILURE', '%s', Error);
defineError('ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module', Error);
defineError('ERR_VM_MODULE_STATUS', 'Module status %s', Error);
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_VM_MODULE_ALREADY_LINKED,
  ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA, ERR_VM_MODULE_DIFFERENT_CONTEXT,
  ERR_VM_MODULE_LINK_FAILURE, ERR_VM_MODULE_NOT_MODULE, ERR_VM_MODULE_STATUS,
} = codes;

// V8's Module::Status values, in order, as node:vm names them.
const kStatusNames = ['unlinked', 'linking', 'linked', 'evaluating', 'evaluated', 'errored'];
const kNoError = Symbol('kNoError');
const kId = Symbol('kId');
const kLink = Symbol('kLink');
const kConstruct = Symbol('kConstruct');  // Lets subclasses construct the abstract Module.
// Default identifiers count per context: vm:module(0), vm:module(1), ...
const moduleNumbers = new WeakMap();
const kNoContext = {};

function defaultIdentifier(context) {
  const key = context ?? kNoContext;
  const number = moduleNumbers.get(key) ?? 0;
  moduleNumbers.set(key, number + 1);
  return `vm:module(${number})`;
}

function isModule(value) {
  return value !== null && typeof value === 'object' && typeof value[kId] === 'number';
}

function checkModule(value) {
  if (!isModule(value)) throw new ERR_VM_MODULE_NOT_MODULE();
}

function validateContextOption(context) {
  if (context === undefined) return;
  validateObject(context, 'options.context');
  if (!isContext(context)) throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', context);
}

class Module {
  #context;
  #identifier;
  #linking = false;
  #error = kNoError;

  constructor(token, id, identifier, context) {
    if (new.target === Module || token !== kConstruct) {
      throw new TypeError('Module is not a constructor');
    }
    Object.defineProperty(this, kId, { value: id });
    this.#identifier = identifier;
    this.#context = context;
  }

  get identifier() {
    checkModule(this);
    return this.#identifier;
  }

  get context() {
    checkModule(this);
    return this.#context;
  }

  get status() {
    checkModule(this);
    if (this.#error !== kNoError) return 'errored';
    if (this.#linking) return 'linking';
    return kStatusNames[binding.getStatus(this[kId])];
  }

  get error() {
    checkModule(this);
    if (this.status !== 'errored') throw new ERR_VM_MODULE_STATUS('must be errored');
    if (this.#error !== kNoError) return this.#error;
    return binding.getError(this[kId]);
  }

  get namespace() {
    checkModule(this);
    const status = this.status;
    if (status === 'unlinked' || status === 'linking') {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return binding.getNamespace(this[kId]);
  }

  /**
   * Resolves every import with `linker(specifier, referencingModule, { attributes })`,
   * links what it returns (recursively), then instantiates the graph.
   * @param {Function} linker
   */
  async link(linker) {
    checkModule(this);
    validateFunction(linker, 'linker');
    if (this.status === 'linked') throw new ERR_VM_MODULE_ALREADY_LINKED();
    if (this.status !== 'unlinked') throw new ERR_VM_MODULE_STATUS('must be unlinked');
    await this[kLink](linker);
    binding.instantiate(this[kId]);
  }

  // A SyntheticModule has nothing to link (undefined); a SourceTextModule is 'linking'
  // until its linker's answers are in, as in Node.
  [kLink](linker) {
    if (!(this instanceof SourceTextModule)) return undefined;
    return this.#linkRequests(linker);
  }

  async #linkRequests(linker) {
    this.#linking = true;
    try {
      const requests = binding.getModuleRequests(this[kId]);
      const modules = await Promise.all(requests.map(async ({ specifier, attributes }) => {
        const module = await linker(specifier, this, { attributes, assert: attributes });
        if (!isModule(module)) throw new ERR_VM_MODULE_NOT_MODULE();
        if (module.context !== this.context) throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
        if (module.status === 'errored') {
          const error = new ERR_VM_MODULE_LINK_FAILURE(
            `request for '${specifier}' resolved to an errored module`);
          Object.defineProperty(error, 'cause', {
            value: module.error, writable: true, configurable: true,
          });
          throw error;
        }
        if (module.status === 'unlinked') await module[kLink](linker);
        return module;
      }));
      binding.link(this[kId], requests.map((r) => r.specifier), modules.map((m) => m[kId]));
    } catch (error) {
      this.#error = error;
      throw error;
    } finally {
      this.#linking = false;
    }
  }

  /**
   * Runs the module (once; later calls wait for the same evaluation).
   * @param {object} [options] { timeout, breakOnSigint }
   */
  async evaluate(options = {}) {
    checkModule(this);
    validateObject(options, 'options');
    const { timeout, breakOnSigint = false } = options;
    if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    const status = this.status;
    if (status !== 'linked' && status !== 'evaluating' && status !== 'evaluated' &&
        status !== 'errored') {
      throw new ERR_VM_MODULE_STATUS('must be one of linked, evaluated, or errored');
    }
    if (this.#error !== kNoError) throw this.#error;
    await binding.evaluate(this[kId], timeout, breakOnSigint);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    checkModule(this);
    if (typeof depth === 'number' && depth < 0) {
      const name = `[${this.constructor.name}]`;
      return typeof options?.stylize === 'function' ? options.stylize(name, 'special') : name;
    }
    // A plain object of the same class, shown without calling this hook again.
    const fields = { status: this.status, identifier: this.identifier, context: this.context };
    Object.setPrototypeOf(fields, Object.getPrototypeOf(this));
    if (typeof inspect !== 'function') inspect = require('internal/util/inspect').inspect;
    return inspect(fields, { ...options, customInspect: false });
  }
}

class SourceTextModule extends Module {
  #dependencySpecifiers;

  /**
   * @param {string} sourceText
   * @param {object} [options] { identifier, cachedData, context, lineOffset, columnOffset,
   *   initializeImportMeta, importModuleDynamically }
   */
  constructor(sourceText, options = {}) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      lineOffset = 0, columnOffset = 0, initializeImportMeta, importModuleDynamically,
      context, cachedData,
    } = options;
    let { identifier } = options;
    validateContextOption(context);
    if (identifier !== undefined) validateString(identifier, 'options.identifier');
    else identifier = defaultIdentifier(context);
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new ERR_INVALID_ARG_TYPE('options.cachedData',
                                     ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    const ownerId = newOwnerId();
    const id = binding.compileVmModule(sourceText, identifier, lineOffset, columnOffset,
                                       cachedData, context, ownerId);
    super(kConstruct, id, identifier, context);
    registerImportOwner(ownerId, this, importModuleDynamically, initializeImportMeta);
  }

  get dependencySpecifiers() {
    checkModule(this);
    this.#dependencySpecifiers ??=
      binding.getModuleRequests(this[kId]).map((request) => request.specifier);
    return this.#dependencySpecifiers;
  }

  createCachedData() {
    checkModule(this);
    const status = this.status;
    if (status === 'evaluating' || status === 'evaluated' || status === 'errored') {
      throw new ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    return Buffer.from(binding.createCachedData(this[kId]));
  }
}

class SyntheticModule extends Module {
  /**
   * @param {string[]} exportNames
   * @param {Function} evaluateCallback called (this = the module) at evaluation
   * @param {object} [options] { identifier, context }
   */
  constructor(exportNames, evaluateCallback, options = {}) {
    if (!Array.isArray(exportNames) || exportNames.some((name) => typeof name !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
    }
    const seen = new Set();
    for (const name of exportNames) {
      if (seen.has(name)) {
        throw new ERR_INVALID_ARG_VALUE(`exportNames.${name}`, name, 'is duplicated');
      }
      seen.add(name);
    }
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const { context } = options;
    let { identifier } = options;
    validateContextOption(context);
    if (identifier !== undefined) validateString(identifier, 'options.identifier');
    else identifier = defaultIdentifier(context);
    let self;
    const id = binding.createSyntheticModule(identifier, exportNames, () => {
      // Exports are set by setExport(); a returned promise is not awaited, as in Node.
      const result = Reflect.apply(evaluateCallback, self, []);
      if (result instanceof Promise) result.catch(() => {});
      return {};
    }, context);
    super(kConstruct, id, identifier, context);
    self = this;
  }

  /**
   * @param {string} name one of the export names
   * @param {any} value
   */
  setExport(name, value) {
    checkModule(this);
    validateString(name, 'name');
    const status = this.status;
    if (status === 'unlinked' || status === 'linking') {
      throw new ERR_VM_MODULE_STATUS('must be linked');
    }
    binding.setSyntheticExport(this[kId], name, value);
  }
}

module.exports = { Module, SourceTextModule, SyntheticModule, isModule };
