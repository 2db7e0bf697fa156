'use strict';
// URL parsing workload: 100k generated URLs of mixed shapes through `new URL`, then
// reading a few components. Prints one JSON line: best-of-N milliseconds per phase.

const N = 100000;
const shapes = [
  (i) => `https://www.example${i % 97}.com/path/to/page${i}?q=${i}&lang=en#top`,
  (i) => `http://user:pass@host${i % 13}.org:${8000 + (i % 1000)}/a/../b/./c${i}`,
  (i) => `HTTP://EXAMPLE.COM/${'seg/'.repeat(i % 8)}file${i}.html`,
  (i) => `http://192.168.${i % 256}.${(i >> 8) % 256}/x`,
  (i) => `file:///home/user/project/src/file${i}.js`,
  (i) => `ws://[2001:db8::${(i % 65535).toString(16)}]:443/socket`,
  (i) => `mailto:someone${i}@example.com`,
  (i) => `https://api.service.io/v1/items/${i}?filter=a%20b&sort=desc`,
];
const inputs = [];
for (let i = 0; i < N; i++) inputs.push(shapes[i % shapes.length](i));
const relative = [];
for (let i = 0; i < N; i++) relative.push(`../other/${i}?x=${i}`);
const base = 'https://example.org/dir/sub/index.html';

function time(fn) {
  let best = Infinity;
  for (let round = 0; round < 7; round++) {
    const start = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms < best) best = ms;
  }
  return best;
}

let sink = 0;
const result = {
  parse: time(() => {
    for (let i = 0; i < N; i++) sink += new URL(inputs[i]).href.length;
  }),
  parseWithBase: time(() => {
    for (let i = 0; i < N; i++) sink += new URL(relative[i], base).href.length;
  }),
  getters: time(() => {
    for (let i = 0; i < N; i++) {
      const u = new URL(inputs[i]);
      sink += u.hostname.length + u.pathname.length + u.search.length + u.port.length;
    }
  }),
  canParse: time(() => {
    for (let i = 0; i < N; i++) sink += URL.canParse(inputs[i]) ? 1 : 0;
  }),
};
if (sink === 0) throw new Error('unreachable');
console.log(JSON.stringify(result));
