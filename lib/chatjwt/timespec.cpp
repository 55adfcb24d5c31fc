#include "chatjwt/timespec.hpp"

#include <cmath>

#include <fmt/format.h>

namespace chatjwt {
namespace {

bool digits(std::string_view s, std::size_t at, std::size_t count, unsigned& out) {
  if (s.size() < at + count) return false;
  out = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

Error bad_time(std::string_view text) {
  return Error{ErrorCode::usage,
               fmt::format("'{}' is not a time: write RFC 3339 (2026-04-23T14:30:00Z, an offset "
                           "such as +02:00 is allowed) or integer Unix seconds (1776954600)",
                           text.substr(0, 64))};
}

Error too_late(std::string_view text) {
  return Error{ErrorCode::usage,
               fmt::format("'{}' is after 9999-12-31T23:59:59Z, the last time chatjwt takes "
                           "(Unix time is in seconds, not milliseconds)",
                           text.substr(0, 64))};
}

Error too_long(std::string_view text) {
  return Error{ErrorCode::usage,
               fmt::format("'{}' is longer than chatjwt takes: a duration is at most {} seconds "
                           "(about 8,030 years)",
                           text.substr(0, 64), kMaxSeconds)};
}

Error bad_duration(std::string_view text) {
  return Error{ErrorCode::usage,
               fmt::format("'{}' is not a duration: write seconds (90) or integer-unit pairs in "
                           "decreasing order with units d, h, m, s (45m, 1h30m, 2d)",
                           text.substr(0, 64))};
}

}  // namespace

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool is_valid_date(std::int64_t year, unsigned month, unsigned day) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const unsigned last = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= last;
}

Result<std::int64_t> parse_time(std::string_view text) {
  if (text.empty()) return bad_time(text);
  if (text.find_first_not_of("0123456789") == std::string_view::npos) {
    if (text.size() > 12) return too_late(text);
    std::int64_t value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    if (value > kMaxSeconds) return too_late(text);
    return value;
  }
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(text, 0, 4, year) || text.size() < 20 || text[4] != '-' ||
      !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day) ||
      (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || !digits(text, 11, 2, hour) ||
      text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' ||
      !digits(text, 17, 2, second)) {
    return bad_time(text);
  }
  if (!is_valid_date(year, month, day) || hour > 23 || minute > 59 || second > 60) {
    return bad_time(text);
  }
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    const std::size_t start = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == start) return bad_time(text);
  }
  std::int64_t offset = 0;
  const std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    unsigned oh = 0, om = 0;
    if (!digits(zone, 1, 2, oh) || !digits(zone, 4, 2, om) || oh > 23 || om > 59) {
      return bad_time(text);
    }
    offset = (zone[0] == '-' ? -1 : 1) * static_cast<std::int64_t>(oh * 3600 + om * 60);
  } else {
    return bad_time(text);
  }
  const std::int64_t seconds =
      days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return seconds;
}

Result<std::int64_t> parse_duration(std::string_view text) {
  if (text.empty() || text.size() > 40) return bad_duration(text);
  if (text.find_first_not_of("0123456789") == std::string_view::npos) {
    if (text.size() > 12) return too_long(text);
    std::int64_t value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    if (value > kMaxSeconds) return too_long(text);
    return value;
  }
  static constexpr std::string_view kUnits = "dhms";
  static constexpr std::int64_t kScale[] = {86400, 3600, 60, 1};
  std::size_t next_unit = 0;  // units must come in this order, each at most once
  std::int64_t total = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = at;
    std::int64_t number = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (at - start >= 12) return too_long(text);
      number = number * 10 + (text[at] - '0');
      ++at;
    }
    if (at == start || at == text.size()) return bad_duration(text);
    const std::size_t unit = kUnits.find(text[at]);
    if (unit == std::string_view::npos || unit < next_unit) return bad_duration(text);
    next_unit = unit + 1;
    ++at;
    total += number * kScale[unit];
    if (total > kMaxSeconds) return too_long(text);
  }
  return total;
}

std::optional<std::string> format_rfc3339(std::int64_t t) {
  // -62167219200 is 0000-01-01T00:00:00Z.
  if (t < -62'167'219'200 || t > kMaxSeconds) return std::nullopt;
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const std::int64_t secs = t - days * 86400;
  // Howard Hinnant's civil_from_days.
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", y, m, d, secs / 3600, secs / 60 % 60,
                     secs % 60);
}

std::optional<std::string> format_numeric_date(double seconds) {
  if (!std::isfinite(seconds) || seconds < -62'167'219'200.0 ||
      seconds > static_cast<double>(kMaxSeconds)) {
    return std::nullopt;
  }
  return format_rfc3339(static_cast<std::int64_t>(std::floor(seconds)));
}

std::string describe_span(double span) {
  span = std::fabs(span);
  if (!(span < 3.2e11)) return "over 10,000 years";  // also NaN
  const auto seconds = static_cast<std::int64_t>(span);
  if (seconds < 60) return fmt::format("{} s", seconds);
  if (seconds < 3600) return fmt::format("{} min", seconds / 60);
  if (seconds < 86400) {
    const std::int64_t minutes = seconds / 60 % 60;
    return minutes == 0 ? fmt::format("{} h", seconds / 3600)
                        : fmt::format("{} h {} min", seconds / 3600, minutes);
  }
  const std::int64_t hours = seconds / 3600 % 24;
  return hours == 0 ? fmt::format("{} d", seconds / 86400)
                    : fmt::format("{} d {} h", seconds / 86400, hours);
}

}  // namespace chatjwt
