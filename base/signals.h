// POSIX signal names and numbers, as Node names them ("SIGTERM" <-> 15) for
// os.constants.signals, process.kill and child processes' `signal` fields.
#ifndef SKUA_BASE_SIGNALS_H_
#define SKUA_BASE_SIGNALS_H_

#include <string_view>
#include <utility>

namespace skua {

// Every signal this platform defines, in number order.
std::pair<const char*, int> const* SignalTable(int* count);

// The name of `signo` ("SIGTERM"), or nullptr when it is not a known signal.
const char* SignalName(int signo);

// The number of `name` ("SIGTERM" -> 15), or 0 when it is unknown.
int SignalNumber(std::string_view name);

}  // namespace skua

#endif  // SKUA_BASE_SIGNALS_H_
