// The one symbol libskua_runtime.so exports. The `skua` executable looks it up with
// dlsym when it needs to run JavaScript, so the executable itself never loads V8.
#ifndef SKUA_RUNTIME_CORE_RUNTIME_ENTRY_H_
#define SKUA_RUNTIME_CORE_RUNTIME_ENTRY_H_

#define SKUA_RUNTIME_ENTRY_SYMBOL "SkuaRuntimeMain"

extern "C" {
// Runs the JavaScript runtime with the process's argv; returns the exit code.
typedef int (*SkuaRuntimeMainFn)(int argc, char** argv);
__attribute__((visibility("default"))) int SkuaRuntimeMain(int argc, char** argv);
}

#endif  // SKUA_RUNTIME_CORE_RUNTIME_ENTRY_H_
