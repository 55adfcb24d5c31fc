// Hostile and broken input: one clear line, the contract's status, bounded time and memory.
#include <random>
#include <string>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/tokens.hpp"

using namespace chatjwt::test;

namespace {
const std::map<std::string, std::string> kEnv = {{"CONVRS_SIGNING_SECRET", kSecret},
                                                 {"CHATJWT_SECRET", kSecret}};

void check_one_line_error(const RunResult& r) {
  const auto at = r.err.find("chatjwt: error: ");
  REQUIRE(at != std::string::npos);
  CHECK(r.err.find('\n', at) == r.err.size() - 1);
}
}  // namespace

TEST_CASE("bad input: empty or blank standard input is exit 2") {
  for (const char* input : {"", " ", "\n\r\n\t", "\xEF\xBB\xBF"}) {
    for (const char* command : {"verify", "decode"}) {
      CAPTURE(command);
      const auto r = run_with_input({command}, input, kEnv);
      CHECK(r.status == 2);
      CHECK(r.err.find("empty") != std::string::npos);
      check_one_line_error(r);
    }
  }
}

TEST_CASE("bad input: binary garbage and NUL bytes are malformed, not a crash") {
  std::mt19937 rng(12345);
  for (int round = 0; round < 20; ++round) {
    std::string garbage(static_cast<std::size_t>(1 + rng() % 4000), '\0');
    for (auto& c : garbage) c = static_cast<char>(rng());
    CAPTURE(round);
    for (const char* command : {"verify", "decode"}) {
      const auto r = run_with_input({command}, garbage, kEnv);
      CHECK((r.status == 1 || r.status == 2));  // 2 only for several tokens or blank
      CHECK(r.err.find("internal error") == std::string::npos);
    }
  }
  const std::string token = convrs_token();
  const std::string with_nul = token.substr(0, 10) + std::string(1, '\0') + token.substr(10);
  const auto r = run_with_input({"verify", "--json"}, with_nul, kEnv);
  CHECK(r.status == 1);
  CHECK(parse_json_line(r.out)["error"]["code"] == "malformed");
}

TEST_CASE("bad input: a token of 10,000 segments is malformed at once") {
  std::string text;
  for (int i = 0; i < 10'000; ++i) text += i ? ".e30" : "eyJhbGciOiJIUzI1NiJ9";
  const auto r = run_chatjwt({"verify", "--json", text}, {"", kEnv, -1});
  CHECK(r.status == 1);
  CHECK(parse_json_line(r.out)["error"]["code"] == "malformed");
  CHECK(run_chatjwt({"decode", text}).status == 1);
}

TEST_CASE("bad input: 50 MB on one line of standard input, in bounded memory") {
  const std::string huge(50u << 20, 'A');
  auto r = run_with_input({"verify", "--json"}, huge + "\n", kEnv);
  CHECK(r.status == 1);
  CHECK(parse_json_line(r.out)["error"]["code"] == "malformed");
  r = run_with_input({"decode"}, "eyJhbGciOiJIUzI1NiJ9." + huge + ".x", kEnv);
  CHECK(r.status == 1);
  check_one_line_error(r);
  // Peak memory, measured on chatjwt alone: a small token against 50 MB of input.
  const TempFile small(convrs_token() + "\n");
  const TempFile large(huge + "\n");
  const auto [small_status, small_kb] =
      peak_rss_kb({"verify", "--now", kNowText}, small.path(), kEnv);
  const auto [large_status, large_kb] = peak_rss_kb({"verify"}, large.path(), kEnv);
  const auto [batch_status, batch_kb] = peak_rss_kb({"verify", "--batch", "-"}, large.path(), kEnv);
  CHECK(small_status == 0);
  CHECK(large_status == 1);
  CHECK(batch_status == 1);
  CAPTURE(small_kb);
  CAPTURE(large_kb);
  CAPTURE(batch_kb);
  CHECK(large_kb - small_kb < 24 * 1024);  // the 4 MiB paste cap, plus allocator slack
  CHECK(batch_kb - small_kb < 24 * 1024);
}

TEST_CASE("bad input: a 2 MiB token is malformed (over the 1 MiB cap)") {
  const std::string big = "eyJhbGciOiJIUzI1NiJ9." + std::string(2u << 20, 'A') + ".x";
  const auto r = run_with_input({"verify", "--json"}, big, kEnv);
  CHECK(r.status == 1);
  const auto j = parse_json_line(r.out);
  CHECK(j["error"]["code"] == "malformed");
  CHECK(j["error"]["message"].get<std::string>().find("1 MiB") != std::string::npos);
}

TEST_CASE("bad input: terminal escapes in a token never reach the terminal raw") {
  const std::string token = make_token(R"({"alg":"\u001b[31mRS256"})", R"({"sub":"x"})");
  const auto r = run_chatjwt({"verify", token}, {"", kEnv, -1});
  CHECK(r.status == 1);
  CHECK(r.out.find('\x1b') == std::string::npos);
  const auto d = run_chatjwt({"decode", token});
  CHECK(d.out.find('\x1b') == std::string::npos);
}
