// The native part of `process`.
#include "runtime/core/process_object.h"

#include <unistd.h>
#include <uv.h>

#include <openssl/crypto.h>

#include <climits>

#include "runtime/core/cli_options.h"
#include "runtime/core/v8_helpers.h"
#include "runtime/core/version.h"

namespace skua {

namespace {

std::string ExecutablePath(const std::string& fallback) {
  char buf[PATH_MAX];
  size_t size = sizeof(buf);
  if (uv_exepath(buf, &size) == 0) return std::string(buf, size);
  return fallback;
}

v8::Local<v8::Object> Versions(v8::Isolate* isolate, v8::Local<v8::Context> context) {
  v8::Local<v8::Object> versions = v8::Object::New(isolate);
  auto set = [&](std::string_view name, std::string_view value) {
    SetValue(context, versions, name, OneByteString(isolate, value));
  };
  std::string node_version = SKUA_NODE_VERSION;
  set("node", node_version.substr(1));
  set("skua", SKUA_VERSION);
  set("v8", v8::V8::GetVersion());
  set("uv", uv_version_string());
  set("openssl", OpenSSL_version(OPENSSL_VERSION_STRING));
  set("modules", "115");  // Node 20's ABI version, which native addons check.
  return versions;
}

}  // namespace

v8::MaybeLocal<v8::Object> CreateProcessObject(v8::Local<v8::Context> context,
                                               const std::string& argv0,
                                               const CliOptions& options) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate);
  templ->SetClassName(OneByteString(isolate, "process"));
  v8::Local<v8::Function> constructor;
  v8::Local<v8::Object> process;
  if (!templ->GetFunction(context).ToLocal(&constructor) ||
      !constructor->NewInstance(context).ToLocal(&process)) {
    return v8::MaybeLocal<v8::Object>();
  }
  v8::Local<v8::String> exec_path;
  v8::Local<v8::String> argv0_value;
  v8::Local<v8::Array> exec_argv;
  if (!Utf8String(isolate, ExecutablePath(argv0)).ToLocal(&exec_path) ||
      !Utf8String(isolate, argv0).ToLocal(&argv0_value) ||
      !ToStringArray(isolate, options.exec_argv).ToLocal(&exec_argv)) {
    return v8::MaybeLocal<v8::Object>();
  }
  SetValue(context, process, "version", OneByteString(isolate, SKUA_NODE_VERSION));
  SetValue(context, process, "versions", Versions(isolate, context));
  SetValue(context, process, "arch", OneByteString(isolate, "x64"));
  SetValue(context, process, "platform", OneByteString(isolate, "linux"));
  SetValue(context, process, "execPath", exec_path);
  SetValue(context, process, "argv0", argv0_value);
  SetValue(context, process, "execArgv", exec_argv);
  SetValue(context, process, "pid", v8::Integer::New(isolate, getpid()));
  SetValue(context, process, "ppid", v8::Integer::New(isolate, getppid()));
  return process;
}

}  // namespace skua
