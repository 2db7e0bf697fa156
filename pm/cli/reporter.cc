#include "pm/cli/reporter.h"

#include <cstdio>

namespace skua::pm::cli {

Reporter::Reporter(LogLevel level, bool tty)
    : level_(level), tty_(tty), start_(std::chrono::steady_clock::now()), last_mark_(start_) {}

double Reporter::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Reporter::WriteLine(std::string_view text) {
  std::fprintf(stdout, "\r\x1b[K%.*s", static_cast<int>(text.size()), text.data());
  std::fflush(stdout);
  line_shown_ = true;
}

void Reporter::Progress(std::string_view stage, size_t done, size_t total) {
  if (!tty_ || level_ == LogLevel::kSilent) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (done != total && now - last_draw_ < std::chrono::milliseconds(50)) return;
  last_draw_ = now;
  WriteLine(std::string(stage) + " " + std::to_string(done) + "/" + std::to_string(total));
}

void Reporter::Step(const std::string& line) {
  if (level_ == LogLevel::kSilent) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (tty_ && level_ != LogLevel::kVerbose) {
    WriteLine(line);
  } else {
    std::fprintf(stdout, "%s\n", line.c_str());
  }
}

void Reporter::Verbose(const std::string& line) {
  if (level_ != LogLevel::kVerbose) return;
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(stderr, "skua verbose %s\n", line.c_str());
}

void Reporter::Timing(std::string_view phase) {
  if (level_ != LogLevel::kVerbose) return;
  auto now = std::chrono::steady_clock::now();
  double ms = std::chrono::duration<double, std::milli>(now - last_mark_).count();
  last_mark_ = now;
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(stderr, "skua verbose timing %.*s %.1fms\n", static_cast<int>(phase.size()),
               phase.data(), ms);
}

// Each line of `message` under `prefix` ("skua warn" / "skua error"), as npm prints its logs.
void Reporter::PrintLines(const char* prefix, const std::string& message) {
  if (level_ == LogLevel::kSilent) return;
  Clear();
  std::lock_guard<std::mutex> lock(mutex_);
  size_t start = 0;
  while (start <= message.size()) {
    size_t end = message.find('\n', start);
    if (end == std::string::npos) end = message.size();
    std::fprintf(stderr, "%s %s\n", prefix, message.substr(start, end - start).c_str());
    start = end + 1;
  }
}

void Reporter::Warn(const std::string& message) { PrintLines("skua warn", message); }

void Reporter::Error(const std::string& message) { PrintLines("skua error", message); }

void Reporter::Summary(const std::string& line) {
  if (level_ == LogLevel::kSilent) return;
  Clear();
  std::lock_guard<std::mutex> lock(mutex_);
  std::fprintf(stdout, "%s\n", line.c_str());
  std::fflush(stdout);
}

void Reporter::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!line_shown_) return;
  std::fputs("\r\x1b[K", stdout);
  std::fflush(stdout);
  line_shown_ = false;
}

}  // namespace skua::pm::cli
