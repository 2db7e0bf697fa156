// `os`: the libuv queries behind node:os, one thin function each. A failing call fills
// the `ctx` object (errno, code, message, syscall) and returns undefined; stdlib/os.js
// turns that into ERR_SYSTEM_ERROR. Also the constants of os.constants.
#include <dlfcn.h>
#include <uv.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <vector>

#include "base/check.h"
#include "base/signals.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "runtime/core/uv_error.h"

namespace skua::os {

namespace {

using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

// Fills args[index] (the ctx object) with a libuv error.
void ReportError(const FunctionCallbackInfo<Value>& args, int index, int err,
                 const char* syscall) {
  CHECK(args[index]->IsObject());
  FillUvError(args.GetIsolate()->GetCurrentContext(), args[index].As<v8::Object>(), err,
              syscall);
}

void ReturnUtf8(const FunctionCallbackInfo<Value>& args, const char* text, size_t size) {
  Local<v8::String> str;
  if (Utf8String(args.GetIsolate(), std::string_view(text, size)).ToLocal(&str)) {
    args.GetReturnValue().Set(str);
  }
}

// getHostname(ctx)
void GetHostname(const FunctionCallbackInfo<Value>& args) {
  char buf[UV_MAXHOSTNAMESIZE];
  size_t size = sizeof(buf);
  int err = uv_os_gethostname(buf, &size);
  if (err != 0) return ReportError(args, 0, err, "uv_os_gethostname");
  ReturnUtf8(args, buf, size);
}

// getOSInformation(ctx): [sysname, version, release, machine]
void GetOSInformation(const FunctionCallbackInfo<Value>& args) {
  uv_utsname_t info;
  int err = uv_os_uname(&info);
  if (err != 0) return ReportError(args, 0, err, "uv_os_uname");
  v8::Isolate* isolate = args.GetIsolate();
  Local<Value> values[4];
  const char* fields[4] = {info.sysname, info.version, info.release, info.machine};
  for (int i = 0; i < 4; i++) {
    Local<v8::String> str;
    if (!Utf8String(isolate, fields[i]).ToLocal(&str)) return;
    values[i] = str;
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 4));
}

// getHomeDirectory(ctx)
void GetHomeDirectory(const FunctionCallbackInfo<Value>& args) {
  char buf[PATH_MAX];
  size_t size = sizeof(buf);
  int err = uv_os_homedir(buf, &size);
  if (err != 0) return ReportError(args, 0, err, "uv_os_homedir");
  ReturnUtf8(args, buf, size);
}

// getUptime(ctx)
void GetUptime(const FunctionCallbackInfo<Value>& args) {
  double uptime;
  int err = uv_uptime(&uptime);
  if (err != 0) return ReportError(args, 0, err, "uv_uptime");
  args.GetReturnValue().Set(uptime);
}

void GetTotalMem(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_total_memory()));
}

void GetFreeMem(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_free_memory()));
}

// getLoadAvg(Float64Array(3))
void GetLoadAvg(const FunctionCallbackInfo<Value>& args) {
  CHECK(args[0]->IsFloat64Array());
  Local<v8::Float64Array> array = args[0].As<v8::Float64Array>();
  CHECK_EQ(array->Length(), 3u);
  double loads[3];
  uv_loadavg(loads);
  auto* data = static_cast<double*>(array->Buffer()->Data()) + array->ByteOffset() / 8;
  std::memcpy(data, loads, sizeof(loads));
}

void GetAvailableParallelism(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(uv_available_parallelism()));
}

// getCPUs(): a flat array, 7 entries per CPU: model, speed, user, nice, sys, idle, irq.
void GetCPUs(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uv_cpu_info_t* cpus;
  int count;
  if (uv_cpu_info(&cpus, &count) != 0) return;
  std::vector<Local<Value>> values;
  bool ok = true;
  for (int i = 0; i < count && ok; i++) {
    const uv_cpu_info_t& cpu = cpus[i];
    Local<v8::String> model;
    ok = Utf8String(isolate, cpu.model ? cpu.model : "").ToLocal(&model);
    if (!ok) break;
    values.push_back(model);
    values.push_back(v8::Number::New(isolate, cpu.speed));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.user)));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.nice)));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.sys)));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.idle)));
    values.push_back(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.irq)));
  }
  uv_free_cpu_info(cpus, count);
  if (ok) args.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

