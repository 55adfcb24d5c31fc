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

void lint_user_id(JsonRef id, std::string_view name, std::string_view vendor, Findings& f) {
  if (!id.is_string()) {
    std::string example = "user-12345";
    if (id.is_number()) {
      example.clear();
      id.append_json(example);
    }
    f.add("field-type", id,
          fmt::format("{} is {}; {} requires a string (\"{}\": \"{}\")", name,
                      describe_json_type(id), vendor, name, example));
  } else if (id.string().empty()) {
    f.add("empty-value", id, fmt::format("{} is empty; write the user's stable ID", name));
  } else if (is_valid_email(id.string())) {
    f.add("email-as-user-id", id,
          fmt::format("{} is an email address, which may change; use a stable ID (database key, "
                      "UUID) and put the address in \"email\"",
                      name));
  }
}

std::string quote(JsonRef value) {
  std::string text;
  value.append_json(text);
  if (text.size() > 60) {
    // Cut at a character boundary, so the message stays valid UTF-8.
    std::size_t cut = 57;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    text.resize(cut);
    text += "...";
  }
  return text;
}

}  // namespace chatjwt
