// The `tls_wrap` binding: TLSWrap, one OpenSSL SSL over a pair of memory BIOs. stdlib's
// TLSSocket feeds it the ciphertext its underlying socket reads (receive) and the
// cleartext the user writes (write, or writev for a corked batch: one record); the wrap
// answers through methods on its JS object:
// onciphertext(ab) (bytes for the socket), onsession(ab), onkeylog(ab),
// onhandshakedone(), oncertcb(servername), oncleartext(ab), onclose() (close_notify) and
// onerror(err).
//
// Rules: every entry point first finishes its OpenSSL calls, collecting what happened,
// and only then calls into JS (so JS may re-enter or destroy() the wrap from any of those
// callbacks). OpenSSL's own callbacks never call JS, except the ALPN callback, which runs
// inside receive() on the same stack and only reads the answer.
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cstring>
#include <string>
#include <vector>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/bindings/crypto/secure_context.h"
#include "runtime/core/realm.h"
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

struct Event {
  const char* method;
  Bytes data;
  bool has_data = true;
};

class TLSWrap : public BaseObject {
 public:
  TLSWrap(Realm* realm, v8::Local<v8::Object> object, SSL* ssl, bool is_server)
      : BaseObject(realm, object), ssl_(ssl), is_server_(is_server) {}
  ~TLSWrap() override { Free(); }

  void Free() {
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

  // Runs the state machine on whatever input is buffered, then reports.
  void Cycle(v8::Isolate* isolate) {
    if (ssl_ == nullptr) return;
    std::vector<Event> events;
    v8::Local<v8::Value> error;
    bool failed = false;
    if (!handshake_done_ && !cert_cb_pending_) {
      ERR_clear_error();
      int r = SSL_do_handshake(ssl_);
      if (r == 1) {
        handshake_done_ = true;
        events.push_back({"onhandshakedone", {}, false});
      } else {
        int e = SSL_get_error(ssl_, r);
        if (e == SSL_ERROR_WANT_X509_LOOKUP) {
          cert_cb_pending_ = true;
          const char* name = SSL_get_servername(ssl_, TLSEXT_NAMETYPE_host_name);
          std::string s = name ? name : "";
          events.push_back({"oncertcb", Bytes(s.begin(), s.end())});
        } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
          failed = true;
          error = crypto::ToJsError(isolate, crypto::JobError::FromOpenSsl("TLS handshake failed"));
        }
      }
    }
    if (handshake_done_ && !failed) ReadCleartext(isolate, &events, &failed, &error);
    Emit(isolate, std::move(events), failed, error);
  }

