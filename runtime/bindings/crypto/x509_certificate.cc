// X509CertificateHandle: the native side of crypto.X509Certificate — one parsed X509 with
// the accessors and checks (host, email, IP, issuer, key) Node's class offers. The
// getPeerCertificate() object shape comes from x509_object.cc.
//
// Rules: owned by its JS object (weak BaseObject); used on the loop thread only.
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <string>

#include "base/check.h"
#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/bindings/crypto/key_object.h"
#include "runtime/bindings/crypto/secure_context.h"
#include "runtime/core/base_object.h"
#include "runtime/core/realm.h"
#include "runtime/core/v8_helpers.h"

namespace skua::crypto {

namespace {

using Args = v8::FunctionCallbackInfo<v8::Value>;

// Node's subject/issuer text: one RDN per line, RFC 2253 escaping, UTF-8.
constexpr unsigned long kNameFlags = ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL |
                                     ASN1_STRFLGS_UTF8_CONVERT | XN_FLAG_SEP_MULTILINE |
                                     XN_FLAG_FN_SN;

std::string TakeBio(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string out(data != nullptr ? data : "", len > 0 ? len : 0);
  BIO_free(bio);
  return out;
}

class X509CertificateHandle : public BaseObject {
 public:
  X509CertificateHandle(Realm* realm, v8::Local<v8::Object> object)
      : BaseObject(realm, object) {}
  ~X509CertificateHandle() override { X509_free(cert_); }

  X509* cert() const { return cert_; }

  static void New(const Args& args) {
    new X509CertificateHandle(Realm::From(args.GetIsolate()), args.This());
  }

  static X509CertificateHandle* This(const Args& args) {
    auto* self = Unwrap<X509CertificateHandle>(args.This());
    CHECK(self != nullptr);
    return self;
  }

  // parse(bytes): PEM or DER; throws OpenSSL's error for anything else.
  static void Parse(const Args& args) {
    View data = ViewOf(args[0]);
    ERR_clear_error();
    BIO* bio = BIO_new_mem_buf(data.data, static_cast<int>(data.size));
    X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (cert == nullptr) {
      ERR_clear_error();
      const unsigned char* p = data.data;
      cert = d2i_X509(nullptr, &p, static_cast<long>(data.size));
    }
    if (cert == nullptr) return ThrowOpenSsl(args.GetIsolate(), "Failed to parse certificate");
    This(args)->cert_ = cert;
  }

  // text(which): 0 subject, 1 issuer, 2 subjectAltName, 3 infoAccess, 4 validFrom,
  // 5 validTo, 6 serialNumber, 7 PEM. Undefined when the certificate has no such part.
  static void Text(const Args& args) {
    v8::Isolate* isolate = args.GetIsolate();
    X509* cert = This(args)->cert_;
    BIO* bio = BIO_new(BIO_s_mem());
    bool ok = true;
    switch (args[0].As<v8::Int32>()->Value()) {
      case 0:
        ok = X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0, kNameFlags) >= 0;
        break;
      case 1:
        ok = X509_NAME_print_ex(bio, X509_get_issuer_name(cert), 0, kNameFlags) >= 0;
        break;
      case 2: {
        std::string san = secure_context::SubjectAltNameText(cert);
        ok = !san.empty() && BIO_write(bio, san.data(), static_cast<int>(san.size())) > 0;
        break;
      }
      case 3: {
        std::string info = secure_context::InfoAccessText(cert);
        ok = !info.empty() && BIO_write(bio, info.data(), static_cast<int>(info.size())) > 0;
        break;
      }
      case 4: ok = ASN1_TIME_print(bio, X509_get0_notBefore(cert)) == 1; break;
      case 5: ok = ASN1_TIME_print(bio, X509_get0_notAfter(cert)) == 1; break;
      case 6: {
        BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
        char* hex = bn != nullptr ? BN_bn2hex(bn) : nullptr;
        ok = hex != nullptr && BIO_puts(bio, hex) >= 0;
        OPENSSL_free(hex);
        BN_free(bn);
        break;
      }
      case 7: ok = PEM_write_bio_X509(bio, cert) == 1; break;
      default: UNREACHABLE();
    }
    std::string text = TakeBio(bio);
    ERR_clear_error();
    if (!ok) return;
    v8::Local<v8::String> result;
    if (Utf8String(isolate, text).ToLocal(&result)) args.GetReturnValue().Set(result);
  }

  // fingerprint(digest): "AB:CD:..." over the DER encoding.
  static void Fingerprint(const Args& args) {
    const EVP_MD* md = GetDigest(ToUtf8(args.GetIsolate(), args[0]));
    CHECK(md != nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (X509_digest(This(args)->cert_, md, digest, &len) != 1) return;
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned int i = 0; i < len; i++) {
      if (i > 0) out += ':';
      out += kHex[digest[i] >> 4];
      out += kHex[digest[i] & 15];
    }
    args.GetReturnValue().Set(OneByteString(args.GetIsolate(), out));
  }

  static void Raw(const Args& args) {
    unsigned char* der = nullptr;
    int len = i2d_X509(This(args)->cert_, &der);
    if (len < 0) return ThrowOpenSsl(args.GetIsolate(), "Failed to encode certificate");
    args.GetReturnValue().Set(NewArrayBuffer(args.GetIsolate(), der, len));
    OPENSSL_free(der);
  }

  static void IsCa(const Args& args) {
    args.GetReturnValue().Set(X509_check_ca(This(args)->cert_) == 1);
  }

