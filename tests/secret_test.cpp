#include "chatjwt/secret.hpp"

#include <string>

#include <doctest/doctest.h>

using chatjwt::decode_secret;
using chatjwt::SecretEncoding;

namespace {
std::string decoded(const std::string& text, SecretEncoding encoding) {
  auto r = decode_secret(text, encoding, "--secret");
  return r ? std::string(r->view()) : std::string("<error: ") + r.error().message + ">";
}
}  // namespace

TEST_CASE("secret: utf8 takes the bytes as given, white space included") {
  CHECK(decoded(" pass word \n", SecretEncoding::utf8) == " pass word \n");
}

TEST_CASE("secret: base64 and base64url accept either alphabet, padding or none") {
  for (auto encoding : {SecretEncoding::base64, SecretEncoding::base64url}) {
    CAPTURE(chatjwt::to_string(encoding));
    CHECK(decoded("QQ==", encoding) == "A");
    CHECK(decoded("QQ", encoding) == "A");
    CHECK(decoded("QUI=", encoding) == "AB");
    CHECK(decoded("+/+/", encoding) == "\xfb\xff\xbf");
    CHECK(decoded("-_-_", encoding) == "\xfb\xff\xbf");
    CHECK(decoded("+_-/", encoding) == "\xfb\xff\xbf");         // the alphabets mixed
    CHECK(decoded("QU\nJD\r\n REVG\n", encoding) == "ABCDEF");  // as openssl rand -base64 writes
    CHECK(decoded("QR", encoding) == "A");                      // unused bits are ignored
    for (const char* bad : {"QQ=", "Q", "QQ===", "Q===", "QQ=A", "QUJD=", "QQ*", "="}) {
      CAPTURE(bad);
      const auto r = decode_secret(bad, encoding, "--secret");
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == chatjwt::ErrorCode::usage);
    }
  }
}

TEST_CASE("secret: hex is case-insensitive, ignores white space, needs even digits") {
  CHECK(decoded("4a6566 65", SecretEncoding::hex) == "Jefe");
  CHECK(decoded("4A65\n6665", SecretEncoding::hex) == "Jefe");
  CHECK_FALSE(decode_secret("4a6", SecretEncoding::hex, "x").has_value());
  CHECK_FALSE(decode_secret("4g", SecretEncoding::hex, "x").has_value());
}

TEST_CASE("secret: empty and PEM secrets are usage errors that never quote the secret") {
  const auto empty = decode_secret("", SecretEncoding::utf8, "--secret-env K");
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().message.find("empty") != std::string::npos);
  CHECK(decode_secret("  \n", SecretEncoding::hex, "x").error().message.find("empty") !=
        std::string::npos);
  const std::string pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n";
  const auto refused = decode_secret(pem, SecretEncoding::utf8, "--secret-file key.pem");
  REQUIRE_FALSE(refused.has_value());
  CHECK(refused.error().code == chatjwt::ErrorCode::usage);
  CHECK(refused.error().message.find("PEM") != std::string::npos);
  CHECK(refused.error().message.find("MFkw") == std::string::npos);
  // The PEM marker hidden in base64 is refused too.
  const auto hidden =
      decode_secret("LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0=", SecretEncoding::base64, "x");
  REQUIRE_FALSE(hidden.has_value());
  CHECK(hidden.error().message.find("PEM") != std::string::npos);
  const auto bad = decode_secret("s3cr3t!!", SecretEncoding::hex, "--secret");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("s3cr3t") == std::string::npos);
}

TEST_CASE("secret: a file loses exactly one trailing newline") {
  CHECK(chatjwt::strip_one_newline("abc\n") == "abc");
  CHECK(chatjwt::strip_one_newline("abc\r\n") == "abc");
  CHECK(chatjwt::strip_one_newline("abc\n\n") == "abc\n");
  CHECK(chatjwt::strip_one_newline("abc \n") == "abc ");
  CHECK(chatjwt::strip_one_newline("abc\r") == "abc\r");
  CHECK(chatjwt::strip_one_newline("abc") == "abc");
}
