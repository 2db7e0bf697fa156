// libFuzzer target for HttpMessageParser (the llhttp layer under the `http_parser`
// binding), without V8. The first input byte picks request or response parsing, lenient
// flags and where to split the rest into two execute() calls, so that state carried
// across reads (header pieces, chunk sizes) is exercised. Build and run with
// tools/fuzz/http_parser.sh; the seed corpus is testdata/http_corpus/.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "runtime/bindings/http_message_parser.h"

namespace {

using skua::http_parser::HttpMessageParser;

// Checks the invariants the binding relies on when it builds JS values.
class CheckingDelegate : public HttpMessageParser::Delegate {
 public:
  const char* begin = nullptr;
  const char* end = nullptr;
  HttpMessageParser* parser = nullptr;

  int OnMessageBegin() override { return 0; }
  int OnHeadersComplete() override {
    if (parser->fields().size() != parser->values().size()) abort();
    return parser->type() == HttpMessageParser::kResponse && parser->status_code() == 204 ? 1
                                                                                        : 0;
  }
  int OnBody(const char* at, size_t length) override {
    if (at < begin || at + length > end) abort();  // Body views must stay in the input.
    return 0;
  }
  int OnMessageComplete() override {
    if (parser->fields().size() != parser->values().size()) abort();
    return 0;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  uint8_t control = data[0];
  const char* input = reinterpret_cast<const char*>(data + 1);
  size_t length = size - 1;
  CheckingDelegate delegate;
  HttpMessageParser parser(&delegate);
  delegate.parser = &parser;
  parser.Init((control & 1) ? HttpMessageParser::kResponse : HttpMessageParser::kRequest,
              (control & 2) ? 256 : 0,
              (control & 4) ? HttpMessageParser::kLenientAll : HttpMessageParser::kLenientNone);
  size_t split = length == 0 ? 0 : (control >> 3) % (length + 1);
  delegate.begin = input;
  delegate.end = input + split;
  HttpMessageParser::Result first = parser.Execute(input, split);
  if (first.nread > split) abort();
  if (first.ok) {
    delegate.begin = input + split;
    delegate.end = input + length;
    HttpMessageParser::Result second = parser.Execute(input + split, length - split);
    if (second.nread > length - split) abort();
    if (second.ok) parser.Finish();
  }
  return 0;
}
