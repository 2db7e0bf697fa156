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
  v8::Local<v8::Array> script_args = v8::Array::New(isolate);
  for (size_t i = 0; i < options.script_args.size(); i++) {
    script_args
        ->Set(target.context, static_cast<uint32_t>(i),
              StringOrUndefined(isolate, options.script_args[i], true))
        .Check();  // A fresh array: plain element sets cannot fail.
  }
  target.Value("scriptArgs", script_args);
  v8::Local<v8::Array> preload = v8::Array::New(isolate);
  for (size_t i = 0; i < options.preload.size(); i++) {
    preload
        ->Set(target.context, static_cast<uint32_t>(i),
              StringOrUndefined(isolate, options.preload[i], true))
        .Check();  // As above.
  }
  target.Value("preload", preload);
  v8::Local<v8::Array> conditions = v8::Array::New(isolate);
  for (size_t i = 0; i < options.conditions.size(); i++) {
    conditions
        ->Set(target.context, static_cast<uint32_t>(i),
              StringOrUndefined(isolate, options.conditions[i], true))
        .Check();  // A fresh array: plain element sets cannot fail.
  }
  target.Value("conditions", conditions);
}

}  // namespace skua::options

SKUA_BINDING(options, Initialize)
