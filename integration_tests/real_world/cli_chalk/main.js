// Runs the commander + chalk 5 CLI (cli.js, an ES module) with several argument sets
// under the same runtime, printing each run's exit code and output (colours escaped).
import { spawnSync } from 'node:child_process';

const runs = [
  ['greet', 'bob', '--loud'], ['sum', '1', '2', '3'], ['plain'], ['--version'], ['--help'],
  ['bogus'],
];
for (const args of runs) {
  for (const env of [{}, { FORCE_COLOR: '3' }]) {
    const base = { ...process.env };
    delete base.NO_COLOR;
    delete base.FORCE_COLOR;
    const r = spawnSync(process.execPath, ['cli.js', ...args],
                        { encoding: 'utf8', env: { ...base, ...env } });
    console.log(`$ cli ${args.join(' ')} ${JSON.stringify(env)} -> ${r.status}`);
    console.log(JSON.stringify(r.stdout), JSON.stringify(r.stderr));
  }
}
