'use strict';
// Crypto throughput cases, run by both skua and node: sha256 and AES-256-GCM over 256 MB
// (fed in 64 KiB chunks, as a stream would), pbkdf2-sha256 (100k iterations, sync and on
// the thread pool), and many small hashes and HMACs. Prints one JSON line of milliseconds
// per case.
const crypto = require('crypto');

const kTotal = 256 * 1024 * 1024;
const chunk = crypto.randomBytes(64 * 1024);

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function best(fn, rounds = 3) {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) min = Math.min(min, time(fn));
  return min;
}

const results = {};
results['sha256 256MB'] = best(() => {
  const h = crypto.createHash('sha256');
  for (let done = 0; done < kTotal; done += chunk.length) h.update(chunk);
  h.digest();
});
results['aes-256-gcm 256MB'] = best(() => {
  const c = crypto.createCipheriv('aes-256-gcm', Buffer.alloc(32, 1), Buffer.alloc(12, 2));
  for (let done = 0; done < kTotal; done += chunk.length) c.update(chunk);
  c.final();
  c.getAuthTag();
});
results['pbkdf2 100k sync'] = best(() => crypto.pbkdf2Sync('password', 'salt', 100000, 32, 'sha256'));
results['sha256 x100k small'] = best(() => {
  for (let i = 0; i < 100000; i++) crypto.createHash('sha256').update('hello world').digest('hex');
});
results['sha256 buf x100k small'] = best(() => {
  for (let i = 0; i < 100000; i++) crypto.createHash('sha256').update('hello world').digest();
});
const hmacKey = Buffer.alloc(32, 7);
results['hmac x100k small'] = best(() => {
  for (let i = 0; i < 100000; i++) {
    crypto.createHmac('sha256', hmacKey).update('hello world').digest('hex');
  }
});
// crypto.hash() arrived in Node 20.12; older runtimes report no figure.
if (typeof crypto.hash === 'function') {
  results['hash() x100k small'] = best(() => {
    for (let i = 0; i < 100000; i++) crypto.hash('sha256', 'hello world');
  });
}

// Four pbkdf2 calls on the thread pool at once.
const start = process.hrtime.bigint();
let left = 4;
for (let i = 0; i < 4; i++) {
  crypto.pbkdf2('password', 'salt', 100000, 32, 'sha256', () => {
    if (--left === 0) {
      results['pbkdf2 100k x4 async'] = Number(process.hrtime.bigint() - start) / 1e6;
      console.log(JSON.stringify(results));
    }
  });
}
