#include "chatjwt/lint.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "chatjwt/base64url.hpp"
#include "chatjwt/formats.hpp"
#include "chatjwt/schema_convrs.hpp"
#include "chatjwt/schema_eloquent.hpp"
#include "chatjwt/timespec.hpp"
#include "chatjwt/token.hpp"
#include "chatjwt/token_finder.hpp"

namespace chatjwt {

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}
std::string_view to_string(Part part) { return part == Part::header ? "header" : "payload"; }

namespace {

// Sources: "contract" is cli-contract.md's lint section; "Convrs" the Web Chat Identity
// Verification document; "Eloquent" the Identity Verification document.
constexpr RuleInfo kRules[] = {
    // Input that is not what it should be.
    {"invalid-json", Severity::error,
     "The input is not a JSON object as the contract reads JSON (I-JSON: UTF-8, no comments or "
     "trailing commas, nesting at most 64)",
     "contract, JSON: headers and payloads are read as I-JSON"},
    {"duplicate-member", Severity::error, "A member name appears twice in one object",
     "contract, JSON: member names compared after unescaping, and a repeated name is an error"},
    {"undecodable-segment", Severity::error,
     "A token segment is not strict base64url, or does not decode to a JSON object",
     "contract, lint: a token segment that does not decode is an error finding"},
    // Header.
    {"unsupported-algorithm", Severity::error, "The header's alg is not exactly \"HS256\"",
     "Convrs: \"Always use HS256 - this is the only signing algorithm accepted\"; Eloquent: "
     "\"The token must be signed with HS256\""},
    {"critical-header", Severity::error, "The header has a crit member, which verify rejects",
     "contract, lint: in a token's header, a crit member is an error, as verify would reject it"},
    {"header-typ", Severity::warning, "The header's typ is neither JWT nor application/jwt",
     "contract, lint: a header typ that is present and is neither JWT nor application/jwt"},
    // Types and forms.
    {"claim-type", Severity::error,
     "A registered claim has the wrong type: exp, nbf, iat numbers; iss, sub, jti strings; aud a "
     "string or an array of strings",
     "RFC 7519 §4.1; contract: under generic, the schema is only RFC 7519's types"},
    {"field-type", Severity::error, "A documented field has the wrong JSON type (null included)",
     "contract, lint: wrong JSON type (null included) is an error"},
    {"name-case", Severity::error,
     "A member name differs from a documented one only in case (userID for userId)",
     "contract, lint: wrong case of a documented name is an error"},
    {"empty-value", Severity::error, "userId, user_id or an agentData label is an empty string",
     "contract, lint: an empty userId, user_id or label is an error"},
    {"missing-required", Severity::error,
     "A required member is absent: user_id (eloquent), label or value of an agentData item",
     "Eloquent: \"The JWT payload must include a user_id\"; Convrs: agentData label and value "
     "are Required: Yes"},
    {"email-format", Severity::error, "An email is not a valid email address (WHATWG HTML)",
     "Convrs: email \"Must be a valid email format - invalid addresses are silently ignored\""},
    {"phone-format", Severity::error,
     "A phone number is not in international format (+, then 8 to 15 digits)",
     "Convrs: phone \"Phone number in international format (e.g. +447700900123)\""},
    {"locale-format", Severity::error,
     "A locale is not a BCP 47 language tag with a 2- or 3-letter language (en-GB, fr-FR)",
     "Convrs: locale \"Language/locale code (e.g. en-GB, fr-FR)\""},
    {"user-data-value", Severity::error, "A userData value is not a string, number or boolean",
     "Convrs: userData \"Values can be strings, numbers, or booleans\""},
    {"agent-data-type", Severity::error,
     "An agentData item's type is not a documented display type",
     "Convrs: Supported Display Types (date, datetime, number, currency, email, phone, link, "
     "boolean, status)"},
    {"agent-data-value", Severity::error,
     "An agentData value does not have its type's form (a real date, an RFC 3339 date-time, a "
     "number, an http(s) URL, a boolean, ...)",
     "Convrs: Supported Display Types, Value Format column"},
    {"currency-code", Severity::error,
     "A currency item has no currency, or it is not an upper-case ISO 4217 code",
     "Convrs: currency \"ISO 4217 code (e.g. USD, GBP, EUR)\""},
    {"status-color", Severity::error,
     "A status colour is not one of success, danger, warning, info, primary, secondary",
     "Convrs: color \"one of: success, danger, warning, info, primary, secondary\""},
    // Advice.
    {"missing-exp", Severity::warning, "The token has no exp: it never expires",
     "Convrs: \"Always set an expiry time (exp) on your tokens\"; Eloquent: \"Use short-lived "
     "tokens\""},
    {"long-lifetime", Severity::warning, "The token lives longer than one hour",
     "Convrs: \"We recommend 1 hour\"; Eloquent: \"Use short-lived tokens, for example 1h\""},
    {"email-as-user-id", Severity::warning, "userId or user_id is an email address",
     "Convrs: \"Use a stable ID ... not an email address, which may change\"; Eloquent: \"Avoid "
     "using emails as user_id\""},
    {"missing-recommended", Severity::warning,
     "A recommended member is absent: userId (convrs), email (eloquent)",
     "Convrs: userId Required \"Recommended\"; Eloquent: \"Email address (recommended)\""},
    {"sensitive-data", Severity::warning,
     "The payload holds what looks like a password, key, token, secret or card number",
     "Convrs: \"Do not include sensitive data (passwords, API keys, credit card numbers)\"; "
     "Eloquent: \"Do not include passwords, payment details, access tokens\""},
    {"unknown-claim", Severity::warning,
     "A top-level claim Convrs neither documents nor registers (RFC 7519); custom data belongs "
     "in userData",
     "Convrs: JWT Payload Fields; \"userData is a freeform key-value object\""},
    {"unused-member", Severity::warning, "An agentData item has a member its type does not use",
     "Convrs: Supported Display Types, Additional Fields column"},
    {"datetime-without-zone", Severity::warning,
     "A datetime value has no time zone, so agents in other zones may read it wrong",
     "Convrs: datetime \"ISO 8601 string (e.g. 2026-04-23T14:30:00Z)\"; contract: no zone is a "
     "warning"},
};

void walk_sensitive(const Json& root, Findings& findings) {
  // Iterative: depth is bounded by the reader, but no recursion is simpler to trust.
  std::vector<std::pair<const Json*, std::string>> stack = {{&root, ""}};
  while (!stack.empty()) {
    auto [node, path] = std::move(stack.back());
    stack.pop_back();
    if (node->is_object()) {
      for (auto it = node->items().begin(); it != node->items().end(); ++it) {
        const std::string child = path + "/" + json_pointer_token(it.key());
        if (is_sensitive_name(it.key())) {
          findings.add("sensitive-data", child,
                       fmt::format("\"{}\" looks like sensitive data; the payload is only "
                                   "base64url-encoded and anyone with the page can read it: "
                                   "leave it out",
                                   it.key()));
        }
        stack.emplace_back(&it.value(), child);
      }
    } else if (node->is_array()) {
      for (std::size_t i = node->size(); i-- > 0;) {
        stack.emplace_back(&(*node)[i], path + "/" + std::to_string(i));
      }
    } else if (node->is_string() && looks_like_card_number(node->get_ref<const std::string&>())) {
      findings.add("sensitive-data", path,
                   "this looks like a payment card number (it passes the Luhn check); the "
                   "payload can be read by anyone with the page: leave it out");
    }
  }
}

void lint_registered_types(const Json& payload, Findings& findings) {
  for (const char* name : {"exp", "nbf", "iat"}) {
    if (payload.contains(name) && !payload[name].is_number()) {
      findings.add("claim-type", std::string("/") + name,
                   fmt::format("{} is {}; write a NumericDate, seconds since 1970 (e.g. "
                               "1776958200)",
                               name, describe_json_type(payload[name])));
    }
  }
  for (const char* name : {"iss", "sub", "jti"}) {
    if (payload.contains(name) && !payload[name].is_string()) {
      findings.add("claim-type", std::string("/") + name,
                   fmt::format("{} is {}; RFC 7519 makes it a string", name,
                               describe_json_type(payload[name])));
    }
  }
  if (payload.contains("aud")) {
    const Json& aud = payload["aud"];
    bool ok = aud.is_string();
    if (aud.is_array()) {
      ok = std::all_of(aud.begin(), aud.end(), [](const Json& v) { return v.is_string(); });
    }
    if (!ok) {
      findings.add("claim-type", "/aud",
                   fmt::format("aud is {}; RFC 7519 makes it a string or an array of strings",
                               describe_json_type(aud)));
    }
  }
}

void lint_expiry(const Json& payload, const LintRequest& request, Findings& findings) {
  if (!payload.contains("exp")) {
    if (request.from_token) {
      findings.add_missing("missing-exp", "/exp",
                           "the token has no exp, so it never expires; the platforms advise a "
                           "lifetime of 1 hour (sign it with chatjwt sign, which adds exp)");
    }
    return;
  }
  if (request.profile == Profile::generic || !payload["exp"].is_number()) return;
  const double exp = payload["exp"].get<double>();
  const bool has_iat = payload.contains("iat") && payload["iat"].is_number();
  const double start = has_iat ? payload["iat"].get<double>() : static_cast<double>(request.now);
  const double lifetime = exp - start;
  if (lifetime > 3600) {
    findings.add("long-lifetime", "/exp",
                 fmt::format("the token lives {} ({}); the platforms advise at most 1 hour: "
                             "--expires-in 1h",
                             describe_span(lifetime), has_iat ? "exp - iat" : "exp - now"));
  }
}

}  // namespace

