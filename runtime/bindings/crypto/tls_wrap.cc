// The `tls_wrap` binding: TLSWrap, one OpenSSL SSL over a pair of memory BIOs. stdlib's
// TLSSocket feeds it the ciphertext its underlying socket reads (receive) and the
// cleartext the user writes (write, or writev for a corked batch: one record); the wrap
// answers through methods on its JS object:
// onciphertext(ab) (bytes for the socket), onsession(ab), onkeylog(ab),
// onhandshakedone(), oncertcb(servername), oncleartext(ab, offset, length),
// onclose() (close_notify), onerror(err) and onwritedone(status). The read-only
// connection info methods are in tls_wrap_info.cc.
//
// Direct streams: when the TLSSocket owns a plain TCP (or non-IPC pipe) handle,
// attachStream(handle) lets the wrap read that handle itself (readStart/readStop: libuv
// reads into one per-thread buffer, copied by BIO_write into OpenSSL) and write its
// records to it (uv_try_write, then uv_write of a copy for what the kernel did not take),
// as Node's TLSWrap does with its underlying StreamBase. No JS runs per ciphertext read
// or write; EOF and read errors still go to the handle's own `onread`, so the net.Socket
// under the TLSSocket ends or fails as before. write/writev return the cleartext byte
// count, or -1 - count while direct writes are still queued in libuv; onwritedone(status)
// reports when the last of them finished (status 0) or one failed (status < 0).
// detachStream() (before the socket ends or closes) hands both directions back to JS.
//
// Cleartext goes out as slices of a shared per-realm pool ArrayBuffer that SSL_read
// decrypts into (a new pool when less than a record's room is left), so a read costs no
// ArrayBuffer of its own, as Buffer.allocUnsafe's pool.
//
// Rules: every entry point first finishes its OpenSSL calls, collecting what happened,
// and only then calls into JS (so JS may re-enter or destroy() the wrap from any of those
// callbacks). OpenSSL's own callbacks never call JS, except the ALPN callback, which runs
// inside receive() on the same stack and only reads the answer. Calls that come from the
// loop (direct reads, write completions) enter JS through Realm::MakeCallback with the
// handle as receiver, as the handle's own onread would.
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <uv.h>

#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/bindings/crypto/secure_context.h"
#include "runtime/bindings/crypto/tls_wrap.h"
#include "runtime/core/realm.h"
#include "runtime/core/stream_base.h"
#include "runtime/core/v8_helpers.h"

namespace skua::tls_wrap {

namespace {

using crypto::Bytes;
using crypto::View;
using crypto::ViewOf;
using secure_context::SecureContext;
using Args = v8::FunctionCallbackInfo<v8::Value>;

// Marks a Maybe result as deliberately ignored (an exception is already pending in V8).
template <typename T>
void USE(T&&) {}

// Empties the thread's OpenSSL error queue, as SSL_get_error needs, when it holds
// anything: looking costs far less than clearing.
void ClearErrors() {
  if (ERR_peek_error() != 0) ERR_clear_error();
}

// The JS methods the wrap calls, in the order of kEventNames.
enum EventKind {
  kCiphertext, kSession, kKeylog, kHandshakeDone, kCertCb, kCleartext, kClose, kError,
  kWriteDone, kEventCount
};
constexpr const char* kEventNames[kEventCount] = {
    "onciphertext", "onsession", "onkeylog", "onhandshakedone", "oncertcb",
    "oncleartext", "onclose", "onerror", "onwritedone"};

// The largest plaintext of one TLS record: what one SSL_read can return.
constexpr size_t kMaxRecordPlaintext = 16384;
// Cleartext pool size; pools are replaced when less than a record's room is left.
constexpr size_t kPoolSize = 64 * 1024;
// The per-thread buffer direct reads land in (and ciphertext is staged in for writes).
constexpr size_t kIoBufferSize = 64 * 1024;

// Per-realm state: the method names, and the cleartext pool.
class TlsState : public BindingState {
 public:
  explicit TlsState(Realm* realm) : isolate_(realm->isolate()) {
    for (int i = 0; i < kEventCount; i++) {
      names_[i].Reset(isolate_, OneByteString(isolate_, kEventNames[i]));
    }
  }
  v8::Local<v8::String> Name(EventKind kind) { return names_[kind].Get(isolate_); }

