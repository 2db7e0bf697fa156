// The one-shot path of the `zlib` binding: zlib.gzipSync(), zlib.gunzip(buf, cb) and the
// other whole-buffer forms run over libdeflate when their options are the defaults
// (stdlib/zlib.js decides). libdeflate works on the whole buffer at once, which is where
// its speed comes from; it either produces the complete result or reports "not done",
// and stdlib then runs the ordinary zlib stream over the same input, so every error
// (code, errno, message, ERR_BUFFER_TOO_LARGE) stays exactly zlib's.
//
// oneShot(mode, level, input, maxOutputLength[, callback]) returns (or passes to
// `callback`, after running on the libuv thread pool) an ArrayBuffer with the output,
// or undefined when zlib must do the work.
#include <libdeflate.h>
#include <uv.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "base/check.h"
#include "runtime/bindings/zlib_stream.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::zlib {

namespace {

// Inflating multiplies a DEFLATE stream's size by at most this (a 258-byte match costs at
// least 2 bits): bounds how far a gzip trailer's size can be trusted.
constexpr size_t kMaxInflateRatio = 1032;
constexpr size_t kMinInflateCapacity = 4096;
// Results up to this size are built in a per-thread scratch buffer and then copied out at
// their exact size, instead of a worst-case-sized allocation per call shrunk afterwards
// (small calls are frequent: HTTP bodies, cache entries).
constexpr size_t kScratchSize = 256 * 1024;

// libdeflate's compressors and decompressor are not thread-safe but are reusable: each
// thread (the loop thread, each pool thread) keeps its own, made on first use.
struct Codecs {
  libdeflate_compressor* compressors[10] = {};
  libdeflate_decompressor* decompressor = nullptr;
  uint8_t* scratch = nullptr;  // kScratchSize bytes, from malloc.

  ~Codecs() {
    std::free(scratch);
    for (libdeflate_compressor* c : compressors) {
      if (c != nullptr) libdeflate_free_compressor(c);
    }
    if (decompressor != nullptr) libdeflate_free_decompressor(decompressor);
  }
};
thread_local Codecs codecs;

// An output buffer: this thread's scratch buffer while it fits there, else from malloc.
// Finish() moves a scratch result to malloc; then ToJs() hands it to V8.
struct Output {
  uint8_t* data = nullptr;
  size_t size = 0;
  size_t capacity = 0;
  bool in_scratch = false;
  bool ok = false;

  void Fail() {
    if (!in_scratch) std::free(data);
    *this = {};
  }

  // Makes room for `needed` bytes in all, keeping the first `size`.
  bool Reserve(size_t needed) {
    if (needed <= capacity) return true;
    if (needed <= kScratchSize && (data == nullptr || in_scratch)) {
      if (codecs.scratch == nullptr) {
        codecs.scratch = static_cast<uint8_t*>(std::malloc(kScratchSize));
        if (codecs.scratch == nullptr) return false;
      }
      data = codecs.scratch;
      capacity = kScratchSize;
      in_scratch = true;
      return true;
    }
    uint8_t* grown;
    if (in_scratch) {
      grown = static_cast<uint8_t*>(std::malloc(needed));
      if (grown != nullptr && size != 0) memcpy(grown, data, size);
    } else {
      grown = static_cast<uint8_t*>(std::realloc(data, needed));
    }
    if (grown == nullptr) return false;
    data = grown;
    capacity = needed;
    in_scratch = false;
    return true;
  }

