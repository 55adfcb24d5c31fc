#include "chatjwt/strict_json.hpp"

#include <string>

#include <doctest/doctest.h>

using chatjwt::validate_json_object;

namespace {

struct Row {
  const char* name;
  std::string text;
  std::size_t offset;  // of the offending character
  const char* message_part;
};

}  // namespace

TEST_CASE("strict_json: I-JSON objects that are accepted") {
  const std::string good[] = {
      "{}",
      " \t\r\n{ } \n",
      R"({"a":1,"b":[true,false,null],"c":{"d":"e"}})",
      R"({"pair":"\uD83D\uDE00"})",        // an escaped surrogate pair is U+1F600
      "{\"emoji\":\"\xF0\x9F\x98\x80\"}",  // the same in UTF-8
      R"({"esc":"\"\\\/\b\f\n\r\t\u0000"})",
      R"({"n":[0,-0,1.5,-2e10,1E+2,3e-2,1e-400,1.7976931348623157e308]})",
      R"({"a":{"a":{"a":1}}})",               // the same name in different objects
      "{\"\xE2\x82\xAC\":\"\xEF\xBF\xBD\"}",  // U+20AC and U+FFFD are characters
  };
  for (const auto& text : good) {
    CAPTURE(text);
    const auto error = validate_json_object(text);
    CHECK_MESSAGE(!error.has_value(), (error ? error->message : ""));
  }
}

