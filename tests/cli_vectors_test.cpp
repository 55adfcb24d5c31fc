// Public test vectors (Wycheproof JWS HS256, RFC 7520 §4.4) with the verdict each gets under the
// contract, run through the binary as a single token and as a --batch line.
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "chatjwt/token_finder.hpp"

#include "support/process.hpp"
#include "support/tokens.hpp"

using namespace chatjwt::test;

namespace {

struct Case {
  std::string id;
  nlohmann::json data;
};

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  std::ifstream in(data_path("wycheproof-jws-hs256.cases.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    cases.push_back({j["id"].get<std::string>(), j});
  }
  return cases;
}

std::vector<std::string> base_args(const nlohmann::json& c) {
  std::vector<std::string> args = {"verify",    "--json",
                                   "--now",     std::to_string(c["now"].get<long long>()),
                                   "--leeway",  std::to_string(c["leeway"].get<long long>()),
                                   "--profile", c["profile"].get<std::string>()};
  for (const auto& name : c["require"])
    args.insert(args.end(), {"--require", name.get<std::string>()});
  std::string encoding;
  for (const auto& s : c["secrets"]) {
    if (!encoding.empty()) REQUIRE(s["encoding"] == encoding);  // one encoding per call
    encoding = s["encoding"].get<std::string>();
  }
  if (!encoding.empty()) args.insert(args.end(), {"--secret-encoding", encoding});
  return args;
}

RunOptions secrets_env(const nlohmann::json& c, std::vector<std::string>& args) {
  RunOptions options;
  int i = 0;
  for (const auto& s : c["secrets"]) {
    const std::string name = "VECTOR_SECRET_" + std::to_string(i++);
    options.env[name] = s["value"].get<std::string>();
    args.insert(args.end(), {"--secret-env", name});
  }
  return options;
}

void check_verdict(const RunResult& r, const nlohmann::json& expect, bool exit_only_code = false) {
  CHECK(r.status == expect["exit"].get<int>());
  auto j = parse_json_line(r.out);
  if (r.out.find('\n') != r.out.size() - 1) j = parse_json_line(r.out.substr(0, r.out.find('\n')));
  REQUIRE(j.is_object());
  CHECK(j["valid"] == expect["valid"]);
  if (expect["code"].is_null()) {
    CHECK(j["error"].is_null());
  } else {
    CHECK(j["error"]["code"] == expect["code"]);
  }
  if (exit_only_code) return;
  CHECK(j["secret_index"] == expect["secret_index"]);
  if (expect.contains("profile")) CHECK(j["profile"] == expect["profile"]);
}

}  // namespace

TEST_CASE("vectors: every case as a single token") {
  const auto cases = load_cases();
  REQUIRE(cases.size() >= 20);
  for (const auto& c : cases) {
    CAPTURE(c.id);
    auto args = base_args(c.data);
    RunOptions options = secrets_env(c.data, args);
    args.push_back(c.data["token"].get<std::string>());
    check_verdict(run_chatjwt(args, options), c.data["expect"]);
  }
}

TEST_CASE("vectors: every case as a --batch line (lines are never searched)") {
  for (const auto& c : load_cases()) {
    CAPTURE(c.id);
    const std::string token = c.data["token"].get<std::string>();
    auto args = base_args(c.data);
    RunOptions options = secrets_env(c.data, args);
    const TempFile file("# " + c.id + "\n" + token + "\n");
    args.insert(args.end(), {"--batch", file.path()});
    nlohmann::json expect = c.data["expect"];
    // Text that is not bare is searched as a single token but judged whole as a line: malformed.
    if (!chatjwt::is_bare_token_text(chatjwt::trim_token_space(token))) {
      expect["code"] = "malformed";
      expect["valid"] = false;
      expect["exit"] = 1;
      expect["secret_index"] = nullptr;
    }
    const auto r = run_chatjwt(args, options);
    check_verdict(r, expect);
    CHECK(parse_json_line(r.out)["line"] == 2);
  }
}

TEST_CASE("vectors: the Wycheproof source file's own tokens and keys") {
  std::ifstream in(data_path("wycheproof-jws-hs256.json"));
  const auto doc = nlohmann::json::parse(in);
  int seen = 0;
  for (const auto& group : doc["testGroups"]) {
    const std::string key = group["private"]["k"];
    for (const auto& test : group["tests"]) {
      CAPTURE(test["tcId"].get<int>());
      const auto r = run_chatjwt({"verify", "--json", "--now", "1776954600", "--secret-encoding",
                                  "base64url", "--secret-env", "K", test["jws"].get<std::string>()},
                                 {"", {{"K", key}}, -1});
      // Every Wycheproof payload here is plain text, not a JSON object: never a valid JWT.
      CHECK(r.status == 1);
      CHECK(parse_json_line(r.out)["valid"] == false);
      ++seen;
    }
  }
  CHECK(seen == 7);
}
