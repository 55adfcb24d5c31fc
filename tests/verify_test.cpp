#include "chatjwt/verify.hpp"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "chatjwt/base64url.hpp"
#include "chatjwt/hs256.hpp"

using chatjwt::ErrorCode;
using chatjwt::Profile;

namespace {

constexpr std::int64_t kNow = 1776954600;  // 2026-04-23T14:30:00Z
const std::string kSecret = "verify-test-secret-0123456789abcdef";

std::string seg(const std::string& s) { return chatjwt::base64url_encode(s); }

std::string make(const std::string& header, const std::string& payload,
                 const std::string& secret = kSecret) {
  std::string input = seg(header) + "." + seg(payload);
  const auto mac = chatjwt::hs256(secret, input);
  return input + "." + seg(std::string(reinterpret_cast<const char*>(mac->data()), mac->size()));
}

struct Outcome {
  std::optional<ErrorCode> code;
  std::optional<std::size_t> secret_index;
  Profile profile;
  std::string message;
};

Outcome verify(const std::string& token, chatjwt::ClaimRules rules = {},
               Profile profile = Profile::auto_detect,
               const std::vector<std::string>& secrets = {kSecret}) {
  if (rules.now == 0) rules.now = kNow;
  std::vector<chatjwt::Hs256Key> keys;
  for (const auto& s : secrets) keys.emplace_back(s);
  const auto check = chatjwt::check_token(token, profile);
  const auto verdict = chatjwt::verify_checked(check, keys, rules);
  Outcome out;
  if (verdict.error) {
    out.code = verdict.error->code;
    out.message = verdict.error->message;
  }
  out.secret_index = verdict.secret_index;
  out.profile = check.profile.profile;
  return out;
}

const std::string kHs = R"({"alg":"HS256","typ":"JWT"})";

}  // namespace

TEST_CASE("verify: a good token is accepted, naming its secret") {
  const auto o = verify(make(kHs, R"({"userId":"u-1","exp":1776958200})"));
  CHECK_FALSE(o.code.has_value());
  CHECK(o.secret_index == 0);
  CHECK(o.profile == Profile::convrs);
}

TEST_CASE("verify: every row of the contract's table, in its order") {
  struct Row {
    const char* name;
    std::string token;
    ErrorCode code;
  };
  const std::string p = R"({"sub":"x","exp":1776958200})";
  const Row rows[] = {
      {"1 two segments", seg(kHs) + "." + seg(p), ErrorCode::malformed},
      {"1 padding in a segment", seg(kHs) + "." + seg(p) + "=.", ErrorCode::malformed},
      {"1 payload not an object", make(kHs, "[1]"), ErrorCode::malformed},
      {"1 repeated member", make(kHs, R"({"exp":1,"exp":2})"), ErrorCode::malformed},
      {"2 alg none", make(R"({"alg":"none"})", p), ErrorCode::unsupported_algorithm},
      {"2 alg hs256 (case)", make(R"({"alg":"hs256"})", p), ErrorCode::unsupported_algorithm},
      {"2 alg HS512", make(R"({"alg":"HS512"})", p), ErrorCode::unsupported_algorithm},
      {"2 alg RS256", make(R"({"alg":"RS256"})", p), ErrorCode::unsupported_algorithm},
      {"2 alg missing", make(R"({"typ":"JWT"})", p), ErrorCode::unsupported_algorithm},
      {"2 alg not a string", make(R"({"alg":["HS256"]})", p), ErrorCode::unsupported_algorithm},
      {"3 crit", make(R"({"alg":"HS256","crit":["exp"]})", p), ErrorCode::unsupported_header},
      {"4 wrong secret", make(kHs, p, "another-secret-0123456789abcdefgh"),
       ErrorCode::bad_signature},
      {"4 empty signature", seg(kHs) + "." + seg(p) + ".", ErrorCode::bad_signature},
      {"4 short signature", seg(kHs) + "." + seg(p) + ".c2ln", ErrorCode::bad_signature},
      {"5 exp a string", make(kHs, R"({"exp":"1776958200"})"), ErrorCode::invalid_claim},
      {"5 nbf null", make(kHs, R"({"nbf":null})"), ErrorCode::invalid_claim},
      {"5 iat a boolean", make(kHs, R"({"iat":true})"), ErrorCode::invalid_claim},
      {"5 eloquent user_id a number", make(kHs, R"({"user_id":42})"), ErrorCode::invalid_claim},
      {"6 expired", make(kHs, R"({"exp":1776954600})"), ErrorCode::expired},
      {"7 not yet valid", make(kHs, R"({"nbf":1776954601})"), ErrorCode::not_yet_valid},
      {"8 eloquent without user_id", make(kHs, R"({"email":"a@b.c"})"), ErrorCode::missing_claim},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const Profile profile = std::string(row.name).find("eloquent") != std::string::npos
                                ? Profile::eloquent
                                : Profile::auto_detect;
    const auto o = verify(row.token, {}, profile);
    REQUIRE(o.code.has_value());
    CHECK(*o.code == row.code);
  }
}

