// `module_wrap`: ES modules for stdlib's loader (stdlib/internal/modules/esm/). Modules
// are numbered records in a per-realm registry; JS resolves and loads every dependency,
// records the links, then asks V8 to instantiate and evaluate. Synthetic modules (CommonJS,
// JSON, builtins) get their exports from a JS function called at evaluation time.
// node:vm's Module classes (stdlib/internal/vm/module.js) use the same records: theirs may
// carry a vm context to instantiate and evaluate in, and an id under which node:vm answers
// their import() and import.meta (JS surface: stdlib/internal/bindings/module_wrap.d.ts).
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/bindings/contextify_context.h"
#include "runtime/bindings/vm_watchdog.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::module_wrap {

namespace {

struct ModuleRecord {
  v8::Global<v8::Module> module;
  std::string url;
  std::unordered_map<std::string, int> links;  // Specifier -> record id.
  v8::Global<v8::Function> synthetic_evaluate;  // Returns the exports object.
  v8::Global<v8::Context> context;  // node:vm modules with a `context` option; else empty.
  int vm_id = 0;                    // node:vm modules: the id their owner is known by.
};

// Host-defined options of node:vm code, as contextify.cc writes them: [marker, id].
constexpr int kVmImportMarker = 0x766d;  // "vm".

// Owns every module of the realm. Modules live as long as the realm, as in Node's map.
class ModuleRegistry : public BindingState {
 public:
  explicit ModuleRegistry(Realm* realm) : realm_(realm) {}

  int Add(v8::Local<v8::Module> module, std::string url) {
    v8::Isolate* isolate = realm_->isolate();
    records_.push_back(std::make_unique<ModuleRecord>());
    ModuleRecord* record = records_.back().get();
    record->module.Reset(isolate, module);
    record->url = std::move(url);
    int id = static_cast<int>(records_.size()) - 1;
    by_hash_[module->GetIdentityHash()].push_back(id);
    return id;
  }

  ModuleRecord* Get(int id) {
    if (id < 0 || id >= static_cast<int>(records_.size())) return nullptr;
    return records_[id].get();
  }

  // The record of a module V8 hands back in a callback.
  ModuleRecord* Find(v8::Local<v8::Module> module) {
    auto it = by_hash_.find(module->GetIdentityHash());
    if (it == by_hash_.end()) return nullptr;
    for (int id : it->second) {
      if (records_[id]->module.Get(realm_->isolate()) == module) return records_[id].get();
    }
    return nullptr;
  }

  v8::Global<v8::Function> import_dynamically;
  v8::Global<v8::Function> vm_import_dynamically;
  v8::Global<v8::Function> initialize_import_meta;
  v8::Global<v8::Function> vm_import_meta;

