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

std::string member(const std::string& parent, std::string_view name) {
  return parent + "/" + json_pointer_token(name);
}

void expect_string(const Json& value, const std::string& path, std::string_view name, Findings& f) {
  if (!value.is_string()) {
    f.add("field-type", path,
          fmt::format("{} is {}; write a string", name, describe_json_type(value)));
  }
}

void lint_identity(const Json& payload, Findings& f) {
  if (!payload.contains("userId")) {
    f.add_missing("missing-recommended", "/userId",
                  "no userId: returning visitors who clear cookies will appear as new; add "
                  "\"userId\" with a stable ID from your system (database key, UUID)");
  } else {
    lint_user_id(payload["userId"], "userId", "Convrs", f);
  }
  if (payload.contains("email")) {
    const Json& email = payload["email"];
    expect_string(email, "/email", "email", f);
    if (email.is_string() && !is_valid_email(email.get_ref<const std::string&>())) {
      f.add("email-format", "/email",
            fmt::format("{} is not a valid email address, so Convrs ignores it; write e.g. "
                        "jane@example.com",
                        quote(email)));
    }
  }
  if (payload.contains("name")) expect_string(payload["name"], "/name", "name", f);
  if (payload.contains("crmID")) expect_string(payload["crmID"], "/crmID", "crmID", f);
  if (payload.contains("phone")) {
    const Json& phone = payload["phone"];
    expect_string(phone, "/phone", "phone", f);
    if (phone.is_string() && !is_valid_phone(phone.get_ref<const std::string&>())) {
      f.add("phone-format", "/phone",
            fmt::format("{} is not in international format; write +, the country code and the "
                        "number (+447700900123)",
                        quote(phone)));
    }
  }
  if (payload.contains("locale")) {
    const Json& locale = payload["locale"];
    expect_string(locale, "/locale", "locale", f);
    if (locale.is_string() && !is_valid_locale(locale.get_ref<const std::string&>())) {
      f.add("locale-format", "/locale",
            fmt::format("{} is not a language tag; write e.g. \"en-GB\" or \"fr-FR\" (a hyphen, "
                        "not an underscore)",
                        quote(locale)));
    }
  }
}

void lint_user_data(const Json& payload, Findings& f) {
  if (!payload.contains("userData")) return;
  const Json& data = payload["userData"];
  if (!data.is_object()) {
    f.add("field-type", "/userData",
          fmt::format("userData is {}; write an object of keys and values ({{\"plan\": "
                      "\"enterprise\"}})",
                      describe_json_type(data)));
    return;
  }
  for (auto it = data.items().begin(); it != data.items().end(); ++it) {
    const Json& v = it.value();
    if (!v.is_string() && !v.is_number() && !v.is_boolean()) {
      f.add("user-data-value", member("/userData", it.key()),
            fmt::format("userData.{} is {}; values can be strings, numbers or booleans only "
                        "(flows read {{{{userData.{}}}}})",
                        it.key(), describe_json_type(v), it.key()));
    }
  }
}

// The members an item of this type uses (Convrs, "Additional Fields").
bool item_uses(std::string_view type, std::string_view name) {
  if (name == "label" || name == "value" || name == "type") return true;
  return (type == "currency" && name == "currency") || (type == "link" && name == "text") ||
         (type == "status" && name == "color");
}

