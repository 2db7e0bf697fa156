// The read-only half of TLSWrap's JS surface: what a TLSSocket reports about its
// connection (certificates, cipher, protocol, ALPN, Finished messages, tickets, keying
// material). Every method answers undefined (or its documented empty value) once the
// wrap is destroyed.
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <string>
#include <string_view>
#include <vector>

#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/bindings/crypto/secure_context.h"
#include "runtime/bindings/crypto/tls_wrap.h"
#include "runtime/core/v8_helpers.h"

namespace skua::tls_wrap {

namespace {

using Args = v8::FunctionCallbackInfo<v8::Value>;
using crypto::Bytes;

// Marks a Maybe result as deliberately ignored (an exception is already pending in V8).
template <typename T>
void USE(T&&) {}

// getPeerCertificate(): [leaf, ...chain] as plain objects (stdlib links issuers), or
// undefined without a peer certificate. getCertificate(): our own, likewise.
void PushCert(v8::Isolate* isolate, v8::Local<v8::Array> arr, X509* cert) {
  v8::Local<v8::Object> obj;
  if (secure_context::X509ToObject(isolate, cert).ToLocal(&obj)) {
    USE(arr->Set(isolate->GetCurrentContext(), arr->Length(), obj));
  }
}

void GetPeerCertificate(const Args& args) {
  SSL* ssl = SslOf(args);
  if (ssl == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  X509* leaf = SSL_get0_peer_certificate(ssl);
  if (leaf == nullptr) return;
  v8::Local<v8::Array> arr = v8::Array::New(isolate);
  PushCert(isolate, arr, leaf);
  // The verified chain reaches the trusted root, as Node's issuerCertificate links do.
  STACK_OF(X509)* chain = SSL_get0_verified_chain(ssl);
  if (chain == nullptr || sk_X509_num(chain) == 0) chain = SSL_get_peer_cert_chain(ssl);
  for (int i = 0; chain != nullptr && i < sk_X509_num(chain); i++) {
    X509* cert = sk_X509_value(chain, i);
    if (X509_cmp(cert, leaf) != 0) PushCert(isolate, arr, cert);
  }
  args.GetReturnValue().Set(arr);
}

void GetCertificate(const Args& args) {
  SSL* ssl = SslOf(args);
  X509* cert = ssl != nullptr ? SSL_get_certificate(ssl) : nullptr;
  if (cert == nullptr) return;
  v8::Local<v8::Array> arr = v8::Array::New(args.GetIsolate());
  PushCert(args.GetIsolate(), arr, cert);
  args.GetReturnValue().Set(arr);
}

// verifyError(): [code, message] of the peer's verification, or undefined when it passed.
void VerifyError(const Args& args) {
  SSL* ssl = SslOf(args);
  if (ssl == nullptr) return;
  long err = SSL_get0_peer_certificate(ssl) == nullptr
                 ? X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
                 : SSL_get_verify_result(ssl);
  if (err == X509_V_OK) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> items[] = {
      OneByteString(isolate, secure_context::X509ErrorCode(err)),
      OneByteString(isolate, X509_verify_cert_error_string(err))};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
}

// getCipher(): [name, standardName, version].
void GetCipher(const Args& args) {
  SSL* ssl = SslOf(args);
  const SSL_CIPHER* c = ssl ? SSL_get_current_cipher(ssl) : nullptr;
  if (c == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> items[] = {OneByteString(isolate, SSL_CIPHER_get_name(c)),
                                  OneByteString(isolate, SSL_CIPHER_standard_name(c)),
                                  OneByteString(isolate, SSL_CIPHER_get_version(c))};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 3));
}

void GetProtocol(const Args& args) {
  SSL* ssl = SslOf(args);
  if (ssl == nullptr) return;
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), SSL_get_version(ssl)));
}

