#include "chatjwt/verify_json.hpp"

#include <array>
#include <charconv>

#include "chatjwt/json_writer.hpp"

namespace chatjwt {
namespace {

void append_decimal(std::string& out, std::size_t value) {
  std::array<char, 24> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  out.append(digits.data(), end);
}

}  // namespace

void append_verify_json(std::string& out, const VerifyObject& o) {
  out.push_back('{');
  if (o.line) {
    out += "\"line\":";
    append_decimal(out, *o.line);
    out.push_back(',');
  }
  out += o.error == nullptr ? "\"valid\":true,\"error\":" : "\"valid\":false,\"error\":";
  if (o.error == nullptr) {
    out += "null";
  } else {
    out += "{\"code\":";
    append_json_string(out, to_string(o.error->code));
    out += ",\"message\":";
    append_json_string(out, o.error->message);
    out.push_back('}');
  }
  out += ",\"profile\":";
  append_json_string(out, to_string(o.profile));
  out += ",\"header\":";
  out += o.header ? *o.header : std::string_view("null");
  out += ",\"payload\":";
  out += o.payload ? *o.payload : std::string_view("null");
  out += ",\"secret_index\":";
  if (o.secret_index) {
    append_decimal(out, *o.secret_index);
  } else {
    out += "null";
  }
  out += ",\"warnings\":[";
  bool first = true;
  for (const Diagnostic& d : o.warnings) {
    if (!first) out.push_back(',');
    first = false;
    out += "{\"severity\":";
    append_json_string(out, to_string(d.severity));
    out += ",\"rule\":";
    append_json_string(out, d.rule);
    out += ",\"part\":";
    append_json_string(out, to_string(d.part));
    out += ",\"path\":";
    append_json_string(out, d.path);
    out += ",\"line\":null,\"column\":null,\"message\":";
    append_json_string(out, d.message);
    out.push_back('}');
  }
  out += "]}\n";
}

}  // namespace chatjwt
