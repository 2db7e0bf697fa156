'use strict';
// A FileHandle collected while open is closed, with Node's two warnings; one closed
// explicitly is not reported.
const assert = require('assert');
const fs = require('fs');

require('v8').setFlagsFromString('--expose_gc');
const gc = require('vm').runInNewContext('gc');

const seen = [];
process.on('warning', (w) => seen.push(w.code ?? w.message.split(' ').slice(0, 3).join(' ')));

async function openAndDrop() {
  const closed = await fs.promises.open(__filename);
  await closed.close();
  await fs.promises.open(__filename);
}

openAndDrop().then(() => {
  setImmediate(() => {
    gc();
    setTimeout(() => {
      assert.deepStrictEqual(seen, ['Closing file descriptor', 'DEP0137']);
    }, 100);
  });
});
