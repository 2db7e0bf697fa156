// X509 certificates as the plain objects tls's getPeerCertificate() returns: subject and
// issuer as null-prototype objects, subjectaltname, validity, fingerprints, the public
// key's parameters and the DER bytes; plus Node's names for X509_V_ERR_* codes.
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

#include <string>

#include "runtime/bindings/crypto/crypto_util.h"
#include "runtime/bindings/crypto/secure_context.h"
#include "runtime/core/v8_helpers.h"

namespace skua::secure_context {

namespace {

using crypto::NewArrayBuffer;

bool Set(v8::Isolate* isolate, v8::Local<v8::Object> obj, const char* key,
         v8::Local<v8::Value> value) {
  return obj->Set(isolate->GetCurrentContext(), OneByteString(isolate, key), value)
      .FromMaybe(false);
}

void SetStr(v8::Isolate* isolate, v8::Local<v8::Object> obj, const char* key,
            const std::string& value) {
  v8::Local<v8::String> s;
  if (Utf8String(isolate, value).ToLocal(&s)) Set(isolate, obj, key, s);
}

std::string BioToString(BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return std::string(data, size > 0 ? static_cast<size_t>(size) : 0);
}

// {C: 'US', CN: 'x', OU: ['a', 'b']}: repeated attributes become arrays, as in Node.
v8::Local<v8::Object> NameToObject(v8::Isolate* isolate, X509_NAME* name) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> obj = v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  for (int i = 0; i < X509_NAME_entry_count(name); i++) {
    X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    ASN1_OBJECT* oid = X509_NAME_ENTRY_get_object(entry);
    int nid = OBJ_obj2nid(oid);
    char key_buf[80];
    const char* key = nid != NID_undef ? OBJ_nid2sn(nid) : nullptr;
    if (key == nullptr) {
      OBJ_obj2txt(key_buf, sizeof(key_buf), oid, 1);
      key = key_buf;
    }
    unsigned char* utf8 = nullptr;
    int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
    if (len < 0) continue;
    v8::Local<v8::String> value;
    bool ok = Utf8String(isolate, std::string_view(reinterpret_cast<char*>(utf8), len))
                  .ToLocal(&value);
    OPENSSL_free(utf8);
    if (!ok) continue;
    v8::Local<v8::String> k = OneByteString(isolate, key);
    v8::Local<v8::Value> old;
    if (!obj->Get(context, k).ToLocal(&old)) continue;
    if (old->IsUndefined()) {
      obj->Set(context, k, value).Check();  // A plain data property on a fresh object.
    } else if (old->IsArray()) {
      v8::Local<v8::Array> arr = old.As<v8::Array>();
      arr->Set(context, arr->Length(), value).Check();
    } else {
      v8::Local<v8::Value> items[] = {old, value};
      obj->Set(context, k, v8::Array::New(isolate, items, 2)).Check();
    }
  }
  return obj;
}

std::string Fingerprint(X509* cert, const EVP_MD* md) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (X509_digest(cert, md, digest, &len) != 1) return "";
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned int i = 0; i < len; i++) {
    if (i) out += ':';
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string Time(const ASN1_TIME* t) {
  BIO* bio = BIO_new(BIO_s_mem());
  ASN1_TIME_print(bio, t);
  std::string s = BioToString(bio);
  BIO_free(bio);
  return s;
}

// Whether an alt name can be printed bare: Node quotes (JSON-style) any name holding
// characters that would make the ", "-joined list ambiguous or unprintable.
bool IsSafeAltName(const unsigned char* name, size_t length) {
  for (size_t i = 0; i < length; i++) {
    unsigned char c = name[i];
    if (c == '"' || c == '\\' || c == ',' || c == '\'' || c < ' ' || c > '~') return false;
  }
  return true;
}

// `utf8`: the bytes are UTF-8 text whose non-ASCII characters stay as they are (DirName);
// otherwise each byte is a Latin-1 character and non-ASCII ones are escaped.
// `escape` false: the raw text, as the legacy infoAccess object holds it.
void AppendAltName(std::string* out, const unsigned char* data, size_t length,
                   bool utf8, bool escape) {
  if (!escape || IsSafeAltName(data, length)) {
    out->append(reinterpret_cast<const char*>(data), length);
    return;
  }
  out->push_back('"');
  for (size_t i = 0; i < length; i++) {
    unsigned char c = data[i];
    if (c == '"' || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if ((c >= ' ' && c <= '~' && c != ',' && c != '\'') || (utf8 && c >= 0x80)) {
      out->push_back(static_cast<char>(c));
    } else {
      char esc[8];
      snprintf(esc, sizeof(esc), "\\u%04x", c);
      out->append(esc);
    }
  }
  out->push_back('"');
}

void AppendAltName(std::string* out, const ASN1_STRING* str, bool escape) {
  AppendAltName(out, ASN1_STRING_get0_data(str), static_cast<size_t>(ASN1_STRING_length(str)),
                /*utf8=*/false, escape);
}

// "othername:<Type>:<value>" for the string-valued other names Node knows (the type's
// expected string kind only), "othername:<unsupported>" for the rest.
void AppendOtherName(std::string* out, const OTHERNAME* name, bool escape) {
  const char* prefix = nullptr;
  bool unicode = true;
  switch (OBJ_obj2nid(name->type_id)) {
    case NID_id_on_SmtpUTF8Mailbox: prefix = "SmtpUTF8Mailbox"; break;
    case NID_XmppAddr: prefix = "XmppAddr"; break;
    case NID_SRVName: prefix = "SRVName"; unicode = false; break;
    case NID_ms_upn: prefix = "UPN"; break;
    case NID_NAIRealm: prefix = "NAIRealm"; break;
    default: break;
  }
  *out += "othername:";
  int expected = unicode ? V_ASN1_UTF8STRING : V_ASN1_IA5STRING;
  if (prefix == nullptr || name->value->type != expected) {
    *out += "<unsupported>";
    return;
  }
  const ASN1_STRING* str = name->value->value.asn1_string;
  std::string text = std::string(prefix) + ":" +
                     std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(str)),
                                 static_cast<size_t>(ASN1_STRING_length(str)));
  AppendAltName(out, reinterpret_cast<const unsigned char*>(text.data()), text.size(), unicode,
                escape);
}

