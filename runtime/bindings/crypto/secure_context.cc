// The `secure_context` binding: SecureContext (an SSL_CTX configured from
// tls.createSecureContext's options) and getRootCertificates().
#include "runtime/bindings/crypto/secure_context.h"

#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/pem.h>
#include <openssl/core_names.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

#include "base/check.h"
#include "base/hashed_ca_folder.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::secure_context {

int TlsWrapIndex() {
  static int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

namespace {

// Session ticket keys in Node's layout: a 16-byte name, a 16-byte HMAC-SHA256 secret and
// a 16-byte AES-128-CBC key. OpenSSL's own ticket keys are 80 bytes, so tickets go
// through a callback that uses these instead. Lifetime: owned by the SSL_CTX's ex-data
// (freed with it), because an SSL may outlive the JS SecureContext.
struct TicketKeys {
  uint8_t name[16];
  uint8_t hmac[16];
  uint8_t aes[16];
};

void FreeTicketKeys(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {  // NOLINT
  delete static_cast<TicketKeys*>(ptr);
}

int TicketKeysIndex() {
  static int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, FreeTicketKeys);
  return index;
}

TicketKeys* TicketKeysOf(SSL_CTX* ctx) {
  return static_cast<TicketKeys*>(SSL_CTX_get_ex_data(ctx, TicketKeysIndex()));
}

// Encrypts new tickets with the current keys; decrypts only tickets named by them (any
// other ticket means a full handshake, as in Node).
int TicketKeyCallback(SSL* ssl, unsigned char* name, unsigned char* iv,
                      EVP_CIPHER_CTX* cipher_ctx, EVP_MAC_CTX* mac_ctx, int enc) {
  TicketKeys* keys = TicketKeysOf(SSL_get_SSL_CTX(ssl));
  if (keys == nullptr) return -1;
  char digest[] = "sha256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, keys->hmac, sizeof(keys->hmac)),
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_end()};
  if (enc) {
    memcpy(name, keys->name, sizeof(keys->name));
    if (RAND_bytes(iv, 16) != 1 ||
        EVP_EncryptInit_ex(cipher_ctx, EVP_aes_128_cbc(), nullptr, keys->aes, iv) != 1 ||
        EVP_MAC_CTX_set_params(mac_ctx, params) != 1) {
      return -1;
    }
    return 1;
  }
  if (memcmp(name, keys->name, sizeof(keys->name)) != 0) return 0;
  if (EVP_DecryptInit_ex(cipher_ctx, EVP_aes_128_cbc(), nullptr, keys->aes, iv) != 1 ||
      EVP_MAC_CTX_set_params(mac_ctx, params) != 1) {
    return -1;
  }
  return 1;
}

using crypto::Throw;
using crypto::ThrowOpenSsl;
using crypto::View;
using crypto::ViewOf;
using Args = v8::FunctionCallbackInfo<v8::Value>;

// A read-only memory BIO over a string's UTF-8 or a view's bytes (copied: the BIO must
// not point into the V8 heap across calls that may run JS).
BIO* BioOf(v8::Local<v8::Value> value) {
  if (value->IsString()) {
    std::string text = ToUtf8(v8::Isolate::GetCurrent(), value);
    BIO* bio = BIO_new(BIO_s_mem());
    BIO_write(bio, text.data(), static_cast<int>(text.size()));
    return bio;
  }
  View v = ViewOf(value);
  return BIO_new_mem_buf(v.data, static_cast<int>(v.size));
}

int PassphraseCallback(char* buf, int size, int, void* u) {
  const auto* pass = static_cast<const std::string*>(u);
  if (pass == nullptr) return -1;
  int len = static_cast<int>(pass->size());
  if (len > size) return -1;
  memcpy(buf, pass->data(), len);
  return len;
}

SecureContext* Self(const Args& args) {
  SecureContext* sc = BaseObject::Unwrap<SecureContext>(args.This());
  CHECK(sc != nullptr);
  return sc;
}

void New(const Args& args) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  if (ctx == nullptr) return ThrowOpenSsl(args.GetIsolate(), "SSL_CTX_new failed");
  SSL_CTX_set_options(ctx, SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_COMPRESSION);
  SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
  // Clients hear about sessions through the new-session callback (the 'session' event);
  // servers keep OpenSSL's internal cache for TLS 1.2 session ids.
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER);
  SSL_CTX_set_dh_auto(ctx, 1);
  // Node's bundled OpenSSL runs at security level 1; the system configuration may raise
  // it (Debian says 2), which would refuse the 1024-bit keys Node still accepts. A
  // cipher string with @SECLEVEL=n overrides this per context, as in Node.
  SSL_CTX_set_security_level(ctx, 1);
  // The trust store starts empty: addCACert or addRootCerts fill it.
  SSL_CTX_set_cert_store(ctx, X509_STORE_new());
  auto* keys = new TicketKeys;
  if (RAND_bytes(reinterpret_cast<uint8_t*>(keys), sizeof(*keys)) != 1) {
    delete keys;
    SSL_CTX_free(ctx);
    return ThrowOpenSsl(args.GetIsolate(), "RAND_bytes failed");
  }
  SSL_CTX_set_ex_data(ctx, TicketKeysIndex(), keys);
  SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, TicketKeyCallback);
  new SecureContext(Realm::From(args.GetIsolate()), args.This(), ctx);
}

