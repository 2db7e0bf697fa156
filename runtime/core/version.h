// Version strings: the Node API level skua implements, and skua's own version.
#ifndef SKUA_RUNTIME_CORE_VERSION_H_
#define SKUA_RUNTIME_CORE_VERSION_H_

// process.version: the Node.js release whose API and test suite skua targets.
#define SKUA_NODE_VERSION "v20.11.1"
// process.versions.skua.
#define SKUA_VERSION "0.1.0"

#endif  // SKUA_RUNTIME_CORE_VERSION_H_
