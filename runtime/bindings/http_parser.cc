// `http_parser`: Node's HTTPParser class over llhttp (HttpMessageParser). stdlib calls
// execute(buffer) with the bytes a socket read; the parser calls back into JS through
// functions stored on itself by index, as Node's does:
//   [kOnMessageBegin]()
//   [kOnHeaders](headers, url)                 trailers, at message end
//   [kOnHeadersComplete](versionMajor, versionMinor, headers, method, url, statusCode,
//                        statusMessage, upgrade, shouldKeepAlive) -> 0 | 1 (no body) | 2
//   [kOnBody](buffer)                          a view of the bytes given to execute()
//   [kOnMessageComplete]()
// execute() and finish() return the bytes parsed, or an Error with `code` ('HPE_*'),
// `reason` and `bytesParsed`; when a callback throws, the exception propagates.
// For the server's headersTimeout/requestTimeout checks the parser itself tracks whether
// a message is in progress (from its first byte to its end), since when, and whether its
// head is complete, as Node's does: activeAge(), headersCompleted(), setActive(); a
// message's start then needs no kOnMessageBegin callback into JS.
// setBufferConstructor(FastBuffer) must be called once before execute().
// Differs from Node 20: the kOnBody buffer is a view of execute()'s argument where Node
// copies (stdlib passes fresh socket reads, never reused); consume()/unconsume() (reading
// straight from a stream handle) and kOnExecute/kOnTimeout do not exist.
#include <uv.h>

#include <string>
#include <vector>

#include "base/check.h"
#include "runtime/bindings/http_message_parser.h"
#include "runtime/core/base_object.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::http_parser {

namespace {

struct ParserState : BindingState {
  explicit ParserState(Realm*) {}
  v8::Global<v8::Function> buffer_constructor;  // FastBuffer(arrayBuffer, offset, length).
};

enum CallbackIndex : uint32_t {
  kOnMessageBegin = 0,
  kOnHeaders = 1,
  kOnHeadersComplete = 2,
  kOnBody = 3,
  kOnMessageComplete = 4,
  kOnExecute = 5,
  kOnTimeout = 6,
};

v8::Local<v8::String> Latin1(v8::Isolate* isolate, const std::string& text) {
  // Header bytes are Latin-1 in Node. Only fails past V8's string length limit, which the
  // header-size limit keeps far away.
  return v8::String::NewFromOneByte(isolate, reinterpret_cast<const uint8_t*>(text.data()),
                                    v8::NewStringType::kNormal, static_cast<int>(text.size()))
      .ToLocalChecked();
}

class Parser : public BaseObject, public HttpMessageParser::Delegate {
 public:
  Parser(Realm* realm, v8::Local<v8::Object> object)
      : BaseObject(realm, object), parser_(this) {
    MakeWeak();
    parser_.Init(HttpMessageParser::kRequest, 0, 0);
  }

  static void New(const v8::FunctionCallbackInfo<v8::Value>& args) {
    CHECK(args.IsConstructCall());
    new Parser(Realm::From(args.GetIsolate()), args.This());
  }

  // initialize(type, resource, maxHeaderSize, lenientFlags)
  static void Initialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Parser* self = Unwrap<Parser>(args.This());
    if (self == nullptr) return;  // Called on another object (Node returns too).
    v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
    int type = args[0]->Int32Value(context).FromMaybe(HTTP_REQUEST);
    CHECK(type == HTTP_REQUEST || type == HTTP_RESPONSE);
    uint32_t max_header_size = args[2]->IsNumber() ? args[2]->Uint32Value(context).FromMaybe(0)
                                                   : 0;
    uint32_t lenient = args[3]->IsNumber() ? args[3]->Uint32Value(context).FromMaybe(0) : 0;
    self->parser_.Init(static_cast<HttpMessageParser::Type>(type), max_header_size, lenient);
    self->SetActive(false);
  }