// One general name as Node prints it ("DNS:a", "IP Address:1.2.3.4"); with `escape`, a
// name that could make a list of them ambiguous is quoted JSON-style.
void AppendGeneralName(std::string* out, GENERAL_NAME* gen, bool escape) {
  if (gen->type == GEN_DNS) {
    *out += "DNS:";
    AppendAltName(out, gen->d.dNSName, escape);
  } else if (gen->type == GEN_EMAIL) {
    *out += "email:";
    AppendAltName(out, gen->d.rfc822Name, escape);
  } else if (gen->type == GEN_URI) {
    *out += "URI:";
    AppendAltName(out, gen->d.uniformResourceIdentifier, escape);
  } else if (gen->type == GEN_IPADD && gen->d.iPAddress->length != 4 &&
             gen->d.iPAddress->length != 16) {
    *out += "IP Address:<invalid length=" + std::to_string(gen->d.iPAddress->length) + ">";
  } else if (gen->type == GEN_RID) {
    // Numeric even for well-known OIDs, as Node prints them.
    char oid[128];
    if (OBJ_obj2txt(oid, sizeof(oid), gen->d.registeredID, 1) < 0) oid[0] = '\0';
    *out += "Registered ID:";
    *out += oid;
  } else if (gen->type == GEN_DIRNAME) {
    // RFC 2253 text without escaping of non-ASCII or control characters: the quoting
    // below escapes those JSON-style instead.
    BIO* bio = BIO_new(BIO_s_mem());
    X509_NAME_print_ex(bio, gen->d.directoryName, 0,
                       XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB & ~ASN1_STRFLGS_ESC_CTRL);
    std::string name = BioToString(bio);
    BIO_free(bio);
    *out += "DirName:";
    AppendAltName(out, reinterpret_cast<const unsigned char*>(name.data()), name.size(),
                  /*utf8=*/true, escape);
  } else if (gen->type == GEN_OTHERNAME) {
    AppendOtherName(out, gen->d.otherName, escape);
  } else if (gen->type == GEN_IPADD) {
    const unsigned char* b = gen->d.iPAddress->data;
    char buf[64];
    *out += "IP Address:";
    if (gen->d.iPAddress->length == 4) {
      snprintf(buf, sizeof(buf), "%d.%d.%d.%d", b[0], b[1], b[2], b[3]);
      *out += buf;
    } else {
      for (int j = 0; j < 8; j++) {
        snprintf(buf, sizeof(buf), j == 0 ? "%X" : ":%X", (b[2 * j] << 8) | b[2 * j + 1]);
        *out += buf;
      }
    }
  } else {
    BIO* bio = BIO_new(BIO_s_mem());
    GENERAL_NAME_print(bio, gen);
    *out += BioToString(bio);
    BIO_free(bio);
  }
}

}  // namespace

