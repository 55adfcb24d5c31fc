#include "chatjwt/hints.hpp"

#include <fmt/format.h>

#include "chatjwt/timespec.hpp"

namespace chatjwt {
namespace {

// A NumericDate past this (year 5138) is almost surely milliseconds.
constexpr double kMillisecondsThreshold = 1e11;
// Skew below this is ordinary; above it, a clock is off.
constexpr double kSkewSeconds = 60;

const TopLevelMember* number_claim(const TokenCheck& check, std::string_view name) {
  const TopLevelMember* m = check.payload.find(name);
  return m != nullptr && m->kind == JsonKind::number ? m : nullptr;
}

std::string where_secret_lives(Profile profile) {
  switch (profile) {
    case Profile::convrs:
      return " (Convrs: Administration > Organization Settings > Developer - WebChat)";
    case Profile::eloquent:
      return " (Eloquent: the agent's Integrations -> Identity Verification)";
    default:
      return "";
  }
}

}  // namespace

std::vector<std::string> explain(const TokenCheck& check, const Verdict& verdict,
                                 const ClaimRules& rules) {
  std::vector<std::string> hints;
  const auto now = static_cast<double>(rules.now);
  const TopLevelMember* exp = check.decoded ? number_claim(check, "exp") : nullptr;
  const TopLevelMember* iat = check.decoded ? number_claim(check, "iat") : nullptr;
  const TopLevelMember* nbf = check.decoded ? number_claim(check, "nbf") : nullptr;
  for (const TopLevelMember* m : {exp, iat, nbf}) {
    if (m != nullptr && m->number > kMillisecondsThreshold) {
      hints.push_back(fmt::format(
          "{} is {:.0f}, which looks like milliseconds (JavaScript's Date.now()); a NumericDate "
          "is seconds: Math.floor(Date.now() / 1000)",
          m->name, m->number));
    }
  }
  if (iat != nullptr && iat->number <= kMillisecondsThreshold && iat->number > now + kSkewSeconds) {
    hints.push_back(fmt::format(
        "iat is {} in the future: the signing server's clock runs ahead of this one (or --now "
        "is off); sync the clocks (NTP), or allow for skew with --leeway",
        describe_span(iat->number - now)));
  }
  if (!verdict.error) return hints;
  switch (verdict.error->code) {
    case ErrorCode::unsupported_algorithm: {
      const TopLevelMember* alg = check.decoded ? check.header.find("alg") : nullptr;
      if (alg != nullptr && alg->kind == JsonKind::string &&
          (alg->text == "none" || alg->text == "None")) {
        hints.push_back(
            "alg none means the token is not signed at all: anyone could have written "
            "it. The platforms take only HS256 tokens signed with the shared secret");
      } else {
        hints.push_back(
            "the platforms accept only HS256: sign with the shared secret and "
            "algorithm HS256 (jsonwebtoken: { algorithm: 'HS256' }; PyJWT: "
            "algorithm=\"HS256\"; chatjwt sign)");
      }
      break;
    }
    case ErrorCode::unsupported_header:
      hints.push_back("remove crit from the header: the platforms understand no JWS extension");
      break;
    case ErrorCode::bad_signature:
      hints.push_back(
          "the token was signed with another secret, or changed after signing: check "
          "that the backend signs with the secret shown when it was generated" +
          where_secret_lives(check.profile.profile));
      hints.push_back(
          "if the secret was rotated recently (Convrs keeps the previous one for 48 "
          "hours), pass the old one too: a second --secret-file or --secret-env");
      break;
    case ErrorCode::invalid_claim:
      hints.push_back(
          "write exp, nbf and iat as plain numbers of seconds since 1970 (no quotes), "
          "and user_id as a string");
      break;
    case ErrorCode::expired:
      if (exp != nullptr) {
        hints.push_back(fmt::format(
            "it expired {} ago; the platforms advise tokens of 1 hour, made when the page loads "
            "(single-page apps: fetch a fresh one at 75% of its lifetime)",
            describe_span(now - exp->number)));
      }
      break;
    case ErrorCode::not_yet_valid:
      if (nbf != nullptr) {
        hints.push_back(fmt::format(
            "nbf is {} ahead: if the token was just made, the signing server's clock runs fast; "
            "sync the clocks, or allow for skew with --leeway",
            describe_span(nbf->number - now)));
      }
      break;
    case ErrorCode::missing_claim:
      if (check.profile.profile == Profile::eloquent && check.payload.find("user_id") == nullptr) {
        hints.push_back(
            "Eloquent identifies users by user_id: add \"user_id\": \"<your stable "
            "user ID>\" to the payload");
      }
      break;
    default:
      break;
  }
  return hints;
}

std::vector<SecretCandidate> secret_variants(std::string_view text, SecretEncoding encoding,
                                             std::string_view origin) {
  std::vector<SecretCandidate> out;
  if (auto decoded = decode_secret(text, encoding, origin)) {
    const std::string_view bytes = decoded->view();
    struct Suffix {
      std::string_view text;
      std::string_view words;
    };
    for (const Suffix& s : {Suffix{"\n", "a trailing newline"}, Suffix{"\r\n", "a trailing CRLF"},
                            Suffix{" ", "a trailing space"}}) {
      std::string variant(bytes);
      variant += s.text;
      out.push_back({fmt::format("the secret from {} with {} (the signer's copy ends with it: "
                                 "a file saved with a newline, or echo without -n)",
                                 origin, s.words),
                     SecretBytes(variant)});
      wipe(variant);
    }
    std::size_t end = bytes.size();
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == ' ' ||
                       bytes[end - 1] == '\t')) {
      --end;
    }
    if (end > 0 && end < bytes.size()) {
      out.push_back({fmt::format("the secret from {} without its trailing white space (the "
                                 "signer's copy has none)",
                                 origin),
                     SecretBytes(bytes.substr(0, end))});
    }
  }
  for (SecretEncoding other : {SecretEncoding::utf8, SecretEncoding::base64, SecretEncoding::hex}) {
    if (other == encoding ||
        (other == SecretEncoding::base64 && encoding == SecretEncoding::base64url)) {
      continue;
    }
    if (auto decoded = decode_secret(text, other, origin)) {
      out.push_back({fmt::format("the secret from {} read as {}: use --secret-encoding {}", origin,
                                 to_string(other), to_string(other)),
                     std::move(*decoded)});
    }
  }
  return out;
}

