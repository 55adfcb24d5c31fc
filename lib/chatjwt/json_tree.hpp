// A read-only JSON value tree built from the strict scanner's events, for lint: one flat array
// of nodes and one buffer of unescaped text, both reused from one build to the next, so linting
// token after token allocates nothing once they have grown. Values are read through JsonRef.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chatjwt/strict_json.hpp"

namespace chatjwt {

class JsonTree;

// One value of a JsonTree (or none: a member that is absent). Cheap to copy; valid while the
// tree is not rebuilt.
class JsonRef {
 public:
  JsonRef() = default;

  explicit operator bool() const { return tree_ != nullptr; }
  friend bool operator==(const JsonRef&, const JsonRef&) = default;
  JsonKind kind() const;
  bool is_object() const { return *this && kind() == JsonKind::object; }
  bool is_array() const { return *this && kind() == JsonKind::array; }
  bool is_string() const { return *this && kind() == JsonKind::string; }
  bool is_number() const { return *this && kind() == JsonKind::number; }
  bool is_boolean() const { return *this && kind() == JsonKind::boolean; }

  std::string_view string() const;  // a string's unescaped text
  double number() const;            // a number's value
  std::string_view raw() const;     // a number's text as written
  bool boolean() const;

  // Of an object or array: members or elements, in document order.
  std::size_t size() const;
  JsonRef first() const;
  JsonRef next() const;    // the next sibling, or none
  JsonRef parent() const;  // the object or array holding this value, or none for the root
  // An object's member by name (unescaped), or none.
  JsonRef find(std::string_view name) const;
  // The name of a member of an object (empty for an element or the root).
  std::string_view name() const;

  // RFC 6901 pointer from the root ("" for the root, "/agentData/0/label").
  std::string pointer() const;
  // The pointer of a member name would have in this object, present or not.
  std::string pointer_to(std::string_view name) const;

  // Byte offsets in the text the tree was built from: where the value sits (a member's name's
  // opening quote, otherwise the value's first character) and, for an object or array, its
  // opening bracket (for any other value, the same as at_offset).
  std::size_t at_offset() const;
  std::size_t open_offset() const;

  // The value as compact JSON, written as to_json_text writes it.
  void append_json(std::string& out) const;

  // for (JsonRef member : object.children())
  class Children;
  Children children() const;

 private:
  friend class JsonTree;
  JsonRef(const JsonTree* tree, std::uint32_t index) : tree_(tree), index_(index) {}
  const JsonTree* tree_ = nullptr;
  std::uint32_t index_ = 0;
};

// An object's members or an array's elements, for range-for.
class JsonRef::Children {
 public:
  class Iterator {
   public:
    explicit Iterator(JsonRef ref) : ref_(ref) {}
    JsonRef operator*() const { return ref_; }
    Iterator& operator++() {
      ref_ = ref_.next();
      return *this;
    }
    bool operator!=(const Iterator& other) const { return bool(ref_) != bool(other.ref_); }

   private:
    JsonRef ref_;
  };
  explicit Children(JsonRef parent) : parent_(parent) {}
  Iterator begin() const { return Iterator(parent_ ? parent_.first() : JsonRef()); }
  Iterator end() const { return Iterator(JsonRef()); }

 private:
  JsonRef parent_;
};

inline JsonRef::Children JsonRef::children() const { return Children(*this); }

class JsonTree final : public JsonEvents {
 public:
  // Builds the tree of text (an object unless any_value); on error the tree is empty (root()
  // is none) and the scanner's error is returned.
  std::optional<JsonError> build(std::string_view text, StrictJsonScanner& scanner,
                                 bool any_value = false);
  void clear();
  JsonRef root() const { return nodes_.empty() ? JsonRef() : JsonRef(this, 0); }
  // After a failed build: the pointer of the innermost object or array still open (for a
  // repeated member's pointer).
  const std::string& open_pointer() const { return failed_open_pointer_; }

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
  friend class JsonRef;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFU;
  // Offsets and sizes are 32-bit: build() refuses a text of 4 GiB or more.
  struct Node {
    JsonKind kind = JsonKind::null;
    bool boolean = false;
    std::uint32_t parent = kNone;
    std::uint32_t first = kNone;  // first child
    std::uint32_t last = kNone;   // last child (while building)
    std::uint32_t next = kNone;   // next sibling
    std::uint32_t size = 0;       // children
    std::uint32_t name_at = 0;    // member name in text_
    std::uint32_t name_size = 0;
    std::uint32_t name_sketch = 0;  // name_sketch(name), compared before the name
    std::uint32_t text_at = 0;      // string value or number text in text_
    std::uint32_t text_size = 0;
    std::uint32_t at = 0;  // offsets in the source text
    std::uint32_t open = 0;
    double number = 0;
  };
  std::uint32_t store(std::string_view text);
  Node& add(JsonKind kind, std::size_t offset);

  std::vector<Node> nodes_;
  std::string text_;  // names and values, unescaped: never longer than the source text
  std::vector<std::uint32_t> open_;  // containers still open
  std::uint32_t pending_name_at_ = 0;
  std::uint32_t pending_name_size_ = 0;
  std::uint32_t pending_name_sketch_ = 0;
  std::uint32_t pending_offset_ = 0;
  std::string failed_open_pointer_;
};

// The accessors lint calls for every value, inline.
inline JsonKind JsonRef::kind() const { return tree_->nodes_[index_].kind; }
inline std::string_view JsonRef::string() const {
  const auto& n = tree_->nodes_[index_];
  return std::string_view(tree_->text_).substr(n.text_at, n.text_size);
}
inline double JsonRef::number() const { return tree_->nodes_[index_].number; }
inline std::string_view JsonRef::raw() const { return string(); }
inline bool JsonRef::boolean() const { return tree_->nodes_[index_].boolean; }
inline std::size_t JsonRef::size() const { return tree_->nodes_[index_].size; }
inline JsonRef JsonRef::first() const {
  const std::uint32_t i = tree_->nodes_[index_].first;
  return i == JsonTree::kNone ? JsonRef() : JsonRef(tree_, i);
}
inline JsonRef JsonRef::next() const {
  const std::uint32_t i = tree_->nodes_[index_].next;
  return i == JsonTree::kNone ? JsonRef() : JsonRef(tree_, i);
}
inline JsonRef JsonRef::parent() const {
  const std::uint32_t i = tree_->nodes_[index_].parent;
  return i == JsonTree::kNone ? JsonRef() : JsonRef(tree_, i);
}
inline std::string_view JsonRef::name() const {
  const auto& n = tree_->nodes_[index_];
  return std::string_view(tree_->text_).substr(n.name_at, n.name_size);
}

}  // namespace chatjwt
