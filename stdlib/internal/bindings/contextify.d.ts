// internalBinding('contextify'): runtime/bindings/contextify.cc and contextify_context.cc,
// compiling and running code: CommonJS wrappers, -e/-p scripts, and node:vm.

// A contextified sandbox (vm.createContext) or null for the current context.
type Sandbox = object | null;
// Names the importModuleDynamically of the code in node:vm (0: none given); undefined
// leaves import() to the main ES module loader.
type ImportId = number | undefined;

// A function whose body is `code`. Compile errors get the source line and a caret at the
// top of their stack.
export function compileFunction(code: string, filename: string, params: string[],
                                lineOffset?: number, columnOffset?: number,
                                parsingContext?: Sandbox, contextExtensions?: object[],
                                importId?: ImportId): Function;
// Runs `code` as a classic script in the current context; returns its completion value.
export function runScript(code: string, filename: string): unknown;
// Gives `sandbox` its own V8 context (once); ownMicrotaskQueue is microtaskMode
// 'afterEvaluate'.
export function makeContext(sandbox: object, allowStrings: boolean, allowWasm: boolean,
                            ownMicrotaskQueue: boolean): void;
export function isContext(object: object): boolean;
// V8's memory estimate: { total } or, detailed, { total, current, other[] }. A lazy
// (not eager) measurement settles with the next full GC.
export function measureMemory(detailed: boolean, eager: boolean): Promise<object>;

export class ContextifyScript {
  // Sets `cachedDataRejected` when cachedData is given.
  constructor(code: string, filename: string, lineOffset: number, columnOffset: number,
              cachedData?: ArrayBufferView, parsingContext?: Sandbox, importId?: ImportId);
  cachedDataRejected?: boolean;
  createCachedData(): ArrayBuffer;
  // timeout <= 0: none. Throws ERR_SCRIPT_EXECUTION_TIMEOUT past it, and
  // ERR_SCRIPT_EXECUTION_INTERRUPTED on SIGINT when breakOnSigint is set.
  runInContext(sandbox: Sandbox, timeout: number, displayErrors: boolean,
               breakOnSigint: boolean): unknown;
}
