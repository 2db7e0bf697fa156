// `buffer`: the native half of node:buffer. Encodes strings into bytes and decodes bytes
// into strings for every Buffer encoding, and does the byte work (compare, search, fill,
// swap, validation) that is faster over raw memory than in JavaScript. Arguments are
// validated by stdlib/buffer.js; here they are only CHECKed.
#include <cstdlib>
#include <cstring>
#include <memory>

#include "base/check.h"
#include "base/encoding.h"
#include "runtime/bindings/buffer_args.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::buffer {

namespace {

using encoding::Base64Alphabet;

// Must match kEncodings in stdlib/internal/buffer/encodings.js.
enum class Encoding { kUtf8, kUcs2, kLatin1, kAscii, kBase64, kBase64Url, kHex };

// Decoded strings at least this long become external strings: V8 then adopts our
// malloc'd bytes instead of copying them into its heap. Below it the copy is cheaper
// than the bookkeeping (an object, a finaliser) that an external string costs.
constexpr size_t kExternalThreshold = 64 * 1024;

constexpr int kUtf8WriteFlags =
    v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8;

Encoding EncodingArg(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  CHECK(args[i]->IsInt32());
  int value = args[i].As<v8::Int32>()->Value();
  CHECK(value >= 0 && value <= static_cast<int>(Encoding::kHex));
  return static_cast<Encoding>(value);
}

// The code units of a string in whichever width V8 stores it. External one-byte
// strings (e.g. large base64 text we produced) are read in place; others are copied once.
class StringUnits {
 public:
  StringUnits(v8::Isolate* isolate, v8::Local<v8::String> string)
      : length_(string->Length()), one_byte_(string->IsOneByte()) {
    if (string->IsExternalOneByte()) {
      one_byte_data_ = reinterpret_cast<const uint8_t*>(
          string->GetExternalOneByteStringResource()->data());
      return;
    }
    size_t bytes = one_byte_ ? length_ : length_ * 2;
    void* storage = stack_;
    if (bytes > sizeof(stack_)) {
      heap_.reset(new uint16_t[(bytes + 1) / 2]);
      storage = heap_.get();
    }
    if (one_byte_) {
      auto* out = static_cast<uint8_t*>(storage);
      string->WriteOneByte(isolate, out, 0, -1, v8::String::NO_NULL_TERMINATION);
      one_byte_data_ = out;
    } else {
      auto* out = static_cast<uint16_t*>(storage);
      string->Write(isolate, out, 0, -1, v8::String::NO_NULL_TERMINATION);
      two_byte_data_ = out;
    }
  }

  // Runs `fn(units, length)` with a pointer to uint8_t or uint16_t units.
  template <typename Fn>
  auto Visit(Fn fn) const {
    return one_byte_ ? fn(one_byte_data_, length_) : fn(two_byte_data_, length_);
  }

