// `fetch_curl`: the transport under stdlib's fetch() (internal/fetch/fetch.js). HTTP
// transfers run on one libcurl multi handle per realm, driven by the realm's loop
// (curl_uv_multi.h): pooled keep-alive connections, HTTP/2 over TLS (ALPN) with
// multiplexing, gzip/deflate/br decoded by curl. Redirects, the fetch spec's header
// rules and the web streams are JS's; this file moves bytes and reports events. The easy
// handles are set up as the package manager's are (pm/registry/curl_easy_setup.h).
// The JS surface is in stdlib/internal/bindings/fetch_curl.d.ts.
//
// Rules for Transfer (a BaseObject):
//   - Held strongly from start() until its end was reported to JS (onDone) or JS
//     aborted it; weak otherwise. FetchState lists the started ones.
//   - curl's callbacks only buffer (headers, body bytes, upload chunks); JS is called
//     from FetchState::AfterSocketAction, after curl has returned, so JS may abort,
//     pause or resume any transfer from its callbacks.
//   - Body backpressure: JS calls pause() when its stream's queue is full and resume()
//     on pull. While paused, curl is paused at its next chunk (CURL_WRITEFUNC_PAUSE);
//     it also is once 1 MiB waits here. A transfer keeps the loop alive while it has not
//     ended and JS has not paused it (as a paused socket does not, in Node).
#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/check.h"
#include "pm/registry/curl_easy_setup.h"
#include "runtime/bindings/buffer_args.h"
#include "runtime/bindings/curl_uv_multi.h"
#include "pm/registry/libcurl_loader.h"
#include "runtime/core/base_object.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::fetch_curl {

namespace {

using Args = v8::FunctionCallbackInfo<v8::Value>;

constexpr size_t kMaxBufferedBody = 1 << 20;
constexpr size_t kBodyBlock = 1 << 16;
constexpr size_t kUploadHighWater = 1 << 16;

class Transfer;

class FetchState : public BindingState, public CurlUvMulti::Delegate {
 public:
  explicit FetchState(Realm* realm);
  ~FetchState() override;

  void AfterSocketAction(const std::vector<std::pair<CURL*, CURLcode>>& done) override;
  void UpdateBusy();
  CURL* TakeEasy();
  void ReturnEasy(CURL* easy);
  void Track(Transfer* t) { transfers_.push_back(t); }
  void Untrack(Transfer* t);

  Realm* realm() const { return realm_; }
  CurlUvMulti& multi() { return *multi_; }
  CURLSH* share() const { return share_; }
  v8::Local<v8::FunctionTemplate> tmpl() { return template_.Get(realm_->isolate()); }

  v8::Global<v8::Function> on_headers;
  v8::Global<v8::Function> on_data;
  v8::Global<v8::Function> on_drain;
  v8::Global<v8::Function> on_done;
  std::string extra_ca;  // PEM certificates trusted besides curl's default bundle.

 private:
  Realm* realm_;
  std::unique_ptr<CurlUvMulti> multi_;
  CURLSH* share_;
  std::vector<CURL*> idle_easy_;
  std::vector<Transfer*> transfers_;
  v8::Global<v8::FunctionTemplate> template_;
};

class Transfer : public BaseObject {
 public:
  Transfer(Realm* realm, v8::Local<v8::Object> object, FetchState* state)
      : BaseObject(realm, object), state_(state) {}
  ~Transfer() override { Detach(); }

  static void New(const Args& args);
  static void Start(const Args& args);
  static void Write(const Args& args);
  static void End(const Args& args);
  static void Pause(const Args& args);
  static void Resume(const Args& args);
  static void Abort(const Args& args);

  // Records the result of a transfer curl finished and gives its easy handle back.
  void OnCurlDone(CURLcode code);
  // Reports what arrived since the last call; may run JS.
  void Flush();
  // Leaves the multi without a report (abort, realm teardown).
  void Detach();
  bool Busy() const { return started_ && !ended_ && !js_paused_; }
  CURL* easy() const { return easy_; }

