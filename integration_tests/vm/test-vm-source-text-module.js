// vm.SourceTextModule and vm.SyntheticModule (--experimental-vm-modules): linking a graph,
// status and namespace along the way, evaluation in a vm context, import.meta and
// import() callbacks, code caches, and SyntheticModule#setExport.
const assert = require('node:assert');
const { spawnSync } = require('node:child_process');

if (!process.execArgv.includes('--experimental-vm-modules')) {
  // Without the flag the classes are not there, as in Node 20.
  assert.strictEqual(require('node:vm').SourceTextModule, undefined);
  const child = spawnSync(process.execPath, ['--experimental-vm-modules', __filename],
                          { encoding: 'utf8' });
  assert.strictEqual(child.status, 0, child.stderr);
  assert.match(child.stdout, /^done$/m);
  return;
}

const vm = require('node:vm');
const util = require('node:util');
const { SourceTextModule, SyntheticModule, Module } = vm;

async function linkedGraph() {
  const dep = new SourceTextModule('export let count = 1; export function bump() { count++; }',
                                   { identifier: 'dep' });
  const root = new SourceTextModule(
    'import { count, bump } from "dep"; bump(); export const seen = count;',
    { identifier: 'root' });
  assert.deepStrictEqual(root.dependencySpecifiers, ['dep']);
  assert.strictEqual(root.status, 'unlinked');
  assert.throws(() => root.namespace, { code: 'ERR_VM_MODULE_STATUS' });
  assert.throws(() => root.error, { code: 'ERR_VM_MODULE_STATUS' });
  const asked = [];
  const linking = root.link((specifier, referencingModule, extra) => {
    asked.push([specifier, referencingModule.identifier, typeof extra.attributes]);
    return dep;
  });
  assert.strictEqual(root.status, 'linking');
  await linking;
  assert.deepStrictEqual(asked, [['dep', 'root', 'object']]);
  assert.strictEqual(root.status, 'linked');
  assert.strictEqual(dep.status, 'linked');
  // Before evaluation a `let` export is in its TDZ.
  assert.strictEqual(util.inspect(dep.namespace),
                     '[Module: null prototype] {\n  bump: [Function: bump],\n  count: <uninitialized>\n}');
  await assert.rejects(root.link(() => dep), { code: 'ERR_VM_MODULE_ALREADY_LINKED' });
  assert.strictEqual(await root.evaluate(), undefined);
  assert.strictEqual(root.status, 'evaluated');
  assert.strictEqual(root.namespace.seen, 2);
  assert.strictEqual(dep.namespace.count, 2);
  assert.ok(util.types.isModuleNamespaceObject(root.namespace));
  // Evaluating again waits for the same (finished) evaluation.
  await root.evaluate();
  assert.strictEqual(dep.namespace.count, 2);
}

