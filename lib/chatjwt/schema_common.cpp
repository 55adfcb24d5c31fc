#include "chatjwt/schema_common.hpp"

namespace chatjwt {

std::string_view case_mismatch(std::string_view name,
                               std::span<const std::string_view> documented) {
  const std::string folded = ascii_lower(name);
  for (std::string_view d : documented) {
    if (d != name && ascii_lower(d) == folded) return d;
  }
  return {};
}

std::string quote(const Json& value) {
  std::string text = to_json_text(value);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

}  // namespace chatjwt