 private:
  static size_t OnHeader(char* data, size_t size, size_t count, void* user);
  static size_t OnBody(char* data, size_t size, size_t count, void* user);
  static size_t OnRead(char* data, size_t size, size_t count, void* user);
  void ReleaseEasy();
  void UpdatePause();
  bool Call(const v8::Global<v8::Function>& fn, int argc, v8::Local<v8::Value>* argv);
  void ReportEnd(v8::Local<v8::Value> code, v8::Local<v8::Value> detail,
                 v8::Local<v8::Value> ip, v8::Local<v8::Value> port);

  FetchState* state_;  // Lifetime: null once the realm's state is gone.
  CURL* easy_ = nullptr;
  curl_slist* headers_ = nullptr;
  bool started_ = false;
  bool ended_ = false;  // Reported to JS, or aborted.
  // Response.
  long status_ = 0;
  long http_version_ = 0;  // CURL_HTTP_VERSION_* of the final response.
  std::string status_text_;
  std::vector<std::string> header_fields_;  // Name, value, name, value ...
  bool headers_complete_ = false;
  bool headers_reported_ = false;
  // Received, not yet handed to JS: blocks that become ArrayBuffers without a copy.
  struct Block {
    char* data;  // malloc'ed; owned here until handed to V8.
    size_t size;
    size_t capacity;
  };
  std::deque<Block> body_;
  size_t body_bytes_ = 0;
  bool recv_paused_ = false;
  bool js_paused_ = false;
  // Request body, written by JS.
  std::deque<std::string> upload_;
  size_t upload_offset_ = 0;  // Into upload_.front().
  size_t upload_bytes_ = 0;
  bool upload_ended_ = false;
  bool send_paused_ = false;
  bool want_drain_ = false;
  // End of the transfer, as curl reported it.
  bool finished_ = false;
  CURLcode result_ = CURLE_OK;
  std::string error_code_;
  std::string error_detail_;
  std::string error_ip_;
  long error_port_ = 0;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

FetchState::FetchState(Realm* realm) : realm_(realm) {
  CHECK(pm::registry::CurlGlobalInit());
  multi_ = std::make_unique<CurlUvMulti>(realm->loop(), this);
  CURLM* multi = multi_->multi();
  curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  // CURLMOPT_MAXCONNECTS stays curl's default, four times the transfers at once, so a
  // burst of requests leaves its connections pooled (undici's pool has no limit either).
  share_ = curl_share_init();
  CHECK(share_ != nullptr);
  // The loop thread is the share's only user, so it needs no lock callbacks.
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
  curl_share_setopt(share_, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);

  v8::Isolate* isolate = realm->isolate();
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate, Transfer::New);
  tmpl->SetClassName(OneByteString(isolate, "Transfer"));
  tmpl->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::ObjectTemplate> proto = tmpl->PrototypeTemplate();
  auto method = [&](const char* name, v8::FunctionCallback callback) {
    proto->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
  };
  method("start", Transfer::Start);
  method("write", Transfer::Write);
  method("end", Transfer::End);
  method("pause", Transfer::Pause);
  method("resume", Transfer::Resume);
  method("abort", Transfer::Abort);
  template_.Reset(isolate, tmpl);
}

FetchState::~FetchState() {
  while (!transfers_.empty()) transfers_.back()->Detach();
  for (CURL* easy : idle_easy_) curl_easy_cleanup(easy);
  multi_.reset();
  curl_share_cleanup(share_);
}

void FetchState::UpdateBusy() {
  bool busy = false;
  for (Transfer* t : transfers_) busy = busy || t->Busy();
  multi_->SetBusy(busy);
}

CURL* FetchState::TakeEasy() {
  if (idle_easy_.empty()) return curl_easy_init();
  CURL* easy = idle_easy_.back();
  idle_easy_.pop_back();
  return easy;
}

void FetchState::ReturnEasy(CURL* easy) {
  curl_easy_reset(easy);
  idle_easy_.push_back(easy);
}

void FetchState::Untrack(Transfer* t) {
  for (size_t i = 0; i < transfers_.size(); ++i) {
    if (transfers_[i] == t) {
      transfers_.erase(transfers_.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

void FetchState::AfterSocketAction(const std::vector<std::pair<CURL*, CURLcode>>& done) {
  for (const auto& [easy, code] : done) {
    Transfer* t = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &t);
    t->OnCurlDone(code);
  }
  if (transfers_.empty()) {
    UpdateBusy();
    return;
  }
  v8::Isolate* isolate = realm_->isolate();
  v8::HandleScope scope(isolate);
  // Lifetime: the handles keep every listed transfer alive while JS runs, even one that
  // a callback aborts (which makes it collectable).
  std::vector<v8::Local<v8::Object>> objects;
  std::vector<Transfer*> list = transfers_;
  objects.reserve(list.size());
  for (Transfer* t : list) objects.push_back(t->object());
  for (Transfer* t : list) {
    if (realm_->is_stopping()) return;
    t->Flush();
  }
  UpdateBusy();
}

void Transfer::New(const Args& args) {
  CHECK(args.IsConstructCall());
  Realm* realm = Realm::From(args.GetIsolate());
  new Transfer(realm, args.This(), realm->binding_state<FetchState>());
}

// Header names and values are byte strings (one Latin-1 character per byte), as undici
// reads and writes them.
std::string ByteString(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::Local<v8::String> text = value.As<v8::String>();
  std::string out(static_cast<size_t>(text->Length()), '\0');
  text->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out.data()), 0,
                     static_cast<int>(out.size()), v8::String::NO_NULL_TERMINATION);
  return out;
}

v8::MaybeLocal<v8::String> FromByteString(v8::Isolate* isolate, const std::string& bytes) {
  return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(bytes.data()),
                                    v8::NewStringType::kNormal, static_cast<int>(bytes.size()));
}

Transfer* FromThis(const Args& args) {
  Transfer* t = BaseObject::Unwrap<Transfer>(args.This());
  CHECK(t != nullptr);
  return t;
}

// start(url, method, headers, bodyLength, strictSsl, acceptEncoding)
//   headers: ["Name: value", ...] as curl takes them; bodyLength: -2 for no body, -1 for
//   a body of unknown length (chunked on HTTP/1.1), else its length. The body is then
//   written with write() and end().
void Transfer::Start(const Args& args) {
  Transfer* t = FromThis(args);
  CHECK(!t->started_ && t->state_ != nullptr);
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  FetchState* state = t->state_;
  std::string url = ToUtf8(isolate, args[0]);
  std::string method = ToUtf8(isolate, args[1]);
  CHECK(args[2]->IsArray() && args[3]->IsNumber());
  v8::Local<v8::Array> headers = args[2].As<v8::Array>();
  for (uint32_t i = 0; i < headers->Length(); ++i) {
    v8::Local<v8::Value> line;
    if (!headers->Get(context, i).ToLocal(&line)) return;
    CHECK(line->IsString());
    t->headers_ = curl_slist_append(t->headers_, ByteString(isolate, line).c_str());
  }
  auto body_length = static_cast<curl_off_t>(args[3].As<v8::Number>()->Value());

  CURL* e = state->TakeEasy();
  CHECK(e != nullptr);
  t->easy_ = e;
  pm::registry::CurlEasySettings settings;
  settings.strict_ssl = args[4]->IsTrue();
  settings.accept_encoding = ToUtf8(isolate, args[5]);
  settings.connect_timeout_ms = 300'000;
  settings.pipewait = true;
  pm::registry::ApplyCurlEasySettings(e, url, settings);
  if (!state->extra_ca.empty() && url.starts_with("https:")) {
    // Lifetime: the state outlives every easy handle, so curl need not copy the bundle.
    curl_blob blob{state->extra_ca.data(), state->extra_ca.size(), CURL_BLOB_NOCOPY};
    curl_easy_setopt(e, CURLOPT_CAINFO_BLOB, &blob);
  }
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());
  curl_easy_setopt(e, CURLOPT_SHARE, state->share());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer_);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
  // Redirects are the fetch algorithm's (in JS), never curl's.
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers_);
  if (body_length >= -1) {
    curl_easy_setopt(e, CURLOPT_POST, 1L);
    curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, body_length);
    curl_easy_setopt(e, CURLOPT_READFUNCTION, OnRead);
    curl_easy_setopt(e, CURLOPT_READDATA, t);
  }
  if (method == "HEAD") {
    curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  } else if (!(method == "GET" && body_length < -1) && !(method == "POST" && body_length >= -1)) {
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method.c_str());
  }
  t->started_ = true;
  t->ClearWeak();
  state->Track(t);
  curl_multi_add_handle(state->multi().multi(), e);
  state->UpdateBusy();
}

