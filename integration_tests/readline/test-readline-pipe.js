// readline over a child's stdout pipe, consumed with for await; the loop ends when the
// child closes its end.
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const readline = require('node:readline');

(async () => {
  const child = spawn('sh', ['-c', 'for i in 1 2 3 4 5; do echo "row $i"; done; printf tail']);
  const rl = readline.createInterface({ input: child.stdout });
  const lines = [];
  for await (const line of rl) lines.push(line);
  assert.deepStrictEqual(lines, ['row 1', 'row 2', 'row 3', 'row 4', 'row 5', 'tail']);
})();
