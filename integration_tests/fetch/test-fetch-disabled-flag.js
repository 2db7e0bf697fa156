'use strict';
// --no-experimental-fetch leaves fetch, Headers, Request, Response and FormData undefined;
// without it they are globals.
const assert = require('assert');
const { execFileSync } = require('child_process');

const probe = 'console.log([fetch, Headers, Request, Response, FormData]' +
  '.map((v) => typeof v).join())';
const probeOff = 'console.log([globalThis.fetch, globalThis.Headers, globalThis.Request,' +
  ' globalThis.Response, globalThis.FormData].map((v) => typeof v).join())';
assert.strictEqual(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim(),
                   'function,function,function,function,function');
assert.strictEqual(
  execFileSync(process.execPath, ['--no-experimental-fetch', '-e', probeOff],
               { encoding: 'utf8' }).trim(),
  'undefined,undefined,undefined,undefined,undefined');
assert.strictEqual(
  execFileSync(process.execPath, ['--no-experimental-fetch', '-p', "'fetch' in globalThis"],
               { encoding: 'utf8' }).trim(),
  'false');
