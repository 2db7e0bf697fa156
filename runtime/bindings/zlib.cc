// `zlib`: the native side of node:zlib. `Zlib` runs deflate/inflate/gzip/gunzip/
// deflateRaw/inflateRaw/unzip over the system zlib (compressing streams with default
// options over ParallelDeflate, zlib_parallel_deflate.cc); BrotliEncoder and
// BrotliDecoder live in zlib_brotli.cc; the write machinery they share in
// zlib_stream.cc. Also crc32() and the numeric constants (zlib.constants).
#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "base/check.h"
#include "runtime/bindings/zlib_parallel_deflate.h"
#include "runtime/bindings/zlib_stream.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::zlib {

namespace {


constexpr uint8_t kGzipMagic1 = 0x1f;
constexpr uint8_t kGzipMagic2 = 0x8b;

const char* ZlibCodeName(int err) {
  switch (err) {
    case Z_OK: return "Z_OK";
    case Z_STREAM_END: return "Z_STREAM_END";
    case Z_NEED_DICT: return "Z_NEED_DICT";
    case Z_ERRNO: return "Z_ERRNO";
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR";
    case Z_DATA_ERROR: return "Z_DATA_ERROR";
    case Z_MEM_ERROR: return "Z_MEM_ERROR";
    case Z_BUF_ERROR: return "Z_BUF_ERROR";
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR";
  }
  return "Z_UNKNOWN_ERROR";
}

// The CRC-32 and length check of a gzip member, done with libdeflate's CRC-32 (several
// times faster than zlib 1.2.13's) while zlib's own is switched off with
// inflateValidate(). Only for members whose header has no header CRC (zlib checks that
// with the same switch), which Begin() sees in the member's first bytes; otherwise zlib
// checks everything itself. Failures carry zlib's messages and code.
class GzipMemberCheck {
 public:
  // At the start of a member, with its first bytes in `strm`.
  void Begin(z_stream* strm) {
    active_ = strm->avail_in >= 4 && strm->next_in[0] == kGzipMagic1 &&
              strm->next_in[1] == kGzipMagic2 && (strm->next_in[3] & kHeaderCrcFlag) == 0;
    inflateValidate(strm, active_ ? 0 : 1);
    crc_ = 0;
    size_ = 0;
    tail_size_ = 0;
  }

  // After an inflate() call that read from `in` and wrote from `out` on; turns its
  // Z_STREAM_END into Z_DATA_ERROR (setting *msg) when the trailer does not match.
  void Update(const z_stream& strm, const Bytef* in, const Bytef* out, int* err,
              const char** msg) {
    if (!active_) return;
    size_t produced = strm.next_out - out;
    if (produced != 0) crc_ = libdeflate_crc32(crc_, out, produced);
    size_ += produced;
    KeepTail(in, strm.next_in - in);
    if (*err != Z_STREAM_END) return;
    // The member's last 8 bytes read: CRC-32 and size modulo 2^32, little-endian.
    CHECK_EQ(tail_size_, sizeof(tail_));
    uint32_t crc = 0;
    uint32_t size = 0;
    for (int i = 3; i >= 0; i--) {
      crc = crc << 8 | tail_[i];
      size = size << 8 | tail_[4 + i];
    }
    if (crc != crc_) {
      *err = Z_DATA_ERROR;
      *msg = "incorrect data check";
    } else if (size != static_cast<uint32_t>(size_)) {
      *err = Z_DATA_ERROR;
      *msg = "incorrect length check";
    }
  }

 private:
  static constexpr uint8_t kHeaderCrcFlag = 0x02;

  // Keeps the last 8 bytes read, which may come from several writes.
  void KeepTail(const Bytef* data, size_t size) {
    if (size >= sizeof(tail_)) {
      memcpy(tail_, data + size - sizeof(tail_), sizeof(tail_));
      tail_size_ = sizeof(tail_);
      return;
    }
    size_t keep = std::min(tail_size_, sizeof(tail_) - size);
    memmove(tail_, tail_ + tail_size_ - keep, keep);
    memcpy(tail_ + keep, data, size);
    tail_size_ = keep + size;
  }

