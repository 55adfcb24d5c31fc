// A strict single-pass JSON scanner: the contract's JSON section (I-JSON, RFC 8259 + RFC 7493).
// It reports events to a handler and builds nothing itself; json_dom builds values on top of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chatjwt {

inline constexpr int kMaxJsonDepth = 64;  // the top-level object is level 1

enum class JsonKind { object, array, string, number, boolean, null };

std::string_view to_string(JsonKind kind);

// For messages: "a string", "an object", "null".
std::string_view describe(JsonKind kind);

// Where and why a text is not I-JSON. offset is a byte offset: of the offending character,
// of the repeated name's opening quote, of the character after a trailing comma, or the
// text's length when it is cut short.
struct JsonError {
  std::size_t offset = 0;
  std::string message;
  std::optional<std::string> repeated_name;  // set when a member name repeats (unescaped)
};

// Receives the scanner's events in document order; offsets are byte offsets into the text.
// String views are valid during the call only.
class JsonEvents {
 public:
  virtual ~JsonEvents() = default;
  virtual void begin_object(std::size_t offset) = 0;
  // A member's name (unescaped); offset is that of its opening quote.
  virtual void key(std::string_view name, std::size_t offset) = 0;
  virtual void end_object() = 0;
  virtual void begin_array(std::size_t offset) = 0;
  virtual void end_array() = 0;
  virtual void string_value(std::string_view value, std::size_t offset) = 0;
  // value is the double the text denotes (an underflow reads as 0); raw is the text itself.
  virtual void number_value(double value, std::string_view raw, std::size_t offset) = 0;
  virtual void bool_value(bool value, std::size_t offset) = 0;
  virtual void null_value(std::size_t offset) = 0;
};

// Ignores every event: scan with it to validate only.
class NullJsonEvents : public JsonEvents {
 public:
  void begin_object(std::size_t) override {}
  void key(std::string_view, std::size_t) override {}
  void end_object() override {}
  void begin_array(std::size_t) override {}
  void end_array() override {}
  void string_value(std::string_view, std::size_t) override {}
  void number_value(double, std::string_view, std::size_t) override {}
  void bool_value(bool, std::size_t) override {}
  void null_value(std::size_t) override {}
};

// A member name's size, first and last byte in one word: names that differ mostly differ here,
// so comparing sketches first spares most byte comparisons (repeated-name checks, lookups).
inline std::uint32_t name_sketch(std::string_view name) {
  if (name.empty()) return 0;
  return (static_cast<std::uint32_t>(name.size()) << 16U) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(name.front())) << 8U) |
         static_cast<unsigned char>(name.back());
}

// Reusable scanner: its buffers keep their capacity between calls. Not thread-safe.
// Nothing recurses, so no text can exhaust the stack; memory is bounded by the text's size.
class StrictJsonScanner {
 public:
  StrictJsonScanner();
  ~StrictJsonScanner();
  StrictJsonScanner(const StrictJsonScanner&) = delete;
  StrictJsonScanner& operator=(const StrictJsonScanner&) = delete;

  // Scans text, which must hold exactly one JSON value (an object, unless any_value).
  // Returns nullopt when the text is I-JSON; events already sent stay sent on error.
  std::optional<JsonError> scan(std::string_view text, JsonEvents& events, bool any_value = false);

  // After a scan that succeeded: the text has no white space between its tokens and no escape
  // in any string (so only its numbers can differ from a compact re-writing).
  bool last_text_compact() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Validates without building anything.
std::optional<JsonError> validate_json_object(std::string_view text);

// The top-level members of an object, picked out without building a DOM (verify's fast path).
struct TopLevelMember {
  std::string name;
  JsonKind kind = JsonKind::null;
  double number = 0;  // when kind is number
  std::string text;   // when kind is string
};

// Reusable: clear() keeps the members' buffers, so picking claims out of token after token
// allocates nothing once the buffers have grown.
class TopLevelMembers : public JsonEvents {
 public:
  std::span<const TopLevelMember> members() const { return {members_.data(), count_}; }
  const TopLevelMember* find(std::string_view name) const;
  void clear() {
    count_ = 0;
    depth_ = 0;
  }

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
  TopLevelMember* current() { return depth_ == 1 && count_ > 0 ? &members_[count_ - 1] : nullptr; }
  void value(JsonKind kind);
  std::vector<TopLevelMember> members_;  // the first count_ are this object's
  std::size_t count_ = 0;
  int depth_ = 0;
};

}  // namespace chatjwt
