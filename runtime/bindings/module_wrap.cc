// `module_wrap`: ES modules for stdlib's loader (stdlib/internal/modules/esm/). Modules
// are numbered records in a per-realm registry; JS resolves and loads every dependency,
// records the links, then asks V8 to instantiate and evaluate. Synthetic modules (CommonJS,
// JSON, builtins) get their exports from a JS function called at evaluation time.
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::module_wrap {

namespace {

struct ModuleRecord {
  v8::Global<v8::Module> module;
  std::string url;
  std::unordered_map<std::string, int> links;  // Specifier -> record id.
  v8::Global<v8::Function> synthetic_evaluate;  // Returns the exports object.
};

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

// createSyntheticModule(url, exportNames, evaluate) -> id. evaluate() returns an object
// whose own properties are the exports.
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
  args.GetReturnValue().Set(id);
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
    v8::Local<v8::Object> attributes = v8::Object::New(isolate);
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
  if (record->module.Get(isolate)
          ->InstantiateModule(isolate->GetCurrentContext(), ResolveLinked)
          .IsNothing()) {
    return;
  }
}

// evaluate(id) -> the evaluation promise.
void Evaluate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ModuleRecord* record = RecordArg(args);
  if (record == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> result;
  if (record->module.Get(isolate)->Evaluate(isolate->GetCurrentContext()).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
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
  v8::Local<v8::Object> attributes = v8::Object::New(isolate);
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

// setVmImportCallback(fn(id, specifier, attributes) -> promise): import() in code that
// node:vm compiled.
void SetVmImportCallback(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Registry(isolate)->vm_import_dynamically.Reset(isolate, args[0].As<v8::Function>());
  isolate->SetHostImportModuleDynamicallyCallback(ImportModuleDynamically);
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
}

}  // namespace skua::module_wrap

SKUA_BINDING(module_wrap, Initialize)
