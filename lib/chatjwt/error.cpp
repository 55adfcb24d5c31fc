#include "chatjwt/error.hpp"

namespace chatjwt {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::malformed:
      return "malformed";
    case ErrorCode::unsupported_algorithm:
      return "unsupported_algorithm";
    case ErrorCode::unsupported_header:
      return "unsupported_header";
    case ErrorCode::bad_signature:
      return "bad_signature";
    case ErrorCode::invalid_claim:
      return "invalid_claim";
    case ErrorCode::expired:
      return "expired";
    case ErrorCode::not_yet_valid:
      return "not_yet_valid";
    case ErrorCode::missing_claim:
      return "missing_claim";
    case ErrorCode::lint:
      return "lint";
    case ErrorCode::usage:
      return "usage";
    case ErrorCode::io:
      return "io";
    case ErrorCode::missing_secret:
      return "missing_secret";
  }
  return "internal";
}

int exit_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::usage:
    case ErrorCode::io:
    case ErrorCode::missing_secret:
      return 2;
    default:
      return 1;
  }
}

}  // namespace chatjwt
