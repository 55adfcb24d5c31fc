#include "chatjwt/timespec.hpp"

#include <string>

#include <doctest/doctest.h>

using chatjwt::parse_duration;
using chatjwt::parse_time;

TEST_CASE("timespec: durations the contract allows") {
  const std::pair<const char*, std::int64_t> rows[] = {
      {"0", 0},        {"90", 90},     {"90s", 90},       {"45m", 2700},       {"1h", 3600},
      {"1h30m", 5400}, {"2d", 172800}, {"1d12h", 129600}, {"1d2h3m4s", 93784}, {"0s", 0},
  };
  for (const auto& [text, seconds] : rows) {
    CAPTURE(text);
    const auto r = parse_duration(text);
    REQUIRE(r.has_value());
    CHECK(*r == seconds);
  }
}

TEST_CASE("timespec: durations the contract refuses") {
  for (const char* text : {"", "1.5h", "-5", "+5", "1H", "5 m", "30m1h", "1h1h", "m", "1hm", "1x",
                           "1h 30m", "99999999999999d", "1e3", " 90"}) {
    CAPTURE(text);
    const auto r = parse_duration(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == chatjwt::ErrorCode::usage);
  }
}

TEST_CASE("timespec: a duration or time past the limit says so, not 'not a duration'") {
  for (const char* text : {"253402300800", "99999999d", "2932897d", "1000000000000s"}) {
    CAPTURE(text);
    const auto r = parse_duration(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message.find("longer than chatjwt takes") != std::string::npos);
  }
  CHECK(parse_duration("2932896d").has_value());
  CHECK(parse_duration("253402300799").has_value());
  for (const char* text : {"253402300800", "1776954600000"}) {
    CAPTURE(text);
    const auto r = parse_time(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message.find("milliseconds") != std::string::npos);
  }
}

TEST_CASE("timespec: RFC 3339 times and Unix seconds") {
  const std::pair<const char*, std::int64_t> rows[] = {
      {"2026-04-23T14:30:00Z", 1776954600},
      {"2026-04-23t14:30:00z", 1776954600},
      {"2026-04-23T16:30:00+02:00", 1776954600},
      {"2026-04-23T09:00:00-05:30", 1776954600},
      {"2026-04-23T14:30:00.999Z", 1776954600},
      {"1776954600", 1776954600},
      {"0", 0},
      {"1970-01-01T00:00:00Z", 0},
      {"2024-02-29T00:00:00Z", 1709164800},
  };
  for (const auto& [text, seconds] : rows) {
    CAPTURE(text);
    const auto r = parse_time(text);
    REQUIRE(r.has_value());
    CHECK(*r == seconds);
  }
  for (const char* bad : {"", "2026-04-23", "2026-04-23T14:30Z", "2026-04-23T14:30:00",
                          "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-04-23T24:00:00Z",
                          "2026-04-23T14:30:00+0200", "yesterday", "-1", "1776954600.5"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_time(bad).has_value());
  }
}

TEST_CASE("timespec: formatting and spans") {
  CHECK(chatjwt::format_rfc3339(1776954600) == "2026-04-23T14:30:00Z");
  CHECK(chatjwt::format_rfc3339(0) == "1970-01-01T00:00:00Z");
  CHECK(chatjwt::format_rfc3339(-1) == "1969-12-31T23:59:59Z");
  CHECK_FALSE(chatjwt::format_numeric_date(1e300).has_value());
  CHECK(chatjwt::format_numeric_date(1776954600.7) == "2026-04-23T14:30:00Z");
  CHECK(chatjwt::describe_span(42) == "42 s");
  CHECK(chatjwt::describe_span(2520) == "42 min");
  CHECK(chatjwt::describe_span(3600) == "1 h");
  CHECK(chatjwt::describe_span(4800) == "1 h 20 min");
  CHECK(chatjwt::describe_span(176400) == "2 d 1 h");
  CHECK(chatjwt::describe_span(-2520) == "42 min");
  CHECK(chatjwt::describe_span(1e300) == "over 10,000 years");
  CHECK(chatjwt::describe_span(-1e300) == "over 10,000 years");
  CHECK(chatjwt::is_valid_date(2000, 2, 29));
  CHECK_FALSE(chatjwt::is_valid_date(1900, 2, 29));
}
