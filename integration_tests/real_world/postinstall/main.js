// Checks what the install-time scripts left: the root's postinstall and the local
// `file:` dependency's, both run through `node` (skua's stand-in under skua install),
// and the dependency's bin linked into node_modules/.bin.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

console.log('root:', fs.readFileSync('root-postinstall.txt', 'utf8'));
console.log('dependency:', fs.readFileSync('local-helper/generated.json', 'utf8'));
const r = spawnSync(process.execPath, ['node_modules/.bin/local-helper'], { encoding: 'utf8' });
console.log('bin exit', r.status, r.stdout.trim());