  // Room for one record's plaintext in the pool (a new pool when the current one is
  // full or was detached by a transfer); sets *pool to it.
  uint8_t* Reserve(v8::Local<v8::ArrayBuffer>* pool) {
    if (!pool_.IsEmpty()) {
      *pool = pool_.Get(isolate_);
      if ((*pool)->ByteLength() == kPoolSize && used_ + kMaxRecordPlaintext <= kPoolSize) {
        return static_cast<uint8_t*>((*pool)->Data()) + used_;
      }
    }
    *pool = v8::ArrayBuffer::New(isolate_, kPoolSize);
    pool_.Reset(isolate_, *pool);
    used_ = 0;
    return static_cast<uint8_t*>((*pool)->Data());
  }
  size_t used() const { return used_; }
  // Keeps the next slice 8-byte aligned, as Buffer's pool does.
  void Commit(size_t n) { used_ += (n + 7) & ~size_t{7}; }

 private:
  v8::Isolate* isolate_;
  std::array<v8::Global<v8::String>, kEventCount> names_;
  v8::Global<v8::ArrayBuffer> pool_;
  size_t used_ = 0;
};

struct Event {
  Event() = default;
  explicit Event(EventKind k, Bytes d = {}, bool with_data = true)
      : kind(k), data(std::move(d)), has_data(with_data) {}

  EventKind kind = kError;
  Bytes data;            // Payload for the byte events.
  bool has_data = true;  // False for events without an argument.
  v8::Local<v8::ArrayBuffer> pool;  // kCleartext: the pool and the slice in it.
  size_t offset = 0;
  size_t length = 0;
  int status = 0;  // kWriteDone.
};

// A few events inline (a request's cycle produces one or two), more on the heap.
class EventList {
 public:
  void Add(Event&& e) {
    if (size_ < inline_.size()) {
      inline_[size_++] = std::move(e);
    } else {
      more_.push_back(std::move(e));
    }
  }
  size_t size() const { return size_ + more_.size(); }
  Event& operator[](size_t i) { return i < inline_.size() ? inline_[i] : more_[i - inline_.size()]; }

 private:
  std::array<Event, 4> inline_;
  size_t size_ = 0;
  std::vector<Event> more_;
};

class TLSWrap;

// Per-thread state of direct reads: which wrap reads each stream, and the buffer libuv
// reads into (its bytes are copied into the wrap's BIO before anything else runs).
struct DirectReads {
  std::unordered_map<uv_stream_t*, TLSWrap*> readers;
  std::unique_ptr<char[]> buffer{new char[kIoBufferSize]};
};
DirectReads& Readers() {
  static thread_local std::unique_ptr<DirectReads> state(new DirectReads);
  return *state;
}

// A direct write that libuv queued: its bytes, and the wrap's JS object, kept alive
// until the write completes.
struct DirectWrite {
  uv_write_t req;
  TLSWrap* wrap;  // Lifetime: alive while `object` holds its JS object.
  v8::Global<v8::Object> object;
  std::unique_ptr<char[]> data;
};

class TLSWrap : public BaseObject {
 public:
  TLSWrap(Realm* realm, v8::Local<v8::Object> object, SSL* ssl, bool is_server)
      : BaseObject(realm, object), ssl_(ssl), is_server_(is_server) {
    rbio_ = SSL_get_rbio(ssl);
    wbio_ = SSL_get_wbio(ssl);
  }
  ~TLSWrap() override {
    // May run inside a GC callback: no V8 or libuv calls, only forgetting the stream.
    ForgetReader();
    if (ssl_ != nullptr) SSL_free(ssl_);
  }

  void Free() {
    DetachStream();
    if (ssl_ != nullptr) SSL_free(ssl_);  // Frees both BIOs.
    ssl_ = nullptr;
  }

  static TLSWrap* From(SSL* ssl) {
    return static_cast<TLSWrap*>(SSL_get_ex_data(ssl, secure_context::TlsWrapIndex()));
  }
  static TLSWrap* Self(const Args& args) {
    TLSWrap* w = Unwrap<TLSWrap>(args.This());
    CHECK(w != nullptr);
    return w;
  }

  static void InstallContextCallbacks(SSL_CTX* ctx) {
    SSL_CTX_sess_set_new_cb(ctx, OnNewSession);
    SSL_CTX_set_keylog_callback(ctx, OnKeylog);
    SSL_CTX_set_alpn_select_cb(ctx, OnAlpnSelect, nullptr);
  }

