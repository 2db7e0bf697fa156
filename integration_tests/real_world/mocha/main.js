// Runs mocha (node_modules/.bin/mocha under this runtime) on spec/ with two reporters;
// durations and stack frames inside the runtime are masked so the outputs compare.
'use strict';
const { spawnSync } = require('node:child_process');

for (const reporter of ['spec', 'dot']) {
  const r = spawnSync(process.execPath, ['node_modules/.bin/mocha', '--reporter', reporter, 'spec'],
                      { encoding: 'utf8' });
  console.log(`mocha --reporter ${reporter} -> exit ${r.status}`);
  console.log((r.stdout + r.stderr)
    .replace(/\(\d+ms\)/g, '(Nms)')
    .replace(/\s+at .*\(node:internal[^)]*\)/g, ''));
}