// init(minVersion, maxVersion): protocol numbers (TLS1_2_VERSION, ...); 0 = no limit.
void Init(const Args& args) {
  SSL_CTX* ctx = Self(args)->ctx();
  SSL_CTX_set_min_proto_version(ctx, args[0].As<v8::Int32>()->Value());
  SSL_CTX_set_max_proto_version(ctx, args[1].As<v8::Int32>()->Value());
}

void GetMinProto(const Args& args) {
  args.GetReturnValue().Set(static_cast<int>(SSL_CTX_get_min_proto_version(Self(args)->ctx())));
}
void GetMaxProto(const Args& args) {
  args.GetReturnValue().Set(static_cast<int>(SSL_CTX_get_max_proto_version(Self(args)->ctx())));
}

// setKey(pem, passphrase | undefined).
void SetKey(const Args& args) {
  v8::Isolate* isolate = args.GetIsolate();
  // Without a passphrase an encrypted key is tried with the empty one, so the error is
  // OpenSSL's "bad decrypt", as in Node.
  std::string pass;
  if (args[1]->IsString()) {
    pass = ToUtf8(isolate, args[1]);
  } else if (args[1]->IsArrayBufferView()) {
    View v = ViewOf(args[1]);
    pass.assign(reinterpret_cast<char*>(v.data), v.size);
  }
  BIO* bio = BioOf(args[0]);
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, PassphraseCallback, &pass);
  BIO_free(bio);
  if (key == nullptr) return ThrowOpenSsl(isolate, "Failed to read private key");
  int ok = SSL_CTX_use_PrivateKey(Self(args)->ctx(), key);
  EVP_PKEY_free(key);
  if (ok != 1) return ThrowOpenSsl(isolate, "Failed to use private key");
}

// setCert(pem): the leaf, then any chain certificates that follow it.
void SetCert(const Args& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = Self(args)->ctx();
  BIO* bio = BioOf(args[0]);
  X509* leaf = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr);
  if (leaf == nullptr) {
    BIO_free(bio);
    return ThrowOpenSsl(isolate, "Failed to read certificate");
  }
  int ok = SSL_CTX_use_certificate(ctx, leaf);
  X509_free(leaf);
  if (ok != 1) {
    BIO_free(bio);
    return ThrowOpenSsl(isolate, "Failed to use certificate");  // E.g. "ee key too small".
  }
  SSL_CTX_clear_chain_certs(ctx);
  while (X509* extra = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
    SSL_CTX_add0_chain_cert(ctx, extra);
  }
  ERR_clear_error();  // The loop ends on "no start line".
  BIO_free(bio);
}

void AddPemCerts(X509_STORE* store, const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  while (X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, cert);
    X509_free(cert);
  }
  BIO_free(bio);
  ERR_clear_error();
}

// NODE_EXTRA_CA_CERTS (setExtraRootCerts), part of every root store from then on.
std::mutex extra_roots_mutex;
std::string extra_roots;  // PEM; guarded by extra_roots_mutex.

