// Turning a c-ares answer into the JS values dns.resolve* returns: strings for A/AAAA/NS/
// PTR/CNAME, objects for MX/SRV/NAPTR/SOA/CAA, string arrays for TXT, typed objects for ANY.
// c-ares's own parsers validate the packet; a malformed one yields ARES_EBADRESP.
#include <ares.h>
#include <arpa/inet.h>

#include <cstring>
#include <string>
#include <vector>

#include "runtime/bindings/cares_wrap_channel.h"
#include "runtime/core/v8_helpers.h"

namespace skua::cares_wrap {

namespace {

using Values = std::vector<v8::Local<v8::Value>>;

// DNS text is bytes; Node hands it to JS as Latin-1.
v8::Local<v8::String> Latin1(v8::Isolate* isolate, const void* data, size_t length) {
  v8::Local<v8::String> text;
  if (!v8::String::NewFromOneByte(isolate, static_cast<const uint8_t*>(data),
                                  v8::NewStringType::kNormal, static_cast<int>(length))
           .ToLocal(&text)) {
    return v8::String::Empty(isolate);
  }
  return text;
}

v8::Local<v8::String> Latin1(v8::Isolate* isolate, const char* text) {
  return Latin1(isolate, text, text == nullptr ? 0 : strlen(text));
}

class ObjectBuilder {
 public:
  explicit ObjectBuilder(v8::Isolate* isolate)
      : isolate_(isolate), context_(isolate->GetCurrentContext()),
        object_(v8::Object::New(isolate)) {}
  ObjectBuilder& Set(const char* key, v8::Local<v8::Value> value) {
    // A fresh plain object with no setters: Set cannot throw.
    object_->Set(context_, OneByteString(isolate_, key), value).Check();
    return *this;
  }
  ObjectBuilder& Set(const char* key, const char* text) { return Set(key, Latin1(isolate_, text)); }
  ObjectBuilder& SetUint(const char* key, uint32_t value) {
    return Set(key, v8::Integer::NewFromUnsigned(isolate_, value));
  }
  v8::Local<v8::Object> Build(const char* type) {
    if (type != nullptr) Set("type", type);
    return object_;
  }