  void ReadCleartext(v8::Isolate* isolate, std::vector<Event>* events, bool* failed,
                     v8::Local<v8::Value>* error) {
    uint8_t buf[16384];
    for (;;) {
      ERR_clear_error();
      int n = SSL_read(ssl_, buf, sizeof(buf));
      if (n > 0) {
        events->push_back({"oncleartext", Bytes(buf, buf + n)});
        continue;
      }
      int e = SSL_get_error(ssl_, n);
      if (e == SSL_ERROR_ZERO_RETURN) {
        if (!close_notified_) events->push_back({"onclose", {}, false});
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
  void Emit(v8::Isolate* isolate, std::vector<Event> events, bool failed,
            v8::Local<v8::Value> error) {
    std::vector<Event> all;
    if (ssl_ != nullptr) {
      BIO* wbio = SSL_get_wbio(ssl_);
      size_t pending = BIO_ctrl_pending(wbio);
      if (pending > 0) {
        Bytes out(pending);
        BIO_read(wbio, out.data(), static_cast<int>(pending));
        all.push_back({"onciphertext", std::move(out)});
      }
    }
    for (Event& e : queued_) all.push_back(std::move(e));
    queued_.clear();
    for (Event& e : events) all.push_back(std::move(e));
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    v8::Local<v8::Object> self = object();
    for (Event& e : all) {
      if (!Call(isolate, context, self, e)) return;
    }
    if (failed) {
      v8::Local<v8::Value> fn;
      if (!self->Get(context, OneByteString(isolate, "onerror")).ToLocal(&fn)) return;
      if (fn->IsFunction()) USE(fn.As<v8::Function>()->Call(context, self, 1, &error));
    }
  }

  static bool Call(v8::Isolate* isolate, v8::Local<v8::Context> context,
                   v8::Local<v8::Object> self, Event& e) {
    v8::Local<v8::Value> fn;
    if (!self->Get(context, OneByteString(isolate, e.method)).ToLocal(&fn)) return false;
    if (!fn->IsFunction()) return true;
    v8::Local<v8::Value> arg = v8::Undefined(isolate);
    if (e.has_data) arg = crypto::AdoptArrayBuffer(isolate, std::move(e.data));
    v8::Local<v8::Value> ignored;
    return fn.As<v8::Function>()->Call(context, self, e.has_data ? 1 : 0, &arg).ToLocal(&ignored);
  }

  static int OnNewSession(SSL* ssl, SSL_SESSION* session) {
    TLSWrap* w = From(ssl);
    if (w == nullptr || w->is_server_) return 0;
    int len = i2d_SSL_SESSION(session, nullptr);
    if (len <= 0) return 0;
    Bytes bytes(len);
    unsigned char* p = bytes.data();
    i2d_SSL_SESSION(session, &p);
    w->queued_.push_back({"onsession", std::move(bytes)});
    return 0;  // We keep no reference.
  }

  static void OnKeylog(const SSL* ssl, const char* line) {
    TLSWrap* w = From(const_cast<SSL*>(ssl));
    if (w == nullptr || !w->keylog_) return;
    std::string s(line);
    s += '\n';
    w->queued_.push_back({"onkeylog", Bytes(s.begin(), s.end())});
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
  bool is_server_;
  bool handshake_done_ = false;
  bool cert_cb_pending_ = false;
  bool cert_cb_done_ = false;
  bool close_notified_ = false;
  bool keylog_ = false;
  Bytes alpn_;  // Wire format; on a server, the protocols it accepts.
  std::vector<Event> queued_;
};

// receive(ciphertext).
void Receive(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  View v = ViewOf(args[0]);
  BIO_write(SSL_get_rbio(w->ssl_), v.data, static_cast<int>(v.size));
  w->Cycle(args.GetIsolate());
}

// start(): the client's ClientHello, or a server's first step.
void Start(const Args& args) { TLSWrap::Self(args)->Cycle(args.GetIsolate()); }

// Encrypts everything (memory BIOs never refuse bytes), then reports.
void EncryptAndEmit(v8::Isolate* isolate, TLSWrap* w, const uint8_t* data, size_t size) {
  bool failed = false;
  v8::Local<v8::Value> error;
  if (size > 0) {
    ERR_clear_error();
    int n = SSL_write(w->ssl_, data, static_cast<int>(size));
    if (n <= 0) {
      failed = true;
      error = crypto::ToJsError(isolate, crypto::JobError::FromOpenSsl("TLS write failed"));
    }
  }
  w->Emit(isolate, {}, failed, error);
}

// write(cleartext).
void Write(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  View v = ViewOf(args[0]);
  EncryptAndEmit(args.GetIsolate(), w, v.data, v.size);
}

// writev([chunk0, latin1_0, chunk1, latin1_1, ...]): the chunks (views, or strings taken
// as Latin-1 when the flag is true, else UTF-8) joined into one SSL_write, so a corked
// write becomes one TLS record without a joined Buffer in JS. Returns the cleartext byte
// count (what bytesWritten adds).
void Writev(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  CHECK(args[0]->IsArray());
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> list = args[0].As<v8::Array>();
  uint32_t count = list->Length() / 2;
  std::vector<v8::Local<v8::Value>> chunks(count);
  std::vector<bool> latin1(count);
  size_t total = 0;
  for (uint32_t i = 0; i < count; i++) {
    v8::Local<v8::Value> flag;
    if (!list->Get(context, 2 * i).ToLocal(&chunks[i]) ||
        !list->Get(context, 2 * i + 1).ToLocal(&flag)) {
      return;
    }
    latin1[i] = flag->IsTrue();
    if (chunks[i]->IsString()) {
      v8::Local<v8::String> str = chunks[i].As<v8::String>();
      total += latin1[i] ? str->Length() : str->Utf8Length(isolate);
    } else {
      total += ViewOf(chunks[i]).size;
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
  for (uint32_t i = 0; i < count; i++) {
    if (!chunks[i]->IsString()) {
      View v = ViewOf(chunks[i]);
      if (v.size > 0) memcpy(out + offset, v.data, v.size);
      offset += v.size;
    } else if (latin1[i]) {
      offset += chunks[i].As<v8::String>()->WriteOneByte(isolate, out + offset, 0, -1,
                                                          v8::String::NO_NULL_TERMINATION);
    } else {
      offset += chunks[i].As<v8::String>()->WriteUtf8(
          isolate, reinterpret_cast<char*>(out + offset), static_cast<int>(total - offset),
          nullptr, v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    }
  }
  args.GetReturnValue().Set(static_cast<double>(offset));
  EncryptAndEmit(isolate, w, out, offset);
}

// shutdown(): queues close_notify.
void Shutdown(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr || !w->handshake_done_) return;
  SSL_shutdown(w->ssl_);
  ERR_clear_error();
  w->Emit(args.GetIsolate(), {}, false, {});
}

void Destroy(const Args& args) { TLSWrap::Self(args)->Free(); }

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

// getPeerCertificate(): [leaf, ...chain] as plain objects (stdlib links issuers), or
// undefined without a peer certificate. getCertificate(): our own, likewise.
void PushCert(v8::Isolate* isolate, v8::Local<v8::Array> arr, X509* cert) {
  v8::Local<v8::Object> obj;
  if (secure_context::X509ToObject(isolate, cert).ToLocal(&obj)) {
    USE(arr->Set(isolate->GetCurrentContext(), arr->Length(), obj));
  }
}

void GetPeerCertificate(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  X509* leaf = SSL_get0_peer_certificate(w->ssl_);
  if (leaf == nullptr) return;
  v8::Local<v8::Array> arr = v8::Array::New(isolate);
  PushCert(isolate, arr, leaf);
  // The verified chain reaches the trusted root, as Node's issuerCertificate links do.
  STACK_OF(X509)* chain = SSL_get0_verified_chain(w->ssl_);
  if (chain == nullptr || sk_X509_num(chain) == 0) chain = SSL_get_peer_cert_chain(w->ssl_);
  for (int i = 0; chain != nullptr && i < sk_X509_num(chain); i++) {
    X509* cert = sk_X509_value(chain, i);
    if (X509_cmp(cert, leaf) != 0) PushCert(isolate, arr, cert);
  }
  args.GetReturnValue().Set(arr);
}

void GetCertificate(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  X509* cert = w->ssl_ ? SSL_get_certificate(w->ssl_) : nullptr;
  if (cert == nullptr) return;
  v8::Local<v8::Array> arr = v8::Array::New(args.GetIsolate());
  PushCert(args.GetIsolate(), arr, cert);
  args.GetReturnValue().Set(arr);
}

// verifyError(): [code, message] of the peer's verification, or undefined when it passed.
void VerifyError(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  long err = SSL_get0_peer_certificate(w->ssl_) == nullptr
                 ? X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
                 : SSL_get_verify_result(w->ssl_);
  if (err == X509_V_OK) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> items[] = {
      OneByteString(isolate, secure_context::X509ErrorCode(err)),
      OneByteString(isolate, X509_verify_cert_error_string(err))};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
}

// getCipher(): [name, standardName, version].
void GetCipher(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  const SSL_CIPHER* c = w->ssl_ ? SSL_get_current_cipher(w->ssl_) : nullptr;
  if (c == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> items[] = {OneByteString(isolate, SSL_CIPHER_get_name(c)),
                                  OneByteString(isolate, SSL_CIPHER_standard_name(c)),
                                  OneByteString(isolate, SSL_CIPHER_get_version(c))};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 3));
}

void GetProtocol(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), SSL_get_version(w->ssl_)));
}

void GetServername(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  const char* name = w->ssl_ ? SSL_get_servername(w->ssl_, TLSEXT_NAMETYPE_host_name) : nullptr;
  if (name == nullptr) return args.GetReturnValue().Set(false);
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), name));
}

