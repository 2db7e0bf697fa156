// The `zlib` binding's BrotliEncoder and BrotliDecoder over Debian's libbrotli, and the
// BROTLI_* constants. Both take the same JS surface as Zlib (zlib_stream.h) with
// init(params, writeState, processCallback), where `params` is a Uint32Array indexed by
// BROTLI_PARAM_* (or BROTLI_DECODER_PARAM_*) holding 0xFFFFFFFF for "unset".
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "base/check.h"
#include "runtime/bindings/zlib_stream.h"
#include "runtime/core/realm.h"

namespace skua::zlib {

namespace {

constexpr uint32_t kUnsetParam = 0xFFFFFFFF;

// The (index, value) pairs of a params array that are set.
std::vector<std::pair<uint32_t, uint32_t>> ReadParams(v8::Local<v8::Value> value) {
  CHECK(value->IsUint32Array());
  v8::Local<v8::Uint32Array> array = value.As<v8::Uint32Array>();
  std::vector<uint32_t> raw(array->Length());
  array->CopyContents(raw.data(), raw.size() * sizeof(uint32_t));
  std::vector<std::pair<uint32_t, uint32_t>> params;
  for (uint32_t i = 0; i < raw.size(); i++) {
    if (raw[i] != kUnsetParam) params.emplace_back(i, raw[i]);
  }
  return params;
}

// Shared shape of the two brotli classes: `Codec` supplies the state type and calls.
template <typename Codec>
class BrotliStream : public CompressionStream {
 public:
  BrotliStream(Realm* realm, v8::Local<v8::Object> object)
      : CompressionStream(realm, object) {}
  ~BrotliStream() override { FreeStream(); }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    new BrotliStream(Realm::From(args.GetIsolate()), args.This());
  }

  // init(params, writeState, processCallback): false when brotli refuses a parameter.
  static void Init(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* stream = Unwrap<BrotliStream>(args.This());
    if (stream == nullptr) return;
    CHECK(args[1]->IsUint32Array() && args[2]->IsFunction());
    stream->params_ = ReadParams(args[0]);
    stream->SetWriteState(args[1].As<v8::Uint32Array>(), args[2].As<v8::Function>());
    args.GetReturnValue().Set(stream->CreateState());
  }

  static void AddTemplate(BindingTarget& target, const char* name) {
    v8::Isolate* isolate = target.isolate;
    v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, New);
    templ->SetClassName(OneByteString(isolate, name));
    templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
    CompressionStream::AddMethods(isolate, templ);
    templ->PrototypeTemplate()->Set(isolate, "init", v8::FunctionTemplate::New(isolate, Init));
    v8::Local<v8::Function> constructor;
    if (templ->GetFunction(target.context).ToLocal(&constructor)) {
      target.Value(name, constructor);
    }
  }

 protected:
  void DoWork() override { codec_.Run(this); }
  CompressionError GetError() const override { return codec_.Error(flush_); }

  // A fresh state with the same parameters (libbrotli has no reset call).
  // Differs from Node 20: Node's reset() forgets the parameters given at creation.
  CompressionError ResetStream() override {
    if (!CreateState()) return {"Failed to reset stream", "ERR_ZLIB_INITIALIZATION_FAILED", -1};
    return {};
  }

  void FreeStream() override { codec_.Destroy(); }

 private:
  friend Codec;

  bool CreateState() {
    codec_.Destroy();
    if (!codec_.Create()) return false;
    for (const auto& [key, value] : params_) {
      if (!codec_.SetParameter(key, value)) return false;
    }
    return true;
  }

  Codec codec_;
  std::vector<std::pair<uint32_t, uint32_t>> params_;
};

class Encoder {
 public:
  bool Create() {
    state_ = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
    ok_ = true;
    return state_ != nullptr;
  }
  void Destroy() {
    if (state_ != nullptr) BrotliEncoderDestroyInstance(state_);
    state_ = nullptr;
  }
  bool SetParameter(uint32_t key, uint32_t value) {
    return BrotliEncoderSetParameter(state_, static_cast<BrotliEncoderParameter>(key), value);
  }
  template <typename Stream>
  void Run(Stream* s) {
    ok_ = BrotliEncoderCompressStream(state_, static_cast<BrotliEncoderOperation>(s->flush_),
                                      &s->avail_in_, &s->next_in_, &s->avail_out_,
                                      &s->next_out_, nullptr);
  }
  CompressionError Error(int flush) const {
    if (ok_) return {};
    return {"Compression failed", "ERR_BROTLI_COMPRESSION_FAILED", -1};
  }

 private:
  BrotliEncoderState* state_ = nullptr;
  bool ok_ = true;
};

// "ERR_" + the code's name after BROTLI_DECODER ("ERR__ERROR_FORMAT_PADDING_1"), as
// Node names them. Built from libbrotli's list: BrotliDecoderErrorString() in 1.0.9
// drops the prefix part.
std::string ErrorCodeName(BrotliDecoderErrorCode code) {
  switch (code) {
#define SKUA_BROTLI_ERROR(prefix, name, value) \
  case BROTLI_DECODER##prefix##name:           \
    return "ERR_" #prefix #name;
    BROTLI_DECODER_ERROR_CODES_LIST(SKUA_BROTLI_ERROR, )
#undef SKUA_BROTLI_ERROR
  }
  return "ERR_BROTLI_DECOMPRESSION_FAILED";
}