// write(chunk) -> false when JS should wait for onDrain before writing more.
void Transfer::Write(const Args& args) {
  Transfer* t = FromThis(args);
  buffer::Bytes bytes = buffer::BytesOf(args[0]);
  if (t->ended_ || bytes.length == 0) {
    args.GetReturnValue().Set(true);
    return;
  }
  t->upload_.emplace_back(reinterpret_cast<const char*>(bytes.data), bytes.length);
  t->upload_bytes_ += bytes.length;
  if (t->send_paused_) {
    t->send_paused_ = false;
    t->UpdatePause();
  }
  bool below = t->upload_bytes_ < kUploadHighWater;
  if (!below) t->want_drain_ = true;
  args.GetReturnValue().Set(below);
}

void Transfer::End(const Args& args) {
  Transfer* t = FromThis(args);
  t->upload_ended_ = true;
  if (t->send_paused_ && !t->ended_) {
    t->send_paused_ = false;
    t->UpdatePause();
  }
}

void Transfer::Pause(const Args& args) {
  Transfer* t = FromThis(args);
  t->js_paused_ = true;
  if (t->state_ != nullptr) t->state_->UpdateBusy();
}

void Transfer::Resume(const Args& args) {
  Transfer* t = FromThis(args);
  if (!t->js_paused_ || t->state_ == nullptr) return;
  t->js_paused_ = false;
  if (t->recv_paused_ && t->easy_ != nullptr) {
    t->recv_paused_ = false;
    t->UpdatePause();  // curl may hand over what it held back, synchronously.
  }
  t->state_->multi().Kick();
  t->state_->UpdateBusy();
}

