// CurlUvMulti: one libcurl multi handle driven by a libuv loop. curl tells it which
// sockets to watch (CURLMOPT_SOCKETFUNCTION -> a uv_poll_t each) and when to wake
// (CURLMOPT_TIMERFUNCTION -> a uv_timer_t); their callbacks run
// curl_multi_socket_action, then hand the finished transfers to the delegate.
//
// Rules:
//   - Loop thread only. V8-free: the delegate (fetch_curl.cc) is what calls into JS.
//   - The delegate is called only after curl has returned, never from inside a curl
//     callback, so it may add, remove and pause easy handles freely.
//   - The watchers and timers are unref'd: the loop stays alive only while the owner says
//     it is busy (SetBusy), so an idle multi with pooled connections lets the process end.
//   - Destroying it removes nothing: the owner removes its easy handles first.
#ifndef SKUA_RUNTIME_BINDINGS_CURL_UV_MULTI_H_
#define SKUA_RUNTIME_BINDINGS_CURL_UV_MULTI_H_

#include <curl/curl.h>
#include <uv.h>

#include <utility>
#include <vector>

namespace skua::fetch_curl {

class CurlUvMulti {
 public:
  class Delegate {
   public:
    virtual ~Delegate() = default;
    // After each round of socket actions: `done` lists the transfers curl finished in it
    // (still added to the multi) with their results. May be empty.
    virtual void AfterSocketAction(const std::vector<std::pair<CURL*, CURLcode>>& done) = 0;
  };

  CurlUvMulti(uv_loop_t* loop, Delegate* delegate);
  ~CurlUvMulti();
  CurlUvMulti(const CurlUvMulti&) = delete;
  CurlUvMulti& operator=(const CurlUvMulti&) = delete;

  struct Watcher;  // A uv_poll_t for one of curl's sockets.

  CURLM* multi() const { return multi_; }
  // Refs the loop while true.
  void SetBusy(bool busy);
  // Runs the delegate (with nothing done) on the next loop turn: used after un-pausing a
  // transfer from JS, when curl may have delivered buffered data synchronously.
  void Kick();

 private:
  static int OnSocket(CURL* easy, curl_socket_t fd, int what, void* userp, void* socketp);
  static int OnTimerChange(CURLM* multi, long timeout_ms, void* userp);
  static void OnPoll(uv_poll_t* handle, int status, int events);
  static void OnTimer(uv_timer_t* handle);
  static void OnKick(uv_timer_t* handle);
  void Action(curl_socket_t fd, int flags);

  uv_loop_t* loop_;
  Delegate* delegate_;
  CURLM* multi_;
  uv_timer_t timer_;      // curl's timeout.
  uv_timer_t kick_;       // Kick().
  uv_async_t keepalive_;  // Never sent; ref'd while busy.
  bool busy_ = false;
  bool destroying_ = false;
};

}  // namespace skua::fetch_curl

#endif  // SKUA_RUNTIME_BINDINGS_CURL_UV_MULTI_H_
