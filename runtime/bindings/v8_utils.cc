// `v8_utils`: the engine queries behind node:v8. Statistics are written into
// Float64Arrays that stdlib/v8.js allocates (Node's updateHeapStatisticsBuffer pattern)
// and turns into objects with Node's key names.
//
// Node calls this binding `v8`; here that name would make a namespace skua::v8 that hides
// the engine's `v8::` inside namespace skua.
#include <string>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::v8_utils {

namespace {

using v8::FunctionCallbackInfo;
using v8::Value;

double* Fields(const FunctionCallbackInfo<Value>& args, size_t count) {
  CHECK(args[0]->IsFloat64Array());
  v8::Local<v8::Float64Array> array = args[0].As<v8::Float64Array>();
  CHECK_GE(array->Length(), count);
  // Lifetime: the array is an argument, alive for the whole call.
  return reinterpret_cast<double*>(static_cast<char*>(array->Buffer()->Data()) +
                                   array->ByteOffset());
}

// heapStatistics(Float64Array[14]), in the order of v8.getHeapStatistics()'s keys.
void HeapStatistics(const FunctionCallbackInfo<Value>& args) {
  v8::HeapStatistics s;
  args.GetIsolate()->GetHeapStatistics(&s);
  double* f = Fields(args, 14);
  f[0] = s.total_heap_size();
  f[1] = s.total_heap_size_executable();
  f[2] = s.total_physical_size();
  f[3] = s.total_available_size();
  f[4] = s.used_heap_size();
  f[5] = s.heap_size_limit();
  f[6] = s.malloced_memory();
  f[7] = s.peak_malloced_memory();
  f[8] = s.does_zap_garbage();
  f[9] = s.number_of_native_contexts();
  f[10] = s.number_of_detached_contexts();
  f[11] = s.total_global_handles_size();
  f[12] = s.used_global_handles_size();
  f[13] = s.external_memory();
}

// heapSpaceNames(): the names of the heap's spaces, in V8's index order.
void HeapSpaceNames(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  size_t count = isolate->NumberOfHeapSpaces();
  v8::Local<v8::Array> names = v8::Array::New(isolate, static_cast<int>(count));
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  for (size_t i = 0; i < count; ++i) {
    v8::HeapSpaceStatistics s;
    isolate->GetHeapSpaceStatistics(&s, i);
    v8::Local<v8::String> name = OneByteString(isolate, s.space_name());
    if (names->Set(context, static_cast<uint32_t>(i), name).IsNothing()) return;
  }
  args.GetReturnValue().Set(names);
}

// heapSpaceStatistics(Float64Array[4 * spaces]): size, used, available, physical.
void HeapSpaceStatistics(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  size_t count = isolate->NumberOfHeapSpaces();
  double* f = Fields(args, 4 * count);
  for (size_t i = 0; i < count; ++i) {
    v8::HeapSpaceStatistics s;
    isolate->GetHeapSpaceStatistics(&s, i);
    f[4 * i] = s.space_size();
    f[4 * i + 1] = s.space_used_size();
    f[4 * i + 2] = s.space_available_size();
    f[4 * i + 3] = s.physical_space_size();
  }
}

// heapCodeStatistics(Float64Array[4]).
void HeapCodeStatistics(const FunctionCallbackInfo<Value>& args) {
  v8::HeapCodeStatistics s;
  args.GetIsolate()->GetHeapCodeAndMetadataStatistics(&s);
  double* f = Fields(args, 4);
  f[0] = s.code_and_metadata_size();
  f[1] = s.bytecode_and_metadata_size();
  f[2] = s.external_script_source_size();
  f[3] = s.cpu_profiler_metadata_size();
}

// setFlagsFromString(flags): stdlib has checked that flags is a string.
void SetFlagsFromString(const FunctionCallbackInfo<Value>& args) {
  CHECK(args[0]->IsString());
  v8::String::Utf8Value flags(args.GetIsolate(), args[0]);
  v8::V8::SetFlagsFromString(*flags, flags.length());
}

void CachedDataVersionTag(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(v8::ScriptCompiler::CachedDataVersionTag());
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("heapStatistics", HeapStatistics);
  target.Method("heapSpaceNames", HeapSpaceNames);
  target.Method("heapSpaceStatistics", HeapSpaceStatistics);
  target.Method("heapCodeStatistics", HeapCodeStatistics);
  target.Method("setFlagsFromString", SetFlagsFromString);
  target.Method("cachedDataVersionTag", CachedDataVersionTag);
}

}  // namespace skua::v8_utils

SKUA_BINDING(v8_utils, Initialize)