  // activeAge(): milliseconds since the current message began, or -1 between messages.
  static void ActiveAge(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Parser* self = Unwrap<Parser>(args.This());
    if (self == nullptr) return;  // Called on another object (Node returns too).
    double age = self->active_ ? (uv_hrtime() - self->message_start_) / 1e6 : -1;
    args.GetReturnValue().Set(age);
  }

  static void HeadersCompleted(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Parser* self = Unwrap<Parser>(args.This());
    if (self == nullptr) return;  // Called on another object (Node returns too).
    args.GetReturnValue().Set(self->headers_completed_);
  }

  // setActive(bool): a message starts now (a new connection waits for its first one),
  // or the connection is no longer waiting on one (it timed out).
  static void SetActiveMethod(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Parser* self = Unwrap<Parser>(args.This());
    if (self == nullptr) return;  // Called on another object (Node returns too).
    self->SetActive(args[0]->IsTrue());
  }

  // execute(buffer)
  static void Execute(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Parser* self = Unwrap<Parser>(args.This());
    if (self == nullptr) return;  // Called on another object (Node returns too).
    CHECK(args[0]->IsArrayBufferView());
    v8::Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
    // Lifetime: the view's bytes stay put while execute() runs (a callback may detach
    // nothing we hold: Buffers from socket reads are not transferable here).
    const char* data =
        static_cast<const char*>(view->Buffer()->Data()) + view->ByteOffset();
    self->current_buffer_ = view;
    self->current_data_ = data;
    HttpMessageParser::Result result = self->parser_.Execute(data, view->ByteLength());
    self->current_buffer_.Clear();
    self->current_data_ = nullptr;
    self->Report(args, result);
  }

  // finish()
  static void Finish(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Parser* self = Unwrap<Parser>(args.This());
    if (self == nullptr) return;  // Called on another object (Node returns too).
    HttpMessageParser::Result result = self->parser_.Finish();
    if (!result.ok || result.callback_error) self->Report(args, result);
  }

  static void Pause(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Parser* self = Unwrap<Parser>(args.This());
    if (self == nullptr) return;  // Called on another object (Node returns too).
    self->parser_.Pause();
  }

  static void Resume(const v8::FunctionCallbackInfo<v8::Value>& args) {
    Parser* self = Unwrap<Parser>(args.This());
    if (self == nullptr) return;  // Called on another object (Node returns too).
    self->parser_.Resume();
  }

  // close(), free(), remove(): the C++ side goes with the JS object; nothing to release.
  static void Noop(const v8::FunctionCallbackInfo<v8::Value>&) {}

  int OnMessageBegin() override {
    SetActive(true);
    v8::Local<v8::Value> unused;
    return Call(kOnMessageBegin, 0, nullptr, &unused) ? 0 : -1;
  }

  int OnHeadersComplete() override {
    headers_completed_ = true;
    v8::Isolate* isolate = realm()->isolate();
    v8::Local<v8::Value> undefined = v8::Undefined(isolate);
    bool request = parser_.type() == HttpMessageParser::kRequest;
    v8::Local<v8::Value> argv[] = {
        v8::Integer::New(isolate, parser_.http_major()),
        v8::Integer::New(isolate, parser_.http_minor()),
        HeadersArray(),
        request ? v8::Integer::New(isolate, parser_.method()).As<v8::Value>() : undefined,
        request ? Latin1(isolate, parser_.url()).As<v8::Value>() : undefined,
        request ? undefined : v8::Integer::New(isolate, parser_.status_code()).As<v8::Value>(),
        request ? undefined : Latin1(isolate, parser_.status_message()).As<v8::Value>(),
        v8::Boolean::New(isolate, parser_.upgrade()),
        v8::Boolean::New(isolate, parser_.should_keep_alive()),
    };
    v8::Local<v8::Value> ret;
    if (!Call(kOnHeadersComplete, std::size(argv), argv, &ret)) return -1;
    if (!ret->IsInt32()) return 0;
    int value = ret.As<v8::Int32>()->Value();
    return value == 1 || value == 2 ? value : 0;
  }

