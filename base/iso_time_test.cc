#include "base/iso_time.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <time.h>

namespace skua {
namespace {

TEST(IsoTimeTest, ReadsTheFormsDateParseReads) {
  EXPECT_EQ(ParseIsoTime("1970-01-01"), 0);
  EXPECT_EQ(ParseIsoTime("2020-01-01T00:00:00.000Z"), 1577836800000);
  EXPECT_EQ(ParseIsoTime("2020-01-01"), 1577836800000);  // A date alone is UTC.
  EXPECT_EQ(ParseIsoTime("2020-01-01T00:00:00.5Z"), 1577836800500);
  EXPECT_EQ(ParseIsoTime("2020-01-01T00:00:00.123456Z"), 1577836800123);
  EXPECT_EQ(ParseIsoTime("2020-01-01T02:00+02:00"), 1577836800000);
  EXPECT_EQ(ParseIsoTime("2019-12-31T19:00:00-05:00"), 1577836800000);
  EXPECT_EQ(ParseIsoTime("2011-10-05T14:48:00.000Z"), 1317826080000);
}

TEST(IsoTimeTest, DateAndTimeWithoutAZoneIsLocal) {
  setenv("TZ", "Etc/GMT-3", 1);  // Three hours east of UTC (POSIX signs are inverted).
  tzset();
  EXPECT_EQ(ParseIsoTime("2020-01-01T03:00"), 1577836800000);
  setenv("TZ", "UTC", 1);
  tzset();
  EXPECT_EQ(ParseIsoTime("2020-01-01T03:00"), 1577836800000 + 3 * 3600 * 1000);
}

TEST(IsoTimeTest, RefusesOtherText) {
  for (const char* bad : {"", "2020", "2020-1-01", "2020-13-01", "2020-01-01T", "2020-01-01T1:00",
                          "2020-01-01T00:00:00.Z", "2020-01-01T00:00Zjunk", "2020-01-01 00:00",
                          "yesterday", "2020-01-01T00:00+0200"}) {
    EXPECT_FALSE(ParseIsoTime(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace skua