void lint_item_value(const Json& item, std::string_view type, const std::string& path,
                     Findings& f) {
  if (!item.contains("value")) return;
  const Json& value = item["value"];
  const std::string at = path + "/value";
  auto need_string = [&](std::string_view what) {
    if (value.is_string()) return true;
    f.add("agent-data-value", at,
          fmt::format("a {} item's value is {}; write {}", type.empty() ? "plain" : type,
                      describe_json_type(value), what));
    return false;
  };
  if (type.empty()) {
    need_string("a string (or set \"type\" to show a number, date, ...)");
  } else if (type == "date") {
    if (need_string("a date string \"YYYY-MM-DD\"") &&
        !is_valid_calendar_date(value.get_ref<const std::string&>())) {
      f.add("agent-data-value", at,
            fmt::format("{} is not a real date in the form YYYY-MM-DD (e.g. \"2024-03-15\")",
                        quote(value)));
    }
  } else if (type == "datetime") {
    if (need_string("an ISO 8601 string such as \"2026-04-23T14:30:00Z\"")) {
      const DateTimeForm form = datetime_form(value.get_ref<const std::string&>());
      if (form == DateTimeForm::invalid) {
        f.add("agent-data-value", at,
              fmt::format("{} is not an RFC 3339 date-time; write e.g. \"2026-04-23T14:30:00Z\"",
                          quote(value)));
      } else if (form == DateTimeForm::unzoned) {
        f.add(
            "datetime-without-zone", at,
            fmt::format("{} has no time zone; add Z for UTC or an offset (+01:00)", quote(value)));
      }
    }
  } else if (type == "number" || type == "currency") {
    if (!value.is_number()) {
      f.add("agent-data-value", at,
            fmt::format("a {} item's value is {}; write a JSON number ({}){}", type,
                        describe_json_type(value), type == "number" ? "48750" : "1250.00",
                        value.is_string() ? ", without quotes" : ""));
    }
  } else if (type == "email") {
    if (need_string("an email address string") &&
        !is_valid_email(value.get_ref<const std::string&>())) {
      f.add("agent-data-value", at, fmt::format("{} is not a valid email address", quote(value)));
    }
  } else if (type == "phone") {
    if (need_string("a phone number string in international format") &&
        !is_valid_phone(value.get_ref<const std::string&>())) {
      f.add("agent-data-value", at,
            fmt::format("{} is not in international format; write e.g. \"+447700900123\"",
                        quote(value)));
    }
  } else if (type == "link") {
    if (need_string("a URL string") && !is_http_url(value.get_ref<const std::string&>())) {
      f.add("agent-data-value", at,
            fmt::format("{} is not an absolute http(s) URL; write e.g. "
                        "\"https://crm.example.com/12345\"",
                        quote(value)));
    }
  } else if (type == "boolean") {
    if (!value.is_boolean()) {
      f.add("agent-data-value", at,
            fmt::format("a boolean item's value is {}; write true or false (no quotes)",
                        describe_json_type(value)));
    }
  } else if (type == "status") {
    need_string("a string (the badge text)");
  }
}