  int OnBody(const char* at, size_t length) override {
    v8::Isolate* isolate = realm()->isolate();
    CHECK(current_data_ != nullptr);  // llhttp calls on_body only from execute().
    size_t offset = current_buffer_->ByteOffset() + (at - current_data_);
    v8::Local<v8::Value> ctor_args[] = {
        current_buffer_->Buffer(),
        v8::Number::New(isolate, static_cast<double>(offset)),
        v8::Number::New(isolate, static_cast<double>(length)),
    };
    v8::Local<v8::Function> ctor =
        realm()->binding_state<ParserState>()->buffer_constructor.Get(isolate);
    CHECK(!ctor.IsEmpty());  // stdlib calls setBufferConstructor() at load.
    v8::Local<v8::Object> chunk;
    if (!ctor->NewInstance(realm()->context(), std::size(ctor_args), ctor_args)
             .ToLocal(&chunk)) {
      return -1;
    }
    v8::Local<v8::Value> argv[] = {chunk};
    v8::Local<v8::Value> unused;
    return Call(kOnBody, std::size(argv), argv, &unused) ? 0 : -1;
  }

  int OnMessageComplete() override {
    active_ = false;
    v8::Local<v8::Value> unused;
    if (!parser_.fields().empty()) {
      v8::Isolate* isolate = realm()->isolate();
      v8::Local<v8::Value> argv[] = {HeadersArray(), Latin1(isolate, parser_.url())};
      if (!Call(kOnHeaders, std::size(argv), argv, &unused)) return -1;
    }
    return Call(kOnMessageComplete, 0, nullptr, &unused) ? 0 : -1;
  }

 private:
  void SetActive(bool active) {
    active_ = active;
    headers_completed_ = false;
    message_start_ = active ? uv_hrtime() : 0;
  }

  // [field0, value0, field1, value1, ...]
  v8::Local<v8::Value> HeadersArray() {
    v8::Isolate* isolate = realm()->isolate();
    const std::vector<std::string>& fields = parser_.fields();
    const std::vector<std::string>& values = parser_.values();
    std::vector<v8::Local<v8::Value>> items;
    items.reserve(fields.size() * 2);
    for (size_t i = 0; i < fields.size(); i++) {
      items.push_back(Latin1(isolate, fields[i]));
      items.push_back(Latin1(isolate, values[i]));
    }
    return v8::Array::New(isolate, items.data(), items.size());
  }

  // Calls this[index](...argv) if it is a function. False when it threw (the exception
  // stays pending for execute()'s caller).
  bool Call(uint32_t index, size_t argc, v8::Local<v8::Value>* argv,
            v8::Local<v8::Value>* result) {
    v8::Isolate* isolate = realm()->isolate();
    v8::Local<v8::Context> context = realm()->context();
    v8::Local<v8::Object> self = object();
    v8::Local<v8::Value> fn;
    if (!self->Get(context, index).ToLocal(&fn)) return false;
    if (!fn->IsFunction()) {
      *result = v8::Undefined(isolate);
      return true;
    }
    return fn.As<v8::Function>()
        ->Call(context, self, static_cast<int>(argc), argv)
        .ToLocal(result);
  }

