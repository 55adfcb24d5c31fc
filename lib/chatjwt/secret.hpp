// Secrets as given (utf8, base64, base64url, hex) turned into key bytes, with the contract's
// checks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "chatjwt/error.hpp"
#include "chatjwt/hs256.hpp"

namespace chatjwt {

enum class SecretEncoding { utf8, base64, base64url, hex };

std::string_view to_string(SecretEncoding encoding);
std::optional<SecretEncoding> parse_secret_encoding(std::string_view name);

// RFC 7518 §3.2: a key at least as long as the hash output (32 bytes); shorter ones warn.
inline constexpr std::size_t kRecommendedSecretBytes = 32;

// Decodes text (the secret as given) in encoding. `origin` names where it came from for
// messages ("--secret-file key.txt"); no message ever contains the secret.
// usage error when it does not decode, is empty, or holds a PEM block ("-----BEGIN ").
Result<SecretBytes> decode_secret(std::string_view text, SecretEncoding encoding,
                                  std::string_view origin);

// A secret file's content loses exactly one trailing "\n" or "\r\n", nothing else.
std::string_view strip_one_newline(std::string_view content);

}  // namespace chatjwt
