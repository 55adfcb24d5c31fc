// decode through the binary: what a support person sees, and the JSON scripts read.
#include <string>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/tokens.hpp"

using namespace chatjwt::test;

TEST_CASE("cli decode: human output shows header, payload, times, profile, never verifies") {
  const auto r = run_chatjwt({"decode", "--now", "2026-04-23T14:50:00Z", convrs_token()});
  CHECK(r.status == 0);
  for (const char* part :
       {"Header\n", "\"alg\": \"HS256\"", "Payload\n", "\"userId\": \"user-12345\"",
        "iat        2026-04-23T14:30:00Z (20 min ago)",
        "exp        2026-04-23T15:30:00Z (in 40 min)", "lifetime   1 h",
        "convrs (the payload has userId)", "NOT VERIFIED"}) {
    CAPTURE(part);
    CHECK(r.out.find(part) != std::string::npos);
  }
  // A token signed with any secret decodes alike: decode checks nothing.
  const auto other = run_chatjwt({"decode", convrs_token("some-other-secret-0123456789abcdef")});
  CHECK(other.status == 0);
}

TEST_CASE("cli decode: --json has the contract's members") {
  const std::string token = convrs_token();
  const auto r = run_chatjwt({"decode", "--json", token});
  CHECK(r.status == 0);
  const auto j = parse_json_line(r.out);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"header", "payload", "signature", "profile", "verified"});
  CHECK(j["signature"] == token.substr(token.rfind('.') + 1));
  CHECK(j["profile"] == "convrs");
  CHECK(j["verified"] == false);
}

TEST_CASE("cli decode: alg none still decodes, what does not decode exits 1") {
  const auto none = run_chatjwt({"decode", make_token(R"({"alg":"none"})", R"({"user_id":"u"})")});
  CHECK(none.status == 0);
  CHECK(none.out.find("unsupported_algorithm") != std::string::npos);
  for (const std::string& bad :
       {std::string("abc"), std::string("a.b.c"), make_token(kHeader, R"({"a":1,"a":2})")}) {
    CAPTURE(bad);
    const auto r = run_chatjwt({"decode", "--json", bad});
    CHECK(r.status == 1);
    CHECK(parse_json_line(r.out)["error"]["code"] == "malformed");
  }
  const auto human = run_chatjwt({"decode", "abc"});
  CHECK(human.status == 1);
  CHECK(human.err.rfind("chatjwt: error: ", 0) == 0);
}

TEST_CASE("cli decode: standard input and pasted text") {
  auto r = run_with_input({"decode", "--json"}, "Authorization: Bearer " + convrs_token() + "\n");
  CHECK(r.status == 0);
  CHECK(r.err.find("note: found a token") != std::string::npos);
  r = run_with_input({"decode"}, "");
  CHECK(r.status == 2);
  r = run_with_input({"decode", "-"}, " \n\t\n");
  CHECK(r.status == 2);
}