// getInterfaceAddresses(ctx): a flat array, 7 entries per address: name, address,
// netmask, family ('IPv4'/'IPv6'), mac, internal, scopeid (-1 for IPv4).
void GetInterfaceAddresses(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uv_interface_address_t* interfaces;
  int count;
  int err = uv_interface_addresses(&interfaces, &count);
  if (err == UV_ENOSYS) {
    args.GetReturnValue().Set(v8::Array::New(isolate));
    return;
  }
  if (err != 0) return ReportError(args, 0, err, "uv_interface_addresses");
  std::vector<Local<Value>> values;
  bool ok = true;
  for (int i = 0; i < count && ok; i++) {
    const uv_interface_address_t& iface = interfaces[i];
    char ip[INET6_ADDRSTRLEN];
    char netmask[INET6_ADDRSTRLEN];
    char mac[18];
    bool v4 = iface.address.address4.sin_family == AF_INET;
    if (v4) {
      uv_ip4_name(&iface.address.address4, ip, sizeof(ip));
      uv_ip4_name(&iface.netmask.netmask4, netmask, sizeof(netmask));
    } else {
      uv_ip6_name(&iface.address.address6, ip, sizeof(ip));
      uv_ip6_name(&iface.netmask.netmask6, netmask, sizeof(netmask));
    }
    const auto* p = reinterpret_cast<const unsigned char*>(iface.phys_addr);
    snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3], p[4],
             p[5]);
    Local<v8::String> name;
    ok = Utf8String(isolate, iface.name).ToLocal(&name);
    if (!ok) break;
    values.push_back(name);
    values.push_back(OneByteString(isolate, ip));
    values.push_back(OneByteString(isolate, netmask));
    values.push_back(OneByteString(isolate, v4 ? "IPv4" : "IPv6"));
    values.push_back(OneByteString(isolate, mac));
    values.push_back(v8::Boolean::New(isolate, iface.is_internal));
    values.push_back(v8::Integer::New(
        isolate, v4 ? -1 : static_cast<int32_t>(iface.address.address6.sin6_scope_id)));
  }
  uv_free_interface_addresses(interfaces, count);
  if (ok) args.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

// getUserInfo(ctx): a null-prototype { uid, gid, username, homedir, shell } (shell null when unset).
void GetUserInfo(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  uv_passwd_t pwd;
  int err = uv_os_get_passwd(&pwd);
  if (err != 0) return ReportError(args, 0, err, "uv_os_get_passwd");
  Local<v8::String> username;
  Local<v8::String> homedir;
  Local<Value> shell = v8::Null(isolate);
  bool ok = Utf8String(isolate, pwd.username).ToLocal(&username) &&
            Utf8String(isolate, pwd.homedir).ToLocal(&homedir);
  if (ok && pwd.shell != nullptr) {
    Local<v8::String> str;
    ok = Utf8String(isolate, pwd.shell).ToLocal(&str);
    shell = str;
  }
  uv_os_free_passwd(&pwd);
  if (!ok) return;
  Local<v8::Object> result = v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  SetValue(context, result, "uid", v8::Integer::New(isolate, static_cast<int32_t>(pwd.uid)));
  SetValue(context, result, "gid", v8::Integer::New(isolate, static_cast<int32_t>(pwd.gid)));
  SetValue(context, result, "username", username);
  SetValue(context, result, "homedir", homedir);
  SetValue(context, result, "shell", shell);
  args.GetReturnValue().Set(result);
}

// setPriority(pid, priority, ctx): 0, or the error code after filling ctx.
void SetPriority(const FunctionCallbackInfo<Value>& args) {
  int pid = args[0].As<v8::Int32>()->Value();
  int priority = args[1].As<v8::Int32>()->Value();
  int err = uv_os_setpriority(pid, priority);
  if (err != 0) ReportError(args, 2, err, "uv_os_setpriority");
  args.GetReturnValue().Set(err);
}

// getPriority(pid, ctx)
void GetPriority(const FunctionCallbackInfo<Value>& args) {
  int pid = args[0].As<v8::Int32>()->Value();
  int priority;
  int err = uv_os_getpriority(pid, &priority);
  if (err != 0) return ReportError(args, 1, err, "uv_os_getpriority");
  args.GetReturnValue().Set(priority);
}

Local<v8::Object> NullProtoObject(v8::Isolate* isolate) {
  return v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
}

void SetInt(Local<v8::Context> context, Local<v8::Object> target, const char* name, int value) {
  SetValue(context, target, name, v8::Integer::New(context->GetIsolate(), value));
}

