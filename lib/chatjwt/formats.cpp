#include "chatjwt/formats.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "chatjwt/timespec.hpp"

namespace chatjwt {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

bool all_of(std::string_view s, bool (*pred)(char)) {
  return std::all_of(s.begin(), s.end(), pred);
}

unsigned two_digits(std::string_view s, std::size_t at) {
  return static_cast<unsigned>((s[at] - '0') * 10 + (s[at + 1] - '0'));
}

bool digits_at(std::string_view s, std::size_t at, std::size_t count) {
  if (s.size() < at + count) return false;
  return all_of(s.substr(at, count), is_digit);
}

}  // namespace

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_valid_email(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  static constexpr std::string_view kLocalExtra = ".!#$%&'*+/=?^_`{|}~-";
  for (char c : text.substr(0, at)) {
    if (!is_alnum(c) && kLocalExtra.find(c) == std::string_view::npos) return false;
  }
  std::string_view domain = text.substr(at + 1);
  if (domain.empty()) return false;
  while (true) {
    const std::size_t dot = domain.find('.');
    const std::string_view label = domain.substr(0, dot);
    if (label.empty() || label.size() > 63 || !is_alnum(label.front()) || !is_alnum(label.back())) {
      return false;
    }
    for (char c : label) {
      if (!is_alnum(c) && c != '-') return false;
    }
    if (dot == std::string_view::npos) return true;
    domain.remove_prefix(dot + 1);
  }
}

bool is_valid_phone(std::string_view text) {
  if (text.size() < 2 || text[0] != '+' || !is_digit(text[1])) return false;
  std::size_t digits = 0;
  bool used_parens = false;
  bool in_parens = false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    const char prev = text[i - 1];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (is_digit(c)) {
      ++digits;
    } else if (c == '(') {
      // "( " may follow a digit directly or a single space that follows a digit.
      if (used_parens || !(is_digit(prev) || (prev == ' ' && is_digit(text[i - 2]))) ||
          !is_digit(next)) {
        return false;
      }
      used_parens = in_parens = true;
    } else if (c == ')') {
      if (!in_parens || !is_digit(prev) || !(next == '\0' || next == ' ' || is_digit(next))) {
        return false;
      }
      in_parens = false;
    } else if (c == ' ' || c == '-' || c == '.') {
      if (in_parens) return false;
      // A separator stands between digits; only a space may touch a parenthesis.
      const bool after_ok = is_digit(prev) || (c == ' ' && prev == ')');
      const bool before_ok = is_digit(next) || (c == ' ' && next == '(');
      if (!after_ok || !before_ok) return false;
    } else {
      return false;
    }
  }
  return !in_parens && digits >= 8 && digits <= 15;
}

bool is_valid_locale(std::string_view text) {
  // Split into subtags; any case; each 1-8 alphanumerics.
  std::array<std::string_view, 64> tags{};
  std::size_t count = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dash = text.find('-', start);
    const std::string_view tag =
        text.substr(start, dash == std::string_view::npos ? dash : dash - start);
    if (tag.empty() || tag.size() > 8 || !all_of(tag, is_alnum) || count == tags.size())
      return false;
    tags[count++] = tag;
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  std::size_t i = 0;
  // language: 2-3 letters (the contract's restriction), then up to three extlangs of 3 letters.
  if (tags[0].size() < 2 || tags[0].size() > 3 || !all_of(tags[0], is_alpha)) return false;
  ++i;
  for (int extlang = 0;
       extlang < 3 && i < count && tags[i].size() == 3 && all_of(tags[i], is_alpha); ++extlang) {
    ++i;
  }
  // script: 4 letters.
  if (i < count && tags[i].size() == 4 && all_of(tags[i], is_alpha)) ++i;
  // region: 2 letters or 3 digits.
  if (i < count && ((tags[i].size() == 2 && all_of(tags[i], is_alpha)) ||
                    (tags[i].size() == 3 && all_of(tags[i], is_digit)))) {
    ++i;
  }
  // variants: 5-8 alphanumerics, or a digit then 3 alphanumerics.
  while (i < count && ((tags[i].size() >= 5) || (tags[i].size() == 4 && is_digit(tags[i][0])))) ++i;
  // extensions: a singleton (not x) then one or more subtags of 2-8.
  while (i < count && tags[i].size() == 1 && tags[i][0] != 'x' && tags[i][0] != 'X') {
    ++i;
    const std::size_t first = i;
    while (i < count && tags[i].size() >= 2) ++i;
    if (i == first) return false;
  }
  // private use: x then one or more subtags of 1-8.
  if (i < count && (tags[i] == "x" || tags[i] == "X")) {
    ++i;
    if (i == count) return false;
    i = count;
  }
  return i == count;
}

bool is_valid_calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits_at(text, 0, 4) ||
      !digits_at(text, 5, 2) || !digits_at(text, 8, 2)) {
    return false;
  }
  const int year =
      (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  return is_valid_date(year, two_digits(text, 5), two_digits(text, 8));
}

