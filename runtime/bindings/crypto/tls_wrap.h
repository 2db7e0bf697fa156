// What the `tls_wrap` binding's two files share: tls_wrap.cc (TLSWrap, its I/O and
// handshake) and tls_wrap_info.cc (its read-only connection info methods).
#ifndef SKUA_RUNTIME_BINDINGS_CRYPTO_TLS_WRAP_H_
#define SKUA_RUNTIME_BINDINGS_CRYPTO_TLS_WRAP_H_

#include <openssl/ssl.h>

#include "runtime/core/binding.h"
#include "v8.h"

namespace skua::tls_wrap {

// The SSL of the TLSWrap that `args.This()` is; nullptr once it was destroyed.
SSL* SslOf(const v8::FunctionCallbackInfo<v8::Value>& args);

// Adds the connection info methods (getPeerCertificate, getCipher, ...) to TLSWrap's
// prototype.
void InitializeInfo(BindingTarget& target, v8::Local<v8::FunctionTemplate> t);

}  // namespace skua::tls_wrap

#endif  // SKUA_RUNTIME_BINDINGS_CRYPTO_TLS_WRAP_H_
