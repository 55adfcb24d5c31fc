#include "chatjwt/json_dom.hpp"

#include <string>

#include <doctest/doctest.h>

using chatjwt::parse_json;
using chatjwt::TextPosition;

TEST_CASE("json_dom: values keep the author's member order and integer-ness") {
  const auto parsed = parse_json(R"({"z":1,"a":2.5,"m":[1776954600,18446744073709551615,-0,1e2]})");
  REQUIRE(parsed.ok);
  CHECK(chatjwt::to_json_text(parsed.json.value) ==
        R"({"z":1,"a":2.5,"m":[1776954600,18446744073709551615,-0.0,100.0]})");
  CHECK(parsed.json.value["m"][0].is_number_integer());
  CHECK(parsed.json.value["m"][1].is_number_unsigned());
}

TEST_CASE("json_dom: positions of names, elements and braces, in code points") {
  // Line 1 '{'; line 2 "userId"; CRLF ends line 2; a lone CR ends line 3; "é" is one column.
  const std::string text =
      "{\n"
      "  \"userId\": \"é\",\r\n"
      "  \"agentData\": [\r"
      "    {\"label\": \"A\"}, 7\n"
      "  ]\n"
      "}";
  const auto parsed = parse_json(text, /*with_positions=*/true);
  REQUIRE(parsed.ok);
  const auto& pos = parsed.json.positions;
  CHECK(pos.at("").open == TextPosition{1, 1});
  CHECK(pos.at("/userId").at == TextPosition{2, 3});
  CHECK(pos.at("/agentData").at == TextPosition{3, 3});
  CHECK(pos.at("/agentData").open == TextPosition{3, 16});
  CHECK(pos.at("/agentData/0").at == TextPosition{4, 5});
  CHECK(pos.at("/agentData/0").open == TextPosition{4, 5});
  CHECK(pos.at("/agentData/0/label").at == TextPosition{4, 6});
  CHECK(pos.at("/agentData/1").at == TextPosition{4, 21});
}

TEST_CASE("json_dom: a column counts code points, not bytes") {
  const auto parsed = parse_json("{\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\":1, \"b\":2}", true);
  REQUIRE(parsed.ok);
  // '{' 1, '"' 2, three characters 3-5, '"' 6, ':' 7, '1' 8, ',' 9, ' ' 10, '"' 11
  CHECK(parsed.json.positions.at("/b").at == TextPosition{1, 11});
}

TEST_CASE("json_dom: pointer tokens are escaped (RFC 6901)") {
  CHECK(chatjwt::json_pointer_token("a/b~c") == "a~1b~0c");
  const auto parsed = parse_json(R"({"a/b":{"~":1}})", true);
  REQUIRE(parsed.ok);
  CHECK(parsed.json.positions.count("/a~1b/~0") == 1);
}

TEST_CASE("json_dom: an error carries the offending character's line and column") {
  SUBCASE("trailing comma: the character after it") {
    const auto parsed = parse_json("{\n  \"a\": 1,\n}");
    REQUIRE_FALSE(parsed.ok);
    CHECK(parsed.failure.position == TextPosition{2, 10});  // the line feed after the comma
  }
  SUBCASE("repeated member: the repeated name") {
    const auto parsed = parse_json("{\"a\": 1,\r\n \"a\": 2}");
    REQUIRE_FALSE(parsed.ok);
    CHECK(parsed.failure.position == TextPosition{2, 2});
  }
  SUBCASE("cut short: the end of the text") {
    const auto parsed = parse_json("{\n\"a\": [1,");
    REQUIRE_FALSE(parsed.ok);
    CHECK(parsed.failure.position == TextPosition{2, 9});
  }
}

TEST_CASE("json_dom: a 100,000-member object builds in linear time") {
  std::string text = "{";
  for (int i = 0; i < 100'000; ++i) text += (i ? ",\"" : "\"") + std::to_string(i) + "\":0";
  text += "}";
  const auto parsed = parse_json(text);
  REQUIRE(parsed.ok);
  CHECK(parsed.json.value.size() == 100'000);
}