std::string SubjectAltNameText(X509* cert) {
  auto* names = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return "";
  std::string out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
    if (i > 0) out += ", ";
    AppendGeneralName(&out, sk_GENERAL_NAME_value(names, i), /*escape=*/true);
  }
  GENERAL_NAMES_free(names);
  return out;
}

namespace {

// The access method's name ("OCSP", "CA Issuers"), or its numeric OID when unknown.
std::string AccessMethodName(const ASN1_OBJECT* method) {
  char name[128];
  if (OBJ_obj2txt(name, sizeof(name), method, 0) < 0) name[0] = '\0';
  return name;
}

}  // namespace

std::string InfoAccessText(X509* cert) {
  auto* info = static_cast<AUTHORITY_INFO_ACCESS*>(
      X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr));
  if (info == nullptr) return "";
  std::string out;
  for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(info); i++) {
    ACCESS_DESCRIPTION* desc = sk_ACCESS_DESCRIPTION_value(info, i);
    if (i > 0) out += "\n";
    out += AccessMethodName(desc->method) + " - ";
    AppendGeneralName(&out, desc->location, /*escape=*/true);
  }
  AUTHORITY_INFO_ACCESS_free(info);
  return out;
}

namespace {

// getPeerCertificate()'s infoAccess: {"OCSP - URI": ["http://..."]}, raw values.
v8::Local<v8::Value> InfoAccessObject(v8::Isolate* isolate, X509* cert) {
  auto* info = static_cast<AUTHORITY_INFO_ACCESS*>(
      X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr));
  if (info == nullptr) return v8::Undefined(isolate);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> obj = v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(info); i++) {
    ACCESS_DESCRIPTION* desc = sk_ACCESS_DESCRIPTION_value(info, i);
    std::string name;
    AppendGeneralName(&name, desc->location, /*escape=*/false);
    size_t colon = name.find(':');
    if (colon == std::string::npos) continue;
    v8::Local<v8::String> key;
    v8::Local<v8::String> value;
    if (!Utf8String(isolate, AccessMethodName(desc->method) + " - " + name.substr(0, colon))
             .ToLocal(&key) ||
        !Utf8String(isolate, std::string_view(name).substr(colon + 1)).ToLocal(&value)) {
      continue;
    }
    v8::Local<v8::Value> list;
    if (!obj->Get(context, key).ToLocal(&list)) continue;
    if (!list->IsArray()) {
      list = v8::Array::New(isolate);
      obj->Set(context, key, list).Check();  // A plain data property on a fresh object.
    }
    list.As<v8::Array>()->Set(context, list.As<v8::Array>()->Length(), value).Check();
  }
  AUTHORITY_INFO_ACCESS_free(info);
  return obj;
}

std::string BignumHex(const BIGNUM* bn) {
  char* hex = BN_bn2hex(bn);
  std::string s = hex ? hex : "";
  OPENSSL_free(hex);
  return s;
}

void AddPublicKey(v8::Isolate* isolate, v8::Local<v8::Object> obj, X509* cert) {
  EVP_PKEY* pkey = X509_get0_pubkey(cert);
  if (pkey == nullptr) return;
  int id = EVP_PKEY_get_base_id(pkey);
  if (id == EVP_PKEY_RSA) {
    BIGNUM* n = nullptr;
    BIGNUM* e = nullptr;
    EVP_PKEY_get_bn_param(pkey, "n", &n);
    EVP_PKEY_get_bn_param(pkey, "e", &e);
    if (n) SetStr(isolate, obj, "modulus", BignumHex(n));
    Set(isolate, obj, "bits", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
    if (e) {
      std::string hex = BignumHex(e);
      for (char& c : hex) c = static_cast<char>(tolower(c));
      size_t start = hex.find_first_not_of('0');
      SetStr(isolate, obj, "exponent", "0x" + (start == std::string::npos ? "0" : hex.substr(start)));
    }
    BN_free(n);
    BN_free(e);
  } else if (id == EVP_PKEY_EC) {
    Set(isolate, obj, "bits", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
    char group[80];
    size_t group_len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, "group", group, sizeof(group), &group_len) == 1) {
      int nid = OBJ_sn2nid(group);
      SetStr(isolate, obj, "asn1Curve", group);
      const char* nist = nid != NID_undef ? EC_curve_nid2nist(nid) : nullptr;
      if (nist) SetStr(isolate, obj, "nistCurve", nist);
    }
    unsigned char point[256];
    size_t point_len = 0;
    if (EVP_PKEY_get_octet_string_param(pkey, "encoded-pub-key", point, sizeof(point),
                                        &point_len) == 1) {
      Set(isolate, obj, "pubkey", NewArrayBuffer(isolate, point, point_len));
    }
    return;
  } else {
    return;
  }
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(pkey, &der);
  if (len > 0) Set(isolate, obj, "pubkey", NewArrayBuffer(isolate, der, len));
  OPENSSL_free(der);
}

}  // namespace