 private:
  Realm* realm_;
  std::vector<std::unique_ptr<ModuleRecord>> records_;
  std::unordered_map<int, std::vector<int>> by_hash_;
};

ModuleRegistry* Registry(v8::Isolate* isolate) {
  return Realm::From(isolate)->binding_state<ModuleRegistry>();
}

ModuleRecord* RecordArg(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = Registry(args.GetIsolate())->Get(args[0].As<v8::Int32>()->Value());
  if (record == nullptr) {
    ThrowError(args.GetIsolate(), "ERR_INVALID_ARG_VALUE", "No such module record");
  }
  return record;
}

// The context a module instantiates and evaluates in: its own (node:vm `context`) or the
// caller's.
v8::Local<v8::Context> ContextOf(v8::Isolate* isolate, ModuleRecord* record) {
  if (!record->context.IsEmpty()) return record->context.Get(isolate);
  return isolate->GetCurrentContext();
}

// Remembers the contextified sandbox's context (`sandbox` an object) on the record.
bool SetRecordContext(v8::Isolate* isolate, ModuleRecord* record,
                      v8::Local<v8::Value> sandbox) {
  if (!sandbox->IsObject()) return true;
  v8::Local<v8::Context> context;
  if (!contextify::ContextifyContext::FromSandbox(isolate, sandbox.As<v8::Object>())
           .ToLocal(&context)) {
    return false;
  }
  record->context.Reset(isolate, context);
  return true;
}

// compileVmModule(source, url, lineOffset, columnOffset, cachedData?, sandbox?, vmId)
// -> id: a vm.SourceTextModule. Throws ERR_VM_MODULE_CACHED_DATA_REJECTED when V8
// refuses `cachedData`.
void CompileVmModule(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::String> url = args[1].As<v8::String>();
  int line = args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value() : 0;
  int column = args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : 0;
  int vm_id = args[6]->IsInt32() ? args[6].As<v8::Int32>()->Value() : 0;
  v8::Local<v8::PrimitiveArray> host_options = v8::PrimitiveArray::New(isolate, 2);
  host_options->Set(isolate, 0, v8::Integer::New(isolate, kVmImportMarker));
  host_options->Set(isolate, 1, v8::Integer::New(isolate, vm_id));
  v8::ScriptOrigin origin(isolate, url, line, column, false, -1, v8::Local<v8::Value>(), false,
                          false, true /* is_module */, host_options);
  v8::ScriptCompiler::CachedData* cached = CachedDataFromView(args[4]);  // Owned by `source`.
  v8::ScriptCompiler::Source source(args[0].As<v8::String>(), origin, cached);
  auto options = cached != nullptr ? v8::ScriptCompiler::kConsumeCodeCache
                                   : v8::ScriptCompiler::kNoCompileOptions;
  v8::Local<v8::Module> module;
  if (!v8::ScriptCompiler::CompileModule(isolate, &source, options).ToLocal(&module)) return;
  if (cached != nullptr && source.GetCachedData()->rejected) {
    ThrowError(isolate, "ERR_VM_MODULE_CACHED_DATA_REJECTED",
               "cachedData buffer was rejected");
    return;
  }
  ModuleRegistry* registry = Registry(isolate);
  int id = registry->Add(module, ToUtf8(isolate, url));
  ModuleRecord* record = registry->Get(id);
  record->vm_id = vm_id;
  if (!SetRecordContext(isolate, record, args[5])) return;
  args.GetReturnValue().Set(id);
}

// createCachedData(id) -> ArrayBuffer of V8's code cache for a source text module.
void CreateCachedData(const v8::FunctionCallbackInfo<v8::Value>& args);

// setSyntheticExport(id, name, value).
void SetSyntheticExport(const v8::FunctionCallbackInfo<v8::Value>& args);

// compileSourceTextModule(url, source) -> id.
void CompileSourceTextModule(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::String> url = args[0].As<v8::String>();
  v8::ScriptOrigin origin(isolate, url, 0, 0, false, -1, v8::Local<v8::Value>(), false, false,
                          true /* is_module */);
  v8::ScriptCompiler::Source source(args[1].As<v8::String>(), origin);
  v8::Local<v8::Module> module;
  if (!v8::ScriptCompiler::CompileModule(isolate, &source).ToLocal(&module)) return;
  args.GetReturnValue().Set(Registry(isolate)->Add(module, ToUtf8(isolate, url)));
}

v8::MaybeLocal<v8::Value> EvaluateSynthetic(v8::Local<v8::Context> context,
                                            v8::Local<v8::Module> module) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleRecord* record = Registry(isolate)->Find(module);
  v8::Local<v8::Value> exports;
  if (record == nullptr || record->synthetic_evaluate.IsEmpty() ||
      !record->synthetic_evaluate.Get(isolate)
           ->Call(context, v8::Undefined(isolate), 0, nullptr)
           .ToLocal(&exports) ||
      !exports->IsObject()) {
    return v8::MaybeLocal<v8::Value>();
  }
  v8::Local<v8::Array> names;
  if (!exports.As<v8::Object>()->GetOwnPropertyNames(context).ToLocal(&names)) {
    return v8::MaybeLocal<v8::Value>();
  }
  for (uint32_t i = 0; i < names->Length(); i++) {
    v8::Local<v8::Value> name;
    v8::Local<v8::Value> value;
    if (!names->Get(context, i).ToLocal(&name) ||
        !exports.As<v8::Object>()->Get(context, name).ToLocal(&value) ||
        module->SetSyntheticModuleExport(isolate, name.As<v8::String>(), value).IsNothing()) {
      return v8::MaybeLocal<v8::Value>();
    }
  }
  // V8 10.2 expects a promise (top-level await is on): an already resolved one.
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver) ||
      resolver->Resolve(context, v8::Undefined(isolate)).IsNothing()) {
    return v8::MaybeLocal<v8::Value>();
  }
  return resolver->GetPromise();
}

// createSyntheticModule(url, exportNames, evaluate, sandbox?) -> id. evaluate() returns
// an object whose own properties are the exports (node:vm's sets them itself and returns
// {}); `sandbox`, a contextified object, is the context it evaluates in.
void CreateSyntheticModule(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> name_array = args[1].As<v8::Array>();
  std::vector<v8::Local<v8::String>> names;
  for (uint32_t i = 0; i < name_array->Length(); i++) {
    v8::Local<v8::Value> name;
    if (!name_array->Get(context, i).ToLocal(&name)) return;
    names.push_back(name.As<v8::String>());
  }
  v8::Local<v8::Module> module = v8::Module::CreateSyntheticModule(
      isolate, args[0].As<v8::String>(), names, EvaluateSynthetic);
  ModuleRegistry* registry = Registry(isolate);
  int id = registry->Add(module, ToUtf8(isolate, args[0]));
  registry->Get(id)->synthetic_evaluate.Reset(isolate, args[2].As<v8::Function>());
  if (!SetRecordContext(isolate, registry->Get(id), args[3])) return;
  args.GetReturnValue().Set(id);
}

