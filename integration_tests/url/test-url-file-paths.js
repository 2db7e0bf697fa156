'use strict';
// fileURLToPath / pathToFileURL (POSIX) and urlToHttpOptions.
const assert = require('assert');
const url = require('url');

assert.strictEqual(url.fileURLToPath('file:///tmp/a%20b/%E2%82%AC'), '/tmp/a b/€');
assert.strictEqual(url.fileURLToPath(new URL('file://localhost/etc/x')), '/etc/x');
assert.throws(() => url.fileURLToPath('http://x/'),
              { code: 'ERR_INVALID_URL_SCHEME', message: 'The URL must be of scheme file' });
assert.throws(() => url.fileURLToPath('file://host/x'),
              { code: 'ERR_INVALID_FILE_URL_HOST',
                message: `File URL host must be "localhost" or empty on ${process.platform}` });
assert.throws(() => url.fileURLToPath('file:///a%2fb'),
              { code: 'ERR_INVALID_FILE_URL_PATH',
                message: 'File URL path must not include encoded / characters' });
assert.throws(() => url.fileURLToPath(5), { code: 'ERR_INVALID_ARG_TYPE' });

assert.strictEqual(url.pathToFileURL('/tmp/a b#?%\\\n').href,
                   'file:///tmp/a%20b%23%3F%25%5C%0A');
assert.strictEqual(url.pathToFileURL('/tmp/dir/').href, 'file:///tmp/dir/');
assert.strictEqual(url.pathToFileURL('/€').href, 'file:///%E2%82%AC');
assert.strictEqual(url.pathToFileURL('rel').href, new URL(`file://${process.cwd()}/rel`).href);

const opts = url.urlToHttpOptions(new URL('http://a:b@[::1]:81/p?q#h'));
assert.deepStrictEqual({ ...opts }, {
  protocol: 'http:', hostname: '::1', hash: '#h', search: '?q', pathname: '/p',
  path: '/p?q', href: 'http://a:b@[::1]:81/p?q#h', port: 81, auth: 'a:b',
});

assert.strictEqual(url.domainToASCII('español.com'), 'xn--espaol-zwa.com');
assert.strictEqual(url.domainToASCII('xn--iñvalid.com'), '');
assert.strictEqual(url.domainToUnicode('xn--espaol-zwa.com'), 'español.com');
assert.strictEqual(url.domainToUnicode('xn--iñvalid.com'), '');