// The system's trusted roots: a folder of hashed links, read one issuer at a time as
// verification asks, when there is one (parsing the whole bundle cost 20-45 ms per new
// context: every https request without an agent paid it); else OpenSSL's default file
// and folder, as when SSL_CERT_FILE names a bundle. Then the extra roots.
X509_STORE* NewRootStore() {
  X509_STORE* store = X509_STORE_new();
  const char* dir = getenv(X509_get_default_cert_dir_env());
  if (dir == nullptr) dir = X509_get_default_cert_dir();
  if (getenv(X509_get_default_cert_file_env()) == nullptr && HasHashedCaLinks(dir)) {
    X509_STORE_load_path(store, dir);
  } else {
    X509_STORE_set_default_paths(store);
  }
  ERR_clear_error();
  std::lock_guard<std::mutex> lock(extra_roots_mutex);
  if (!extra_roots.empty()) AddPemCerts(store, extra_roots);
  return store;
}

// One root store for every context that trusts only the system's roots (OpenSSL locks
// it, so threads share it too), made on first use.
std::atomic<X509_STORE*> shared_root_store{nullptr};
X509_STORE* SharedRootStore() {
  static X509_STORE* const store = [] {
    X509_STORE* made = NewRootStore();
    shared_root_store.store(made);
    return made;
  }();
  return store;
}

// The context's own store, to add certificates or CRLs to: a context still on the shared
// root store gets a copy of it first, so nothing leaks into other contexts.
X509_STORE* OwnStore(SSL_CTX* ctx) {
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  if (store != shared_root_store.load()) return store;
  store = NewRootStore();
  SSL_CTX_set_cert_store(ctx, store);  // Drops the context's reference to the shared one.
  return store;
}

void AddCerts(SSL_CTX* ctx, BIO* bio) {
  X509_STORE* store = OwnStore(ctx);
  while (X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr)) {
    X509_STORE_add_cert(store, cert);
    SSL_CTX_add_client_CA(ctx, cert);
    X509_free(cert);
  }
  ERR_clear_error();
}

// addCACert(pem): every certificate in it becomes trusted (and a client-CA hint).
void AddCACert(const Args& args) {
  BIO* bio = BioOf(args[0]);
  AddCerts(Self(args)->ctx(), bio);
  BIO_free(bio);
}

// setExtraRootCerts(pem): NODE_EXTRA_CA_CERTS, trusted beside the system's roots by every
// context that trusts those. Node reads it once at startup; here the first call wins.
void SetExtraRootCerts(const Args& args) {
  View v = ViewOf(args[0]);
  X509_STORE* shared = SharedRootStore();  // Made before the extras are set: no double add.
  std::lock_guard<std::mutex> lock(extra_roots_mutex);
  if (!extra_roots.empty() || v.size == 0) return;
  extra_roots.assign(reinterpret_cast<const char*>(v.data), v.size);
  AddPemCerts(shared, extra_roots);
}

// addRootCerts(): the system store (Debian's /etc/ssl/certs), shared by every context
// that uses it, as Node shares its root store (and, as in Node, in place of the store's
// certificates so far).
// Differs from Node 20: Node trusts its bundled Mozilla list; skua trusts the system's.
void AddRootCerts(const Args& args) {
  SSL_CTX_set1_cert_store(Self(args)->ctx(), SharedRootStore());
}

void SetCiphers(const Args& args) {
  std::string list = ToUtf8(args.GetIsolate(), args[0]);
  if (SSL_CTX_set_cipher_list(Self(args)->ctx(), list.c_str()) != 1) {
    // An empty list switches TLS 1.2 suites off on purpose (only TLS 1.3 ones were
    // named): OpenSSL calls that "no cipher match", Node does not.
    if (list.empty() && ERR_GET_REASON(ERR_peek_last_error()) == SSL_R_NO_CIPHER_MATCH) {
      ERR_clear_error();
      return;
    }
    ThrowOpenSsl(args.GetIsolate(), "Failed to set ciphers");
  }
}

void SetCipherSuites(const Args& args) {
  std::string list = ToUtf8(args.GetIsolate(), args[0]);
  if (SSL_CTX_set_ciphersuites(Self(args)->ctx(), list.c_str()) != 1) {
    ThrowOpenSsl(args.GetIsolate(), "Failed to set ciphers");
  }
}

void SetECDHCurve(const Args& args) {
  std::string curves = ToUtf8(args.GetIsolate(), args[0]);
  if (SSL_CTX_set1_groups_list(Self(args)->ctx(), curves.c_str()) != 1) {
    ThrowOpenSsl(args.GetIsolate(), "Failed to set ECDH curve");
  }
}

