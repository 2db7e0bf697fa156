// Runs jest (node_modules/.bin/jest under this runtime) in band on __tests__/, once with
// its JSON report (per-test titles and statuses) and once with the default reporter;
// durations are masked so the two runtimes' outputs compare.
'use strict';
const { spawnSync } = require('node:child_process');

const json = spawnSync(process.execPath, ['node_modules/.bin/jest', '--ci', '--runInBand', '--json'],
                       { encoding: 'utf8' });
console.log(`jest --json -> exit ${json.status}`);
const report = JSON.parse(json.stdout);
console.log(`suites ${report.numPassedTestSuites}/${report.numTotalTestSuites}, ` +
            `tests ${report.numPassedTests}/${report.numTotalTests}`);
for (const suite of report.testResults) {
  for (const t of suite.assertionResults) console.log(`${t.status} ${t.fullName}`);
}

const plain = spawnSync(process.execPath, ['node_modules/.bin/jest', '--ci', '--runInBand'],
                        { encoding: 'utf8' });
console.log(`jest -> exit ${plain.status}`);
console.log(plain.stderr
  .replace(/ \(\d+ m?s\)/g, '')
  .replace(/Time:.*/g, 'Time: N'));