  // new TLSWrap(secureContext, isServer).
  static void New(const Args& args) {
    SecureContext* sc = SecureContext::From(args[0]);
    CHECK(sc != nullptr);
    InstallContextCallbacks(sc->ctx());
    SSL* ssl = SSL_new(sc->ctx());
    if (ssl == nullptr) return crypto::ThrowOpenSsl(args.GetIsolate(), "SSL_new failed");
    bool is_server = args[1]->IsTrue();
    SSL_set_bio(ssl, BIO_new(BIO_s_mem()), BIO_new(BIO_s_mem()));
    if (is_server) {
      SSL_set_accept_state(ssl);
    } else {
      SSL_set_connect_state(ssl);
    }
    // Verification failures never abort the handshake: stdlib reads verifyError() and
    // decides (rejectUnauthorized), as Node does.
    SSL_set_verify(ssl, SSL_VERIFY_NONE, [](int, X509_STORE_CTX*) { return 1; });
    auto* wrap = new TLSWrap(Realm::From(args.GetIsolate()), args.This(), ssl, is_server);
    SSL_set_ex_data(ssl, secure_context::TlsWrapIndex(), wrap);
  }

  // Runs the state machine on whatever input is buffered, then reports. `from_loop`:
  // called from a libuv callback rather than from JS.
  void Cycle(v8::Isolate* isolate, bool from_loop = false) {
    if (ssl_ == nullptr) return;
    EventList events;
    v8::Local<v8::Value> error;
    bool failed = false;
    // Once per cycle: SSL_get_error reads the thread's error queue, which holds nothing
    // of ours between calls (every failure below ends the cycle).
    ClearErrors();
    bool finished_now = false;
    if (!handshake_done_ && !cert_cb_pending_) {
      int r = SSL_do_handshake(ssl_);
      if (r == 1) {
        handshake_done_ = true;
        finished_now = true;
        events.Add(Event(kHandshakeDone, {}, false));
      } else {
        int e = SSL_get_error(ssl_, r);
        if (e == SSL_ERROR_WANT_X509_LOOKUP) {
          cert_cb_pending_ = true;
          const char* name = SSL_get_servername(ssl_, TLSEXT_NAMETYPE_host_name);
          std::string s = name ? name : "";
          events.Add(Event(kCertCb, Bytes(s.begin(), s.end())));
        } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
          failed = true;
          error = crypto::ToJsError(isolate, crypto::JobError::FromOpenSsl("TLS handshake failed"));
        }
      }
    }
    if (handshake_done_ && !failed) ReadCleartext(isolate, &events, &failed, &error);
    Emit(isolate, &events, failed, error, from_loop, finished_now && !is_server_ && !failed);
  }

  // SSL_read straight into the cleartext pool, record by record, until OpenSSL has
  // nothing buffered.
  void ReadCleartext(v8::Isolate* isolate, EventList* events, bool* failed,
                     v8::Local<v8::Value>* error) {
    TlsState* state = realm()->binding_state<TlsState>();
    for (;;) {
      v8::Local<v8::ArrayBuffer> pool;
      uint8_t* out = state->Reserve(&pool);
      int n = SSL_read(ssl_, out, static_cast<int>(kMaxRecordPlaintext));
      if (n > 0) {
        Event e{kCleartext};
        e.pool = pool;
        e.offset = state->used();
        e.length = static_cast<size_t>(n);
        events->Add(std::move(e));
        state->Commit(static_cast<size_t>(n));
        // Nothing buffered in the BIO or the SSL: another SSL_read would only say so.
        if (BIO_ctrl_pending(rbio_) == 0 && SSL_has_pending(ssl_) == 0) return;
        continue;
      }
      int e = SSL_get_error(ssl_, n);
      if (e == SSL_ERROR_ZERO_RETURN) {
        if (!close_notified_) events->Add(Event(kClose, {}, false));
        close_notified_ = true;
      } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
        *failed = true;
        *error = crypto::ToJsError(isolate, crypto::JobError::FromOpenSsl("TLS read failed"));
      }
      return;
    }
  }

  // Ciphertext first (so alerts and Finished reach the peer before anything the JS side
  // does about them), then the queued OpenSSL callbacks, then the state changes.
  // `hold_ciphertext`: a client that has just finished its handshake sends its Finished
  // after the JS side has run, so the requests written on 'secureConnect' leave in the same
  // segment (as in Node) rather than in a second small one that Nagle's algorithm holds
  // until the server's delayed ACK (about 40 ms on each new https connection).
  void Emit(v8::Isolate* isolate, EventList* events, bool failed, v8::Local<v8::Value> error,
            bool from_loop, bool hold_ciphertext = false) {
    EventList all;
    if (ssl_ != nullptr && !hold_ciphertext) FlushCiphertext(isolate, &all);
    for (Event& e : queued_) all.Add(std::move(e));
    queued_.clear();
    for (size_t i = 0; i < events->size(); i++) all.Add(std::move((*events)[i]));
    if (failed) {
      Event e{kError, {}, false};
      all.Add(std::move(e));
    }
    bool ok = Dispatch(isolate, &all, error, from_loop);
    if (hold_ciphertext && ssl_ != nullptr) {
      EventList late;
      FlushCiphertext(isolate, &late);
      if (ok) Dispatch(isolate, &late, error, from_loop);
    }
  }

