// ChannelWrap: a c-ares channel on the libuv loop, and its JS surface (queryA ...,
// getHostByAddr, getServers/setServers, setLocalAddress, cancel) for internal/dns/.
#include "runtime/bindings/cares_wrap_channel.h"

#include <arpa/inet.h>

#include <cstring>
#include <mutex>

#include "base/check.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::cares_wrap {

QueryWrap::QueryWrap(Realm* realm, v8::Local<v8::Object> object, ChannelWrap* channel,
                     int type)
    : BaseObject(realm, object), channel_(channel), type_(type) {
  ClearWeak();  // Held until its oncomplete has run.
}

void QueryWrap::set_result(int status, const unsigned char* data, int length) {
  status_ = status;
  if (data != nullptr && length > 0) response_.assign(data, data + length);
}

ChannelWrap::ChannelWrap(Realm* realm, v8::Local<v8::Object> object, int timeout_ms,
                         int tries)
    : BaseObject(realm, object) {
  static std::once_flag library_once;
  std::call_once(library_once, [] { ares_library_init(ARES_LIB_INIT_ALL); });
  ares_options options{};
  // NOCHECKRESP: SERVFAIL/REFUSED answers reach the caller instead of being retried
  // elsewhere, as Node configures it.
  options.flags = ARES_FLAG_NOCHECKRESP;
  options.sock_state_cb = SockStateCallback;
  options.sock_state_cb_data = this;
  options.timeout = timeout_ms;  // -1 leaves c-ares's default.
  options.tries = tries;
  init_status_ = ares_init_options(
      &channel_, &options,
      ARES_OPT_FLAGS | ARES_OPT_SOCK_STATE_CB | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES);
  if (init_status_ != ARES_SUCCESS) channel_ = nullptr;
  timeout_timer_ = new uv_timer_t;
  deliver_timer_ = new uv_timer_t;
  uv_timer_init(realm->loop(), timeout_timer_);
  uv_timer_init(realm->loop(), deliver_timer_);
  timeout_timer_->data = this;
  deliver_timer_->data = this;
}

ChannelWrap::~ChannelWrap() {
  // No query is pending here (pending ones keep the JS object alive), so ares_destroy
  // calls no query callback; it may still report sockets closing, handled below.
  if (channel_ != nullptr) ares_destroy(channel_);
  // A handle may already be closing when a worker's teardown closed every handle of its
  // loop; it is then left to that teardown (and leaks its small allocation).
  auto close = [](uv_handle_t* handle, uv_close_cb callback) {
    if (!uv_is_closing(handle)) uv_close(handle, callback);
  };
  for (auto& [fd, task] : tasks_) {
    task->channel = nullptr;
    close(reinterpret_cast<uv_handle_t*>(&task->poll),
          [](uv_handle_t* h) { delete reinterpret_cast<PollTask*>(h); });
  }
  auto free_timer = [](uv_handle_t* h) { delete reinterpret_cast<uv_timer_t*>(h); };
  close(reinterpret_cast<uv_handle_t*>(timeout_timer_), free_timer);
  close(reinterpret_cast<uv_handle_t*>(deliver_timer_), free_timer);
}

void ChannelWrap::Start() {
  if (active_++ == 0) ClearWeak();
}

void ChannelWrap::Finish(QueryWrap* query) {
  finished_.push_back(query);
  uv_timer_start(deliver_timer_, OnDeliver, 0, 0);
}

void ChannelWrap::AresCallback(void* arg, int status, int timeouts, unsigned char* abuf,
                               int alen) {
  (void)timeouts;
  auto* query = static_cast<QueryWrap*>(arg);
  query->set_result(status, abuf, alen);
  query->channel()->Finish(query);
}

void ChannelWrap::AresHostCallback(void* arg, int status, int timeouts, hostent* host) {
  (void)timeouts;
  auto* query = static_cast<QueryWrap*>(arg);
  query->set_result(status, nullptr, 0);
  if (status == ARES_SUCCESS && host != nullptr) {
    std::vector<std::string> names;
    for (char** alias = host->h_aliases; alias != nullptr && *alias != nullptr; ++alias) {
      names.emplace_back(*alias);
    }
    if (names.empty() && host->h_name != nullptr) names.emplace_back(host->h_name);
    query->set_host_names(std::move(names));
  }
  query->channel()->Finish(query);
}

void ChannelWrap::OnDeliver(uv_timer_t* handle) {
  static_cast<ChannelWrap*>(handle->data)->Deliver();
}

