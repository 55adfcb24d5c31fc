// Every lint rule: a payload that triggers it and one that does not; positions; the documents'
// complete examples lint clean.
#include "chatjwt/lint.hpp"

#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "chatjwt/base64url.hpp"
#include "chatjwt/json_writer.hpp"

#include "support/process.hpp"

using namespace chatjwt;

namespace {

constexpr std::int64_t kNow = 1776954600;

std::string token_of(const std::string& header, const std::string& payload) {
  return base64url_encode(header) + "." + base64url_encode(payload) + ".";
}

LintResult lint(const std::string& input, Profile profile, bool token) {
  return token ? lint_token_text(input, profile, kNow) : lint_json_text(input, profile, kNow);
}

bool has(const LintResult& r, std::string_view rule, const std::string& path) {
  for (const auto& d : r.diagnostics) {
    if (d.rule == rule && d.path == path) return true;
  }
  return false;
}

bool has_rule(const LintResult& r, std::string_view rule) {
  for (const auto& d : r.diagnostics) {
    if (d.rule == rule) return true;
  }
  return false;
}

struct Case {
  const char* rule;
  const char* path;
  Profile profile;
  std::string bad;   // triggers the rule at path
  std::string good;  // the same, mended: no finding of this rule
  bool token = false;
};

const std::string H = R"({"alg":"HS256","typ":"JWT"})";

std::vector<Case> cases() {
  const Profile c = Profile::convrs, e = Profile::eloquent, g = Profile::generic;
  return {
      {"invalid-json", "", g, R"({"a":1,})", R"({"a":1})"},
      {"duplicate-member", "/o/a", g, R"({"o":{"a":1,"a":2}})", R"({"o":{"a":1,"b":2}})"},
      {"undecodable-segment", "", g, "eyJhbGciOiJIUzI1NiJ9.e30=x.", token_of(H, R"({"exp":1})"),
       true},
      {"unsupported-algorithm", "/alg", g, token_of(R"({"alg":"none"})", R"({"exp":1})"),
       token_of(H, R"({"exp":1})"), true},
      {"critical-header", "/crit", g, token_of(R"({"alg":"HS256","crit":["x"]})", R"({"exp":1})"),
       token_of(H, R"({"exp":1})"), true},
      {"header-typ", "/typ", g, token_of(R"({"alg":"HS256","typ":"JWS"})", R"({"exp":1})"),
       token_of(R"({"alg":"HS256","typ":"application/JWT"})", R"({"exp":1})"), true},
      {"claim-type", "/exp", g, R"({"exp":"1776958200"})", R"({"exp":1776958200})"},
      {"claim-type", "/aud", g, R"({"aud":["a",1]})", R"({"aud":["a","b"]})"},
      {"claim-type", "/sub", c, R"({"userId":"u","sub":7})", R"({"userId":"u","sub":"7"})"},
      {"field-type", "/userId", c, R"({"userId":12345})", R"({"userId":"12345"})"},
      {"field-type", "/user_id", e, R"({"user_id":null,"email":"a@b.co"})",
       R"({"user_id":"u","email":"a@b.co"})"},
      {"field-type", "/agentData/0/label", c,
       R"({"userId":"u","agentData":[{"label":1,"value":"x"}]})",
       R"({"userId":"u","agentData":[{"label":"1","value":"x"}]})"},
      {"name-case", "/userID", c, R"({"userId":"u","userID":"u"})", R"({"userId":"u"})"},
      {"name-case", "/agentData/0/Label", c,
       R"({"userId":"u","agentData":[{"Label":"a","value":"x"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":"x"}]})"},
      {"empty-value", "/userId", c, R"({"userId":""})", R"({"userId":"u"})"},
      {"empty-value", "/user_id", e, R"({"user_id":"","email":"a@b.co"})",
       R"({"user_id":"u","email":"a@b.co"})"},
      {"missing-required", "/user_id", e, R"({"email":"a@b.co"})",
       R"({"user_id":"u","email":"a@b.co"})"},
      {"missing-required", "/agentData/0/value", c, R"({"userId":"u","agentData":[{"label":"a"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":"x"}]})"},
      {"email-format", "/email", c, R"({"userId":"u","email":"jane@"})",
       R"({"userId":"u","email":"jane@example.com"})"},
      {"phone-format", "/phone", c, R"({"userId":"u","phone":"07700 900123"})",
       R"({"userId":"u","phone":"+44 7700 900123"})"},
      {"locale-format", "/locale", c, R"({"userId":"u","locale":"en_GB"})",
       R"({"userId":"u","locale":"en-GB"})"},
      {"user-data-value", "/userData/tags", c, R"({"userId":"u","userData":{"tags":["a"]}})",
       R"({"userId":"u","userData":{"tags":"a"}})"},
      {"agent-data-type", "/agentData/0/type", c,
       R"({"userId":"u","agentData":[{"label":"a","value":"2024-03-15","type":"Date"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":"2024-03-15","type":"date"}]})"},
      {"agent-data-value", "/agentData/0/value", c,
       R"({"userId":"u","agentData":[{"label":"a","value":"2023-02-29","type":"date"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":"2024-02-29","type":"date"}]})"},
      {"agent-data-value", "/agentData/0/value", c,
       R"({"userId":"u","agentData":[{"label":"a","value":"48750","type":"number"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":48750,"type":"number"}]})"},
      {"currency-code", "/agentData/0/currency", c,
       R"({"userId":"u","agentData":[{"label":"a","value":1,"type":"currency","currency":"usd"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":1,"type":"currency","currency":"USD"}]})"},
      {"currency-code", "/agentData/0/currency", c,
       R"({"userId":"u","agentData":[{"label":"a","value":1,"type":"currency"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":1,"type":"currency","currency":"XCG"}]})"},
      {"status-color", "/agentData/0/color", c,
       R"({"userId":"u","agentData":[{"label":"a","value":"x","type":"status","color":"Info"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":"x","type":"status","color":"info"}]})"},
      {"missing-exp", "/exp", g, token_of(H, R"({"sub":"x"})"),
       token_of(H, R"({"sub":"x","exp":1})"), true},
      {"long-lifetime", "/exp", c, R"({"userId":"u","iat":1000,"exp":4601})",
       R"({"userId":"u","iat":1000,"exp":4600})"},
      {"long-lifetime", "/exp", e, R"({"user_id":"u","email":"a@b.co","exp":1776958201})",
       R"({"user_id":"u","email":"a@b.co","exp":1776958200})"},
      {"email-as-user-id", "/userId", c, R"({"userId":"jane@example.com"})", R"({"userId":"u-1"})"},
      {"email-as-user-id", "/user_id", e, R"({"user_id":"jane@example.com","email":"a@b.co"})",
       R"({"user_id":"u-1","email":"a@b.co"})"},
      {"missing-recommended", "/userId", c, R"({"userData":{}})",
       R"({"userId":"u","userData":{}})"},
      {"missing-recommended", "/email", e, R"({"user_id":"u"})",
       R"({"user_id":"u","email":"a@b.co"})"},
      {"sensitive-data", "/userData/apiKey", c, R"({"userId":"u","userData":{"apiKey":"k"}})",
       R"({"userId":"u","userData":{"plan":"k"}})"},
      {"sensitive-data", "/userData/card", c,
       R"({"userId":"u","userData":{"card":"4111 1111 1111 1111"}})",
       R"({"userId":"u","userData":{"card":"4111 1111 1111 1112"}})"},
      {"sensitive-data", "/password", g, R"({"password":"x"})", R"({"plan":"x"})"},
      {"unknown-claim", "/plan", c, R"({"userId":"u","plan":"gold"})",
       R"({"userId":"u","userData":{"plan":"gold"}})"},
      {"unused-member", "/agentData/0/color", c,
       R"({"userId":"u","agentData":[{"label":"a","value":true,"type":"boolean","color":"info"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":true,"type":"boolean"}]})"},
      {"datetime-without-zone", "/agentData/0/value", c,
       R"({"userId":"u","agentData":[{"label":"a","value":"2026-04-23T14:30","type":"datetime"}]})",
       R"({"userId":"u","agentData":[{"label":"a","value":"2026-04-23T14:30Z","type":"datetime"}]})"},
  };
}

}  // namespace

