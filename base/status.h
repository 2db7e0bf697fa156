// Errors as values for the libraries (base, resolver, pm): a Status is ok or a code and
// a message; Result<T> is a value or a non-ok Status. Codes are coarse on purpose: the
// layer that reports to users maps them onto Node's error codes.
#ifndef SKUA_BASE_STATUS_H_
#define SKUA_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

#include "base/check.h"

namespace skua {

enum class StatusCode {
  kOk,
  kNotFound,         // A file, module or package that does not exist.
  kInvalidArgument,  // Input that is malformed: a bad specifier, bad JSON, bad flag.
  kIoError,          // The operating system refused (errno kept in the message).
  kUnimplemented,    // Valid input that skua does not handle yet.
};

class Status {
 public:
  Status() = default;  // Ok.
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status NotFound(std::string message) {
  return Status(StatusCode::kNotFound, std::move(message));
}
inline Status InvalidArgument(std::string message) {
  return Status(StatusCode::kInvalidArgument, std::move(message));
}
inline Status IoError(std::string message) {
  return Status(StatusCode::kIoError, std::move(message));
}

// A T or the Status that explains why there is none. Constructing from an ok Status is a
// bug (CHECKed).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design.
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design.
    CHECK(!status_.ok());
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const& {
    CHECK(ok());
    return *value_;
  }
  T&& value() && {
    CHECK(ok());
    return std::move(*value_);
  }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace skua

#endif  // SKUA_BASE_STATUS_H_
