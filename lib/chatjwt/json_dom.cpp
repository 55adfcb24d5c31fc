#include "chatjwt/json_dom.hpp"

#include <charconv>
#include <cstdint>
#include <limits>
#include <vector>

namespace chatjwt {

TextPosition PositionCursor::advance_to(std::size_t offset) {
  if (offset > text_.size()) offset = text_.size();
  while (offset_ < offset) {
    const char c = text_[offset_];
    if (c == '\n' || (c == '\r' && (offset_ + 1 >= text_.size() || text_[offset_ + 1] != '\n'))) {
      ++position_.line;
      position_.column = 1;
    } else if (c == '\r') {
      // the CR of a CRLF: the LF that follows ends the line
    } else if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
      ++position_.column;  // continuation bytes do not start a code point
    }
    ++offset_;
  }
  return position_;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  PositionCursor cursor(text);
  return cursor.advance_to(offset);
}

std::string json_pointer_token(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char c : name) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

// Builds a Json value from scanner events without recursion.
class DomBuilder : public JsonEvents {
 public:
  DomBuilder(std::string_view text, bool with_positions, ParsedJson& out)
      : cursor_(text), with_positions_(with_positions), out_(out) {}

  void begin_object(std::size_t offset) override { open(Json::object(), offset); }
  void begin_array(std::size_t offset) override { open(Json::array(), offset); }
  void end_object() override { close(); }
  void end_array() override { close(); }

  void key(std::string_view name, std::size_t offset) override {
    pending_key_.assign(name);
    pending_offset_ = offset;
  }
  void string_value(std::string_view value, std::size_t offset) override {
    place(Json(std::string(value)), offset);
  }
  void number_value(double value, std::string_view raw, std::size_t offset) override {
    place(number(value, raw), offset);
  }
  void bool_value(bool value, std::size_t offset) override { place(Json(value), offset); }
  void null_value(std::size_t offset) override { place(Json(nullptr), offset); }

 private:
  struct Frame {
    Json* node;
    std::string pointer;
  };

  static Json number(double value, std::string_view raw) {
    // Integers that fit are kept as integers, so 1776954600 prints as written.
    if (raw.find_first_of(".eE") == std::string_view::npos && raw != "-0") {
      std::int64_t i = 0;
      auto r = std::from_chars(raw.data(), raw.data() + raw.size(), i);
      if (r.ec == std::errc{} && r.ptr == raw.data() + raw.size()) return Json(i);
      std::uint64_t u = 0;
      r = std::from_chars(raw.data(), raw.data() + raw.size(), u);
      if (r.ec == std::errc{} && r.ptr == raw.data() + raw.size()) return Json(u);
    }
    return Json(value);
  }

  // Where the next value goes, its pointer and the offset that positions it.
  Json* slot(std::string& pointer, std::size_t& at_offset, std::size_t offset) {
    if (stack_.empty()) {
      pointer.clear();
      at_offset = offset;
      return &out_.value;
    }
    Frame& parent = stack_.back();
    if (parent.node->is_object()) {
      auto& members = parent.node->get_ref<Json::object_t&>();
      if (with_positions_) pointer = parent.pointer + "/" + json_pointer_token(pending_key_);
      at_offset = pending_offset_;
      // The scanner has already refused repeated names: append without ordered_map's linear
      // search, which would make a 100,000-member object quadratic.
      members.Container::emplace_back(std::move(pending_key_), nullptr);
      pending_key_.clear();
      return &members.Container::back().second;
    }
    auto& elements = parent.node->get_ref<Json::array_t&>();
    if (with_positions_) pointer = parent.pointer + "/" + std::to_string(elements.size());
    at_offset = offset;
    elements.emplace_back(nullptr);
    return &elements.back();
  }

  void record(const std::string& pointer, std::size_t at_offset, std::size_t open_offset) {
    if (!with_positions_) return;
    NodePosition node;
    node.at = cursor_.advance_to(at_offset);
    node.open = open_offset == kNoOffset ? node.at : cursor_.advance_to(open_offset);
    out_.positions[pointer] = node;
  }

  void place(Json value, std::size_t offset) {
    std::string pointer;
    std::size_t at_offset = 0;
    Json* target = slot(pointer, at_offset, offset);
    *target = std::move(value);
    record(pointer, at_offset, kNoOffset);
  }

  void open(Json value, std::size_t offset) {
    std::string pointer;
    std::size_t at_offset = 0;
    Json* target = slot(pointer, at_offset, offset);
    *target = std::move(value);
    record(pointer, at_offset, offset);
    stack_.push_back(Frame{target, std::move(pointer)});
  }

  void close() { stack_.pop_back(); }

 public:
  // The pointer of the innermost open container ("" at the top).
  std::string open_pointer() const {
    return stack_.empty() ? std::string() : stack_.back().pointer;
  }

 private:
  static constexpr std::size_t kNoOffset = std::numeric_limits<std::size_t>::max();
  PositionCursor cursor_;
  bool with_positions_;
  ParsedJson& out_;
  std::vector<Frame> stack_;
  std::string pending_key_;
  std::size_t pending_offset_ = 0;
};

}  // namespace

ParseOutcome parse_json(std::string_view text, bool with_positions, bool any_value) {
  ParseOutcome outcome;
  StrictJsonScanner scanner;
  std::optional<JsonError> error;
  std::string open_pointer;
  {
    DomBuilder builder(text, with_positions, outcome.json);
    error = scanner.scan(text, builder, any_value);
    if (error) open_pointer = builder.open_pointer();
  }
  if (error) {
    outcome.json = ParsedJson{};
    outcome.failure.offset = error->offset;
    outcome.failure.position = position_of(text, error->offset);
    outcome.failure.message = std::move(error->message);
    if (error->repeated_name) {
      outcome.failure.repeated_member = true;
      outcome.failure.pointer = open_pointer + "/" + json_pointer_token(*error->repeated_name);
    }
    return outcome;
  }
  outcome.ok = true;
  return outcome;
}

std::string to_json_text(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

}  // namespace chatjwt
