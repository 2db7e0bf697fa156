// Unit tests of the pieces under the parser; the WPT data in wpt_test.cc covers the
// state machine as a whole.
#include "base/url/url.h"

#include "base/url/idna.h"
#include "base/url/ip_address.h"
#include "base/url/percent_encode.h"
#include "base/url/setters.h"
#include "gtest/gtest.h"

namespace skua::url {
namespace {

TEST(PercentEncodeTest, SetsNest) {
  EXPECT_EQ(PercentEncode("a b\"#<>", EncodeSet::kQuery), "a%20b%22%23%3C%3E");
  EXPECT_EQ(PercentEncode("'", EncodeSet::kSpecialQuery), "%27");
  EXPECT_EQ(PercentEncode("'", EncodeSet::kQuery), "'");
  EXPECT_EQ(PercentEncode("a:b@c", EncodeSet::kUserinfo), "a%3Ab%40c");
  EXPECT_EQ(PercentEncode("a b~", EncodeSet::kFormUrlencoded, true), "a+b%7E");
  EXPECT_EQ(PercentEncode("\xc3\xa9", EncodeSet::kC0Control), "%C3%A9");
}

TEST(PercentEncodeTest, DecodeKeepsInvalidEscapes) {
  EXPECT_EQ(PercentDecode("%41%zz%4"), "A%zz%4");
}

TEST(Ipv4Test, LenientForms) {
  EXPECT_EQ(ParseIpv4("0x7f.1"), 0x7f000001u);
  EXPECT_EQ(ParseIpv4("017.0.0.1"), 0x0f000001u);
  EXPECT_EQ(ParseIpv4("4294967295"), 0xffffffffu);
  EXPECT_FALSE(ParseIpv4("4294967296"));
  EXPECT_FALSE(ParseIpv4("1.2.3.4.5"));
  EXPECT_FALSE(ParseIpv4("256.1.1.1"));
  EXPECT_FALSE(ParseIpv4("99999999999999999999999"));
  EXPECT_EQ(SerializeIpv4(0x7f000001u), "127.0.0.1");
}

TEST(Ipv6Test, CompressesLongestZeroRun) {
  EXPECT_EQ(SerializeIpv6(*ParseIpv6("1:0:0:2:0:0:0:3")), "1:0:0:2::3");
  EXPECT_EQ(SerializeIpv6(*ParseIpv6("::ffff:1.2.3.4")), "::ffff:102:304");
  EXPECT_EQ(SerializeIpv6(*ParseIpv6("0:0:0:0:0:0:0:0")), "::");
  EXPECT_EQ(SerializeIpv6(*ParseIpv6("1:0:2:3:4:5:6:7")), "1:0:2:3:4:5:6:7");
  EXPECT_FALSE(ParseIpv6("1:::2"));
  EXPECT_FALSE(ParseIpv6("::1.2.3"));
}

TEST(IdnaTest, MapsAndEncodes) {
  EXPECT_EQ(DomainToAscii("EXAMPLE.com"), "example.com");
  EXPECT_EQ(DomainToAscii("B\xc3\xbc\x63her.de"), "xn--bcher-kva.de");
  EXPECT_FALSE(DomainToAscii("xn--a.xn--nxa"));
  EXPECT_EQ(DomainToUnicode("xn--bcher-kva.de"), "b\xc3\xbc\x63her.de");
}

TEST(UrlTest, ParsesAndSerializes) {
  Result<Url> url = Parse("HTTP://user:pa ss@EXAMPLE.com:80/a/../b/./c?q=1 2#f g");
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->Href(), "http://user:pa%20ss@example.com/b/c?q=1%202#f%20g");
  EXPECT_EQ(url->Origin(), "http://example.com");
  EXPECT_FALSE(Parse("http://[::1").ok());
  EXPECT_FALSE(Parse("relative").ok());
}

TEST(UrlTest, FileUrlsKeepDriveLetters) {
  Url base = Parse("file:///C:/dir/file").value();
  EXPECT_EQ(Parse("../../..", &base)->Href(), "file:///C:/");
  EXPECT_EQ(Parse("file://localhost/x")->Href(), "file:///x");
}

TEST(UrlTest, OpaquePaths) {
  Result<Url> url = Parse("mailto:Someone@Example.com?subject=x");
  ASSERT_TRUE(url.ok());
  EXPECT_TRUE(url->has_opaque_path);
  EXPECT_EQ(url->Pathname(), "Someone@Example.com");
  EXPECT_EQ(url->Origin(), "null");
}

TEST(SettersTest, StateOverride) {
  Url url = Parse("https://example.com/").value();
  SetComponent(url, Component::kProtocol, "ftp");
  EXPECT_EQ(url.Href(), "ftp://example.com/");
  SetComponent(url, Component::kProtocol, "foo");  // Special to non-special: ignored.
  EXPECT_EQ(url.scheme, "ftp");
  SetComponent(url, Component::kPort, "21");  // The default port is dropped.
  EXPECT_EQ(url.Port(), "");
  SetComponent(url, Component::kHost, "h:99");
  EXPECT_EQ(url.Host(), "h:99");
  SetComponent(url, Component::kSearch, "?a#b");
  EXPECT_EQ(url.Search(), "?a%23b");
  EXPECT_FALSE(SetComponent(url, Component::kHref, "nope"));
  EXPECT_EQ(url.Href(), "ftp://h:99/?a%23b");
}

}  // namespace
}  // namespace skua::url