 private:
  v8::Isolate* isolate_;
  v8::Local<v8::Context> context_;
  v8::Local<v8::Object> object_;
};

// A name-like string, or {value, type} inside an ANY answer.
v8::Local<v8::Value> NameValue(v8::Isolate* isolate, const char* name, const char* any_type) {
  if (any_type == nullptr) return Latin1(isolate, name);
  return ObjectBuilder(isolate).Set("value", name).Build(any_type);
}

int ParseAddresses(v8::Isolate* isolate, const unsigned char* buf, int len, bool ipv6,
                   bool any, Values* out, Values* ttls) {
  constexpr int kMax = 256;
  char ip[INET6_ADDRSTRLEN];
  int count = kMax;
  std::vector<uint32_t> ttl_values;
  int status;
  if (ipv6) {
    std::vector<ares_addr6ttl> list(kMax);
    status = ares_parse_aaaa_reply(buf, len, nullptr, list.data(), &count);
    for (int i = 0; status == ARES_SUCCESS && i < count; i++) {
      inet_ntop(AF_INET6, &list[i].ip6addr, ip, sizeof(ip));
      ttl_values.push_back(static_cast<uint32_t>(list[i].ttl));
      out->push_back(OneByteString(isolate, ip));
    }
  } else {
    std::vector<ares_addrttl> list(kMax);
    status = ares_parse_a_reply(buf, len, nullptr, list.data(), &count);
    for (int i = 0; status == ARES_SUCCESS && i < count; i++) {
      inet_ntop(AF_INET, &list[i].ipaddr, ip, sizeof(ip));
      ttl_values.push_back(static_cast<uint32_t>(list[i].ttl));
      out->push_back(OneByteString(isolate, ip));
    }
  }
  if (status != ARES_SUCCESS) return status;
  size_t first = out->size() - ttl_values.size();
  for (size_t i = 0; i < ttl_values.size(); i++) {
    v8::Local<v8::Value> ttl = v8::Integer::NewFromUnsigned(isolate, ttl_values[i]);
    if (any) {
      (*out)[first + i] = ObjectBuilder(isolate)
                              .Set("address", (*out)[first + i])
                              .Set("ttl", ttl)
                              .Build(ipv6 ? "AAAA" : "A");
    } else if (ttls != nullptr) {
      ttls->push_back(ttl);
    }
  }
  return ARES_SUCCESS;
}

uint16_t Read16(const unsigned char* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }

// Walks the answer section for CNAME records (c-ares has no CNAME parser of its own).
int ParseCname(v8::Isolate* isolate, const unsigned char* buf, int len, bool any,
               Values* out) {
  if (len < 12) return ARES_EBADRESP;
  int qdcount = Read16(buf + 4), ancount = Read16(buf + 6);
  const unsigned char* p = buf + 12;
  const unsigned char* end = buf + len;
  auto skip_name = [&]() {
    char* name = nullptr;
    long enclen = 0;
    if (ares_expand_name(p, buf, len, &name, &enclen) != ARES_SUCCESS) return false;
    ares_free_string(name);
    p += enclen;
    return p <= end;
  };
  for (int i = 0; i < qdcount; i++) {
    if (!skip_name() || end - p < 4) return ARES_EBADRESP;
    p += 4;
  }
  size_t found = 0;
  for (int i = 0; i < ancount; i++) {
    if (!skip_name() || end - p < 10) return ARES_EBADRESP;
    int type = Read16(p), rdlength = Read16(p + 8);
    p += 10;
    if (end - p < rdlength) return ARES_EBADRESP;
    if (type == kCname) {
      char* target = nullptr;
      long enclen = 0;
      if (ares_expand_name(p, buf, len, &target, &enclen) != ARES_SUCCESS) return ARES_EBADRESP;
      out->push_back(NameValue(isolate, target, any ? "CNAME" : nullptr));
      ares_free_string(target);
      found++;
    }
    p += rdlength;
  }
  return found > 0 ? ARES_SUCCESS : ARES_ENODATA;
}

// NS and PTR come back as a hostent whose aliases are the names.
int ParseHostNames(v8::Isolate* isolate, const unsigned char* buf, int len, int type, bool any,
                   Values* out) {
  hostent* host = nullptr;
  int status = type == kNs ? ares_parse_ns_reply(buf, len, &host)
                           : ares_parse_ptr_reply(buf, len, nullptr, 0, AF_INET, &host);
  if (status != ARES_SUCCESS) return status;
  const char* any_type = any ? (type == kNs ? "NS" : "PTR") : nullptr;
  for (char** alias = host->h_aliases; alias != nullptr && *alias != nullptr; ++alias) {
    out->push_back(NameValue(isolate, *alias, any_type));
  }
  ares_free_hostent(host);
  return ARES_SUCCESS;
}

int ParseMx(v8::Isolate* isolate, const unsigned char* buf, int len, bool any, Values* out) {
  ares_mx_reply* list = nullptr;
  int status = ares_parse_mx_reply(buf, len, &list);
  if (status != ARES_SUCCESS) return status;
  for (ares_mx_reply* r = list; r != nullptr; r = r->next) {
    out->push_back(ObjectBuilder(isolate)
                       .Set("exchange", r->host)
                       .SetUint("priority", r->priority)
                       .Build(any ? "MX" : nullptr));
  }
  ares_free_data(list);
  return ARES_SUCCESS;
}

int ParseTxt(v8::Isolate* isolate, const unsigned char* buf, int len, bool any, Values* out) {
  ares_txt_ext* list = nullptr;
  int status = ares_parse_txt_reply_ext(buf, len, &list);
  if (status != ARES_SUCCESS) return status;
  std::vector<Values> records;
  for (ares_txt_ext* r = list; r != nullptr; r = r->next) {
    if (r->record_start || records.empty()) records.emplace_back();
    records.back().push_back(Latin1(isolate, r->txt, r->length));
  }
  ares_free_data(list);
  for (Values& chunks : records) {
    v8::Local<v8::Array> entries = v8::Array::New(isolate, chunks.data(), chunks.size());
    if (any) out->push_back(ObjectBuilder(isolate).Set("entries", entries).Build("TXT"));
    else out->push_back(entries);
  }
  return ARES_SUCCESS;
}

int ParseSrv(v8::Isolate* isolate, const unsigned char* buf, int len, bool any, Values* out) {
  ares_srv_reply* list = nullptr;
  int status = ares_parse_srv_reply(buf, len, &list);
  if (status != ARES_SUCCESS) return status;
  for (ares_srv_reply* r = list; r != nullptr; r = r->next) {
    out->push_back(ObjectBuilder(isolate)
                       .Set("name", r->host)
                       .SetUint("port", r->port)
                       .SetUint("priority", r->priority)
                       .SetUint("weight", r->weight)
                       .Build(any ? "SRV" : nullptr));
  }
  ares_free_data(list);
  return ARES_SUCCESS;
}

int ParseNaptr(v8::Isolate* isolate, const unsigned char* buf, int len, bool any,
               Values* out) {
  ares_naptr_reply* list = nullptr;
  int status = ares_parse_naptr_reply(buf, len, &list);
  if (status != ARES_SUCCESS) return status;
  for (ares_naptr_reply* r = list; r != nullptr; r = r->next) {
    out->push_back(ObjectBuilder(isolate)
                       .Set("flags", reinterpret_cast<const char*>(r->flags))
                       .Set("service", reinterpret_cast<const char*>(r->service))
                       .Set("regexp", reinterpret_cast<const char*>(r->regexp))
                       .Set("replacement", r->replacement)
                       .SetUint("order", r->order)
                       .SetUint("preference", r->preference)
                       .Build(any ? "NAPTR" : nullptr));
  }
  ares_free_data(list);
  return ARES_SUCCESS;
}

int ParseSoa(v8::Isolate* isolate, const unsigned char* buf, int len, bool any, Values* out) {
  ares_soa_reply* soa = nullptr;
  int status = ares_parse_soa_reply(buf, len, &soa);
  if (status != ARES_SUCCESS) return status;
  out->push_back(ObjectBuilder(isolate)
                     .Set("nsname", soa->nsname)
                     .Set("hostmaster", soa->hostmaster)
                     .SetUint("serial", soa->serial)
                     .SetUint("refresh", soa->refresh)
                     .SetUint("retry", soa->retry)
                     .SetUint("expire", soa->expire)
                     .SetUint("minttl", soa->minttl)
                     .Build(any ? "SOA" : nullptr));
  ares_free_data(soa);
  return ARES_SUCCESS;
}

int ParseCaa(v8::Isolate* isolate, const unsigned char* buf, int len, bool any, Values* out) {
  ares_caa_reply* list = nullptr;
  int status = ares_parse_caa_reply(buf, len, &list);
  if (status != ARES_SUCCESS) return status;
  for (ares_caa_reply* r = list; r != nullptr; r = r->next) {
    std::string property(reinterpret_cast<const char*>(r->property), r->plength);
    ObjectBuilder record(isolate);
    record.SetUint("critical", static_cast<uint32_t>(r->critical));
    record.Set(property.c_str(), Latin1(isolate, r->value, r->length));
    out->push_back(record.Build(any ? "CAA" : nullptr));
  }
  ares_free_data(list);
  return ARES_SUCCESS;
}

// ANY: every record type Node knows, in Node's order; a type that is absent is skipped.
int ParseAny(v8::Isolate* isolate, const unsigned char* buf, int len, Values* out) {
  auto ok = [](int status) { return status == ARES_SUCCESS || status == ARES_ENODATA; };
  int status;
  if (!ok(status = ParseAddresses(isolate, buf, len, false, true, out, nullptr))) return status;
  if (!ok(status = ParseAddresses(isolate, buf, len, true, true, out, nullptr))) return status;
  if (!ok(status = ParseCname(isolate, buf, len, true, out))) return status;
  if (!ok(status = ParseMx(isolate, buf, len, true, out))) return status;
  if (!ok(status = ParseHostNames(isolate, buf, len, kNs, true, out))) return status;
  if (!ok(status = ParseTxt(isolate, buf, len, true, out))) return status;
  if (!ok(status = ParseSrv(isolate, buf, len, true, out))) return status;
  if (!ok(status = ParseHostNames(isolate, buf, len, kPtr, true, out))) return status;
  if (!ok(status = ParseNaptr(isolate, buf, len, true, out))) return status;
  // c-ares 1.18 reports a missing SOA as EBADRESP; the packet itself has parsed above.
  status = ParseSoa(isolate, buf, len, true, out);
  if (!ok(status) && status != ARES_EBADRESP) return status;
  if (!ok(status = ParseCaa(isolate, buf, len, true, out))) return status;
  return out->empty() ? ARES_ENODATA : ARES_SUCCESS;
}

}  // namespace

int ParseResponse(v8::Isolate* isolate, QueryWrap* query, v8::Local<v8::Value>* result,
                  v8::Local<v8::Value>* ttls) {
  Values out, ttl_values;
  if (query->type() == kReverse) {
    for (const std::string& name : query->host_names()) {
      out.push_back(Latin1(isolate, name.data(), name.size()));
    }
    *result = v8::Array::New(isolate, out.data(), out.size());
    return ARES_SUCCESS;
  }
  const std::vector<unsigned char>& response = query->response();
  const unsigned char* buf = response.data();
  int len = static_cast<int>(response.size());
  int status;
  switch (query->type()) {
    case kA:
    case kAaaa:
      status = ParseAddresses(isolate, buf, len, query->type() == kAaaa, false, &out,
                              &ttl_values);
      *ttls = v8::Array::New(isolate, ttl_values.data(), ttl_values.size());
      break;
    case kCname: status = ParseCname(isolate, buf, len, false, &out); break;
    case kNs:
    case kPtr: status = ParseHostNames(isolate, buf, len, query->type(), false, &out); break;
    case kMx: status = ParseMx(isolate, buf, len, false, &out); break;
    case kTxt: status = ParseTxt(isolate, buf, len, false, &out); break;
    case kSrv: status = ParseSrv(isolate, buf, len, false, &out); break;
    case kNaptr: status = ParseNaptr(isolate, buf, len, false, &out); break;
    case kCaa: status = ParseCaa(isolate, buf, len, false, &out); break;
    case kAny: status = ParseAny(isolate, buf, len, &out); break;
    case kSoa:
      status = ParseSoa(isolate, buf, len, false, &out);
      if (status == ARES_SUCCESS) *result = out[0];
      return status;
    default: return ARES_ENOTIMP;
  }
  if (status == ARES_SUCCESS) *result = v8::Array::New(isolate, out.data(), out.size());
  return status;
}

}  // namespace skua::cares_wrap
