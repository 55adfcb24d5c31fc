// Why verify rejected a token, in plain words, and what to do: hints for support staff.
// For a bad signature, it tries the usual mistakes and says which would have matched.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chatjwt/hs256.hpp"
#include "chatjwt/secret.hpp"
#include "chatjwt/verify.hpp"

namespace chatjwt {

// Hints on a judged token: the rejection's cause and cure, and clock or unit mistakes that
// show even on an accepted token (exp in milliseconds, iat in the future).
std::vector<std::string> explain(const TokenCheck& check, const Verdict& verdict,
                                 const ClaimRules& rules);

// A key to try, and what it would mean if it matched.
struct SecretCandidate {
  std::string meaning;  // "the secret from --secret-file k with a trailing newline"
  SecretBytes bytes;
};

// The usual mistakes with a secret as given (text, read in encoding): a trailing newline or
// space added or removed, and the text read in the other encodings. origin names it.
std::vector<SecretCandidate> secret_variants(std::string_view text, SecretEncoding encoding,
                                             std::string_view origin);

// The meanings of the candidates whose MAC matches the token's signature.
std::vector<std::string> matching_candidates(const TokenCheck& check,
                                             std::span<const SecretCandidate> candidates);

// Pasted text that holds no token: a hint when it looks like a JSON payload (a page with
// ConvrsUser = {...} instead of the signed token).
std::optional<std::string> explain_no_token(std::string_view text);

}  // namespace chatjwt
