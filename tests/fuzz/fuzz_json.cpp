// The strict JSON reader: the event scanner and the value builders on top of it (the DOM and
// lint's tree) must agree, and what they accept must be JSON to nlohmann too and survive a
// round trip; verify --json's compact writer must write what dump() writes.
#include <nlohmann/json.hpp>

#include "chatjwt/json_dom.hpp"
#include "chatjwt/json_tree.hpp"
#include "chatjwt/json_writer.hpp"
#include "chatjwt/sign.hpp"
#include "chatjwt/strict_json.hpp"

#include "fuzz_check.hpp"

using namespace chatjwt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  static StrictJsonScanner scanner;  // reused, as verify --batch does

  // sign's --claim KEY=VALUE: VALUE is JSON when it reads as JSON, else a string.
  const auto claim = parse_claim_assignment(text);
  if (claim) {
    FUZZ_CHECK(!claim->key.empty());
    FUZZ_CHECK(text.starts_with(claim->key + "="));
  }

  for (const bool any_value : {true, false}) {
    NullJsonEvents ignore;
    const auto scan_error = scanner.scan(text, ignore, any_value);
    const auto outcome = parse_json(text, /*with_positions=*/true, any_value);
    FUZZ_CHECK(outcome.ok == !scan_error.has_value());
    if (scan_error) {
      FUZZ_CHECK(scan_error->offset <= text.size());
      FUZZ_CHECK(outcome.failure.offset == scan_error->offset);
      FUZZ_CHECK(!outcome.failure.message.empty());
      continue;
    }
    const Json& value = outcome.json.value;
    FUZZ_CHECK(any_value || value.is_object());
    FUZZ_CHECK(outcome.json.positions.count("") == 1);

    // A strict subset of JSON: nlohmann reads it to the same value.
    const Json lenient = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    FUZZ_CHECK(!lenient.is_discarded());
    FUZZ_CHECK(lenient == value);

    // Written out and read again, compact and indented, the value is unchanged.
    for (const int indent : {-1, 2}) {
      const std::string written = to_json_text(value, indent);
      const auto again = parse_json(written, false, any_value);
      FUZZ_CHECK(again.ok);
      FUZZ_CHECK(again.json.value == value);
    }

    // verify --json's writer: re-writing from events gives what dump() gives for the value, and
    // where the copy rule says the text is already that (compact, numbers as written), it is.
    if (!any_value) {
      std::string compact;
      FUZZ_CHECK(append_compact_json(compact, text, scanner));
      FUZZ_CHECK(compact == to_json_text(value));
      NumberFormCheck numbers;
      FUZZ_CHECK(!scanner.scan(text, numbers).has_value());
      if (scanner.last_text_compact() && numbers.numbers_as_written()) {
        FUZZ_CHECK(text == compact);
      }
    }

    // lint's tree: the same value (written out as dump() writes it), every node at the pointer
    // and position the DOM gives it.
    {
      static JsonTree tree;  // reused, as verify --batch reuses its trees
      FUZZ_CHECK(!tree.build(text, scanner, any_value).has_value());
      std::string written;
      tree.root().append_json(written);
      FUZZ_CHECK(written == to_json_text(value));
      PositionCursor cursor(text);
      std::size_t nodes = 0;
      for (JsonRef node = tree.root(); node;) {
        ++nodes;
        const auto found = outcome.json.positions.find(node.pointer());
        FUZZ_CHECK(found != outcome.json.positions.end());
        FUZZ_CHECK(cursor.advance_to(node.at_offset()) == found->second.at);
        FUZZ_CHECK(cursor.advance_to(node.open_offset()) == found->second.open);
        if (node.first()) {
          node = node.first();
          continue;
        }
        while (node && !node.next()) node = node.parent();
        if (node) node = node.next();
      }
      FUZZ_CHECK(nodes == outcome.json.positions.size());
    }

    // The object check used by sign and lint agrees.
    if (!any_value) FUZZ_CHECK(!validate_json_object(text).has_value());

    // Top-level members: every name of the root object, once each.
    TopLevelMembers members;
    FUZZ_CHECK(!scanner.scan(text, members, any_value).has_value());
    if (!value.is_object()) continue;
    FUZZ_CHECK(members.members().size() == value.size());
    for (const auto& member : members.members()) {
      const auto found = value.find(member.name);
      FUZZ_CHECK(found != value.end());
      if (member.kind == JsonKind::string) FUZZ_CHECK(*found == member.text);
      if (member.kind == JsonKind::number) FUZZ_CHECK(found->is_number());
      if (member.kind == JsonKind::object) FUZZ_CHECK(found->is_object());
      if (member.kind == JsonKind::array) FUZZ_CHECK(found->is_array());
    }
  }
  return 0;
}