void Transfer::Abort(const Args& args) {
  Transfer* t = FromThis(args);
  FetchState* state = t->state_;
  t->Detach();
  if (state != nullptr) state->UpdateBusy();
}

void Transfer::UpdatePause() {
  if (easy_ == nullptr) return;
  int mask = (recv_paused_ ? CURLPAUSE_RECV : 0) | (send_paused_ ? CURLPAUSE_SEND : 0);
  curl_easy_pause(easy_, mask);
}

size_t Transfer::OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->headers_complete_) return n;  // Trailers.
  std::string_view line(data, n);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    // A new response (after a 1xx or a proxy's CONNECT reply) starts over.
    t->header_fields_.clear();
    t->status_ = 0;
    t->status_text_.clear();
    size_t space = line.find(' ');
    size_t i = space == std::string_view::npos ? line.size() : space + 1;
    for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
      t->status_ = t->status_ * 10 + (line[i] - '0');
    }
    if (i < line.size()) t->status_text_ = std::string(line.substr(i + 1));
    return n;
  }
  if (line.empty()) {
    if (t->status_ >= 200 || t->status_ == 101) {
      t->headers_complete_ = true;
      curl_easy_getinfo(t->easy_, CURLINFO_HTTP_VERSION, &t->http_version_);
    }
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return n;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  t->header_fields_.emplace_back(line.substr(0, colon));
  t->header_fields_.emplace_back(value);
  return n;
}

size_t Transfer::OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->js_paused_ || t->body_bytes_ >= kMaxBufferedBody) {
    t->recv_paused_ = true;
    return CURL_WRITEFUNC_PAUSE;  // curl offers the same bytes again once resumed.
  }
  if (t->body_.empty() || t->body_.back().capacity - t->body_.back().size < n) {
    size_t capacity = std::max(n, kBodyBlock);
    auto* block = static_cast<char*>(std::malloc(capacity));
    CHECK(block != nullptr);
    t->body_.push_back({block, 0, capacity});
  }
  Block& block = t->body_.back();
  std::memcpy(block.data + block.size, data, n);
  block.size += n;
  t->body_bytes_ += n;
  return n;
}

