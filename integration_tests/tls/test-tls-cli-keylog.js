'use strict';
// --tls-keylog=FILE: both ends of every TLS connection append their NSS key log lines to
// FILE (with a warning that this makes the connection insecure), in the process given the
// switch or NODE_OPTIONS.
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const fixtures = path.join(__dirname, 'fixtures');
const script = `
  const tls = require('tls');
  const fs = require('fs');
  const path = require('path');
  const fixture = (name) => fs.readFileSync(path.join(${JSON.stringify(fixtures)}, name));
  const server = tls.createServer({
    key: fixture('test-server-key.pem'), cert: fixture('test-server-cert.pem'),
    maxVersion: process.argv[1],
  }, (socket) => socket.end('hi'));
  server.listen(0, '127.0.0.1', () => {
    const client = tls.connect({
      port: server.address().port, host: '127.0.0.1', ca: fixture('test-ca-cert.pem'),
      servername: 'localhost',
    });
    client.resume();
    client.on('end', () => server.close());
  });`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skua-keylog-'));
try {
  // TLS 1.2: one CLIENT_RANDOM line from each end, the same line.
  const file12 = path.join(dir, 'tls12.log');
  let result = spawnSync(process.execPath, [`--tls-keylog=${file12}`, '-e', script, 'TLSv1.2'],
                         { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  assert.strictEqual(result.status, 0, result.stderr);
  assert.match(result.stderr, new RegExp('Warning: Using --tls-keylog makes TLS connections ' +
    'insecure by writing secret key material to file '));
  assert.strictEqual(result.stderr.match(/--tls-keylog makes/g).length, 1);
  const lines = fs.readFileSync(file12, 'utf8').trim().split('\n');
  assert.strictEqual(lines.length, 2);
  assert.strictEqual(lines[0], lines[1]);
  assert.match(lines[0], /^CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}$/);
  if (process.platform !== 'win32') {
    assert.strictEqual(fs.statSync(file12).mode & 0o777, 0o600);
  }

  // TLS 1.3 through NODE_OPTIONS: each end logs the five secrets of the connection.
  const file13 = path.join(dir, 'tls13.log');
  result = spawnSync(process.execPath, ['-e', script, 'TLSv1.3'], {
    encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: `--tls-keylog=${file13}` },
  });
  assert.strictEqual(result.status, 0, result.stderr);
  const labels = fs.readFileSync(file13, 'utf8').trim().split('\n').map((l) => l.split(' ')[0]);
  assert.strictEqual(labels.length, 10);
  assert.deepStrictEqual([...new Set(labels)].sort(), [
    'CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'EXPORTER_SECRET',
    'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_TRAFFIC_SECRET_0',
  ]);

  // Without the switch nothing is written.
  const none = path.join(dir, 'none.log');
  result = spawnSync(process.execPath, ['-e', script, 'TLSv1.2'],
                     { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  assert.strictEqual(result.status, 0, result.stderr);
  assert(!fs.existsSync(none));
  assert.doesNotMatch(result.stderr, /tls-keylog/);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