void ChannelWrap::Deliver() {
  std::vector<QueryWrap*> batch;
  batch.swap(finished_);
  v8::Isolate* isolate = realm()->isolate();
  for (QueryWrap* query : batch) {
    v8::HandleScope scope(isolate);
    v8::Context::Scope context_scope(realm()->context());
    v8::Local<v8::Value> result = v8::Undefined(isolate);
    v8::Local<v8::Value> ttls = v8::Undefined(isolate);
    int status = query->status();
    if (status == ARES_SUCCESS) status = ParseResponse(isolate, query, &result, &ttls);
    v8::Local<v8::Value> argv[3] = {
        status == ARES_SUCCESS ? v8::Local<v8::Value>(v8::Integer::New(isolate, 0))
                               : v8::Local<v8::Value>(
                                     OneByteString(isolate, ErrorCodeString(status))),
        result, ttls};
    v8::Local<v8::Object> request = query->object();
    delete query;
    v8::Local<v8::Value> oncomplete;
    if (request->Get(realm()->context(), OneByteString(isolate, "oncomplete"))
            .ToLocal(&oncomplete) &&
        oncomplete->IsFunction()) {
      (void)realm()->MakeCallback(oncomplete.As<v8::Function>(), request, 3, argv);
    }
    // Last use of `this` when the count reaches zero: the weak callback may delete it.
    if (--active_ == 0) {
      UpdateTimer();
      MakeWeak();
    }
  }
}

void ChannelWrap::UpdateTimer() {
  timeval tv;
  if (channel_ == nullptr || ares_timeout(channel_, nullptr, &tv) == nullptr) {
    uv_timer_stop(timeout_timer_);
    return;
  }
  uint64_t ms = static_cast<uint64_t>(tv.tv_sec) * 1000 + (tv.tv_usec + 999) / 1000;
  uv_timer_start(timeout_timer_, OnTimeout, ms == 0 ? 1 : ms, 0);
}

