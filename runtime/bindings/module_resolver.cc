// `module_resolver`: the shared C++ resolver (resolver/) for the runtime's require() and
// import. Results come back as values: a path or builtin id, or an error record
// ({ code, message, url, path }) that stdlib turns into the Node error it throws.
#include <uv.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "resolver/resolver.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::module_resolver {

namespace {

using resolver::FileKind;
using resolver::Resolution;
using resolver::ResolveError;
using resolver::ResolveOr;

// The filesystem as Node's loader sees it: stat is asked afresh every time (a file
// created after a failed require must be found), realpaths are cached for the life of
// the process, as Node's realpathCache is.
class LoaderFileSystem final : public resolver::FileSystem {
 public:
  FileKind Stat(std::string_view path) override {
    uv_fs_t req;
    std::string p(path);
    int err = uv_fs_stat(nullptr, &req, p.c_str(), nullptr);
    FileKind kind = FileKind::kMissing;
    if (err == 0) kind = S_ISDIR(req.statbuf.st_mode) ? FileKind::kDirectory : FileKind::kFile;
    uv_fs_req_cleanup(&req);
    return kind;
  }

  Result<std::string> RealPath(std::string_view path) override {
    std::string p(path);
    auto it = realpaths_.find(p);
    if (it != realpaths_.end()) return it->second;
    uv_fs_t req;
    int err = uv_fs_realpath(nullptr, &req, p.c_str(), nullptr);
    if (err != 0) {
      uv_fs_req_cleanup(&req);
      return NotFound(p);
    }
    std::string real(static_cast<const char*>(req.ptr));
    uv_fs_req_cleanup(&req);
    realpaths_.emplace(p, real);
    return real;
  }

  Result<std::string> ReadFile(std::string_view path) override {
    std::string p(path);
    uv_fs_t req;
    int fd = uv_fs_open(nullptr, &req, p.c_str(), O_RDONLY | O_CLOEXEC, 0, nullptr);
    uv_fs_req_cleanup(&req);
    if (fd < 0) return fd == UV_ENOENT ? NotFound(p) : IoError(p);
    std::string data;
    char chunk[64 * 1024];
    for (;;) {
      uv_buf_t buf = uv_buf_init(chunk, sizeof(chunk));
      int n = uv_fs_read(nullptr, &req, fd, &buf, 1, -1, nullptr);
      uv_fs_req_cleanup(&req);
      if (n <= 0) break;
      data.append(chunk, static_cast<size_t>(n));
    }
    uv_fs_close(nullptr, &req, fd, nullptr);
    uv_fs_req_cleanup(&req);
    return data;
  }

 private:
  std::unordered_map<std::string, std::string> realpaths_;
};

class ResolverState : public BindingState {
 public:
  explicit ResolverState(Realm* realm) {}
  LoaderFileSystem fs;
  std::unique_ptr<resolver::Resolver> resolver;
};

ResolverState* State(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return Realm::From(args.GetIsolate())->binding_state<ResolverState>();
}

v8::Local<v8::Value> Property(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                              const char* name) {
  v8::Local<v8::Value> value;
  if (!object->Get(context, OneByteString(context->GetIsolate(), name)).ToLocal(&value)) {
    return v8::Undefined(context->GetIsolate());
  }
  return value;
}

v8::Local<v8::Value> String(v8::Isolate* isolate, const std::string& text) {
  v8::Local<v8::String> value;
  if (!Utf8String(isolate, text).ToLocal(&value)) return v8::Undefined(isolate);
  return value;
}

v8::Local<v8::Object> ErrorRecord(v8::Isolate* isolate, const ResolveError& error) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> record = v8::Object::New(isolate);
  SetValue(context, record, "code", OneByteString(isolate, resolver::ErrorCodeName(error.code)));
  SetValue(context, record, "message", String(isolate, error.message));
  if (!error.url.empty()) SetValue(context, record, "url", String(isolate, error.url));
  if (!error.path.empty()) SetValue(context, record, "path", String(isolate, error.path));
  return record;
}