  // Calls the JS handler of each event in order; false when one threw.
  bool Dispatch(v8::Isolate* isolate, EventList* events, v8::Local<v8::Value> error,
                bool from_loop) {
    v8::Local<v8::Context> context = realm()->context();
    v8::Local<v8::Object> self = object();
    // Calls from the loop use the handle as receiver (its async context, as its own
    // onread had); the wrap's methods are arrow functions that ignore `this`.
    v8::Local<v8::Object> recv = self;
    if (from_loop) {
      v8::Local<v8::Object> handle;
      if (StreamObject(isolate).ToLocal(&handle)) recv = handle;
    }
    TlsState* state = realm()->binding_state<TlsState>();
    for (size_t i = 0; i < events->size(); i++) {
      Event& e = (*events)[i];
      v8::Local<v8::Value> fn;
      if (!self->Get(context, state->Name(e.kind)).ToLocal(&fn)) return false;
      if (!fn->IsFunction()) continue;
      v8::Local<v8::Value> argv[3];
      int argc = 0;
      if (e.kind == kCleartext) {
        argv[0] = e.pool;
        argv[1] = v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(e.offset));
        argv[2] = v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(e.length));
        argc = 3;
      } else if (e.kind == kError) {
        argv[0] = error;
        argc = 1;
      } else if (e.kind == kWriteDone) {
        argv[0] = v8::Integer::New(isolate, e.status);
        argc = 1;
      } else if (e.has_data) {
        argv[0] = crypto::AdoptArrayBuffer(isolate, std::move(e.data));
        argc = 1;
      }
      v8::Local<v8::Value> ignored;
      bool ok = from_loop
                    ? realm()->MakeCallback(fn.As<v8::Function>(), recv, argc, argv).ToLocal(&ignored)
                    : fn.As<v8::Function>()->Call(context, self, argc, argv).ToLocal(&ignored);
      if (!ok) return false;
    }
    return true;
  }

  // What OpenSSL wrote: straight to the attached stream, or as an onciphertext event.
  void FlushCiphertext(v8::Isolate* isolate, EventList* events) {
    size_t pending = BIO_ctrl_pending(wbio_);
    if (pending == 0) return;
    LibuvStreamWrap* stream = WritableStream(isolate);
    if (stream == nullptr) {
      Bytes out(pending);
      BIO_read(wbio_, out.data(), static_cast<int>(pending));
      events->Add(Event(kCiphertext, std::move(out)));
      return;
    }
    char* scratch = Readers().buffer.get();
    while (pending > 0) {
      size_t n = pending < kIoBufferSize ? pending : kIoBufferSize;
      BIO_read(wbio_, scratch, static_cast<int>(n));
      pending -= n;
      int err = WriteToStream(isolate, stream->stream(), scratch, n);
      if (err < 0) {
        // The socket is gone (EPIPE, ECONNRESET): drop the rest; JS destroys it.
        (void)BIO_reset(wbio_);
        Event e{kWriteDone, {}, false};
        e.status = err;
        events->Add(std::move(e));
        return;
      }
    }
  }

  // Writes `data` (borrowed) to the stream: what the kernel takes now, and a copy of the
  // rest queued behind whatever libuv already holds. 0 or a negative uv error.
  int WriteToStream(v8::Isolate* isolate, uv_stream_t* stream, const char* data, size_t size) {
    size_t done = 0;
    if (uv_stream_get_write_queue_size(stream) == 0) {
      uv_buf_t buf = uv_buf_init(const_cast<char*>(data), static_cast<unsigned int>(size));
      int n = uv_try_write(stream, &buf, 1);
      if (n < 0 && n != UV_EAGAIN && n != UV_ENOSYS) return n;
      if (n > 0) done = static_cast<size_t>(n);
    }
    if (done == size) return 0;
    auto* write = new DirectWrite();
    write->wrap = this;
    write->object.Reset(isolate, object());
    write->data.reset(new char[size - done]);
    memcpy(write->data.get(), data + done, size - done);
    write->req.data = write;
    uv_buf_t buf = uv_buf_init(write->data.get(), static_cast<unsigned int>(size - done));
    int err = uv_write(&write->req, stream, &buf, 1, OnDirectWrite);
    if (err < 0) {
      delete write;
      return err;
    }
    writes_in_flight_++;
    return 0;
  }

  static void OnDirectWrite(uv_write_t* req, int status) {
    std::unique_ptr<DirectWrite> write(static_cast<DirectWrite*>(req->data));
    TLSWrap* w = write->wrap;
    w->writes_in_flight_--;
    if (status == 0 && w->writes_in_flight_ > 0) return;
    Realm* realm = w->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Context::Scope context_scope(realm->context());
    v8::Local<v8::Object> self = w->object();
    v8::Local<v8::Value> fn;
    if (!self->Get(realm->context(), realm->binding_state<TlsState>()->Name(kWriteDone))
             .ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    v8::Local<v8::Object> recv = self;
    v8::Local<v8::Object> handle;
    if (w->StreamObject(isolate).ToLocal(&handle)) recv = handle;
    v8::Local<v8::Value> arg = v8::Integer::New(isolate, status);
    (void)realm->MakeCallback(fn.As<v8::Function>(), recv, 1, &arg);
  }

  // The attached handle's JS object, empty when none.
  v8::MaybeLocal<v8::Object> StreamObject(v8::Isolate* isolate) {
    if (stream_object_.IsEmpty()) return {};
    return stream_object_.Get(isolate);
  }
  // The attached stream while it is open, else nullptr.
  LibuvStreamWrap* Stream(v8::Isolate* isolate) {
    v8::Local<v8::Object> handle;
    if (!StreamObject(isolate).ToLocal(&handle)) return nullptr;
    auto* stream = Unwrap<LibuvStreamWrap>(handle);
    return stream != nullptr && stream->IsAlive() ? stream : nullptr;
  }
  LibuvStreamWrap* WritableStream(v8::Isolate* isolate) {
    LibuvStreamWrap* stream = Stream(isolate);
    return stream != nullptr && uv_is_writable(stream->stream()) ? stream : nullptr;
  }

  // attachStream(handle): true when the wrap now reads and writes it directly.
  bool AttachStream(v8::Isolate* isolate, v8::Local<v8::Value> value) {
    auto* stream = Unwrap<LibuvStreamWrap>(value);
    if (stream == nullptr || !stream->IsAlive() || ssl_ == nullptr) return false;
    uv_handle_type type = stream->uv_handle()->type;
    bool ipc = type == UV_NAMED_PIPE && reinterpret_cast<uv_pipe_t*>(stream->stream())->ipc;
    if ((type != UV_TCP && type != UV_NAMED_PIPE) || ipc) return false;
    stream_object_.Reset(isolate, value.As<v8::Object>());
    return true;
  }

  int ReadStart(v8::Isolate* isolate) {
    LibuvStreamWrap* stream = Stream(isolate);
    if (stream == nullptr) return UV_EBADF;
    uv_stream_t* s = stream->stream();
    // The handle may be reading for its own onread: take the reads over.
    if (reading_ != s) uv_read_stop(s);
    int err = uv_read_start(s, OnDirectAlloc, OnDirectRead);
    if (err == UV_EALREADY) err = 0;
    if (err == 0) {
      reading_ = s;
      read_active_ = true;
      Readers().readers[s] = this;
    }
    return err;
  }

  int ReadStop(v8::Isolate* isolate) {
    LibuvStreamWrap* stream = Stream(isolate);
    if (stream == nullptr) return UV_EBADF;
    read_active_ = false;
    return uv_read_stop(stream->stream());
  }

  // Stops direct reads and writes; true when the wrap was reading (JS then restarts the
  // handle's own reads).
  bool DetachStream() {
    if (stream_object_.IsEmpty()) return false;
    v8::Isolate* isolate = realm()->isolate();
    v8::HandleScope scope(isolate);
    LibuvStreamWrap* stream = Stream(isolate);
    bool was_reading = false;
    if (stream != nullptr && reading_ == stream->stream()) {
      was_reading = read_active_;
      uv_read_stop(stream->stream());
    }
    ForgetReader();
    read_active_ = false;
    stream_object_.Reset();
    return was_reading;
  }

  void ForgetReader() {
    if (reading_ == nullptr) return;
    auto& readers = Readers().readers;
    auto it = readers.find(reading_);
    if (it != readers.end() && it->second == this) readers.erase(it);
    reading_ = nullptr;
  }

  static void OnDirectAlloc(uv_handle_t*, size_t, uv_buf_t* buf) {
    *buf = uv_buf_init(Readers().buffer.get(), static_cast<unsigned int>(kIoBufferSize));
  }

  static void OnDirectRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
    if (nread == 0) return;  // EAGAIN.
    auto& readers = Readers().readers;
    auto it = readers.find(stream);
    if (it == readers.end()) {
      uv_read_stop(stream);  // Its wrap is gone (detached streams never get here).
      return;
    }
    TLSWrap* w = it->second;
    Realm* realm = w->realm();
    v8::Isolate* isolate = realm->isolate();
    v8::HandleScope scope(isolate);
    v8::Context::Scope context_scope(realm->context());
    if (nread < 0) return w->DeliverReadEnd(isolate, nread);
    if (w->ssl_ == nullptr) return;
    BIO_write(w->rbio_, buf->base, static_cast<int>(nread));
    w->Cycle(isolate, true);
  }

  // EOF or a read error: the handle's own onread(nread, undefined), as LibuvStreamWrap
  // calls it.
  void DeliverReadEnd(v8::Isolate* isolate, ssize_t nread) {
    v8::Local<v8::Object> handle;
    if (!StreamObject(isolate).ToLocal(&handle)) return;
    v8::Local<v8::Value> onread;
    if (!handle->Get(realm()->context(), OneByteString(isolate, "onread")).ToLocal(&onread) ||
        !onread->IsFunction()) {
      return;
    }
    v8::Local<v8::Value> argv[2] = {v8::Number::New(isolate, static_cast<double>(nread)),
                                    v8::Undefined(isolate)};
    (void)realm()->MakeCallback(onread.As<v8::Function>(), handle, 2, argv);
  }

  static int OnNewSession(SSL* ssl, SSL_SESSION* session) {
    TLSWrap* w = From(ssl);
    if (w == nullptr || w->is_server_) return 0;
    int len = i2d_SSL_SESSION(session, nullptr);
    if (len <= 0) return 0;
    Bytes bytes(len);
    unsigned char* p = bytes.data();
    i2d_SSL_SESSION(session, &p);
    w->queued_.push_back(Event(kSession, std::move(bytes)));
    return 0;  // We keep no reference.
  }

  static void OnKeylog(const SSL* ssl, const char* line) {
    TLSWrap* w = From(const_cast<SSL*>(ssl));
    if (w == nullptr || !w->keylog_) return;
    std::string s(line);
    s += '\n';
    w->queued_.push_back(Event(kKeylog, Bytes(s.begin(), s.end())));
  }

  static int OnCert(SSL* ssl, void*) {
    TLSWrap* w = From(ssl);
    if (w == nullptr || w->cert_cb_done_) return 1;
    return -1;  // Pause: stdlib picks a context (SNICallback) and calls certCbDone().
  }

  static int OnAlpnSelect(SSL* ssl, const unsigned char** out, unsigned char* outlen,
                          const unsigned char* in, unsigned int inlen, void*) {
    TLSWrap* w = From(ssl);
    if (w == nullptr || w->alpn_.empty()) return SSL_TLSEXT_ERR_NOACK;
    unsigned char* selected = nullptr;
    int r = SSL_select_next_proto(&selected, outlen, w->alpn_.data(),
                                  static_cast<unsigned>(w->alpn_.size()), in, inlen);
    if (r != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_ALERT_FATAL;
    *out = selected;
    return SSL_TLSEXT_ERR_OK;
  }

  SSL* ssl_;
  BIO* rbio_;  // Lifetime: owned by ssl_ (SSL_set_bio).
  BIO* wbio_;
  bool is_server_;
  bool handshake_done_ = false;
  bool cert_cb_pending_ = false;
  bool cert_cb_done_ = false;
  bool close_notified_ = false;
  bool keylog_ = false;
  Bytes alpn_;  // Wire format; on a server, the protocols it accepts.
  std::vector<Event> queued_;
  // Direct stream: the handle's JS object (its C++ side is looked up on each use, as it
  // may close at any time), the stream while our callbacks read it, and the number of
  // direct writes libuv still holds.
  v8::Global<v8::Object> stream_object_;
  uv_stream_t* reading_ = nullptr;  // Lifetime: valid while stream_object_'s handle is open.
  bool read_active_ = false;
  int writes_in_flight_ = 0;
};

