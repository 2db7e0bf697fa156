// internalBinding('module_wrap'): runtime/bindings/module_wrap.cc, ES module records for
// the ES module loader (internal/modules/esm) and node:vm's Module classes
// (internal/vm/module.js). Records are numbered; they live as long as the realm.

type Id = number;
// Import attributes (a null-prototype object), e.g. { type: 'json' }.
type Attributes = Record<string, string>;
// A contextified sandbox (vm.createContext), or undefined for the caller's context.
type Sandbox = object | undefined;

export function compileSourceTextModule(url: string, source: string): Id;
// A vm.SourceTextModule: its import() and import.meta go to node:vm under `vmId`.
// Throws ERR_VM_MODULE_CACHED_DATA_REJECTED when V8 refuses `cachedData`.
export function compileVmModule(source: string, identifier: string, lineOffset: number,
                                columnOffset: number, cachedData: ArrayBufferView | undefined,
                                context: Sandbox, vmId: number): Id;
// `evaluate` runs at evaluation; the own properties of what it returns become the exports.
export function createSyntheticModule(url: string, exportNames: string[],
                                      evaluate: () => object, context?: Sandbox): Id;
export function setSyntheticExport(id: Id, name: string, value: unknown): void;
// V8's code cache of a source text module.
export function createCachedData(id: Id): ArrayBuffer;
export function getModuleRequests(id: Id): { specifier: string, attributes: Attributes }[];
// Records what each specifier of module `id` resolved to; instantiate() then uses it.
export function link(id: Id, specifiers: string[], ids: Id[]): void;
export function instantiate(id: Id): void;
// The evaluation promise (in the module's context, when it has one).
export function evaluate(id: Id): Promise<void>;
export function getNamespace(id: Id): object;
// V8's Module::Status: 0 uninstantiated, 1 instantiating, 2 instantiated, 3 evaluating,
// 4 evaluated, 5 errored.
export function getStatus(id: Id): number;
export function getError(id: Id): unknown;
export function isGraphAsync(id: Id): boolean;
// The loader's import() and import.meta hooks.
export function setCallbacks(
  importModuleDynamically: (specifier: string, referrer: string | undefined,
                            attributes: Attributes) => Promise<object>,
  initializeImportMeta: (meta: object, url: string) => void): void;
// import() in node:vm code: by the id its Script, function or module was compiled with, or,
// in untagged code of a vm context, by that context's sandbox.
export function setVmImportCallback(
  callback: (id: number, specifier: string, attributes: Attributes,
             sandbox?: object) => Promise<object>): void;
// import.meta of vm.SourceTextModules, by their vmId.
export function setVmImportMetaCallback(callback: (vmId: number, meta: object) => void): void;
