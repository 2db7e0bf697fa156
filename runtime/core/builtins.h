// Compiling the embedded stdlib: each builtin becomes a function of
// (exports, require, module, process, internalBinding), named `node:<id>` in stack traces.
#ifndef SKUA_RUNTIME_CORE_BUILTINS_H_
#define SKUA_RUNTIME_CORE_BUILTINS_H_

#include <string_view>
#include <vector>

#include "runtime/core/builtin_sources.h"
#include "v8.h"

namespace skua {

const BuiltinSource* FindBuiltinSource(std::string_view id);

// Compiles builtin `id` as a function taking `params`. Empty (with a JS exception
// pending) when the id is unknown or the source does not compile.
v8::MaybeLocal<v8::Function> CompileBuiltin(v8::Local<v8::Context> context, std::string_view id,
                                            const std::vector<std::string_view>& params);

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_BUILTINS_H_