void GetALPNNegotiatedProtocol(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  const unsigned char* proto = nullptr;
  unsigned int len = 0;
  if (w->ssl_) SSL_get0_alpn_selected(w->ssl_, &proto, &len);
  if (len == 0) return args.GetReturnValue().Set(false);
  args.GetReturnValue().Set(OneByteString(
      args.GetIsolate(), std::string_view(reinterpret_cast<const char*>(proto), len)));
}

void Finished(const Args& args, bool peer) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  uint8_t buf[EVP_MAX_MD_SIZE];
  size_t len = peer ? SSL_get_peer_finished(w->ssl_, buf, sizeof(buf))
                    : SSL_get_finished(w->ssl_, buf, sizeof(buf));
  if (len == 0) return;
  args.GetReturnValue().Set(crypto::NewArrayBuffer(args.GetIsolate(), buf, len));
}
void GetFinished(const Args& args) { Finished(args, false); }
void GetPeerFinished(const Args& args) { Finished(args, true); }

// exportKeyingMaterial(length, label, context | undefined).
void ExportKeyingMaterial(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  Bytes out(args[0].As<v8::Uint32>()->Value());
  std::string label = ToUtf8(args.GetIsolate(), args[1]);
  Bytes context;
  if (args[2]->IsArrayBufferView()) context = crypto::CopyOf(args[2]);
  if (SSL_export_keying_material(w->ssl_, out.data(), out.size(), label.data(), label.size(),
                                 context.data(), context.size(),
                                 args[2]->IsArrayBufferView() ? 1 : 0) != 1) {
    return crypto::ThrowOpenSsl(args.GetIsolate(), "Key export failed");
  }
  args.GetReturnValue().Set(crypto::AdoptArrayBuffer(args.GetIsolate(), std::move(out)));
}

