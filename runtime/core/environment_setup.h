// The steps that turn a libuv loop into a running JavaScript thread, shared by the main
// thread (runtime_main.cc) and worker threads (bindings/worker_thread.cc): an isolate
// whose foreground tasks run on the loop, and the bootstrap + entry + event loop of a
// realm.
//
// Rules: everything here runs on the loop's thread. The array-buffer allocator is one
// process-wide object that is never freed, because backing stores move between isolates
// (transfer lists, SharedArrayBuffer) and are freed by whichever isolate drops them last.
#ifndef SKUA_RUNTIME_CORE_ENVIRONMENT_SETUP_H_
#define SKUA_RUNTIME_CORE_ENVIRONMENT_SETUP_H_

#include <uv.h>

#include "v8.h"

namespace skua {

class Platform;
class Realm;

// The allocator every isolate of the process uses.
v8::ArrayBuffer::Allocator* SharedArrayBufferAllocator();

// Allocates and initialises an isolate for `loop` with `params` (its allocator is set
// here) and skua's error handlers. V8's foreground tasks for it run inside `*realm`'s
// callback scope, or bare while `*realm` is null (before the realm exists, during
// teardown). Lifetime: `realm` must outlive the isolate's registration with `platform`.
v8::Isolate* NewIsolate(Platform* platform, uv_loop_t* loop, v8::Isolate::CreateParams params,
                        Realm** realm);

// Runs internal/bootstrap/realm.js, then the function exported by builtin `main_id` as the
// first macrotask, then the event loop. Returns the exit code (1 when the bootstrap or
// the entry failed before the loop ran). Needs an entered context.
int RunRealm(Realm* realm, const char* main_id);

}  // namespace skua

#endif  // SKUA_RUNTIME_CORE_ENVIRONMENT_SETUP_H_