class Decoder {
 public:
  bool Create() {
    state_ = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    result_ = BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT;
    error_ = BROTLI_DECODER_NO_ERROR;
    return state_ != nullptr;
  }
  void Destroy() {
    if (state_ != nullptr) BrotliDecoderDestroyInstance(state_);
    state_ = nullptr;
  }
  bool SetParameter(uint32_t key, uint32_t value) {
    return BrotliDecoderSetParameter(state_, static_cast<BrotliDecoderParameter>(key), value);
  }
  template <typename Stream>
  void Run(Stream* s) {
    result_ = BrotliDecoderDecompressStream(state_, &s->avail_in_, &s->next_in_,
                                            &s->avail_out_, &s->next_out_, nullptr);
    if (result_ == BROTLI_DECODER_RESULT_ERROR) {
      error_ = BrotliDecoderGetErrorCode(state_);
      error_code_ = ErrorCodeName(error_);
    }
  }
  CompressionError Error(int flush) const {
    if (error_ != BROTLI_DECODER_NO_ERROR) {
      return {"Decompression failed", error_code_, static_cast<int>(error_)};
    }
    if (flush == BROTLI_OPERATION_FINISH && result_ == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
      return {"unexpected end of file", "Z_BUF_ERROR", Z_BUF_ERROR};
    }
    return {};
  }

 private:
  BrotliDecoderState* state_ = nullptr;
  BrotliDecoderResult result_ = BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT;
  BrotliDecoderErrorCode error_ = BROTLI_DECODER_NO_ERROR;
  std::string error_code_;
};

void DefineBrotliConstants(BindingTarget& target, v8::Local<v8::Object> constants) {
  auto define = [&](std::string_view name, double value) {
    SetValue(target.context, constants, name, v8::Number::New(target.isolate, value));
  };
#define SKUA_BROTLI_CONSTANT(name) define(#name, name);
  SKUA_BROTLI_CONSTANT(BROTLI_OPERATION_PROCESS)
  SKUA_BROTLI_CONSTANT(BROTLI_OPERATION_FLUSH)
  SKUA_BROTLI_CONSTANT(BROTLI_OPERATION_FINISH)
  SKUA_BROTLI_CONSTANT(BROTLI_OPERATION_EMIT_METADATA)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_MODE)
  SKUA_BROTLI_CONSTANT(BROTLI_MODE_GENERIC)
  SKUA_BROTLI_CONSTANT(BROTLI_MODE_TEXT)
  SKUA_BROTLI_CONSTANT(BROTLI_MODE_FONT)
  SKUA_BROTLI_CONSTANT(BROTLI_DEFAULT_MODE)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_QUALITY)
  SKUA_BROTLI_CONSTANT(BROTLI_MIN_QUALITY)
  SKUA_BROTLI_CONSTANT(BROTLI_MAX_QUALITY)
  SKUA_BROTLI_CONSTANT(BROTLI_DEFAULT_QUALITY)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_LGWIN)
  SKUA_BROTLI_CONSTANT(BROTLI_MIN_WINDOW_BITS)
  SKUA_BROTLI_CONSTANT(BROTLI_MAX_WINDOW_BITS)
  SKUA_BROTLI_CONSTANT(BROTLI_LARGE_MAX_WINDOW_BITS)
  SKUA_BROTLI_CONSTANT(BROTLI_DEFAULT_WINDOW)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_LGBLOCK)
  SKUA_BROTLI_CONSTANT(BROTLI_MIN_INPUT_BLOCK_BITS)
  SKUA_BROTLI_CONSTANT(BROTLI_MAX_INPUT_BLOCK_BITS)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_SIZE_HINT)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_LARGE_WINDOW)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_NPOSTFIX)
  SKUA_BROTLI_CONSTANT(BROTLI_PARAM_NDIRECT)
  SKUA_BROTLI_CONSTANT(BROTLI_DECODER_RESULT_ERROR)
  SKUA_BROTLI_CONSTANT(BROTLI_DECODER_RESULT_SUCCESS)
  SKUA_BROTLI_CONSTANT(BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)
  SKUA_BROTLI_CONSTANT(BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT)
  SKUA_BROTLI_CONSTANT(BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION)
  SKUA_BROTLI_CONSTANT(BROTLI_DECODER_PARAM_LARGE_WINDOW)
#undef SKUA_BROTLI_CONSTANT
  // BROTLI_DECODER_NO_ERROR ... BROTLI_DECODER_ERROR_UNREACHABLE, from libbrotli's list.
#define SKUA_BROTLI_ERROR(prefix, name, value) define("BROTLI_DECODER" #prefix #name, value);
  BROTLI_DECODER_ERROR_CODES_LIST(SKUA_BROTLI_ERROR, )
#undef SKUA_BROTLI_ERROR
}

}  // namespace

void InitializeBrotli(BindingTarget& target, v8::Local<v8::Object> constants) {
  BrotliStream<Encoder>::AddTemplate(target, "BrotliEncoder");
  BrotliStream<Decoder>::AddTemplate(target, "BrotliDecoder");
  DefineBrotliConstants(target, constants);
}

}  // namespace skua::zlib