DateTimeForm datetime_form(std::string_view text) {
  if (text.size() < 16 || !is_valid_calendar_date(text.substr(0, 10)) ||
      (text[10] != 'T' && text[10] != 't') || !digits_at(text, 11, 2) || text[13] != ':' ||
      !digits_at(text, 14, 2) || two_digits(text, 11) > 23 || two_digits(text, 14) > 59) {
    return DateTimeForm::invalid;
  }
  std::size_t at = 16;
  if (at < text.size() && text[at] == ':') {
    if (!digits_at(text, at + 1, 2) || two_digits(text, at + 1) > 60) return DateTimeForm::invalid;
    at += 3;
    if (at < text.size() && text[at] == '.') {
      const std::size_t start = ++at;
      while (at < text.size() && is_digit(text[at])) ++at;
      if (at == start) return DateTimeForm::invalid;
    }
  }
  const std::string_view zone = text.substr(at);
  if (zone.empty()) return DateTimeForm::unzoned;
  if (zone == "Z" || zone == "z") return DateTimeForm::zoned;
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits_at(zone, 1, 2) &&
      zone[3] == ':' && digits_at(zone, 4, 2) && two_digits(zone, 1) <= 23 &&
      two_digits(zone, 4) <= 59) {
    return DateTimeForm::zoned;
  }
  return DateTimeForm::invalid;
}

// ISO 4217 List One as published 2024-06-25, with the changes in force since: XCG added
// (Caribbean guilder, 2025-03-31) and ANG withdrawn (its cash use ended 2025-06-30). ICU 72,
// Debian 12's, is older still (no ZWG or XCG, HRK current), which is why the table is ours.
const std::string_view kIso4217Edition =
    "ISO 4217 List One published 2024-06-25, with XCG added and ANG withdrawn (2025)";

bool is_iso4217_code(std::string_view code) {
  static constexpr std::array<std::string_view, 179> kCodes = {
      "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
      "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
      "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE",
      "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
      "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR",
      "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
      "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK",
      "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO",
      "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON",
      "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD",
      "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD",
      "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV",
      "WST", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD",
      "XPF", "XPT", "XSU", "XTS", "XUA", "XXX", "YER", "ZAR", "ZMW", "ZWG",
  };
  static_assert(std::is_sorted(kCodes.begin(), kCodes.end()));
  return std::binary_search(kCodes.begin(), kCodes.end(), code);
}

bool is_http_url(std::string_view text) {
  const std::size_t colon = text.find("://");
  if (colon == std::string_view::npos) return false;
  const std::string scheme = ascii_lower(text.substr(0, colon));
  if (scheme != "http" && scheme != "https") return false;
  // Every character must be one a URI may hold; '%' must start a percent-encoding.
  static constexpr std::string_view kAllowed = "-._~:/?#[]@!$&'()*+,;=";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      auto hex = [](char h) {
        return is_digit(h) || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F');
      };
      if (i + 2 >= text.size() || !hex(text[i + 1]) || !hex(text[i + 2])) return false;
      continue;
    }
    if (!is_alnum(c) && kAllowed.find(c) == std::string_view::npos) return false;
  }
  std::string_view authority = text.substr(colon + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority;
  if (host.starts_with('[')) {
    const std::size_t close = host.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    const std::string_view rest = host.substr(close + 1);
    return rest.empty() || (rest[0] == ':' && all_of(rest.substr(1), is_digit));
  }
  const std::size_t port = host.find(':');
  if (port != std::string_view::npos) {
    if (!all_of(host.substr(port + 1), is_digit)) return false;
    host = host.substr(0, port);
  }
  return !host.empty() && host.find_first_of("[]") == std::string_view::npos;
}

bool looks_like_card_number(std::string_view text) {
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      digits.push_back(c);
    } else if ((c == ' ' || c == '-') && i > 0 && i + 1 < text.size() && is_digit(text[i - 1]) &&
               is_digit(text[i + 1])) {
      continue;
    } else {
      return false;
    }
    if (digits.size() > 19) return false;
  }
  if (digits.size() < 13) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool is_sensitive_name(std::string_view name) {
  static constexpr std::string_view kWords[] = {
      "password",     "passwd",     "secret",     "token", "apikey", "accesstoken",
      "refreshtoken", "cardnumber", "creditcard", "cvv",   "cvc",    "ssn",
  };
  // The name's end, lower-cased and without '_' and '-', as long as the longest word: enough
  // to test which words it ends with, without copying the name.
  constexpr std::size_t kLongest = 12;
  char tail[kLongest];
  std::size_t kept = 0;
  for (std::size_t i = name.size(); i-- > 0 && kept < kLongest;) {
    char c = name[i];
    if (c == '_' || c == '-') continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    tail[kLongest - 1 - kept++] = c;
  }
  const std::string_view folded(tail + (kLongest - kept), kept);
  // Most names end with none of the words' last letters: done.
  if (folded.empty() || std::string_view("dtnyrvc").find(folded.back()) == std::string_view::npos)
    return false;
  for (std::string_view word : kWords) {
    if (folded.ends_with(word)) return true;
  }
  return false;
}

}  // namespace chatjwt
