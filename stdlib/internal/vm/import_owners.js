'use strict';
// Who answers import() and import.meta in code that node:vm compiled. The contextify and
// module_wrap bindings tag such code with a numeric id (0: none); module_wrap hands
// import() calls and import.meta objects of that code back here, and the id leads to the
// Script, function or vm.Module that owns the callbacks (held weakly).

const { setVmImportCallback, setVmImportMetaCallback } = internalBinding('module_wrap');
const { codes, E } = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { isModuleNamespaceObject } = require('internal/util/types');
const { kUseMainLoader } = require('internal/vm/constants');

if (codes.ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING === undefined) {
  E('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING',
    'A dynamic import callback was not specified.', TypeError);
}
if (codes.ERR_VM_MODULE_NOT_MODULE === undefined) {
  E('ERR_VM_MODULE_NOT_MODULE', 'Provided module is not an instance of Module', Error);
}
const { ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING, ERR_VM_MODULE_NOT_MODULE } = codes;

const kImportCallback = Symbol('kImportCallback');
const kImportMetaCallback = Symbol('kImportMetaCallback');
const owners = new Map();  // id -> WeakRef of the Script, function or vm.Module.
const ownersCleanup = new FinalizationRegistry((id) => owners.delete(id));
let nextId = 1;

// The id to compile code with: undefined leaves import() to the main loader (the REPL),
// 0 means no callback.
function importIdFor(importModuleDynamically) {
  if (importModuleDynamically === kUseMainLoader) return undefined;
  if (importModuleDynamically === undefined) return 0;
  validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  return nextId++;
}

// A fresh id for a vm.Module (it always needs one: import.meta goes through it too).
function newOwnerId() {
  return nextId++;
}

function registerImportOwner(id, owner, importCallback, importMetaCallback) {
  if (!id) return;
  Object.defineProperty(owner, kImportCallback, { value: importCallback });
  Object.defineProperty(owner, kImportMetaCallback, { value: importMetaCallback });
  owners.set(id, new WeakRef(owner));
  ownersCleanup.register(owner, id);
}

let vmModule;  // internal/vm/module, loaded on first use (it requires this file).

// Contextified sandbox -> createContext's importModuleDynamically: for import() in code of
// that context that no Script or module owns (eval'd from a promise job, for example).
const contextCallbacks = new WeakMap();

function registerContextImport(sandbox, importModuleDynamically) {
  if (importModuleDynamically === undefined) return;
  validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  contextCallbacks.set(sandbox, importModuleDynamically);
}

setVmImportCallback((id, specifier, attributes, sandbox) => {
  let owner;
  let callback;
  if (sandbox !== undefined) {
    owner = sandbox;
    callback = contextCallbacks.get(sandbox);
  } else {
    owner = owners.get(id)?.deref();
    callback = owner?.[kImportCallback];
  }
  if (callback === undefined) {
    return Promise.reject(new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING());
  }
  return (async () => {
    const result = await callback(specifier, owner, attributes);
    if (isModuleNamespaceObject(result)) return result;
    vmModule ??= require('internal/vm/module');
    if (!vmModule.isModule(result)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (result.status === 'errored') throw result.error;
    return result.namespace;
  })();
});

setVmImportMetaCallback((id, meta) => {
  const owner = owners.get(id)?.deref();
  const callback = owner?.[kImportMetaCallback];
  if (callback !== undefined) callback(meta, owner);
});

module.exports = { importIdFor, newOwnerId, registerContextImport, registerImportOwner };
