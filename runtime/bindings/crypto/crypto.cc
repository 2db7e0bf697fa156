// The `crypto` binding: one Initialize that attaches every concern's functions and
// classes (hash.cc, hmac.cc, random.cc, ...) plus the constants and version numbers
// that stdlib's crypto.constants and process.versions report, from OpenSSL's headers.
#include <openssl/conf.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/provider.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/engine.h>
#include <openssl/opensslv.h>
#include <openssl/rsa.h>
#include <openssl/ssl.h>

#include <algorithm>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

void AddConstants(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::Object> constants = v8::Object::New(isolate);
  auto number = [&](const char* name, double value) {
    SetValue(target.context, constants, name, v8::Number::New(isolate, value));
  };
#define N(name) number(#name, static_cast<double>(name))
  N(OPENSSL_VERSION_NUMBER);
  N(SSL_OP_ALL); N(SSL_OP_ALLOW_NO_DHE_KEX); N(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
  N(SSL_OP_CIPHER_SERVER_PREFERENCE); N(SSL_OP_CISCO_ANYCONNECT); N(SSL_OP_COOKIE_EXCHANGE);
  N(SSL_OP_CRYPTOPRO_TLSEXT_BUG); N(SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS);
  N(SSL_OP_LEGACY_SERVER_CONNECT); N(SSL_OP_NO_COMPRESSION); N(SSL_OP_NO_ENCRYPT_THEN_MAC);
  N(SSL_OP_NO_QUERY_MTU); N(SSL_OP_NO_RENEGOTIATION);
  N(SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION); N(SSL_OP_NO_SSLv2); N(SSL_OP_NO_SSLv3);
  N(SSL_OP_NO_TICKET); N(SSL_OP_NO_TLSv1); N(SSL_OP_NO_TLSv1_1); N(SSL_OP_NO_TLSv1_2);
  N(SSL_OP_NO_TLSv1_3); N(SSL_OP_PRIORITIZE_CHACHA); N(SSL_OP_TLS_ROLLBACK_BUG);
  N(ENGINE_METHOD_RSA); N(ENGINE_METHOD_DSA); N(ENGINE_METHOD_DH); N(ENGINE_METHOD_RAND);
  N(ENGINE_METHOD_EC); N(ENGINE_METHOD_CIPHERS); N(ENGINE_METHOD_DIGESTS);
  N(ENGINE_METHOD_PKEY_METHS); N(ENGINE_METHOD_PKEY_ASN1_METHS); N(ENGINE_METHOD_ALL);
  N(ENGINE_METHOD_NONE);
  N(DH_CHECK_P_NOT_SAFE_PRIME); N(DH_CHECK_P_NOT_PRIME); N(DH_UNABLE_TO_CHECK_GENERATOR);
  N(DH_NOT_SUITABLE_GENERATOR);
  N(RSA_PKCS1_PADDING); N(RSA_NO_PADDING); N(RSA_PKCS1_OAEP_PADDING); N(RSA_X931_PADDING);
  N(RSA_PKCS1_PSS_PADDING); N(RSA_PSS_SALTLEN_DIGEST); N(RSA_PSS_SALTLEN_MAX_SIGN);
  N(RSA_PSS_SALTLEN_AUTO);
  N(TLS1_VERSION); N(TLS1_1_VERSION); N(TLS1_2_VERSION); N(TLS1_3_VERSION);
  N(POINT_CONVERSION_COMPRESSED); N(POINT_CONVERSION_UNCOMPRESSED);
  N(POINT_CONVERSION_HYBRID);
#undef N
  target.Value("constants", constants);
  target.Value("opensslVersion", OneByteString(isolate, OpenSSL_version(OPENSSL_VERSION_STRING)));
}

// timingSafeEqual(a, b): stdlib checked that the lengths match.
void TimingSafeEqual(const v8::FunctionCallbackInfo<v8::Value>& args) {
  View a = ViewOf(args[0]);
  View b = ViewOf(args[1]);
  CHECK_EQ(a.size, b.size);
  args.GetReturnValue().Set(CRYPTO_memcmp(a.data, b.data, a.size) == 0);
}

// getCurves(): the names of OpenSSL's built-in elliptic curves, sorted.
void GetCurves(const v8::FunctionCallbackInfo<v8::Value>& args) {
  size_t count = EC_get_builtin_curves(nullptr, 0);
  std::vector<EC_builtin_curve> curves(count);
  EC_get_builtin_curves(curves.data(), count);
  std::vector<std::string> names;
  for (const EC_builtin_curve& curve : curves) names.emplace_back(OBJ_nid2sn(curve.nid));
  std::sort(names.begin(), names.end());
  v8::Local<v8::Array> result;
  if (ToStringArray(args.GetIsolate(), names).ToLocal(&result)) args.GetReturnValue().Set(result);
}

// The process's OpenSSL secure heap (--secure-heap=N, --secure-heap-min=N), set up once.
size_t secure_heap_size = 0;
size_t secure_heap_min = 0;

// secureHeapInit(size, min): stdlib checked both are powers of 2 (min clamped to size).
// Differs from Node 20: Node sets the heap up before anything runs; skua does so when
// stdlib first loads crypto or tls, so earlier OpenSSL allocations stay outside it.
void SecureHeapInit(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (CRYPTO_secure_malloc_initialized()) return;
  double size = args[0].As<v8::Number>()->Value();
  double min = args[1].As<v8::Number>()->Value();
  if (CRYPTO_secure_malloc_init(static_cast<size_t>(size), static_cast<size_t>(min)) != 0) {
    secure_heap_size = static_cast<size_t>(size);
    secure_heap_min = static_cast<size_t>(min);
  }
}

// secureHeapUsed(): { total, min, used } of the secure heap, or undefined without one.
void SecureHeapUsed(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!CRYPTO_secure_malloc_initialized()) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  SetValue(context, result, "total",
           v8::Number::New(isolate, static_cast<double>(secure_heap_size)));
  SetValue(context, result, "min", v8::Number::New(isolate, static_cast<double>(secure_heap_min)));
  SetValue(context, result, "used",
           v8::Number::New(isolate, static_cast<double>(CRYPTO_secure_used())));
  args.GetReturnValue().Set(result);
}

