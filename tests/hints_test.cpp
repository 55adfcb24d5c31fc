#include "chatjwt/hints.hpp"

#include <string>

#include <doctest/doctest.h>

#include "chatjwt/base64url.hpp"

using namespace chatjwt;

namespace {

constexpr std::int64_t kNow = 1776954600;

std::string make(const std::string& header, const std::string& payload, const std::string& key) {
  const std::string input = base64url_encode(header) + "." + base64url_encode(payload);
  const auto mac = hs256(key, input);
  return input + "." +
         base64url_encode(std::string(reinterpret_cast<const char*>(mac->data()), 32));
}

std::vector<std::string> hints_for(const std::string& token,
                                   const std::string& secret = "s3cret-0123456789abcdef0123456789",
                                   Profile profile = Profile::auto_detect) {
  const TokenCheck check = check_token(token, profile);
  std::vector<Hs256Key> keys;
  keys.emplace_back(secret);
  ClaimRules rules;
  rules.now = kNow;
  return explain(check, verify_checked(check, keys, rules), rules);
}

bool any_contains(const std::vector<std::string>& hints, std::string_view part) {
  for (const auto& h : hints) {
    if (h.find(part) != std::string::npos) return true;
  }
  return false;
}

const std::string kKey = "s3cret-0123456789abcdef0123456789";
const std::string kH = R"({"alg":"HS256","typ":"JWT"})";

}  // namespace

TEST_CASE("hints: algorithms the platforms refuse") {
  CHECK(any_contains(hints_for(make(R"({"alg":"none"})", R"({"sub":"x"})", kKey)),
                     "not signed at all"));
  CHECK(any_contains(hints_for(make(R"({"alg":"HS512"})", R"({"sub":"x"})", kKey)),
                     "algorithm HS256"));
  CHECK(any_contains(hints_for(make(R"({"alg":"HS256","crit":["x"]})", R"({"sub":"x"})", kKey)),
                     "remove crit"));
}

TEST_CASE("hints: expiry, milliseconds and clock skew") {
  CHECK(any_contains(hints_for(make(kH, R"({"userId":"u","exp":1776943800})", kKey)),
                     "expired 3 h ago"));
  CHECK(any_contains(hints_for(make(kH, R"({"userId":"u","exp":1776958200000})", kKey)),
                     "looks like milliseconds"));
  CHECK(
      any_contains(hints_for(make(kH, R"({"userId":"u","iat":1776958200,"exp":1776961800})", kKey)),
                   "iat is 1 h in the future"));
  CHECK_FALSE(
      any_contains(hints_for(make(kH, R"({"userId":"u","iat":1776954630})", kKey)), "future"));
  CHECK(any_contains(hints_for(make(kH, R"({"userId":"u","nbf":1776958200})", kKey)),
                     "nbf is 1 h ahead"));
}

TEST_CASE("hints: claims") {
  CHECK(any_contains(hints_for(make(kH, R"({"exp":"soon"})", kKey)), "plain numbers"));
  CHECK(any_contains(hints_for(make(kH, R"({"email":"a@b.co"})", kKey), kKey, Profile::eloquent),
                     "add \"user_id\""));
  CHECK(hints_for(make(kH, R"({"userId":"u","exp":1776958200})", kKey)).empty());
}

TEST_CASE("hints: a bad signature's usual mistakes are tried") {
  struct Row {
    const char* name;
    std::string signer_key;  // what the token was signed with
    std::string given_text;  // the secret as given to verify
    SecretEncoding encoding;
    const char* meaning;
  };
  const std::string raw = std::string("\x01\x02\xfe", 3) + std::string(29, 'z');
  const Row rows[] = {
      {"signer kept a newline", kKey + "\n", kKey, SecretEncoding::utf8, "with a trailing newline"},
      {"signer kept CRLF", kKey + "\r\n", kKey, SecretEncoding::utf8, "with a trailing CRLF"},
      {"signer kept a space", kKey + " ", kKey, SecretEncoding::utf8, "with a trailing space"},
      {"our copy has a newline", kKey, kKey + "\n", SecretEncoding::utf8,
       "without its trailing white space"},
      {"base64 secret used as text", raw, base64url_encode(raw), SecretEncoding::utf8,
       "read as base64"},
      {"text secret read as base64", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo",
       "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo", SecretEncoding::base64, "read as utf8"},
      {"hex secret used as text", "Jefe-0123456789abcdef0123456789ab",
       "4a6566652d303132333435363738396162636465663031323334353637383961 62", SecretEncoding::utf8,
       "read as hex"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const std::string token = make(kH, R"({"userId":"u"})", row.signer_key);
    const TokenCheck check = check_token(token, Profile::auto_detect);
    const auto candidates = secret_variants(row.given_text, row.encoding, "--secret-file k");
    const auto matches = matching_candidates(check, candidates);
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].find(row.meaning) != std::string::npos);
    CHECK(matches[0].find("--secret-file k") != std::string::npos);
  }
  // A secret that is simply different matches no variant.
  const std::string other = make(kH, R"({"userId":"u"})", "other-0123456789abcdef0123456789");
  const TokenCheck check = check_token(other, Profile::auto_detect);  // views into other
  CHECK(matching_candidates(check, secret_variants(kKey, SecretEncoding::utf8, "x")).empty());
}

TEST_CASE("hints: pasted JSON where a token was expected") {
  auto h = explain_no_token(R"(<script>var ConvrsUser = {"userId": "u"};</script>)");
  REQUIRE(h.has_value());
  CHECK(h->find("sign the payload first") != std::string::npos);
  h = explain_no_token(R"({"user_id": "u", "email": "a@b.co"})");
  REQUIRE(h.has_value());
  CHECK(h->find("JSON payload, not a token") != std::string::npos);
  CHECK_FALSE(explain_no_token("hello there").has_value());
}
