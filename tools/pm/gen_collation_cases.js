// Writes pm/lockfile/testdata/collation.txt: strings sorted by Node's
// `a.localeCompare(b, 'en')`, one per line, for collate_test. Seeded: re-running with the
// same Node (ICU) reproduces the file.
//
//   node tools/pm/gen_collation_cases.js > pm/lockfile/testdata/collation.txt
'use strict';
let s = 12345;
const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
const alphabet = 'aAbBzZ09_-.@/~$ !#()*+,:;=?[]^`{|}\'"\\&%<>';
const words = new Set(['node_modules/a', 'node_modules/a/node_modules/b', 'node_modules/@s/a',
  'node_modules/a-b', 'node_modules/a_b', 'node_modules/a.b', 'node_modules/B', 'node_modules/ab']);
while (words.size < 600) {
  let w = '';
  const n = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < n; i++) w += alphabet[Math.floor(rand() * alphabet.length)];
  words.add(w);
}
const sorted = [...words].sort((a, b) => a.localeCompare(b, 'en'));
// Only keep inputs whose order is strict, so the test can check each adjacent pair.
process.stdout.write(sorted.filter((w, i) => i === 0 || sorted[i - 1].localeCompare(w, 'en') < 0).join('\n') + '\n');
