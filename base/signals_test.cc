#include "base/signals.h"

#include <gtest/gtest.h>

#include <csignal>

namespace skua {
namespace {

TEST(SignalsTest, NamesAndNumbersRoundTrip) {
  EXPECT_STREQ(SignalName(SIGTERM), "SIGTERM");
  EXPECT_EQ(SignalNumber("SIGKILL"), SIGKILL);
  EXPECT_EQ(SignalNumber(SignalName(SIGUSR2)), SIGUSR2);
}

TEST(SignalsTest, AliasesResolveToTheFirstName) {
  EXPECT_STREQ(SignalName(SIGABRT), "SIGABRT");
  EXPECT_EQ(SignalNumber("SIGIOT"), SIGABRT);
}

TEST(SignalsTest, UnknownIsZeroOrNull) {
  EXPECT_EQ(SignalNumber("SIGNOPE"), 0);
  EXPECT_EQ(SignalNumber("sigterm"), 0);
  EXPECT_EQ(SignalName(0), nullptr);
}

}  // namespace
}  // namespace skua
