// Micro-benchmark of each stage of verify on a realistic Convrs token (the document's complete
// payload, 1-hour lifetime): base64url, HMAC, the strict scan, the whole check (checks 1-8),
// building the DOM values, and lint. Prints nanoseconds per token and tokens per second for
// each, the median of several rounds. Run the release build:
// build/release/tests/bench/chatjwt_bench_stages Usage: chatjwt_bench_stages [PAYLOAD.json]
// [ROUNDS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "chatjwt/base64url.hpp"
#include "chatjwt/hs256.hpp"
#include "chatjwt/json_dom.hpp"
#include "chatjwt/lint.hpp"
#include "chatjwt/sign.hpp"
#include "chatjwt/strict_json.hpp"
#include "chatjwt/verify.hpp"

using namespace chatjwt;

namespace {

volatile std::size_t g_sink = 0;  // keeps results alive
void keep(std::size_t value) { g_sink = g_sink + value; }

// Median over rounds of the time per call, each round long enough to time (~0.2 s).
double ns_per_call(const std::function<void()>& call, int rounds) {
  std::size_t per_round = 1;
  for (;;) {  // calibrate
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < per_round; ++i) call();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (seconds > 0.05) {
      per_round = static_cast<std::size_t>(static_cast<double>(per_round) * 0.2 / seconds) + 1;
      break;
    }
    per_round *= 4;
  }
  std::vector<double> samples;
  for (int r = 0; r < rounds; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < per_round; ++i) call();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    samples.push_back(seconds * 1e9 / static_cast<double>(per_round));
  }
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

void report(const char* stage, double ns) {
  std::printf("%-34s %9.0f ns %12.0f tokens/s\n", stage, ns, 1e9 / ns);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : CHATJWT_BENCH_PAYLOAD;
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
  std::ifstream file(path);
  std::stringstream content;
  content << file.rdbuf();
  auto parsed = parse_json(content.str());
  if (!parsed.ok) {
    std::fprintf(stderr, "%s: not a JSON object\n", path.c_str());
    return 2;
  }
  constexpr std::int64_t now = 1'776'954'600;
  Json payload = parsed.json.value;
  payload["iat"] = now;
  payload["exp"] = now + 3600;
  const std::string secret = "bench-secret-0123456789abcdef-0123456789";
  const Hs256Key key(secret);
  const std::string token = sign_token(payload, key);
  const auto dot1 = token.find('.');
  const auto dot2 = token.rfind('.');
  const std::string_view payload_segment =
      std::string_view(token).substr(dot1 + 1, dot2 - dot1 - 1);
  const std::string_view signing_input = std::string_view(token).substr(0, dot2);
  const std::string signature = *base64url_decode(std::string_view(token).substr(dot2 + 1));
  const std::string payload_text = *base64url_decode(payload_segment);
  std::printf("token of %zu bytes (payload %zu bytes of JSON), %d rounds, median\n", token.size(),
              payload_text.size(), rounds);

  StrictJsonScanner scanner;
  NullJsonEvents ignore;
  TopLevelMembers members;
  ClaimRules rules;
  rules.now = now;
  const Hs256Key keys[] = {Hs256Key(secret)};

  report("base64url decode (whole token)",
         ns_per_call(
             [&] {
               keep(base64url_decode(std::string_view(token).substr(0, dot1))->size());
               keep(base64url_decode(payload_segment)->size());
               keep(base64url_decode(std::string_view(token).substr(dot2 + 1))->size());
             },
             rounds));
  report("HMAC-SHA256, keyed context reused",
         ns_per_call([&] { keep(key.verify(signing_input, signature) ? 1U : 0U); }, rounds));
  report("HMAC-SHA256, key set up per token",
         ns_per_call([&] { keep(Hs256Key(secret).verify(signing_input, signature) ? 1U : 0U); },
                     rounds));
  report(
      "strict scan of the payload",
      ns_per_call([&] { keep(scanner.scan(payload_text, ignore).has_value() ? 1U : 0U); }, rounds));
  report("scan picking top-level claims",
         ns_per_call(
             [&] {
               members.clear();
               keep(scanner.scan(payload_text, members).has_value() ? 1U : 0U);
             },
             rounds));
  report("DOM of the payload (parse_json)",
         ns_per_call([&] { keep(parse_json(payload_text).json.value.size()); }, rounds));
  report("checks 1-3 (check_token)",
         ns_per_call(
             [&] { keep(check_token(token, Profile::auto_detect, scanner).decoded ? 1U : 0U); },
             rounds));
  report("checks 1-8 (check_token + verify)",
         ns_per_call(
             [&] {
               const TokenCheck check = check_token(token, Profile::auto_detect, scanner);
               keep(verify_checked(check, keys, rules).error ? 1U : 0U);
             },
             rounds));
  JsonTree tree;
  report("tree of the payload (lint's values)",
         ns_per_call([&] { keep(tree.build(payload_text, scanner) ? 0U : 1U); }, rounds));
  std::vector<Diagnostic> found;
  report("lint of the payload tree",
         ns_per_call(
             [&] {
               found.clear();
               lint_payload(tree.root(), LintRequest{Profile::convrs, true, now}, found);
               keep(found.size());
             },
             rounds));
  return 0;
}
