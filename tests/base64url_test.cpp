#include "chatjwt/base64url.hpp"

#include <string>

#include <doctest/doctest.h>

using chatjwt::base64url_decode;
using chatjwt::base64url_encode;
using chatjwt::base64url_valid;

TEST_CASE("base64url: RFC 4648 §10 vectors, unpadded, both ways") {
  const std::pair<const char*, const char*> rows[] = {
      {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
      {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [plain, encoded] : rows) {
    CAPTURE(plain);
    CHECK(base64url_encode(plain) == encoded);
    const auto decoded = base64url_decode(encoded);
    REQUIRE(decoded.has_value());
    CHECK(*decoded == plain);
  }
}

TEST_CASE("base64url: the URL-safe alphabet, every byte value round-trips") {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  const std::string encoded = base64url_encode(all);
  CHECK(encoded.find_first_of("+/=") == std::string::npos);
  CHECK(base64url_decode(encoded) == all);
  CHECK(base64url_encode("\xfb\xff") == "-_8");
}

TEST_CASE("base64url: strictness of token segments") {
  SUBCASE("padding is refused") {
    CHECK_FALSE(base64url_decode("Zg==").has_value());
    CHECK_FALSE(base64url_decode("Zm8=").has_value());
  }
  SUBCASE("the standard alphabet's + and / are refused") {
    CHECK(base64url_decode("-_8").has_value());
    CHECK_FALSE(base64url_decode("+/8").has_value());
  }
  SUBCASE("a length of 4n+1 encodes nothing") {
    CHECK_FALSE(base64url_decode("Z").has_value());
    CHECK_FALSE(base64url_decode("Zm9vY").has_value());
  }
  SUBCASE("non-zero unused bits are refused (Wycheproof tcId 374: 'AB')") {
    CHECK(base64url_decode("AA").has_value());
    CHECK_FALSE(base64url_decode("AB").has_value());
    CHECK_FALSE(base64url_decode("Zh").has_value());   // 'f' with a stray low bit
    CHECK_FALSE(base64url_decode("Zm9").has_value());  // "fo" needs Zm8
  }
  SUBCASE("white space, NUL and non-ASCII bytes are refused") {
    CHECK_FALSE(base64url_decode("Zm 9v").has_value());
    CHECK_FALSE(base64url_decode(std::string("Zm\0v", 4)).has_value());
    CHECK_FALSE(base64url_decode("Zm\xc3\xa9v").has_value());
  }
  SUBCASE("validation agrees with decoding") {
    for (const char* s : {"", "Zg", "Zg=", "AB", "AA", "Z", "+/8", "-_8", "Zm9vYmFy"}) {
      CAPTURE(s);
      CHECK(base64url_valid(s) == base64url_decode(s).has_value());
    }
  }
}

TEST_CASE("base64url: decoded size") {
  CHECK(chatjwt::base64url_decoded_size(0) == 0);
  CHECK(chatjwt::base64url_decoded_size(2) == 1);
  CHECK(chatjwt::base64url_decoded_size(3) == 2);
  CHECK(chatjwt::base64url_decoded_size(4) == 3);
  CHECK(chatjwt::base64url_decoded_size(43) == 32);
}

// The decoder takes 32 characters at a time where the CPU allows (AVX2): long segments, every
// length around the block boundaries, and every byte value at every position of a block.
TEST_CASE("base64url: long segments decode as the four-at-a-time rule says") {
  std::string bytes;
  for (int i = 0; i < 300; ++i) bytes.push_back(static_cast<char>((i * 73 + 11) & 0xFF));
  for (std::size_t length = 0; length <= bytes.size(); ++length) {
    CAPTURE(length);
    const std::string plain = bytes.substr(0, length);
    const auto decoded = base64url_decode(base64url_encode(plain));
    REQUIRE(decoded.has_value());
    CHECK(*decoded == plain);
  }
  const std::string good = base64url_encode(bytes.substr(0, 96));  // 128 characters
  REQUIRE(good.size() == 128);
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (std::size_t position : {0U, 5U, 31U, 32U, 47U, 63U, 64U, 100U, 127U}) {
    for (int value = 0; value < 256; ++value) {
      std::string text = good;
      text[position] = static_cast<char>(value);
      const bool in_alphabet = alphabet.find(static_cast<char>(value)) != std::string::npos;
      CAPTURE(position);
      CAPTURE(value);
      const auto decoded = base64url_decode(text);
      REQUIRE(decoded.has_value() == in_alphabet);
      if (in_alphabet) {
        // Re-encoding gives the text back: each character went to its own six bits.
        CHECK(base64url_encode(*decoded) == text);
      }
    }
  }
}