void SetMaxSendFragment(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  args.GetReturnValue().Set(
      SSL_set_max_send_fragment(w->ssl_, args[0].As<v8::Uint32>()->Value()) == 1);
}

// getEphemeralKeyInfo(): [type, name | undefined, bits] of the peer's temporary key
// exchange key, or undefined when there is none (TLS 1.2 RSA key exchange).
void GetEphemeralKeyInfo(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  EVP_PKEY* key = nullptr;
  if (w->ssl_ == nullptr || SSL_get_peer_tmp_key(w->ssl_, &key) != 1) return;
  v8::Isolate* isolate = args.GetIsolate();
  int id = EVP_PKEY_get_id(key);
  int bits = EVP_PKEY_get_bits(key);
  v8::Local<v8::Value> type = v8::Undefined(isolate);
  v8::Local<v8::Value> name = v8::Undefined(isolate);
  if (id == EVP_PKEY_DH) {
    type = OneByteString(isolate, "DH");
  } else if (id == EVP_PKEY_EC || id == EVP_PKEY_X25519 || id == EVP_PKEY_X448) {
    type = OneByteString(isolate, "ECDH");
    char group[64];
    size_t len = 0;
    if (id == EVP_PKEY_EC && EVP_PKEY_get_group_name(key, group, sizeof(group), &len) == 1) {
      int nid = OBJ_sn2nid(group);
      const char* sn = nid != NID_undef ? OBJ_nid2sn(nid) : group;
      name = OneByteString(isolate, sn);
    } else {
      name = OneByteString(isolate, OBJ_nid2sn(id));
    }
  }
  EVP_PKEY_free(key);
  v8::Local<v8::Value> items[] = {type, name, v8::Integer::New(isolate, bits)};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 3));
}

