'use strict';
// One fs benchmark case, timed inside the runtime: `cases.js CASE DIR` prints the
// elapsed milliseconds. DIR holds the fixtures `run` creates (big.bin, tree/).
const fs = require('fs');
const path = require('path');

const [name, dir] = process.argv.slice(2);
const big = path.join(dir, 'big.bin');
const tree = path.join(dir, 'tree');
const small = path.join(dir, 'small');

function smallSync() {
  fs.mkdirSync(small, { recursive: true });
  for (let i = 0; i < 10000; i++) {
    const file = path.join(small, `f${i % 100}`);
    fs.writeFileSync(file, `payload ${i}`);
    if (fs.readFileSync(file, 'utf8') !== `payload ${i}`) throw new Error('mismatch');
  }
}

async function smallAsync() {
  fs.mkdirSync(small, { recursive: true });
  for (let i = 0; i < 10000; i++) {
    const file = path.join(small, `f${i % 100}`);
    await fs.promises.writeFile(file, `payload ${i}`);
    if (await fs.promises.readFile(file, 'utf8') !== `payload ${i}`) throw new Error('mismatch');
  }
}

function smallCallback() {
  fs.mkdirSync(small, { recursive: true });
  return new Promise((resolve, reject) => {
    let i = 0;
    const step = () => {
      if (i === 10000) return resolve();
      const file = path.join(small, `f${i % 100}`);
      fs.writeFile(file, `payload ${i}`, (err) => {
        if (err) return reject(err);
        fs.readFile(file, 'utf8', (err2, text) => {
          if (err2) return reject(err2);
          if (text !== `payload ${i}`) return reject(new Error('mismatch'));
          i++;
          step();
        });
      });
    };
    step();
  });
}

// Streams `big` (100 MB) through createReadStream -> createWriteStream ten times: 1 GB.
async function streamCopy1GB() {
  const { pipeline } = require('stream/promises');
  const copy = path.join(dir, 'copy.bin');
  for (let i = 0; i < 10; i++) {
    await pipeline(fs.createReadStream(big), fs.createWriteStream(copy));
  }
  fs.unlinkSync(copy);
}

const cases = {
  'stream copy 1GB (10 x 100MB)': streamCopy1GB,
  'readFileSync 100MB': () => fs.readFileSync(big).length,
  'readFile 100MB': () => new Promise((resolve, reject) =>
    fs.readFile(big, (err, b) => (err ? reject(err) : resolve(b.length)))),
  'promises.readFile 100MB': () => fs.promises.readFile(big),
  'readFileSync 100MB utf8': () => fs.readFileSync(big, 'utf8').length,
  '10k writeFileSync+readFileSync': smallSync,
  '10k writeFile+readFile (cb)': smallCallback,
  '10k writeFile+readFile (promises)': smallAsync,
  'readdirSync recursive': () => fs.readdirSync(tree, { recursive: true }).length,
  'readdir recursive (cb)': () => new Promise((resolve, reject) =>
    fs.readdir(tree, { recursive: true }, (err, l) => (err ? reject(err) : resolve(l.length)))),
  'readdirSync recursive withFileTypes': () =>
    fs.readdirSync(tree, { recursive: true, withFileTypes: true }).length,
};

(async () => {
  const fn = cases[name];
  if (fn === undefined) {
    if (name === '--list') return console.log(Object.keys(cases).join('\n'));
    throw new Error(`unknown case ${name}`);
  }
  const start = process.hrtime.bigint();
  await fn();
  console.log(Number(process.hrtime.bigint() - start) / 1e6);
})();
