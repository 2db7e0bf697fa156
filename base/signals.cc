// Signal name table (Linux).
#include "base/signals.h"

#include <csignal>
#include <iterator>

namespace skua {

namespace {

constexpr std::pair<const char*, int> kSignals[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},       {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},       {"SIGTRAP", SIGTRAP},     {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},       {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},     {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM},     {"SIGCHLD", SIGCHLD},     {"SIGSTKFLT", SIGSTKFLT},
    {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},     {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},     {"SIGXFSZ", SIGXFSZ},     {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},     {"SIGWINCH", SIGWINCH},   {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL},     {"SIGPWR", SIGPWR},       {"SIGSYS", SIGSYS},
};

}  // namespace

std::pair<const char*, int> const* SignalTable(int* count) {
  *count = static_cast<int>(std::size(kSignals));
  return kSignals;
}

const char* SignalName(int signo) {
  for (const auto& [name, number] : kSignals) {
    // SIGIOT and SIGPOLL alias SIGABRT and SIGIO: the first name wins.
    if (number == signo) return name;
  }
  return nullptr;
}

int SignalNumber(std::string_view name) {
  for (const auto& [signal_name, number] : kSignals) {
    if (name == signal_name) return number;
  }
  return 0;
}

}  // namespace skua
