// Dates as npm's `before` option and the registry's `time` objects write them: the ISO
// 8601 forms JavaScript's Date.parse reads ("2024-01-31", "2024-01-31T12:00",
// "2024-01-31T12:00:00.000Z", "...+02:00"). As in JavaScript, a date alone is UTC and a
// date and time without a zone is local time.
#ifndef SKUA_BASE_ISO_TIME_H_
#define SKUA_BASE_ISO_TIME_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace skua {

// Milliseconds since the Unix epoch, or nothing for text in none of those forms.
std::optional<int64_t> ParseIsoTime(std::string_view text);

}  // namespace skua

#endif  // SKUA_BASE_ISO_TIME_H_