// receive(ciphertext).
void Receive(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  View v = ViewOf(args[0]);
  BIO_write(w->rbio_, v.data, static_cast<int>(v.size));
  w->Cycle(args.GetIsolate());
}

// start(): the client's ClientHello, or a server's first step.
void Start(const Args& args) { TLSWrap::Self(args)->Cycle(args.GetIsolate()); }

// Encrypts everything (memory BIOs never refuse bytes), then reports. Returns what
// write/writev return (see the top of the file).
double EncryptAndEmit(v8::Isolate* isolate, TLSWrap* w, const uint8_t* data, size_t size) {
  bool failed = false;
  v8::Local<v8::Value> error;
  if (size > 0) {
    ClearErrors();
    int n = SSL_write(w->ssl_, data, static_cast<int>(size));
    if (n <= 0) {
      failed = true;
      error = crypto::ToJsError(isolate, crypto::JobError::FromOpenSsl("TLS write failed"));
    }
  }
  EventList none;
  w->Emit(isolate, &none, failed, error, false);
  double count = static_cast<double>(size);
  return w->writes_in_flight_ > 0 ? -1 - count : count;
}

// write(cleartext).
void Write(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  View v = ViewOf(args[0]);
  args.GetReturnValue().Set(EncryptAndEmit(args.GetIsolate(), w, v.data, v.size));
}