size_t Transfer::OnRead(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t room = size * count;
  size_t n = 0;
  while (n < room && !t->upload_.empty()) {
    std::string& front = t->upload_.front();
    size_t take = std::min(room - n, front.size() - t->upload_offset_);
    std::memcpy(data + n, front.data() + t->upload_offset_, take);
    n += take;
    t->upload_offset_ += take;
    t->upload_bytes_ -= take;
    if (t->upload_offset_ == front.size()) {
      t->upload_.pop_front();
      t->upload_offset_ = 0;
    }
  }
  if (n > 0 || t->upload_ended_) return n;  // 0 with the body ended: its end.
  t->send_paused_ = true;
  return CURL_READFUNC_PAUSE;
}

void Transfer::OnCurlDone(CURLcode code) {
  finished_ = true;
  result_ = code;
  if (code == CURLE_OK && !headers_complete_) {
    result_ = CURLE_GOT_NOTHING;
    error_code_ = "ECONNRESET";
    error_detail_ = "the response ended before its headers";
  } else if (code != CURLE_OK) {
    error_code_ = pm::registry::CurlErrorCode(easy_, code);
    error_detail_ = error_buffer_[0] != '\0' ? error_buffer_ : curl_easy_strerror(code);
    char* ip = nullptr;
    curl_easy_getinfo(easy_, CURLINFO_PRIMARY_IP, &ip);
    if (ip != nullptr) error_ip_ = ip;
    curl_easy_getinfo(easy_, CURLINFO_PRIMARY_PORT, &error_port_);
  }
  ReleaseEasy();
}

void Transfer::ReleaseEasy() {
  if (easy_ == nullptr) return;
  if (state_ != nullptr) {
    curl_multi_remove_handle(state_->multi().multi(), easy_);
    state_->ReturnEasy(easy_);
  } else {
    curl_easy_cleanup(easy_);
  }
  easy_ = nullptr;
  curl_slist_free_all(headers_);
  headers_ = nullptr;
  recv_paused_ = send_paused_ = false;
}

void Transfer::Detach() {
  if (state_ == nullptr) return;
  ReleaseEasy();
  upload_.clear();
  for (Block& block : body_) std::free(block.data);
  body_.clear();
  body_bytes_ = 0;
  if (started_ && !ended_) {
    ended_ = true;
    state_->Untrack(this);
    MakeWeak();
  }
  if (!started_ || ended_) state_ = nullptr;
}

bool Transfer::Call(const v8::Global<v8::Function>& fn, int argc, v8::Local<v8::Value>* argv) {
  Realm* r = realm();
  v8::Local<v8::Value> ignored;
  // An exception went to the uncaught path; the transfer's state decides what follows.
  if (!r->MakeCallback(fn.Get(r->isolate()), object(), argc, argv).ToLocal(&ignored)) {}
  return !ended_ && state_ != nullptr && !r->is_stopping();
}