// getTLSTicket(): the session ticket the server sent, or undefined.
void GetTLSTicket(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  SSL_SESSION* session = w->ssl_ ? SSL_get_session(w->ssl_) : nullptr;
  if (session == nullptr) return;
  const unsigned char* data = nullptr;
  size_t len = 0;
  SSL_SESSION_get0_ticket(session, &data, &len);
  if (data == nullptr || len == 0) return;
  args.GetReturnValue().Set(crypto::NewArrayBuffer(args.GetIsolate(), data, len));
}

// getSharedSigalgs(): the signature algorithms both sides accept, Node's names.
void GetSharedSigalgs(const Args& args) {
  TLSWrap* w = TLSWrap::Self(args);
  if (w->ssl_ == nullptr) return;
  std::vector<std::string> names;
  int count = SSL_get_shared_sigalgs(w->ssl_, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
  for (int i = 0; i < count; i++) {
    int sign_nid = 0;
    int hash_nid = 0;
    SSL_get_shared_sigalgs(w->ssl_, i, &sign_nid, &hash_nid, nullptr, nullptr, nullptr);
    std::string name;
    switch (sign_nid) {
      case EVP_PKEY_RSA: name = "RSA"; break;
      case EVP_PKEY_RSA_PSS: name = "RSA-PSS"; break;
      case EVP_PKEY_DSA: name = "DSA"; break;
      case EVP_PKEY_EC: name = "ECDSA"; break;
      case NID_ED25519: name = "Ed25519"; break;
      case NID_ED448: name = "Ed448"; break;
      default: {
        const char* sn = OBJ_nid2sn(sign_nid);
        name = sn ? sn : "UNDEF";
      }
    }
    if (hash_nid != NID_undef && sign_nid != NID_ED25519 && sign_nid != NID_ED448) {
      const char* sn = OBJ_nid2sn(hash_nid);
      name += "+";
      name += sn ? sn : "UNDEF";
    }
    names.push_back(std::move(name));
  }
  v8::Local<v8::Array> result;
  if (ToStringArray(args.GetIsolate(), names).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

void InitializeInfo(BindingTarget& target, v8::Local<v8::FunctionTemplate> t) {
  v8::Isolate* isolate = target.isolate;
  crypto::SetProto(isolate, t, "getPeerCertificate", GetPeerCertificate);
  crypto::SetProto(isolate, t, "getCertificate", GetCertificate);
  crypto::SetProto(isolate, t, "verifyError", VerifyError);
  crypto::SetProto(isolate, t, "getCipher", GetCipher);
  crypto::SetProto(isolate, t, "getProtocol", GetProtocol);
  crypto::SetProto(isolate, t, "getServername", GetServername);
  crypto::SetProto(isolate, t, "getALPNNegotiatedProtocol", GetALPNNegotiatedProtocol);
  crypto::SetProto(isolate, t, "getFinished", GetFinished);
  crypto::SetProto(isolate, t, "getPeerFinished", GetPeerFinished);
  crypto::SetProto(isolate, t, "exportKeyingMaterial", ExportKeyingMaterial);
  crypto::SetProto(isolate, t, "setMaxSendFragment", SetMaxSendFragment);
  crypto::SetProto(isolate, t, "getEphemeralKeyInfo", GetEphemeralKeyInfo);
  crypto::SetProto(isolate, t, "getTLSTicket", GetTLSTicket);
  crypto::SetProto(isolate, t, "getSharedSigalgs", GetSharedSigalgs);
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> t = crypto::NewClass(target, "TLSWrap", TLSWrap::New);
  crypto::SetProto(isolate, t, "receive", Receive);
  crypto::SetProto(isolate, t, "start", Start);
  crypto::SetProto(isolate, t, "write", Write);
  crypto::SetProto(isolate, t, "writev", Writev);
  crypto::SetProto(isolate, t, "shutdown", Shutdown);
  crypto::SetProto(isolate, t, "destroy", Destroy);
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