std::span<const RuleInfo> all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view name) {
  for (const RuleInfo& rule : kRules) {
    if (rule.name == name) return &rule;
  }
  return nullptr;
}

std::string_view describe_json_type(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return describe(JsonKind::null);
    case Json::value_t::object:
      return describe(JsonKind::object);
    case Json::value_t::array:
      return describe(JsonKind::array);
    case Json::value_t::string:
      return describe(JsonKind::string);
    case Json::value_t::boolean:
      return describe(JsonKind::boolean);
    default:
      return describe(JsonKind::number);
  }
}

void Findings::push(std::string_view rule, const std::string& path, std::string message,
                    std::optional<TextPosition> position) {
  const RuleInfo* info = find_rule(rule);
  Diagnostic d;
  d.severity = info != nullptr ? info->severity : Severity::error;
  d.rule = info != nullptr ? info->name : "internal";
  d.part = part_;
  d.path = path;
  d.position = position;
  d.message = std::move(message);
  out_.push_back(std::move(d));
}

void Findings::add(std::string_view rule, const std::string& path, std::string message) {
  std::optional<TextPosition> position;
  if (positions_ != nullptr) {
    if (auto it = positions_->find(path); it != positions_->end()) position = it->second.at;
  }
  push(rule, path, std::move(message), position);
}

