'use strict';
// util.MIMEType, styleText's validation, toUSVString, aborted, getSystemErrorName, types.
const assert = require('assert');
const util = require('util');

const mime = new util.MIMEType('Text/HTML; Charset="utf-8"; q=1; q=2');
assert.strictEqual(mime.essence, 'text/html');
assert.strictEqual(mime.params.get('charset'), 'utf-8');
assert.strictEqual(mime.params.get('q'), '1');
mime.params.set('name', 'a b');
assert.strictEqual(String(mime), 'text/html;charset=utf-8;q=1;name="a b"');
assert.throws(() => new util.MIMEType('nope'), { code: 'ERR_INVALID_MIME_SYNTAX' });

assert.throws(() => util.styleText('nocolor', 'x'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.strictEqual(util.toUSVString('a\ud800b'), 'a\ufffdb');
assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');
assert.strictEqual(require('util/types'), util.types);
assert(util.types.isPromise(Promise.resolve()));
assert(util.types.isUint8Array(Buffer.alloc(1)));
assert(!util.types.isProxy({}));

const ac = new AbortController();
const done = util.aborted(ac.signal, {});
ac.abort();
done.then(() => {});
assert.rejects(util.aborted({}, {}), { code: 'ERR_INVALID_ARG_TYPE' }).then(() => {});
