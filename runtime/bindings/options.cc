// `options`: the parsed command line, for stdlib's entry point (internal/main/run_main.js).
#include "runtime/core/binding.h"
#include "runtime/core/cli_options.h"
#include "runtime/core/realm.h"

namespace skua::options {

namespace {

v8::Local<v8::Value> StringOrUndefined(v8::Isolate* isolate, const std::string& text,
                                       bool present) {
  v8::Local<v8::String> value;
  if (!present || !Utf8String(isolate, text).ToLocal(&value)) return v8::Undefined(isolate);
  return value;
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  const CliOptions& options = target.realm->options();
  target.Value("evalSource", StringOrUndefined(isolate, options.eval_source.value_or(""),
                                               options.eval_source.has_value()));
  target.Value("printEvalResult", v8::Boolean::New(isolate, options.print_eval_result));
  target.Value("script", StringOrUndefined(isolate, options.script, !options.script.empty()));
  target.Value("inputType", StringOrUndefined(isolate, options.input_type, true));
  target.Value("unhandledRejections",
               StringOrUndefined(isolate, options.unhandled_rejections, true));
  target.Value("forceRepl", v8::Boolean::New(isolate, options.force_repl));
  v8::Local<v8::Array> list;
  if (ToStringArray(isolate, options.script_args).ToLocal(&list)) {
    target.Value("scriptArgs", list);
  }
  if (ToStringArray(isolate, options.preload).ToLocal(&list)) target.Value("preload", list);
  if (ToStringArray(isolate, options.conditions).ToLocal(&list)) {
    target.Value("conditions", list);
  }
}

}  // namespace skua::options

SKUA_BINDING(options, Initialize)