void CreateCachedData(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Module> module = record->module.Get(isolate);
  if (!module->IsSourceTextModule()) return;
  std::unique_ptr<v8::ScriptCompiler::CachedData> data(
      v8::ScriptCompiler::CreateCodeCache(module->GetUnboundModuleScript()));
  size_t length = data ? static_cast<size_t>(data->length) : 0;
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(buffer->GetBackingStore()->Data(), data->data, length);
  args.GetReturnValue().Set(buffer);
}

void SetSyntheticExport(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  // On failure (not an export name) V8 leaves a ReferenceError pending.
  if (record->module.Get(isolate)
          ->SetSyntheticModuleExport(isolate, args[1].As<v8::String>(), args[2])
          .IsNothing()) {
    return;
  }
}

// getModuleRequests(id) -> [{ specifier, attributes: { type: 'json' } }, ...].
void GetModuleRequests(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::FixedArray> requests = record->module.Get(isolate)->GetModuleRequests();
  v8::Local<v8::Array> result = v8::Array::New(isolate, requests->Length());
  for (int i = 0; i < requests->Length(); i++) {
    v8::Local<v8::ModuleRequest> request = requests->Get(context, i).As<v8::ModuleRequest>();
    v8::Local<v8::Object> entry = v8::Object::New(isolate);
    v8::Local<v8::Object> attributes =
        v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
    // Import assertions come as [key, value, source offset] triples.
    v8::Local<v8::FixedArray> assertions = request->GetImportAssertions();
    for (int j = 0; j + 2 < assertions->Length(); j += 3) {
      v8::Local<v8::Value> key = assertions->Get(context, j).As<v8::Value>();
      v8::Local<v8::Value> value = assertions->Get(context, j + 1).As<v8::Value>();
      if (attributes->Set(context, key, value).IsNothing()) return;
    }
    SetValue(context, entry, "specifier", request->GetSpecifier());
    SetValue(context, entry, "attributes", attributes);
    if (result->Set(context, i, entry).IsNothing()) return;
  }
  args.GetReturnValue().Set(result);
}

// link(id, specifiers, ids): what each import of module `id` resolved to.
void Link(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> specifiers = args[1].As<v8::Array>();
  v8::Local<v8::Array> ids = args[2].As<v8::Array>();
  for (uint32_t i = 0; i < specifiers->Length(); i++) {
    v8::Local<v8::Value> specifier;
    v8::Local<v8::Value> id;
    if (!specifiers->Get(context, i).ToLocal(&specifier) || !ids->Get(context, i).ToLocal(&id)) {
      return;
    }
    record->links[ToUtf8(isolate, specifier)] = id.As<v8::Int32>()->Value();
  }
}

v8::MaybeLocal<v8::Module> ResolveLinked(v8::Local<v8::Context> context,
                                         v8::Local<v8::String> specifier,
                                         v8::Local<v8::FixedArray> assertions,
                                         v8::Local<v8::Module> referrer) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleRegistry* registry = Registry(isolate);
  ModuleRecord* record = registry->Find(referrer);
  std::string name = ToUtf8(isolate, specifier);
  if (record != nullptr) {
    auto it = record->links.find(name);
    if (it != record->links.end()) return registry->Get(it->second)->module.Get(isolate);
  }
  // The loader links every request before instantiating: reaching here is a loader bug.
  ThrowError(isolate, "ERR_VM_MODULE_LINK_FAILURE",
             "request for '" + name + "' is not in cache");
  return v8::MaybeLocal<v8::Module>();
}

void Instantiate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  // On failure the exception is pending and reaches the caller.
  v8::Local<v8::Context> context = ContextOf(isolate, record);
  v8::Context::Scope scope(context);
  if (record->module.Get(isolate)->InstantiateModule(context, ResolveLinked).IsNothing()) {
    return;
  }
}

