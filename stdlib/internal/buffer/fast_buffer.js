'use strict';
// FastBuffer (the class every Buffer really is: a Uint8Array subclass whose constructor
// is cheap) and the allocation pool behind Buffer.allocUnsafe and small Buffer.from.

const binding = internalBinding('buffer');

class FastBuffer extends Uint8Array {
  // An explicit constructor keeps V8's construct stub simple (no rest/spread).
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

// --zero-fill-buffers makes every unsafe allocation zeroed, as in Node.
const zeroFill = process.execArgv.includes('--zero-fill-buffers');

// Uninitialised memory from malloc, never from a zero-fill toggle (research notes 5.3).
function createUnsafeBuffer(size) {
  if (zeroFill) return new FastBuffer(size);
  return new FastBuffer(binding.allocUnsafe(size));
}

// Small allocations are carved out of a shared pool (Buffer.poolSize, 8 KiB by default)
// so that each one costs a view, not a malloc. `poolSize` is read through this object
// because buffer.js lets users change Buffer.poolSize.
const poolConfig = { poolSize: 8 * 1024 };
let pool;
let poolOffset = 0;
let poolCapacity = 0;

function createPool() {
  poolCapacity = poolConfig.poolSize;
  pool = zeroFill ? new ArrayBuffer(poolCapacity) : binding.allocUnsafe(poolCapacity);
  poolOffset = 0;
}
createPool();

// Keeps pool slices 8-byte aligned, so Float64Array views over them stay possible.
function alignPool() {
  if (poolOffset & 7) poolOffset = (poolOffset | 7) + 1;
}

// An uninitialised buffer of `size` bytes, pooled when small.
function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (poolConfig.poolSize >>> 1)) {
    if (size > poolCapacity - poolOffset) createPool();
    const buf = new FastBuffer(pool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return buf;
  }
  return createUnsafeBuffer(size);
}

// Encodes `string` (of encoding `ops`) into a new buffer. Big strings go straight to C++
// (one call sizes and fills the memory); small ones are written into the pool.
function fromStringWithOps(string, ops) {
  const half = poolConfig.poolSize >>> 1;
  if (string.length >= half) return new FastBuffer(binding.fromString(string, ops.id));
  // No encoding needs more than 3 bytes per UTF-16 unit: when that fits in the pool,
  // write straight in and skip the separate byteLength pass.
  let length = poolCapacity - poolOffset;
  if (string.length * 3 > length) {
    length = ops.byteLength(string);
    if (length >= half) return new FastBuffer(binding.fromString(string, ops.id));
    if (length > poolCapacity - poolOffset) createPool();
  }
  // The binding writes into an ArrayBuffer as readily as into a view.
  const written = binding.write(pool, string, poolOffset, length, ops.id);
  const buf = new FastBuffer(pool, poolOffset, written);
  poolOffset += written;
  alignPool();
  return buf;
}

module.exports = {
  FastBuffer,
  allocate,
  createUnsafeBuffer,
  fromStringWithOps,
  poolConfig,
};