void ChannelWrap::OnTimeout(uv_timer_t* handle) {
  auto* self = static_cast<ChannelWrap*>(handle->data);
  // Timers run before the loop polls: read answers that already arrived first, so a busy
  // loop does not time out queries whose responses are waiting in the socket. c-ares
  // treats EAGAIN on these reads as "nothing yet".
  std::vector<ares_socket_t> fds;
  for (const auto& [fd, task] : self->tasks_) fds.push_back(fd);
  for (ares_socket_t fd : fds) {
    if (self->tasks_.count(fd) != 0) ares_process_fd(self->channel_, fd, ARES_SOCKET_BAD);
  }
  ares_process_fd(self->channel_, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
  self->UpdateTimer();
}

void ChannelWrap::SockStateCallback(void* data, ares_socket_t fd, int readable,
                                    int writable) {
  auto* self = static_cast<ChannelWrap*>(data);
  auto it = self->tasks_.find(fd);
  if (!readable && !writable) {
    if (it == self->tasks_.end()) return;
    PollTask* task = it->second;
    self->tasks_.erase(it);
    auto* handle = reinterpret_cast<uv_handle_t*>(&task->poll);
    if (!uv_is_closing(handle)) {
      uv_close(handle, [](uv_handle_t* h) { delete reinterpret_cast<PollTask*>(h); });
    }
    return;
  }
  PollTask* task;
  if (it == self->tasks_.end()) {
    task = new PollTask;
    task->channel = self;
    task->fd = fd;
    if (uv_poll_init_socket(self->realm()->loop(), &task->poll, fd) != 0) {
      delete task;
      return;  // c-ares times the query out; nothing else can be done here.
    }
    task->poll.data = task;
    self->tasks_.emplace(fd, task);
  } else {
    task = it->second;
  }
  uv_poll_start(&task->poll, (readable ? UV_READABLE : 0) | (writable ? UV_WRITABLE : 0),
                OnPoll);
}

void ChannelWrap::OnPoll(uv_poll_t* handle, int status, int events) {
  auto* task = static_cast<PollTask*>(handle->data);
  ChannelWrap* self = task->channel;
  if (self == nullptr) return;
  ares_socket_t fd = task->fd;
  // On a poll error let c-ares try both directions; it sees the socket error itself.
  bool read = status < 0 || (events & UV_READABLE) != 0;
  bool write = status < 0 || (events & UV_WRITABLE) != 0;
  ares_process_fd(self->channel_, read ? fd : ARES_SOCKET_BAD, write ? fd : ARES_SOCKET_BAD);
  self->UpdateTimer();
}

namespace {

ChannelWrap* GetChannel(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* channel = BaseObject::Unwrap<ChannelWrap>(args.This());
  CHECK(channel != nullptr);
  return channel;
}

// new ChannelWrap(timeoutMs, tries)
void NewChannel(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args.IsConstructCall());
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  int timeout = args[0]->Int32Value(context).FromMaybe(-1);
  int tries = args[1]->Int32Value(context).FromMaybe(4);
  new ChannelWrap(Realm::From(args.GetIsolate()), args.This(), timeout, tries);
}

// queryXxx(req, name): always 0; the outcome reaches req.oncomplete(status, result, ttls).
template <int kType>
void Query(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ChannelWrap* channel = GetChannel(args);
  CHECK(args[0]->IsObject() && args[1]->IsString());
  std::string name = ToUtf8(isolate, args[1]);
  auto* query = new QueryWrap(channel->realm(), args[0].As<v8::Object>(), channel, kType);
  channel->Start();
  if (channel->channel() == nullptr) {
    ChannelWrap::AresCallback(query, channel->init_status(), 0, nullptr, 0);
  } else {
    ares_query(channel->channel(), name.c_str(), 1 /* class IN */, kType,
               ChannelWrap::AresCallback, query);
    channel->UpdateTimer();
  }
  args.GetReturnValue().Set(0);
}

// Parses an IPv4 or IPv6 literal; the address family or 0.
int ParseIp(const std::string& ip, unsigned char* bytes) {
  if (inet_pton(AF_INET, ip.c_str(), bytes) == 1) return AF_INET;
  if (inet_pton(AF_INET6, ip.c_str(), bytes) == 1) return AF_INET6;
  return 0;
}

// getHostByAddr(req, ip): 0, or UV_EINVAL for a string that is not an IP address.
void GetHostByAddr(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ChannelWrap* channel = GetChannel(args);
  CHECK(args[0]->IsObject() && args[1]->IsString());
  unsigned char bytes[16];
  int family = ParseIp(ToUtf8(isolate, args[1]), bytes);
  if (family == 0) return args.GetReturnValue().Set(UV_EINVAL);
  auto* query = new QueryWrap(channel->realm(), args[0].As<v8::Object>(), channel, kReverse);
  channel->Start();
  if (channel->channel() == nullptr) {
    ChannelWrap::AresHostCallback(query, channel->init_status(), 0, nullptr);
  } else {
    ares_gethostbyaddr(channel->channel(), bytes, family == AF_INET ? 4 : 16, family,
                       ChannelWrap::AresHostCallback, query);
    channel->UpdateTimer();
  }
  args.GetReturnValue().Set(0);
}

// getServers(): [[ip, port], ...].
void GetServers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  ChannelWrap* channel = GetChannel(args);
  v8::Local<v8::Array> list = v8::Array::New(isolate);
  if (channel->channel() == nullptr) return args.GetReturnValue().Set(list);
  ares_addr_port_node* servers = nullptr;
  if (ares_get_servers_ports(channel->channel(), &servers) != ARES_SUCCESS) {
    return args.GetReturnValue().Set(list);
  }
  uint32_t i = 0;
  for (ares_addr_port_node* s = servers; s != nullptr; s = s->next) {
    char ip[INET6_ADDRSTRLEN];
    if (inet_ntop(s->family, &s->addr, ip, sizeof(ip)) == nullptr) continue;
    v8::Local<v8::Value> pair[2] = {OneByteString(isolate, ip),
                                    v8::Integer::New(isolate, s->udp_port)};
    if (list->Set(context, i++, v8::Array::New(isolate, pair, 2)).IsNothing()) break;
  }
  ares_free_data(servers);
  args.GetReturnValue().Set(list);
}

// setServers([[family, ip, port], ...]): 0 or an ares status.
void SetServers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  ChannelWrap* channel = GetChannel(args);
  CHECK(args[0]->IsArray());
  if (channel->channel() == nullptr) return args.GetReturnValue().Set(channel->init_status());
  if (channel->active() > 0) return args.GetReturnValue().Set(kSetServersPending);
  v8::Local<v8::Array> list = args[0].As<v8::Array>();
  uint32_t length = list->Length();
  std::vector<ares_addr_port_node> nodes(length);
  for (uint32_t i = 0; i < length; i++) {
    v8::Local<v8::Value> item;
    if (!list->Get(context, i).ToLocal(&item) || !item->IsArray()) return;
    v8::Local<v8::Array> entry = item.As<v8::Array>();
    v8::Local<v8::Value> ip, port;
    if (!entry->Get(context, 1).ToLocal(&ip) || !entry->Get(context, 2).ToLocal(&port)) return;
    ares_addr_port_node& node = nodes[i];
    node.family = ParseIp(ToUtf8(isolate, ip), reinterpret_cast<unsigned char*>(&node.addr));
    if (node.family == 0) return args.GetReturnValue().Set(ARES_EBADSTR);
    node.udp_port = node.tcp_port = port->Int32Value(context).FromMaybe(0);
    node.next = i + 1 < length ? &nodes[i + 1] : nullptr;
  }
  int status = ares_set_servers_ports(channel->channel(), length ? nodes.data() : nullptr);
  args.GetReturnValue().Set(status);
}

