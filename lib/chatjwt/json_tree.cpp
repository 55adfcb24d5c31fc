#include "chatjwt/json_tree.hpp"

#include "chatjwt/json_dom.hpp"
#include "chatjwt/json_writer.hpp"

namespace chatjwt {

// --- JsonRef -------------------------------------------------------------------------------

namespace {

void close(CompactJsonWriter& writer, JsonRef container) {
  if (container.is_object()) {
    writer.end_object();
  } else {
    writer.end_array();
  }
}

}  // namespace

JsonRef JsonRef::find(std::string_view name) const {
  if (!is_object()) return {};
  const std::uint32_t sketch = name_sketch(name);
  for (std::uint32_t i = tree_->nodes_[index_].first; i != JsonTree::kNone;
       i = tree_->nodes_[i].next) {
    const JsonTree::Node& n = tree_->nodes_[i];
    if (n.name_sketch == sketch &&
        std::string_view(tree_->text_).substr(n.name_at, n.name_size) == name) {
      return JsonRef(tree_, i);
    }
  }
  return {};
}

std::string JsonRef::pointer() const {
  // Collect the path upwards, then write it root first.
  std::vector<std::uint32_t> chain;
  for (std::uint32_t i = index_; tree_->nodes_[i].parent != JsonTree::kNone;
       i = tree_->nodes_[i].parent) {
    chain.push_back(i);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const JsonTree::Node& node = tree_->nodes_[*it];
    const JsonTree::Node& parent = tree_->nodes_[node.parent];
    out.push_back('/');
    if (parent.kind == JsonKind::object) {
      out += json_pointer_token(JsonRef(tree_, *it).name());
    } else {
      std::size_t position = 0;  // the element's index: count earlier siblings
      for (std::uint32_t s = parent.first; s != *it; s = tree_->nodes_[s].next) ++position;
      out += std::to_string(position);
    }
  }
  return out;
}

std::string JsonRef::pointer_to(std::string_view name) const {
  return pointer() + "/" + json_pointer_token(name);
}

std::size_t JsonRef::at_offset() const { return tree_->nodes_[index_].at; }
std::size_t JsonRef::open_offset() const { return tree_->nodes_[index_].open; }

void JsonRef::append_json(std::string& out) const {
  // The value's events, replayed in document order along the tree's links (no recursion, no
  // stack) into the writer verify --json uses.
  CompactJsonWriter writer(out);
  JsonRef node = *this;
  while (true) {
    if (node != *this && node.parent().is_object()) writer.key(node.name(), 0);
    const bool container = node.is_object() || node.is_array();
    switch (node.kind()) {
      case JsonKind::object:
        writer.begin_object(0);
        break;
      case JsonKind::array:
        writer.begin_array(0);
        break;
      case JsonKind::string:
        writer.string_value(node.string(), 0);
        break;
      case JsonKind::number:
        writer.number_value(node.number(), node.raw(), 0);
        break;
      case JsonKind::boolean:
        writer.bool_value(node.boolean(), 0);
        break;
      case JsonKind::null:
        writer.null_value(0);
        break;
    }
    if (container && node.first()) {
      node = node.first();
      continue;
    }
    if (container) close(writer, node);
    // Up to the next sibling, closing the containers left behind.
    while (node != *this && !node.next()) {
      node = node.parent();
      close(writer, node);
    }
    if (node == *this) return;
    node = node.next();
  }
}

// --- JsonTree ------------------------------------------------------------------------------

void JsonTree::clear() {
  nodes_.clear();
  text_.clear();
  open_.clear();
}

std::optional<JsonError> JsonTree::build(std::string_view text, StrictJsonScanner& scanner,
                                         bool any_value) {
  clear();
  if (text.size() >= kNone) return JsonError{0, "the text is 4 GiB or more", std::nullopt};
  text_.reserve(text.size());
  std::optional<JsonError> error = scanner.scan(text, *this, any_value);
  if (error) {
    failed_open_pointer_ = open_.empty() ? std::string() : JsonRef(this, open_.back()).pointer();
    nodes_.clear();
  }
  return error;
}

std::uint32_t JsonTree::store(std::string_view text) {
  const auto at = static_cast<std::uint32_t>(text_.size());
  text_.append(text);
  return at;
}

JsonTree::Node& JsonTree::add(JsonKind kind, std::size_t offset) {
  const auto index = static_cast<std::uint32_t>(nodes_.size());
  Node& node = nodes_.emplace_back();
  node.kind = kind;
  node.at = static_cast<std::uint32_t>(offset);
  node.open = static_cast<std::uint32_t>(offset);
  if (!open_.empty()) {
    const std::uint32_t parent_index = open_.back();
    Node& parent = nodes_[parent_index];
    node.parent = parent_index;
    if (parent.kind == JsonKind::object) {
      node.name_at = pending_name_at_;
      node.name_size = pending_name_size_;
      node.name_sketch = pending_name_sketch_;
      node.at = pending_offset_;
    }
    if (parent.last == kNone) {
      parent.first = index;
    } else {
      nodes_[parent.last].next = index;
    }
    parent.last = index;
    ++parent.size;
  }
  Node& added = nodes_.back();
  if (kind != JsonKind::object && kind != JsonKind::array) added.open = added.at;
  return added;
}

void JsonTree::begin_object(std::size_t offset) {
  add(JsonKind::object, offset);
  open_.push_back(static_cast<std::uint32_t>(nodes_.size() - 1));
}

void JsonTree::begin_array(std::size_t offset) {
  add(JsonKind::array, offset);
  open_.push_back(static_cast<std::uint32_t>(nodes_.size() - 1));
}

void JsonTree::end_object() { open_.pop_back(); }
void JsonTree::end_array() { open_.pop_back(); }

void JsonTree::key(std::string_view name, std::size_t offset) {
  pending_name_at_ = store(name);
  pending_name_size_ = static_cast<std::uint32_t>(name.size());
  pending_name_sketch_ = name_sketch(name);
  pending_offset_ = static_cast<std::uint32_t>(offset);
}

void JsonTree::string_value(std::string_view value, std::size_t offset) {
  const std::uint32_t at = store(value);
  Node& node = add(JsonKind::string, offset);
  node.text_at = at;
  node.text_size = static_cast<std::uint32_t>(value.size());
}

void JsonTree::number_value(double value, std::string_view raw, std::size_t offset) {
  const std::uint32_t at = store(raw);
  Node& node = add(JsonKind::number, offset);
  node.number = value;
  node.text_at = at;
  node.text_size = static_cast<std::uint32_t>(raw.size());
}

void JsonTree::bool_value(bool value, std::size_t offset) {
  add(JsonKind::boolean, offset).boolean = value;
}

void JsonTree::null_value(std::size_t offset) { add(JsonKind::null, offset); }

}  // namespace chatjwt