std::vector<std::string> matching_candidates(const TokenCheck& check,
                                             std::span<const SecretCandidate> candidates) {
  std::vector<std::string> matches;
  if (!check.decoded) return matches;
  for (const SecretCandidate& candidate : candidates) {
    if (candidate.bytes.empty()) continue;
    const Hs256Key key(candidate.bytes.view());
    if (key.verify(check.token.segments.signing_input, check.token.signature)) {
      matches.push_back(candidate.meaning);
    }
  }
  return matches;
}

std::optional<std::string> explain_no_token(std::string_view text) {
  const bool convrs = text.find("ConvrsUser") != std::string_view::npos;
  const std::size_t brace = text.find('{');
  const bool json_like = brace != std::string_view::npos &&
                         text.find('"', brace) != std::string_view::npos &&
                         text.find(':', brace) != std::string_view::npos;
  if (convrs && json_like) {
    return "ConvrsUser holds an object here, but it must be the signed token string: sign the "
           "payload first (chatjwt sign payload.json --format html) and set var ConvrsUser = "
           "\"eyJ...\"";
  }
  if (json_like && (text.find("userId") != std::string_view::npos ||
                    text.find("user_id") != std::string_view::npos ||
                    text.find("agentData") != std::string_view::npos)) {
    return "this looks like a JSON payload, not a token: the widget needs the payload signed "
           "(chatjwt sign payload.json)";
  }
  return std::nullopt;
}

}  // namespace chatjwt
