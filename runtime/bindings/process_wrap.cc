// `process_wrap`: the Process handle behind child_process.spawn (a uv_process_t). JS
// creates `new Process()`, sets `onexit(exitCode, signalCode)`, and calls
// `spawn(options)` (0 or a negative uv error; `pid` is set on success). stdio entries are
// { type: 'pipe', handle: Pipe } (libuv makes the socketpair), { type: 'wrap', handle }
// (an existing stream handle shared with the child), { type: 'ignore' }, or
// { type: 'fd' | 'inherit', fd }.
#include <uv.h>

#include <csignal>
#include <string>
#include <vector>

#include "base/check.h"
#include "base/signals.h"
#include "runtime/core/binding.h"
#include "runtime/core/handle_wrap.h"
#include "runtime/core/realm.h"
#include "runtime/core/stream_base.h"

namespace skua::process_wrap {

namespace {

v8::MaybeLocal<v8::Value> Property(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                                   const char* name) {
  return object->Get(context, OneByteString(context->GetIsolate(), name));
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

class ProcessWrap : public HandleWrap {
 public:
  ProcessWrap(Realm* realm, v8::Local<v8::Object> object)
      : HandleWrap(realm, object, reinterpret_cast<uv_handle_t*>(&process_)) {}

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    new ProcessWrap(Realm::From(args.GetIsolate()), args.This());
  }

  // spawn(options): 0 or a negative uv error. libuv initializes the handle even when
  // the spawn fails, so the handle must be closed either way.
  static void Spawn(const v8::FunctionCallbackInfo<v8::Value>& args) {
    v8::Isolate* isolate = args.GetIsolate();
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    auto* wrap = Unwrap<ProcessWrap>(args.This());
    CHECK(wrap != nullptr && !wrap->spawned_);
    CHECK(args[0]->IsObject());
    v8::Local<v8::Object> js_options = args[0].As<v8::Object>();

    v8::Local<v8::Value> value;
    std::string file;
    if (!Property(context, js_options, "file").ToLocal(&value)) return;
    if (value->IsString()) file = ToUtf8(isolate, value);
    std::string cwd;
    if (!Property(context, js_options, "cwd").ToLocal(&value)) return;
    if (value->IsString()) cwd = ToUtf8(isolate, value);
    std::vector<std::string> arg_strings;
    if (!Property(context, js_options, "args").ToLocal(&value)) return;
    if (value->IsArray()) arg_strings = FromStringArray(context, value);
    std::vector<std::string> env_strings;
    bool has_env = false;
    if (!Property(context, js_options, "envPairs").ToLocal(&value)) return;
    if (value->IsArray()) {
      env_strings = FromStringArray(context, value);
      has_env = true;
    }
    std::vector<char*> argv = CStrings(arg_strings);
    std::vector<char*> envp = CStrings(env_strings);

    uv_process_options_t options{};
    options.exit_cb = OnExit;
    options.file = file.c_str();
    options.args = argv.data();
    options.env = has_env ? envp.data() : nullptr;
    options.cwd = cwd.empty() ? nullptr : cwd.c_str();

    if (!Property(context, js_options, "detached").ToLocal(&value)) return;
    if (value->BooleanValue(isolate)) options.flags |= UV_PROCESS_DETACHED;
    if (!Property(context, js_options, "uid").ToLocal(&value)) return;
    if (value->IsInt32()) {
      options.flags |= UV_PROCESS_SETUID;
      options.uid = static_cast<uv_uid_t>(value.As<v8::Int32>()->Value());
    }
    if (!Property(context, js_options, "gid").ToLocal(&value)) return;
    if (value->IsInt32()) {
      options.flags |= UV_PROCESS_SETGID;
      options.gid = static_cast<uv_gid_t>(value.As<v8::Int32>()->Value());
    }

    std::vector<uv_stdio_container_t> stdio;
    if (!Property(context, js_options, "stdio").ToLocal(&value)) return;
    if (value->IsArray()) {
      v8::Local<v8::Array> entries = value.As<v8::Array>();
      stdio.resize(entries->Length());
      for (uint32_t i = 0; i < entries->Length(); i++) {
        v8::Local<v8::Value> entry_value;
        if (!entries->Get(context, i).ToLocal(&entry_value)) return;
        CHECK(entry_value->IsObject());
        if (!ParseStdio(context, entry_value.As<v8::Object>(), &stdio[i])) return;
      }
    }
    options.stdio = stdio.data();
    options.stdio_count = static_cast<int>(stdio.size());

    int err = uv_spawn(wrap->realm()->loop(), &wrap->process_, &options);
    wrap->spawned_ = true;
    if (err == 0) {
      SetValue(context, wrap->object(), "pid", v8::Integer::New(isolate, wrap->process_.pid));
    }
    args.GetReturnValue().Set(err);
  }

  // kill(signal): 0 or a negative uv error (ESRCH once the child is gone).
  static void Kill(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<ProcessWrap>(args.This());
    if (wrap == nullptr || !wrap->spawned_ || !wrap->IsAlive()) {
      return args.GetReturnValue().Set(UV_ESRCH);
    }
    int signal = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(SIGTERM);
    args.GetReturnValue().Set(uv_process_kill(&wrap->process_, signal));
  }

  // A handle that was never spawned has no libuv handle to close: it is just let go.
  static void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* wrap = Unwrap<ProcessWrap>(args.This());
    if (wrap == nullptr) return;
    if (wrap->spawned_) {
      wrap->HandleWrap::Close(args[0]);
    } else if (!wrap->released_) {
      wrap->released_ = true;
      wrap->MakeWeak();
    }
  }

