'use strict';
// node:punycode: RFC 3492 encoding and decoding, the IDNA label helpers and ucs2.
const assert = require('assert');
const punycode = require('punycode');

assert.strictEqual(punycode.version, '2.1.0');

// Samples from RFC 3492 section 7.1, and short ones.
const samples = [
  ['他们为什么不说中文', 'ihqwcrb4cv8a8dqg056pqjye'],
  ['3年B組金八先生', '3B-ww4c5e180e575a65lsy2b'],
  ['-> $1.00 <-', '-> $1.00 <--'],
  ['bücher', 'bcher-kva'],
  ['ü', 'tda'],
  ['abc', 'abc-'],
  ['', ''],
];
for (const [plain, encoded] of samples) {
  assert.strictEqual(punycode.encode(plain), encoded);
  assert.strictEqual(punycode.decode(encoded), plain);
}
// Upper-case digits decode as lower-case ones; basic code points keep their case.
assert.strictEqual(punycode.decode('BCHER-KVA'), 'BüCHER');

// Domain names and email addresses: only non-ASCII labels change; IDNA dots are dots.
assert.strictEqual(punycode.toASCII('mañana.com'), 'xn--maana-pta.com');
assert.strictEqual(punycode.toASCII('mañana\u3002com'), 'xn--maana-pta.com');
assert.strictEqual(punycode.toASCII('example.com'), 'example.com');
assert.strictEqual(punycode.toASCII('джумла@джpумлатест.bрфa'),
                   'джумла@xn--p-8sbkgc5ag7bhce.xn--ba-lmcq');
assert.strictEqual(punycode.toUnicode('xn--maana-pta.com'), 'mañana.com');
// The prefix is matched case-sensitively, the rest of the label is not.
assert.strictEqual(punycode.toUnicode('XN--MAANA-PTA.com'), 'XN--MAANA-PTA.com');
assert.strictEqual(punycode.toUnicode('xn--MAANA-PTA.com'), 'mañana.com');
assert.strictEqual(punycode.toUnicode('example.com'), 'example.com');

// Errors are RangeErrors with punycode.js's messages.
assert.throws(() => punycode.decode('\x81-'), {
  name: 'RangeError', message: 'Illegal input >= 0x80 (not a basic code point)',
});
assert.throws(() => punycode.decode('a-!'), { name: 'RangeError', message: 'Invalid input' });

// ucs2: code points, with unpaired surrogates kept as they are.
assert.deepStrictEqual(punycode.ucs2.decode('a\uD834\uDF06b'), [0x61, 0x1D306, 0x62]);
assert.deepStrictEqual(punycode.ucs2.decode('\uD800x'), [0xD800, 0x78]);
assert.strictEqual(punycode.ucs2.encode([0x61, 0x1D306, 0xDC00]), 'a\uD834\uDF06\uDC00');

// Astral characters round-trip.
const astral = '\u{1F600}x\u{10FFFF}';
assert.strictEqual(punycode.decode(punycode.encode(astral)), astral);
console.log('ok');