async function linkerErrors() {
  const notModule = new SourceTextModule('import "x";');
  await assert.rejects(notModule.link(() => ({})), { code: 'ERR_VM_MODULE_NOT_MODULE' });
  assert.strictEqual(notModule.status, 'errored');

  const other = new SourceTextModule('', { context: vm.createContext() });
  const here = new SourceTextModule('import "other";');
  await assert.rejects(here.link(() => other), { code: 'ERR_VM_MODULE_DIFFERENT_CONTEXT' });

  await assert.rejects(new SourceTextModule('').evaluate(), { code: 'ERR_VM_MODULE_STATUS' });
  await assert.rejects(new SourceTextModule('').link('nope'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => new Module(), { name: 'TypeError', message: 'Module is not a constructor' });
}

async function evaluationErrors() {
  const thrower = new SourceTextModule('throw new RangeError("boom");');
  await thrower.link(() => {});
  await assert.rejects(thrower.evaluate(), { name: 'RangeError', message: 'boom' });
  assert.strictEqual(thrower.status, 'errored');
  assert.strictEqual(thrower.error.message, 'boom');
  // An errored module rejects again with the same error.
  await assert.rejects(thrower.evaluate(), (error) => error === thrower.error);
}

async function timeout() {
  const spin = new SourceTextModule('while (true) {}');
  await spin.link(() => {});
  await assert.rejects(spin.evaluate({ timeout: 20 }), { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });
  await assert.rejects(spin.evaluate({ timeout: -1 }), { code: 'ERR_OUT_OF_RANGE' });
}

async function topLevelAwait() {
  const m = new SourceTextModule('export const value = await Promise.resolve(42);');
  await m.link(() => {});
  await m.evaluate();
  assert.strictEqual(m.namespace.value, 42);
}

async function inContext() {
  const context = vm.createContext({ base: 40 });
  const m = new SourceTextModule('export const sum = base + 2; globalThis.marker = "set";',
                                 { context });
  assert.strictEqual(m.context, context);
  assert.strictEqual(m.identifier, 'vm:module(0)');
  assert.strictEqual(new SourceTextModule('', { context }).identifier, 'vm:module(1)');
  await m.link(() => {});
  await m.evaluate();
  assert.strictEqual(m.namespace.sum, 42);
  assert.strictEqual(context.marker, 'set');
  assert.strictEqual(globalThis.marker, undefined);
  assert.throws(() => new SourceTextModule('', { context: {} }), { code: 'ERR_INVALID_ARG_TYPE' });
}

async function callbacks() {
  const target = new SourceTextModule('export default "target";');
  await target.link(() => {});
  await target.evaluate();
  const seen = [];
  const m = new SourceTextModule(
    'export const meta = import.meta; export const loaded = import("t");',
    {
      identifier: 'with-callbacks',
      initializeImportMeta(meta, module) {
        seen.push(['meta', module]);
        meta.url = 'vm:test';
      },
      importModuleDynamically(specifier, referrer, attributes) {
        seen.push([specifier, referrer, typeof attributes]);
        return target;
      },
    });
  await m.link(() => {});
  await m.evaluate();
  assert.strictEqual(Object.getPrototypeOf(m.namespace.meta), null);
  assert.strictEqual(m.namespace.meta.url, 'vm:test');
  const namespace = await m.namespace.loaded;
  assert.strictEqual(namespace, target.namespace);
  assert.strictEqual(namespace.default, 'target');
  assert.deepStrictEqual(seen, [['meta', m], ['t', m, 'object']]);

  // No callback: import() rejects.
  const bare = new SourceTextModule('export const p = import("x");');
  await bare.link(() => {});
  await bare.evaluate();
  await assert.rejects(bare.namespace.p, { code: 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING' });
  assert.throws(() => new SourceTextModule('', { initializeImportMeta: 1 }),
                { code: 'ERR_INVALID_ARG_TYPE' });
}

async function cachedData() {
  const source = 'export const x = 1;';
  const first = new SourceTextModule(source);
  const data = first.createCachedData();
  assert.ok(Buffer.isBuffer(data) && data.length > 0);
  new SourceTextModule(source, { cachedData: data });
  assert.throws(() => new SourceTextModule('export const y = "a different source";',
                                           { cachedData: data }),
                { code: 'ERR_VM_MODULE_CACHED_DATA_REJECTED' });
  await first.link(() => {});
  await first.evaluate();
  assert.throws(() => first.createCachedData(),
                { code: 'ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA' });
}

async function synthetic() {
  const s = new SyntheticModule(['a', 'b'], function evaluate() {
    this.setExport('a', 'A');
    this.setExport('b', 'B');
  }, { identifier: 'synth' });
  assert.throws(() => s.setExport('a', 1), { code: 'ERR_VM_MODULE_STATUS' });
  const user = new SourceTextModule('import { a, b } from "synth"; export const ab = a + b;');
  await user.link(() => s);
  assert.strictEqual(s.status, 'linked');
  await user.evaluate();
  assert.strictEqual(user.namespace.ab, 'AB');
  s.setExport('a', 'later');
  assert.strictEqual(s.namespace.a, 'later');
  assert.throws(() => s.setExport('c', 1), ReferenceError);
  assert.throws(() => new SyntheticModule(['x', 'x'], () => {}), { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => new SyntheticModule('x', () => {}), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(util.inspect(s, { depth: -1 }), '[SyntheticModule]');
  assert.match(util.inspect(s), /^SyntheticModule \{\n  status: 'evaluated',\n  identifier: 'synth'/);
}

(async () => {
  await linkedGraph();
  await linkerErrors();
  await evaluationErrors();
  await timeout();
  await topLevelAwait();
  await inContext();
  await callbacks();
  await cachedData();
  await synthetic();
  console.log('done');
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