v8::MaybeLocal<v8::Object> X509ToObject(v8::Isolate* isolate, X509* cert) {
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Object> obj = v8::Object::New(isolate);
  Set(isolate, obj, "subject", NameToObject(isolate, X509_get_subject_name(cert)));
  Set(isolate, obj, "issuer", NameToObject(isolate, X509_get_issuer_name(cert)));
  std::string san = SubjectAltNameText(cert);
  if (!san.empty()) SetStr(isolate, obj, "subjectaltname", san);
  v8::Local<v8::Value> info_access = InfoAccessObject(isolate, cert);
  if (!info_access->IsUndefined()) Set(isolate, obj, "infoAccess", info_access);
  Set(isolate, obj, "ca", v8::Boolean::New(isolate, X509_check_ca(cert) == 1));
  AddPublicKey(isolate, obj, cert);
  SetStr(isolate, obj, "valid_from", Time(X509_get0_notBefore(cert)));
  SetStr(isolate, obj, "valid_to", Time(X509_get0_notAfter(cert)));
  SetStr(isolate, obj, "fingerprint", Fingerprint(cert, EVP_sha1()));
  SetStr(isolate, obj, "fingerprint256", Fingerprint(cert, EVP_sha256()));
  SetStr(isolate, obj, "fingerprint512", Fingerprint(cert, EVP_sha512()));
  if (auto* eku = static_cast<EXTENDED_KEY_USAGE*>(
          X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr))) {
    v8::Local<v8::Array> arr = v8::Array::New(isolate);
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
      char oid[80];
      OBJ_obj2txt(oid, sizeof(oid), sk_ASN1_OBJECT_value(eku, i), 1);
      arr->Set(isolate->GetCurrentContext(), i, OneByteString(isolate, oid)).Check();
    }
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    Set(isolate, obj, "ext_key_usage", arr);
  }
  if (BIGNUM* serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr)) {
    SetStr(isolate, obj, "serialNumber", BignumHex(serial));
    BN_free(serial);
  }
  unsigned char* der = nullptr;
  int len = i2d_X509(cert, &der);
  if (len > 0) Set(isolate, obj, "raw", NewArrayBuffer(isolate, der, len));
  OPENSSL_free(der);
  return scope.Escape(obj);
}

const char* X509ErrorCode(long err) {
  switch (err) {
#define C(name) \
  case X509_V_ERR_##name: return #name;
    C(UNABLE_TO_GET_ISSUER_CERT) C(UNABLE_TO_GET_CRL) C(UNABLE_TO_DECRYPT_CERT_SIGNATURE)
    C(UNABLE_TO_DECRYPT_CRL_SIGNATURE) C(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)
    C(CERT_SIGNATURE_FAILURE) C(CRL_SIGNATURE_FAILURE) C(CERT_NOT_YET_VALID)
    C(CERT_HAS_EXPIRED) C(CRL_NOT_YET_VALID) C(CRL_HAS_EXPIRED)
    C(ERROR_IN_CERT_NOT_BEFORE_FIELD) C(ERROR_IN_CERT_NOT_AFTER_FIELD)
    C(ERROR_IN_CRL_LAST_UPDATE_FIELD) C(ERROR_IN_CRL_NEXT_UPDATE_FIELD) C(OUT_OF_MEM)
    C(DEPTH_ZERO_SELF_SIGNED_CERT) C(SELF_SIGNED_CERT_IN_CHAIN)
    C(UNABLE_TO_GET_ISSUER_CERT_LOCALLY) C(UNABLE_TO_VERIFY_LEAF_SIGNATURE)
    C(CERT_CHAIN_TOO_LONG) C(CERT_REVOKED) C(INVALID_CA) C(PATH_LENGTH_EXCEEDED)
    C(INVALID_PURPOSE) C(CERT_UNTRUSTED) C(CERT_REJECTED) C(HOSTNAME_MISMATCH)
#undef C
    default: return "UNSPECIFIED";
  }
}

}  // namespace skua::secure_context
