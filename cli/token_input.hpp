// The one token decode and verify judge: from the argument or standard input, found in pasted
// text by the contract's rule ("Reading tokens").
#pragma once

#include <optional>
#include <string>

#include "chatjwt/error.hpp"

#include "io.hpp"
#include "output.hpp"

namespace chatjwt::cli {

struct AcquiredToken {
  std::string token;                // what to judge (the whole trimmed input when bare)
  std::optional<Error> malformed;   // set when the input holds no token at all
  std::optional<std::string> hint;  // why, when the input looks like something else
};

// usage error for empty input or several different tokens; io when standard input fails.
// A note on err says where a token was found in pasted text.
Result<AcquiredToken> acquire_token(const std::string& argument, const Io& io, Output& err);

}  // namespace chatjwt::cli
