#include "render.hpp"

#include <cmath>

#include <fmt/format.h>

#include "chatjwt/timespec.hpp"

#include "output.hpp"

namespace chatjwt::cli {

std::string describe_time(double numeric_date, std::int64_t now) {
  const auto text = format_numeric_date(numeric_date);
  if (!text) return fmt::format("{} (not a date chatjwt can show)", numeric_date);
  const double delta = numeric_date - static_cast<double>(now);
  if (std::fabs(delta) < 1) return *text + " (now)";
  const auto span = describe_span(delta);
  return delta > 0 ? fmt::format("{} (in {})", *text, span)
                   : fmt::format("{} ({} ago)", *text, span);
}

std::string time_claim_lines(const TopLevelMembers& payload, std::int64_t now) {
  std::string lines;
  for (const char* name : {"iat", "nbf", "exp"}) {
    const TopLevelMember* member = payload.find(name);
    if (member == nullptr || member->kind != JsonKind::number) continue;
    lines += fmt::format("  {:<9}  {}\n", name, describe_time(member->number, now));
  }
  const TopLevelMember* iat = payload.find("iat");
  const TopLevelMember* exp = payload.find("exp");
  if (iat != nullptr && exp != nullptr && iat->kind == JsonKind::number &&
      exp->kind == JsonKind::number) {
    const double lifetime = exp->number - iat->number;
    if (lifetime >= 0 && lifetime < 1e12) {
      lines += fmt::format("  {:<9}  {}\n", "lifetime", describe_span(lifetime));
    }
  }
  if (payload.find("exp") == nullptr)
    lines += fmt::format("  {:<9}  none: the token never expires\n", "exp");
  return lines;
}

namespace {

// Colours one line of pretty-printed JSON (strings never span lines there).
std::string colour_line(std::string_view line, const Style& style) {
  if (*style.reset == '\0') return std::string(line);
  std::string out;
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == '"') {
      std::size_t j = i + 1;
      while (j < line.size() && line[j] != '"')
        j += line[j] == '\\' ? std::size_t{2} : std::size_t{1};
      j = std::min(j + 1, line.size());
      std::size_t k = j;
      while (k < line.size() && line[k] == ' ') ++k;
      const bool key = k < line.size() && line[k] == ':';
      out += key ? style.cyan : style.green;
      out.append(line.substr(i, j - i));
      out += style.reset;
      i = j;
    } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
      std::size_t j = i;
      while (j < line.size() && line[j] != ',' && line[j] != ' ' && line[j] != ']' &&
             line[j] != '}')
        ++j;
      out += style.magenta;
      out.append(line.substr(i, j - i));
      out += style.reset;
      i = j;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string pretty_json(const Json& value, std::string_view indent, const Style& style) {
  const std::string text = printable_lines(to_json_text(value, 2));
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::size_t stop = end == std::string::npos ? text.size() : end;
    out += indent;
    out += colour_line(std::string_view(text).substr(start, stop - start), style);
    out += '\n';
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Json header_json(const TokenCheck& check) {
  auto parsed = parse_json(check.token.header);
  return parsed.ok ? std::move(parsed.json.value) : Json(nullptr);
}

Json payload_json(const TokenCheck& check) {
  auto parsed = parse_json(check.token.payload);
  return parsed.ok ? std::move(parsed.json.value) : Json(nullptr);
}

}  // namespace chatjwt::cli