// loadLegacyProvider(): --openssl-legacy-provider. Loading a provider by name stops
// OpenSSL from loading the default one by itself, so that one is loaded too, as Node does.
void LoadLegacyProvider(const v8::FunctionCallbackInfo<v8::Value>& args) {
  static bool loaded = false;
  if (loaded) return;
  loaded = true;
  OSSL_PROVIDER_load(nullptr, "legacy");
  OSSL_PROVIDER_load(nullptr, "default");
  ERR_clear_error();
}

// loadConfig(file, appname): --openssl-config=FILE, read from section `appname`
// ("nodejs_conf", or "openssl_conf" with --openssl-shared-config); a missing file is no
// error, as in Node.
// Differs from Node 20: Node reads the file before OpenSSL starts and stops on a bad one;
// skua applies it when stdlib first loads crypto or tls and ignores errors in it.
void LoadConfig(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value file(args.GetIsolate(), args[0]);
  v8::String::Utf8Value appname(args.GetIsolate(), args[1]);
  CONF_modules_load_file(*file, *appname, CONF_MFLAGS_IGNORE_MISSING_FILE);
  ERR_clear_error();
}

}  // namespace

void Initialize(BindingTarget& target) {
  AddConstants(target);
  target.Method("timingSafeEqual", TimingSafeEqual);
  target.Method("getCurves", GetCurves);
  target.Method("secureHeapInit", SecureHeapInit);
  target.Method("secureHeapUsed", SecureHeapUsed);
  target.Method("loadLegacyProvider", LoadLegacyProvider);
  target.Method("loadConfig", LoadConfig);
  InitializeHash(target);
  InitializeHmac(target);
  InitializeRandom(target);
  InitializeKdf(target);
  InitializeCipher(target);
  InitializeKeys(target);
  InitializeKeygen(target);
  InitializeSign(target);
  InitializeDh(target);
  InitializeDiffieHellman(target);
  InitializeX509(target);
  InitializeSpkac(target);
}

}  // namespace skua::crypto

SKUA_BINDING(crypto, Initialize)
