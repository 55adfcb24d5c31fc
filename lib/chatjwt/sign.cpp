#include "chatjwt/sign.hpp"

#include <cmath>

#include <fmt/format.h>

#include "chatjwt/base64url.hpp"

namespace chatjwt {

Result<ClaimAssignment> parse_claim_assignment(std::string_view text) {
  const std::size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    return Error{ErrorCode::usage,
                 fmt::format("--claim takes KEY=VALUE (e.g. --claim plan=gold, --claim "
                             "'vip=true'); got '{}'",
                             text.substr(0, 64))};
  }
  ClaimAssignment claim;
  claim.key = std::string(text.substr(0, eq));
  const std::string_view value = text.substr(eq + 1);
  auto parsed = parse_json(value, false, /*any_value=*/true);
  if (parsed.ok) {
    claim.value = std::move(parsed.json.value);
  } else {
    claim.value = std::string(value);
  }
  return claim;
}

Result<Json> complete_time_claims(Json payload, const TimeClaims& options) {
  const bool has_exp = payload.contains("exp");
  if (has_exp && options.expires_explicit) {
    return Error{ErrorCode::usage, std::string("the payload has its own exp, and ") +
                                       (options.no_expiry ? "--no-expiry" : "--expires-in") +
                                       " was given too: keep one of them"};
  }
  if (options.not_before && payload.contains("nbf")) {
    return Error{ErrorCode::usage,
                 "the payload has its own nbf, and --not-before was given too: keep one of them"};
  }
  if (!payload.contains("iat")) payload["iat"] = options.now;
  if (!has_exp && !options.no_expiry) {
    const Json& iat = payload["iat"];
    if (!iat.is_number()) {
      return Error{ErrorCode::invalid_claim,
                   "iat is not a number, so exp (iat + --expires-in) cannot be set; make iat a "
                   "NumericDate (seconds since 1970) or remove it"};
    }
    // Integer arithmetic where it is exact and cannot overflow (|iat| < 2^53, which a double
    // holds exactly; expires_in is at most kMaxSeconds); beyond, a double, as JSON numbers go.
    const double value = iat.get<double>();
    if (iat.is_number_integer() && std::abs(value) < 0x1p53) {
      payload["exp"] = static_cast<std::int64_t>(value) + options.expires_in;
    } else {
      payload["exp"] = value + static_cast<double>(options.expires_in);
    }
  }
  if (options.not_before) payload["nbf"] = *options.not_before;
  return payload;
}

std::string sign_token(const Json& payload, const Hs256Key& key) {
  std::string token = base64url_encode(kSignHeader);
  token.push_back('.');
  token += base64url_encode(to_json_text(payload));
  Digest mac{};
  if (!key.mac(token, mac)) return {};
  token.push_back('.');
  token +=
      base64url_encode(std::string_view(reinterpret_cast<const char*>(mac.data()), mac.size()));
  return token;
}

}  // namespace chatjwt
