#include "chatjwt/report.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace chatjwt;

namespace {
std::vector<InputReport> sample() {
  InputReport file;
  file.name = "dir/pay load.json";
  file.is_file = true;
  file.profile = Profile::convrs;
  file.diagnostics.push_back({Severity::error, "status-color", Part::payload, "/agentData/1/color",
                              TextPosition{14, 7}, "\"Info\" has the wrong case; write \"info\""});
  InputReport token;
  token.name = "token#2";
  token.profile = Profile::generic;
  token.diagnostics.push_back({Severity::warning, "header-typ", Part::header, "/typ", std::nullopt,
                               "typ should be \"JWT\", 100%: a,b"});
  InputReport missing;
  missing.name = "nope.json";
  missing.is_file = true;
  missing.error = "cannot read nope.json: No such file or directory";
  return {file, token, missing};
}
}  // namespace

TEST_CASE("report: json has the contract's shape") {
  const auto j = nlohmann::ordered_json::parse(render_json(sample()));
  CHECK(j["errors"] == 1);
  CHECK(j["warnings"] == 1);
  REQUIRE(j["inputs"].size() == 3);
  const auto& d = j["inputs"][0]["diagnostics"][0];
  std::vector<std::string> keys;
  for (const auto& [k, v] : d.items()) keys.push_back(k);
  CHECK(keys ==
        std::vector<std::string>{"severity", "rule", "part", "path", "line", "column", "message"});
  CHECK(d["line"] == 14);
  CHECK(j["inputs"][0]["input"] == "dir/pay load.json");
  CHECK(j["inputs"][0]["profile"] == "convrs");
  CHECK(j["inputs"][1]["diagnostics"][0]["line"].is_null());
  CHECK(j["inputs"][1]["diagnostics"][0]["part"] == "header");
  CHECK(j["inputs"][2]["error"] == "cannot read nope.json: No such file or directory");
  CHECK(j["inputs"][2]["diagnostics"].empty());
}

TEST_CASE("report: text is compiler style") {
  const std::string text = render_text(sample(), false);
  CHECK(text.find("dir/pay load.json:14:7: error: /agentData/1/color: \"Info\" has the wrong case; "
                  "write \"info\" [status-color]\n") != std::string::npos);
  CHECK(text.find("token#2: warning: header /typ: ") != std::string::npos);
  CHECK(render_text(sample(), true).find("\x1b[1;31merror") != std::string::npos);
}

TEST_CASE("report: github annotations escape their properties and data") {
  const std::string text = render_github(sample());
  CHECK(text.find("::error file=dir/pay load.json,line=14,col=7,title=chatjwt status-color::") ==
        0);
  CHECK(text.find("::warning title=chatjwt header-typ::token#2: header /typ: typ should be "
                  "\"JWT\", 100%25: a,b\n") != std::string::npos);
}

TEST_CASE("report: sarif 2.1.0 essentials") {
  const auto j = nlohmann::json::parse(render_sarif(sample(), "0.1.0"));
  CHECK(j["version"] == "2.1.0");
  const auto& run = j["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "chatjwt");
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["tool"]["driver"]["rules"].size() == all_rules().size());
  const auto& first = run["results"][0];
  CHECK(first["ruleId"] == "status-color");
  CHECK(run["tool"]["driver"]["rules"][first["ruleIndex"].get<std::size_t>()]["id"] ==
        "status-color");
  CHECK(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "dir/pay%20load.json");
  CHECK(first["locations"][0]["physicalLocation"]["region"]["startLine"] == 14);
  const auto& second = run["results"][1];
  CHECK_FALSE(second["locations"][0].contains("physicalLocation"));
  CHECK(second["locations"][0]["logicalLocations"][0]["name"] == "token#2");
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
}

TEST_CASE("report: artifact URIs") {
  CHECK(path_to_uri("a b/c%d.json") == "a%20b/c%25d.json");
  CHECK(path_to_uri("dir\\file.json") == "dir/file.json");
  CHECK(path_to_uri("é.json") == "%C3%A9.json");
  CHECK(path_to_uri("x#y?.json") == "x%23y%3F.json");
}
