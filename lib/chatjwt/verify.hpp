// verify: the platform's checks in the contract's order; the first failure decides the code.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chatjwt/error.hpp"
#include "chatjwt/hs256.hpp"
#include "chatjwt/json_tree.hpp"
#include "chatjwt/profile.hpp"
#include "chatjwt/strict_json.hpp"
#include "chatjwt/token.hpp"

namespace chatjwt {

// Checks 1-3 (malformed, unsupported_algorithm, unsupported_header) and the profile.
// Views point into the token text, which must outlive this.
struct TokenCheck {
  std::optional<Error> error;  // the first of checks 1-3 that failed
  bool decoded = false;        // check 1 passed: header and payload are JSON objects
  DecodedToken token;          // when decoded
  TopLevelMembers header;      // when decoded
  TopLevelMembers payload;     // when decoded
  ProfileChoice profile;       // generic when the payload could not be read
};

// scanner is reused across calls (it keeps its buffers); profile may be auto_detect.
TokenCheck check_token(std::string_view token, Profile profile, StrictJsonScanner& scanner);
// The header and payload re-written as compact JSON during the same scan (verify --json),
// byte for byte what to_json_text gives for their values. Set only when check 1 passed.
struct CompactParts {
  // Views into the decoded token when its text is already compact (the usual case), else
  // into the buffers below.
  std::string_view header;
  std::string_view payload;
  std::string header_buffer;
  std::string payload_buffer;
};

// The header's and payload's trees, for lint, built during the same scan. Complete when
// check.decoded.
struct LintTrees {
  JsonTree header;
  JsonTree payload;
};

// The same into check (and compact and trees, when given), whose buffers are reused: verify
// --batch allocates nothing per token.

void check_token_into(std::string_view token, Profile profile, StrictJsonScanner& scanner,
                      TokenCheck& check, CompactParts* compact = nullptr,
                      LintTrees* trees = nullptr);
TokenCheck check_token(std::string_view token, Profile profile);
// The result keeps views into the token: a temporary string would leave them dangling.
TokenCheck check_token(std::string&& token, Profile profile, StrictJsonScanner& scanner) = delete;
TokenCheck check_token(std::string&& token, Profile profile) = delete;
inline TokenCheck check_token(const char* token, Profile profile) {
  return check_token(std::string_view(token), profile);
}

struct ClaimRules {
  std::int64_t now = 0;
  std::int64_t leeway = 0;
  std::vector<std::string> require;  // --require NAME
};

struct Verdict {
  std::optional<Error> error;               // nullopt: accepted
  std::optional<std::size_t> secret_index;  // the key whose MAC matched (also when 5-8 reject)
};

// Checks 4-8 on a token that passed 1-3: the MAC against each key in order (constant-time
// compare), then invalid_claim, expired, not_yet_valid, missing_claim.
Verdict verify_checked(const TokenCheck& check, std::span<const Hs256Key> keys,
                       const ClaimRules& rules);

// Checks 5-8 alone (after a matching signature).
std::optional<Error> check_claims(const TokenCheck& check, const ClaimRules& rules);

}  // namespace chatjwt
