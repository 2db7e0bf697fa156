// npm's back-off schedule, Retry-After, and error wording helpers.
#include "pm/registry/retry.h"

#include <gtest/gtest.h>

#include "pm/registry/http_errors.h"

namespace skua::pm::registry {
namespace {

TEST(RetryTest, NpmBackoffSchedule) {
  config::RetryOptions npm;  // fetch-retries 2, factor 10, 10 s min, 60 s max.
  EXPECT_EQ(BackoffMs(npm, 1), 10'000);
  EXPECT_EQ(BackoffMs(npm, 2), 60'000);  // 100 s, capped.
  config::RetryOptions fast{5, 2, 100, 1000};
  EXPECT_EQ(BackoffMs(fast, 1), 100);
  EXPECT_EQ(BackoffMs(fast, 3), 400);
  EXPECT_EQ(BackoffMs(fast, 5), 1000);
}

TEST(RetryTest, RetriableStatuses) {
  for (long status : {408, 420, 429, 500, 502, 503, 599}) EXPECT_TRUE(IsRetriableStatus(status));
  for (long status : {200, 304, 400, 401, 403, 404, 410}) EXPECT_FALSE(IsRetriableStatus(status));
}

TEST(RetryTest, RetryAfter) {
  EXPECT_EQ(ParseRetryAfter("3", 0), 3000);
  EXPECT_EQ(ParseRetryAfter(" 0 ", 0), 0);
  // Sun, 06 Nov 1994 08:49:37 GMT is 784111777.
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", 784111770), 7000);
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", 784111790), 0);
  EXPECT_FALSE(ParseRetryAfter("soon", 0).has_value());
  config::RetryOptions retry{2, 10, 10, 2000};
  EXPECT_EQ(RetryDelayMs(retry, 1, "1", 0), 1000);
  EXPECT_EQ(RetryDelayMs(retry, 1, "3600", 0), 2000);  // Capped at fetch-retry-maxtimeout.
  EXPECT_EQ(RetryDelayMs(retry, 1, "", 0), 10);
}

TEST(HttpErrorsTest, Wording) {
  EXPECT_EQ(RedactUrl("https://user:pass@r.test/x"), "https://user:***@r.test/x");
  EXPECT_EQ(RedactUrl("https://r.test/x"), "https://r.test/x");
  Status e404 = HttpStatusError("GET", "https://r.test/nope", 404, R"({"error":"Not found"})",
                                "nope@*");
  EXPECT_EQ(e404.message(),
            "E404: 404 Not Found - GET https://r.test/nope - Not found\n\n"
            "'nope@*' is not in this registry.");
  EXPECT_EQ(e404.code(), StatusCode::kNotFound);
  Status e403 = HttpStatusError("GET", "https://u:p@r.test/x", 403, "not json", "");
  EXPECT_EQ(e403.message().rfind("E403: 403 Forbidden - GET https://u:***@r.test/x\n\n", 0), 0u);
  EXPECT_EQ(ErrorCode(e403), "E403");
  EXPECT_EQ(ErrorCode(NetworkError("ETIMEDOUT", "http://r.test/", "slow")), "ETIMEDOUT");
  EXPECT_EQ(ErrorCode(IoError("open /x: No such file")), "");
}

}  // namespace
}  // namespace skua::pm::registry