  // Sets the return value of execute()/finish(): bytes parsed, or a parse Error.
  void Report(const v8::FunctionCallbackInfo<v8::Value>& args,
              const HttpMessageParser::Result& result) {
    v8::Isolate* isolate = args.GetIsolate();
    if (result.callback_error) return;  // A JS exception is pending.
    v8::Local<v8::Value> nread =
        v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(result.nread));
    if (result.ok) return args.GetReturnValue().Set(nread);
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    v8::Local<v8::String> message;
    if (!Utf8String(isolate, "Parse Error: " + result.reason).ToLocal(&message)) return;
    v8::Local<v8::Object> error = v8::Exception::Error(message).As<v8::Object>();
    SetValue(context, error, "bytesParsed", nread);
    SetValue(context, error, "code", OneByteString(isolate, result.code));
    SetValue(context, error, "reason", Latin1(isolate, result.reason));
    args.GetReturnValue().Set(error);
  }

  HttpMessageParser parser_;
  v8::Local<v8::ArrayBufferView> current_buffer_;  // Only during execute().
  const char* current_data_ = nullptr;  // Lifetime: the bytes of current_buffer_.
  uint64_t message_start_ = 0;  // uv_hrtime() at the current message's first byte.
  bool active_ = false;
  bool headers_completed_ = false;
};

void SetBufferConstructor(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsFunction());
  Realm::From(args.GetIsolate())
      ->binding_state<ParserState>()
      ->buffer_constructor.Reset(args.GetIsolate(), args[0].As<v8::Function>());
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::Context> context = target.context;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, Parser::New);
  templ->SetClassName(OneByteString(isolate, "HTTPParser"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  auto method = [&](const char* name, v8::FunctionCallback callback) {
    proto->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
  };
  method("initialize", Parser::Initialize);
  method("execute", Parser::Execute);
  method("finish", Parser::Finish);
  method("pause", Parser::Pause);
  method("resume", Parser::Resume);
  method("activeAge", Parser::ActiveAge);
  method("headersCompleted", Parser::HeadersCompleted);
  method("setActive", Parser::SetActiveMethod);
  method("close", Parser::Noop);
  method("free", Parser::Noop);
  method("remove", Parser::Noop);
  v8::Local<v8::Function> constructor;
  if (!templ->GetFunction(context).ToLocal(&constructor)) return;
  auto constant = [&](const char* name, int value) {
    SetValue(context, constructor, name, v8::Integer::New(isolate, value));
  };
  constant("REQUEST", HTTP_REQUEST);
  constant("RESPONSE", HTTP_RESPONSE);
  constant("kOnMessageBegin", kOnMessageBegin);
  constant("kOnHeaders", kOnHeaders);
  constant("kOnHeadersComplete", kOnHeadersComplete);
  constant("kOnBody", kOnBody);
  constant("kOnMessageComplete", kOnMessageComplete);
  constant("kOnExecute", kOnExecute);
  constant("kOnTimeout", kOnTimeout);
  constant("kLenientNone", HttpMessageParser::kLenientNone);
  constant("kLenientHeaders", HttpMessageParser::kLenientHeaders);
  constant("kLenientChunkedLength", HttpMessageParser::kLenientChunkedLength);
  constant("kLenientKeepAlive", HttpMessageParser::kLenientKeepAlive);
  constant("kLenientTransferEncoding", HttpMessageParser::kLenientTransferEncoding);
  constant("kLenientAll", HttpMessageParser::kLenientAll);
  target.Value("HTTPParser", constructor);
  target.Method("setBufferConstructor", SetBufferConstructor);

  // methods: HTTP methods by llhttp's number (holes elsewhere); allMethods adds RTSP's.
  std::vector<v8::Local<v8::Value>> methods;
  std::vector<v8::Local<v8::Value>> all_methods;
#define V(num, name, string) methods.push_back(OneByteString(isolate, #string));
  HTTP_METHOD_MAP(V)
#undef V
#define V(num, name, string) all_methods.push_back(OneByteString(isolate, #string));
  HTTP_ALL_METHOD_MAP(V)
#undef V
  target.Value("methods", v8::Array::New(isolate, methods.data(), methods.size()));
  target.Value("allMethods", v8::Array::New(isolate, all_methods.data(), all_methods.size()));
}

}  // namespace skua::http_parser

SKUA_BINDING(http_parser, Initialize)
