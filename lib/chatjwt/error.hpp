// Error codes of the contract, the Error value and Result<T>: the core returns values, never
// throws.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace chatjwt {

// The contract's codes. The first nine are verdicts on a token (exit 1), in verify's order;
// the rest mean the input could not be judged (exit 2).
enum class ErrorCode {
  malformed,
  unsupported_algorithm,
  unsupported_header,
  bad_signature,
  invalid_claim,
  expired,
  not_yet_valid,
  missing_claim,
  lint,
  usage,
  io,
  missing_secret,
};

// The contract's spelling of a code, e.g. "not_yet_valid".
std::string_view to_string(ErrorCode code);

// 1 for a verdict on the input, 2 for "could not judge". The one place that picks.
int exit_status(ErrorCode code);

struct Error {
  ErrorCode code;
  std::string message;
};

template <class T>
class [[nodiscard]] Result {  // the member names of C++23 std::expected
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool has_value() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return has_value(); }
  const T& operator*() const& { return std::get<T>(state_); }
  T& operator*() & { return std::get<T>(state_); }
  T&& operator*() && { return std::get<T>(std::move(state_)); }
  const T* operator->() const { return &std::get<T>(state_); }
  T* operator->() { return &std::get<T>(state_); }
  const Error& error() const& { return std::get<Error>(state_); }
  Error&& error() && { return std::get<Error>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace chatjwt