// writev(chunk0, latin1_0, chunk1, latin1_1, ...): the chunks (views, or strings taken
// as Latin-1 when the flag is true, else UTF-8) joined into one SSL_write, so a corked
// write becomes one TLS record without a joined Buffer in JS. The chunks come as
// arguments (stdlib spreads its list): reading them costs nothing, where each element
// of an array would be a slow Object::Get.
void Writev(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  int count = args.Length() / 2;
  auto chunk = [&](int i) { return args[2 * i]; };
  auto latin1 = [&](int i) { return args[2 * i + 1]->IsTrue(); };
  size_t total = 0;
  for (int i = 0; i < count; i++) {
    v8::Local<v8::Value> c = chunk(i);
    if (c->IsString()) {
      v8::Local<v8::String> str = c.As<v8::String>();
      total += latin1(i) ? str->Length() : str->Utf8Length(isolate);
    } else {
      total += ViewOf(c).size;
    }
  }
  uint8_t stack[16384];
  Bytes heap;
  uint8_t* out = stack;
  if (total > sizeof(stack)) {
    heap.resize(total);
    out = heap.data();
  }
  size_t offset = 0;
  for (int i = 0; i < count; i++) {
    v8::Local<v8::Value> c = chunk(i);
    if (!c->IsString()) {
      View v = ViewOf(c);
      if (v.size > 0) memcpy(out + offset, v.data, v.size);
      offset += v.size;
    } else if (latin1(i)) {
      offset += c.As<v8::String>()->WriteOneByte(isolate, out + offset, 0, -1,
                                                 v8::String::NO_NULL_TERMINATION);
    } else {
      offset += c.As<v8::String>()->WriteUtf8(
          isolate, reinterpret_cast<char*>(out + offset), static_cast<int>(total - offset),
          nullptr, v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    }
  }
  args.GetReturnValue().Set(EncryptAndEmit(isolate, w, out, offset));
}

// shutdown(): queues close_notify.
void Shutdown(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr || !w->handshake_done_) return;
  SSL_shutdown(w->ssl_);
  ERR_clear_error();
  EventList none;
  w->Emit(args.GetIsolate(), &none, false, {}, false);
}

