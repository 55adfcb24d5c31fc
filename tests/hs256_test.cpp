#include "chatjwt/hs256.hpp"

#include <string>

#include <doctest/doctest.h>

#include "chatjwt/base64url.hpp"

namespace {
std::string hex(const chatjwt::Digest& d) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : d) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return out;
}
}  // namespace

TEST_CASE("hs256: RFC 4231 test case 2 (key 'Jefe')") {
  const auto mac = chatjwt::hs256("Jefe", "what do ya want for nothing?");
  REQUIRE(mac.has_value());
  CHECK(hex(*mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("hs256: RFC 7515 appendix A.1 known answer") {
  // The JWK "k" of A.1, and the signing input and signature the RFC prints.
  const auto key = chatjwt::base64url_decode(
      "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
  REQUIRE(key.has_value());
  const std::string input =
      "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVl"
      "fQ";
  const chatjwt::Hs256Key k(*key);
  REQUIRE(k.ok());
  chatjwt::Digest mac{};
  REQUIRE(k.mac(input, mac));
  CHECK(chatjwt::base64url_encode(std::string(reinterpret_cast<const char*>(mac.data()), 32)) ==
        "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  const auto signature = chatjwt::base64url_decode("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
  CHECK(k.verify(input, *signature));
}

TEST_CASE("hs256: a reused key gives the same MAC every time, and verify is exact") {
  const chatjwt::Hs256Key key("a secret that is long enough for HS256!!");
  chatjwt::Digest first{}, second{}, other{};
  REQUIRE(key.mac("message one", first));
  REQUIRE(key.mac("message two", other));
  REQUIRE(key.mac("message one", second));
  CHECK(first == second);
  CHECK(first != other);
  std::string sig(reinterpret_cast<const char*>(first.data()), first.size());
  CHECK(key.verify("message one", sig));
  CHECK_FALSE(key.verify("message two", sig));
  SUBCASE("a signature of another length never matches") {
    CHECK_FALSE(key.verify("message one", sig.substr(0, 31)));
    CHECK_FALSE(key.verify("message one", sig + "x"));
    CHECK_FALSE(key.verify("message one", ""));
  }
  SUBCASE("one flipped bit is a mismatch") {
    sig[31] = static_cast<char>(sig[31] ^ 1);
    CHECK_FALSE(key.verify("message one", sig));
  }
}

TEST_CASE("hs256: secret bytes move, and wipe empties a string") {
  chatjwt::SecretBytes a("hunter2");
  CHECK(a.view() == "hunter2");
  chatjwt::SecretBytes b(std::move(a));
  CHECK(b.view() == "hunter2");
  CHECK(a.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  std::string copy = "secret text";
  chatjwt::wipe(copy);
  CHECK(copy.empty());
}
