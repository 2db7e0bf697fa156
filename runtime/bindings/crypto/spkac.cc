// crypto.Certificate: SPKAC (Netscape signed public key and challenge) parsing, signature
// check and the public key / challenge it carries, on OpenSSL's NETSCAPE_SPKI.
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cctype>
#include <string>

#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

// The SPKAC in `value` (base64 text; trailing whitespace ignored), or nullptr.
NETSCAPE_SPKI* DecodeSpkac(v8::Local<v8::Value> value) {
  View data = ViewOf(value);
  size_t len = data.size;
  while (len > 0 && isspace(data.data[len - 1])) len--;
  if (len == 0) return nullptr;
  std::string text(reinterpret_cast<const char*>(data.data), len);
  NETSCAPE_SPKI* spki = NETSCAPE_SPKI_b64_decode(text.c_str(), static_cast<int>(len));
  ERR_clear_error();
  return spki;
}

// certVerifySpkac(bytes): whether the SPKAC's signature matches its own public key.
void VerifySpkac(const v8::FunctionCallbackInfo<v8::Value>& args) {
  NETSCAPE_SPKI* spki = DecodeSpkac(args[0]);
  bool ok = false;
  if (spki != nullptr) {
    EVP_PKEY* pkey = NETSCAPE_SPKI_get_pubkey(spki);
    ok = pkey != nullptr && NETSCAPE_SPKI_verify(spki, pkey) > 0;
    EVP_PKEY_free(pkey);
    NETSCAPE_SPKI_free(spki);
  }
  ERR_clear_error();
  args.GetReturnValue().Set(ok);
}

// certExportPublicKey(bytes): the public key as SPKI PEM text, or undefined.
void ExportPublicKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
  NETSCAPE_SPKI* spki = DecodeSpkac(args[0]);
  if (spki == nullptr) return;
  EVP_PKEY* pkey = NETSCAPE_SPKI_get_pubkey(spki);
  BIO* bio = BIO_new(BIO_s_mem());
  if (pkey != nullptr && PEM_write_bio_PUBKEY(bio, pkey) == 1) {
    char* text = nullptr;
    long len = BIO_get_mem_data(bio, &text);
    args.GetReturnValue().Set(NewArrayBuffer(args.GetIsolate(),
                                             reinterpret_cast<uint8_t*>(text), len));
  }
  BIO_free(bio);
  EVP_PKEY_free(pkey);
  NETSCAPE_SPKI_free(spki);
  ERR_clear_error();
}

// certExportChallenge(bytes): the challenge string's bytes, or undefined.
void ExportChallenge(const v8::FunctionCallbackInfo<v8::Value>& args) {
  NETSCAPE_SPKI* spki = DecodeSpkac(args[0]);
  if (spki == nullptr) return;
  const ASN1_IA5STRING* challenge = spki->spkac->challenge;
  args.GetReturnValue().Set(NewArrayBuffer(args.GetIsolate(), ASN1_STRING_get0_data(challenge),
                                           ASN1_STRING_length(challenge)));
  NETSCAPE_SPKI_free(spki);
}

}  // namespace

void InitializeSpkac(BindingTarget& target) {
  target.Method("certVerifySpkac", VerifySpkac);
  target.Method("certExportPublicKey", ExportPublicKey);
  target.Method("certExportChallenge", ExportChallenge);
}

}  // namespace skua::crypto
