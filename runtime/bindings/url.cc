// `url`: the WHATWG URL parser of base/url for stdlib/internal/url.js. A parsed URL
// crosses into JS as its href (always ASCII) plus component offsets written into a
// Uint32Array shared with JS (`urlComponents`), so a parse costs one string.
#include <string>

#include "base/url/idna.h"
#include "base/url/setters.h"
#include "base/url/url.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::url {

namespace {

constexpr int kComponentCount = sizeof(UrlOffsets) / sizeof(uint32_t);

class UrlState : public BindingState {
 public:
  explicit UrlState(Realm* realm) {
    store_ = v8::ArrayBuffer::NewBackingStore(realm->isolate(),
                                              kComponentCount * sizeof(uint32_t));
  }
  v8::Local<v8::Uint32Array> ComponentsArray(v8::Isolate* isolate) {
    return v8::Uint32Array::New(v8::ArrayBuffer::New(isolate, store_), 0, kComponentCount);
  }
  void Store(const UrlOffsets& offsets) {
    static_assert(sizeof(UrlOffsets) == kComponentCount * sizeof(uint32_t));
    memcpy(store_->Data(), &offsets, sizeof offsets);
  }

 private:
  std::shared_ptr<v8::BackingStore> store_;
};

// UTF-8 of a JS string with lone surrogates replaced by U+FFFD (USVString conversion).
std::string ToUsvUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::Local<v8::String> string = value.As<v8::String>();
  std::string out(string->Utf8Length(isolate), '\0');
  string->WriteUtf8(isolate, out.data(), static_cast<int>(out.size()), nullptr,
                    v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
  return out;
}

void ReturnAscii(const v8::FunctionCallbackInfo<v8::Value>& args, const std::string& text) {
  v8::Local<v8::String> result;
  if (!v8::String::NewFromOneByte(args.GetIsolate(),
                                  reinterpret_cast<const uint8_t*>(text.data()),
                                  v8::NewStringType::kNormal, static_cast<int>(text.size()))
           .ToLocal(&result)) {
    return;  // Past V8's string length limit; an exception is pending.
  }
  args.GetReturnValue().Set(result);
}

void ReturnUrl(const v8::FunctionCallbackInfo<v8::Value>& args, const Url& url) {
  UrlOffsets offsets;
  std::string href = url.Serialize(&offsets);
  Realm::From(args.GetIsolate())->binding_state<UrlState>()->Store(offsets);
  ReturnAscii(args, href);
}

// Parses args[0] against args[1] when that is a string.
Result<Url> ParseArgs(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string input = ToUsvUtf8(isolate, args[0]);
  if (args.Length() < 2 || !args[1]->IsString()) return Parse(input);
  Result<Url> base = Parse(ToUsvUtf8(isolate, args[1]));
  if (!base.ok()) return base.status();
  return Parse(input, &*base);
}

// parse(input, base?): the href, with offsets in urlComponents; undefined on failure.
void ParseUrl(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsString());
  Result<Url> url = ParseArgs(args);
  if (url.ok()) ReturnUrl(args, *url);
}

void CanParseUrl(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsString());
  args.GetReturnValue().Set(ParseArgs(args).ok());
}

// update(href, component, value): the new href (offsets in urlComponents), or false
// when an href value does not parse. `component` is a base/url Component number.
void Update(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsString() && args[1]->IsInt32() && args[2]->IsString());
  v8::Isolate* isolate = args.GetIsolate();
  Result<Url> parsed = Parse(ToUsvUtf8(isolate, args[0]));
  CHECK(parsed.ok());  // JS passes hrefs this parser produced.
  Url url = std::move(parsed).value();
  auto component = static_cast<Component>(args[1].As<v8::Int32>()->Value());
  CHECK(component >= Component::kHref && component <= Component::kHash);
  if (!SetComponent(url, component, ToUsvUtf8(isolate, args[2])) &&
      component == Component::kHref) {
    args.GetReturnValue().Set(false);
    return;
  }
  ReturnUrl(args, url);
}

// The hostname that setting `domain` on "ws://x" gives, as Node's domainTo* do; "" when
// the host setter rejects it.
std::optional<std::string> HostnameOf(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  std::string domain = ToUsvUtf8(isolate, value);
  if (domain.empty()) return std::nullopt;
  Url url = Parse("ws://x").value();  // A constant that parses.
  if (!SetComponent(url, Component::kHostname, domain)) return std::nullopt;
  return url.Hostname();
}

void DomainToAsciiMethod(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsString());
  ReturnAscii(args, HostnameOf(args.GetIsolate(), args[0]).value_or(""));
}

void DomainToUnicodeMethod(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsString());
  v8::Isolate* isolate = args.GetIsolate();
  std::optional<std::string> hostname = HostnameOf(isolate, args[0]);
  v8::Local<v8::String> result;
  if (Utf8String(isolate, hostname ? DomainToUnicode(*hostname) : "").ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// format(href, fragment, unicode, search, auth): url.format(URL, options).
void Format(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsString());
  v8::Isolate* isolate = args.GetIsolate();
  Result<Url> parsed = Parse(ToUsvUtf8(isolate, args[0]));
  CHECK(parsed.ok());  // JS passes a URL's href.
  Url url = std::move(parsed).value();
  if (!args[1]->IsTrue()) url.fragment.reset();
  if (!args[3]->IsTrue()) url.query.reset();
  if (!args[4]->IsTrue()) {
    url.username.clear();
    url.password.clear();
  }
  if (args[2]->IsTrue() && url.host) url.host = DomainToUnicode(*url.host);
  v8::Local<v8::String> result;
  if (Utf8String(isolate, url.Href()).ToLocal(&result)) args.GetReturnValue().Set(result);
}

}  // namespace

void Initialize(BindingTarget& target) {
  target.Method("parse", ParseUrl);
  target.Method("canParse", CanParseUrl);
  target.Method("update", Update);
  target.Method("domainToASCII", DomainToAsciiMethod);
  target.Method("domainToUnicode", DomainToUnicodeMethod);
  target.Method("format", Format);
  target.Value("urlComponents",
               target.realm->binding_state<UrlState>()->ComponentsArray(target.isolate));
}

}  // namespace skua::url

SKUA_BINDING(url, Initialize)