// evaluate(id, timeout?, breakOnSigint?) -> the evaluation promise. node:vm's options
// bound the synchronous part of the evaluation, as Script#runInContext's do.
void Evaluate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  int64_t timeout = args[1]->IsNumber() ? args[1].As<v8::Number>()->Value() : -1;
  v8::MaybeLocal<v8::Value> result;
  bool timed_out;
  bool interrupted;
  {
    v8::Local<v8::Context> context = ContextOf(isolate, record);
    v8::Context::Scope scope(context);
    v8::TryCatch try_catch(isolate);
    contextify::Watchdog watchdog(isolate, timeout);
    contextify::SigintWatchdog sigint_watchdog(isolate, args[2]->IsTrue());
    result = record->module.Get(isolate)->Evaluate(context);
    timed_out = watchdog.Finish();
    interrupted = sigint_watchdog.Finish();
    if (!timed_out && !interrupted && try_catch.HasCaught()) {
      if (!try_catch.HasTerminated()) try_catch.ReThrow();
      return;
    }
  }
  if (timed_out || interrupted) {
    // Thrown outside the TryCatch above, which would swallow it.
    isolate->CancelTerminateExecution();
    if (timed_out) {
      ThrowError(isolate, "ERR_SCRIPT_EXECUTION_TIMEOUT",
                 "Script execution timed out after " + std::to_string(timeout) + "ms");
    } else {
      ThrowError(isolate, "ERR_SCRIPT_EXECUTION_INTERRUPTED",
                 "Script execution was interrupted by `SIGINT`");
    }
    return;
  }
  v8::Local<v8::Value> value;
  if (result.ToLocal(&value)) args.GetReturnValue().Set(value);
}

void GetNamespace(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Local<v8::Module> module = record->module.Get(args.GetIsolate());
  if (module->GetStatus() < v8::Module::kInstantiated) {
    ThrowError(args.GetIsolate(), "ERR_MODULE_NOT_INSTANTIATED",
               "cannot get namespace, module has not been instantiated");
    return;
  }
  args.GetReturnValue().Set(module->GetModuleNamespace());
}

// getStatus(id): V8's Module::Status as a number (0 uninstantiated ... 5 errored).
void GetStatus(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  args.GetReturnValue().Set(
      static_cast<int>(record->module.Get(args.GetIsolate())->GetStatus()));
}

void GetError(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Local<v8::Module> module = record->module.Get(args.GetIsolate());
  if (module->GetStatus() == v8::Module::kErrored) {
    args.GetReturnValue().Set(module->GetException());
  }
}

void IsGraphAsync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Local<v8::Module> module = record->module.Get(args.GetIsolate());
  args.GetReturnValue().Set(module->IsSourceTextModule() && module->IsGraphAsync());
}

v8::MaybeLocal<v8::Promise> ImportModuleDynamically(v8::Local<v8::Context> context,
                                                    v8::Local<v8::Data> host_defined_options,
                                                    v8::Local<v8::Value> resource_name,
                                                    v8::Local<v8::String> specifier,
                                                    v8::Local<v8::FixedArray> assertions) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleRegistry* registry = Registry(isolate);
  v8::Local<v8::Object> attributes =
      v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  // Dynamic import() assertions come as [key, value] pairs.
  for (int i = 0; i + 1 < assertions->Length(); i += 2) {
    if (attributes
            ->Set(context, assertions->Get(context, i).As<v8::Value>(),
                  assertions->Get(context, i + 1).As<v8::Value>())
            .IsNothing()) {
      return v8::MaybeLocal<v8::Promise>();
    }
  }
  // Code compiled by node:vm carries [0x766d, id] (contextify.cc): its import() is
  // node:vm's to answer, with the importModuleDynamically registered under `id`.
  if (!host_defined_options.IsEmpty() && host_defined_options->IsFixedArray() &&
      !registry->vm_import_dynamically.IsEmpty()) {
    v8::Local<v8::PrimitiveArray> options = host_defined_options.As<v8::PrimitiveArray>();
    if (options->Length() == 2 && options->Get(isolate, 0)->IsInt32() &&
        options->Get(isolate, 0).As<v8::Int32>()->Value() == 0x766d) {
      v8::Local<v8::Value> vm_args[] = {options->Get(isolate, 1), specifier, attributes};
      v8::Local<v8::Value> vm_result;
      if (!registry->vm_import_dynamically.Get(isolate)
               ->Call(context, v8::Undefined(isolate), 3, vm_args)
               .ToLocal(&vm_result) ||
          !vm_result->IsPromise()) {
        return v8::MaybeLocal<v8::Promise>();
      }
      return vm_result.As<v8::Promise>();
    }
  }
  // Untagged code running in a vm context (eval'd from a job, say): the context's own
  // importModuleDynamically (createContext's option), found by its sandbox.
  contextify::ContextifyContext* vm_context = contextify::ContextifyContext::FromContext(context);
  if (vm_context != nullptr && !registry->vm_import_dynamically.IsEmpty()) {
    v8::Local<v8::Value> vm_args[] = {v8::Integer::New(isolate, 0), specifier, attributes,
                                      vm_context->sandbox()};
    v8::Local<v8::Value> vm_result;
    if (!registry->vm_import_dynamically.Get(isolate)
             ->Call(context, v8::Undefined(isolate), 4, vm_args)
             .ToLocal(&vm_result) ||
        !vm_result->IsPromise()) {
      return v8::MaybeLocal<v8::Promise>();
    }
    return vm_result.As<v8::Promise>();
  }
  v8::Local<v8::Value> referrer = resource_name;
  if (referrer.IsEmpty()) referrer = v8::Undefined(isolate);
  v8::Local<v8::Value> call_args[] = {specifier, referrer, attributes};
  v8::Local<v8::Value> result;
  if (registry->import_dynamically.IsEmpty() ||
      !registry->import_dynamically.Get(isolate)
           ->Call(context, v8::Undefined(isolate), 3, call_args)
           .ToLocal(&result) ||
      !result->IsPromise()) {
    return v8::MaybeLocal<v8::Promise>();
  }
  return result.As<v8::Promise>();
}

