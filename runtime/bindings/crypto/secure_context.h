// SecureContext: the native side of tls.createSecureContext() — one SSL_CTX with its
// certificates, keys, trust store and protocol limits, shared by every TLSWrap made
// from it. Also the helpers that turn X509 certificates into Node's plain-object shape.
//
// Rules: owned by its JS object (weak BaseObject). An SSL made from the SSL_CTX takes its
// own reference (SSL_new up-refs the context), so a TLSWrap may outlive the SecureContext.
#ifndef SKUA_RUNTIME_BINDINGS_CRYPTO_SECURE_CONTEXT_H_
#define SKUA_RUNTIME_BINDINGS_CRYPTO_SECURE_CONTEXT_H_

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <string>

#include "runtime/core/base_object.h"
#include "v8.h"

namespace skua::secure_context {

class SecureContext : public BaseObject {
 public:
  SecureContext(Realm* realm, v8::Local<v8::Object> object, SSL_CTX* ctx)
      : BaseObject(realm, object), ctx_(ctx) {}
  ~SecureContext() override { SSL_CTX_free(ctx_); }

  SSL_CTX* ctx() const { return ctx_; }
  static SecureContext* From(v8::Local<v8::Value> value) { return Unwrap<SecureContext>(value); }

 private:
  SSL_CTX* ctx_;
};

// The SSL ex-data slot where a TLSWrap stores itself (for OpenSSL's callbacks).
int TlsWrapIndex();

// Node's getPeerCertificate() object for `cert` (without issuerCertificate).
v8::MaybeLocal<v8::Object> X509ToObject(v8::Isolate* isolate, X509* cert);
// subjectaltname in Node's form ("DNS:a, IP Address:1.2.3.4"), names that could make the
// list ambiguous quoted JSON-style; "" without the extension.
std::string SubjectAltNameText(X509* cert);
// infoAccess text: one "OCSP - URI:http://..." line per access description, quoted alike.
std::string InfoAccessText(X509* cert);
// The X509_V_ERR_* name Node uses as the error code ("DEPTH_ZERO_SELF_SIGNED_CERT").
const char* X509ErrorCode(long err);

}  // namespace skua::secure_context

#endif  // SKUA_RUNTIME_BINDINGS_CRYPTO_SECURE_CONTEXT_H_
