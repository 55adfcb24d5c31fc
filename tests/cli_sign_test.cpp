// sign through the binary: defaults, options, snippets, and what it refuses.
#include <string>

#include <doctest/doctest.h>

#include "chatjwt/base64url.hpp"

#include "support/process.hpp"
#include "support/tokens.hpp"

using namespace chatjwt::test;

namespace {

const std::map<std::string, std::string> kEnv = {{"CONVRS_SIGNING_SECRET", kSecret},
                                                 {"ELOQUENT_JWT_SECRET", kSecret},
                                                 {"CHATJWT_SECRET", kSecret}};

RunResult sign(std::vector<std::string> args, const std::string& input = "",
               const std::map<std::string, std::string>& env = kEnv) {
  args.insert(args.begin(), {"sign", "--now", kNowText});
  RunOptions options;
  options.env = env;
  options.input = input;
  return run_chatjwt(args, options);
}

nlohmann::ordered_json payload_of(const std::string& token) {
  const auto first = token.find('.');
  const auto second = token.find('.', first + 1);
  const auto bytes = chatjwt::base64url_decode(token.substr(first + 1, second - first - 1));
  return nlohmann::ordered_json::parse(bytes.value_or("null"));
}

std::string trimmed(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

}  // namespace

TEST_CASE("cli sign: the token and a newline, nothing else, it verifies") {
  const auto r = sign({data_path("convrs-complete.json")});
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
  const std::string token = trimmed(r.out);
  CHECK(token.rfind(chatjwt::base64url_encode(R"({"alg":"HS256","typ":"JWT"})") + ".", 0) == 0);
  const auto payload = payload_of(token);
  CHECK(payload["iat"] == kNow);
  CHECK(payload["exp"] == kNow + 3600);
  CHECK(payload["agentData"].size() == 6);
  RunOptions options;
  options.env = kEnv;
  CHECK(run_chatjwt({"verify", "--now", kNowText, token}, options).status == 0);
}

TEST_CASE("cli sign: expiry options") {
  CHECK(payload_of(trimmed(sign({"--expires-in", "90"}).out))["exp"] == kNow + 90);
  CHECK(payload_of(trimmed(sign({"--expires-in", "1h30m"}).out))["exp"] == kNow + 5400);
  const auto never = sign({"--no-expiry"});
  CHECK(never.status == 0);
  CHECK_FALSE(payload_of(trimmed(never.out)).contains("exp"));
  CHECK(never.err.find("warning: --no-expiry") != std::string::npos);
  CHECK(payload_of(trimmed(sign({"--not-before", "5m"}).out))["nbf"] == kNow + 300);
  CHECK(payload_of(trimmed(sign({"--not-before", "2026-04-23T15:00:00Z"}).out))["nbf"] ==
        kNow + 1800);
  CHECK(sign({"--not-before", "soon"}).status == 2);
}

TEST_CASE("cli sign: a payload's own iat and exp, conflicts are usage errors") {
  const TempFile own(R"({"userId":"u","iat":1000,"exp":2000})");
  CHECK(payload_of(trimmed(sign({own.path()}).out))["exp"] == 2000);
  const TempFile iat_only(R"({"userId":"u","iat":1000})");
  CHECK(payload_of(trimmed(sign({iat_only.path()}).out))["exp"] == 4600);
  CHECK(sign({own.path(), "--expires-in", "1h"}).status == 2);
  CHECK(sign({own.path(), "--no-expiry"}).status == 2);
  CHECK(sign({"--claim", "exp=5", "--expires-in", "1h"}).status == 2);
  const TempFile text_iat(R"({"userId":"u","iat":"now"})");
  CHECK(sign({text_iat.path()}).status == 1);
}

TEST_CASE("cli sign: --claim merges JSON values or strings, before profile detection") {
  const auto r = sign({"--claim", "user_id=u-1", "--claim", "vip=true", "--claim", "tier=3",
                       "--claim", "tags=[\"a\"]"});
  REQUIRE(r.status == 0);
  const auto payload = payload_of(trimmed(r.out));
  CHECK(payload["user_id"] == "u-1");
  CHECK(payload["vip"] == true);
  CHECK(payload["tier"] == 3);
  CHECK(payload["tags"][0] == "a");
  // user_id made it eloquent: only ELOQUENT_JWT_SECRET is needed.
  CHECK(sign({"--claim", "user_id=u"}, "", {{"ELOQUENT_JWT_SECRET", kSecret}}).status == 0);
  CHECK(sign({"--claim", "nothing"}).status == 2);
}

TEST_CASE("cli sign: --format html writes the profile's snippet") {
  auto r = sign({data_path("convrs-complete.json"), "--format", "html"});
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("<script>var ConvrsUser = \"eyJ", 0) == 0);
  CHECK(r.out.find("\";</script>\n") != std::string::npos);
  r = sign({data_path("eloquent-example.json"), "--format", "html"});
  REQUIRE(r.status == 0);
  CHECK(r.out.rfind("<script>window.eloquent(\"identify\", { token: \"eyJ", 0) == 0);
  CHECK(r.out.find("\" });</script>\n") != std::string::npos);
  r = sign({"--format", "html"});
  CHECK(r.status == 2);
  CHECK(r.err.find("generic") != std::string::npos);
}

TEST_CASE("cli sign: payload input and its errors") {
  CHECK(payload_of(trimmed(sign({"-"}, R"({"user_id":"from-stdin"})").out))["user_id"] ==
        "from-stdin");
  CHECK(payload_of(trimmed(sign({}).out)).size() == 2);  // {} plus iat and exp
  const TempFile bad("{\n  \"userId\": \"u\",\n}\n");
  auto r = sign({bad.path()});
  CHECK(r.status == 1);
  CHECK(r.err.find(bad.path() + ":2:17: the payload is not a valid JSON object: trailing comma") !=
        std::string::npos);
  const TempFile bom("\xEF\xBB\xBF{}");
  CHECK(sign({bom.path()}).status == 1);
  const TempFile array("[1]");
  CHECK(sign({array.path()}).status == 1);
  const TempFile empty(" \n");
  CHECK(sign({empty.path()}).status == 2);
  CHECK(sign({"/nonexistent/payload.json"}).status == 2);
  CHECK(sign({"/"}).status == 2);  // a directory
}

TEST_CASE("cli sign: secrets") {
  auto r = sign({data_path("convrs-complete.json")}, "", {});
  CHECK(r.status == 2);
  CHECK(r.err.find("CONVRS_SIGNING_SECRET is not set") != std::string::npos);
  CHECK(sign({"--secret", "a-0123456789abcdef0123456789abcdef", "--secret", "b"}).status == 2);
  r = sign({"--secret-encoding", "hex", "--secret", "6b6b6b6b"}, "", {});
  CHECK(r.status == 0);
  CHECK(r.err.find("4 bytes") != std::string::npos);
}
