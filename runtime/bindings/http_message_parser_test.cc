// HttpMessageParser without V8: headers split across reads, pipelining, trailers, the
// header and chunk-extension limits, and the upgrade hand-off position.
#include "runtime/bindings/http_message_parser.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace skua::http_parser {
namespace {

struct Recorder : HttpMessageParser::Delegate {
  HttpMessageParser* parser = nullptr;
  std::vector<std::string> urls;
  std::vector<std::string> headers;  // "field=value" of every message and trailer block.
  std::string body;
  int completed = 0;

  int OnMessageBegin() override { return 0; }
  int OnHeadersComplete() override {
    urls.push_back(parser->url());
    for (size_t i = 0; i < parser->fields().size(); i++) {
      headers.push_back(parser->fields()[i] + "=" + parser->values()[i]);
    }
    return 0;
  }
  int OnBody(const char* at, size_t length) override {
    body.append(at, length);
    return 0;
  }
  int OnMessageComplete() override {
    for (size_t i = 0; i < parser->fields().size(); i++) {
      headers.push_back("trailer:" + parser->fields()[i] + "=" + parser->values()[i]);
    }
    completed++;
    return 0;
  }
};

class HttpMessageParserTest : public ::testing::Test {
 protected:
  HttpMessageParserTest() : parser_(&recorder_) {
    recorder_.parser = &parser_;
    parser_.Init(HttpMessageParser::kRequest, 0, HttpMessageParser::kLenientNone);
  }
  HttpMessageParser::Result Feed(const std::string& text) {
    return parser_.Execute(text.data(), text.size());
  }
  Recorder recorder_;
  HttpMessageParser parser_;
};

TEST_F(HttpMessageParserTest, JoinsHeaderPiecesAcrossReads) {
  EXPECT_TRUE(Feed("GET /a HTTP/1.1\r\nHo").ok);
  EXPECT_TRUE(Feed("st: exa").ok);
  EXPECT_TRUE(Feed("mple\r\nX-Empty:\r\n\r\n").ok);
  EXPECT_EQ(recorder_.urls, std::vector<std::string>{"/a"});
  EXPECT_EQ(recorder_.headers, (std::vector<std::string>{"Host=example", "X-Empty="}));
  EXPECT_EQ(recorder_.completed, 1);
}

TEST_F(HttpMessageParserTest, PipelinedRequestsAndChunkedTrailers) {
  HttpMessageParser::Result result = Feed(
      "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3;ext=v\r\nabc\r\n0\r\nT: 1\r\n\r\n");
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(recorder_.urls, (std::vector<std::string>{"/1", "/2"}));
  EXPECT_EQ(recorder_.body, "abc");
  EXPECT_EQ(recorder_.headers.back(), "trailer:T=1");
  EXPECT_EQ(recorder_.completed, 2);
}

TEST_F(HttpMessageParserTest, HeaderOverflow) {
  parser_.Init(HttpMessageParser::kRequest, 64, HttpMessageParser::kLenientNone);
  HttpMessageParser::Result result =
      Feed("GET / HTTP/1.1\r\nX: " + std::string(100, 'a') + "\r\n\r\n");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.code, "HPE_HEADER_OVERFLOW");
  EXPECT_EQ(result.reason, "Header overflow");
}

TEST_F(HttpMessageParserTest, ChunkExtensionsOverflow) {
  HttpMessageParser::Result result =
      Feed("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;" +
           std::string(20000, 'a') + "\r\n");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.code, "HPE_CHUNK_EXTENSIONS_OVERFLOW");
}

TEST_F(HttpMessageParserTest, InvalidMethodAndSmuggling) {
  EXPECT_EQ(Feed("BAD\x01 / HTTP/1.1\r\n\r\n").code, "HPE_INVALID_METHOD");
  parser_.Init(HttpMessageParser::kRequest, 0, HttpMessageParser::kLenientNone);
  HttpMessageParser::Result result = Feed(
      "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n");
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.code.rfind("HPE_", 0), 0u);
}

TEST_F(HttpMessageParserTest, UpgradeStopsAtTheNewProtocol) {
  std::string head = "GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: ws\r\n\r\n";
  HttpMessageParser::Result result = Feed(head + "rawbytes");
  EXPECT_TRUE(result.ok);
  EXPECT_TRUE(parser_.upgrade());
  EXPECT_EQ(result.nread, head.size());
}

}  // namespace
}  // namespace skua::http_parser