void GetServername(const Args& args) {
  SSL* ssl = SslOf(args);
  const char* name = ssl ? SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name) : nullptr;
  if (name == nullptr) return args.GetReturnValue().Set(false);
  args.GetReturnValue().Set(OneByteString(args.GetIsolate(), name));
}

void GetALPNNegotiatedProtocol(const Args& args) {
  SSL* ssl = SslOf(args);
  const unsigned char* proto = nullptr;
  unsigned int len = 0;
  if (ssl) SSL_get0_alpn_selected(ssl, &proto, &len);
  if (len == 0) return args.GetReturnValue().Set(false);
  args.GetReturnValue().Set(OneByteString(
      args.GetIsolate(), std::string_view(reinterpret_cast<const char*>(proto), len)));
}

void Finished(const Args& args, bool peer) {
  SSL* ssl = SslOf(args);
  if (ssl == nullptr) return;
  uint8_t buf[EVP_MAX_MD_SIZE];
  size_t len = peer ? SSL_get_peer_finished(ssl, buf, sizeof(buf))
                    : SSL_get_finished(ssl, buf, sizeof(buf));
  if (len == 0) return;
  args.GetReturnValue().Set(crypto::NewArrayBuffer(args.GetIsolate(), buf, len));
}
void GetFinished(const Args& args) { Finished(args, false); }
void GetPeerFinished(const Args& args) { Finished(args, true); }

// exportKeyingMaterial(length, label, context | undefined).
void ExportKeyingMaterial(const Args& args) {
  SSL* ssl = SslOf(args);
  Bytes out(args[0].As<v8::Uint32>()->Value());
  std::string label = ToUtf8(args.GetIsolate(), args[1]);
  Bytes context;
  if (args[2]->IsArrayBufferView()) context = crypto::CopyOf(args[2]);
  if (SSL_export_keying_material(ssl, out.data(), out.size(), label.data(), label.size(),
                                 context.data(), context.size(),
                                 args[2]->IsArrayBufferView() ? 1 : 0) != 1) {
    return crypto::ThrowOpenSsl(args.GetIsolate(), "Key export failed");
  }
  args.GetReturnValue().Set(crypto::AdoptArrayBuffer(args.GetIsolate(), std::move(out)));
}

void SetMaxSendFragment(const Args& args) {
  SSL* ssl = SslOf(args);
  args.GetReturnValue().Set(
      SSL_set_max_send_fragment(ssl, args[0].As<v8::Uint32>()->Value()) == 1);
}

// getEphemeralKeyInfo(): [type, name | undefined, bits] of the peer's temporary key
// exchange key, or undefined when there is none (TLS 1.2 RSA key exchange).
void GetEphemeralKeyInfo(const Args& args) {
  SSL* ssl = SslOf(args);
  EVP_PKEY* key = nullptr;
  if (ssl == nullptr || SSL_get_peer_tmp_key(ssl, &key) != 1) return;
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
  SSL* ssl = SslOf(args);
  SSL_SESSION* session = ssl ? SSL_get_session(ssl) : nullptr;
  if (session == nullptr) return;
  const unsigned char* data = nullptr;
  size_t len = 0;
  SSL_SESSION_get0_ticket(session, &data, &len);
  if (data == nullptr || len == 0) return;
  args.GetReturnValue().Set(crypto::NewArrayBuffer(args.GetIsolate(), data, len));
}

// getSharedSigalgs(): the signature algorithms both sides accept, Node's names.
void GetSharedSigalgs(const Args& args) {
  SSL* ssl = SslOf(args);
  if (ssl == nullptr) return;
  std::vector<std::string> names;
  int count = SSL_get_shared_sigalgs(ssl, 0, nullptr, nullptr, nullptr, nullptr, nullptr);
  for (int i = 0; i < count; i++) {
    int sign_nid = 0;
    int hash_nid = 0;
    SSL_get_shared_sigalgs(ssl, i, &sign_nid, &hash_nid, nullptr, nullptr, nullptr);
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

}  // namespace

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

}  // namespace skua::tls_wrap
