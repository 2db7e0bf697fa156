// What `skua install` shows while it works: on a TTY one progress line rewritten in place
// (stage and counts), otherwise a plain log with one line per finished stage; warnings and
// errors on stderr; the summary on stdout. `--silent` shows nothing but script output;
// `--verbose` adds detail lines. Progress() may be called from any thread.
#ifndef SKUA_PM_CLI_REPORTER_H_
#define SKUA_PM_CLI_REPORTER_H_

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>

namespace skua::pm::cli {

enum class LogLevel { kSilent, kNormal, kVerbose };

class Reporter {
 public:
  Reporter(LogLevel level, bool tty);

  LogLevel level() const { return level_; }
  double Seconds() const;  // Since construction.

  // The TTY line: "<stage> <done>/<total>", throttled to ~20 updates a second.
  void Progress(std::string_view stage, size_t done, size_t total);
  // A stage finished: a log line off a TTY (and in verbose mode), a progress line on it.
  void Step(const std::string& line);
  void Verbose(const std::string& line);
  // `--verbose`: "timing <phase> <seconds>", the time since the previous mark (or start).
  void Timing(std::string_view phase);
  void Warn(const std::string& message);   // Every line prefixed "skua warn ".
  void Error(const std::string& message);  // Every line prefixed "skua error ".
  void Summary(const std::string& line);
  // Erases the progress line (before output that is not ours, e.g. scripts).
  void Clear();

 private:
  void PrintLines(const char* prefix, const std::string& message);
  void WriteLine(std::string_view text);  // Locked by the caller.

  LogLevel level_;
  bool tty_;
  bool line_shown_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::chrono::steady_clock::time_point last_mark_;
};

}  // namespace skua::pm::cli

#endif  // SKUA_PM_CLI_REPORTER_H_