  // keyUsage(): the extended key usage OIDs, or undefined without that extension.
  static void KeyUsage(const Args& args) {
    v8::Isolate* isolate = args.GetIsolate();
    auto* eku = static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(This(args)->cert_, NID_ext_key_usage, nullptr, nullptr));
    if (eku == nullptr) return;
    std::vector<std::string> oids;
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
      char oid[128];
      if (OBJ_obj2txt(oid, sizeof(oid), sk_ASN1_OBJECT_value(eku, i), 1) > 0) oids.push_back(oid);
    }
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    v8::Local<v8::Array> result;
    if (ToStringArray(isolate, oids).ToLocal(&result)) args.GetReturnValue().Set(result);
  }

  // publicKey(): a new public KeyObjectHandle.
  static void PublicKey(const Args& args) {
    EVP_PKEY* pkey = X509_get_pubkey(This(args)->cert_);
    if (pkey == nullptr) return ThrowOpenSsl(args.GetIsolate(), "Failed to get public key");
    v8::Local<v8::Object> handle;
    if (KeyObjectHandle::Create(Realm::From(args.GetIsolate()), pkey,
                                KeyObjectHandle::Kind::kPublic).ToLocal(&handle)) {
      args.GetReturnValue().Set(handle);
    }
  }

  // checkHost(name, flags) / checkEmail(email, flags) / checkIP(ip): the matched name or
  // undefined.
  static void CheckHost(const Args& args) {
    std::string name = ToUtf8(args.GetIsolate(), args[0]);
    unsigned int flags = args[1].As<v8::Uint32>()->Value();
    char* peername = nullptr;
    int rc = X509_check_host(This(args)->cert_, name.data(), name.size(), flags, &peername);
    if (rc == 1) {
      v8::Local<v8::String> result;
      if (Utf8String(args.GetIsolate(), peername != nullptr ? peername : name).ToLocal(&result)) {
        args.GetReturnValue().Set(result);
      }
    }
    OPENSSL_free(peername);
    ERR_clear_error();
  }

  static void CheckEmail(const Args& args) {
    std::string email = ToUtf8(args.GetIsolate(), args[0]);
    unsigned int flags = args[1].As<v8::Uint32>()->Value();
    if (X509_check_email(This(args)->cert_, email.data(), email.size(), flags) == 1) {
      args.GetReturnValue().Set(args[0]);
    }
    ERR_clear_error();
  }

  static void CheckIp(const Args& args) {
    std::string ip = ToUtf8(args.GetIsolate(), args[0]);
    if (X509_check_ip_asc(This(args)->cert_, ip.c_str(), 0) == 1) {
      args.GetReturnValue().Set(args[0]);
    }
    ERR_clear_error();
  }

  // checkIssued(otherHandle): whether `other` issued this certificate.
  static void CheckIssued(const Args& args) {
    auto* other = Unwrap<X509CertificateHandle>(args[0]);
    CHECK(other != nullptr);
    args.GetReturnValue().Set(X509_check_issued(other->cert_, This(args)->cert_) == X509_V_OK);
    ERR_clear_error();
  }

  // checkPrivateKey(keyHandle) / verify(keyHandle).
  static void CheckPrivateKey(const Args& args) {
    KeyObjectHandle* key = KeyObjectHandle::From(args[0]);
    CHECK(key != nullptr);
    args.GetReturnValue().Set(X509_check_private_key(This(args)->cert_, key->pkey()) == 1);
    ERR_clear_error();
  }

  static void Verify(const Args& args) {
    KeyObjectHandle* key = KeyObjectHandle::From(args[0]);
    CHECK(key != nullptr);
    args.GetReturnValue().Set(X509_verify(This(args)->cert_, key->pkey()) > 0);
    ERR_clear_error();
  }

  // toLegacyObject(): the getPeerCertificate() shape.
  static void ToLegacyObject(const Args& args) {
    v8::Local<v8::Object> obj;
    if (secure_context::X509ToObject(args.GetIsolate(), This(args)->cert_).ToLocal(&obj)) {
      args.GetReturnValue().Set(obj);
    }
  }

 private:
  X509* cert_ = nullptr;
};

}  // namespace

void InitializeX509(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ =
      NewClass(target, "X509CertificateHandle", X509CertificateHandle::New);
  SetProto(isolate, templ, "parse", X509CertificateHandle::Parse);
  SetProto(isolate, templ, "text", X509CertificateHandle::Text);
  SetProto(isolate, templ, "fingerprint", X509CertificateHandle::Fingerprint);
  SetProto(isolate, templ, "raw", X509CertificateHandle::Raw);
  SetProto(isolate, templ, "isCa", X509CertificateHandle::IsCa);
  SetProto(isolate, templ, "keyUsage", X509CertificateHandle::KeyUsage);
  SetProto(isolate, templ, "publicKey", X509CertificateHandle::PublicKey);
  SetProto(isolate, templ, "checkHost", X509CertificateHandle::CheckHost);
  SetProto(isolate, templ, "checkEmail", X509CertificateHandle::CheckEmail);
  SetProto(isolate, templ, "checkIP", X509CertificateHandle::CheckIp);
  SetProto(isolate, templ, "checkIssued", X509CertificateHandle::CheckIssued);
  SetProto(isolate, templ, "checkPrivateKey", X509CertificateHandle::CheckPrivateKey);
  SetProto(isolate, templ, "verify", X509CertificateHandle::Verify);
  SetProto(isolate, templ, "toLegacyObject", X509CertificateHandle::ToLegacyObject);
  ExposeClass(target, "X509CertificateHandle", templ);
}

}  // namespace skua::crypto
