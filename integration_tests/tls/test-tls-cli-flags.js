'use strict';
// The TLS and OpenSSL command-line switches: accepted (also through NODE_OPTIONS), kept in
// process.execArgv, listed in process.allowedNodeEnvironmentFlags, acting on tls's
// defaults, and refused in the pairs Node refuses.
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const tls = require('tls');

function run(args, env = {}) {
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  });
  assert.strictEqual(result.signal, null);
  return result;
}

function evaluate(flags, expression, env) {
  const result = run([...flags, '-p', `JSON.stringify(${expression})`], env);
  assert.strictEqual(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

const versions = 'tls.DEFAULT_MIN_VERSION + " " + tls.DEFAULT_MAX_VERSION';
assert.strictEqual(evaluate([], versions), 'TLSv1.2 TLSv1.3');
// The lowest --tls-min-v1.x given wins.
assert.strictEqual(evaluate(['--tls-min-v1.1', '--tls-min-v1.0'], versions), 'TLSv1 TLSv1.3');
assert.strictEqual(evaluate(['--tls-min-v1.3'], versions), 'TLSv1.3 TLSv1.3');
assert.strictEqual(evaluate(['--tls-max-v1.2'], versions), 'TLSv1.2 TLSv1.2');
assert.strictEqual(evaluate(['--tls-max-v1.3', '--tls-max-v1.2'], versions), 'TLSv1.2 TLSv1.3');
assert.strictEqual(evaluate([], versions, { NODE_OPTIONS: '--tls-max-v1.2' }), 'TLSv1.2 TLSv1.2');

// The switches stay in execArgv, values included.
assert.deepStrictEqual(
  evaluate(['--tls-min-v1.2', '--tls-keylog', 'k.log', '--use-openssl-ca'],
           'process.execArgv.slice(0, 4)'),
  ['--tls-min-v1.2', '--tls-keylog', 'k.log', '--use-openssl-ca']);

// --tls-cipher-list sets tls.DEFAULT_CIPHERS and crypto.constants.defaultCipherList; the
// command line wins over NODE_OPTIONS.
const ciphers = '[tls.DEFAULT_CIPHERS, require("crypto").constants.defaultCipherList, ' +
  'require("crypto").constants.defaultCoreCipherList]';
const core = require('crypto').constants.defaultCoreCipherList;
assert.deepStrictEqual(evaluate(['--tls-cipher-list=AES128-SHA'], ciphers),
                       ['AES128-SHA', 'AES128-SHA', core]);
assert.deepStrictEqual(
  evaluate(['--tls-cipher-list', 'AES256-SHA'], ciphers,
           { NODE_OPTIONS: '--tls-cipher-list=AES128-SHA' }),
  ['AES256-SHA', 'AES256-SHA', core]);

// A server started under --tls-max-v1.2 negotiates TLS 1.2 with a default client.
const fixtures = path.join(__dirname, 'fixtures');
const serverScript = `
  const tls = require('tls');
  const fs = require('fs');
  const path = require('path');
  const fixture = (name) => fs.readFileSync(path.join(${JSON.stringify(fixtures)}, name));
  const server = tls.createServer({
    key: fixture('test-server-key.pem'), cert: fixture('test-server-cert.pem'),
  }, (socket) => socket.end());
  server.listen(0, '127.0.0.1', () => {
    const client = tls.connect({
      port: server.address().port, host: '127.0.0.1', ca: fixture('test-ca-cert.pem'),
      servername: 'localhost', maxVersion: 'TLSv1.3',
    }, () => {
      console.log(client.getProtocol());
      client.destroy();
      server.close();
    });
  });`;
let result = run(['--tls-max-v1.2', '-e', serverScript]);
assert.strictEqual(result.status, 0, result.stderr);
assert.strictEqual(result.stdout.trim(), 'TLSv1.2');

// Pairs Node refuses: exit code 9, Node's message after the program's name.
result = run(['--tls-min-v1.3', '--tls-max-v1.2', '-p', '1']);
assert.strictEqual(result.status, 9);
assert.strictEqual(result.stderr, `${process.execPath}: either --tls-min-v1.3 or ` +
  `--tls-max-v1.2 can be used, not both${os.EOL}`);
result = run(['--use-openssl-ca', '--use-bundled-ca', '-p', '1']);
assert.strictEqual(result.status, 9);
assert.match(result.stderr, /either --use-openssl-ca or --use-bundled-ca can be used, not both/);

// Each alone is fine.
for (const flag of ['--use-openssl-ca', '--use-bundled-ca', '--openssl-shared-config',
  '--openssl-legacy-provider', '--tls-min-v1.3', '--tls-max-v1.3']) {
  result = run([flag, '-p', '"ok"']);
  assert.strictEqual(result.status, 0, `${flag}: ${result.stderr}`);
  assert.strictEqual(result.stdout, `ok\n`);
}

// An unknown CVE for --security-revert: exit code 12.
result = run(['--security-revert=not-a-cve', '-p', '1']);
assert.strictEqual(result.status, 12);
assert.strictEqual(result.stderr, `${process.execPath}: Error: Attempt to revert an unknown ` +
  `CVE [not-a-cve]${os.EOL}`);

// An --openssl-config that does not exist is not an error at startup.
const missing = path.join(os.tmpdir(), `skua-no-such-openssl-${process.pid}.cnf`);
assert(!fs.existsSync(missing));
result = run([`--openssl-config=${missing}`, '-p', '"ok"']);
assert.strictEqual(result.status, 0, result.stderr);

// All may come through NODE_OPTIONS.
for (const flag of ['--tls-min-v1.0', '--tls-min-v1.1', '--tls-min-v1.2', '--tls-min-v1.3',
  '--tls-max-v1.2', '--tls-max-v1.3', '--tls-cipher-list', '--tls-keylog', '--use-bundled-ca',
  '--use-openssl-ca', '--secure-heap', '--secure-heap-min', '--openssl-config',
  '--openssl-legacy-provider', '--openssl-shared-config']) {
  assert(process.allowedNodeEnvironmentFlags.has(flag), flag);
}
assert.strictEqual(tls.DEFAULT_MIN_VERSION, 'TLSv1.2');