TEST_CASE("strict_json: what the contract refuses, and where") {
  const Row rows[] = {
      {"empty", "", 0, "empty"},
      {"top-level array", "[1]", 0, "array"},
      {"top-level string", "\"x\"", 0, "string"},
      {"byte-order mark", "\xEF\xBB\xBF{}", 0, "byte-order mark"},
      {"trailing comma in object", R"({"a":1,})", 7, "trailing comma"},
      {"trailing comma in array", R"({"a":[1,]})", 8, "trailing comma"},
      {"trailing comma, then space", R"({"a":1, })", 7, "trailing comma"},
      {"line comment", "{\"a\":1 // c\n}", 7, "comments"},
      {"block comment", "{/* c */}", 1, "comments"},
      {"NaN", R"({"a":NaN})", 5, "NaN"},
      {"Infinity", R"({"a":-Infinity})", 5, "Infinity"},
      {"single quotes", R"({'a':1})", 1, "double quotes"},
      {"repeated name", R"({"alg":"HS256","alg":"none"})", 15, "repeated member name \"alg\""},
      {"repeated after unescaping", R"({"alg":1,"\u0061lg":2})", 9, "repeated member name \"alg\""},
      {"too large", R"({"n":1e400})", 5, "too large"},
      {"too large negative", R"({"n":-1.8e308})", 5, "too large"},
      {"leading zero", R"({"n":01})", 6, "leading zeros"},
      {"lone high surrogate", R"({"s":"\uD83D"})", 6, "lone surrogate U+D83D"},
      {"lone low surrogate", R"({"s":"\uDE00x"})", 6, "lone surrogate U+DE00"},
      {"high then not low", R"({"s":"\uD83D\u0041"})", 6, "lone surrogate"},
      {"escaped noncharacter FFFE", R"({"s":"\uFFFE"})", 6, "noncharacter U+FFFE"},
      {"escaped noncharacter FDD0", R"({"s":"\uFDD0"})", 6, "noncharacter U+FDD0"},
      {"escaped noncharacter in plane 16", R"({"s":"\uDBFF\uDFFF"})", 6, "noncharacter U+10FFFF"},
      {"raw noncharacter FFFF", "{\"s\":\"\xEF\xBF\xBF\"}", 6, "noncharacter U+FFFF"},
      {"raw noncharacter 1FFFE", "{\"s\":\"\xF0\x9F\xBF\xBE\"}", 6, "noncharacter U+1FFFE"},
      {"surrogate written in UTF-8", "{\"s\":\"\xED\xA0\xBD\"}", 6, "invalid UTF-8"},
      {"overlong slash", "{\"s\":\"\xC0\xAF\"}", 6, "invalid UTF-8"},
      {"overlong three bytes", "{\"s\":\"\xE0\x80\xAF\"}", 6, "invalid UTF-8"},
      {"above U+10FFFF", "{\"s\":\"\xF4\x90\x80\x80\"}", 6, "invalid UTF-8"},
      {"stray continuation byte", "{\"s\":\"\x80\"}", 6, "invalid UTF-8"},
      {"cut-short sequence", "{\"s\":\"\xE2\x82\"}", 6, "invalid UTF-8"},
      {"raw control character", "{\"s\":\"a\tb\"}", 7, "control character"},
      {"invalid escape", R"({"s":"\x"})", 6, "invalid escape"},
      {"cut short in a string", R"({"s":"abc)", 9, "ends inside a string"},
      {"cut short after a member", R"({"a":1)", 6, "ends before"},
      {"text after the object", R"({} {})", 3, "after the top-level value"},
      {"missing colon", R"({"a" 1})", 5, "':'"},
      {"missing comma", R"({"a":1 "b":2})", 7, "','"},
      {"NUL byte outside strings", std::string("{\0}", 3), 1, "member name"},
      {"bare word", R"({"a":yes})", 5, "JSON value"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const auto error = validate_json_object(row.text);
    REQUIRE(error.has_value());
    CHECK(error->offset == row.offset);
    CHECK_MESSAGE(error->message.find(row.message_part) != std::string::npos, error->message);
  }
}

TEST_CASE("strict_json: nesting of 64 levels is accepted, 65 refused, without recursion") {
  auto nested = [](int levels) {
    std::string text;
    for (int i = 0; i < levels; ++i) text += i == 0 ? "{\"a\":" : "[";
    text += "1";
    for (int i = levels - 1; i >= 0; --i) text += i == 0 ? "}" : "]";
    return text;
  };
  CHECK_FALSE(validate_json_object(nested(64)).has_value());
  const auto error = validate_json_object(nested(65));
  REQUIRE(error.has_value());
  CHECK(error->message.find("64") != std::string::npos);
  CHECK(error->offset == 68);  // the 64th bracket opens level 65
  // A million open brackets: refused at level 65, no stack overflow.
  const auto deep = validate_json_object("{\"a\":" + std::string(1'000'000, '['));
  REQUIRE(deep.has_value());
  CHECK(deep->message.find("64") != std::string::npos);
}

TEST_CASE("strict_json: underflow reads as 0, the sign kept") {
  chatjwt::StrictJsonScanner scanner;
  chatjwt::TopLevelMembers members;
  REQUIRE_FALSE(
      scanner.scan(R"({"a":1e-400,"b":-1e-400,"c":0e999999,"d":2.5})", members).has_value());
  CHECK(members.find("a")->number == 0.0);
  CHECK(members.find("b")->number == 0.0);
  CHECK(members.find("c")->number == 0.0);
  CHECK(members.find("d")->number == 2.5);
}

TEST_CASE("strict_json: repeated names in a large object are found (set path)") {
  std::string text = "{";
  for (int i = 0; i < 100; ++i) text += "\"k" + std::to_string(i) + "\":0,";
  text += "\"k37\":1}";
  const auto error = validate_json_object(text);
  REQUIRE(error.has_value());
  CHECK(error->message.find("\"k37\"") != std::string::npos);
  CHECK(text.substr(error->offset, 5) == "\"k37\"");
}

TEST_CASE("strict_json: a 100,000-member object is scanned") {
  std::string text = "{";
  for (int i = 0; i < 100'000; ++i) text += (i ? ",\"" : "\"") + std::to_string(i) + "\":0";
  text += "}";
  CHECK_FALSE(validate_json_object(text).has_value());
}

TEST_CASE("strict_json: top-level members are picked out with their kinds") {
  chatjwt::StrictJsonScanner scanner;
  chatjwt::TopLevelMembers members;
  REQUIRE_FALSE(scanner
                    .scan(R"({"alg":"HS\u0032\u0035\u0036","exp":1776958200,"o":{"exp":"x"},)"
                          R"("a":[1],"t":true,"z":null})",
                          members)
                    .has_value());
  REQUIRE(members.members().size() == 6);
  CHECK(members.find("alg")->text == "HS256");
  CHECK(members.find("exp")->kind == chatjwt::JsonKind::number);
  CHECK(members.find("exp")->number == 1776958200.0);
  CHECK(members.find("o")->kind == chatjwt::JsonKind::object);
  CHECK(members.find("a")->kind == chatjwt::JsonKind::array);
  CHECK(members.find("t")->kind == chatjwt::JsonKind::boolean);
  CHECK(members.find("z")->kind == chatjwt::JsonKind::null);
  CHECK(members.find("missing") == nullptr);
}

TEST_CASE("strict_json: any_value accepts other top levels (for --claim values)") {
  chatjwt::StrictJsonScanner scanner;
  chatjwt::NullJsonEvents events;
  for (const char* text : {"1", "\"s\"", "[1,2]", "true", "null", " 2.5 "}) {
    CAPTURE(text);
    CHECK_FALSE(scanner.scan(text, events, true).has_value());
  }
  CHECK(scanner.scan("gold", events, true).has_value());
  CHECK(scanner.scan("1 2", events, true).has_value());
}
