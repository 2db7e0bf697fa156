// `fs` binding calls on paths: stat/lstat/statfs, access, mkdir/mkdtemp/rmdir/unlink,
// rename/copyFile/link/symlink, readlink/realpath, chmod/chown/lchown, utimes/lutimes.
// Recursive mkdir, rm and cp are built in stdlib from these. Each ends with (req, ctx).
#include "base/check.h"
#include "runtime/bindings/fs_req.h"

namespace skua::fs {

namespace {

using Args = v8::FunctionCallbackInfo<v8::Value>;

int IntArg(const Args& args, int i) {
  CHECK(args[i]->IsNumber());
  return static_cast<int>(args[i].As<v8::Number>()->Value());
}

double NumberArg(const Args& args, int i) {
  CHECK(args[i]->IsNumber());
  return args[i].As<v8::Number>()->Value();
}

// stat / lstat(path, bigint, req, ctx) -> stat array
void Stat(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 2, {ResultKind::kStat, args[1]->IsTrue()});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_stat(loop, req, *path, cb);
  });
}

void Lstat(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 2, {ResultKind::kStat, args[1]->IsTrue()});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_lstat(loop, req, *path, cb);
  });
}

// statfs(path, bigint, req, ctx) -> statfs array
void Statfs(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 2, {ResultKind::kStatfs, args[1]->IsTrue()});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_statfs(loop, req, *path, cb);
  });
}

// access(path, mode, req, ctx)
void Access(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  int mode = IntArg(args, 1);
  FSCall call(args, 2, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_access(loop, req, *path, mode, cb);
  });
}

// mkdir(path, mode, req, ctx)
void Mkdir(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  int mode = IntArg(args, 1);
  FSCall call(args, 2, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_mkdir(loop, req, *path, mode, cb);
  });
}

// mkdtemp(prefix, req, ctx) -> the created directory (prefix + six random characters).
void Mkdtemp(const Args& args) {
  PathArg prefix(args.GetIsolate(), args[0]);
  std::string tpl = std::string(*prefix) + "XXXXXX";
  FSCall call(args, 1, {ResultKind::kPath});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_mkdtemp(loop, req, tpl.c_str(), cb);
  });
}

// rmdir(path, req, ctx), unlink(path, req, ctx)
void Rmdir(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 1, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_rmdir(loop, req, *path, cb);
  });
}

void Unlink(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 1, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_unlink(loop, req, *path, cb);
  });
}

// rename(from, to, req, ctx)
void Rename(const Args& args) {
  PathArg from(args.GetIsolate(), args[0]);
  PathArg to(args.GetIsolate(), args[1]);
  FSCall call(args, 2, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_rename(loop, req, *from, *to, cb);
  });
}

// copyFile(src, dest, mode, req, ctx); mode is UV_FS_COPYFILE_* (= fs.constants.COPYFILE_*).
void CopyFile(const Args& args) {
  PathArg src(args.GetIsolate(), args[0]);
  PathArg dest(args.GetIsolate(), args[1]);
  int mode = IntArg(args, 2);
  FSCall call(args, 3, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_copyfile(loop, req, *src, *dest, mode, cb);
  });
}

// link(existing, new, req, ctx)
void Link(const Args& args) {
  PathArg existing(args.GetIsolate(), args[0]);
  PathArg link(args.GetIsolate(), args[1]);
  FSCall call(args, 2, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_link(loop, req, *existing, *link, cb);
  });
}

// symlink(target, path, flags, req, ctx)
void Symlink(const Args& args) {
  PathArg target(args.GetIsolate(), args[0]);
  PathArg path(args.GetIsolate(), args[1]);
  int flags = IntArg(args, 2);
  FSCall call(args, 3, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_symlink(loop, req, *target, *path, flags, cb);
  });
}

// readlink(path, req, ctx) -> target
void Readlink(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 1, {ResultKind::kPtrString});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_readlink(loop, req, *path, cb);
  });
}

// chmod(path, mode, req, ctx)
void Chmod(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  int mode = IntArg(args, 1);
  FSCall call(args, 2, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_chmod(loop, req, *path, mode, cb);
  });
}

// chown / lchown(path, uid, gid, req, ctx)
void Chown(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  auto uid = static_cast<uv_uid_t>(NumberArg(args, 1));
  auto gid = static_cast<uv_gid_t>(NumberArg(args, 2));
  FSCall call(args, 3, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_chown(loop, req, *path, uid, gid, cb);
  });
}

void Lchown(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  auto uid = static_cast<uv_uid_t>(NumberArg(args, 1));
  auto gid = static_cast<uv_gid_t>(NumberArg(args, 2));
  FSCall call(args, 3, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_lchown(loop, req, *path, uid, gid, cb);
  });
}

// utimes / lutimes(path, atimeSeconds, mtimeSeconds, req, ctx)
void Utimes(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  double atime = NumberArg(args, 1);
  double mtime = NumberArg(args, 2);
  FSCall call(args, 3, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_utime(loop, req, *path, atime, mtime, cb);
  });
}

void Lutimes(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  double atime = NumberArg(args, 1);
  double mtime = NumberArg(args, 2);
  FSCall call(args, 3, {});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_lutime(loop, req, *path, atime, mtime, cb);
  });
}

}  // namespace

// realpath(path, req, ctx) -> canonical path (uv_fs_realpath, i.e. realpath(3)).
void RealpathCall(const Args& args) {
  PathArg path(args.GetIsolate(), args[0]);
  FSCall call(args, 1, {ResultKind::kPtrString});
  call.Run([&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
    return uv_fs_realpath(loop, req, *path, cb);
  });
}

void InitializePathCalls(BindingTarget& target) {
  target.Method("stat", Stat);
  target.Method("lstat", Lstat);
  target.Method("statfs", Statfs);
  target.Method("access", Access);
  target.Method("mkdir", Mkdir);
  target.Method("mkdtemp", Mkdtemp);
  target.Method("rmdir", Rmdir);
  target.Method("unlink", Unlink);
  target.Method("rename", Rename);
  target.Method("copyFile", CopyFile);
  target.Method("link", Link);
  target.Method("symlink", Symlink);
  target.Method("readlink", Readlink);
  target.Method("chmod", Chmod);
  target.Method("chown", Chown);
  target.Method("lchown", Lchown);
  target.Method("utimes", Utimes);
  target.Method("lutimes", Lutimes);
}

}  // namespace skua::fs
