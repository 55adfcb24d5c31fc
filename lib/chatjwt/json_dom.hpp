// JSON values built from the strict scanner, with the text positions lint reports.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "chatjwt/error.hpp"
#include "chatjwt/strict_json.hpp"

namespace chatjwt {

// Member order is kept as written, so decode and sign show claims in the author's order.
using Json = nlohmann::ordered_json;

// 1-based line and column; columns count Unicode code points; LF, CRLF and a lone CR end a line.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
  friend bool operator==(const TextPosition&, const TextPosition&) = default;
};

// Where a value sits: `at` is its member name's opening quote (or, for an array element and the
// root, its first character); `open` is the opening brace or bracket of an object or array.
struct NodePosition {
  TextPosition at;
  TextPosition open;
};

struct ParsedJson {
  Json value;
  std::map<std::string, NodePosition> positions;  // keyed by JSON Pointer (RFC 6901)
};

struct JsonFailure {
  std::size_t offset = 0;
  TextPosition position;
  std::string message;
  bool repeated_member = false;
  std::string pointer;  // of the repeated member (RFC 6901), when repeated_member
};

// Converts increasing byte offsets of one text to line and column, in a single forward pass.
class PositionCursor {
 public:
  explicit PositionCursor(std::string_view text) : text_(text) {}
  // offset must not decrease between calls.
  TextPosition advance_to(std::size_t offset);

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  TextPosition position_;
};

// Line and column of one offset (a fresh pass over the text).
TextPosition position_of(std::string_view text, std::size_t offset);

// Parses strictly (an object unless any_value) into a value; positions only when asked.
// On failure, the offending character's offset and position.
struct ParseOutcome {
  bool ok = false;
  ParsedJson json;
  JsonFailure failure;
};
ParseOutcome parse_json(std::string_view text, bool with_positions = false, bool any_value = false);

// RFC 6901 escaping of one reference token: '~' -> "~0", '/' -> "~1".
std::string json_pointer_token(std::string_view name);

// Compact JSON text; never throws (strings from the strict reader are valid UTF-8).
std::string to_json_text(const Json& value, int indent = -1);

}  // namespace chatjwt
