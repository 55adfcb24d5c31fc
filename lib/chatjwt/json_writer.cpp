#include "chatjwt/json_writer.hpp"

#include <array>
#include <charconv>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace chatjwt {

bool is_valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char b0 = p[i];
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (n - i < length) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (std::size_t k = 2; k < length; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

namespace {

// Bytes a JSON string cannot hold as they are.
constexpr std::array<bool, 256> make_escapes() {
  std::array<bool, 256> escapes{};
  for (std::size_t i = 0; i < 0x20; ++i) escapes[i] = true;
  escapes['"'] = escapes['\\'] = true;
  return escapes;
}
constexpr std::array<bool, 256> kEscapes = make_escapes();

// text is valid UTF-8.
void append_valid_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kEscapes[c]) continue;
    out.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(escape, sizeof escape);
      }
    }
  }
  out.append(text.data() + plain, text.size() - plain);
  out.push_back('"');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  if (!is_valid_utf8(text)) {
    // Rare (a message quoting broken input): let nlohmann apply its own replacement rule.
    out += nlohmann::json(std::string(text))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  append_valid_string(out, text);
}

namespace {

// The integers the DOM keeps as integers (json_dom's rule), which dump() writes in plain
// decimal: for strict JSON, the raw text itself.
bool is_dom_integer(std::string_view raw) {
  if (raw.find_first_of(".eE") != std::string_view::npos || raw == "-0") return false;
  const char* end = raw.data() + raw.size();
  std::int64_t i = 0;
  auto r = std::from_chars(raw.data(), end, i);
  if (r.ec == std::errc{} && r.ptr == end) return true;
  std::uint64_t u = 0;
  r = std::from_chars(raw.data(), end, u);
  return r.ec == std::errc{} && r.ptr == end;
}

// A double in the same shortest round-trip form (Grisu2) that dump() uses.
std::string_view double_text(double value, char (&buffer)[64]) {
  char* last = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
  return {buffer, static_cast<std::size_t>(last - buffer)};
}

}  // namespace

void append_json_number(std::string& out, double value, std::string_view raw) {
  if (is_dom_integer(raw)) {
    out.append(raw);
    return;
  }
  char buffer[64];
  out.append(double_text(value, buffer));
}

bool number_written_as_raw(double value, std::string_view raw) {
  if (is_dom_integer(raw)) return true;
  char buffer[64];
  return double_text(value, buffer) == raw;
}

void CompactJsonWriter::separate() {
  if (!first_) out_.push_back(',');
  first_ = false;
}

void CompactJsonWriter::begin_object(std::size_t) {
  separate();
  out_.push_back('{');
  first_ = true;
}
void CompactJsonWriter::key(std::string_view name, std::size_t) {
  separate();
  append_valid_string(out_, name);  // the scanner hands out valid UTF-8 only
  out_.push_back(':');
  first_ = true;  // no comma between a name and its value
}
void CompactJsonWriter::end_object() {
  out_.push_back('}');
  first_ = false;
}
void CompactJsonWriter::begin_array(std::size_t) {
  separate();
  out_.push_back('[');
  first_ = true;
}
void CompactJsonWriter::end_array() {
  out_.push_back(']');
  first_ = false;
}
void CompactJsonWriter::string_value(std::string_view value, std::size_t) {
  separate();
  append_valid_string(out_, value);
}
void CompactJsonWriter::number_value(double value, std::string_view raw, std::size_t) {
  separate();
  append_json_number(out_, value, raw);
}
void CompactJsonWriter::bool_value(bool value, std::size_t) {
  separate();
  out_ += value ? "true" : "false";
}
void CompactJsonWriter::null_value(std::size_t) {
  separate();
  out_ += "null";
}

bool append_compact_json(std::string& out, std::string_view text, StrictJsonScanner& scanner) {
  const std::size_t size = out.size();
  CompactJsonWriter writer(out);
  if (scanner.scan(text, writer)) {
    out.resize(size);
    return false;
  }
  return true;
}

}  // namespace chatjwt
