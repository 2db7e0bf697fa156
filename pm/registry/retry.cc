// npm's retry policy plus Retry-After.
#include "pm/registry/retry.h"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace skua::pm::registry {

bool IsRetriableStatus(long status) {
  return status == 408 || status == 420 || status == 429 || status >= 500;
}

int64_t BackoffMs(const config::RetryOptions& retry, int attempt) {
  double wait = static_cast<double>(retry.min_timeout_ms) *
                std::pow(retry.factor, static_cast<double>(std::max(0, attempt - 1)));
  return std::min<int64_t>(static_cast<int64_t>(std::llround(wait)), retry.max_timeout_ms);
}

std::optional<int64_t> ParseRetryAfter(std::string_view value, int64_t now_unix_seconds) {
  size_t b = value.find_first_not_of(" \t");
  if (b == std::string_view::npos) return std::nullopt;
  value = value.substr(b, value.find_last_not_of(" \t") + 1 - b);
  bool digits = !value.empty() && value.size() < 10;
  for (char c : value) digits = digits && c >= '0' && c <= '9';
  if (digits) return std::stoll(std::string(value)) * 1000;
  // An HTTP date; curl_getdate reads the RFC 7231 forms.
  time_t when = curl_getdate(std::string(value).c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::max<int64_t>(0, (static_cast<int64_t>(when) - now_unix_seconds) * 1000);
}

int64_t RetryDelayMs(const config::RetryOptions& retry, int attempt, std::string_view retry_after,
                     int64_t now_unix_seconds) {
  if (!retry_after.empty()) {
    if (std::optional<int64_t> wait = ParseRetryAfter(retry_after, now_unix_seconds)) {
      return std::min(*wait, retry.max_timeout_ms);
    }
  }
  return BackoffMs(retry, attempt);
}

}  // namespace skua::pm::registry
