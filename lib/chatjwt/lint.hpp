// lint: findings on a payload (and a token's header) against the profile's schema and the
// platforms' advice. Every rule is listed in all_rules() with the sentence it comes from.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chatjwt/json_dom.hpp"
#include "chatjwt/json_tree.hpp"
#include "chatjwt/profile.hpp"

namespace chatjwt {

enum class Severity { error, warning };
enum class Part { payload, header };

std::string_view to_string(Severity severity);
std::string_view to_string(Part part);

struct Diagnostic {
  Severity severity = Severity::error;
  std::string_view rule;  // a name from all_rules()
  Part part = Part::payload;
  std::string path;                      // JSON Pointer into the part
  std::optional<TextPosition> position;  // for JSON read from a file or standard input
  std::string message;
};

struct RuleInfo {
  std::string_view name;
  Severity severity;
  std::string_view summary;  // what it finds
  std::string_view source;   // the sentence of the platform documents or the contract
};

// Every rule, in a stable order.
std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view name);

// Where findings get their line and column: nowhere (a token's parts), from offsets into the
// text the tree was built from (a JSON file), or from a table by JSON Pointer (sign: the
// positions in the payload file, for the payload it completed with exp and iat).
struct PositionSource {
  std::optional<std::string_view> text;
  const std::map<std::string, NodePosition>* by_pointer = nullptr;
};

// Adds findings for one part, placing each: at the member's own position, or for a missing
// member at the opening brace of the object that should hold it. Positions from a text are
// filled in by place(), in one pass over the text however many findings there are.
class Findings {
 public:
  Findings(Part part, std::vector<Diagnostic>& out, PositionSource positions = {})
      : part_(part), positions_(positions), out_(out) {}
  void add(std::string_view rule, JsonRef value, std::string message);
  // A member name that the object parent lacks.
  void add_missing(std::string_view rule, JsonRef parent, std::string_view name,
                   std::string message);
  // Fills in the positions of the findings added so far (a no-op without a text).
  void place();

 private:
  void push(std::string_view rule, std::string path, std::string message,
            std::optional<TextPosition> position, std::size_t offset);
  Part part_;
  PositionSource positions_;
  std::vector<Diagnostic>& out_;
  std::vector<std::pair<std::size_t, std::size_t>> offsets_;  // (finding, byte offset)
};

struct LintRequest {
  Profile profile = Profile::generic;  // already chosen (not auto_detect)
  bool from_token = false;             // a token's payload: a missing exp is a finding
  std::int64_t now = 0;                // for the lifetime of an exp without iat
};

// Lints a payload value (an object).
void lint_payload(JsonRef payload, const LintRequest& request, std::vector<Diagnostic>& out,
                  PositionSource positions = {});

// Lints a token's header: alg, crit, typ.
void lint_header(JsonRef header, std::vector<Diagnostic>& out);

// Orders findings by line and column (stable; unpositioned ones keep their order).
void sort_by_position(std::vector<Diagnostic>& diagnostics);

// Whole inputs. Text that is not I-JSON becomes a finding (invalid-json or duplicate-member).
struct LintResult {
  Profile profile = Profile::generic;
  std::vector<Diagnostic> diagnostics;
  std::size_t errors() const;
  std::size_t warnings() const;
};
// A JSON payload (file or standard input): findings carry line and column.
LintResult lint_json_text(std::string_view text, Profile requested, std::int64_t now);
// A token: header and payload segments; the signature segment is ignored.
LintResult lint_token_text(std::string_view token, Profile requested, std::int64_t now);

// Shaped like a token (contract, lint): trimmed, three dot-separated runs of base64url
// characters (the third may be empty), the first decoding to text starting with '{'.
bool is_token_shaped(std::string_view text);

// "a string", "null", "an array": for messages.
std::string_view describe_json_type(JsonRef value);

}  // namespace chatjwt
