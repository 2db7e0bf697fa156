// HttpMessageParser: llhttp with the state Node's HTTP parser keeps around it (URL, status
// text, header fields and values joined across reads, a header-size limit), reporting
// messages to a Delegate. It knows nothing of V8, so the `http_parser` binding and the
// libFuzzer target (http_parser_fuzz.cc) share it.
//
// Rules:
// - Delegate callbacks run inside Execute()/Finish(), on the caller's thread; the pointers
//   they receive (`at`) point into the caller's buffer and are valid only during the call.
// - A delegate callback returning -1 stops parsing; Execute() then reports kCallbackError
//   so the caller can tell its own failure (a JS exception) from a parse error.
#ifndef SKUA_RUNTIME_BINDINGS_HTTP_MESSAGE_PARSER_H_
#define SKUA_RUNTIME_BINDINGS_HTTP_MESSAGE_PARSER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "llhttp.h"

namespace skua::http_parser {

class HttpMessageParser {
 public:
  class Delegate {
   public:
    virtual ~Delegate() = default;
    virtual int OnMessageBegin() = 0;
    // Returns 0, 1 (no body), 2 (no body, then stop as for an upgrade) or -1.
    virtual int OnHeadersComplete() = 0;
    virtual int OnBody(const char* at, size_t length) = 0;
    // Trailers, if any, are in fields()/values() when this runs.
    virtual int OnMessageComplete() = 0;
  };

  enum Type { kRequest = HTTP_REQUEST, kResponse = HTTP_RESPONSE };
  // Bits of the lenient argument, as Node's kLenient* constants.
  enum Lenient : uint32_t {
    kLenientNone = 0,
    kLenientHeaders = 1 << 0,
    kLenientChunkedLength = 1 << 1,
    kLenientKeepAlive = 1 << 2,
    kLenientTransferEncoding = 1 << 3,
    kLenientAll = 0xf,
  };

  struct Result {
    bool ok = true;
    bool callback_error = false;  // A delegate returned -1 (the caller has the reason).
    size_t nread = 0;             // Bytes consumed.
    std::string code;             // "HPE_*" when !ok.
    std::string reason;
  };

  explicit HttpMessageParser(Delegate* delegate) : delegate_(delegate) {}
  HttpMessageParser(const HttpMessageParser&) = delete;
  HttpMessageParser& operator=(const HttpMessageParser&) = delete;

  void Init(Type type, uint32_t max_header_size, uint32_t lenient);
  Result Execute(const char* data, size_t length);
  Result Finish();
  void Pause() { llhttp_pause(&parser_); }
  void Resume() { llhttp_resume(&parser_); }

  // Valid from OnHeadersComplete (request or status line and headers) and in
  // OnMessageComplete (trailers).
  const std::string& url() const { return url_; }
  const std::string& status_message() const { return status_message_; }
  const std::vector<std::string>& fields() const { return fields_; }
  const std::vector<std::string>& values() const { return values_; }
  int method() const { return parser_.method; }
  int status_code() const { return parser_.status_code; }
  int http_major() const { return parser_.http_major; }
  int http_minor() const { return parser_.http_minor; }
  bool upgrade() const { return parser_.upgrade != 0; }
  bool should_keep_alive() const { return llhttp_should_keep_alive(&parser_) != 0; }
  Type type() const { return static_cast<Type>(parser_.type); }

 private:
  static int OnMessageBeginCb(llhttp_t* p);
  static int OnUrl(llhttp_t* p, const char* at, size_t length);
  static int OnStatus(llhttp_t* p, const char* at, size_t length);
  static int OnHeaderField(llhttp_t* p, const char* at, size_t length);
  static int OnHeaderFieldComplete(llhttp_t* p);
  static int OnHeaderValue(llhttp_t* p, const char* at, size_t length);
  static int OnHeadersCompleteCb(llhttp_t* p);
  static int OnChunkHeader(llhttp_t* p);
  static int OnChunkExtension(llhttp_t* p, const char* at, size_t length);
  static int OnBodyCb(llhttp_t* p, const char* at, size_t length);
  static int OnMessageCompleteCb(llhttp_t* p);
  static HttpMessageParser* From(llhttp_t* p) {
    return static_cast<HttpMessageParser*>(p->data);
  }
  // Chunk extensions (";name=value" after a chunk size) are limited to 16 KiB per chunk,
  // as in Node: llhttp would otherwise accept them without bound.
  static constexpr size_t kMaxChunkExtensionsSize = 16 * 1024;
  // Counts header bytes; false (and an HPE_HEADER_OVERFLOW error) past the limit.
  bool TrackHeader(size_t length);
  Result MakeResult(llhttp_errno_t err, const char* data, size_t length);

  Delegate* delegate_;  // Lifetime: owns this parser.
  llhttp_t parser_;
  std::string url_;
  std::string status_message_;
  std::vector<std::string> fields_;
  std::vector<std::string> values_;
  bool in_field_ = false;  // Between a field's first byte and on_header_field_complete.
  bool callback_error_ = false;
  bool header_overflow_ = false;
  bool chunk_extensions_overflow_ = false;
  size_t chunk_extensions_nread_ = 0;
  size_t header_nread_ = 0;
  uint32_t max_header_size_ = 16 * 1024;
};

}  // namespace skua::http_parser

#endif  // SKUA_RUNTIME_BINDINGS_HTTP_MESSAGE_PARSER_H_