void SetSigalgs(const Args& args) {
  std::string algs = ToUtf8(args.GetIsolate(), args[0]);
  if (SSL_CTX_set1_sigalgs_list(Self(args)->ctx(), algs.c_str()) != 1) {
    ThrowOpenSsl(args.GetIsolate(), "Failed to set sigalgs");
  }
}

void SetOptions(const Args& args) {
  SSL_CTX_set_options(Self(args)->ctx(),
                      static_cast<uint64_t>(args[0].As<v8::Number>()->Value()));
}

void SetSessionTimeout(const Args& args) {
  SSL_CTX_set_timeout(Self(args)->ctx(), args[0].As<v8::Int32>()->Value());
}

void SetSessionIdContext(const Args& args) {
  std::string id = ToUtf8(args.GetIsolate(), args[0]);
  if (id.size() > SSL_MAX_SID_CTX_LENGTH) id.resize(SSL_MAX_SID_CTX_LENGTH);
  SSL_CTX_set_session_id_context(Self(args)->ctx(),
                                 reinterpret_cast<const unsigned char*>(id.data()), id.size());
}

// setDHParam(pem | 'auto'): returns a warning text for parameters under 2048 bits and
// throws under 1024, as Node does.
void SetDHParam(const Args& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = Self(args)->ctx();
  if (args[0]->IsString() && ToUtf8(isolate, args[0]) == "auto") {
    SSL_CTX_set_dh_auto(ctx, 1);
    return;
  }
  BIO* bio = BioOf(args[0]);
  EVP_PKEY* dh = PEM_read_bio_Parameters(bio, nullptr);
  BIO_free(bio);
  if (dh == nullptr || EVP_PKEY_get_base_id(dh) != EVP_PKEY_DH) {
    EVP_PKEY_free(dh);
    ERR_clear_error();
    return;  // Node ignores text that holds no DH parameters.
  }
  int bits = EVP_PKEY_get_bits(dh);
  if (bits < 1024) {
    EVP_PKEY_free(dh);
    return Throw(isolate, crypto::JobError::Plain("DH parameter is less than 1024 bits"));
  }
  SSL_CTX_set_dh_auto(ctx, 0);
  if (SSL_CTX_set0_tmp_dh_pkey(ctx, dh) != 1) {
    EVP_PKEY_free(dh);
    return ThrowOpenSsl(isolate, "Error setting temp DH parameter");
  }
  if (bits < 2048) {
    args.GetReturnValue().Set(OneByteString(isolate, "DH parameter is less than 2048 bits"));
  }
}

// addCRL(pem): revocation lists, checked for the whole chain from then on.
void AddCRL(const Args& args) {
  SSL_CTX* ctx = Self(args)->ctx();
  BIO* bio = BioOf(args[0]);
  X509_STORE* store = OwnStore(ctx);
  int added = 0;
  while (X509_CRL* crl = PEM_read_bio_X509_CRL(bio, nullptr, nullptr, nullptr)) {
    X509_STORE_add_crl(store, crl);
    X509_CRL_free(crl);
    added++;
  }
  BIO_free(bio);
  ERR_clear_error();
  if (added == 0) return ThrowOpenSsl(args.GetIsolate(), "Failed to parse CRL");
  X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
}

// setTicketKeys(48 bytes) / getTicketKeys(): name (16), HMAC secret (16), AES key (16),
// the layout both Node and OpenSSL use.
void SetTicketKeys(const Args& args) {
  View v = ViewOf(args[0]);
  TicketKeys* keys = TicketKeysOf(Self(args)->ctx());
  CHECK(v.size == sizeof(TicketKeys) && keys != nullptr);
  memcpy(keys, v.data, sizeof(TicketKeys));
}

void GetTicketKeys(const Args& args) {
  TicketKeys* keys = TicketKeysOf(Self(args)->ctx());
  CHECK(keys != nullptr);
  args.GetReturnValue().Set(crypto::NewArrayBuffer(
      args.GetIsolate(), reinterpret_cast<const uint8_t*>(keys), sizeof(TicketKeys)));
}

