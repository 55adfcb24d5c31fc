// Times and durations on the command line: RFC 3339, Unix seconds, and "1h30m".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chatjwt/error.hpp"

namespace chatjwt {

// Durations and times beyond this many seconds are refused, so sums never overflow.
inline constexpr std::int64_t kMaxSeconds = 253'402'300'799;  // 9999-12-31T23:59:59Z

// RFC 3339 date-time with a zone ("2026-04-23T14:30:00Z", "...+02:00", fractions dropped),
// or integer Unix seconds ("1776954600"). usage error otherwise.
Result<std::int64_t> parse_time(std::string_view text);

// A bare integer of seconds ("90"), or integer-unit pairs in decreasing order with lower-case
// units d, h, m, s ("1h30m", "2d"). No sign, fraction or upper case. usage error otherwise.
Result<std::int64_t> parse_duration(std::string_view text);

// RFC 3339 in UTC ("2026-04-23T14:30:00Z"); nullopt outside years 0000-9999.
std::optional<std::string> format_rfc3339(std::int64_t unix_seconds);

// Same for a NumericDate read from JSON: whole seconds, fractions dropped.
std::optional<std::string> format_numeric_date(double seconds);

// Days since 1970-01-01 of a proleptic Gregorian date (no validation).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day);

// A date that exists ("2023-02-29" does not).
bool is_valid_date(std::int64_t year, unsigned month, unsigned day);

// "42 min", "3 h 5 min", "2 d 4 h": a short human span, for messages. The sign is ignored;
// spans beyond 10,000 years read "over 10,000 years" (no conversion can overflow).
std::string describe_span(double seconds);

}  // namespace chatjwt
