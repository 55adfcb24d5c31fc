// Compact JSON written straight into a string, byte for byte as nlohmann's dump() writes it
// (to_json_text), without building values: verify --json's fast path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "chatjwt/strict_json.hpp"

namespace chatjwt {

// True when text is well-formed UTF-8 (no overlong form, surrogate, or code point past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// A JSON string: '"', '\\' and control characters escaped as dump() escapes them; other bytes
// as they are. Text that is not valid UTF-8 is written as dump() writes it too (each bad
// sequence replaced by U+FFFD).
void append_json_string(std::string& out, std::string_view text);

// A number as the DOM holds and dump() writes it: an integer that fits 64 bits as written,
// anything else as the shortest text that reads back as value.
void append_json_number(std::string& out, double value, std::string_view raw);

// True when append_json_number writes raw itself (an integer that fits 64 bits, or a double
// written in its shortest form, as 1250.5 and unlike 1250.50).
bool number_written_as_raw(double value, std::string_view raw);

// Watches a scan's numbers: together with StrictJsonScanner::last_text_compact(), it tells
// when compact re-writing would give back the text unchanged, so the text itself can be used.
class NumberFormCheck final : public NullJsonEvents {
 public:
  void number_value(double value, std::string_view raw, std::size_t) override {
    if (as_written_ && !number_written_as_raw(value, raw)) as_written_ = false;
  }
  bool numbers_as_written() const { return as_written_; }
  void reset() { as_written_ = true; }

 private:
  bool as_written_ = true;
};

// Writes the events of one scan as compact JSON.
class CompactJsonWriter : public JsonEvents {
 public:
  explicit CompactJsonWriter(std::string& out) : out_(out) {}

  void begin_object(std::size_t offset) override;
  void key(std::string_view name, std::size_t offset) override;
  void end_object() override;
  void begin_array(std::size_t offset) override;
  void end_array() override;
  void string_value(std::string_view value, std::size_t offset) override;
  void number_value(double value, std::string_view raw, std::size_t offset) override;
  void bool_value(bool value, std::size_t offset) override;
  void null_value(std::size_t offset) override;

 private:
  void separate();  // the comma before a value, unless it is a container's first or a member's
  std::string& out_;
  bool first_ = true;  // the next value is the first in its container (or follows a key)
};

// Appends text (an I-JSON object) compacted; false, with out as it was, when it is not one.
bool append_compact_json(std::string& out, std::string_view text, StrictJsonScanner& scanner);

}  // namespace chatjwt
