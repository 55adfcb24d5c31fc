#include "chatjwt/schema_common.hpp"

#include <fmt/format.h>

#include "chatjwt/lint.hpp"

namespace chatjwt {

std::string_view case_mismatch(std::string_view name,
                               std::span<const std::string_view> documented) {
  const std::string folded = ascii_lower(name);
  for (std::string_view d : documented) {
    if (d != name && ascii_lower(d) == folded) return d;
  }
  return {};
}

void lint_user_id(const Json& id, std::string_view name, std::string_view vendor, Findings& f) {
  const std::string path = "/" + std::string(name);
  if (!id.is_string()) {
    f.add(
        "field-type", path,
        fmt::format("{} is {}; {} requires a string (\"{}\": \"{}\")", name, describe_json_type(id),
                    vendor, name, id.is_number() ? to_json_text(id) : "user-12345"));
  } else if (id.get_ref<const std::string&>().empty()) {
    f.add("empty-value", path, fmt::format("{} is empty; write the user's stable ID", name));
  } else if (is_valid_email(id.get_ref<const std::string&>())) {
    f.add("email-as-user-id", path,
          fmt::format("{} is an email address, which may change; use a stable ID (database key, "
                      "UUID) and put the address in \"email\"",
                      name));
  }
}

std::string quote(const Json& value) {
  std::string text = to_json_text(value);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

}  // namespace chatjwt