  bool active_ = false;
  uint32_t crc_ = 0;
  uint64_t size_ = 0;
  uint8_t tail_[8] = {};
  size_t tail_size_ = 0;
};

class ZlibStream : public CompressionStream {
 public:
  ZlibStream(Realm* realm, v8::Local<v8::Object> object, Mode mode)
      : CompressionStream(realm, object), initial_mode_(mode), mode_(mode) {}
  ~ZlibStream() override { FreeStream(); }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall() && args[0]->IsUint32());
    uint32_t mode = args[0].As<v8::Uint32>()->Value();
    CHECK(mode >= kDeflate && mode <= kUnzip);
    new ZlibStream(Realm::From(args.GetIsolate()), args.This(), static_cast<Mode>(mode));
  }

  // init(windowBits, level, memLevel, strategy, writeState, processCallback,
  //      dictionary): true, or false when zlib refuses the parameters or dictionary.
  // zlib's state is set up on first use, as in Node (a whole-buffer call that libdeflate
  // serves never needs it), except with a dictionary.
  // Differs from Node 20: with a dictionary, zlib is set up here, so a refusal (a
  // dictionary deflate rejects) throws ERR_ZLIB_INITIALIZATION_FAILED from the
  // constructor.
  static void Init(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* stream = Unwrap<ZlibStream>(args.This());
    if (stream == nullptr) return;
    CHECK(args.Length() >= 6 && args[4]->IsUint32Array() && args[5]->IsFunction());
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    int window_bits = args[0]->Int32Value(context).FromMaybe(Z_DEFAULT_COMPRESSION);
    int level = args[1]->Int32Value(context).FromMaybe(Z_DEFAULT_COMPRESSION);
    int mem_level = args[2]->Int32Value(context).FromMaybe(8);
    int strategy = args[3]->Int32Value(context).FromMaybe(Z_DEFAULT_STRATEGY);
    stream->SetWriteState(args[4].As<v8::Uint32Array>(), args[5].As<v8::Function>());
    if (args.Length() > 6 && args[6]->IsArrayBufferView()) {
      v8::Local<v8::ArrayBufferView> view = args[6].As<v8::ArrayBufferView>();
      stream->dictionary_.resize(view->ByteLength());
      view->CopyContents(stream->dictionary_.data(), stream->dictionary_.size());
    }
    stream->settings_ = {window_bits, level, mem_level, strategy};
    args.GetReturnValue().Set(stream->dictionary_.empty() || stream->InitStream());
  }

  // params(level, strategy): applies to deflate modes; errors go to onerror.
  static void Params(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* stream = Unwrap<ZlibStream>(args.This());
    if (stream == nullptr || stream->closed()) return;
    CHECK(args[0]->IsInt32() && args[1]->IsInt32());
    if (!stream->IsDeflate()) return;
    if (!stream->initialized_ && !stream->InitStream()) {
      stream->EmitError(stream->ErrorFor("Init error"), /*sync=*/true);
      return;
    }
    int level = args[0].As<v8::Int32>()->Value();
    int strategy = args[1].As<v8::Int32>()->Value();
    stream->err_ = stream->parallel_ ? stream->parallel_->Params(level, strategy)
                                     : deflateParams(&stream->strm_, level, strategy);
    if (stream->err_ != Z_OK && stream->err_ != Z_BUF_ERROR) {
      stream->EmitError(stream->ErrorFor("Failed to set parameters"), /*sync=*/true);
    }
  }

 protected:
  void DoWork() override {
    if (!initialized_ && !InitStream()) return;  // GetError() reports err_.
    if (parallel_) {
      err_ = parallel_->Deflate(&next_in_, &avail_in_, &next_out_, &avail_out_, flush_);
      return;
    }
    strm_.next_in = const_cast<Bytef*>(next_in_);
    strm_.avail_in = static_cast<uInt>(avail_in_);
    strm_.next_out = next_out_;
    strm_.avail_out = static_cast<uInt>(avail_out_);
    if (IsDeflate()) {
      err_ = deflate(&strm_, flush_);
    } else {
      if (mode_ == kUnzip) SniffGzipMagic();
      Inflate();
    }
    next_in_ = strm_.next_in;
    avail_in_ = strm_.avail_in;
    next_out_ = strm_.next_out;
    avail_out_ = strm_.avail_out;
  }

  CompressionError GetError() const override {
    switch (err_) {
      case Z_OK:
      case Z_BUF_ERROR:
        // Input ran out before the end of the stream while finishing.
        if (avail_out_ != 0 && flush_ == Z_FINISH) {
          return ErrorFor("unexpected end of file");
        }
        return {};
      case Z_STREAM_END:
        return {};
      case Z_NEED_DICT:
        return ErrorFor(dictionary_.empty() ? "Missing dictionary" : "Bad dictionary");
      default:
        return ErrorFor("Zlib error");
    }
  }

  CompressionError ResetStream() override {
    if (!initialized_) return {};
    if (parallel_) {
      parallel_->Reset();
      return {};
    }
    err_ = IsDeflate() ? deflateReset(&strm_) : inflateReset(&strm_);
    // zlib's own check back on (member_check_ may have turned it off): an Unzip stream
    // may get zlib-format data next.
    if (err_ == Z_OK && !IsDeflate()) err_ = inflateValidate(&strm_, 1);
    gzip_magic_seen_ = 0;
    member_start_ = true;
    check_msg_ = nullptr;
    mode_ = initial_mode_;
    if (err_ != Z_OK) return ErrorFor("Failed to reset stream");
    return SetDictionary();
  }

  void FreeStream() override {
    if (!initialized_) return;
    initialized_ = false;
    if (parallel_) {
      parallel_.reset();
    } else if (IsDeflate()) {
      deflateEnd(&strm_);
    } else {
      inflateEnd(&strm_);
    }
  }

 private:
  bool IsDeflate() const {
    return mode_ == kDeflate || mode_ == kGzip || mode_ == kDeflateRaw;
  }

  // zlib's own message when it has one (it points at static text).
  CompressionError ErrorFor(const char* fallback) const {
    const char* msg = parallel_ ? parallel_->msg() : check_msg_ ? check_msg_ : strm_.msg;
    return {msg != nullptr ? msg : fallback, ZlibCodeName(err_), err_};
  }

  bool InitStream() {
    auto [window_bits, level, mem_level, strategy] = settings_;
    // zlib selects the container through windowBits: +16 gzip, +32 auto-detect,
    // negative raw.
    if (mode_ == kGzip || mode_ == kGunzip) window_bits += 16;
    if (mode_ == kUnzip) window_bits += 32;
    if (mode_ == kDeflateRaw || mode_ == kInflateRaw) window_bits = -window_bits;
    if (IsDeflate() && ParallelDeflate::Eligible(settings_.window_bits, level, mem_level,
                                                 strategy, !dictionary_.empty())) {
      using Wrapper = ParallelDeflate::Wrapper;
      Wrapper wrapper = mode_ == kGzip      ? Wrapper::kGzip
                        : mode_ == kDeflate ? Wrapper::kZlib
                                            : Wrapper::kRaw;
      parallel_ = std::make_unique<ParallelDeflate>(wrapper, level);
      initialized_ = true;
      return true;
    }
    if (IsDeflate()) {
      err_ = deflateInit2(&strm_, level, Z_DEFLATED, window_bits, mem_level, strategy);
    } else {
      err_ = inflateInit2(&strm_, window_bits);
    }
    if (err_ != Z_OK) return false;
    initialized_ = true;
    return !SetDictionary().IsError();
  }

  // Deflate takes its dictionary up front, raw inflate too (no header asks for it);
  // zlib-format inflate gets it when inflate() reports Z_NEED_DICT. Gzip has no place
  // for one (zlib refuses it): as in Node, gzip ignores it, and gunzip never asks.
  CompressionError SetDictionary() {
    if (dictionary_.empty()) return {};
    if (mode_ == kDeflate || mode_ == kDeflateRaw) {
      err_ = deflateSetDictionary(&strm_, dictionary_.data(),
                                  static_cast<uInt>(dictionary_.size()));
    } else if (mode_ == kInflateRaw) {
      err_ = inflateSetDictionary(&strm_, dictionary_.data(),
                                  static_cast<uInt>(dictionary_.size()));
    }
    if (err_ != Z_OK) return ErrorFor("Failed to set dictionary");
    return {};
  }

  // Unzip decides between gzip and zlib input from the first two bytes, which may
  // arrive in separate writes; once it knows the input is gzip, it behaves as Gunzip
  // (which accepts concatenated members).
  void SniffGzipMagic() {
    const Bytef* p = strm_.next_in;
    const Bytef* end = p + strm_.avail_in;
    if (gzip_magic_seen_ == 0 && p < end) {
      if (*p++ != kGzipMagic1) {
        mode_ = kInflate;
        return;
      }
      gzip_magic_seen_ = 1;
    }
    if (gzip_magic_seen_ == 1 && p < end) {
      mode_ = *p == kGzipMagic2 ? kGunzip : kInflate;
      gzip_magic_seen_ = 2;
    }
  }

  // One inflate() call; a gzip member's check is done by member_check_.
  int InflateStep() {
    if (mode_ == kGunzip && member_start_) member_check_.Begin(&strm_);
    member_start_ = false;
    const Bytef* in = strm_.next_in;
    const Bytef* out = strm_.next_out;
    int err = inflate(&strm_, flush_);
    if (mode_ == kGunzip) member_check_.Update(strm_, in, out, &err, &check_msg_);
    return err;
  }

  void Inflate() {
    err_ = InflateStep();
    if (mode_ != kInflateRaw && err_ == Z_NEED_DICT && !dictionary_.empty()) {
      err_ = inflateSetDictionary(&strm_, dictionary_.data(),
                                  static_cast<uInt>(dictionary_.size()));
      if (err_ == Z_OK) {
        err_ = inflate(&strm_, flush_);
      } else if (err_ == Z_DATA_ERROR) {
        // The dictionary's Adler-32 does not match the stream's: report it as a bad
        // dictionary rather than as bad input.
        err_ = Z_NEED_DICT;
      }
    }
    // More bytes after a gzip member: another member follows, unless they are zero
    // padding (which is ignored, as gzip(1) does).
    while (mode_ == kGunzip && err_ == Z_STREAM_END && strm_.avail_in > 0 &&
           strm_.next_in[0] != 0) {
      err_ = inflateReset(&strm_);
      if (err_ != Z_OK) return;
      member_start_ = true;
      err_ = InflateStep();
    }
  }

  const Mode initial_mode_;
  Mode mode_;  // Unzip turns into Inflate or Gunzip once it has seen the header.
  z_stream strm_{};
  // Set instead of strm_ for deflate-family streams that ParallelDeflate::Eligible()
  // accepts: large streams then compress on several CPUs.
  std::unique_ptr<ParallelDeflate> parallel_;
  int err_ = Z_OK;
  bool initialized_ = false;
  struct Settings {
    int window_bits;
    int level;
    int mem_level;
    int strategy;
  } settings_{};
  int gzip_magic_seen_ = 0;
  bool member_start_ = true;  // The next inflate() starts a gzip member.
  GzipMemberCheck member_check_;
  const char* check_msg_ = nullptr;  // member_check_'s error message, if any.
  std::vector<uint8_t> dictionary_;
};

