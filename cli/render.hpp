// Human-readable pieces shared by decode and verify.
#pragma once

#include <cstdint>
#include <string>

#include "chatjwt/json_dom.hpp"
#include "chatjwt/verify.hpp"

#include "output.hpp"

namespace chatjwt::cli {

// "2026-04-23T15:30:00Z (in 42 min)" or "... (3 h ago)"; the raw number when out of range.
std::string describe_time(double numeric_date, std::int64_t now);

// Lines "  exp  2026-...Z (in 42 min)" for the iat, nbf and exp the payload holds as numbers,
// and the lifetime when both iat and exp are there.
std::string time_claim_lines(const TopLevelMembers& payload, std::int64_t now);

// JSON pretty-printed for a terminal, each line indented, control characters neutralised;
// with colour, names cyan, strings green, other values magenta.
std::string pretty_json(const Json& value, std::string_view indent, const Style& style);

// Header and payload values of a token that passed check 1 (for JSON output and decode).
Json header_json(const TokenCheck& check);
Json payload_json(const TokenCheck& check);

}  // namespace chatjwt::cli