void lint_item(const Json& item, const std::string& path, Findings& f) {
  if (!item.is_object()) {
    f.add("field-type", path,
          fmt::format("an agentData item is {}; write an object {{\"label\": ..., \"value\": ...}}",
                      describe_json_type(item)));
    return;
  }
  // type first: which members the item uses depends on it.
  std::string_view type;
  bool type_ok = true;
  if (item.contains("type")) {
    const Json& t = item["type"];
    if (!t.is_string()) {
      f.add("field-type", path + "/type",
            fmt::format("type is {}; write one of the display types as a string",
                        describe_json_type(t)));
      type_ok = false;
    } else {
      const std::string& name = t.get_ref<const std::string&>();
      if (contains(kTypes, name)) {
        type = name;
      } else {
        type_ok = false;
        const std::string_view fix = case_mismatch(name, kTypes);
        f.add("agent-data-type", path + "/type",
              fix.empty() ? fmt::format("\"{}\" is not a display type; use one of date, datetime, "
                                        "number, currency, email, phone, link, boolean, status, or "
                                        "leave type out for plain text",
                                        name)
                          : fmt::format("\"{}\" has the wrong case; write \"{}\"", name, fix));
      }
    }
  }
  if (!item.contains("label")) {
    f.add_missing("missing-required", path + "/label",
                  "the item has no label (the field name the agent sees); add \"label\"");
  } else if (!item["label"].is_string()) {
    f.add("field-type", path + "/label",
          fmt::format("label is {}; write a string", describe_json_type(item["label"])));
  } else if (item["label"].get_ref<const std::string&>().empty()) {
    f.add("empty-value", path + "/label", "label is empty; write the field name the agent sees");
  }
  if (!item.contains("value")) {
    f.add_missing("missing-required", path + "/value", "the item has no value; add \"value\"");
  } else if (type_ok) {
    lint_item_value(item, type, path, f);
  }
  if (type == "currency") {
    if (!item.contains("currency")) {
      f.add_missing("currency-code", path + "/currency",
                    "a currency item needs \"currency\": an ISO 4217 code such as \"USD\"");
    } else if (!item["currency"].is_string()) {
      f.add("field-type", path + "/currency",
            fmt::format("currency is {}; write an ISO 4217 code such as \"USD\"",
                        describe_json_type(item["currency"])));
    } else {
      const std::string& code = item["currency"].get_ref<const std::string&>();
      std::string upper = code;
      for (char& c : upper) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      if (!is_iso4217_code(code)) {
        f.add("currency-code", path + "/currency",
              upper != code && is_iso4217_code(upper)
                  ? fmt::format("\"{}\" must be upper case: write \"{}\"", code, upper)
                  : fmt::format("\"{}\" is not a current ISO 4217 currency code ({})", code,
                                kIso4217Edition));
      }
    }
  }
  if (type == "status" && item.contains("color")) {
    const Json& color = item["color"];
    if (!color.is_string()) {
      f.add("field-type", path + "/color",
            fmt::format("color is {}; write one of success, danger, warning, info, primary, "
                        "secondary",
                        describe_json_type(color)));
    } else if (!contains(kColors, color.get_ref<const std::string&>())) {
      const std::string& name = color.get_ref<const std::string&>();
      const std::string_view fix = case_mismatch(name, kColors);
      f.add("status-color", path + "/color",
            fix.empty() ? fmt::format("\"{}\" is not a status colour; use one of success, danger, "
                                      "warning, info, primary, secondary",
                                      name)
                        : fmt::format("\"{}\" has the wrong case; write \"{}\"", name, fix));
    }
  }
  if (type == "link" && item.contains("text") && !item["text"].is_string()) {
    f.add("field-type", path + "/text",
          fmt::format("text is {}; write the link's display text as a string",
                      describe_json_type(item["text"])));
  }
  for (auto it = item.items().begin(); it != item.items().end(); ++it) {
    const std::string& name = it.key();
    if (contains(kItemMembers, name) && item_uses(type, name)) continue;
    const std::string_view fix = case_mismatch(name, kItemMembers);
    if (!fix.empty() && item_uses(type, fix)) {
      f.add("name-case", member(path, name),
            fmt::format("\"{}\" has the wrong case and is ignored; write \"{}\"", name, fix));
    } else if (type_ok) {
      f.add(
          "unused-member", member(path, name),
          fmt::format("\"{}\" is not used by {} items and is ignored", name,
                      type.empty() ? std::string("plain-text") : "\"" + std::string(type) + "\""));
    }
  }
}

void lint_agent_data(const Json& payload, Findings& f) {
  if (!payload.contains("agentData")) return;
  const Json& data = payload["agentData"];
  if (!data.is_array()) {
    f.add("field-type", "/agentData",
          fmt::format("agentData is {}; write an array of {{\"label\", \"value\"}} objects",
                      describe_json_type(data)));
    return;
  }
  for (std::size_t i = 0; i < data.size(); ++i) {
    lint_item(data[i], "/agentData/" + std::to_string(i), f);
  }
}

void lint_top_level_names(const Json& payload, Findings& f) {
  for (auto it = payload.items().begin(); it != payload.items().end(); ++it) {
    const std::string& name = it.key();
    if (contains(kDocumented, name) || contains(kRegistered, name)) continue;
    const std::string_view fix = case_mismatch(name, kDocumented);
    if (!fix.empty()) {
      f.add("name-case", member("", name),
            fmt::format("\"{}\" has the wrong case and is ignored; write \"{}\"", name, fix));
      continue;
    }
    const Json& v = it.value();
    // Sensitive-looking claims get their own warning; never advise moving them to userData.
    const bool scalar =
        (v.is_string() || v.is_number() || v.is_boolean()) && !is_sensitive_name(name);
    f.add("unknown-claim", member("", name),
          scalar ? fmt::format("\"{}\" is not a Convrs field and is ignored; move it into "
                               "userData to use it in flows ({{{{userData.{}}}}})",
                               name, name)
                 : fmt::format("\"{}\" is not a Convrs field and is ignored", name));
  }
}

}  // namespace

void lint_convrs(const Json& payload, Findings& findings) {
  lint_top_level_names(payload, findings);
  lint_identity(payload, findings);
  lint_user_data(payload, findings);
  lint_agent_data(payload, findings);
}

}  // namespace chatjwt