 private:
  static bool ParseStdio(v8::Local<v8::Context> context, v8::Local<v8::Object> entry,
                         uv_stdio_container_t* out) {
    v8::Isolate* isolate = context->GetIsolate();
    v8::Local<v8::Value> value;
    if (!Property(context, entry, "type").ToLocal(&value)) return false;
    std::string type = ToUtf8(isolate, value);
    if (type == "ignore") {
      out->flags = UV_IGNORE;
    } else if (type == "pipe" || type == "overlapped" || type == "wrap") {
      if (!Property(context, entry, "handle").ToLocal(&value)) return false;
      auto* stream = Unwrap<LibuvStreamWrap>(value);
      CHECK(stream != nullptr);
      out->data.stream = stream->stream();
      out->flags = type == "wrap"
                       ? UV_INHERIT_STREAM
                       : static_cast<uv_stdio_flags>(UV_CREATE_PIPE | UV_READABLE_PIPE |
                                                     UV_WRITABLE_PIPE);
    } else {
      if (!Property(context, entry, "fd").ToLocal(&value)) return false;
      out->flags = UV_INHERIT_FD;
      out->data.fd = value->Int32Value(context).FromMaybe(-1);
    }
    return true;
  }

  static void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
    auto* wrap = static_cast<ProcessWrap*>(static_cast<HandleWrap*>(process->data));
    Realm* realm = wrap->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Context::Scope context_scope(realm->context());
    const char* name = term_signal != 0 ? SignalName(term_signal) : nullptr;
    v8::Local<v8::Value> argv[2] = {
        v8::Number::New(isolate, static_cast<double>(exit_status)),
        name != nullptr ? v8::Local<v8::Value>(OneByteString(isolate, name))
                        : v8::Local<v8::Value>(v8::Null(isolate))};
    v8::Local<v8::Object> obj = wrap->object();
    v8::Local<v8::Value> fn;
    if (!obj->Get(realm->context(), OneByteString(isolate, "onexit")).ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    (void)realm->MakeCallback(fn.As<v8::Function>(), obj, 2, argv);
  }

  uv_process_t process_;  // Not value-initialized: HandleWrap has set its data field.
  bool spawned_ = false;
  bool released_ = false;
};

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, ProcessWrap::New);
  templ->SetClassName(OneByteString(isolate, "Process"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  proto->Set(isolate, "spawn", v8::FunctionTemplate::New(isolate, ProcessWrap::Spawn));
  proto->Set(isolate, "kill", v8::FunctionTemplate::New(isolate, ProcessWrap::Kill));
  proto->Set(isolate, "close", v8::FunctionTemplate::New(isolate, ProcessWrap::Close));
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("Process", constructor);
  }
}

}  // namespace skua::process_wrap

SKUA_BINDING(process_wrap, Initialize)