  // On the thread that ran the codec: a result still in scratch gets its own copy.
  void Finish() {
    if (!ok || !in_scratch) return;
    uint8_t* copy = size == 0 ? nullptr : static_cast<uint8_t*>(std::malloc(size));
    if (size != 0 && copy == nullptr) return Fail();
    if (size != 0) memcpy(copy, data, size);
    data = copy;
    capacity = size;
    in_scratch = false;
  }
};

// zlib's gzip header says which OS wrote it (3, Unix) and whether the level was the
// fastest (4) or the best (2); libdeflate writes other values there. Neither byte is
// covered by a checksum, so set them as zlib does: the headers then match Node's.
void PatchGzipHeader(uint8_t* out, size_t size, int level) {
  if (size < 10) return;
  out[8] = level == 9 ? 2 : level < 2 ? 4 : 0;
  out[9] = 3;
}

// Differs from Node 20: the compressed bytes are libdeflate's, not zlib's (valid streams
// at the same level; stdlib/README.md says why).
Output Compress(int mode, int level, const uint8_t* in, size_t in_size, size_t limit) {
  Output result;
  if (level < 0) level = 6;  // Z_DEFAULT_COMPRESSION is zlib's level 6.
  CHECK(level <= 9);
  libdeflate_compressor*& compressor = codecs.compressors[level];
  if (compressor == nullptr) compressor = libdeflate_alloc_compressor(level);
  if (compressor == nullptr) return result;
  size_t bound;
  switch (mode) {
    case kGzip: bound = libdeflate_gzip_compress_bound(compressor, in_size); break;
    case kDeflate: bound = libdeflate_zlib_compress_bound(compressor, in_size); break;
    default: bound = libdeflate_deflate_compress_bound(compressor, in_size); break;
  }
  if (!result.Reserve(bound)) return result;
  switch (mode) {
    case kGzip:
      result.size = libdeflate_gzip_compress(compressor, in, in_size, result.data, bound);
      PatchGzipHeader(result.data, result.size, level);
      break;
    case kDeflate:
      result.size = libdeflate_zlib_compress(compressor, in, in_size, result.data, bound);
      break;
    default:
      result.size = libdeflate_deflate_compress(compressor, in, in_size, result.data, bound);
      break;
  }
  // Past maxOutputLength, zlib's run throws the error Node throws.
  result.ok = result.size != 0 && result.size <= limit;
  if (!result.ok) result.Fail();
  return result;
}

// Decompresses one stream of `mode` at `in` into `out` (grown as needed up to `limit`
// bytes in all); adds what it read to `*consumed`. False on any failure.
bool InflateMember(int mode, const uint8_t* in, size_t in_size, size_t limit, size_t hint,
                   Output* out, size_t* consumed) {
  libdeflate_decompressor*& d = codecs.decompressor;
  if (d == nullptr) d = libdeflate_alloc_decompressor();
  if (d == nullptr) return false;
  size_t capacity = std::min(limit, out->size + std::max(hint, kMinInflateCapacity));
  for (;;) {
    if (!out->Reserve(capacity)) return false;
    size_t in_read = 0;
    size_t produced = 0;
    uint8_t* dest = out->data + out->size;
    size_t avail = capacity - out->size;
    libdeflate_result r;
    switch (mode) {
      case kGunzip:
        r = libdeflate_gzip_decompress_ex(d, in, in_size, dest, avail, &in_read, &produced);
        break;
      case kInflate:
        r = libdeflate_zlib_decompress_ex(d, in, in_size, dest, avail, &in_read, &produced);
        break;
      default:
        r = libdeflate_deflate_decompress_ex(d, in, in_size, dest, avail, &in_read, &produced);
        break;
    }
    if (r == LIBDEFLATE_SUCCESS) {
      out->size += produced;
      *consumed += in_read;
      return true;
    }
    // Past maxOutputLength, zlib's run reports ERR_BUFFER_TOO_LARGE (or the data error
    // it meets first).
    if (r != LIBDEFLATE_INSUFFICIENT_SPACE || capacity == limit) return false;
    capacity = capacity > limit / 2 ? limit : capacity * 2;
  }
}

Output Decompress(int mode, const uint8_t* in, size_t in_size, size_t limit) {
  Output result;
  if (mode == kUnzip) {
    if (in_size < 2) return result;
    mode = in[0] == 0x1f && in[1] == 0x8b ? kGunzip : kInflate;
  }
  // A zlib header may declare a window under 32 KiB, which zlib enforces and libdeflate
  // does not check: leave those rare streams to zlib.
  if (mode == kInflate && (in_size < 2 || (in[0] >> 4) != 7)) return result;
  size_t hint = in_size * 4;
  if (mode == kGunzip && in_size >= 18) {
    // The last member's ISIZE: the whole size when there is one member.
    size_t isize = in[in_size - 4] | in[in_size - 3] << 8 | in[in_size - 2] << 16 |
                   static_cast<size_t>(in[in_size - 1]) << 24;
    if (isize <= in_size * kMaxInflateRatio) hint = std::max(hint / 4, isize);
  }
  size_t offset = 0;
  for (;;) {
    // libdeflate skips a gzip header's CRC-16 (FHCRC) unchecked; zlib checks it.
    bool header_crc = mode == kGunzip && in_size - offset >= 4 && (in[offset + 3] & 0x02) != 0;
    if (header_crc ||
        !InflateMember(mode, in + offset, in_size - offset, limit, hint, &result, &offset)) {
      result.Fail();
      return result;
    }
    // As zlib does in Node: after a gzip member, bytes other than zero padding start
    // another member; anything after a zlib or raw stream is ignored.
    if (mode != kGunzip || offset == in_size || in[offset] == 0) break;
    hint = (in_size - offset) * 4;
  }
  result.ok = true;
  return result;
}

Output Run(int mode, int level, const uint8_t* in, size_t in_size, size_t limit) {
  Output out = mode == kDeflate || mode == kGzip || mode == kDeflateRaw
                   ? Compress(mode, level, in, in_size, limit)
                   : Decompress(mode, in, in_size, limit);
  out.Finish();
  return out;
}

void FreeOutput(void* data, size_t, void*) { std::free(data); }

// The result for JS: an ArrayBuffer that takes over the output, or undefined.
v8::Local<v8::Value> ToJs(v8::Isolate* isolate, Output* out) {
  if (!out->ok) return v8::Undefined(isolate);
  if (out->size == 0) {
    std::free(out->data);
    return v8::ArrayBuffer::New(isolate, 0);
  }
  // Give back the unused part of the capacity (in place for large blocks).
  if (out->capacity > out->size) {
    if (auto* shrunk = static_cast<uint8_t*>(std::realloc(out->data, out->size))) {
      out->data = shrunk;
    }
  }
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(out->data, out->size, FreeOutput, nullptr);
  out->data = nullptr;
  return v8::ArrayBuffer::New(isolate, std::move(store));
}

// An async one-shot: runs on a pool thread, completes into `callback`.
struct OneShotWork {
  uv_work_t req;
  Realm* realm;
  int mode;
  int level;
  // Lifetime: `in` points into `input`'s backing store, which `input` keeps alive.
  v8::Global<v8::Value> input;
  const uint8_t* in;
  size_t in_size;
  size_t limit;
  v8::Global<v8::Function> callback;
  double async_id = 0;
  Output output;
};

void AfterWork(uv_work_t* req, int status) {
  std::unique_ptr<OneShotWork> work(static_cast<OneShotWork*>(req->data));
  CHECK_EQ(status, 0);  // Nothing cancels this work.
  Realm* realm = work->realm;
  if (realm->is_stopping()) {
    work->output.Fail();
    return;
  }
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(realm->context());
  v8::Local<v8::Value> argv[] = {ToJs(isolate, &work->output)};
  (void)realm->MakeCallback(work->callback.Get(isolate), v8::Undefined(isolate), 1, argv);
  if (work->async_id > 0) realm->QueueAsyncDestroy(work->async_id);
}

void OneShot(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  CHECK(args[0]->IsInt32() && args[1]->IsInt32() && args[2]->IsArrayBufferView() &&
        args[3]->IsNumber());
  int mode = args[0].As<v8::Int32>()->Value();
  int level = args[1].As<v8::Int32>()->Value();
  CHECK(mode >= kDeflate && mode <= kUnzip && level >= -1 && level <= 9);
  v8::Local<v8::ArrayBufferView> view = args[2].As<v8::ArrayBufferView>();
  // Buffer() first: it moves an on-heap typed array's bytes off the heap, so the pointer
  // stays valid while the view lives.
  const uint8_t* in = static_cast<const uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
  size_t in_size = view->ByteLength();
  double max = args[3].As<v8::Number>()->Value();
  CHECK(max >= 0);
  size_t limit = static_cast<size_t>(max);
  if (!args[4]->IsFunction()) {
    Output out = Run(mode, level, in, in_size, limit);
    args.GetReturnValue().Set(ToJs(isolate, &out));
    return;
  }
  v8::Local<v8::Function> callback = args[4].As<v8::Function>();
  Realm* realm = Realm::From(isolate);
  auto* work = new OneShotWork{};
  work->req.data = work;
  work->realm = realm;
  work->mode = mode;
  work->level = level;
  work->input.Reset(isolate, view);
  work->in = in;
  work->in_size = in_size;
  work->limit = limit;
  work->callback.Reset(isolate, callback);
  realm->CaptureAsyncFrame(callback);
  if (realm->async_hooks_enabled()) work->async_id = realm->EmitAsyncInit(callback, "ZLIB");
  int err = uv_queue_work(
      realm->loop(), &work->req,
      [](uv_work_t* req) {
        auto* w = static_cast<OneShotWork*>(req->data);
        w->output = Run(w->mode, w->level, w->in, w->in_size, w->limit);
      },
      AfterWork);
  CHECK_EQ(err, 0);  // Only fails for a null work callback.
}

}  // namespace

void InitializeOneShot(BindingTarget& target) { target.Method("oneShot", OneShot); }

}  // namespace skua::zlib
