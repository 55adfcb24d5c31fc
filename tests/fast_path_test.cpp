// Deliverable 5 of issue 6: verify's fast path (the scan picks the claims; --json is written from
// the decoded text) and the DOM path (tests/support/dom_reference: parse_json, nlohmann values)
// agree on every token the tests have and on thousands of generated ones: same code, same
// matching secret, same profile, and the same --json object byte for byte.
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "chatjwt/hs256.hpp"
#include "chatjwt/secret.hpp"
#include "chatjwt/verify.hpp"
#include "chatjwt/verify_json.hpp"

#include "support/dom_reference.hpp"
#include "support/process.hpp"
#include "support/token_generator.hpp"

namespace chatjwt::test {
namespace {

struct Item {
  std::string token;
  ReferenceRules rules;
  std::string source;
};

// The fast path, as verify --batch --json --no-lint runs it.
struct FastResult {
  std::optional<ErrorCode> code;
  std::string message;
  std::optional<std::size_t> secret_index;
  Profile profile = Profile::generic;
  std::string json;
};

FastResult fast_verify(const Item& item, StrictJsonScanner& scanner, TokenCheck& check,
                       CompactParts& compact, std::optional<std::size_t> line) {
  std::vector<Hs256Key> keys;
  for (const std::string& secret : item.rules.secrets) keys.emplace_back(secret);
  ClaimRules rules;
  rules.now = item.rules.now;
  rules.leeway = item.rules.leeway;
  rules.require = item.rules.require;
  check_token_into(item.token, item.rules.profile, scanner, check, &compact);
  const Verdict verdict = verify_checked(check, keys, rules);
  FastResult r;
  if (verdict.error) {
    r.code = verdict.error->code;
    r.message = verdict.error->message;
  }
  r.secret_index = verdict.secret_index;
  r.profile = check.profile.profile;
  VerifyObject object;
  object.line = line;
  object.error = verdict.error ? &*verdict.error : nullptr;
  object.profile = r.profile;
  if (check.decoded) {
    object.header = compact.header;
    object.payload = compact.payload;
  }
  object.secret_index = verdict.secret_index;
  append_verify_json(r.json, object);
  return r;
}

ReferenceRules generator_rules(std::size_t variant) {
  ReferenceRules rules;
  static constexpr std::array<Profile, 4> kProfiles = {Profile::auto_detect, Profile::convrs,
                                                       Profile::eloquent, Profile::generic};
  rules.profile = kProfiles[variant % 4];
  rules.now = kGeneratorNow;
  rules.leeway = variant % 3 == 0 ? 90 : 0;
  if (variant % 5 == 0) rules.require = {"email"};
  rules.secrets = kGeneratorSecrets;
  return rules;
}

std::vector<Item> wycheproof_items() {
  std::vector<Item> items;
  std::ifstream in(data_path("wycheproof-jws-hs256.cases.jsonl"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const auto c = nlohmann::json::parse(line);
    Item item;
    item.token = c["token"].get<std::string>();
    item.source = c["id"].get<std::string>();
    item.rules.profile = *parse_profile(c["profile"].get<std::string>());
    item.rules.now = c["now"].get<std::int64_t>();
    item.rules.leeway = c["leeway"].get<std::int64_t>();
    for (const auto& name : c["require"]) item.rules.require.push_back(name.get<std::string>());
    for (const auto& s : c["secrets"]) {
      auto bytes = decode_secret(s["value"].get<std::string>(),
                                 *parse_secret_encoding(s["encoding"].get<std::string>()), "vector");
      REQUIRE(bytes);
      item.rules.secrets.emplace_back(bytes->view());
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<Item> corpus_items() {
  std::vector<Item> items;
  const std::filesystem::path dir =
      std::filesystem::path(CHATJWT_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / "token";
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    Item item;
    item.token = read_file(entry.path().string());
    item.source = "corpus/token/" + entry.path().filename().string();
    item.rules = generator_rules(n++);
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<Item> generated_items(std::size_t count) {
  TokenGenerator generator(20261122);
  std::vector<Item> items;
  for (std::size_t i = 0; i < count; ++i) {
    Item item;
    item.token = generator.next();
    item.source = "generated #" + std::to_string(i);
    item.rules = generator_rules(i);
    items.push_back(std::move(item));
  }
  return items;
}

std::string code_name(const std::optional<ErrorCode>& code) {
  return code ? std::string(to_string(*code)) : std::string("valid");
}

}  // namespace

TEST_CASE("fast path: agrees with the DOM path on every test token and 6,000 generated ones") {
  std::vector<Item> items = wycheproof_items();
  const std::size_t wycheproof = items.size();
  for (Item& item : corpus_items()) items.push_back(std::move(item));
  for (Item& item : generated_items(6000)) items.push_back(std::move(item));
  REQUIRE(wycheproof > 10);

  // One scanner and one check for all: the reused buffers must not carry anything over.
  StrictJsonScanner scanner;
  TokenCheck check;
  CompactParts compact;
  std::map<std::string, std::size_t> codes;
  std::size_t rewritten = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& item = items[i];
    CAPTURE(item.source);
    CAPTURE(item.token.substr(0, 300));
    const ReferenceVerdict expected = reference_verify(item.token, item.rules);
    const FastResult got = fast_verify(item, scanner, check, compact, i);
    REQUIRE(code_name(got.code) == code_name(expected.code));
    REQUIRE(got.secret_index == expected.secret_index);
    REQUIRE(got.profile == expected.profile);
    REQUIRE(got.json == reference_verify_json(expected, got.message, i));
    ++codes[code_name(got.code)];
    if (check.decoded && compact.payload.data() != check.token.payload.data()) ++rewritten;
  }
  // The set is varied enough to mean something: every verdict shows up many times, and both
  // ways of writing the payload (the text itself, and re-written) are taken.
  for (const char* code :
       {"valid", "malformed", "unsupported_algorithm", "unsupported_header", "bad_signature",
        "invalid_claim", "expired", "not_yet_valid", "missing_claim"}) {
    CAPTURE(code);
    CHECK(codes[code] >= 30);
  }
  CHECK(rewritten >= 500);
  CHECK(codes["valid"] + codes["expired"] + codes["not_yet_valid"] < items.size() / 2);
}

TEST_CASE("fast path: verify --batch --json prints what the DOM path builds, line for line") {
  std::vector<Item> items = generated_items(3000);
  std::string file;
  for (const Item& item : items) file += item.token + "\n";
  const TempFile batch(file);
  // The generator's rules for variant 0: auto profile, 90 s leeway, --require email.
  const ReferenceRules rules = generator_rules(0);
  RunOptions options;
  options.env = {{"S1", rules.secrets[0]}, {"S2", rules.secrets[1]}};
  const RunResult run = run_chatjwt(
      {"verify", "--batch", batch.path(), "--json", "--no-lint", "--now", std::to_string(rules.now),
       "--leeway", "90", "--require", "email", "--secret-env", "S1", "--secret-env", "S2"},
      options);
  REQUIRE((run.status == 0 || run.status == 1));
  std::istringstream lines(run.out);
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    REQUIRE(n < items.size());
    CAPTURE(items[n].token.substr(0, 300));
    const auto parsed = nlohmann::json::parse(line, nullptr, false);
    REQUIRE(parsed.is_object());
    const std::string message =
        parsed["error"].is_null() ? std::string() : parsed["error"]["message"].get<std::string>();
    const ReferenceVerdict expected = reference_verify(items[n].token, rules);
    CHECK(line + "\n" == reference_verify_json(expected, message, n + 1));
    ++n;
  }
  CHECK(n == items.size());
}

}  // namespace chatjwt::test
