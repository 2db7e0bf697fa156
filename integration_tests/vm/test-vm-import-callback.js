// import() in vm code asks the script's importModuleDynamically, and rejects with
// ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING when none was given.
const assert = require('node:assert');
const vm = require('node:vm');
const { spawnSync } = require('node:child_process');

(async () => {
  await assert.rejects(new vm.Script('import("node:fs")').runInThisContext(),
                       { code: 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING', name: 'TypeError' });
  await assert.rejects(vm.compileFunction('return import("node:fs")')(),
                       { code: 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING' });

  // Node 20 calls a given callback only with --experimental-vm-modules.
  const child = spawnSync(process.execPath, ['--experimental-vm-modules', '-e', `
    const assert = require('node:assert');
    const vm = require('node:vm');
    (async () => {
      const calls = [];
      const script = new vm.Script('import("node:path")', {
        importModuleDynamically(specifier, referrer) {
          calls.push([specifier, referrer]);
          return import('node:os');
        },
      });
      const namespace = await script.runInThisContext();
      assert.strictEqual(namespace.default, require('node:os'));
      assert.deepStrictEqual(calls, [['node:path', script]]);
      const fn = vm.compileFunction('return import("x")', [], {
        importModuleDynamically: () => import('node:util'),
      });
      assert.strictEqual((await fn()).default, require('node:util'));
      console.log('child ok');
    })();
  `]);
  assert.strictEqual(child.stderr.toString().replace(/.*ExperimentalWarning.*\n|.*--trace-warnings.*\n/g, ''), '');
  assert.strictEqual(child.stdout.toString(), 'child ok\n');

  assert.throws(() => new vm.Script('1', { importModuleDynamically: 5 }),
                { code: 'ERR_INVALID_ARG_TYPE' });
  console.log('ok');
})();