void Transfer::Flush() {
  if (ended_ || state_ == nullptr) return;
  v8::Isolate* isolate = realm()->isolate();
  v8::Local<v8::Context> context = realm()->context();
  if (headers_complete_ && !headers_reported_) {
    headers_reported_ = true;
    v8::Local<v8::Array> fields = v8::Array::New(isolate, static_cast<int>(header_fields_.size()));
    for (size_t i = 0; i < header_fields_.size(); ++i) {
      v8::Local<v8::String> s;
      if (!FromByteString(isolate, header_fields_[i]).ToLocal(&s) ||
          fields->Set(context, static_cast<uint32_t>(i), s).IsNothing()) {
        return;
      }
    }
    header_fields_.clear();
    v8::Local<v8::String> text;
    if (!FromByteString(isolate, status_text_).ToLocal(&text)) return;
    v8::Local<v8::Value> argv[] = {
        v8::Integer::New(isolate, static_cast<int32_t>(status_)), text, fields,
        v8::Integer::New(isolate, http_version_ == CURL_HTTP_VERSION_2_0 ? 2 : 1)};
    if (!Call(state_->on_headers, 4, argv)) return;
  }
  while (headers_reported_ && !body_.empty() && !js_paused_) {
    Block block = body_.front();
    body_.pop_front();
    body_bytes_ -= block.size;
    if (block.size * 2 < block.capacity) {
      // A short body need not hold a whole block until the collector frees it.
      if (void* smaller = std::realloc(block.data, block.size)) {
        block.data = static_cast<char*>(smaller);
      }
    }
    std::shared_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
        block.data, block.size, [](void* data, size_t, void*) { std::free(data); }, nullptr);
    v8::Local<v8::Value> argv[] = {v8::ArrayBuffer::New(isolate, std::move(store))};
    if (!Call(state_->on_data, 1, argv)) return;
    if (recv_paused_ && !js_paused_ && easy_ != nullptr) {
      recv_paused_ = false;
      UpdatePause();  // May refill body_ at once.
    }
  }
  if (want_drain_ && upload_bytes_ < kUploadHighWater) {
    want_drain_ = false;
    if (!Call(state_->on_drain, 0, nullptr)) return;
  }
  if (!finished_ || !body_.empty()) return;
  ended_ = true;
  state_->Untrack(this);
  MakeWeak();
  if (result_ == CURLE_OK) {
    ReportEnd(v8::Undefined(isolate), v8::Undefined(isolate), v8::Undefined(isolate),
              v8::Undefined(isolate));
    return;
  }
  v8::Local<v8::String> detail;
  if (!Utf8String(isolate, error_detail_).ToLocal(&detail)) return;
  ReportEnd(OneByteString(isolate, error_code_), detail, OneByteString(isolate, error_ip_),
            v8::Integer::New(isolate, static_cast<int32_t>(error_port_)));
}

// onDone(code, detail, ip, port): all undefined after a complete response.
void Transfer::ReportEnd(v8::Local<v8::Value> code, v8::Local<v8::Value> detail,
                         v8::Local<v8::Value> ip, v8::Local<v8::Value> port) {
  v8::Local<v8::Value> argv[] = {code, detail, ip, port};
  Realm* r = realm();
  v8::Local<v8::Value> ignored;
  if (!r->MakeCallback(state_->on_done.Get(r->isolate()), object(), 4, argv).ToLocal(&ignored)) {}
}

// setup(onHeaders, onData, onDrain, onDone, extraCa): the callbacks every Transfer
// reports to, with the transfer object as `this`, and NODE_EXTRA_CA_CERTS's certificates
// (a PEM string, or null).
void Setup(const Args& args) {
  CHECK(args[0]->IsFunction() && args[1]->IsFunction() && args[2]->IsFunction() &&
        args[3]->IsFunction());
  v8::Isolate* isolate = args.GetIsolate();
  FetchState* state = Realm::From(isolate)->binding_state<FetchState>();
  state->on_headers.Reset(isolate, args[0].As<v8::Function>());
  state->on_data.Reset(isolate, args[1].As<v8::Function>());
  state->on_drain.Reset(isolate, args[2].As<v8::Function>());
  state->on_done.Reset(isolate, args[3].As<v8::Function>());
  if (args[4]->IsString()) state->extra_ca = ToUtf8(isolate, args[4]);
}

}  // namespace

void Initialize(BindingTarget& target) {
  std::string error;
  if (!pm::registry::LoadLibcurl(&error)) {
    v8::Local<v8::String> message;
    if (Utf8String(target.isolate, "fetch needs libcurl: " + error).ToLocal(&message)) {
      target.isolate->ThrowException(v8::Exception::Error(message));
    }
    return;
  }
  FetchState* state = target.realm->binding_state<FetchState>();
  target.Method("setup", Setup);
  v8::Local<v8::Function> ctor;
  if (state->tmpl()->GetFunction(target.context).ToLocal(&ctor)) target.Value("Transfer", ctor);
}

}  // namespace skua::fetch_curl

SKUA_BINDING(fetch_curl, Initialize)
