#include "base/iso_time.h"

#include <time.h>

namespace skua {
namespace {

// Reads exactly `width` digits at `*pos`.
bool Digits(std::string_view text, size_t* pos, size_t width, int* out) {
  if (*pos + width > text.size()) return false;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *pos += width;
  *out = value;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

}  // namespace

std::optional<int64_t> ParseIsoTime(std::string_view text) {
  size_t pos = 0;
  struct tm t = {};
  int year = 0, month = 0, day = 0;
  if (!Digits(text, &pos, 4, &year) || !Expect(text, &pos, '-') || !Digits(text, &pos, 2, &month) ||
      !Expect(text, &pos, '-') || !Digits(text, &pos, 2, &day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day;
  int millis = 0;
  bool utc = true;  // A date alone is UTC.
  int64_t offset_minutes = 0;
  if (pos < text.size()) {
    if (!Expect(text, &pos, 'T')) return std::nullopt;
    if (!Digits(text, &pos, 2, &t.tm_hour) || !Expect(text, &pos, ':') || !Digits(text, &pos, 2, &t.tm_min)) {
      return std::nullopt;
    }
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!Digits(text, &pos, 2, &t.tm_sec)) return std::nullopt;
      if (pos < text.size() && text[pos] == '.') {
        ++pos;
        size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == start) return std::nullopt;
        // Milliseconds: the first three digits, padded.
        for (size_t i = 0; i < 3; ++i) millis = millis * 10 + (start + i < pos ? text[start + i] - '0' : 0);
      }
    }
    if (t.tm_hour > 24 || t.tm_min > 59 || t.tm_sec > 59) return std::nullopt;
    utc = false;  // A date and time without a zone is local time.
    if (pos < text.size()) {
      utc = true;
      if (text[pos] == 'Z') {
        ++pos;
      } else if (text[pos] == '+' || text[pos] == '-') {
        int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        int hours = 0, minutes = 0;
        if (!Digits(text, &pos, 2, &hours) || !Expect(text, &pos, ':') || !Digits(text, &pos, 2, &minutes)) {
          return std::nullopt;
        }
        offset_minutes = sign * (hours * 60 + minutes);
      } else {
        return std::nullopt;
      }
    }
  }
  if (pos != text.size()) return std::nullopt;
  time_t seconds;
  if (utc) {
    seconds = timegm(&t);
  } else {
    t.tm_isdst = -1;
    seconds = mktime(&t);
  }
  if (seconds == static_cast<time_t>(-1) && !(year == 1969 && month == 12 && day == 31)) return std::nullopt;
  return (static_cast<int64_t>(seconds) - offset_minutes * 60) * 1000 + millis;
}

}  // namespace skua
