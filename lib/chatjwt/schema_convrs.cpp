#include "chatjwt/schema_convrs.hpp"

#include <array>
#include <string>

#include <fmt/format.h>

#include "chatjwt/formats.hpp"
#include "chatjwt/schema_common.hpp"

namespace chatjwt {
namespace {

// Convrs, "JWT Payload Fields": identity fields, userData, agentData.
constexpr std::array<std::string_view, 8> kDocumented = {
    "userId", "email", "name", "phone", "locale", "crmID", "userData", "agentData"};
// RFC 7519 §4.1, registered claim names.
constexpr std::array<std::string_view, 7> kRegistered = {"iss", "sub", "aud", "exp",
                                                         "nbf", "iat", "jti"};
// Convrs, "Supported Display Types".
constexpr std::array<std::string_view, 9> kTypes = {
    "date", "datetime", "number", "currency", "email", "phone", "link", "boolean", "status"};
constexpr std::array<std::string_view, 6> kColors = {"success", "danger",  "warning",
                                                     "info",    "primary", "secondary"};
constexpr std::array<std::string_view, 6> kItemMembers = {"label",    "value", "type",
                                                          "currency", "text",  "color"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) {
  for (std::string_view item : list) {
    if (item == name) return true;
  }
  return false;
}

void expect_string(JsonRef value, std::string_view name, Findings& f) {
  if (!value.is_string()) {
    f.add("field-type", value,
          fmt::format("{} is {}; write a string", name, describe_json_type(value)));
  }
}

void lint_identity(JsonRef payload, Findings& f) {
  if (const JsonRef id = payload.find("userId"); !id) {
    f.add_missing("missing-recommended", payload, "userId",
                  "no userId: returning visitors who clear cookies will appear as new; add "
                  "\"userId\" with a stable ID from your system (database key, UUID)");
  } else {
    lint_user_id(id, "userId", "Convrs", f);
  }
  if (const JsonRef email = payload.find("email")) {
    expect_string(email, "email", f);
    if (email.is_string() && !is_valid_email(email.string())) {
      f.add("email-format", email,
            fmt::format("{} is not a valid email address, so Convrs ignores it; write e.g. "
                        "jane@example.com",
                        quote(email)));
    }
  }
  if (const JsonRef name = payload.find("name")) expect_string(name, "name", f);
  if (const JsonRef crm = payload.find("crmID")) expect_string(crm, "crmID", f);
  if (const JsonRef phone = payload.find("phone")) {
    expect_string(phone, "phone", f);
    if (phone.is_string() && !is_valid_phone(phone.string())) {
      f.add("phone-format", phone,
            fmt::format("{} is not in international format; write +, the country code and the "
                        "number (+447700900123)",
                        quote(phone)));
    }
  }
  if (const JsonRef locale = payload.find("locale")) {
    expect_string(locale, "locale", f);
    if (locale.is_string() && !is_valid_locale(locale.string())) {
      f.add("locale-format", locale,
            fmt::format("{} is not a language tag; write e.g. \"en-GB\" or \"fr-FR\" (a hyphen, "
                        "not an underscore)",
                        quote(locale)));
    }
  }
}

void lint_user_data(JsonRef payload, Findings& f) {
  const JsonRef data = payload.find("userData");
  if (!data) return;
  if (!data.is_object()) {
    f.add("field-type", data,
          fmt::format("userData is {}; write an object of keys and values ({{\"plan\": "
                      "\"enterprise\"}})",
                      describe_json_type(data)));
    return;
  }
  for (JsonRef v : data.children()) {
    if (!v.is_string() && !v.is_number() && !v.is_boolean()) {
      f.add("user-data-value", v,
            fmt::format("userData.{} is {}; values can be strings, numbers or booleans only "
                        "(flows read {{{{userData.{}}}}})",
                        v.name(), describe_json_type(v), v.name()));
    }
  }
}

// The members an item of this type uses (Convrs, "Additional Fields").
bool item_uses(std::string_view type, std::string_view name) {
  if (name == "label" || name == "value" || name == "type") return true;
  return (type == "currency" && name == "currency") || (type == "link" && name == "text") ||
         (type == "status" && name == "color");
}

void lint_item_value(JsonRef value, std::string_view type, Findings& f) {
  auto need_string = [&](std::string_view what) {
    if (value.is_string()) return true;
    f.add("agent-data-value", value,
          fmt::format("a {} item's value is {}; write {}", type.empty() ? "plain" : type,
                      describe_json_type(value), what));
    return false;
  };
  if (type.empty()) {
    need_string("a string (or set \"type\" to show a number, date, ...)");
  } else if (type == "date") {
    if (need_string("a date string \"YYYY-MM-DD\"") && !is_valid_calendar_date(value.string())) {
      f.add("agent-data-value", value,
            fmt::format("{} is not a real date in the form YYYY-MM-DD (e.g. \"2024-03-15\")",
                        quote(value)));
    }
  } else if (type == "datetime") {
    if (need_string("an ISO 8601 string such as \"2026-04-23T14:30:00Z\"")) {
      const DateTimeForm form = datetime_form(value.string());
      if (form == DateTimeForm::invalid) {
        f.add("agent-data-value", value,
              fmt::format("{} is not an RFC 3339 date-time; write e.g. \"2026-04-23T14:30:00Z\"",
                          quote(value)));
      } else if (form == DateTimeForm::unzoned) {
        f.add(
            "datetime-without-zone", value,
            fmt::format("{} has no time zone; add Z for UTC or an offset (+01:00)", quote(value)));
      }
    }
  } else if (type == "number" || type == "currency") {
    if (!value.is_number()) {
      f.add("agent-data-value", value,
            fmt::format("a {} item's value is {}; write a JSON number ({}){}", type,
                        describe_json_type(value), type == "number" ? "48750" : "1250.00",
                        value.is_string() ? ", without quotes" : ""));
    }
  } else if (type == "email") {
    if (need_string("an email address string") && !is_valid_email(value.string())) {
      f.add("agent-data-value", value,
            fmt::format("{} is not a valid email address", quote(value)));
    }
  } else if (type == "phone") {
    if (need_string("a phone number string in international format") &&
        !is_valid_phone(value.string())) {
      f.add("agent-data-value", value,
            fmt::format("{} is not in international format; write e.g. \"+447700900123\"",
                        quote(value)));
    }
  } else if (type == "link") {
    if (need_string("a URL string") && !is_http_url(value.string())) {
      f.add("agent-data-value", value,
            fmt::format("{} is not an absolute http(s) URL; write e.g. "
                        "\"https://crm.example.com/12345\"",
                        quote(value)));
    }
  } else if (type == "boolean") {
    if (!value.is_boolean()) {
      f.add("agent-data-value", value,
            fmt::format("a boolean item's value is {}; write true or false (no quotes)",
                        describe_json_type(value)));
    }
  } else if (type == "status") {
    need_string("a string (the badge text)");
  }
}

void lint_item(JsonRef item, Findings& f) {
  if (!item.is_object()) {
    f.add("field-type", item,
          fmt::format("an agentData item is {}; write an object {{\"label\": ..., \"value\": ...}}",
                      describe_json_type(item)));
    return;
  }
  // type first: which members the item uses depends on it.
  std::string_view type;
  bool type_ok = true;
  if (const JsonRef t = item.find("type")) {
    if (!t.is_string()) {
      f.add("field-type", t,
            fmt::format("type is {}; write one of the display types as a string",
                        describe_json_type(t)));
      type_ok = false;
    } else if (contains(kTypes, t.string())) {
      type = t.string();
    } else {
      type_ok = false;
      const std::string_view name = t.string();
      const std::string_view fix = case_mismatch(name, kTypes);
      f.add("agent-data-type", t,
            fix.empty() ? fmt::format("\"{}\" is not a display type; use one of date, datetime, "
                                      "number, currency, email, phone, link, boolean, status, or "
                                      "leave type out for plain text",
                                      name)
                        : fmt::format("\"{}\" has the wrong case; write \"{}\"", name, fix));
    }
  }
  if (const JsonRef label = item.find("label"); !label) {
    f.add_missing("missing-required", item, "label",
                  "the item has no label (the field name the agent sees); add \"label\"");
  } else if (!label.is_string()) {
    f.add("field-type", label,
          fmt::format("label is {}; write a string", describe_json_type(label)));
  } else if (label.string().empty()) {
    f.add("empty-value", label, "label is empty; write the field name the agent sees");
  }
  if (const JsonRef value = item.find("value"); !value) {
    f.add_missing("missing-required", item, "value", "the item has no value; add \"value\"");
  } else if (type_ok) {
    lint_item_value(value, type, f);
  }
  if (type == "currency") {
    if (const JsonRef currency = item.find("currency"); !currency) {
      f.add_missing("currency-code", item, "currency",
                    "a currency item needs \"currency\": an ISO 4217 code such as \"USD\"");
    } else if (!currency.is_string()) {
      f.add("field-type", currency,
            fmt::format("currency is {}; write an ISO 4217 code such as \"USD\"",
                        describe_json_type(currency)));
    } else if (const std::string_view code = currency.string(); !is_iso4217_code(code)) {
      std::string upper(code);
      for (char& c : upper) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      f.add("currency-code", currency,
            upper != code && is_iso4217_code(upper)
                ? fmt::format("\"{}\" must be upper case: write \"{}\"", code, upper)
                : fmt::format("\"{}\" is not a current ISO 4217 currency code ({})", code,
                              kIso4217Edition));
    }
  }
  if (const JsonRef color = item.find("color"); type == "status" && color) {
    if (!color.is_string()) {
      f.add("field-type", color,
            fmt::format("color is {}; write one of success, danger, warning, info, primary, "
                        "secondary",
                        describe_json_type(color)));
    } else if (!contains(kColors, color.string())) {
      const std::string_view name = color.string();
      const std::string_view fix = case_mismatch(name, kColors);
      f.add("status-color", color,
            fix.empty() ? fmt::format("\"{}\" is not a status colour; use one of success, danger, "
                                      "warning, info, primary, secondary",
                                      name)
                        : fmt::format("\"{}\" has the wrong case; write \"{}\"", name, fix));
    }
  }
  if (const JsonRef text = item.find("text"); type == "link" && text && !text.is_string()) {
    f.add("field-type", text,
          fmt::format("text is {}; write the link's display text as a string",
                      describe_json_type(text)));
  }
  for (JsonRef member : item.children()) {
    const std::string_view name = member.name();
    if (contains(kItemMembers, name) && item_uses(type, name)) continue;
    const std::string_view fix = case_mismatch(name, kItemMembers);
    if (!fix.empty() && item_uses(type, fix)) {
      f.add("name-case", member,
            fmt::format("\"{}\" has the wrong case and is ignored; write \"{}\"", name, fix));
    } else if (type_ok) {
      f.add(
          "unused-member", member,
          fmt::format("\"{}\" is not used by {} items and is ignored", name,
                      type.empty() ? std::string("plain-text") : "\"" + std::string(type) + "\""));
    }
  }
}

void lint_agent_data(JsonRef payload, Findings& f) {
  const JsonRef data = payload.find("agentData");
  if (!data) return;
  if (!data.is_array()) {
    f.add("field-type", data,
          fmt::format("agentData is {}; write an array of {{\"label\", \"value\"}} objects",
                      describe_json_type(data)));
    return;
  }
  for (JsonRef item : data.children()) lint_item(item, f);
}

void lint_top_level_names(JsonRef payload, Findings& f) {
  for (JsonRef member : payload.children()) {
    const std::string_view name = member.name();
    if (contains(kDocumented, name) || contains(kRegistered, name)) continue;
    const std::string_view fix = case_mismatch(name, kDocumented);
    if (!fix.empty()) {
      f.add("name-case", member,
            fmt::format("\"{}\" has the wrong case and is ignored; write \"{}\"", name, fix));
      continue;
    }
    // Sensitive-looking claims get their own warning; never advise moving them to userData.
    const bool scalar = (member.is_string() || member.is_number() || member.is_boolean()) &&
                        !is_sensitive_name(name);
    f.add("unknown-claim", member,
          scalar ? fmt::format("\"{}\" is not a Convrs field and is ignored; move it into "
                               "userData to use it in flows ({{{{userData.{}}}}})",
                               name, name)
                 : fmt::format("\"{}\" is not a Convrs field and is ignored", name));
  }
}

}  // namespace

void lint_convrs(JsonRef payload, Findings& findings) {
  lint_top_level_names(payload, findings);
  lint_identity(payload, findings);
  lint_user_data(payload, findings);
  lint_agent_data(payload, findings);
}

}  // namespace chatjwt
