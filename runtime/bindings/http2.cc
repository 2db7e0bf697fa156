// The `http2` binding: an nghttp2 session as a byte-in/byte-out state machine. stdlib
// feeds it what the socket read (receive), asks it for what to write (send) and collects
// the protocol events the two produced (takeEvents); it never touches a socket itself, so
// any Duplex (net.Socket, TLSSocket, a JS stream) can carry a session.
//
// Rules:
// - nghttp2 callbacks only record events in C++; they never call into JS. JS drains them
//   with takeEvents() after receive()/send(), so no JS runs inside nghttp2.
// - Outbound DATA is queued per stream in C++ (write) and handed to nghttp2 by a data
//   provider that defers while the queue is empty; write() resumes it.
// - The session is freed by destroy() or with the JS object (weak BaseObject).
#include <nghttp2/nghttp2.h>

#include <cstring>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/check.h"
#include "runtime/core/base_object.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::http2 {

namespace {

// Event kinds, mirrored in stdlib/internal/http2/core.js.
enum EventType : int {
  kHeaders = 1,
  kData = 2,
  kStreamEnd = 3,
  kStreamClose = 4,
  kSettings = 5,
  kPing = 6,
  kGoaway = 7,
  kRstStream = 8,
  kPriority = 9,
  kWantTrailers = 10,
  kFrameNotSent = 11,
  kInvalidFrame = 12,
  kPushPromise = 13,
  kFrameSent = 14,
};

struct Event {
  Event(int type, int32_t stream, int32_t a = 0, int32_t b = 0, int32_t c = 0)
      : type(type), stream(stream), a(a), b(b), c(c) {}
  int type;
  int32_t stream;
  int32_t a;
  int32_t b;
  int32_t c;
  std::vector<std::string> headers;  // name, value, name, value, ...
  std::string data;
};

struct Outbound {
  std::deque<std::string> chunks;
  size_t offset = 0;  // Into chunks.front().
  bool ended = false;
  bool want_trailers = false;
};

// The settings stdlib reports, in the order of settingsOf() and kSettings payloads.
constexpr nghttp2_settings_id kSettingIds[] = {
    NGHTTP2_SETTINGS_HEADER_TABLE_SIZE,      NGHTTP2_SETTINGS_ENABLE_PUSH,
    NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE,
    NGHTTP2_SETTINGS_MAX_FRAME_SIZE,         NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE,
    NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL};

uint8_t* ViewData(v8::Local<v8::Value> value, size_t* length) {
  CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  *length = view->ByteLength();
  return static_cast<uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
}

v8::Local<v8::Uint8Array> NewBytes(v8::Isolate* isolate, const std::string& bytes) {
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(isolate, bytes.size());
  if (!bytes.empty()) std::memcpy(store->Data(), bytes.data(), bytes.size());
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(ab, 0, bytes.size());
}

int32_t Int32Arg(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  return args[i]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
}

// Headers arrive from JS as a flat array: name, value, flags, name, value, flags, ...
struct HeaderList {
  std::vector<std::string> strings;
  std::vector<nghttp2_nv> nva;

