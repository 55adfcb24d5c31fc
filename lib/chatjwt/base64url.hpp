// Base64url (RFC 4648 §5) for token segments: strict decoding, unpadded encoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chatjwt {

// Decodes a token segment strictly: URL-safe alphabet only, no '=' padding, no length of the
// form 4n+1, and the unused low bits of the last character must be zero. nullopt otherwise.
std::optional<std::string> base64url_decode(std::string_view text);

// The same into out, whose buffer is reused (no allocation once it is large enough); on
// failure out's content is unspecified.
bool base64url_decode_to(std::string_view text, std::string& out);

// Same check without producing the bytes (the fast path of verify).
bool base64url_valid(std::string_view text);

// The number of bytes base64url_decode would produce for a valid segment of this length.
constexpr std::size_t base64url_decoded_size(std::size_t length) {
  return length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1);
}

// Unpadded base64url of bytes.
std::string base64url_encode(std::string_view bytes);

// True for A-Z a-z 0-9 '-' '_'.
constexpr bool is_base64url_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace chatjwt