void Destroy(const Args& args) { TLSWrap::Self(args)->Free(); }

// attachStream(handle), readStart(), readStop(), detachStream(): see the top of the file.
void AttachStream(const Args& args) {
  args.GetReturnValue().Set(TLSWrap::Self(args)->AttachStream(args.GetIsolate(), args[0]));
}
void ReadStart(const Args& args) {
  args.GetReturnValue().Set(TLSWrap::Self(args)->ReadStart(args.GetIsolate()));
}
void ReadStop(const Args& args) {
  args.GetReturnValue().Set(TLSWrap::Self(args)->ReadStop(args.GetIsolate()));
}
void DetachStream(const Args& args) {
  args.GetReturnValue().Set(TLSWrap::Self(args)->DetachStream());
}

void SetServername(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  std::string name = ToUtf8(args.GetIsolate(), args[0]);
  SSL_set_tlsext_host_name(w->ssl_, name.c_str());
}

// setALPNProtocols(wire): a client offers these; a server accepts these.
void SetALPNProtocols(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  w->alpn_ = crypto::CopyOf(args[0]);
  if (!w->is_server_) {
    SSL_set_alpn_protos(w->ssl_, w->alpn_.data(), static_cast<unsigned>(w->alpn_.size()));
  }
}

// setVerifyMode(requestCert, rejectUnauthorized): a server asking for client certificates.
void SetVerifyMode(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  int mode = SSL_VERIFY_NONE;
  if (args[0]->IsTrue()) {
    mode = SSL_VERIFY_PEER;
    if (args[1]->IsTrue()) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  }
  SSL_set_verify(w->ssl_, mode, [](int, X509_STORE_CTX*) { return 1; });
}

