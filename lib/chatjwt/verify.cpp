#include "chatjwt/verify.hpp"

#include <fmt/format.h>

#include "chatjwt/json_writer.hpp"
#include "chatjwt/timespec.hpp"

namespace chatjwt {
namespace {

std::string when(double numeric_date) {
  if (auto text = format_numeric_date(numeric_date)) return *text;
  return fmt::format("{}", numeric_date);
}

// Sends each event to two handlers: claims picked out and compact JSON written in one scan.
class TeeEvents final : public JsonEvents {
 public:
  TeeEvents(JsonEvents& a, JsonEvents& b) : a_(a), b_(b) {}
  void begin_object(std::size_t offset) override {
    a_.begin_object(offset);
    b_.begin_object(offset);
  }
  void key(std::string_view name, std::size_t offset) override {
    a_.key(name, offset);
    b_.key(name, offset);
  }
  void end_object() override {
    a_.end_object();
    b_.end_object();
  }
  void begin_array(std::size_t offset) override {
    a_.begin_array(offset);
    b_.begin_array(offset);
  }
  void end_array() override {
    a_.end_array();
    b_.end_array();
  }
  void string_value(std::string_view value, std::size_t offset) override {
    a_.string_value(value, offset);
    b_.string_value(value, offset);
  }
  void number_value(double value, std::string_view raw, std::size_t offset) override {
    a_.number_value(value, raw, offset);
    b_.number_value(value, raw, offset);
  }
  void bool_value(bool value, std::size_t offset) override {
    a_.bool_value(value, offset);
    b_.bool_value(value, offset);
  }
  void null_value(std::size_t offset) override {
    a_.null_value(offset);
    b_.null_value(offset);
  }