TEST_CASE("lint: every rule has a case that triggers it") {
  std::set<std::string_view> covered;
  for (const auto& c : cases()) covered.insert(c.rule);
  for (const RuleInfo& rule : all_rules()) {
    CAPTURE(rule.name);
    CHECK(covered.count(rule.name) == 1);
    CHECK_FALSE(rule.summary.empty());
    CHECK_FALSE(rule.source.empty());
  }
}

TEST_CASE("lint: each rule fires on its bad payload, at its pointer, and not on the mended one") {
  for (const auto& c : cases()) {
    CAPTURE(c.rule);
    CAPTURE(c.bad);
    const LintResult bad = lint(c.bad, c.profile, c.token);
    CHECK(has(bad, c.rule, c.path));
    const RuleInfo* info = find_rule(c.rule);
    REQUIRE(info != nullptr);
    for (const auto& d : bad.diagnostics) {
      if (d.rule == c.rule) CHECK(d.severity == info->severity);
    }
    CAPTURE(c.good);
    const LintResult good = lint(c.good, c.profile, c.token);
    CHECK_FALSE(has_rule(good, c.rule));
  }
}

TEST_CASE("lint: the platform documents' complete examples lint clean") {
  const auto convrs = lint_json_text(test::read_file(test::data_path("convrs-complete.json")),
                                     Profile::auto_detect, kNow);
  CHECK(convrs.profile == Profile::convrs);
  CHECK(convrs.diagnostics.empty());
  const auto eloquent = lint_json_text(test::read_file(test::data_path("eloquent-example.json")),
                                       Profile::auto_detect, kNow);
  CHECK(eloquent.profile == Profile::eloquent);
  CHECK(eloquent.diagnostics.empty());
  // The agentData example of the Convrs document, with every display type.
  const auto all_types = lint_json_text(test::read_file(test::data_path("convrs-agentdata.json")),
                                        Profile::auto_detect, kNow);
  CHECK(all_types.diagnostics.empty());
}