 private:
  size_t length_;
  bool one_byte_;
  const uint8_t* one_byte_data_ = nullptr;
  const uint16_t* two_byte_data_ = nullptr;
  std::unique_ptr<uint16_t[]> heap_;
  uint16_t stack_[2048];  // 4 KiB: typical I/O-sized strings need no heap copy.
};

// Writes `string` into dst[0, capacity) in `encoding`; returns the bytes written. UTF-8
// never splits a character (V8's WriteUtf8 stops before one that does not fit).
size_t WriteString(v8::Isolate* isolate, v8::Local<v8::String> string, Encoding encoding,
                   uint8_t* dst, size_t capacity) {
  switch (encoding) {
    case Encoding::kUtf8: {
      // No UTF-8 form of a V8 string exceeds 3 * 2^29 bytes, so INT_MAX never truncates.
      int limit = capacity > INT32_MAX ? INT32_MAX : static_cast<int>(capacity);
      return string->WriteUtf8(isolate, reinterpret_cast<char*>(dst), limit, nullptr,
                               kUtf8WriteFlags);
    }
    case Encoding::kLatin1:
    case Encoding::kAscii: {
      // Node 20 writes 'ascii' exactly like 'latin1' (the low byte of each unit).
      size_t n = std::min<size_t>(capacity, string->Length());
      return string->WriteOneByte(isolate, dst, 0, static_cast<int>(n),
                                  v8::String::NO_NULL_TERMINATION);
    }
    case Encoding::kUcs2: {
      size_t n = std::min<size_t>(capacity / 2, string->Length());
      if (reinterpret_cast<uintptr_t>(dst) % alignof(uint16_t) == 0) {
        string->Write(isolate, reinterpret_cast<uint16_t*>(dst), 0, static_cast<int>(n),
                      v8::String::NO_NULL_TERMINATION);
      } else {
        std::unique_ptr<uint16_t[]> tmp(new uint16_t[n]);
        string->Write(isolate, tmp.get(), 0, static_cast<int>(n),
                      v8::String::NO_NULL_TERMINATION);
        std::memcpy(dst, tmp.get(), n * 2);
      }
      // Buffer memory is little-endian UTF-16 on every platform skua supports.
      static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
      return n * 2;
    }
    case Encoding::kBase64:
    case Encoding::kBase64Url:
      return StringUnits(isolate, string).Visit([&](const auto* units, size_t n) {
        return encoding::Base64Decode(units, n, dst, capacity);
      });
    case Encoding::kHex:
      return StringUnits(isolate, string).Visit([&](const auto* units, size_t n) {
        return encoding::HexDecode(units, n, dst, capacity);
      });
  }
  UNREACHABLE();
}

// The most bytes `string` can need in `encoding` (exact for all but base64 and hex).
size_t MaxEncodedSize(v8::Isolate* isolate, v8::Local<v8::String> string, Encoding encoding) {
  size_t length = string->Length();
  switch (encoding) {
    case Encoding::kUtf8: return string->Utf8Length(isolate);
    case Encoding::kUcs2: return length * 2;
    case Encoding::kLatin1:
    case Encoding::kAscii: return length;
    case Encoding::kBase64:
    case Encoding::kBase64Url: return encoding::Base64DecodedSizeBound(length) + 2;
    case Encoding::kHex: return length / 2;
  }
  UNREACHABLE();
}

// An external Latin-1 string that owns malloc'd characters.
class ExternalOneByte final : public v8::String::ExternalOneByteStringResource {
 public:
  ExternalOneByte(v8::Isolate* isolate, char* data, size_t length)
      : isolate_(isolate), data_(data), length_(length) {
    isolate_->AdjustAmountOfExternalAllocatedMemory(static_cast<int64_t>(length_));
  }
  ~ExternalOneByte() override {
    isolate_->AdjustAmountOfExternalAllocatedMemory(-static_cast<int64_t>(length_));
    std::free(data_);
  }
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }

 private:
  v8::Isolate* isolate_;
  char* data_;
  size_t length_;
};

void ThrowStringTooLong(v8::Isolate* isolate) {
  ThrowError(isolate, "ERR_STRING_TOO_LONG",
             "Cannot create a string longer than 0x1fffffe8 characters");
}

// Makes a Latin-1 string from `data`, taking ownership of it (it must come from malloc).
v8::MaybeLocal<v8::String> AdoptOneByte(v8::Isolate* isolate, char* data, size_t length) {
  if (length > static_cast<size_t>(v8::String::kMaxLength)) {
    std::free(data);
    ThrowStringTooLong(isolate);
    return {};
  }
  if (length >= kExternalThreshold) {
    auto* resource = new ExternalOneByte(isolate, data, length);
    v8::MaybeLocal<v8::String> result = v8::String::NewExternalOneByte(isolate, resource);
    if (result.IsEmpty()) delete resource;
    return result;
  }
  v8::MaybeLocal<v8::String> result = v8::String::NewFromOneByte(
      isolate, reinterpret_cast<uint8_t*>(data), v8::NewStringType::kNormal,
      static_cast<int>(length));
  std::free(data);
  return result;
}

// A Latin-1 string with a copy of `data`.
v8::MaybeLocal<v8::String> CopyOneByte(v8::Isolate* isolate, const uint8_t* data,
                                       size_t length) {
  if (length >= kExternalThreshold && length <= static_cast<size_t>(v8::String::kMaxLength)) {
    char* copy = static_cast<char*>(std::malloc(length));
    if (copy == nullptr) return {};
    std::memcpy(copy, data, length);
    return AdoptOneByte(isolate, copy, length);
  }
  if (length > static_cast<size_t>(v8::String::kMaxLength)) {
    ThrowStringTooLong(isolate);
    return {};
  }
  return v8::String::NewFromOneByte(isolate, data, v8::NewStringType::kNormal,
                                    static_cast<int>(length));
}

