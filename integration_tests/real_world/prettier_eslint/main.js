// Formats src/ with prettier (to stdout, then --check) and lints it with eslint, each
// run through node_modules/.bin under this runtime.
'use strict';
const { spawnSync } = require('node:child_process');

function run(bin, ...args) {
  const r = spawnSync(process.execPath, [`node_modules/.bin/${bin}`, ...args], { encoding: 'utf8' });
  console.log(`$ ${bin} ${args.join(' ')} -> exit ${r.status}`);
  // The project folder differs between the two installs: print paths relative to it.
  process.stdout.write((r.stdout + r.stderr).split(process.cwd()).join('.'));
}

run('prettier', 'src/messy.js', 'src/app.ts', 'src/notes.md');
run('prettier', '--check', 'src');
run('eslint', 'src');
run('eslint', '--format', 'json', 'src/messy.js');