TEST_CASE("lint: positions on a multi-line file, missing members at the opening brace") {
  const std::string text =
      "{\n"
      "  \"userId\": \"u\",\r\n"
      "  \"agentData\": [\n"
      "    { \"label\": \"Plan\", \"value\": \"x\", \"type\": \"status\", \"color\": \"Info\" },\n"
      "    { \"value\": \"é\" }\n"
      "  ]\n"
      "}\n";
  const auto r = lint_json_text(text, Profile::auto_detect, kNow);
  bool color = false, label = false;
  for (const auto& d : r.diagnostics) {
    if (d.rule == "status-color") {
      REQUIRE(d.position.has_value());
      CHECK(d.position->line == 4);
      CHECK(d.position->column == 56);
      color = true;
    }
    if (d.rule == "missing-required") {
      CHECK(d.path == "/agentData/1/label");
      REQUIRE(d.position.has_value());
      CHECK(d.position->line == 5);
      CHECK(d.position->column == 5);
      label = true;
    }
  }
  CHECK(color);
  CHECK(label);
}

TEST_CASE("lint: syntax errors are findings with the offending character's position") {
  auto r = lint_json_text("{\n  \"a\": 1,\n}", Profile::auto_detect, kNow);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "invalid-json");
  CHECK(r.diagnostics[0].path == "");
  CHECK(r.diagnostics[0].position == TextPosition{2, 10});
  r = lint_json_text("{\"o\": {\"k\": 1,\n \"k\": 2}}", Profile::auto_detect, kNow);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].rule == "duplicate-member");
  CHECK(r.diagnostics[0].path == "/o/k");
  CHECK(r.diagnostics[0].position == TextPosition{2, 2});
  r = lint_json_text("[1]", Profile::auto_detect, kNow);
  CHECK(r.diagnostics[0].rule == "invalid-json");
  r = lint_json_text("\xEF\xBB\xBF{}", Profile::auto_detect, kNow);
  CHECK(r.diagnostics[0].rule == "invalid-json");
}

TEST_CASE("lint: token inputs have no positions, header findings say so") {
  const auto r = lint_token_text(token_of(R"({"alg":"HS512"})", R"({"userId":"u"})"),
                                 Profile::auto_detect, kNow);
  REQUIRE_FALSE(r.diagnostics.empty());
  for (const auto& d : r.diagnostics) CHECK_FALSE(d.position.has_value());
  CHECK(r.diagnostics[0].part == Part::header);
  CHECK(r.profile == Profile::convrs);
}

TEST_CASE("lint: a token's sensitive-data findings come in document order") {
  // A token has no positions to sort by, so the walk's order is what users read.
  const auto r = lint_token_text(
      token_of(R"({"alg":"HS256"})",
               R"({"userId":"u","exp":1776958200,"a":{"password":"p","z":{"apiKey":"k"}},)"
               R"("card":"4111111111111111","token":"t"})"),
      Profile::generic, kNow);
  std::vector<std::string> paths;
  for (const auto& d : r.diagnostics) {
    if (d.rule == "sensitive-data") paths.push_back(d.path);
  }
  CHECK(paths == std::vector<std::string>{"/a/password", "/a/z/apiKey", "/card", "/token"});
}

TEST_CASE("lint: a long value quoted in a message is cut between characters, not inside one") {
  // The quote and 55 ASCII bytes, then "é" (2 bytes) straddling the 57-byte cut: it is left
  // out whole.
  const std::string value = std::string(55, 'a') + "\u00e9\u00e9\u00e9";
  const auto r =
      lint_json_text(R"({"userId":"u","email":")" + value + R"("})", Profile::convrs, kNow);
  REQUIRE(r.diagnostics.size() == 1);
  const std::string& message = r.diagnostics[0].message;
  CHECK(message.starts_with("\"" + std::string(55, 'a') + "... is not a valid email"));
  CHECK(is_valid_utf8(message));
}

TEST_CASE("lint: token shape") {
  CHECK(is_token_shaped("eyJhbGciOiJIUzI1NiJ9.e30.sig"));
  CHECK(is_token_shaped(" eyJhbGciOiJIUzI1NiJ9.e30.\n"));
  CHECK_FALSE(is_token_shaped("eyJhbGciOiJIUzI1NiJ9..sig"));
  CHECK_FALSE(is_token_shaped("payload.json"));
  CHECK_FALSE(is_token_shaped("a.b.c"));
  CHECK_FALSE(is_token_shaped("eyJhbGciOiJIUzI1NiJ9.e30.s.t"));
}

TEST_CASE("lint: the man page lists every rule") {
  // man/chatjwt.1 is generated from the CLI definition and all_rules() (docs.sync keeps it so).
  const std::string page = test::read_file(std::string(CHATJWT_SOURCE_DIR) + "/man/chatjwt.1");
  REQUIRE_FALSE(page.empty());
  for (const RuleInfo& rule : all_rules()) {
    std::string escaped;
    for (char c : rule.name) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
    CAPTURE(rule.name);
    CHECK(page.find(".BR " + escaped + " ") != std::string::npos);
  }
}
