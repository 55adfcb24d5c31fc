// The compact token: three base64url segments, a JSON object header and payload (verify, check 1).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "chatjwt/error.hpp"
#include "chatjwt/strict_json.hpp"

namespace chatjwt {

// The contract's cap: a longer token is malformed and is never held whole.
inline constexpr std::size_t kMaxTokenBytes = 1U << 20;

struct TokenSegments {
  std::string_view header;  // base64url text
  std::string_view payload;
  std::string_view signature;
  std::string_view signing_input;  // "header.payload", what the MAC covers
};

// Exactly three segments separated by dots; malformed otherwise. Stops counting at the
// fourth dot, so a token of 10,000 segments costs no more than one of four.
Result<TokenSegments> split_token(std::string_view token);

// A token whose segments are strict base64url and whose header and payload are JSON objects.
struct DecodedToken {
  TokenSegments segments;
  std::string header;  // the decoded JSON text
  std::string payload;
  std::string signature;  // raw bytes
  // The scanner's last_text_compact() for each: no white space between tokens, no escape.
  bool header_compact = false;
  bool payload_compact = false;
};

// Check 1 of verify, whole: the segments, strict base64url, I-JSON objects. The views in the
// result point into token, which must outlive it.
Result<DecodedToken> decode_token(std::string_view token);
// The same, sending the header's and payload's JSON events to the given handlers as it
// validates them (one scan each: verify collects its claims this way).
Result<DecodedToken> decode_token(std::string_view token, StrictJsonScanner& scanner,
                                  JsonEvents& header_events, JsonEvents& payload_events);

// The same into a DecodedToken whose buffers are reused (verify --batch: no allocation per
// token once they have grown). Returns the error, or nullopt when check 1 passed.
std::optional<Error> decode_token_into(std::string_view token, StrictJsonScanner& scanner,
                                       JsonEvents& header_events, JsonEvents& payload_events,
                                       DecodedToken& out);

// Why a segment is not strict base64url, in words ("'=' at character 37: ...").
std::string describe_base64url_problem(std::string_view segment);

}  // namespace chatjwt
