// Token parsing and verification, as verify runs them: checks 1-3, the MAC against a key ring,
// the claim checks, and the hints. Two ways in, picked by the first byte:
//   even: the input is a token;
//   odd:  the rest is a payload; when it is a JSON object, sign it and verify the result,
//         which must pass every check up to the claims.
#include <array>

#include "chatjwt/hints.hpp"
#include "chatjwt/json_dom.hpp"
#include "chatjwt/sign.hpp"
#include "chatjwt/token.hpp"
#include "chatjwt/verify.hpp"

#include "fuzz_check.hpp"

using namespace chatjwt;

namespace {

const std::array<Hs256Key, 2>& keys() {
  static const std::array<Hs256Key, 2> ring{Hs256Key("a-secret-of-32-bytes-for-fuzzing"),
                                            Hs256Key("")};
  return ring;
}

ClaimRules rules() {
  ClaimRules result;
  result.now = 1'700'000'000;
  result.leeway = 30;
  result.require = {"sub", "email"};
  return result;
}

// Judges a token the way verify does, checking what must hold whatever the token.
Verdict judge(std::string_view token, Profile profile, StrictJsonScanner& scanner) {
  const TokenCheck check = check_token(token, profile, scanner);
  // One scan or two, the same answer about check 1.
  const auto decoded = decode_token(token);
  const bool malformed = check.error && check.error->code == ErrorCode::malformed;
  FUZZ_CHECK(decoded.has_value() == !malformed);
  FUZZ_CHECK(check.decoded == decoded.has_value());
  // verify --json's path (reused buffers, compact parts written in the same scan) agrees, and
  // its header and payload texts are what dump() gives for their values.
  static TokenCheck reused;
  static CompactParts compact;
  check_token_into(token, profile, scanner, reused, &compact);
  FUZZ_CHECK(reused.decoded == check.decoded);
  FUZZ_CHECK(reused.error.has_value() == check.error.has_value());
  if (reused.error) FUZZ_CHECK(reused.error->code == check.error->code);
  FUZZ_CHECK(reused.profile.profile == check.profile.profile);
  if (check.decoded) {
    FUZZ_CHECK(compact.header == to_json_text(parse_json(check.token.header).json.value));
    FUZZ_CHECK(compact.payload == to_json_text(parse_json(check.token.payload).json.value));
  }
  if (check.error) {
    FUZZ_CHECK(!check.error->message.empty());
    explain(check, Verdict{check.error, std::nullopt}, rules());
    return Verdict{check.error, std::nullopt};
  }
  const Verdict verdict = verify_checked(check, keys(), rules());
  if (verdict.error) FUZZ_CHECK(!verdict.error->message.empty());
  explain(check, verdict, rules());
  if (verdict.error && verdict.error->code == ErrorCode::bad_signature) {
    const auto candidates = secret_variants("a-secret-of-32-bytes-for-fuzzing\n",
                                            SecretEncoding::utf8, "--secret-file key");
    matching_candidates(check, candidates);
  }
  return verdict;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static StrictJsonScanner scanner;
  const std::string_view rest = fuzz::as_text(data + 1, size - 1);
  const auto profile = static_cast<Profile>((data[0] >> 1) % 4);

  if ((data[0] & 1) == 0) {
    judge(rest, profile, scanner);
    return 0;
  }

  const auto payload = parse_json(rest);
  if (!payload.ok) return 0;
  // As sign does: iat, exp and nbf completed (options from the first byte), then signed.
  TimeClaims times;
  times.now = 1'700'000'000;
  times.no_expiry = (data[0] & 8) != 0;
  times.expires_explicit = (data[0] & 16) != 0;
  if ((data[0] & 32) != 0) times.not_before = times.now + 60;
  const auto completed = complete_time_claims(payload.json.value, times);
  if (!completed) {
    FUZZ_CHECK(!completed.error().message.empty());
    return 0;
  }
  if (!times.no_expiry) FUZZ_CHECK(completed->contains("exp"));
  const std::string token = sign_token(*completed, keys()[0]);
  FUZZ_CHECK(!token.empty());
  if (token.size() > kMaxTokenBytes) return 0;  // malformed by the contract's cap
  const Verdict verdict = judge(token, profile, scanner);
  // What sign writes, verify reads, and the first key matches.
  if (verdict.error) {
    FUZZ_CHECK(verdict.error->code != ErrorCode::malformed);
    FUZZ_CHECK(verdict.error->code != ErrorCode::unsupported_algorithm);
    FUZZ_CHECK(verdict.error->code != ErrorCode::unsupported_header);
    FUZZ_CHECK(verdict.error->code != ErrorCode::bad_signature);
  }
  return 0;
}