// os.constants without the JS-side freezing.
Local<v8::Object> Constants(v8::Isolate* isolate, Local<v8::Context> context) {
  Local<v8::Object> constants = NullProtoObject(isolate);
  SetInt(context, constants, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);

  Local<v8::Object> dlopen = NullProtoObject(isolate);
  SetInt(context, dlopen, "RTLD_LAZY", RTLD_LAZY);
  SetInt(context, dlopen, "RTLD_NOW", RTLD_NOW);
  SetInt(context, dlopen, "RTLD_GLOBAL", RTLD_GLOBAL);
  SetInt(context, dlopen, "RTLD_LOCAL", RTLD_LOCAL);
#ifdef RTLD_DEEPBIND
  SetInt(context, dlopen, "RTLD_DEEPBIND", RTLD_DEEPBIND);
#endif
  SetValue(context, constants, "dlopen", dlopen);

  Local<v8::Object> errno_constants = NullProtoObject(isolate);
#define SKUA_ERRNO(V)                                                                   \
  V(E2BIG) V(EACCES) V(EADDRINUSE) V(EADDRNOTAVAIL) V(EAFNOSUPPORT) V(EAGAIN)         \
  V(EALREADY) V(EBADF) V(EBADMSG) V(EBUSY) V(ECANCELED) V(ECHILD) V(ECONNABORTED)     \
  V(ECONNREFUSED) V(ECONNRESET) V(EDEADLK) V(EDESTADDRREQ) V(EDOM) V(EDQUOT) V(EEXIST) \
  V(EFAULT) V(EFBIG) V(EHOSTUNREACH) V(EIDRM) V(EILSEQ) V(EINPROGRESS) V(EINTR)       \
  V(EINVAL) V(EIO) V(EISCONN) V(EISDIR) V(ELOOP) V(EMFILE) V(EMLINK) V(EMSGSIZE)       \
  V(EMULTIHOP) V(ENAMETOOLONG) V(ENETDOWN) V(ENETRESET) V(ENETUNREACH) V(ENFILE)      \
  V(ENOBUFS) V(ENODATA) V(ENODEV) V(ENOENT) V(ENOEXEC) V(ENOLCK) V(ENOLINK) V(ENOMEM)  \
  V(ENOMSG) V(ENOPROTOOPT) V(ENOSPC) V(ENOSR) V(ENOSTR) V(ENOSYS) V(ENOTCONN)         \
  V(ENOTDIR) V(ENOTEMPTY) V(ENOTSOCK) V(ENOTSUP) V(ENOTTY) V(ENXIO) V(EOPNOTSUPP)      \
  V(EOVERFLOW) V(EPERM) V(EPIPE) V(EPROTO) V(EPROTONOSUPPORT) V(EPROTOTYPE) V(ERANGE)  \
  V(EROFS) V(ESPIPE) V(ESRCH) V(ESTALE) V(ETIME) V(ETIMEDOUT) V(ETXTBSY)              \
  V(EWOULDBLOCK) V(EXDEV)
#define V(name) SetInt(context, errno_constants, #name, name);
  SKUA_ERRNO(V)
#undef V
#undef SKUA_ERRNO
  SetValue(context, constants, "errno", errno_constants);

  Local<v8::Object> signals = NullProtoObject(isolate);
  int count;
  const std::pair<const char*, int>* table = SignalTable(&count);
  for (int i = 0; i < count; i++) SetInt(context, signals, table[i].first, table[i].second);
  SetValue(context, constants, "signals", signals);

  Local<v8::Object> priority = NullProtoObject(isolate);
  SetInt(context, priority, "PRIORITY_LOW", UV_PRIORITY_LOW);
  SetInt(context, priority, "PRIORITY_BELOW_NORMAL", UV_PRIORITY_BELOW_NORMAL);
  SetInt(context, priority, "PRIORITY_NORMAL", UV_PRIORITY_NORMAL);
  SetInt(context, priority, "PRIORITY_ABOVE_NORMAL", UV_PRIORITY_ABOVE_NORMAL);
  SetInt(context, priority, "PRIORITY_HIGH", UV_PRIORITY_HIGH);
  SetInt(context, priority, "PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST);
  SetValue(context, constants, "priority", priority);
  return constants;
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("getHostname", GetHostname);
  target.Method("getOSInformation", GetOSInformation);
  target.Method("getHomeDirectory", GetHomeDirectory);
  target.Method("getUptime", GetUptime);
  target.Method("getTotalMem", GetTotalMem);
  target.Method("getFreeMem", GetFreeMem);
  target.Method("getLoadAvg", GetLoadAvg);
  target.Method("getAvailableParallelism", GetAvailableParallelism);
  target.Method("getCPUs", GetCPUs);
  target.Method("getInterfaceAddresses", GetInterfaceAddresses);
  target.Method("getUserInfo", GetUserInfo);
  target.Method("setPriority", SetPriority);
  target.Method("getPriority", GetPriority);
  uint16_t probe = 1;
  target.Value("isBigEndian",
               v8::Boolean::New(target.isolate, *reinterpret_cast<uint8_t*>(&probe) == 0));
  target.Value("constants", Constants(target.isolate, target.context));
}

}  // namespace skua::os

SKUA_BINDING(os, Initialize)