void SetSession(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  View v = ViewOf(args[0]);
  const unsigned char* p = v.data;
  SSL_SESSION* session = d2i_SSL_SESSION(nullptr, &p, static_cast<long>(v.size));
  if (session == nullptr) return crypto::ThrowOpenSsl(args.GetIsolate(), "Bad session");
  SSL_set_session(w->ssl_, session);
  SSL_SESSION_free(session);
}

void GetSession(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  SSL_SESSION* session = w->ssl_ ? SSL_get_session(w->ssl_) : nullptr;
  if (session == nullptr) return;
  int len = i2d_SSL_SESSION(session, nullptr);
  if (len <= 0) return;
  Bytes bytes(len);
  unsigned char* p = bytes.data();
  i2d_SSL_SESSION(session, &p);
  args.GetReturnValue().Set(crypto::AdoptArrayBuffer(args.GetIsolate(), std::move(bytes)));
}

void IsSessionReused(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  args.GetReturnValue().Set(w->ssl_ != nullptr && SSL_session_reused(w->ssl_) == 1);
}

void EnableCertCb(const Args& args) {
  SSL_set_cert_cb(TLSWrap::Self(args)->ssl_, TLSWrap::OnCert, nullptr);
}

// setSecureContext(sc): SNI's choice, before certCbDone().
void SetSecureContext(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  SecureContext* sc = SecureContext::From(args[0]);
  CHECK(sc != nullptr);
  if (w->ssl_ == nullptr) return;
  TLSWrap::InstallContextCallbacks(sc->ctx());
  SSL_set_SSL_CTX(w->ssl_, sc->ctx());
  // A context without a certificate cannot serve: it stays in place (the handshake then
  // fails with an alert) and OpenSSL's own error says why, as Node reports it.
  if (SSL_CTX_get0_certificate(sc->ctx()) == nullptr) {
    ERR_clear_error();
    SSL_use_certificate(w->ssl_, nullptr);
    return crypto::ThrowOpenSsl(args.GetIsolate(), "Invalid SNI context");
  }
}

void CertCbDone(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  w->cert_cb_done_ = true;
  w->cert_cb_pending_ = false;
  w->Cycle(args.GetIsolate());
}

void EnableKeylog(const Args& args) { TLSWrap::Self(args)->keylog_ = true; }

}  // namespace

SSL* SslOf(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return TLSWrap::Self(args)->ssl_;
}

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> t = crypto::NewClass(target, "TLSWrap", TLSWrap::New);
  crypto::SetProto(isolate, t, "receive", Receive);
  crypto::SetProto(isolate, t, "start", Start);
  crypto::SetProto(isolate, t, "write", Write);
  crypto::SetProto(isolate, t, "writev", Writev);
  crypto::SetProto(isolate, t, "shutdown", Shutdown);
  crypto::SetProto(isolate, t, "destroy", Destroy);
  crypto::SetProto(isolate, t, "attachStream", AttachStream);
  crypto::SetProto(isolate, t, "readStart", ReadStart);
  crypto::SetProto(isolate, t, "readStop", ReadStop);
  crypto::SetProto(isolate, t, "detachStream", DetachStream);
  crypto::SetProto(isolate, t, "setServername", SetServername);
  crypto::SetProto(isolate, t, "setALPNProtocols", SetALPNProtocols);
  crypto::SetProto(isolate, t, "setVerifyMode", SetVerifyMode);
  crypto::SetProto(isolate, t, "setSession", SetSession);
  crypto::SetProto(isolate, t, "getSession", GetSession);
  crypto::SetProto(isolate, t, "isSessionReused", IsSessionReused);
  crypto::SetProto(isolate, t, "enableCertCb", EnableCertCb);
  crypto::SetProto(isolate, t, "setSecureContext", SetSecureContext);
  crypto::SetProto(isolate, t, "certCbDone", CertCbDone);
  crypto::SetProto(isolate, t, "enableKeylog", EnableKeylog);
  InitializeInfo(target, t);
  crypto::ExposeClass(target, "TLSWrap", t);
}

}  // namespace skua::tls_wrap

SKUA_BINDING(tls_wrap, Initialize)
