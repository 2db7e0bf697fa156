// Starts a loopback test server script (tools/testing/*.py) as a child process for a
// test, reads the base URL it prints as its first line, and stops it when destroyed.
#ifndef SKUA_PM_REGISTRY_TESTING_LOOPBACK_SERVER_H_
#define SKUA_PM_REGISTRY_TESTING_LOOPBACK_SERVER_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace skua::pm::registry::testing {

// The path of a workspace file in the test's runfiles ($TEST_SRCDIR/skua/<path>), or the
// path itself relative to the current directory outside Bazel.
std::string RunfilePath(std::string_view workspace_path);

class LoopbackServer {
 public:
  // Runs `python3 <script> <args...>` and waits (up to 20 s) for its URL line.
  static Result<std::unique_ptr<LoopbackServer>> Start(const std::string& script,
                                                       const std::vector<std::string>& args);
  ~LoopbackServer();  // SIGTERM to the child started here, then waitpid.

  // The base URL, without a trailing slash: "http://127.0.0.1:PORT".
  const std::string& url() const { return url_; }
  // GETs `path` from the server with a plain blocking socket (for the request log).
  Result<std::string> Get(std::string_view path) const;

 private:
  LoopbackServer(pid_t pid, std::string url) : pid_(pid), url_(std::move(url)) {}
  pid_t pid_;
  std::string url_;
};

// A TCP port on 127.0.0.1 that nothing listens on (bound, then closed).
int UnusedPort();

}  // namespace skua::pm::registry::testing

#endif  // SKUA_PM_REGISTRY_TESTING_LOOPBACK_SERVER_H_