  HeaderList(v8::Local<v8::Context> context, v8::Local<v8::Value> value) {
    if (!value->IsArray()) return;
    v8::Local<v8::Array> array = value.As<v8::Array>();
    uint32_t n = array->Length() / 3;
    strings.reserve(n * 2);
    std::vector<uint8_t> flags;
    for (uint32_t i = 0; i < n; i++) {
      v8::Local<v8::Value> name, val, flag;
      if (!array->Get(context, i * 3).ToLocal(&name) ||
          !array->Get(context, i * 3 + 1).ToLocal(&val) ||
          !array->Get(context, i * 3 + 2).ToLocal(&flag)) {
        return;
      }
      strings.push_back(ToUtf8(context->GetIsolate(), name));
      strings.push_back(ToUtf8(context->GetIsolate(), val));
      flags.push_back(static_cast<uint8_t>(flag->Int32Value(context).FromMaybe(0)));
    }
    for (uint32_t i = 0; i < n; i++) {
      std::string& name = strings[i * 2];
      std::string& val = strings[i * 2 + 1];
      nva.push_back({reinterpret_cast<uint8_t*>(name.data()),
                     reinterpret_cast<uint8_t*>(val.data()), name.size(), val.size(),
                     flags[i]});
    }
  }
};

class Http2Session : public BaseObject {
 public:
  Http2Session(Realm* realm, v8::Local<v8::Object> object, bool server,
               uint32_t max_header_pairs, uint32_t max_reserved)
      : BaseObject(realm, object) {
    nghttp2_session_callbacks* callbacks;
    CHECK_EQ(nghttp2_session_callbacks_new(&callbacks), 0);
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, OnBeginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, OnHeader);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, OnFrameRecv);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, OnDataChunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, OnStreamClose);
    nghttp2_session_callbacks_set_on_frame_not_send_callback(callbacks, OnFrameNotSent);
    nghttp2_session_callbacks_set_on_invalid_frame_recv_callback(callbacks, OnInvalidFrame);
    nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, OnFrameSent);
    nghttp2_option* option;
    CHECK_EQ(nghttp2_option_new(&option), 0);
    nghttp2_option_set_no_closed_streams(option, 1);
    // Differs from Node 20: maxHeaderListPairs is accepted but not enforced (nghttp2
    // has no such limit; maxHeaderListSize still applies).
    static_cast<void>(max_header_pairs);
    if (max_reserved > 0) nghttp2_option_set_max_reserved_remote_streams(option, max_reserved);
    int rv = server ? nghttp2_session_server_new2(&session_, callbacks, this, option)
                    : nghttp2_session_client_new2(&session_, callbacks, this, option);
    CHECK_EQ(rv, 0);
    nghttp2_option_del(option);
    nghttp2_session_callbacks_del(callbacks);
    MakeWeak();
  }

  ~Http2Session() override { Destroy(); }

  void Destroy() {
    if (session_ != nullptr) nghttp2_session_del(session_);
    session_ = nullptr;
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    bool server = Int32Arg(args, 0) == 0;
    new Http2Session(Realm::From(args.GetIsolate()), args.This(), server,
                     static_cast<uint32_t>(Int32Arg(args, 1)),
                     static_cast<uint32_t>(Int32Arg(args, 2)));
  }

  static Http2Session* From(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* s = Unwrap<Http2Session>(args.This());
    if (s == nullptr || s->session_ == nullptr) return nullptr;
    return s;
  }

  // receive(bytes): bytes consumed, or a negative nghttp2 error code.
  static void Receive(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    size_t length;
    uint8_t* data = ViewData(args[0], &length);
    ssize_t rv = nghttp2_session_mem_recv(s->session_, data, length);
    args.GetReturnValue().Set(static_cast<double>(rv));
  }

  // send(): the bytes nghttp2 wants written now (Uint8Array), or a negative error code.
  static void Send(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    std::string out;
    for (;;) {
      const uint8_t* chunk;
      ssize_t n = nghttp2_session_mem_send(s->session_, &chunk);
      if (n < 0) {
        args.GetReturnValue().Set(static_cast<double>(n));
        return;
      }
      if (n == 0) break;
      out.append(reinterpret_cast<const char*>(chunk), n);
    }
    if (out.empty()) return;
    args.GetReturnValue().Set(NewBytes(args.GetIsolate(), out));
  }

  // takeEvents(): a flat array, six slots per event (type, stream, a, b, c, payload).
  static void TakeEvents(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* s = Unwrap<Http2Session>(args.This());
    if (s == nullptr || s->events_.empty()) return;
    v8::Isolate* isolate = args.GetIsolate();
    std::vector<v8::Local<v8::Value>> values;
    values.reserve(s->events_.size() * 6);
    for (Event& e : s->events_) {
      values.push_back(v8::Integer::New(isolate, e.type));
      values.push_back(v8::Integer::New(isolate, e.stream));
      values.push_back(v8::Integer::New(isolate, e.a));
      values.push_back(v8::Integer::New(isolate, e.b));
      values.push_back(v8::Integer::New(isolate, e.c));
      if (e.type == kHeaders || e.type == kPushPromise) {
        std::vector<v8::Local<v8::Value>> strings;
        for (const std::string& h : e.headers) {
          v8::Local<v8::String> str;
          if (!v8::String::NewFromUtf8(isolate, h.data(), v8::NewStringType::kNormal,
                                       static_cast<int>(h.size()))
                   .ToLocal(&str)) {
            return;
          }
          strings.push_back(str);
        }
        values.push_back(v8::Array::New(isolate, strings.data(), strings.size()));
      } else if (e.type == kData || e.type == kPing || e.type == kGoaway ||
                 e.type == kSettings) {
        values.push_back(NewBytes(isolate, e.data));
      } else {
        values.push_back(v8::Undefined(isolate));
      }
    }
    s->events_.clear();
    args.GetReturnValue().Set(v8::Array::New(isolate, values.data(), values.size()));
  }

  // settings([id, value, ...]): 0 or an nghttp2 error code.
  static void Settings(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    std::vector<nghttp2_settings_entry> entries;
    if (args[0]->IsArray()) {
      v8::Local<v8::Array> array = args[0].As<v8::Array>();
      for (uint32_t i = 0; i + 1 < array->Length(); i += 2) {
        v8::Local<v8::Value> id, value;
        if (!array->Get(context, i).ToLocal(&id) ||
            !array->Get(context, i + 1).ToLocal(&value)) {
          return;
        }
        entries.push_back({id->Int32Value(context).FromMaybe(0),
                           value->Uint32Value(context).FromMaybe(0)});
      }
    }
    int rv = nghttp2_submit_settings(s->session_, NGHTTP2_FLAG_NONE, entries.data(),
                                     entries.size());
    args.GetReturnValue().Set(rv);
  }

  // ping(payload8): 0 or an error code.
  static void Ping(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    uint8_t payload[8] = {0};
    if (args[0]->IsArrayBufferView()) {
      size_t length;
      uint8_t* data = ViewData(args[0], &length);
      std::memcpy(payload, data, length < 8 ? length : 8);
    }
    args.GetReturnValue().Set(nghttp2_submit_ping(s->session_, NGHTTP2_FLAG_NONE, payload));
  }

  // goaway(code, lastStreamId (-1: the last one seen), opaqueData?).
  static void Goaway(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    int32_t last = Int32Arg(args, 1);
    if (last < 0) last = nghttp2_session_get_last_proc_stream_id(s->session_);
    const uint8_t* opaque = nullptr;
    size_t opaque_len = 0;
    if (args[2]->IsArrayBufferView()) opaque = ViewData(args[2], &opaque_len);
    int rv = nghttp2_submit_goaway(s->session_, NGHTTP2_FLAG_NONE, last,
                                   static_cast<uint32_t>(Int32Arg(args, 0)), opaque,
                                   opaque_len);
    args.GetReturnValue().Set(rv);
  }

  nghttp2_data_provider Provider() {
    nghttp2_data_provider provider;
    provider.source.ptr = nullptr;
    provider.read_callback = ReadData;
    return provider;
  }

  // request(headers, endStream, weight, parent, exclusive): the new stream id or an
  // error code.
  static void Request(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    HeaderList headers(context, args[0]);
    bool end = args[1]->IsTrue();
    nghttp2_priority_spec pri;
    nghttp2_priority_spec_init(&pri, Int32Arg(args, 3), Int32Arg(args, 2),
                               args[4]->IsTrue() ? 1 : 0);
    nghttp2_data_provider provider = s->Provider();
    int32_t id = nghttp2_submit_request(s->session_, &pri, headers.nva.data(),
                                        headers.nva.size(), end ? nullptr : &provider,
                                        nullptr);
    if (id > 0) s->outbound_[id].ended = end;
    args.GetReturnValue().Set(id);
  }

  // respond(stream, headers, endStream): 0 or an error code.
  static void Respond(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    int32_t id = Int32Arg(args, 0);
    HeaderList headers(context, args[1]);
    bool end = args[2]->IsTrue();
    nghttp2_data_provider provider = s->Provider();
    int rv = nghttp2_submit_response(s->session_, id, headers.nva.data(), headers.nva.size(),
                                     end ? nullptr : &provider);
    if (rv == 0) s->outbound_[id].ended = end;
    args.GetReturnValue().Set(rv);
  }

  // headers(stream, headers, endStream): informational headers (1xx) or trailers.
  static void Headers(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    HeaderList headers(context, args[1]);
    int rv = nghttp2_submit_headers(s->session_,
                                    args[2]->IsTrue() ? NGHTTP2_FLAG_END_STREAM : 0,
                                    Int32Arg(args, 0), nullptr, headers.nva.data(),
                                    headers.nva.size(), nullptr);
    args.GetReturnValue().Set(rv);
  }

  // trailers(stream, headers): ends a stream whose provider stopped for trailers. With
  // no headers, an empty DATA frame carries END_STREAM instead.
  static void Trailers(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    int32_t id = Int32Arg(args, 0);
    HeaderList headers(context, args[1]);
    int rv;
    if (headers.nva.empty()) {
      auto it = s->outbound_.find(id);
      if (it == s->outbound_.end()) return;
      it->second.want_trailers = false;
      it->second.ended = true;
      nghttp2_data_provider provider = s->Provider();
      rv = nghttp2_submit_data(s->session_, NGHTTP2_FLAG_END_STREAM, id, &provider);
    } else {
      rv = nghttp2_submit_trailer(s->session_, id, headers.nva.data(), headers.nva.size());
    }
    args.GetReturnValue().Set(rv);
  }

  // write(stream, bytes, end, wantTrailers): queues DATA for the stream.
  static void Write(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    int32_t id = Int32Arg(args, 0);
    auto it = s->outbound_.find(id);
    if (it == s->outbound_.end()) {
      args.GetReturnValue().Set(NGHTTP2_ERR_STREAM_CLOSED);
      return;
    }
    if (args[1]->IsArrayBufferView()) {
      size_t length;
      uint8_t* data = ViewData(args[1], &length);
      if (length > 0) it->second.chunks.emplace_back(reinterpret_cast<char*>(data), length);
    }
    if (args[2]->IsTrue()) it->second.ended = true;
    if (args[3]->IsTrue()) it->second.want_trailers = true;
    nghttp2_session_resume_data(s->session_, id);
    args.GetReturnValue().Set(0);
  }

  // rstStream(stream, code).
  static void RstStream(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    int rv = nghttp2_submit_rst_stream(s->session_, NGHTTP2_FLAG_NONE, Int32Arg(args, 0),
                                       static_cast<uint32_t>(Int32Arg(args, 1)));
    args.GetReturnValue().Set(rv);
  }

  // priority(stream, parent, weight, exclusive).
  static void Priority(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    nghttp2_priority_spec pri;
    nghttp2_priority_spec_init(&pri, Int32Arg(args, 1), Int32Arg(args, 2),
                               args[3]->IsTrue() ? 1 : 0);
    args.GetReturnValue().Set(
        nghttp2_submit_priority(s->session_, NGHTTP2_FLAG_NONE, Int32Arg(args, 0), &pri));
  }

  // pushPromise(parent, headers): the promised stream id or an error code.
  static void PushPromise(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    HeaderList headers(context, args[1]);
    int32_t id = nghttp2_submit_push_promise(s->session_, NGHTTP2_FLAG_NONE, Int32Arg(args, 0),
                                             headers.nva.data(), headers.nva.size(), nullptr);
    args.GetReturnValue().Set(id);
  }

  static void SetNextStreamId(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    args.GetReturnValue().Set(nghttp2_session_set_next_stream_id(
        s->session_, Int32Arg(args, 0)));
  }

  static void SetLocalWindowSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    args.GetReturnValue().Set(nghttp2_session_set_local_window_size(
        s->session_, NGHTTP2_FLAG_NONE, 0, Int32Arg(args, 0)));
  }

  // state(): [effectiveLocalWindowSize, effectiveRecvDataLength, nextStreamID,
  //  localWindowSize, lastProcStreamID, remoteWindowSize, outboundQueueSize,
  //  deflateDynamicTableSize, inflateDynamicTableSize, wantRead, wantWrite,
  //  framesReceived].
  static void State(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Isolate* isolate = args.GetIsolate();
    nghttp2_session* ng = s->session_;
    double values[] = {
        static_cast<double>(nghttp2_session_get_effective_local_window_size(ng)),
        static_cast<double>(nghttp2_session_get_effective_recv_data_length(ng)),
        static_cast<double>(nghttp2_session_get_next_stream_id(ng)),
        static_cast<double>(nghttp2_session_get_local_window_size(ng)),
        static_cast<double>(nghttp2_session_get_last_proc_stream_id(ng)),
        static_cast<double>(nghttp2_session_get_remote_window_size(ng)),
        static_cast<double>(nghttp2_session_get_outbound_queue_size(ng)),
        static_cast<double>(nghttp2_session_get_hd_deflate_dynamic_table_size(ng)),
        static_cast<double>(nghttp2_session_get_hd_inflate_dynamic_table_size(ng)),
        static_cast<double>(nghttp2_session_want_read(ng)),
        static_cast<double>(nghttp2_session_want_write(ng)),
        static_cast<double>(s->frames_received_),
    };
    std::vector<v8::Local<v8::Value>> out;
    for (double v : values) out.push_back(v8::Number::New(isolate, v));
    args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
  }

  // streamState(id): [state, weight, sumDependencyWeight, localClose, remoteClose,
  //  localWindowSize] or undefined.
  static void StreamState(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Isolate* isolate = args.GetIsolate();
    int32_t id = Int32Arg(args, 0);
    nghttp2_stream* stream = nghttp2_session_find_stream(s->session_, id);
    if (stream == nullptr) return;
    double values[] = {
        static_cast<double>(nghttp2_stream_get_state(stream)),
        static_cast<double>(nghttp2_stream_get_weight(stream)),
        static_cast<double>(nghttp2_stream_get_sum_dependency_weight(stream)),
        static_cast<double>(nghttp2_session_get_stream_local_close(s->session_, id)),
        static_cast<double>(nghttp2_session_get_stream_remote_close(s->session_, id)),
        static_cast<double>(nghttp2_session_get_stream_local_window_size(s->session_, id)),
    };
    std::vector<v8::Local<v8::Value>> out;
    for (double v : values) out.push_back(v8::Number::New(isolate, v));
    args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
  }

  // settingsOf(remote): the values of settings 1..6 and 8, as the peer or we apply them.
  static void SettingsOf(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Http2Session* s = From(args);
    if (s == nullptr) return;
    v8::Isolate* isolate = args.GetIsolate();
    bool remote = args[0]->IsTrue();
    std::vector<v8::Local<v8::Value>> out;
    for (nghttp2_settings_id id : kSettingIds) {
      uint32_t v = remote ? nghttp2_session_get_remote_settings(s->session_, id)
                          : nghttp2_session_get_local_settings(s->session_, id);
      out.push_back(v8::Number::New(isolate, v));
    }
    args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
  }

  static void JsDestroy(const v8::FunctionCallbackInfo<v8::Value>& args) {
    auto* s = Unwrap<Http2Session>(args.This());
    if (s != nullptr) s->Destroy();
  }

 private:
  static Http2Session* Self(void* user_data) { return static_cast<Http2Session*>(user_data); }

  static int OnBeginHeaders(nghttp2_session*, const nghttp2_frame* frame, void* user_data) {
    Http2Session* s = Self(user_data);
    s->pending_headers_.clear();
    (void)frame;
    return 0;
  }

  static int OnHeader(nghttp2_session*, const nghttp2_frame*, const uint8_t* name,
                      size_t namelen, const uint8_t* value, size_t valuelen, uint8_t,
                      void* user_data) {
    Http2Session* s = Self(user_data);
    s->pending_headers_.emplace_back(reinterpret_cast<const char*>(name), namelen);
    s->pending_headers_.emplace_back(reinterpret_cast<const char*>(value), valuelen);
    return 0;
  }

  static int OnFrameRecv(nghttp2_session*, const nghttp2_frame* frame, void* user_data) {
    Http2Session* s = Self(user_data);
    const nghttp2_frame_hd& hd = frame->hd;
    s->frames_received_++;
    switch (hd.type) {
      case NGHTTP2_HEADERS: {
        Event e{kHeaders, hd.stream_id};
        e.a = frame->headers.cat;
        e.b = hd.flags;
        e.headers = std::move(s->pending_headers_);
        s->pending_headers_.clear();
        s->events_.push_back(std::move(e));
        break;
      }
      case NGHTTP2_PUSH_PROMISE: {
        Event e{kPushPromise, hd.stream_id};
        e.a = frame->push_promise.promised_stream_id;
        e.headers = std::move(s->pending_headers_);
        s->pending_headers_.clear();
        s->events_.push_back(std::move(e));
        break;
      }
      case NGHTTP2_DATA:
        if (hd.flags & NGHTTP2_FLAG_END_STREAM) {
          s->events_.push_back({kStreamEnd, hd.stream_id});
        } else if (hd.length == 0) {
          // An empty DATA frame that does not end the stream counts as invalid (as in
          // Node), against the session's maxSessionInvalidFrames.
          s->events_.push_back({kInvalidFrame, hd.stream_id, NGHTTP2_DATA, 0});
        }
        break;
      case NGHTTP2_SETTINGS: {
        // The values now in force, as of this frame (a later frame in the same read
        // may change them again before JS sees the event).
        bool ack = (hd.flags & NGHTTP2_FLAG_ACK) != 0;
        Event e{kSettings, 0, ack ? 1 : 0};
        for (nghttp2_settings_id id : kSettingIds) {
          uint32_t v = ack ? nghttp2_session_get_local_settings(s->session_, id)
                           : nghttp2_session_get_remote_settings(s->session_, id);
          e.data.append(reinterpret_cast<const char*>(&v), sizeof(v));
        }
        s->events_.push_back(std::move(e));
        break;
      }
      case NGHTTP2_PING: {
        Event e{kPing, 0, (hd.flags & NGHTTP2_FLAG_ACK) ? 1 : 0};
        e.data.assign(reinterpret_cast<const char*>(frame->ping.opaque_data), 8);
        s->events_.push_back(std::move(e));
        break;
      }
      case NGHTTP2_GOAWAY: {
        Event e{kGoaway, 0, static_cast<int32_t>(frame->goaway.error_code),
                frame->goaway.last_stream_id};
        if (frame->goaway.opaque_data_len > 0) {
          e.data.assign(reinterpret_cast<const char*>(frame->goaway.opaque_data),
                        frame->goaway.opaque_data_len);
        }
        s->events_.push_back(std::move(e));
        break;
      }
      case NGHTTP2_RST_STREAM:
        s->events_.push_back(
            {kRstStream, hd.stream_id, static_cast<int32_t>(frame->rst_stream.error_code)});
        break;
      case NGHTTP2_PRIORITY:
        s->events_.push_back({kPriority, hd.stream_id, frame->priority.pri_spec.stream_id,
                              frame->priority.pri_spec.weight,
                              frame->priority.pri_spec.exclusive});
        break;
      default:
        break;
    }
    return 0;
  }

  static int OnDataChunk(nghttp2_session*, uint8_t, int32_t stream_id, const uint8_t* data,
                         size_t len, void* user_data) {
    Http2Session* s = Self(user_data);
    Event e{kData, stream_id};
    e.data.assign(reinterpret_cast<const char*>(data), len);
    s->events_.push_back(std::move(e));
    return 0;
  }

  static int OnStreamClose(nghttp2_session*, int32_t stream_id, uint32_t error_code,
                           void* user_data) {
    Http2Session* s = Self(user_data);
    s->outbound_.erase(stream_id);
    s->events_.push_back({kStreamClose, stream_id, static_cast<int32_t>(error_code)});
    return 0;
  }

  static int OnFrameNotSent(nghttp2_session*, const nghttp2_frame* frame, int lib_error_code,
                            void* user_data) {
    Self(user_data)->events_.push_back(
        {kFrameNotSent, frame->hd.stream_id, frame->hd.type, lib_error_code});
    return 0;
  }

  static int OnInvalidFrame(nghttp2_session*, const nghttp2_frame* frame, int lib_error_code,
                            void* user_data) {
    Self(user_data)->events_.push_back(
        {kInvalidFrame, frame->hd.stream_id, frame->hd.type, lib_error_code});
    return 0;
  }

  static int OnFrameSent(nghttp2_session*, const nghttp2_frame* frame, void* user_data) {
    Self(user_data)->events_.push_back(
        {kFrameSent, frame->hd.stream_id, frame->hd.type, frame->hd.flags,
         frame->hd.type == NGHTTP2_GOAWAY ? static_cast<int32_t>(frame->goaway.error_code)
                                          : 0});
    return 0;
  }

  static ssize_t ReadData(nghttp2_session*, int32_t stream_id, uint8_t* buf, size_t length,
                          uint32_t* data_flags, nghttp2_data_source*, void* user_data) {
    Http2Session* s = Self(user_data);
    auto it = s->outbound_.find(stream_id);
    if (it == s->outbound_.end()) {
      *data_flags |= NGHTTP2_DATA_FLAG_EOF;
      return 0;
    }
    Outbound& out = it->second;
    size_t written = 0;
    while (written < length && !out.chunks.empty()) {
      std::string& front = out.chunks.front();
      size_t n = std::min(length - written, front.size() - out.offset);
      std::memcpy(buf + written, front.data() + out.offset, n);
      written += n;
      out.offset += n;
      if (out.offset == front.size()) {
        out.chunks.pop_front();
        out.offset = 0;
      }
    }
    if (out.chunks.empty() && out.ended) {
      *data_flags |= NGHTTP2_DATA_FLAG_EOF;
      if (out.want_trailers) {
        *data_flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
        out.want_trailers = false;
        s->events_.push_back({kWantTrailers, stream_id});
      }
      return static_cast<ssize_t>(written);
    }
    if (written == 0) return NGHTTP2_ERR_DEFERRED;
    return static_cast<ssize_t>(written);
  }

  nghttp2_session* session_ = nullptr;
  std::vector<std::string> pending_headers_;
  std::vector<Event> events_;
  double frames_received_ = 0;  // for perf_hooks' 'http2' entries
  std::map<int32_t, Outbound> outbound_;
};

