// Stat and statfs results as typed arrays (Float64Array, or BigInt64Array for
// `{ bigint: true }`), in the field order stdlib's Stats/StatFs constructors read.
#include "runtime/bindings/fs_req.h"

namespace skua::fs {

namespace {

template <typename ArrayType, typename Element, size_t N>
v8::Local<v8::Value> NewArray(v8::Isolate* isolate, const Element (&fields)[N]) {
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, N * sizeof(Element));
  auto* data = static_cast<Element*>(buffer->Data());
  for (size_t i = 0; i < N; i++) data[i] = fields[i];
  return ArrayType::New(buffer, 0, N);
}

}  // namespace

v8::Local<v8::Value> NewStatArray(v8::Isolate* isolate, const uv_stat_t& s, bool bigint) {
  // Nanoseconds are kept apart from seconds so BigIntStats keep full precision.
  const uint64_t raw[kStatFields] = {
      s.st_dev, s.st_mode, s.st_nlink, s.st_uid, s.st_gid, s.st_rdev, s.st_blksize,
      s.st_ino, s.st_size, s.st_blocks,
      static_cast<uint64_t>(s.st_atim.tv_sec), static_cast<uint64_t>(s.st_atim.tv_nsec),
      static_cast<uint64_t>(s.st_mtim.tv_sec), static_cast<uint64_t>(s.st_mtim.tv_nsec),
      static_cast<uint64_t>(s.st_ctim.tv_sec), static_cast<uint64_t>(s.st_ctim.tv_nsec),
      static_cast<uint64_t>(s.st_birthtim.tv_sec),
      static_cast<uint64_t>(s.st_birthtim.tv_nsec)};
  if (bigint) {
    int64_t fields[kStatFields];
    for (int i = 0; i < kStatFields; i++) fields[i] = static_cast<int64_t>(raw[i]);
    return NewArray<v8::BigInt64Array>(isolate, fields);
  }
  double fields[kStatFields];
  for (int i = 0; i < kStatFields; i++) {
    // Times before 1970 have negative seconds; the casts above wrapped them.
    fields[i] = i >= 10 ? static_cast<double>(static_cast<int64_t>(raw[i]))
                        : static_cast<double>(raw[i]);
  }
  return NewArray<v8::Float64Array>(isolate, fields);
}

v8::Local<v8::Value> NewStatfsArray(v8::Isolate* isolate, const uv_statfs_t& s, bool bigint) {
  const uint64_t raw[kStatfsFields] = {s.f_type,  s.f_bsize, s.f_blocks, s.f_bfree,
                                       s.f_bavail, s.f_files, s.f_ffree};
  if (bigint) {
    int64_t fields[kStatfsFields];
    for (int i = 0; i < kStatfsFields; i++) fields[i] = static_cast<int64_t>(raw[i]);
    return NewArray<v8::BigInt64Array>(isolate, fields);
  }
  double fields[kStatfsFields];
  for (int i = 0; i < kStatfsFields; i++) fields[i] = static_cast<double>(raw[i]);
  return NewArray<v8::Float64Array>(isolate, fields);
}

}  // namespace skua::fs
