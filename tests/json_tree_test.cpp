#include "chatjwt/json_tree.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "chatjwt/json_dom.hpp"

using chatjwt::JsonKind;
using chatjwt::JsonRef;
using chatjwt::JsonTree;
using chatjwt::StrictJsonScanner;

namespace {

std::string written(JsonRef ref) {
  std::string out;
  ref.append_json(out);
  return out;
}

}  // namespace

TEST_CASE("json_tree: values, kinds and member lookup by unescaped name") {
  StrictJsonScanner scanner;
  JsonTree tree;
  const std::string text =
      R"({"userId":"u-1","n":1e2,"ok":true,"no":null,"caf\u00e9":"\"x\"","list":[1,"two",{}]})";
  REQUIRE_FALSE(tree.build(text, scanner).has_value());
  const JsonRef root = tree.root();
  REQUIRE(root.is_object());
  CHECK(root.size() == 6);
  CHECK(root.find("userId").string() == "u-1");
  CHECK(root.find("n").number() == 100.0);
  CHECK(root.find("n").raw() == "1e2");
  CHECK(root.find("ok").boolean());
  CHECK(root.find("no").kind() == JsonKind::null);
  CHECK(root.find("café").string() == "\"x\"");  // name and value unescaped
  CHECK_FALSE(root.find("userid"));              // names are compared exactly
  CHECK_FALSE(root.find("list").find("0"));      // an array has no members
  std::vector<std::string> names;
  for (JsonRef member : root.children()) names.emplace_back(member.name());
  CHECK(names == std::vector<std::string>{"userId", "n", "ok", "no", "café", "list"});
  const JsonRef list = root.find("list");
  CHECK(list.size() == 3);
  CHECK(list.first().next().string() == "two");
  CHECK(list.first().next().parent().is_array());
  CHECK_FALSE(root.parent());
}

TEST_CASE("json_tree: pointers escape ~ and / and number array elements") {
  StrictJsonScanner scanner;
  JsonTree tree;
  REQUIRE_FALSE(tree.build(R"({"a/b":{"~":[0,{"x":1}]}})", scanner).has_value());
  const JsonRef x = tree.root().find("a/b").find("~").first().next().find("x");
  CHECK(x.pointer() == "/a~1b/~0/1/x");
  CHECK(tree.root().pointer().empty());
  CHECK(tree.root().find("a/b").pointer_to("y/z") == "/a~1b/y~1z");
}

TEST_CASE("json_tree: written out, a value is what to_json_text writes for the DOM") {
  StrictJsonScanner scanner;
  JsonTree tree;
  for (const std::string text : {
           R"({"z":1,"a":2.5,"m":[1776954600,18446744073709551615,-0,1e2,1250.50]})",
           "{\"s\":\"tab\\there \\u0001 \\ud83d\\ude00 \\/\",\"e\":{},\"l\":[]}",
           " { \"nested\" : [ [ [ true , false , null ] ] ] } ",
       }) {
    REQUIRE_FALSE(tree.build(text, scanner).has_value());
    CHECK(written(tree.root()) == chatjwt::to_json_text(chatjwt::parse_json(text).json.value));
  }
  // Part of a tree: the value alone, without its name.
  REQUIRE_FALSE(tree.build(R"({"a":{"b":[1,2]}})", scanner).has_value());
  CHECK(written(tree.root().find("a")) == R"({"b":[1,2]})");
}

TEST_CASE("json_tree: offsets of names, values and brackets") {
  StrictJsonScanner scanner;
  JsonTree tree;
  const std::string text = "{\n  \"a\": [10, {\"b\": 2}]\n}";
  REQUIRE_FALSE(tree.build(text, scanner).has_value());
  const JsonRef a = tree.root().find("a");
  CHECK(a.at_offset() == text.find("\"a\""));
  CHECK(a.open_offset() == text.find('['));
  CHECK(a.first().at_offset() == text.find("10"));
  CHECK(a.first().open_offset() == a.first().at_offset());
  CHECK(a.first().next().open_offset() == text.find("{\"b\""));
  CHECK(a.first().next().find("b").at_offset() == text.find("\"b\""));
}

TEST_CASE("json_tree: a failed build leaves no root, and names the open container") {
  StrictJsonScanner scanner;
  JsonTree tree;
  const auto error = tree.build(R"({"agentData":[{"label":"a","label":"b"}]})", scanner);
  REQUIRE(error.has_value());
  REQUIRE(error->repeated_name.has_value());
  CHECK_FALSE(tree.root());
  CHECK(tree.open_pointer() == "/agentData/0");
  CHECK(tree.build("[1]", scanner).has_value());  // an object, unless any_value
  REQUIRE_FALSE(tree.build("[1]", scanner, /*any_value=*/true).has_value());
  CHECK(tree.root().is_array());
}

TEST_CASE("json_tree: rebuilding reuses the tree and forgets the last text") {
  StrictJsonScanner scanner;
  JsonTree tree;
  REQUIRE_FALSE(tree.build(R"({"first":{"deep":[1,2,3]}})", scanner).has_value());
  REQUIRE_FALSE(tree.build(R"({"second":true})", scanner).has_value());
  CHECK(tree.root().size() == 1);
  CHECK_FALSE(tree.root().find("first"));
  CHECK(tree.root().find("second").boolean());
}
