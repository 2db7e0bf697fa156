// `types`: brand checks only V8 can answer exactly, for util.types and util.inspect.
// Each method takes one value and returns a boolean.
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::types {

namespace {

#define SKUA_TYPE_CHECKS(V)                                                             \
  V(External) V(Date) V(ArgumentsObject) V(BigIntObject) V(BooleanObject) V(NumberObject) \
  V(StringObject) V(SymbolObject) V(NativeError) V(RegExp) V(AsyncFunction)             \
  V(GeneratorFunction) V(GeneratorObject) V(Promise) V(Map) V(Set) V(MapIterator)       \
  V(SetIterator) V(WeakMap) V(WeakSet) V(ArrayBuffer) V(DataView) V(SharedArrayBuffer)  \
  V(Proxy) V(ModuleNamespaceObject)

#define V(type)                                                       \
  void Is##type(const v8::FunctionCallbackInfo<v8::Value>& args) {    \
    args.GetReturnValue().Set(args[0]->Is##type());                   \
  }
SKUA_TYPE_CHECKS(V)
#undef V

void IsAnyArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(args[0]->IsArrayBuffer() || args[0]->IsSharedArrayBuffer());
}

void IsBoxedPrimitive(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Value> v = args[0];
  args.GetReturnValue().Set(v->IsNumberObject() || v->IsStringObject() ||
                            v->IsBooleanObject() || v->IsBigIntObject() ||
                            v->IsSymbolObject());
}

}  // namespace

void Initialize(BindingTarget& target) {
#define V(type) target.Method("is" #type, Is##type);
  SKUA_TYPE_CHECKS(V)
#undef V
  target.Method("isAnyArrayBuffer", IsAnyArrayBuffer);
  target.Method("isBoxedPrimitive", IsBoxedPrimitive);
}

}  // namespace skua::types

SKUA_BINDING(types, Initialize)
