// import() from CommonJS: ES modules, JSON with a type attribute, top-level await.
const assert = require('node:assert');

(async () => {
  const lib = await import('./fixtures/lib.mjs');
  assert.strictEqual(lib.answer, 42);
  assert.strictEqual(lib.default, 'lib default');

  const json = await import('./fixtures/data.json', { assert: { type: 'json' } });
  assert.deepStrictEqual(json.default, { name: 'data', list: [1, 2] });

  await assert.rejects(import('./fixtures/data.json'), { code: 'ERR_IMPORT_ASSERTION_TYPE_MISSING' });
  await assert.rejects(import('./fixtures/nope.mjs'), { code: 'ERR_MODULE_NOT_FOUND' });
  await assert.rejects(import('node:nope'), { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });

  const tla = await import('./fixtures/tla.mjs');
  assert.strictEqual(tla.value, 'awaited');

  const again = await import('./fixtures/lib.mjs');
  assert.strictEqual(again, lib, 'one namespace per module');
  console.log('ok');
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
