#include "chatjwt/sign.hpp"

#include <string>

#include <doctest/doctest.h>

#include "chatjwt/base64url.hpp"
#include "chatjwt/verify.hpp"

using chatjwt::ErrorCode;
using chatjwt::Json;

namespace {
constexpr std::int64_t kNow = 1776954600;
chatjwt::TimeClaims defaults() {
  chatjwt::TimeClaims t;
  t.now = kNow;
  return t;
}
}  // namespace

TEST_CASE("sign: iat is now and exp one hour later by default") {
  const auto r = chatjwt::complete_time_claims(Json::parse(R"({"userId":"u"})"), defaults());
  REQUIRE(r.has_value());
  CHECK(chatjwt::to_json_text(*r) == R"({"userId":"u","iat":1776954600,"exp":1776958200})");
}

TEST_CASE("sign: the payload's own iat and exp are kept") {
  const auto r = chatjwt::complete_time_claims(Json::parse(R"({"iat":100})"), defaults());
  REQUIRE(r.has_value());
  CHECK((*r)["exp"] == 3700);
  const auto own = chatjwt::complete_time_claims(Json::parse(R"({"exp":5})"), defaults());
  REQUIRE(own.has_value());
  CHECK((*own)["exp"] == 5);
}

TEST_CASE("sign: exp from an iat at the edges of integers neither overflows nor wraps") {
  // int64's largest (+ 3600 overflowed: undefined behaviour) and uint64's largest (read as -1).
  for (const char* iat : {"9223372036854775807", "18446744073709551615", "-9223372036854775808"}) {
    CAPTURE(iat);
    const auto r = chatjwt::complete_time_claims(Json::parse(std::string(R"({"iat":)") + iat + "}"),
                                                 defaults());
    REQUIRE(r.has_value());
    CHECK((*r)["exp"].get<double>() == doctest::Approx(std::stod(iat) + 3600));
  }
  const auto exact =
      chatjwt::complete_time_claims(Json::parse(R"({"iat":9007199254740991})"), defaults());
  REQUIRE(exact.has_value());
  CHECK((*exact)["exp"] == 9007199254744591.0);
  const auto small = chatjwt::complete_time_claims(Json::parse(R"({"iat":-5})"), defaults());
  REQUIRE(small.has_value());
  CHECK((*small)["exp"] == 3595);
  CHECK((*small)["exp"].is_number_integer());
}

TEST_CASE("sign: explicit options that contradict the payload are usage errors") {
  auto t = defaults();
  t.expires_explicit = true;
  auto r = chatjwt::complete_time_claims(Json::parse(R"({"exp":5})"), t);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == ErrorCode::usage);
  t = defaults();
  t.not_before = kNow + 60;
  r = chatjwt::complete_time_claims(Json::parse(R"({"nbf":5})"), t);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == ErrorCode::usage);
}

TEST_CASE("sign: --no-expiry writes no exp, --not-before writes nbf") {
  auto t = defaults();
  t.no_expiry = true;
  t.expires_explicit = true;
  t.not_before = kNow + 300;
  const auto r = chatjwt::complete_time_claims(Json::object(), t);
  REQUIRE(r.has_value());
  CHECK_FALSE(r->contains("exp"));
  CHECK((*r)["nbf"] == kNow + 300);
}

TEST_CASE("sign: an iat that is not a number cannot take an exp") {
  const auto r = chatjwt::complete_time_claims(Json::parse(R"({"iat":"now"})"), defaults());
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == ErrorCode::invalid_claim);
}

TEST_CASE("sign: --claim values are JSON when they parse, else strings") {
  const std::pair<const char*, const char*> rows[] = {
      {"plan=gold", R"("gold")"},
      {"vip=true", "true"},
      {"n=42", "42"},
      {"n=042", R"("042")"},
      {"o={\"a\":1}", R"({"a":1})"},
      {"s=\"q\"", R"("q")"},
      {"e=", R"("")"},
      {"k=a=b", R"("a=b")"},
      {"z=null", "null"},
      {"d={\"a\":1,\"a\":2}", R"("{\"a\":1,\"a\":2}")"},  // strictly not JSON: a string
  };
  for (const auto& [text, json] : rows) {
    CAPTURE(text);
    const auto c = chatjwt::parse_claim_assignment(text);
    REQUIRE(c.has_value());
    CHECK(chatjwt::to_json_text(c->value) == json);
  }
  CHECK_FALSE(chatjwt::parse_claim_assignment("noequals").has_value());
  CHECK_FALSE(chatjwt::parse_claim_assignment("=value").has_value());
}

TEST_CASE("sign: the header is exact and the token verifies") {
  const chatjwt::Hs256Key key("sign-test-secret-0123456789abcdef!");
  const std::string token =
      chatjwt::sign_token(Json::parse(R"({"user_id":"u","exp":1776958200})"), key);
  CHECK(token.starts_with(chatjwt::base64url_encode(R"({"alg":"HS256","typ":"JWT"})") + "."));
  const auto check = chatjwt::check_token(token, chatjwt::Profile::auto_detect);
  std::vector<chatjwt::Hs256Key> keys;
  keys.emplace_back("sign-test-secret-0123456789abcdef!");
  chatjwt::ClaimRules rules;
  rules.now = kNow;
  const auto verdict = chatjwt::verify_checked(check, keys, rules);
  CHECK_FALSE(verdict.error.has_value());
  CHECK(check.profile.profile == chatjwt::Profile::eloquent);
}