// setLocalAddress(ipv4OrUndefined, ipv6OrUndefined); JS has validated both.
void SetLocalAddress(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ChannelWrap* channel = GetChannel(args);
  if (channel->channel() == nullptr) return;
  unsigned char v4[16] = {}, v6[16] = {};
  if (args[0]->IsString()) CHECK(ParseIp(ToUtf8(isolate, args[0]), v4) == AF_INET);
  if (args[1]->IsString()) CHECK(ParseIp(ToUtf8(isolate, args[1]), v6) == AF_INET6);
  uint32_t v4_host_order;
  std::memcpy(&v4_host_order, v4, 4);
  ares_set_local_ip4(channel->channel(), ntohl(v4_host_order));
  ares_set_local_ip6(channel->channel(), v6);
}

void Cancel(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ChannelWrap* channel = GetChannel(args);
  if (channel->channel() == nullptr) return;
  ares_cancel(channel->channel());
  channel->UpdateTimer();
}

// strerror(status): c-ares's message for an ares status.
void StrError(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int status = args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  const char* message =
      status == kSetServersPending ? "There are pending queries." : ares_strerror(status);
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), message));
}

}  // namespace

const char* ErrorCodeString(int status) {
  switch (status) {
    case ARES_ENODATA: return "ENODATA";
    case ARES_EFORMERR: return "EFORMERR";
    case ARES_ESERVFAIL: return "ESERVFAIL";
    case ARES_ENOTFOUND: return "ENOTFOUND";
    case ARES_ENOTIMP: return "ENOTIMP";
    case ARES_EREFUSED: return "EREFUSED";
    case ARES_EBADQUERY: return "EBADQUERY";
    case ARES_EBADNAME: return "EBADNAME";
    case ARES_EBADFAMILY: return "EBADFAMILY";
    case ARES_EBADRESP: return "EBADRESP";
    case ARES_ECONNREFUSED: return "ECONNREFUSED";
    case ARES_ETIMEOUT: return "ETIMEOUT";
    case ARES_EOF: return "EOF";
    case ARES_EFILE: return "EFILE";
    case ARES_ENOMEM: return "ENOMEM";
    case ARES_EDESTRUCTION: return "EDESTRUCTION";
    case ARES_EBADSTR: return "EBADSTR";
    case ARES_EBADFLAGS: return "EBADFLAGS";
    case ARES_ENONAME: return "ENONAME";
    case ARES_EBADHINTS: return "EBADHINTS";
    case ARES_ENOTINITIALIZED: return "ENOTINITIALIZED";
    case ARES_ELOADIPHLPAPI: return "ELOADIPHLPAPI";
    case ARES_EADDRGETNETWORKPARAMS: return "EADDRGETNETWORKPARAMS";
    case ARES_ECANCELLED: return "ECANCELLED";
    default: return "UNKNOWN_ARES_ERROR";
  }
}

void InitializeChannel(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, NewChannel);
  templ->SetClassName(OneByteString(isolate, "ChannelWrap"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  auto method = [&](const char* name, v8::FunctionCallback callback) {
    proto->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
  };
  method("queryAny", Query<kAny>);
  method("queryA", Query<kA>);
  method("queryAaaa", Query<kAaaa>);
  method("queryCaa", Query<kCaa>);
  method("queryCname", Query<kCname>);
  method("queryMx", Query<kMx>);
  method("queryNs", Query<kNs>);
  method("queryTxt", Query<kTxt>);
  method("querySrv", Query<kSrv>);
  method("queryPtr", Query<kPtr>);
  method("queryNaptr", Query<kNaptr>);
  method("querySoa", Query<kSoa>);
  method("getHostByAddr", GetHostByAddr);
  method("getServers", GetServers);
  method("setServers", SetServers);
  method("setLocalAddress", SetLocalAddress);
  method("cancel", Cancel);
  v8::Local<v8::Function> constructor;
  if (!templ->GetFunction(target.context).ToLocal(&constructor)) return;
  target.Value("ChannelWrap", constructor);
  target.Method("strerror", StrError);
}

}  // namespace skua::cares_wrap
