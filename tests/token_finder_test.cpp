#include "chatjwt/token_finder.hpp"

#include <string>

#include <doctest/doctest.h>

using chatjwt::find_token;
using Kind = chatjwt::TokenSearch::Kind;

namespace {
// {"alg":"HS256"} . {"sub":"x"} . 43 characters
const std::string kToken =
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXI";
const std::string kOther = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ5In0.c2ln";
}  // namespace

TEST_CASE("token_finder: token white space is space, tab, CR and LF only") {
  CHECK(chatjwt::trim_token_space(" \t\r\nabc\n\r\t ") == "abc");
  CHECK(chatjwt::trim_token_space("\vabc\f") == "\vabc\f");
}

TEST_CASE("token_finder: bare input is judged as it is") {
  for (const char* bare : {"a.b.c.d", "h.p", "eyJ.e30.", "abc"}) {
    CAPTURE(bare);
    const auto search = find_token(bare);
    CHECK(search.kind == Kind::bare);
    CHECK(search.token == bare);
  }
}

TEST_CASE("token_finder: pasted text of every usual shape holds one token") {
  const std::string shapes[] = {
      "Bearer " + kToken,
      "\"" + kToken + "\"",
      "<script>var ConvrsUser = \"" + kToken + "\";</script>",
      "window.eloquent(\"identify\", { token: \"" + kToken + "\" });",
      "{\"token\": \"" + kToken + "\"}",
      "https://example.com/chat?token=" + kToken + "&x=1",
      "https://example.com/#id_token=" + kToken,
      "2026-04-23 14:30:00 INFO widget connected token=" + kToken + " ip=10.0.0.1",
      kToken + " " + kToken,  // repeats count once
  };
  for (const auto& text : shapes) {
    CAPTURE(text);
    const auto search = find_token(text);
    REQUIRE(search.kind == Kind::found);
    CHECK(search.token == kToken);
  }
}

TEST_CASE("token_finder: positions are 1-based characters of the searched text") {
  const std::string bearer = "Bearer " + kToken;
  const auto search = find_token(bearer);
  REQUIRE(search.kind == Kind::found);
  CHECK(search.candidates.front().first_char == 8);
  CHECK(search.candidates.front().last_char == 7 + kToken.size());
  const std::string accented = "é " + kToken;  // é is one character
  const auto wide = find_token(accented);
  CHECK(wide.candidates.front().first_char == 3);
}

TEST_CASE("token_finder: what is no token") {
  SUBCASE("white space splits: 'h.p .s' holds none") {
    CHECK(find_token("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0 .c2ln").kind == Kind::none);
  }
  SUBCASE("'h.p.s1 s2' is judged as h.p.s1") {
    const auto search = find_token("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln c2ln");
    REQUIRE(search.kind == Kind::found);
    CHECK(search.token == "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
  }
  SUBCASE("a run followed by =, + or / is part of a longer string") {
    for (const char* after : {"=", "+", "/"}) {
      CAPTURE(after);
      const std::string text = "x " + kToken + after + "x";
      CHECK(find_token(text).kind == Kind::none);
    }
  }
  SUBCASE("the first segment must decode to text starting with {") {
    CHECK(find_token("see a.b.c here").kind == Kind::none);
    CHECK(find_token("version 1.2.3 (build)").kind == Kind::none);
  }
  SUBCASE("padding or + cuts the run") {
    CHECK(find_token("eyJhbGciOiJIUzI1NiJ9=.eyJzdWIiOiJ4In0.c2ln x").kind == Kind::none);
  }
  SUBCASE("JWS JSON serialization (Wycheproof tcId 17)") {
    CHECK(find_token(R"({"payload":"Zm9v","signatures":[{"protected":"eyJhbGciOiJIUzI1NiJ9"}]})")
              .kind == Kind::none);
  }
}

TEST_CASE("token_finder: several different tokens are listed") {
  const std::string text = kToken + "\n" + kOther + "\n" + kToken;  // views point into it
  const auto search = find_token(text);
  CHECK(search.kind == Kind::several);
  REQUIRE(search.candidates.size() == 2);
  CHECK(search.candidates[0].token == kToken);
  CHECK(search.candidates[1].token == kOther);
}
