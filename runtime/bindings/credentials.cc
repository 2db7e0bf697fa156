// `credentials`: the process's user and group ids (process.getuid and friends).
#include <grp.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "runtime/core/binding.h"

namespace skua::credentials {

namespace {

void GetUid(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(getuid()));
}
void GetEuid(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(geteuid()));
}
void GetGid(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(getgid()));
}
void GetEgid(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(getegid()));
}

void GetGroups(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int count = getgroups(0, nullptr);
  std::vector<gid_t> groups(count > 0 ? count : 0);
  if (count > 0) count = getgroups(count, groups.data());
  std::vector<v8::Local<v8::Value>> values;
  gid_t egid = getegid();
  bool has_egid = false;
  for (int i = 0; i < count; i++) {
    values.push_back(v8::Integer::NewFromUnsigned(isolate, groups[i]));
    has_egid |= groups[i] == egid;
  }
  // Like Node, include the effective group id when the kernel leaves it out.
  if (!has_egid) values.push_back(v8::Integer::NewFromUnsigned(isolate, egid));
  args.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
}

// setuid(id) / setgid(id) / seteuid(id) / setegid(id): 0 or a negative errno.
template <int (*Set)(unsigned int)>
void SetId(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uint32_t id = args[0].As<v8::Uint32>()->Value();
  args.GetReturnValue().Set(Set(id) == 0 ? 0 : -errno);
}

int DoSetuid(unsigned int id) { return setuid(id); }
int DoSetgid(unsigned int id) { return setgid(id); }
int DoSeteuid(unsigned int id) { return seteuid(id); }
int DoSetegid(unsigned int id) { return setegid(id); }

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("getuid", GetUid);
  target.Method("geteuid", GetEuid);
  target.Method("getgid", GetGid);
  target.Method("getegid", GetEgid);
  target.Method("getgroups", GetGroups);
  target.Method("setuid", SetId<DoSetuid>);
  target.Method("setgid", SetId<DoSetgid>);
  target.Method("seteuid", SetId<DoSeteuid>);
  target.Method("setegid", SetId<DoSetegid>);
}

}  // namespace skua::credentials

SKUA_BINDING(credentials, Initialize)