void Findings::add_missing(std::string_view rule, const std::string& path, std::string message) {
  std::optional<TextPosition> position;
  if (positions_ != nullptr) {
    const std::string parent = path.substr(0, path.rfind('/'));
    if (auto it = positions_->find(parent); it != positions_->end()) position = it->second.open;
  }
  push(rule, path, std::move(message), position);
}

void lint_payload(const Json& payload, const std::map<std::string, NodePosition>* positions,
                  const LintRequest& request, std::vector<Diagnostic>& out) {
  Findings findings(Part::payload, positions, out);
  lint_registered_types(payload, findings);
  switch (request.profile) {
    case Profile::convrs:
      lint_convrs(payload, findings);
      break;
    case Profile::eloquent:
      lint_eloquent(payload, findings);
      break;
    default:
      break;
  }
  lint_expiry(payload, request, findings);
  walk_sensitive(payload, findings);
}

void lint_header(const Json& header, std::vector<Diagnostic>& out) {
  Findings findings(Part::header, nullptr, out);
  if (!header.contains("alg")) {
    findings.add_missing("unsupported-algorithm", "/alg",
                         "the header has no alg; the platforms accept only \"alg\": \"HS256\"");
  } else if (header["alg"] != "HS256") {
    findings.add(
        "unsupported-algorithm", "/alg",
        fmt::format("alg is {}; the platforms accept only \"HS256\"",
                    header["alg"].is_string() ? "\"" + header["alg"].get<std::string>() + "\""
                                              : std::string(describe_json_type(header["alg"]))));
  }
  if (header.contains("crit")) {
    findings.add("critical-header", "/crit",
                 "crit names extensions the verifier must understand; the platforms understand "
                 "none, so verify rejects the token: remove crit");
  }
  if (header.contains("typ")) {
    const Json& typ = header["typ"];
    const std::string folded =
        typ.is_string() ? ascii_lower(typ.get_ref<const std::string&>()) : "";
    if (folded != "jwt" && folded != "application/jwt") {
      findings.add("header-typ", "/typ", "typ should be \"JWT\" (or leave it out)");
    }
  }
}