v8::MaybeLocal<v8::String> DecodeBytes(v8::Isolate* isolate, const uint8_t* data,
                                       size_t length, Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      // ASCII text is its own Latin-1 form: skip the UTF-8 decoder.
      if (encoding::IsAscii(data, length)) return CopyOneByte(isolate, data, length);
      if (length > static_cast<size_t>(INT32_MAX)) {
        ThrowStringTooLong(isolate);
        return {};
      }
      return v8::String::NewFromUtf8(isolate, reinterpret_cast<const char*>(data),
                                     v8::NewStringType::kNormal, static_cast<int>(length));
    case Encoding::kLatin1:
      return CopyOneByte(isolate, data, length);
    case Encoding::kAscii: {
      if (encoding::IsAscii(data, length)) return CopyOneByte(isolate, data, length);
      // Node 20 decodes 'ascii' by dropping the top bit of each byte.
      char* copy = static_cast<char*>(std::malloc(length));
      if (copy == nullptr) return {};
      for (size_t i = 0; i < length; i++) copy[i] = static_cast<char>(data[i] & 0x7f);
      return AdoptOneByte(isolate, copy, length);
    }
    case Encoding::kUcs2: {
      size_t units = length / 2;  // An odd last byte is ignored.
      if (units > static_cast<size_t>(v8::String::kMaxLength)) {
        ThrowStringTooLong(isolate);
        return {};
      }
      if (reinterpret_cast<uintptr_t>(data) % alignof(uint16_t) == 0) {
        return v8::String::NewFromTwoByte(isolate, reinterpret_cast<const uint16_t*>(data),
                                          v8::NewStringType::kNormal, static_cast<int>(units));
      }
      std::unique_ptr<uint16_t[]> aligned(new uint16_t[units]);
      std::memcpy(aligned.get(), data, units * 2);
      return v8::String::NewFromTwoByte(isolate, aligned.get(), v8::NewStringType::kNormal,
                                        static_cast<int>(units));
    }
    case Encoding::kBase64:
    case Encoding::kBase64Url: {
      Base64Alphabet alphabet =
          encoding == Encoding::kBase64 ? Base64Alphabet::kStandard : Base64Alphabet::kUrl;
      size_t size = encoding::Base64EncodedSize(length, alphabet);
      if (size > static_cast<size_t>(v8::String::kMaxLength)) {
        ThrowStringTooLong(isolate);  // Before allocating the text, not after.
        return {};
      }
      char* out = static_cast<char*>(std::malloc(size == 0 ? 1 : size));
      if (out == nullptr) return {};
      encoding::Base64Encode(data, length, out, alphabet);
      return AdoptOneByte(isolate, out, size);
    }
    case Encoding::kHex: {
      if (length > static_cast<size_t>(v8::String::kMaxLength) / 2) {
        ThrowStringTooLong(isolate);
        return {};
      }
      char* out = static_cast<char*>(std::malloc(length == 0 ? 1 : length * 2));
      if (out == nullptr) return {};
      encoding::HexEncode(data, length, out);
      return AdoptOneByte(isolate, out, length * 2);
    }
  }
  UNREACHABLE();
}

// byteLengthUtf8(string): the UTF-8 size, lone surrogates counting 3 (as U+FFFD).
void ByteLengthUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsString());
  args.GetReturnValue().Set(
      static_cast<double>(args[0].As<v8::String>()->Utf8Length(args.GetIsolate())));
}

// write(view, string, offset, maxLength, encoding): bytes written.
void Write(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes bytes = BytesOf(args[0]);
  CHECK(args[1]->IsString());
  size_t offset = SizeArg(args, 2);
  size_t max_length = SizeArg(args, 3);
  CHECK(offset <= bytes.length);
  size_t capacity = std::min(max_length, bytes.length - offset);
  size_t written = WriteString(args.GetIsolate(), args[1].As<v8::String>(),
                               EncodingArg(args, 4), bytes.data + offset, capacity);
  args.GetReturnValue().Set(static_cast<double>(written));
}

void FreeBackingStore(void* data, size_t, void*) { std::free(data); }

