// ChannelWrap: one c-ares channel (a dns.Resolver's `_handle`) driven by the realm's libuv
// loop. c-ares tells us which sockets it wants watched (sock_state_cb); each gets a
// uv_poll_t, and one uv_timer_t fires at ares_timeout() for retries and timeouts.
//
// Rules:
// - Loop thread only. The JS object is held strongly while queries are pending (a pending
//   query keeps its resolver alive, as in Node) and is weak otherwise.
// - c-ares invokes query callbacks from inside ares_process_fd/ares_cancel/ares_query.
//   Those callbacks never enter JS: they queue the finished query, and a zero-delay
//   uv_timer delivers the queue later, so JS never re-enters c-ares from its callbacks and
//   a synchronously failed query still completes asynchronously.
// - The poll and timer handles are heap-allocated and freed in their close callbacks, so
//   the ChannelWrap may be deleted (weak callback) while a uv_close is still pending.
#ifndef SKUA_RUNTIME_BINDINGS_CARES_WRAP_CHANNEL_H_
#define SKUA_RUNTIME_BINDINGS_CARES_WRAP_CHANNEL_H_

#include <ares.h>
#include <uv.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/core/base_object.h"
#include "runtime/core/binding.h"

namespace skua::cares_wrap {

// A query object in flight: its JS request object (`oncomplete`, `ttl`), the record type
// asked for, and, once c-ares answers, the status and a copy of the raw response.
class ChannelWrap;

class QueryWrap : public BaseObject {
 public:
  QueryWrap(Realm* realm, v8::Local<v8::Object> object, ChannelWrap* channel, int type);

  ChannelWrap* channel() const { return channel_; }
  int type() const { return type_; }
  int status() const { return status_; }
  const std::vector<unsigned char>& response() const { return response_; }
  void set_result(int status, const unsigned char* data, int length);
  // Set for reverse lookups (ares_gethostbyaddr), which answer with a hostent.
  void set_host_names(std::vector<std::string> names) { host_names_ = std::move(names); }
  const std::vector<std::string>& host_names() const { return host_names_; }

 private:
  ChannelWrap* channel_;  // Lifetime: a pending query keeps its channel alive.
  int type_;
  int status_ = ARES_SUCCESS;
  std::vector<unsigned char> response_;
  std::vector<std::string> host_names_;
};

class ChannelWrap : public BaseObject {
 public:
  ChannelWrap(Realm* realm, v8::Local<v8::Object> object, int timeout_ms, int tries);
  ~ChannelWrap() override;

  ares_channel channel() const { return channel_; }
  int init_status() const { return init_status_; }
  int active() const { return active_; }

  // Bookkeeping around a query handed to c-ares; Finish queues it for delivery to JS.
  void Start();
  void Finish(QueryWrap* query);
  // Re-arms the timeout timer from ares_timeout(); stops it when nothing is pending.
  void UpdateTimer();

  static void AresCallback(void* arg, int status, int timeouts, unsigned char* abuf,
                           int alen);
  static void AresHostCallback(void* arg, int status, int timeouts, hostent* host);

 private:
  struct PollTask {
    uv_poll_t poll;
    ChannelWrap* channel;  // Lifetime: cleared when the channel goes first.
    ares_socket_t fd;
  };

  static void SockStateCallback(void* data, ares_socket_t fd, int readable, int writable);
  static void OnPoll(uv_poll_t* handle, int status, int events);
  static void OnTimeout(uv_timer_t* handle);
  static void OnDeliver(uv_timer_t* handle);
  void Deliver();

  ares_channel channel_ = nullptr;
  int init_status_;
  int active_ = 0;  // Queries started and not yet delivered to JS.
  uv_timer_t* timeout_timer_;
  uv_timer_t* deliver_timer_;
  std::unordered_map<ares_socket_t, PollTask*> tasks_;
  std::vector<QueryWrap*> finished_;
};

// Record types as on the wire; kReverse marks ares_gethostbyaddr.
enum RecordType {
  kReverse = -1,
  kA = 1,
  kNs = 2,
  kCname = 5,
  kSoa = 6,
  kPtr = 12,
  kMx = 15,
  kTxt = 16,
  kAaaa = 28,
  kSrv = 33,
  kNaptr = 35,
  kAny = 255,
  kCaa = 257,
};

// setServers' status while queries are pending (c-ares 1.18 would say ENOTIMP).
constexpr int kSetServersPending = -1000;

// Node's code for an ares status ("ENOTFOUND", "EBADRESP", ...).
const char* ErrorCodeString(int status);

// Parses a finished query's response into the JS result; the ares status on failure.
// `ttls` is filled for A/AAAA queries.
int ParseResponse(v8::Isolate* isolate, QueryWrap* query, v8::Local<v8::Value>* result,
                  v8::Local<v8::Value>* ttls);

// Adds ChannelWrap, QueryReqWrap and strerror to the binding.
void InitializeChannel(BindingTarget& target);

}  // namespace skua::cares_wrap

#endif  // SKUA_RUNTIME_BINDINGS_CARES_WRAP_CHANNEL_H_
