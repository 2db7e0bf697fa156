// The libuv side of a curl multi handle (see the header).
#include "runtime/bindings/curl_uv_multi.h"

#include "base/check.h"

namespace skua::fetch_curl {

struct CurlUvMulti::Watcher {
  uv_poll_t poll;
  CurlUvMulti* owner;
  curl_socket_t fd;
};

namespace {

void FreeWatcher(uv_handle_t* handle) { delete static_cast<CurlUvMulti::Watcher*>(handle->data); }

void Unref(uv_handle_t* handle) { uv_unref(handle); }

}  // namespace

CurlUvMulti::CurlUvMulti(uv_loop_t* loop, Delegate* delegate)
    : loop_(loop), delegate_(delegate), multi_(curl_multi_init()) {
  CHECK(multi_ != nullptr);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, OnSocket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, OnTimerChange);
  curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
  uv_timer_init(loop, &timer_);
  timer_.data = this;
  Unref(reinterpret_cast<uv_handle_t*>(&timer_));
  uv_timer_init(loop, &kick_);
  kick_.data = this;
  Unref(reinterpret_cast<uv_handle_t*>(&kick_));
  uv_async_init(loop, &keepalive_, nullptr);
  Unref(reinterpret_cast<uv_handle_t*>(&keepalive_));
}

CurlUvMulti::~CurlUvMulti() {
  // Lifetime: the embedded handles must be closed already (a realm's teardown closes
  // every handle of its loop and runs it before deleting binding state).
  DCHECK(uv_is_closing(reinterpret_cast<uv_handle_t*>(&timer_)));
  destroying_ = true;
  curl_multi_cleanup(multi_);
}

void CurlUvMulti::SetBusy(bool busy) {
  if (busy == busy_) return;
  busy_ = busy;
  auto* handle = reinterpret_cast<uv_handle_t*>(&keepalive_);
  if (busy) uv_ref(handle);
  else uv_unref(handle);
}

void CurlUvMulti::Kick() { uv_timer_start(&kick_, OnKick, 0, 0); }

int CurlUvMulti::OnSocket(CURL*, curl_socket_t fd, int what, void* userp, void* socketp) {
  auto* self = static_cast<CurlUvMulti*>(userp);
  auto* watcher = static_cast<Watcher*>(socketp);
  if (what == CURL_POLL_REMOVE) {
    if (watcher == nullptr) return 0;
    curl_multi_assign(self->multi_, fd, nullptr);
    auto* handle = reinterpret_cast<uv_handle_t*>(&watcher->poll);
    if (uv_is_closing(handle)) {
      delete watcher;  // Closed by the loop's teardown already.
    } else {
      uv_poll_stop(&watcher->poll);
      uv_close(handle, FreeWatcher);
    }
    return 0;
  }
  if (self->destroying_) return 0;
  if (watcher == nullptr) {
    watcher = new Watcher{{}, self, fd};
    if (uv_poll_init_socket(self->loop_, &watcher->poll, fd) != 0) {
      delete watcher;
      return -1;  // curl fails the transfer.
    }
    watcher->poll.data = watcher;
    Unref(reinterpret_cast<uv_handle_t*>(&watcher->poll));
    curl_multi_assign(self->multi_, fd, watcher);
  }
  int events = 0;
  if (what & CURL_POLL_IN) events |= UV_READABLE;
  if (what & CURL_POLL_OUT) events |= UV_WRITABLE;
  uv_poll_start(&watcher->poll, events, OnPoll);
  return 0;
}

int CurlUvMulti::OnTimerChange(CURLM*, long timeout_ms, void* userp) {
  auto* self = static_cast<CurlUvMulti*>(userp);
  if (self->destroying_) return 0;
  if (timeout_ms < 0) uv_timer_stop(&self->timer_);
  else uv_timer_start(&self->timer_, OnTimer, static_cast<uint64_t>(timeout_ms), 0);
  return 0;
}

void CurlUvMulti::OnPoll(uv_poll_t* handle, int status, int events) {
  auto* watcher = static_cast<Watcher*>(handle->data);
  int flags = 0;
  if (status < 0) {
    flags = CURL_CSELECT_ERR;
  } else {
    if (events & UV_READABLE) flags |= CURL_CSELECT_IN;
    if (events & UV_WRITABLE) flags |= CURL_CSELECT_OUT;
  }
  watcher->owner->Action(watcher->fd, flags);
}

void CurlUvMulti::OnTimer(uv_timer_t* handle) {
  static_cast<CurlUvMulti*>(handle->data)->Action(CURL_SOCKET_TIMEOUT, 0);
}

void CurlUvMulti::OnKick(uv_timer_t* handle) {
  static_cast<CurlUvMulti*>(handle->data)->delegate_->AfterSocketAction({});
}

void CurlUvMulti::Action(curl_socket_t fd, int flags) {
  int running = 0;
  curl_multi_socket_action(multi_, fd, flags, &running);
  std::vector<std::pair<CURL*, CURLcode>> done;
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg == CURLMSG_DONE) done.emplace_back(msg->easy_handle, msg->data.result);
  }
  delegate_->AfterSocketAction(done);
}

}  // namespace skua::fetch_curl
