// The byte-level half of the `buffer` binding: search (Buffer#indexOf and friends), fill,
// byte swapping and UTF-8/ASCII validation, all over raw view memory.
#include <algorithm>
#include <cstring>
#include <memory>
#include <vector>

#include "base/encoding.h"
#include "runtime/bindings/buffer_args.h"
#include "runtime/core/v8_helpers.h"

namespace skua::buffer {

namespace {

// Where a search for `needle_length` bytes begins, Node's rules: a negative offset
// counts from the end, an offset past the end makes indexOf fail and lastIndexOf search
// everything. Returns -1 when nothing can match.
int64_t StartOffset(int64_t length, int64_t offset, int64_t needle_length, bool forward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    return forward || needle_length == 0 ? 0 : -1;
  }
  if (offset + needle_length <= length) return offset;
  if (needle_length == 0) return length;
  return forward ? -1 : length - 1;
}

int64_t OffsetArg(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  CHECK(args[i]->IsNumber());
  // stdlib clamps the offset to the int32 range and replaces NaN, so this is exact.
  return static_cast<int64_t>(args[i].As<v8::Number>()->Value());
}

// Searches `hay` for `needle` at multiples of `unit` (2 for UTF-16 searches, which Node
// aligns to code units) from `start`, forwards or backwards. Returns -1 if absent.
int64_t Search(const uint8_t* hay, size_t hay_len, const uint8_t* needle, size_t needle_len,
               size_t start, size_t unit, bool forward) {
  size_t last = (hay_len - needle_len) / unit * unit;  // Callers ensure needle fits.
  size_t pos = std::min(start / unit * unit, last);
  if (forward) {
    if (start / unit * unit > last) return -1;
    if (unit == 1) {
      const void* hit = memmem(hay + pos, hay_len - pos, needle, needle_len);
      return hit == nullptr ? -1 : static_cast<const uint8_t*>(hit) - hay;
    }
    for (; pos <= last; pos += unit) {
      if (hay[pos] == needle[0] && std::memcmp(hay + pos, needle, needle_len) == 0) {
        return static_cast<int64_t>(pos);
      }
    }
    return -1;
  }
  for (;;) {
    if (hay[pos] == needle[0] && std::memcmp(hay + pos, needle, needle_len) == 0) {
      return static_cast<int64_t>(pos);
    }
    if (pos < unit) return -1;
    pos -= unit;
  }
}

}  // namespace

// indexOfBytes(haystack, needle, byteOffset, ucs2, forward): index or -1. An empty
// needle matches at the start offset, as String#indexOf does.
void IndexOfBytes(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes hay = BytesOf(args[0]);
  Bytes needle = BytesOf(args[1]);
  int64_t offset = OffsetArg(args, 2);
  bool ucs2 = args[3]->IsTrue();
  bool forward = args[4]->IsTrue();
  int64_t start = StartOffset(static_cast<int64_t>(hay.length), offset,
                              static_cast<int64_t>(needle.length), forward);
  v8::ReturnValue<v8::Value> rv = args.GetReturnValue();
  if (needle.length == 0) {
    rv.Set(static_cast<double>(start));
    return;
  }
  rv.Set(-1);
  if (hay.length == 0 || start < 0) return;
  size_t needle_len = needle.length;
  if (ucs2) {
    if (hay.length < 2 || needle_len < 2) return;
    needle_len &= ~size_t{1};  // Whole UTF-16 code units only.
  }
  if (needle_len > hay.length) return;
  if (forward && needle_len + static_cast<size_t>(start) > hay.length) return;
  // The needle may live in the haystack's memory; Search only reads, so that is fine.
  int64_t found = Search(hay.data, hay.length, needle.data, needle_len,
                         static_cast<size_t>(start), ucs2 ? 2 : 1, forward);
  rv.Set(static_cast<double>(found));
}

// indexOfNumber(haystack, byte, byteOffset, forward): index of the byte or -1.
void IndexOfNumber(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes hay = BytesOf(args[0]);
  CHECK(args[1]->IsUint32());
  int byte = static_cast<int>(args[1].As<v8::Uint32>()->Value() & 0xff);
  bool forward = args[3]->IsTrue();
  int64_t start = StartOffset(static_cast<int64_t>(hay.length), OffsetArg(args, 2), 1, forward);
  v8::ReturnValue<v8::Value> rv = args.GetReturnValue();
  rv.Set(-1);
  if (start < 0 || hay.length == 0) return;
  const void* hit;
  if (forward) {
    hit = std::memchr(hay.data + start, byte, hay.length - start);
  } else {
    hit = memrchr(hay.data, byte, static_cast<size_t>(start) + 1);
  }
  if (hit != nullptr) rv.Set(static_cast<double>(static_cast<const uint8_t*>(hit) - hay.data));
}

// fill(view, pattern, start, end): repeats the pattern bytes over view[start, end).
void Fill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes dst = BytesOf(args[0]);
  Bytes pattern = BytesOf(args[1]);
  size_t start = SizeArg(args, 2);
  size_t end = SizeArg(args, 3);
  CHECK(start <= end && end <= dst.length && pattern.length > 0);
  size_t length = end - start;
  uint8_t* out = dst.data + start;
  // The pattern may be part of the target (buf.fill(buf)): work from a copy.
  std::vector<uint8_t> copy(pattern.data, pattern.data + pattern.length);
  if (copy.size() == 1) {
    std::memset(out, copy[0], length);
    return;
  }
  size_t done = std::min(length, copy.size());
  std::memcpy(out, copy.data(), done);
  // Doubling: each memcpy copies everything written so far, a whole number of patterns.
  while (done < length) {
    size_t chunk = std::min(done, length - done);
    std::memcpy(out + done, out, chunk);
    done += chunk;
  }
}

// swap(view, size): reverses the byte order of each size-byte group (2, 4 or 8).
void Swap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes bytes = BytesOf(args[0]);
  size_t size = SizeArg(args, 1);
  CHECK((size == 2 || size == 4 || size == 8) && bytes.length % size == 0);
  for (size_t i = 0; i < bytes.length; i += size) {
    std::reverse(bytes.data + i, bytes.data + i + size);
  }
}

namespace {

// Runs `check` over the bytes of a view or ArrayBuffer; throws ERR_INVALID_STATE for a
// detached one, which JavaScript cannot detect itself on V8 10.2.
template <bool (*check)(const uint8_t*, size_t)>
void Validate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Value> value = args[0];
  bool detached = value->IsArrayBuffer()
                      ? value.As<v8::ArrayBuffer>()->WasDetached()
                      : value.As<v8::ArrayBufferView>()->Buffer()->WasDetached();
  if (detached) {
    ThrowError(args.GetIsolate(), "ERR_INVALID_STATE",
               "Invalid state: Cannot validate on a detached buffer");
    return;
  }
  Bytes bytes = BytesOf(value);
  args.GetReturnValue().Set(check(bytes.data, bytes.length));
}

}  // namespace

void IsUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Validate<encoding::IsUtf8>(args);
}

void IsAscii(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Validate<encoding::IsAscii>(args);
}

}  // namespace skua::buffer