 private:
  JsonEvents& a_;
  JsonEvents& b_;
};

// The text itself when re-writing would not change it; else re-written into buffer.
std::string_view compact_text(std::string_view text, bool compact, const NumberFormCheck& numbers,
                              std::string& buffer, StrictJsonScanner& scanner) {
  if (compact && numbers.numbers_as_written()) return text;
  buffer.clear();
  (void)append_compact_json(buffer, text, scanner);  // it has just scanned without error
  return buffer;
}

}  // namespace

TokenCheck check_token(std::string_view token, Profile profile) {
  StrictJsonScanner scanner;
  return check_token(token, profile, scanner);
}

TokenCheck check_token(std::string_view token, Profile profile, StrictJsonScanner& scanner) {
  TokenCheck check;
  check_token_into(token, profile, scanner, check);
  return check;
}

void check_token_into(std::string_view token, Profile profile, StrictJsonScanner& scanner,
                      TokenCheck& check, CompactParts* compact, LintTrees* trees) {
  check.error.reset();
  check.decoded = false;
  check.header.clear();
  check.payload.clear();
  check.profile = choose_profile(profile, nullptr);
  // One scan of each segment validates it, collects its top-level members, and when asked
  // writes it compact and builds its tree for lint.
  NumberFormCheck header_numbers;
  NumberFormCheck payload_numbers;
  JsonEvents* header_events = &check.header;
  JsonEvents* payload_events = &check.payload;
  std::optional<TeeEvents> header_tee[2];
  std::optional<TeeEvents> payload_tee[2];
  if (compact != nullptr) {
    header_events = &header_tee[0].emplace(*header_events, header_numbers);
    payload_events = &payload_tee[0].emplace(*payload_events, payload_numbers);
  }
  if (trees != nullptr) {
    trees->header.clear();
    trees->payload.clear();
    header_events = &header_tee[1].emplace(*header_events, trees->header);
    payload_events = &payload_tee[1].emplace(*payload_events, trees->payload);
  }
  std::optional<Error> error =
      decode_token_into(token, scanner, *header_events, *payload_events, check.token);
  if (!error && compact != nullptr) {
    compact->header = compact_text(check.token.header, check.token.header_compact, header_numbers,
                                   compact->header_buffer, scanner);
    compact->payload = compact_text(check.token.payload, check.token.payload_compact,
                                    payload_numbers, compact->payload_buffer, scanner);
  }
  if (error) {
    check.error = std::move(error);
    return;
  }
  check.decoded = true;
  check.profile = choose_profile(profile, &check.payload);

  // Check 2: alg is exactly the string "HS256".
  const TopLevelMember* alg = check.header.find("alg");
  if (alg == nullptr) {
    check.error = Error{ErrorCode::unsupported_algorithm,
                        "the header has no alg; the platforms accept only \"alg\": \"HS256\""};
    return;
  }
  if (alg->kind != JsonKind::string) {
    check.error =
        Error{ErrorCode::unsupported_algorithm,
              fmt::format("the header's alg is {}, not the string \"HS256\"", describe(alg->kind))};
    return;
  }
  if (alg->text != "HS256") {
    std::string shown = alg->text.substr(0, 40);
    for (char& c : shown) {
      if (static_cast<unsigned char>(c) < 0x20) c = '?';
    }
    check.error = Error{
        ErrorCode::unsupported_algorithm,
        fmt::format("the header's alg is \"{}\"; the platforms accept only \"HS256\"", shown)};
    return;
  }
  // Check 3: RFC 7515 §4.1.11, no extension is understood.
  if (check.header.find("crit") != nullptr) {
    check.error = Error{ErrorCode::unsupported_header,
                        "the header has a crit member: it names extensions that must be "
                        "understood, and chatjwt understands none"};
    return;
  }
}

std::optional<Error> check_claims(const TokenCheck& check, const ClaimRules& rules) {
  const TopLevelMembers& payload = check.payload;
  // Check 5: types.
  for (const char* name : {"exp", "nbf", "iat"}) {
    const TopLevelMember* member = payload.find(name);
    if (member != nullptr && member->kind != JsonKind::number) {
      return Error{ErrorCode::invalid_claim,
                   fmt::format("{} is {}; it must be a number (NumericDate: seconds since "
                               "1970-01-01T00:00:00Z)",
                               name, describe(member->kind))};
    }
  }
  const TopLevelMember* user_id = payload.find("user_id");
  if (check.profile.profile == Profile::eloquent && user_id != nullptr &&
      user_id->kind != JsonKind::string) {
    return Error{ErrorCode::invalid_claim,
                 fmt::format("user_id is {}; Eloquent requires a string", describe(user_id->kind))};
  }
  const auto now = static_cast<double>(rules.now);
  const auto leeway = static_cast<double>(rules.leeway);
  // Check 6: now >= exp + leeway. Compared as doubles: exp may be 1e300.
  if (const TopLevelMember* exp = payload.find("exp");
      exp != nullptr && now >= exp->number + leeway) {
    return Error{ErrorCode::expired,
                 fmt::format("the token expired at {} ({} ago)", when(exp->number),
                             describe_span(now - exp->number))};
  }
  // Check 7: now < nbf - leeway.
  if (const TopLevelMember* nbf = payload.find("nbf");
      nbf != nullptr && now < nbf->number - leeway) {
    return Error{ErrorCode::not_yet_valid,
                 fmt::format("the token is not valid before {} (in {})", when(nbf->number),
                             describe_span(nbf->number - now))};
  }
  // Check 8.
  for (const std::string& name : rules.require) {
    if (payload.find(name) == nullptr) {
      return Error{ErrorCode::missing_claim,
                   fmt::format("the payload has no {} (required with --require)", name)};
    }
  }
  if (check.profile.profile == Profile::eloquent && user_id == nullptr) {
    return Error{ErrorCode::missing_claim, "the payload has no user_id; Eloquent requires it"};
  }
  return std::nullopt;
}

Verdict verify_checked(const TokenCheck& check, std::span<const Hs256Key> keys,
                       const ClaimRules& rules) {
  Verdict verdict;
  if (check.error) {
    verdict.error = check.error;
    return verdict;
  }
  const std::string_view signature = check.token.signature;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].verify(check.token.segments.signing_input, signature)) {
      verdict.secret_index = i;
      break;
    }
  }
  if (!verdict.secret_index) {
    std::string detail;
    if (check.token.segments.signature.empty()) {
      detail = "the signature segment is empty";
    } else if (signature.size() != Digest{}.size()) {
      detail = fmt::format("the signature is {} bytes; HS256 gives 32", signature.size());
    } else {
      detail = keys.size() == 1 ? "it does not match the secret"
                                : fmt::format("it matches none of the {} secrets", keys.size());
    }
    verdict.error = Error{ErrorCode::bad_signature, "bad signature: " + detail};
    return verdict;
  }
  verdict.error = check_claims(check, rules);
  return verdict;
}

}  // namespace chatjwt
