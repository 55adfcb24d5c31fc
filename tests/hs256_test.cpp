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

// RFC 4231 §4 (HMAC-SHA-256 outputs): short keys, data longer than a block, and keys longer than
// the 64-byte block, which are hashed first. Then keys of exactly 64 and 65 bytes, and the
// empty key (values from Python's hmac module).
TEST_CASE("hs256: RFC 4231 test cases 1, 3, 4, 6, 7 and the block-size boundaries") {
  std::string key4;
  for (int i = 1; i <= 25; ++i) key4.push_back(static_cast<char>(i));
  const struct {
    std::string key;
    std::string data;
    const char* mac;
  } rows[] = {
      {std::string(20, '\x0b'), "Hi There",
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {std::string(20, '\xaa'), std::string(50, '\xdd'),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      {key4, std::string(50, '\xcd'),
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
      {std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {std::string(131, '\xaa'),
       "This is a test using a larger than block-size key and a larger than block-size data. The "
       "key needs to be hashed before being used by the HMAC algorithm.",
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
      {std::string(64, 'k'), "block-size key",
       "3639ed45f96410ae1abf821aaf15a4e616209464f7e06fb79435d35e485bd3c2"},
      {std::string(65, 'k'), "one past the block size",
       "f6ec0a08c54aeff71dab26c95b1de5c8c44ce7c1ed3e33aa6c141719160289bb"},
      {"", "empty key", "bf6e6a0f34cd9fdf69c67b8c62969c87cd4f783d4665217df03f062dc4a0406e"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.mac);
    const auto mac = chatjwt::hs256(row.key, row.data);
    REQUIRE(mac.has_value());
    CHECK(hex(*mac) == row.mac);
    // The same through a reused key and its clone, twice each: no state leaks between messages.
    const chatjwt::Hs256Key key(row.key);
    const chatjwt::Hs256Key copy = key.clone();
    for (int i = 0; i < 2; ++i) {
      chatjwt::Digest out{};
      REQUIRE(key.mac(row.data, out));
      CHECK(hex(out) == row.mac);
      REQUIRE(copy.mac(row.data, out));
      CHECK(hex(out) == row.mac);
    }
  }
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