// loadPKCS12(der, passphrase | undefined): key, certificate and extra CA certificates.
void LoadPKCS12(const Args& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = Self(args)->ctx();
  std::string pass = args[1]->IsUndefined() ? "" : ToUtf8(isolate, args[1]);
  BIO* bio = BioOf(args[0]);
  PKCS12* p12 = d2i_PKCS12_bio(bio, nullptr);
  BIO_free(bio);
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* extra = nullptr;
  if (p12 == nullptr || PKCS12_parse(p12, pass.c_str(), &key, &cert, &extra) != 1) {
    PKCS12_free(p12);
    unsigned long err = ERR_peek_last_error();
    ERR_clear_error();
    if (ERR_GET_REASON(err) == PKCS12_R_MAC_VERIFY_FAILURE) {
      return Throw(isolate, crypto::JobError::Plain("mac verify failure"));
    }
    return Throw(isolate, crypto::JobError::Plain("not enough data"));
  }
  PKCS12_free(p12);
  bool ok = cert != nullptr && key != nullptr && SSL_CTX_use_certificate(ctx, cert) == 1 &&
            SSL_CTX_use_PrivateKey(ctx, key) == 1;
  for (int i = 0; extra != nullptr && i < sk_X509_num(extra); i++) {
    X509* ca = sk_X509_value(extra, i);
    X509_STORE_add_cert(OwnStore(ctx), ca);
    SSL_CTX_add_client_CA(ctx, ca);
  }
  X509_free(cert);
  EVP_PKEY_free(key);
  sk_X509_pop_free(extra, X509_free);
  if (!ok) ThrowOpenSsl(isolate, "Unable to load PFX certificate");
}

// getRootCertificates(): the PEM text of each certificate in the system bundle.
void GetRootCertificates(const Args& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::vector<std::string> pems;
  if (BIO* in = BIO_new_file(X509_get_default_cert_file(), "r")) {
    while (X509* cert = PEM_read_bio_X509(in, nullptr, nullptr, nullptr)) {
      BIO* out = BIO_new(BIO_s_mem());
      PEM_write_bio_X509(out, cert);
      char* data = nullptr;
      long size = BIO_get_mem_data(out, &data);
      pems.emplace_back(data, size);
      BIO_free(out);
      X509_free(cert);
    }
    BIO_free(in);
  }
  ERR_clear_error();
  v8::Local<v8::Array> result;
  if (ToStringArray(isolate, pems).ToLocal(&result)) args.GetReturnValue().Set(result);
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> t = crypto::NewClass(target, "SecureContext", New);
  crypto::SetProto(isolate, t, "init", Init);
  crypto::SetProto(isolate, t, "getMinProto", GetMinProto);
  crypto::SetProto(isolate, t, "getMaxProto", GetMaxProto);
  crypto::SetProto(isolate, t, "setKey", SetKey);
  crypto::SetProto(isolate, t, "setCert", SetCert);
  crypto::SetProto(isolate, t, "addCACert", AddCACert);
  crypto::SetProto(isolate, t, "addRootCerts", AddRootCerts);
  crypto::SetProto(isolate, t, "setCiphers", SetCiphers);
  crypto::SetProto(isolate, t, "setCipherSuites", SetCipherSuites);
  crypto::SetProto(isolate, t, "setECDHCurve", SetECDHCurve);
  crypto::SetProto(isolate, t, "setSigalgs", SetSigalgs);
  crypto::SetProto(isolate, t, "setOptions", SetOptions);
  crypto::SetProto(isolate, t, "setSessionTimeout", SetSessionTimeout);
  crypto::SetProto(isolate, t, "setSessionIdContext", SetSessionIdContext);
  crypto::SetProto(isolate, t, "loadPKCS12", LoadPKCS12);
  crypto::SetProto(isolate, t, "setDHParam", SetDHParam);
  crypto::SetProto(isolate, t, "addCRL", AddCRL);
  crypto::SetProto(isolate, t, "setTicketKeys", SetTicketKeys);
  crypto::SetProto(isolate, t, "getTicketKeys", GetTicketKeys);
  crypto::ExposeClass(target, "SecureContext", t);
  target.Method("getRootCertificates", GetRootCertificates);
  target.Method("setExtraRootCerts", SetExtraRootCerts);
}

}  // namespace skua::secure_context

SKUA_BINDING(secure_context, Initialize)
