// How every call of the `fs` binding runs one libuv fs request, synchronously or
// asynchronously, and turns its result into a JS value.
//
// Calling convention (Node's): a binding function takes its arguments, then `req`, then
// `ctx`. When `req` is an object (an FSReqCallback) the call is asynchronous and the
// request's `oncomplete(errCtx, result)` runs later from the loop; `errCtx` is null on
// success, or an object { errno, code, message, syscall, path?, dest? } that stdlib turns
// into an Error with uvException(). When `req` is undefined the call is synchronous: the
// result is returned, and on failure `ctx` is filled instead (the return is undefined).
//
// Rules for FSReq:
// - One FSReq per asynchronous call, created with `new` by FSCall and deleted by
//   OnComplete after it has read the result; it never outlives its uv_fs_t.
// - It holds the JS request object and everything libuv reads during the call (buffers,
//   a Dir handle, string bytes) strongly, so none of them can be collected or freed early.
// - Only OnComplete calls into JS, through Realm::MakeCallback, on the loop thread.
#ifndef SKUA_RUNTIME_BINDINGS_FS_REQ_H_
#define SKUA_RUNTIME_BINDINGS_FS_REQ_H_

#include <uv.h>

#include <cstdint>
#include <string>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "v8.h"

namespace skua::fs {

// What a successful request returns to JS.
enum class ResultKind {
  kUndefined,
  kNumber,       // req->result (a descriptor, a byte count).
  kStat,         // req->statbuf as a Float64Array / BigInt64Array of kStatFields.
  kStatfs,       // req->ptr (uv_statfs_t) as a Float64Array / BigInt64Array.
  kPath,         // req->path (mkdtemp's result).
  kPtrString,    // req->ptr as a string (readlink, realpath).
  kScandir,      // names, or [names, types] with `with_types`.
  kDirHandle,    // req->ptr (uv_dir_t) wrapped in a DirHandle.
  kDirEntries,   // the entries uv_fs_readdir read: [name, type, ...], or null at the end.
};

struct ResultSpec {
  ResultKind kind = ResultKind::kUndefined;
  bool bigint = false;
  bool with_types = false;
};

// Number of stat fields, in Node's order: dev, mode, nlink, uid, gid, rdev, blksize, ino,
// size, blocks, then seconds and nanoseconds of atime, mtime, ctime, birthtime.
inline constexpr int kStatFields = 18;
inline constexpr int kStatfsFields = 7;

v8::Local<v8::Value> NewStatArray(v8::Isolate* isolate, const uv_stat_t& s, bool bigint);
v8::Local<v8::Value> NewStatfsArray(v8::Isolate* isolate, const uv_statfs_t& s, bool bigint);

// Builds the result of a successful request (before uv_fs_req_cleanup). Empty only when
// V8 failed (a string past the maximum length), with an exception pending.
v8::MaybeLocal<v8::Value> ResultOf(Realm* realm, uv_fs_t* req, const ResultSpec& spec);

// The error object for a failed request: its path and dest are the request's.
v8::Local<v8::Object> ErrorContext(v8::Local<v8::Context> context, uv_fs_t* req);
void FillErrorContext(v8::Local<v8::Context> context, v8::Local<v8::Object> ctx, uv_fs_t* req);

// A DirHandle's native side: the open uv_dir_t and the entry buffer libuv fills.
struct DirState {
  static constexpr int kEntries = 32;
  uv_dir_t* dir = nullptr;
  uv_dirent_t entries[kEntries];
};
v8::MaybeLocal<v8::Object> NewDirHandle(Realm* realm, uv_dir_t* dir);

// fs.activeRequests(): how many FSReqs of the calling realm are in flight (listed by
// process.getActiveResourcesInfo() as FSReqCallback, as Node does).
void ActiveRequests(const v8::FunctionCallbackInfo<v8::Value>& args);

class FSReq {
 public:
  FSReq(Realm* realm, v8::Local<v8::Object> object, ResultSpec spec);
  FSReq(const FSReq&) = delete;
  FSReq& operator=(const FSReq&) = delete;
  ~FSReq();

  uv_fs_t* req() { return &req_; }
  // Keeps `value` (a buffer, a handle) alive until the request completes.
  void KeepAlive(v8::Local<v8::Value> value);
  // Bytes the request owns, for writes of strings.
  std::string& storage() { return storage_; }

  static void OnComplete(uv_fs_t* req);

 private:
  uv_fs_t req_;
  Realm* realm_;
  ResultSpec spec_;
  v8::Global<v8::Object> object_;
  std::vector<v8::Global<v8::Value>> keep_alive_;
  std::string storage_;
  double async_id_ = 0;  // Its async_hooks id; 0 when no hook saw it created.
};

// One binding call: decides sync or async from args[req_index] and runs the request.
//   FSCall call(args, 2, {ResultKind::kNumber});
//   call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
//     return uv_fs_open(loop, req, path, flags, mode, cb); });
class FSCall {
 public:
  FSCall(const v8::FunctionCallbackInfo<v8::Value>& args, int req_index, ResultSpec spec);
  ~FSCall();
  FSCall(const FSCall&) = delete;
  FSCall& operator=(const FSCall&) = delete;

  bool is_async() const { return async_ != nullptr; }
  void KeepAlive(v8::Local<v8::Value> value) {
    if (async_ != nullptr) async_->KeepAlive(value);
  }
  // Where to put bytes that must live as long as the request.
  std::string& storage() { return async_ != nullptr ? async_->storage() : sync_storage_; }

  template <typename Fn>
  void Run(Fn&& fn) {
    if (async_ != nullptr) {
      FSReq* async = async_;
      async_ = nullptr;  // From here the request owns itself.
      int err = fn(realm_->loop(), async->req(), FSReq::OnComplete);
      if (err < 0) {
        // libuv refused to queue the request; complete it at once, as Node does.
        async->req()->result = err;
        FSReq::OnComplete(async->req());
      }
      return;
    }
    int err = fn(realm_->loop(), &sync_req_, nullptr);
    sync_done_ = true;
    Finish(err);
  }

 private:
  void Finish(int err);

  const v8::FunctionCallbackInfo<v8::Value>& args_;
  int req_index_;
  ResultSpec spec_;
  Realm* realm_;
  FSReq* async_ = nullptr;
  uv_fs_t sync_req_;
  bool sync_done_ = false;
  std::string sync_storage_;
};

// A path argument: a string (UTF-8) or the bytes of a Uint8Array/Buffer, NUL-terminated.
class PathArg {
 public:
  PathArg(v8::Isolate* isolate, v8::Local<v8::Value> value);
  const char* operator*() const { return path_.c_str(); }

 private:
  std::string path_;
};

// An int64 argument given as a Number or a BigInt (positions, lengths).
int64_t Int64Arg(v8::Local<v8::Value> value);

// Node-shaped writeBuffer / writeString / realpath; fs.cc routes the loader's older short
// forms of these names elsewhere.
void WriteBufferCall(const v8::FunctionCallbackInfo<v8::Value>& args);
void WriteStringCall(const v8::FunctionCallbackInfo<v8::Value>& args);
void RealpathCall(const v8::FunctionCallbackInfo<v8::Value>& args);

// Registration of the binding's parts (each in its own file).
void InitializeFileCalls(BindingTarget& target);
void InitializePathCalls(BindingTarget& target);
void InitializeDirCalls(BindingTarget& target);
void InitializeStatWatcher(BindingTarget& target);

}  // namespace skua::fs

#endif  // SKUA_RUNTIME_BINDINGS_FS_REQ_H_