// An ArrayBuffer over `data` (from malloc), which it takes over.
v8::Local<v8::ArrayBuffer> AdoptArrayBuffer(v8::Isolate* isolate, void* data, size_t size) {
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(data, size, FreeBackingStore, nullptr);
  return v8::ArrayBuffer::New(isolate, std::move(store));
}

// allocUnsafe(size): an ArrayBuffer of uninitialised memory (see research notes 5.3:
// malloc plus an adopting backing store, never a zero-fill toggle).
void AllocUnsafe(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  size_t size = SizeArg(args, 0);
  if (size == 0) {
    args.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, 0));
    return;
  }
  void* data = std::malloc(size);
  if (data == nullptr) {
    isolate->ThrowException(v8::Exception::RangeError(
        OneByteString(isolate, "Array buffer allocation failed")));
    return;
  }
  args.GetReturnValue().Set(AdoptArrayBuffer(isolate, data, size));
}

// fromString(string, encoding): an ArrayBuffer holding exactly the encoded bytes.
void FromString(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  CHECK(args[0]->IsString());
  v8::Local<v8::String> string = args[0].As<v8::String>();
  Encoding encoding = EncodingArg(args, 1);
  size_t max = MaxEncodedSize(isolate, string, encoding);
  if (max == 0) {
    args.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, 0));
    return;
  }
  auto* data = static_cast<uint8_t*>(std::malloc(max));
  if (data == nullptr) {
    isolate->ThrowException(v8::Exception::RangeError(
        OneByteString(isolate, "Array buffer allocation failed")));
    return;
  }
  size_t written = WriteString(isolate, string, encoding, data, max);
  if (written < max) {
    // Shrinking keeps the block in place with glibc; on failure the larger block stays.
    void* smaller = written == 0 ? nullptr : std::realloc(data, written);
    if (smaller != nullptr) data = static_cast<uint8_t*>(smaller);
  }
  if (written == 0) {
    std::free(data);
    args.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, 0));
    return;
  }
  args.GetReturnValue().Set(AdoptArrayBuffer(isolate, data, written));
}

// decode(view, start, end, encoding): the string form of view[start, end).
void Decode(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes bytes = BytesOf(args[0]);
  size_t start = SizeArg(args, 1);
  size_t end = SizeArg(args, 2);
  CHECK(start <= end && end <= bytes.length);
  v8::Local<v8::String> result;
  if (DecodeBytes(args.GetIsolate(), bytes.data + start, end - start, EncodingArg(args, 3))
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// compare(a, aStart, aEnd, b, bStart, bEnd): -1, 0 or 1, comparing the two ranges as
// unsigned bytes, a shorter prefix first.
void Compare(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes a = BytesOf(args[0]);
  size_t a_start = SizeArg(args, 1);
  size_t a_end = SizeArg(args, 2);
  Bytes b = BytesOf(args[3]);
  size_t b_start = SizeArg(args, 4);
  size_t b_end = SizeArg(args, 5);
  CHECK(a_start <= a_end && a_end <= a.length && b_start <= b_end && b_end <= b.length);
  size_t a_len = a_end - a_start;
  size_t b_len = b_end - b_start;
  int result = a_len == 0 && b_len == 0
                   ? 0
                   : std::memcmp(a.data + a_start, b.data + b_start, std::min(a_len, b_len));
  if (result == 0) result = a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
  args.GetReturnValue().Set(result < 0 ? -1 : result > 0 ? 1 : 0);
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("byteLengthUtf8", ByteLengthUtf8);
  target.Method("write", Write);
  target.Method("decode", Decode);
  target.Method("fromString", FromString);
  target.Method("allocUnsafe", AllocUnsafe);
  target.Method("compare", Compare);
  target.Method("indexOfBytes", IndexOfBytes);
  target.Method("indexOfNumber", IndexOfNumber);
  target.Method("fill", Fill);
  target.Method("swap", Swap);
  target.Method("isUtf8", IsUtf8);
  target.Method("isAscii", IsAscii);
  target.Value("kMaxLength",
               v8::Number::New(target.isolate, static_cast<double>(v8::TypedArray::kMaxLength)));
  target.Value("kStringMaxLength", v8::Integer::New(target.isolate, v8::String::kMaxLength));
}

}  // namespace skua::buffer

SKUA_BINDING(buffer, Initialize)
