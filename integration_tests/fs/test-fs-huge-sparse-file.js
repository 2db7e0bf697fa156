// Files past 4 GiB: sizes and 64-bit positions survive the trip through the binding, and
// readFile refuses a file larger than a Buffer can hold, as Node does. The file is
// sparse, so the test writes only a few bytes.
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(process.env.TEST_TMPDIR || os.tmpdir(), 'skua-huge-'));
const file = path.join(dir, 'sparse.bin');
const size = 4 * 1024 ** 3 + 4096;  // Just past 4 GiB.
const marker = Buffer.from('past four gibibytes');
const position = 4 * 1024 ** 3 + 100;

try {
  fs.writeFileSync(file, '');
  fs.truncateSync(file, size);
  assert.strictEqual(fs.statSync(file).size, size);
  assert.strictEqual(fs.statSync(file, { bigint: true }).size, BigInt(size));

  const fd = fs.openSync(file, 'r+');
  assert.strictEqual(fs.writeSync(fd, marker, 0, marker.length, position), marker.length);
  const back = Buffer.alloc(marker.length);
  assert.strictEqual(fs.readSync(fd, back, 0, back.length, position), marker.length);
  assert.deepStrictEqual(back, marker);
  // Reading at the very end returns 0 bytes, not an error.
  assert.strictEqual(fs.readSync(fd, back, 0, back.length, size), 0);
  fs.closeSync(fd);

  assert.throws(() => fs.readFileSync(file), { code: 'ERR_FS_FILE_TOO_LARGE' });
  fs.readFile(file, (error) => {
    assert.strictEqual(error.code, 'ERR_FS_FILE_TOO_LARGE');
    // A stream reads a range of it without loading the whole file.
    const chunks = [];
    fs.createReadStream(file, { start: position, end: position + marker.length - 1 })
      .on('data', (chunk) => chunks.push(chunk))
      .on('end', () => {
        assert.deepStrictEqual(Buffer.concat(chunks), marker);
        fs.rmSync(dir, { recursive: true, force: true });
      });
  });
} catch (error) {
  fs.rmSync(dir, { recursive: true, force: true });
  throw error;
}
