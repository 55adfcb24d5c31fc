// lint through the binary: inputs, formats, exit status; and lint inside sign and verify.
#include <string>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/tokens.hpp"

using namespace chatjwt::test;

namespace {
const std::string kBad =
    R"({"userId":"u","agentData":[{"label":"a","value":"x","type":"status","color":"Info"}]})";
const std::string kWarn = R"({"userId":"u","plan":"gold"})";
const std::map<std::string, std::string> kEnv = {{"CONVRS_SIGNING_SECRET", kSecret}};
}  // namespace

TEST_CASE("cli lint: exit status 0, 1 and 2") {
  CHECK(run_chatjwt({"lint", data_path("convrs-complete.json"), data_path("eloquent-example.json")})
            .status == 0);
  const TempFile bad(kBad, ".json");
  const TempFile warn(kWarn, ".json");
  auto r = run_chatjwt({"lint", bad.path()});
  CHECK(r.status == 1);
  CHECK(r.out.find(bad.path() + ":1:") != std::string::npos);
  CHECK(r.out.find("[status-color]") != std::string::npos);
  CHECK(run_chatjwt({"lint", warn.path()}).status == 0);
  CHECK(run_chatjwt({"lint", "--strict", warn.path()}).status == 1);
  CHECK(run_chatjwt({"lint", "/nonexistent.json"}).status == 2);
  CHECK(run_chatjwt({"lint", bad.path(), "/nonexistent.json"}).status == 2);
  const TempFile empty(" \n", ".json");
  CHECK(run_chatjwt({"lint", empty.path()}).status == 2);
  const TempFile syntax("{\n\"userId\": \"u\",\n}", ".json");
  r = run_chatjwt({"lint", syntax.path()});
  CHECK(r.status == 1);
  CHECK(r.out.find(syntax.path() + ":2:15: error: payload: trailing comma") != std::string::npos);
}

TEST_CASE("cli lint: tokens as arguments are named token#N, never echoed") {
  const std::string token = make_token(R"({"alg":"HS512"})", R"({"userId":"u"})");
  const auto r =
      run_chatjwt({"lint", "--format", "json", data_path("convrs-complete.json"), token});
  CHECK(r.status == 1);
  CHECK(r.out.find(token) == std::string::npos);
  const auto j = parse_json_line(r.out);
  CHECK(j["inputs"][1]["input"] == "token#2");
  CHECK(j["inputs"][1]["diagnostics"][0]["part"] == "header");
  CHECK(j["inputs"][1]["diagnostics"][0]["line"].is_null());
  // A token without exp draws missing-exp; a JSON payload file does not.
  bool missing_exp = false;
  for (const auto& d : j["inputs"][1]["diagnostics"])
    missing_exp = missing_exp || d["rule"] == "missing-exp";
  CHECK(missing_exp);
}

TEST_CASE("cli lint: standard input holds JSON (with positions) or a token") {
  auto r = run_with_input({"lint", "--format", "json"}, "{\n  \"userId\": 5\n}\n");
  CHECK(r.status == 1);
  auto j = parse_json_line(r.out);
  CHECK(j["inputs"][0]["input"] == "-");
  CHECK(j["inputs"][0]["diagnostics"][0]["line"] == 2);
  CHECK(j["inputs"][0]["diagnostics"][0]["column"] == 3);
  r = run_with_input({"lint", "-"}, convrs_token() + "\n");
  CHECK(r.status == 0);
  r = run_with_input({"lint", "--format", "json"}, "");
  CHECK(r.status == 2);
  j = parse_json_line(r.out);
  CHECK(j["inputs"][0]["error"].is_string());
  CHECK(j["inputs"][0]["diagnostics"].empty());
}

TEST_CASE("cli lint: sarif and github formats") {
  const TempFile bad(kBad, ".json");
  auto r = run_chatjwt({"lint", "--format", "sarif", bad.path()});
  CHECK(r.status == 1);
  const auto sarif = nlohmann::json::parse(r.out);
  CHECK(sarif["runs"][0]["results"][0]["ruleId"] == "status-color");
  r = run_chatjwt({"lint", "--format", "github", bad.path()});
  CHECK(r.out.rfind("::error file=" + bad.path() + ",line=1,col=", 0) == 0);
}

TEST_CASE("cli lint: --list-rules lists every rule with its source") {
  const auto r = run_chatjwt({"lint", "--list-rules"});
  CHECK(r.status == 0);
  for (const char* rule :
       {"invalid-json", "status-color", "sensitive-data", "long-lifetime", "header-typ"}) {
    CAPTURE(rule);
    CHECK(r.out.find(rule) != std::string::npos);
  }
  CHECK(r.out.find("source: ") != std::string::npos);
}

TEST_CASE("cli sign: lint errors stop the signing unless --force") {
  const TempFile bad(kBad, ".json");
  RunOptions options;
  options.env = kEnv;
  auto r = run_chatjwt({"sign", bad.path()}, options);
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("[status-color]") != std::string::npos);
  CHECK(r.err.find("--force") != std::string::npos);
  r = run_chatjwt({"sign", "--force", bad.path()}, options);
  CHECK(r.status == 0);
  CHECK(r.out.rfind("eyJ", 0) == 0);
  const TempFile warn(kWarn, ".json");
  r = run_chatjwt({"sign", warn.path()}, options);
  CHECK(r.status == 0);
  CHECK(r.err.find("[unknown-claim]") != std::string::npos);
}

TEST_CASE("cli verify: lint findings are warnings, --strict rejects with code lint") {
  const std::string token = make_token(kHeader, R"({"userId":"u","plan":"gold","exp":1776958200})");
  RunOptions options;
  options.env = kEnv;
  auto r = run_chatjwt({"verify", "--json", "--now", kNowText, token}, options);
  CHECK(r.status == 0);
  auto j = parse_json_line(r.out);
  REQUIRE(j["warnings"].size() == 1);
  CHECK(j["warnings"][0]["rule"] == "unknown-claim");
  CHECK(j["warnings"][0]["line"].is_null());
  r = run_chatjwt({"verify", "--json", "--strict", "--now", kNowText, token}, options);
  CHECK(r.status == 1);
  j = parse_json_line(r.out);
  CHECK(j["error"]["code"] == "lint");
  CHECK(j["secret_index"] == 0);
  r = run_chatjwt({"verify", "--json", "--no-lint", "--now", kNowText, token}, options);
  CHECK(parse_json_line(r.out)["warnings"].empty());
  CHECK(run_chatjwt({"verify", "--strict", "--no-lint", token}, options).status == 2);
  CHECK(run_chatjwt({"verify", "--strict", "--now", kNowText, convrs_token()}, options).status ==
        0);
}
