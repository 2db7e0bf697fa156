// When and how long to wait before retrying a request, as npm (make-fetch-happen with
// promise-retry) decides: GETs are retried on connection resets, refusals and timeouts
// and on 408, 420, 429 and 5xx responses, `fetch-retries` times, waiting
// min(mintimeout * factor^(n-1), maxtimeout) before retry n. skua also honours a
// Retry-After header (seconds or an HTTP date), capped at maxtimeout.
#ifndef SKUA_PM_REGISTRY_RETRY_H_
#define SKUA_PM_REGISTRY_RETRY_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "pm/config/network_options.h"

namespace skua::pm::registry {

bool IsRetriableStatus(long status);

// The wait before retry `attempt` (1 for the first retry), in milliseconds.
int64_t BackoffMs(const config::RetryOptions& retry, int attempt);

// A Retry-After value in milliseconds from `now_unix_seconds`; nullopt when malformed.
std::optional<int64_t> ParseRetryAfter(std::string_view value, int64_t now_unix_seconds);

// The wait before retry `attempt` of a response carrying `retry_after` (may be empty).
int64_t RetryDelayMs(const config::RetryOptions& retry, int attempt, std::string_view retry_after,
                     int64_t now_unix_seconds);

}  // namespace skua::pm::registry

#endif  // SKUA_PM_REGISTRY_RETRY_H_
