// Compiles src/ with the installed TypeScript (node_modules/.bin/tsc run by this
// runtime), runs the output, and checks that a type error is reported with exit 2.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

fs.rmSync('dist', { recursive: true, force: true });
const tsc = (...args) => spawnSync(process.execPath, ['node_modules/.bin/tsc', ...args],
                                   { encoding: 'utf8' });
let r = tsc('-p', '.');
console.log('tsc exit', r.status, JSON.stringify(r.stdout + r.stderr));
console.log('emitted', fs.readdirSync('dist').sort().join(' '));
r = spawnSync(process.execPath, ['dist/main.js'], { encoding: 'utf8' });
console.log('run exit', r.status);
process.stdout.write(r.stdout);
fs.writeFileSync('bad.ts', "const x: number = 'str';\n");
r = tsc('--noEmit', 'bad.ts');
console.log('bad exit', r.status, JSON.stringify(r.stdout));