TEST_CASE("verify: the first failure decides") {
  // alg none and expired: check 2 wins; bad signature and expired: check 4 wins.
  CHECK(verify(make(R"({"alg":"none"})", R"({"exp":1})")).code == ErrorCode::unsupported_algorithm);
  CHECK(verify(make(kHs, R"({"exp":1})", "wrong-secret-0123456789abcdefghij")).code ==
        ErrorCode::bad_signature);
  CHECK(verify(make(kHs, R"({"exp":"x","nbf":1e300})")).code == ErrorCode::invalid_claim);
  CHECK(verify(make(kHs, R"({"exp":1,"nbf":1e300})")).code == ErrorCode::expired);
  CHECK(verify(make(R"({"alg":"HS256","crit":[]})", "[]")).code == ErrorCode::malformed);
}

TEST_CASE("verify: boundaries of exp and nbf, with leeway") {
  chatjwt::ClaimRules rules;
  rules.now = kNow;
  CHECK(verify(make(kHs, R"({"exp":1776954601})"), rules).code == std::nullopt);
  CHECK(verify(make(kHs, R"({"exp":1776954600})"), rules).code == ErrorCode::expired);
  CHECK(verify(make(kHs, R"({"nbf":1776954600})"), rules).code == std::nullopt);
  rules.leeway = 60;
  CHECK(verify(make(kHs, R"({"exp":1776954541})"), rules).code == std::nullopt);
  CHECK(verify(make(kHs, R"({"exp":1776954540})"), rules).code == ErrorCode::expired);
  CHECK(verify(make(kHs, R"({"nbf":1776954660})"), rules).code == std::nullopt);
  CHECK(verify(make(kHs, R"({"nbf":1776954661})"), rules).code == ErrorCode::not_yet_valid);
  SUBCASE("huge and fractional numbers compare as doubles") {
    rules.leeway = 0;
    CHECK(verify(make(kHs, R"({"exp":1e300})"), rules).code == std::nullopt);
    CHECK(verify(make(kHs, R"({"exp":-1e300})"), rules).code == ErrorCode::expired);
    CHECK(verify(make(kHs, R"({"exp":1776954600.5})"), rules).code == std::nullopt);
  }
}

TEST_CASE("verify: --require and eloquent's user_id") {
  chatjwt::ClaimRules rules;
  rules.require = {"email", "name"};
  const auto o = verify(make(kHs, R"({"email":"a@b.c"})"), rules);
  CHECK(o.code == ErrorCode::missing_claim);
  CHECK(o.message.find("name") != std::string::npos);
  CHECK(verify(make(kHs, R"({"user_id":"u"})")).code == std::nullopt);
  CHECK(verify(make(kHs, R"({"user_id":"u"})")).profile == Profile::eloquent);
  // Under generic, user_id of any type is just a claim.
  CHECK(verify(make(kHs, R"({"user_id":1})"), {}, Profile::generic).code == std::nullopt);
}

TEST_CASE("verify: secrets are tried in order, and secret_index names the match") {
  const std::vector<std::string> secrets = {"old-secret-0123456789abcdef01234", kSecret};
  const auto o = verify(make(kHs, R"({"sub":"x"})"), {}, Profile::auto_detect, secrets);
  CHECK_FALSE(o.code.has_value());
  CHECK(o.secret_index == 1);
  SUBCASE("a later check does not hide which secret matched") {
    const auto expired = verify(make(kHs, R"({"exp":1})"), {}, Profile::auto_detect, secrets);
    CHECK(expired.code == ErrorCode::expired);
    CHECK(expired.secret_index == 1);
  }
  SUBCASE("no match: null") {
    const auto bad = verify(make(kHs, "{}", "nope-0123456789abcdef0123456789ab"), {},
                            Profile::auto_detect, secrets);
    CHECK(bad.code == ErrorCode::bad_signature);
    CHECK_FALSE(bad.secret_index.has_value());
    CHECK(bad.message.find("none of the 2") != std::string::npos);
  }
}

TEST_CASE("verify: RFC 7515 appendix A.1 token verifies with its key") {
  const std::string token =
      "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVl"
      "fQ."
      "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  const auto key = chatjwt::base64url_decode(
      "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
  chatjwt::ClaimRules rules;
  rules.now = 1300819379;
  CHECK_FALSE(verify(token, rules, Profile::auto_detect, {*key}).code.has_value());
  rules.now = 1300819380;
  CHECK(verify(token, rules, Profile::auto_detect, {*key}).code == ErrorCode::expired);
}
