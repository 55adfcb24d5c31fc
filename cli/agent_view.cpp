#include "agent_view.hpp"

#include <fmt/format.h>

#include "chatjwt/formats.hpp"
#include "chatjwt/timespec.hpp"

namespace chatjwt::cli {
namespace {

constexpr std::size_t kLabelWidth = 16;
constexpr std::size_t kValueWidth = 80 - 2 - kLabelWidth - 2;

std::size_t columns(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  return n;
}

// Shortens to at most width columns, cutting at a character boundary.
std::string fit(std::string text, std::size_t width) {
  text = printable(text);
  if (columns(text) <= width) return text;
  std::size_t kept = 0;
  std::size_t i = 0;
  while (i < text.size() && kept < width - 3) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U) ++i;
    ++kept;
  }
  return text.substr(0, i) + "...";
}

std::string row(std::string_view label, const std::string& value) {
  std::string l = fit(std::string(label), kLabelWidth);
  const std::size_t pad = kLabelWidth - columns(l);
  return fmt::format("  {}{}  {}\n", l, std::string(pad, ' '), value);
}

std::string text_of(const Json& v) {
  return v.is_string() ? v.get<std::string>() : to_json_text(v);
}

const char* badge_colour(const std::string& color, const Style& s) {
  if (color == "success") return s.green;
  if (color == "danger") return s.red;
  if (color == "warning") return s.yellow;
  if (color == "secondary") return s.dim;
  return s.cyan;  // info, primary (blue)
}

// A datetime value as the card reads it: seconds and zone may be missing (no zone: UTC).
std::optional<double> datetime_seconds(const std::string& value) {
  const DateTimeForm form = datetime_form(value);
  if (form == DateTimeForm::invalid) return std::nullopt;
  std::string normal = value;
  if (normal.size() == 16 || (normal.size() > 16 && normal[16] != ':')) normal.insert(16, ":00");
  if (form == DateTimeForm::unzoned) normal += "Z";
  auto parsed = parse_time(normal);
  if (!parsed) return std::nullopt;
  return static_cast<double>(*parsed);
}

std::string item_value(const Json& item, LocaleFormat& f, const Style& s, bool& unformatted) {
  if (!item.is_object() || !item.contains("value")) return "(no value: not shown)";
  const Json& value = item["value"];
  const std::string type =
      item.contains("type") && item["type"].is_string() ? item["type"].get<std::string>() : "";
  auto raw = [&](std::string why) {
    return fit(text_of(value), kValueWidth - 20) + " (" + why + ")";
  };
  if (type.empty()) {
    return value.is_string()
               ? fmt::format("{}{}{}", s.bold, fit(value.get<std::string>(), kValueWidth), s.reset)
               : raw("not text");
  }
  if (type == "date") {
    const std::string v = value.is_string() ? value.get<std::string>() : "";
    if (!is_valid_calendar_date(v)) return raw("not a date");
    const int year = std::stoi(v.substr(0, 4));
    auto text = f.date(year, static_cast<unsigned>(std::stoi(v.substr(5, 2))),
                       static_cast<unsigned>(std::stoi(v.substr(8, 2))));
    if (!text) unformatted = true;
    return text.value_or(v);
  }
  if (type == "datetime") {
    const auto seconds =
        value.is_string() ? datetime_seconds(value.get<std::string>()) : std::nullopt;
    if (!seconds) return raw("not a date-time");
    auto text = f.date_time(*seconds);
    if (!text) unformatted = true;
    const bool zoned = datetime_form(value.get<std::string>()) == DateTimeForm::zoned;
    return text.value_or(value.get<std::string>()) + (zoned ? "" : " (no zone given: read as UTC)");
  }
  if (type == "number") {
    if (!value.is_number()) return raw("not a number");
    auto text = f.number(value.get<double>());
    if (!text) unformatted = true;
    return text.value_or(to_json_text(value));
  }
  if (type == "currency") {
    const std::string code = item.contains("currency") && item["currency"].is_string()
                                 ? item["currency"].get<std::string>()
                                 : "";
    if (!value.is_number()) return raw("not a number");
    if (!is_iso4217_code(code)) return raw("no valid currency code");
    auto text = f.currency(value.get<double>(), code);
    if (!text) unformatted = true;
    return text.value_or(code + " " + to_json_text(value));
  }
  if (type == "boolean") {
    if (!value.is_boolean()) return raw("not a boolean");
    return value.get<bool>() ? fmt::format("{}✓{}", s.green, s.reset)
                             : fmt::format("{}✗{}", s.red, s.reset);
  }
  if (type == "status") {
    const std::string color = item.contains("color") && item["color"].is_string()
                                  ? item["color"].get<std::string>()
                                  : "primary";
    return fmt::format("{}[ {} ]{} {}({} badge){}", badge_colour(color, s), fit(text_of(value), 30),
                       s.reset, s.dim, fit(color, 12), s.reset);
  }
  if (type == "link") {
    const std::string url = text_of(value);
    if (!is_http_url(url)) return raw("not an http(s) link");
    if (item.contains("text") && item["text"].is_string()) {
      const std::string text = item["text"].get<std::string>();
      return fmt::format("{}{}{} -> {}", s.bold, fit(text, 24), s.reset,
                         fit(url, kValueWidth - 28));
    }
    return fit(url, kValueWidth);
  }
  if (type == "email" || type == "phone") {
    const std::string v = text_of(value);
    const bool ok = type == "email" ? is_valid_email(v) : is_valid_phone(v);
    return ok ? fmt::format("{} ({} link)", fit(v, kValueWidth - 14), type)
              : raw("not a valid " + type);
  }
  return raw("unknown type: shown as text");
}

