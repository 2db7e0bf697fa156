// Creates the `process` object with the facts only C++ knows (versions, paths, ids);
// stdlib's bootstrap (internal/bootstrap/node.js) adds everything else.
#ifndef SKUA_RUNTIME_CORE_PROCESS_OBJECT_H_
#define SKUA_RUNTIME_CORE_PROCESS_OBJECT_H_

#include <string>

#include "v8.h"

namespace skua {

struct CliOptions;

v8::MaybeLocal<v8::Object> CreateProcessObject(v8::Local<v8::Context> context,
                                               const std::string& argv0,
                                               const CliOptions& options);

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_PROCESS_OBJECT_H_