// crc32(data, value): the CRC-32 (zlib's, gzip's) of the bytes of `data` (an
// ArrayBufferView), continuing from `value`. libdeflate's computes the same value several
// times faster than zlib 1.2.13's (carry-less multiply).
void Crc32(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsArrayBufferView() && args[1]->IsUint32());
  v8::Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
  uint32_t crc = args[1].As<v8::Uint32>()->Value();
  const auto* data =
      static_cast<const Bytef*>(view->Buffer()->Data()) + view->ByteOffset();
  size_t length = view->ByteLength();
  // No bytes leave the value as it is (both libraries return 0 for a null pointer, and an
  // empty view may have one).
  if (length != 0) crc = libdeflate_crc32(crc, data, length);
  args.GetReturnValue().Set(crc);
}

void DefineZlibConstants(BindingTarget& target, v8::Local<v8::Object> constants) {
  v8::Isolate* isolate = target.isolate;
  auto define = [&](std::string_view name, double value) {
    SetValue(target.context, constants, name, v8::Number::New(isolate, value));
  };
#define SKUA_ZLIB_CONSTANT(name) define(#name, name);
  SKUA_ZLIB_CONSTANT(Z_NO_FLUSH)
  SKUA_ZLIB_CONSTANT(Z_PARTIAL_FLUSH)
  SKUA_ZLIB_CONSTANT(Z_SYNC_FLUSH)
  SKUA_ZLIB_CONSTANT(Z_FULL_FLUSH)
  SKUA_ZLIB_CONSTANT(Z_FINISH)
  SKUA_ZLIB_CONSTANT(Z_BLOCK)
  SKUA_ZLIB_CONSTANT(Z_OK)
  SKUA_ZLIB_CONSTANT(Z_STREAM_END)
  SKUA_ZLIB_CONSTANT(Z_NEED_DICT)
  SKUA_ZLIB_CONSTANT(Z_ERRNO)
  SKUA_ZLIB_CONSTANT(Z_STREAM_ERROR)
  SKUA_ZLIB_CONSTANT(Z_DATA_ERROR)
  SKUA_ZLIB_CONSTANT(Z_MEM_ERROR)
  SKUA_ZLIB_CONSTANT(Z_BUF_ERROR)
  SKUA_ZLIB_CONSTANT(Z_VERSION_ERROR)
  SKUA_ZLIB_CONSTANT(Z_NO_COMPRESSION)
  SKUA_ZLIB_CONSTANT(Z_BEST_SPEED)
  SKUA_ZLIB_CONSTANT(Z_BEST_COMPRESSION)
  SKUA_ZLIB_CONSTANT(Z_DEFAULT_COMPRESSION)
  SKUA_ZLIB_CONSTANT(Z_FILTERED)
  SKUA_ZLIB_CONSTANT(Z_HUFFMAN_ONLY)
  SKUA_ZLIB_CONSTANT(Z_RLE)
  SKUA_ZLIB_CONSTANT(Z_FIXED)
  SKUA_ZLIB_CONSTANT(Z_DEFAULT_STRATEGY)
  // Differs from Node 20: the system zlib's version (1.2.13, 0x12d0), not the copy
  // Node bundles.
  SKUA_ZLIB_CONSTANT(ZLIB_VERNUM)
#undef SKUA_ZLIB_CONSTANT
  define("DEFLATE", kDeflate);
  define("INFLATE", kInflate);
  define("GZIP", kGzip);
  define("GUNZIP", kGunzip);
  define("DEFLATERAW", kDeflateRaw);
  define("INFLATERAW", kInflateRaw);
  define("UNZIP", kUnzip);
  define("BROTLI_DECODE", kBrotliDecode);
  define("BROTLI_ENCODE", kBrotliEncode);
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, ZlibStream::New);
  templ->SetClassName(OneByteString(isolate, "Zlib"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  CompressionStream::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  proto->Set(isolate, "init", v8::FunctionTemplate::New(isolate, ZlibStream::Init));
  proto->Set(isolate, "params", v8::FunctionTemplate::New(isolate, ZlibStream::Params));
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("Zlib", constructor);
  }
  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  DefineZlibConstants(target, constants);
  InitializeBrotli(target, constants);
  target.Value("constants", constants);
  target.Method("crc32", Crc32);
  InitializeOneShot(target);
}

}  // namespace skua::zlib

SKUA_BINDING(zlib, Initialize)