std::string convrs_card(const Json& p, LocaleFormat& f, const Style& s) {
  std::string out =
      fmt::format("{}Agent's view{} (Convrs Visitor Details card; locale {}; times in {})\n",
                  s.bold, s.reset, f.locale(), f.zone());
  bool unformatted = false;
  auto str = [&](const char* name) -> std::optional<std::string> {
    if (p.contains(name) && p[name].is_string()) return p[name].get<std::string>();
    return std::nullopt;
  };
  if (auto name = str("name")) {
    const std::size_t space = name->find(' ');
    const std::string first = name->substr(0, space);
    const std::string last = space == std::string::npos ? "" : name->substr(space + 1);
    out += row("Name", fit(*name, kValueWidth));
    out += row("", fmt::format("{}first name \"{}\", last name \"{}\"{}", s.dim, fit(first, 20),
                               fit(last, 20), s.reset));
  } else {
    out += row("Name", fmt::format("{}(a random visitor name: no \"name\"){}", s.dim, s.reset));
  }
  if (auto email = str("email")) {
    out +=
        row("Email", is_valid_email(*email) ? fit(*email, kValueWidth)
                                            : fit(*email, 30) + " (ignored: not a valid address)");
  }
  if (auto phone = str("phone")) out += row("Phone", fit(*phone, kValueWidth));
  if (auto locale = str("locale")) out += row("Language", fit(*locale, kValueWidth));
  if (auto crm = str("crmID")) out += row("CRM ID", fit(*crm, kValueWidth));
  if (auto id = str("userId")) {
    out += row("User ID", fit(*id, kValueWidth - 30) +
                              fmt::format(" {}(links chat history){}", s.dim, s.reset));
  }
  if (p.contains("agentData") && p["agentData"].is_array() && !p["agentData"].empty()) {
    out += fmt::format("  {}Verified data{} (shown with a lock icon)\n", s.bold, s.reset);
    for (const Json& item : p["agentData"]) {
      const std::string label =
          item.is_object() && item.contains("label") && item["label"].is_string()
              ? item["label"].get<std::string>()
              : "(no label)";
      out += row(label, item_value(item, f, s, unformatted));
    }
  }
  if (p.contains("userData") && p["userData"].is_object() && !p["userData"].empty()) {
    out += fmt::format("{}Flow builder{} (userData)\n", s.bold, s.reset);
    for (auto it = p["userData"].items().begin(); it != p["userData"].items().end(); ++it) {
      const std::string var = fit("{{userData." + it.key() + "}}", 38);
      out += fmt::format("  {}{}  {}\n", var,
                         std::string(38 - std::min<std::size_t>(38, columns(var)), ' '),
                         fit(text_of(it.value()), 80 - 4 - 38));
    }
  }
  if (unformatted) {
    out += fmt::format("  {}(ICU could not be loaded: values are shown unformatted){}\n", s.dim,
                       s.reset);
  }
  return out;
}

std::string eloquent_profile(const Json& p, const Style& s) {
  std::string out = fmt::format("{}Agent's view{} (Eloquent agent profile)\n", s.bold, s.reset);
  out += row("user_id", p.contains("user_id") ? fit(text_of(p["user_id"]), kValueWidth)
                                              : std::string("(missing: the token is ignored)"));
  out += row("Profile email", p.contains("email") ? fit(text_of(p["email"]), kValueWidth)
                                                  : fmt::format("{}(none){}", s.dim, s.reset));
  std::string dropped;
  bool any = false;
  for (auto it = p.items().begin(); it != p.items().end(); ++it) {
    const std::string& k = it.key();
    if (k == "user_id" || k == "email") continue;
    if (k == "iat" || k == "exp" || k == "nbf") {
      dropped += (dropped.empty() ? "" : ", ") + k;
      continue;
    }
    out += row(any ? "" : "Profile claims", fit(k + " = " + text_of(it.value()), kValueWidth));
    any = true;
  }
  if (!any) out += row("Profile claims", fmt::format("{}(none){}", s.dim, s.reset));
  if (!dropped.empty())
    out += row("Not stored", dropped + fmt::format(" {}(timing claims){}", s.dim, s.reset));
  return out;
}

}  // namespace

std::string render_agent_view(const Json& payload, Profile profile, LocaleFormat& format,
                              const Style& style) {
  if (!payload.is_object()) return {};
  if (profile == Profile::convrs) return convrs_card(payload, format, style);
  if (profile == Profile::eloquent) return eloquent_profile(payload, style);
  return {};
}

}  // namespace chatjwt::cli
