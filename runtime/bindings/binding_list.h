// Every native binding, by name. Adding a binding: write runtime/bindings/<name>.cc
// ending in SKUA_BINDING(<name>, Initialize), add it here and to BUILD.bazel.
#ifndef SKUA_RUNTIME_BINDINGS_BINDING_LIST_H_
#define SKUA_RUNTIME_BINDINGS_BINDING_LIST_H_

#define SKUA_BINDING_NAMES(V) \
  V(async_wrap)               \
  V(buffer)                   \
  V(builtins)                 \
  V(cares_wrap)               \
  V(contextify)               \
  V(credentials)              \
  V(crypto)                   \
  V(errors)                   \
  V(fetch_curl)               \
  V(fs)                       \
  V(fs_event_wrap)            \
  V(http2)                    \
  V(http_parser)              \
  V(messaging)                \
  V(module_resolver)          \
  V(module_wrap)              \
  V(options)                  \
  V(os)                       \
  V(pipe_wrap)                \
  V(process_env)              \
  V(process_methods)          \
  V(process_wrap)             \
  V(secure_context)           \
  V(serdes)                   \
  V(signal_wrap)              \
  V(spawn_sync)               \
  V(stream_wrap)              \
  V(task_queue)               \
  V(tcp_wrap)                 \
  V(timers)                   \
  V(tls_wrap)                 \
  V(tty_wrap)                 \
  V(types)                    \
  V(udp_wrap)                 \
  V(url)                      \
  V(uv)                       \
  V(util)                     \
  V(v8_utils)                 \
  V(worker)                   \
  V(zlib)

#endif  // SKUA_RUNTIME_BINDINGS_BINDING_LIST_H_
