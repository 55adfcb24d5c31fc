#include "chatjwt/schema_common.hpp"

namespace chatjwt {

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

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
