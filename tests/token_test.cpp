#include "chatjwt/token.hpp"

#include <string>

#include <doctest/doctest.h>

#include "chatjwt/base64url.hpp"

using chatjwt::decode_token;
using chatjwt::ErrorCode;
using chatjwt::split_token;

namespace {
std::string seg(const std::string& s) { return chatjwt::base64url_encode(s); }
}  // namespace

TEST_CASE("token: exactly three segments") {
  const auto ok = split_token("a.b.c");
  REQUIRE(ok.has_value());
  CHECK(ok->header == "a");
  CHECK(ok->payload == "b");
  CHECK(ok->signature == "c");
  CHECK(ok->signing_input == "a.b");
  CHECK(split_token("a.b.").has_value());
  for (const char* bad : {"", "abc", "a.b", "a.b.c.d", "....."}) {
    CAPTURE(bad);
    const auto r = split_token(bad);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::malformed);
  }
}

TEST_CASE("token: 10,000 segments are malformed at once") {
  std::string text;
  for (int i = 0; i < 10'000; ++i) text += i ? ".e30" : "e30";
  const auto r = split_token(text);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.find("more") != std::string::npos);
}

TEST_CASE("token: over 1 MiB is malformed") {
  const std::string big = seg("{}") + "." + std::string(chatjwt::kMaxTokenBytes, 'A') + ".x";
  const auto r = split_token(big);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message.find("1 MiB") != std::string::npos);
}

TEST_CASE("token: decoding checks every segment and both JSON objects") {
  const std::string h = seg(R"({"alg":"HS256"})");
  const std::string p = seg(R"({"sub":"x"})");
  SUBCASE("a good token") {
    const std::string text = h + "." + p + "." + seg(std::string(32, 'x'));
    const auto r = decode_token(text);
    REQUIRE(r.has_value());
    CHECK(r->header == R"({"alg":"HS256"})");
    CHECK(r->payload == R"({"sub":"x"})");
    CHECK(r->signature.size() == 32);
  }
  struct Row {
    const char* name;
    std::string token;
    const char* message_part;
  };
  const Row rows[] = {
      {"empty header", "." + p + ".", "header segment is empty"},
      {"empty payload", h + "..", "payload segment is empty"},
      {"padding", h + "=." + p + ".", "padding"},
      {"standard alphabet", h + "." + p + ".ab+/", "standard base64"},
      {"unused bits", h + ".AB.", "unused bits"},
      {"payload not JSON", h + "." + seg("foo") + ".", "payload is not a JSON object"},
      {"payload an array", h + "." + seg("[1]") + ".", "array"},
      {"header with repeated alg", seg(R"({"alg":"HS256","alg":"none"})") + "." + p + ".",
       "repeated member name"},
      {"bad signature base64url", h + "." + p + ".A", "signature segment is not strict"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    const auto r = decode_token(row.token);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == ErrorCode::malformed);
    CHECK_MESSAGE(r.error().message.find(row.message_part) != std::string::npos, r.error().message);
  }
}