void InitializeImportMeta(v8::Local<v8::Context> context, v8::Local<v8::Module> module,
                          v8::Local<v8::Object> meta) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleRegistry* registry = Registry(isolate);
  ModuleRecord* record = registry->Find(module);
  if (record != nullptr && record->vm_id != 0) {
    // node:vm's initializeImportMeta(meta, module), found by the module's id.
    if (registry->vm_import_meta.IsEmpty()) return;
    v8::Local<v8::Value> vm_args[] = {v8::Integer::New(isolate, record->vm_id), meta};
    if (registry->vm_import_meta.Get(isolate)
            ->Call(context, v8::Undefined(isolate), 2, vm_args)
            .IsEmpty()) {
      return;
    }
    return;
  }
  if (record == nullptr || registry->initialize_import_meta.IsEmpty()) return;
  v8::Local<v8::String> url;
  if (!Utf8String(isolate, record->url).ToLocal(&url)) return;
  v8::Local<v8::Value> call_args[] = {meta, url};
  // An exception here propagates to the import.meta access.
  if (registry->initialize_import_meta.Get(isolate)
          ->Call(context, v8::Undefined(isolate), 2, call_args)
          .IsEmpty()) {
    return;
  }
}

// setCallbacks(importModuleDynamically(specifier, referrer, attributes) -> promise,
//              initializeImportMeta(meta, url)).
void SetCallbacks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ModuleRegistry* registry = Registry(isolate);
  registry->import_dynamically.Reset(isolate, args[0].As<v8::Function>());
  registry->initialize_import_meta.Reset(isolate, args[1].As<v8::Function>());
  isolate->SetHostImportModuleDynamicallyCallback(ImportModuleDynamically);
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
}

// setVmImportCallback(fn(id, specifier, attributes, sandbox?) -> promise): import() in
// code that node:vm compiled (by id), or in untagged code of a vm context (by sandbox).
void SetVmImportCallback(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Registry(isolate)->vm_import_dynamically.Reset(isolate, args[0].As<v8::Function>());
  isolate->SetHostImportModuleDynamicallyCallback(ImportModuleDynamically);
}

// setVmImportMetaCallback(fn(vmId, meta)): import.meta of vm.SourceTextModules.
void SetVmImportMetaCallback(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Registry(isolate)->vm_import_meta.Reset(isolate, args[0].As<v8::Function>());
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("compileSourceTextModule", CompileSourceTextModule);
  target.Method("createSyntheticModule", CreateSyntheticModule);
  target.Method("getModuleRequests", GetModuleRequests);
  target.Method("link", Link);
  target.Method("instantiate", Instantiate);
  target.Method("evaluate", Evaluate);
  target.Method("getNamespace", GetNamespace);
  target.Method("getStatus", GetStatus);
  target.Method("getError", GetError);
  target.Method("isGraphAsync", IsGraphAsync);
  target.Method("setCallbacks", SetCallbacks);
  target.Method("setVmImportCallback", SetVmImportCallback);
  target.Method("setVmImportMetaCallback", SetVmImportMetaCallback);
  target.Method("compileVmModule", CompileVmModule);
  target.Method("createCachedData", CreateCachedData);
  target.Method("setSyntheticExport", SetSyntheticExport);
}

}  // namespace skua::module_wrap

SKUA_BINDING(module_wrap, Initialize)
