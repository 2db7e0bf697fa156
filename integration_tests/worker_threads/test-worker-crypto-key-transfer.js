'use strict';
// KeyObjects (secret, public, private) and CryptoKeys are cloned through MessagePorts:
// the key material travels, and the receiver gets an equal key of the same class with
// the same type, algorithm, extractable flag and usages. The worker signs with the keys
// it received, so the main thread can check they work over there too.
const assert = require('assert');
const crypto = require('crypto');
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');

const { KeyObject, createHmac, createSecretKey, generateKeyPairSync, sign, verify } = crypto;
const { subtle } = globalThis.crypto;
const data = Buffer.from('payload');

if (!isMainThread) {
  parentPort.once('message', async ({ port, keys }) => {
    const { secret, privateKey, publicKey, hmac } = keys;
    const report = {
      classes: [secret, privateKey, publicKey].map((k) => k instanceof KeyObject),
      isCryptoKey: hmac instanceof CryptoKey,
      types: [secret.type, privateKey.type, publicKey.type, hmac.type],
      hmacMac: createHmac('sha256', secret).update(data).digest('hex'),
      signature: sign('sha256', data, privateKey),
      verifies: verify('sha256', data, publicKey, sign('sha256', data, privateKey)),
      subtleMac: Buffer.from(await subtle.sign('HMAC', hmac, data)).toString('hex'),
    };
    // Send the keys back through the transferred port.
    port.postMessage({ keys, report });
    port.close();
  });
  return;
}

let finished = false;
process.on('exit', () => assert.ok(finished, 'the checks did not run to the end'));

(async () => {
  const secret = createSecretKey(Buffer.from('00112233445566778899aabbccddeeff', 'hex'));
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const hmac = await subtle.importKey('raw', Buffer.alloc(32, 7),
                                      { name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);

  // Locally first: a MessageChannel within one thread clones as well.
  {
    const { port1, port2 } = new MessageChannel();
    const received = new Promise((resolve) => port2.once('message', resolve));
    port1.postMessage({ secret });
    const message = await received;
    assert.notStrictEqual(message.secret, secret);
    assert.ok(message.secret instanceof KeyObject);
    assert.ok(message.secret.equals(secret));
    port1.close();
  }

  const worker = new Worker(__filename);
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  const { port1, port2 } = new MessageChannel();
  const reply = new Promise((resolve) => port1.once('message', resolve));
  worker.postMessage({ port: port2, keys: { secret, privateKey, publicKey, hmac } }, [port2]);
  const { keys, report } = await reply;
  port1.close();

  assert.deepStrictEqual(report.classes, [true, true, true]);
  assert.strictEqual(report.isCryptoKey, true);
  assert.deepStrictEqual(report.types, ['secret', 'private', 'public', 'secret']);
  assert.strictEqual(report.hmacMac, createHmac('sha256', secret).update(data).digest('hex'));
  assert.ok(verify('sha256', data, publicKey, Buffer.from(report.signature)));
  assert.strictEqual(report.verifies, true);
  assert.strictEqual(report.subtleMac,
                     Buffer.from(await subtle.sign('HMAC', hmac, data)).toString('hex'));

  // The round trip gives back equal keys of the same kinds.
  assert.ok(keys.secret instanceof KeyObject);
  assert.strictEqual(keys.secret.type, 'secret');
  assert.ok(keys.secret.equals(secret));
  assert.deepStrictEqual(keys.secret.export(), secret.export());
  assert.strictEqual(keys.privateKey.type, 'private');
  assert.strictEqual(keys.privateKey.asymmetricKeyType, 'ec');
  assert.ok(keys.privateKey.equals(privateKey));
  assert.strictEqual(keys.privateKey.export({ type: 'pkcs8', format: 'pem' }),
                     privateKey.export({ type: 'pkcs8', format: 'pem' }));
  assert.strictEqual(keys.publicKey.type, 'public');
  assert.ok(keys.publicKey.equals(publicKey));
  assert.ok(!keys.publicKey.equals(keys.privateKey));

  assert.ok(keys.hmac instanceof CryptoKey);
  assert.notStrictEqual(keys.hmac, hmac);
  assert.strictEqual(keys.hmac.type, 'secret');
  assert.strictEqual(keys.hmac.extractable, true);
  assert.deepStrictEqual(keys.hmac.usages, ['sign']);
  assert.strictEqual(keys.hmac.algorithm.name, 'HMAC');
  assert.strictEqual(keys.hmac.algorithm.hash.name, 'SHA-256');
  assert.strictEqual(keys.hmac.algorithm.length, 256);
  assert.deepStrictEqual(Buffer.from(await subtle.exportKey('raw', keys.hmac)),
                         Buffer.alloc(32, 7));
  assert.ok(KeyObject.from(keys.hmac).equals(KeyObject.from(hmac)));

  assert.strictEqual(await exited, 0);
  finished = true;
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

// structuredClone() clones keys the same way.
{
  const secret = createSecretKey(Buffer.from('0123456789abcdef'));
  const copy = structuredClone({ secret }).secret;
  assert.notStrictEqual(copy, secret);
  assert.ok(copy instanceof KeyObject);
  assert.ok(copy.equals(secret));
}
