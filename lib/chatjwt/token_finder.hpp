// Finding the token in pasted text (the contract's "Reading tokens"): decode and verify take it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chatjwt {

// Token white space: space, tab, CR and LF, nothing else.
constexpr bool is_token_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// text without leading and trailing token white space.
std::string_view trim_token_space(std::string_view text);

// The segment is strict base64url and decodes to text starting with '{' (a token's header):
// what tells a token from other dotted text, for the finder and for lint's inputs.
bool opens_json_object(std::string_view segment);

// Made only of base64url characters and dots: judged as it is, never searched.
bool is_bare_token_text(std::string_view text);

struct TokenCandidate {
  std::string_view token;
  std::size_t first_char = 0;  // 1-based, in code points of the searched text
  std::size_t last_char = 0;
};

struct TokenSearch {
  enum class Kind {
    bare,     // the whole text is judged as it is
    found,    // exactly one token (repeats counted once)
    none,     // no token: malformed
    several,  // different tokens: a usage error listing them
  };
  Kind kind = Kind::none;
  std::string_view token;                  // bare or found
  std::vector<TokenCandidate> candidates;  // found: the one; several: each distinct one
};

// text must already be trimmed. A token in pasted text is a maximal run of base64url
// characters and dots with exactly two dots, whose first segment decodes to text starting
// with '{', and that is not followed by '=', '+' or '/'.
TokenSearch find_token(std::string_view text);
// The result keeps views into text: a temporary string would leave them dangling.
TokenSearch find_token(std::string&& text) = delete;
inline TokenSearch find_token(const char* text) { return find_token(std::string_view(text)); }

}  // namespace chatjwt