std::size_t LintResult::errors() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}
std::size_t LintResult::warnings() const { return diagnostics.size() - errors(); }

namespace {

Profile profile_of(const Json& payload, Profile requested) {
  return choose_profile(
             requested,
             [&payload](std::string_view name) { return payload.contains(std::string(name)); })
      .profile;
}

}  // namespace

void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     if (!a.position || !b.position) return false;
                     return std::pair(a.position->line, a.position->column) <
                            std::pair(b.position->line, b.position->column);
                   });
}

namespace {

// A text that failed the strict reader, as one finding.
void add_parse_failure(const JsonFailure& failure, Part part, bool with_position,
                       std::vector<Diagnostic>& out) {
  Diagnostic d;
  d.part = part;
  d.rule = failure.repeated_member ? "duplicate-member" : "invalid-json";
  d.severity = Severity::error;
  d.path = failure.repeated_member ? failure.pointer : "";
  if (with_position) d.position = failure.position;
  d.message = failure.message;
  out.push_back(std::move(d));
}

}  // namespace

LintResult lint_json_text(std::string_view text, Profile requested, std::int64_t now) {
  LintResult result;
  const ParseOutcome parsed = parse_json(text, /*with_positions=*/true);
  if (!parsed.ok) {
    add_parse_failure(parsed.failure, Part::payload, true, result.diagnostics);
    return result;
  }
  result.profile = profile_of(parsed.json.value, requested);
  LintRequest request{result.profile, false, now};
  lint_payload(parsed.json.value, &parsed.json.positions, request, result.diagnostics);
  sort_by_position(result.diagnostics);
  return result;
}

LintResult lint_token_text(std::string_view token, Profile requested, std::int64_t now) {
  LintResult result;
  const auto split = split_token(trim_token_space(token));
  if (!split) {
    result.diagnostics.push_back({Severity::error, "undecodable-segment", Part::payload, "",
                                  std::nullopt, split.error().message});
    return result;
  }
  struct Segment {
    Part part;
    std::string_view text;
  };
  const Segment segments[] = {{Part::header, split->header}, {Part::payload, split->payload}};
  ParseOutcome parsed[2];
  for (int i = 0; i < 2; ++i) {
    const auto bytes = base64url_decode(segments[i].text);
    if (!bytes || segments[i].text.empty()) {
      result.diagnostics.push_back(
          {Severity::error, "undecodable-segment", segments[i].part, "", std::nullopt,
           segments[i].text.empty() ? std::string("the segment is empty")
                                    : "the segment is not strict base64url: " +
                                          describe_base64url_problem(segments[i].text)});
      continue;
    }
    parsed[i] = parse_json(*bytes, /*with_positions=*/true);
    if (!parsed[i].ok)
      add_parse_failure(parsed[i].failure, segments[i].part, false, result.diagnostics);
  }
  if (parsed[0].ok) lint_header(parsed[0].json.value, result.diagnostics);
  if (parsed[1].ok) {
    result.profile = profile_of(parsed[1].json.value, requested);
    LintRequest request{result.profile, true, now};
    lint_payload(parsed[1].json.value, nullptr, request, result.diagnostics);
  }
  return result;
}

bool is_token_shaped(std::string_view text) {
  const std::string_view t = trim_token_space(text);
  std::size_t dots = 0;
  for (char c : t) {
    if (c == '.') {
      ++dots;
    } else if (!is_base64url_char(c)) {
      return false;
    }
  }
  if (dots != 2) return false;
  const std::size_t first = t.find('.');
  if (t[first + 1] == '.') return false;  // the payload run is non-empty
  return opens_json_object(t.substr(0, first));
}

}  // namespace chatjwt
