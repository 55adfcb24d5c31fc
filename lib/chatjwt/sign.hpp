// sign: the final payload (claims merged, iat/exp/nbf set) and the compact HS256 token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chatjwt/error.hpp"
#include "chatjwt/hs256.hpp"
#include "chatjwt/json_dom.hpp"

namespace chatjwt {

// The header sign writes, byte for byte.
inline constexpr std::string_view kSignHeader = R"({"alg":"HS256","typ":"JWT"})";

// --claim KEY=VALUE: VALUE is JSON when it parses as JSON (strictly), else a string.
// usage error when there is no '=' or KEY is empty.
struct ClaimAssignment {
  std::string key;
  Json value;
};
Result<ClaimAssignment> parse_claim_assignment(std::string_view text);

struct TimeClaims {
  std::int64_t now = 0;
  std::int64_t expires_in = 3600;  // ignored with no_expiry
  bool expires_explicit = false;   // --expires-in or --no-expiry was given
  bool no_expiry = false;
  std::optional<std::int64_t> not_before;  // absolute NumericDate from --not-before
};

// Sets iat to now unless present; exp to iat + expires_in unless present or no_expiry; nbf.
// usage error when an explicit option contradicts the payload's own exp or nbf;
// invalid_claim when iat must be added to but is not a number.
Result<Json> complete_time_claims(Json payload, const TimeClaims& options);

// "header.payload.signature" for payload, with kSignHeader; empty if OpenSSL failed.
std::string sign_token(const Json& payload, const Hs256Key& key);

}  // namespace chatjwt
