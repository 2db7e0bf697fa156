// Child-process management for loopback test servers.
#include "pm/registry/testing/loopback_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

extern char** environ;

namespace skua::pm::registry::testing {

std::string RunfilePath(std::string_view workspace_path) {
  const char* srcdir = getenv("TEST_SRCDIR");
  if (srcdir == nullptr) return std::string(workspace_path);
  return std::string(srcdir) + "/skua/" + std::string(workspace_path);
}

Result<std::unique_ptr<LoopbackServer>> LoopbackServer::Start(
    const std::string& script, const std::vector<std::string>& args) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return IoError("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  std::vector<std::string> argv_strings = {"python3", script};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "python3", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return IoError("cannot start python3: " + std::string(strerror(rc)));
  }
  std::string line;
  while (line.find('\n') == std::string::npos) {
    pollfd p{fds[0], POLLIN, 0};
    if (poll(&p, 1, 20'000) <= 0) break;
    char buffer[256];
    ssize_t n = read(fds[0], buffer, sizeof(buffer));
    if (n <= 0) break;
    line.append(buffer, static_cast<size_t>(n));
  }
  close(fds[0]);  // The server prints nothing else; a closed pipe is fine for it.
  size_t eol = line.find('\n');
  if (eol == std::string::npos) {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
    return IoError("the test server printed no URL: " + script);
  }
  std::string url = line.substr(0, eol);
  while (url.ends_with("/")) url.pop_back();
  return std::unique_ptr<LoopbackServer>(new LoopbackServer(pid, url));
}

LoopbackServer::~LoopbackServer() {
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
}

Result<std::string> LoopbackServer::Get(std::string_view path) const {
  size_t colon = url_.find_last_of(':');
  int port = std::atoi(url_.c_str() + colon + 1);
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    return IoError("connect to the test server failed");
  }
  std::string request = "GET " + std::string(path) +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  if (write(fd, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
    close(fd);
    return IoError("write to the test server failed");
  }
  std::string response;
  char buffer[65536];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof(buffer))) > 0) response.append(buffer, static_cast<size_t>(n));
  close(fd);
  size_t body = response.find("\r\n\r\n");
  if (body == std::string::npos) return IoError("malformed response from the test server");
  return response.substr(body + 4);
}

int UnusedPort() {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr));
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace skua::pm::registry::testing
