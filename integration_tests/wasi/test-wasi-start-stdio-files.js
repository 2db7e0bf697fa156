'use strict';
// node:wasi: a small preview1 command module (assembled below) writes to stdout and to a
// file under a preopened directory, reads its argument count, and exits through proc_exit.
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

process.on('warning', (warning) => assert.strictEqual(warning.name, 'ExperimentalWarning'));
const { WASI } = require('wasi');

// ---- A tiny WebAssembly assembler -----------------------------------------------------
function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}
function sleb(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}
const str = (s) => [...uleb(Buffer.byteLength(s)), ...Buffer.from(s)];
const vec = (items) => [...uleb(items.length), ...items.flat()];
const section = (id, body) => [id, ...uleb(body.length), ...body];
const I32 = 0x7f;
const I64 = 0x7e;
const i32 = (n) => [0x41, ...sleb(n)];
const i64 = (n) => [0x42, ...sleb(n)];
const call = (index) => [0x10, ...uleb(index)];
const drop = [0x1a];
const load = [0x28, 0x02, 0x00];

const types = [
  [0x60, ...vec([I32, I32, I32, I32]), ...vec([I32])],  // fd_write
  [0x60, ...vec([I32, I32]), ...vec([I32])],  // args_sizes_get
  [0x60, ...vec([I32]), ...vec([])],  // proc_exit
  [0x60, ...vec([I32, I32, I32, I32, I32, I64, I64, I32, I32]), ...vec([I32])],  // path_open
  [0x60, ...vec([]), ...vec([])],  // _start
];
const wasi = 'wasi_snapshot_preview1';
const imports = [
  [...str(wasi), ...str('fd_write'), 0x00, 0],
  [...str(wasi), ...str('args_sizes_get'), 0x00, 1],
  [...str(wasi), ...str('proc_exit'), 0x00, 2],
  [...str(wasi), ...str('path_open'), 0x00, 3],
];
const [kFdWrite, kArgsSizes, kProcExit, kPathOpen] = [0, 1, 2, 3];
// Memory: iovec at 0 -> "hello from wasi\n" at 16; file name at 64; scratch at 32.. .
const message = 'hello from wasi\n';
const fileName = 'out.txt';
const body = [
  ...i32(1), ...i32(0), ...i32(1), ...i32(40), ...call(kFdWrite), ...drop,
  // path_open(3, 0, "out.txt", creat|trunc, FD_WRITE, 0, 0, &fd at 44)
  ...i32(3), ...i32(0), ...i32(64), ...i32(fileName.length), ...i32(1 | 8),
  ...i64(0x40), ...i64(0), ...i32(0), ...i32(44), ...call(kPathOpen), ...drop,
  ...i32(44), ...load, ...i32(0), ...i32(1), ...i32(40), ...call(kFdWrite), ...drop,
  ...i32(32), ...i32(36), ...call(kArgsSizes), ...drop,
  ...i32(32), ...load, ...call(kProcExit),
  0x0b,
];
const dataSegment = (offset, bytes) => [0x00, ...i32(offset), 0x0b, ...vec([...bytes])];
const wasm = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, vec(types)),
  ...section(2, vec(imports)),
  ...section(3, vec([[4]])),
  ...section(5, vec([[0x00, 1]])),
  ...section(7, vec([[...str('memory'), 0x02, 0], [...str('_start'), 0x00, 4]])),
  ...section(10, vec([[...uleb(body.length + 1), 0x00, ...body]])),
  ...section(11, vec([
    dataSegment(0, [16, 0, 0, 0, message.length, 0, 0, 0]),
    dataSegment(16, Buffer.from(message)),
    dataSegment(64, Buffer.from(fileName)),
  ])),
]);

// ---- Run it ---------------------------------------------------------------------------
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skua-wasi-'));
const stdoutPath = path.join(dir, 'stdout.txt');
const sandbox = path.join(dir, 'sandbox');
fs.mkdirSync(sandbox);
const stdout = fs.openSync(stdoutPath, 'w');

const instanceWasi = new WASI({
  version: 'preview1',
  args: ['prog', 'a', 'b'],
  env: { KEY: 'value' },
  preopens: { '/sandbox': sandbox },
  stdout,
});
const importObject = instanceWasi.getImportObject();
assert.deepStrictEqual(Object.keys(importObject), ['wasi_snapshot_preview1']);
assert.strictEqual(importObject.wasi_snapshot_preview1, instanceWasi.wasiImport);

WebAssembly.instantiate(wasm, importObject).then(({ instance }) => {
  // returnOnExit defaults to true: proc_exit(argc) returns from start().
  assert.strictEqual(instanceWasi.start(instance), 3);
  fs.closeSync(stdout);
  assert.strictEqual(fs.readFileSync(stdoutPath, 'utf8'), message);
  assert.strictEqual(fs.readFileSync(path.join(sandbox, fileName), 'utf8'), message);
  assert.throws(() => instanceWasi.start(instance), { code: 'ERR_WASI_ALREADY_STARTED' });
  fs.rmSync(dir, { recursive: true, force: true });
  console.log('ok');
});