// configure({ builtins, schemeOnlyBuiltins, conditions, preserveSymlinks, extensions,
//             globalPaths, cwd }): (re)creates the resolver.
void Configure(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Object> options = args[0].As<v8::Object>();
  resolver::ResolverOptions resolver_options;
  resolver_options.builtins = FromStringArray(context, Property(context, options, "builtins"));
  resolver_options.scheme_only_builtins =
      FromStringArray(context, Property(context, options, "schemeOnlyBuiltins"));
  resolver_options.conditions = FromStringArray(context, Property(context, options, "conditions"));
  resolver_options.extensions = FromStringArray(context, Property(context, options, "extensions"));
  resolver_options.global_paths = FromStringArray(context, Property(context, options, "globalPaths"));
  resolver_options.preserve_symlinks =
      Property(context, options, "preserveSymlinks")->IsTrue();
  resolver_options.cwd = ToUtf8(args.GetIsolate(), Property(context, options, "cwd"));
  ResolverState* state = State(args);
  state->resolver = std::make_unique<resolver::Resolver>(state->fs, std::move(resolver_options));
}

// resolveRequire(request, parentPath, paths | undefined, forLoad) ->
//   [0, filename] | [1, builtinId] | error record.
void ResolveRequire(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  ResolverState* state = State(args);
  resolver::RequireOptions extra;
  if (args[2]->IsArray()) extra.paths = FromStringArray(context, args[2]);
  extra.for_load = args[3]->IsTrue();
  ResolveOr<Resolution> result =
      state->resolver->ResolveRequire(ToUtf8(isolate, args[0]), ToUtf8(isolate, args[1]), extra);
  if (!result.ok()) {
    args.GetReturnValue().Set(ErrorRecord(isolate, result.error()));
    return;
  }
  bool builtin = result->kind == Resolution::Kind::kBuiltin;
  v8::Local<v8::Value> pair[] = {v8::Integer::New(isolate, builtin ? 1 : 0),
                                 String(isolate, result->path)};
  args.GetReturnValue().Set(v8::Array::New(isolate, pair, 2));
}

// resolveImport(specifier, parentURL) -> [url, format] | error record.
void ResolveImport(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ResolveOr<Resolution> result = State(args)->resolver->ResolveImport(
      ToUtf8(isolate, args[0]), ToUtf8(isolate, args[1]));
  if (!result.ok()) {
    args.GetReturnValue().Set(ErrorRecord(isolate, result.error()));
    return;
  }
  v8::Local<v8::Value> pair[] = {String(isolate, result->url),
                                 OneByteString(isolate, resolver::ModuleFormatName(result->format))};
  args.GetReturnValue().Set(v8::Array::New(isolate, pair, 2));
}

// packageType(filename) -> 'module' | 'commonjs' | '' | error record: the "type" of the
// file's package scope, from the resolver's package.json cache.
void PackageType(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ResolveOr<resolver::ModuleFormat> type =
      State(args)->resolver->PackageScopeType(ToUtf8(isolate, args[0]));
  if (!type.ok()) {
    args.GetReturnValue().Set(ErrorRecord(isolate, type.error()));
    return;
  }
  args.GetReturnValue().Set(OneByteString(isolate, resolver::ModuleFormatName(*type)));
}

// lookupPaths(request, parentPath) -> string[] | null (require.resolve.paths).
void LookupPaths(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::optional<std::vector<std::string>> paths = State(args)->resolver->RequireLookupPaths(
      ToUtf8(isolate, args[0]), ToUtf8(isolate, args[1]));
  if (!paths) {
    args.GetReturnValue().SetNull();
    return;
  }
  std::vector<v8::Local<v8::Value>> values;
  for (const std::string& p : *paths) values.push_back(String(isolate, p));
  args.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

// nodeModulePaths(dir) -> string[] (Module._nodeModulePaths).
void NodeModulePaths(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::vector<v8::Local<v8::Value>> values;
  for (const std::string& p : resolver::Resolver::NodeModulePaths(ToUtf8(isolate, args[0]))) {
    values.push_back(String(isolate, p));
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("configure", Configure);
  target.Method("resolveRequire", ResolveRequire);
  target.Method("resolveImport", ResolveImport);
  target.Method("lookupPaths", LookupPaths);
  target.Method("packageType", PackageType);
  target.Method("nodeModulePaths", NodeModulePaths);
}

}  // namespace skua::module_resolver

SKUA_BINDING(module_resolver, Initialize)