// nghttp2's text for an error code.
void ErrorString(const v8::FunctionCallbackInfo<v8::Value>& args) {
  const char* text = nghttp2_strerror(Int32Arg(args, 0));
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), text));
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ =
      v8::FunctionTemplate::New(isolate, Http2Session::New);
  templ->SetClassName(OneByteString(isolate, "Http2Session"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  auto method = [&](const char* name, v8::FunctionCallback cb) {
    proto->Set(isolate, name, v8::FunctionTemplate::New(isolate, cb));
  };
  method("receive", Http2Session::Receive);
  method("send", Http2Session::Send);
  method("takeEvents", Http2Session::TakeEvents);
  method("settings", Http2Session::Settings);
  method("ping", Http2Session::Ping);
  method("goaway", Http2Session::Goaway);
  method("request", Http2Session::Request);
  method("respond", Http2Session::Respond);
  method("headers", Http2Session::Headers);
  method("trailers", Http2Session::Trailers);
  method("write", Http2Session::Write);
  method("rstStream", Http2Session::RstStream);
  method("priority", Http2Session::Priority);
  method("pushPromise", Http2Session::PushPromise);
  method("setNextStreamId", Http2Session::SetNextStreamId);
  method("setLocalWindowSize", Http2Session::SetLocalWindowSize);
  method("state", Http2Session::State);
  method("streamState", Http2Session::StreamState);
  method("settingsOf", Http2Session::SettingsOf);
  method("destroy", Http2Session::JsDestroy);
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("Http2Session", constructor);
  }
  target.Method("errorString", ErrorString);
}

}  // namespace skua::http2

SKUA_BINDING(http2, Initialize)
