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

// Every member name and string value, in document order (a walk along the tree's links: no
// stack, no recursion).
void walk_sensitive(JsonRef root, Findings& findings) {
  JsonRef node = root;
  while (node) {
    if (node.parent().is_object() && is_sensitive_name(node.name())) {
      findings.add("sensitive-data", node,
                   fmt::format("\"{}\" looks like sensitive data; the payload is only "
                               "base64url-encoded and anyone with the page can read it: "
                               "leave it out",
                               node.name()));
    }
    if (node.is_string() && looks_like_card_number(node.string())) {
      findings.add("sensitive-data", node,
                   "this looks like a payment card number (it passes the Luhn check); the "
                   "payload can be read by anyone with the page: leave it out");
    }
    if (const JsonRef child = node.first(); child && (node.is_object() || node.is_array())) {
      node = child;
      continue;
    }
    while (node && !node.next()) {
      node = node.parent();
    }
    if (node) node = node.next();
  }
}

void lint_registered_types(JsonRef payload, Findings& findings) {
  for (const char* name : {"exp", "nbf", "iat"}) {
    if (const JsonRef v = payload.find(name); v && !v.is_number()) {
      findings.add("claim-type", v,
                   fmt::format("{} is {}; write a NumericDate, seconds since 1970 (e.g. "
                               "1776958200)",
                               name, describe_json_type(v)));
    }
  }
  for (const char* name : {"iss", "sub", "jti"}) {
    if (const JsonRef v = payload.find(name); v && !v.is_string()) {
      findings.add(
          "claim-type", v,
          fmt::format("{} is {}; RFC 7519 makes it a string", name, describe_json_type(v)));
    }
  }
  if (const JsonRef aud = payload.find("aud")) {
    bool ok = aud.is_string();
    if (aud.is_array()) {
      ok = true;
      for (JsonRef v : aud.children()) ok = ok && v.is_string();
    }
    if (!ok) {
      findings.add("claim-type", aud,
                   fmt::format("aud is {}; RFC 7519 makes it a string or an array of strings",
                               describe_json_type(aud)));
    }
  }
}

void lint_expiry(JsonRef payload, const LintRequest& request, Findings& findings) {
  const JsonRef exp = payload.find("exp");
  if (!exp) {
    if (request.from_token) {
      findings.add_missing("missing-exp", payload, "exp",
                           "the token has no exp, so it never expires; the platforms advise a "
                           "lifetime of 1 hour (sign it with chatjwt sign, which adds exp)");
    }
    return;
  }
  if (request.profile == Profile::generic || !exp.is_number()) return;
  const JsonRef iat = payload.find("iat");
  const bool has_iat = iat.is_number();
  const double start = has_iat ? iat.number() : static_cast<double>(request.now);
  const double lifetime = exp.number() - start;
  if (lifetime > 3600) {
    findings.add("long-lifetime", exp,
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

std::string_view describe_json_type(JsonRef value) { return describe(value.kind()); }

void Findings::push(std::string_view rule, std::string path, std::string message,
                    std::optional<TextPosition> position, std::size_t offset) {
  const RuleInfo* info = find_rule(rule);
  Diagnostic d;
  d.severity = info != nullptr ? info->severity : Severity::error;
  d.rule = info != nullptr ? info->name : "internal";
  d.part = part_;
  d.path = std::move(path);
  d.position = position;
  d.message = std::move(message);
  if (positions_.text) offsets_.emplace_back(out_.size(), offset);
  out_.push_back(std::move(d));
}

void Findings::add(std::string_view rule, JsonRef value, std::string message) {
  std::string path = value.pointer();
  std::optional<TextPosition> position;
  if (positions_.by_pointer != nullptr) {
    if (auto it = positions_.by_pointer->find(path); it != positions_.by_pointer->end()) {
      position = it->second.at;
    }
  }
  push(rule, std::move(path), std::move(message), position, value.at_offset());
}

void Findings::add_missing(std::string_view rule, JsonRef parent, std::string_view name,
                           std::string message) {
  std::optional<TextPosition> position;
  if (positions_.by_pointer != nullptr) {
    if (auto it = positions_.by_pointer->find(parent.pointer());
        it != positions_.by_pointer->end()) {
      position = it->second.open;
    }
  }
  push(rule, parent.pointer_to(name), std::move(message), position, parent.open_offset());
}

void Findings::place() {
  if (!positions_.text) return;
  std::stable_sort(offsets_.begin(), offsets_.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
  PositionCursor cursor(*positions_.text);
  for (const auto& [finding, offset] : offsets_) out_[finding].position = cursor.advance_to(offset);
  offsets_.clear();
}

void lint_payload(JsonRef payload, const LintRequest& request, std::vector<Diagnostic>& out,
                  PositionSource positions) {
  Findings findings(Part::payload, out, positions);
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
  findings.place();
}

void lint_header(JsonRef header, std::vector<Diagnostic>& out) {
  Findings findings(Part::header, out);
  if (const JsonRef alg = header.find("alg"); !alg) {
    findings.add_missing("unsupported-algorithm", header, "alg",
                         "the header has no alg; the platforms accept only \"alg\": \"HS256\"");
  } else if (!alg.is_string() || alg.string() != "HS256") {
    findings.add("unsupported-algorithm", alg,
                 fmt::format("alg is {}; the platforms accept only \"HS256\"",
                             alg.is_string() ? fmt::format("\"{}\"", alg.string())
                                             : std::string(describe_json_type(alg))));
  }
  if (const JsonRef crit = header.find("crit")) {
    findings.add("critical-header", crit,
                 "crit names extensions the verifier must understand; the platforms understand "
                 "none, so verify rejects the token: remove crit");
  }
  if (const JsonRef typ = header.find("typ")) {
    const std::string folded = typ.is_string() ? ascii_lower(typ.string()) : "";
    if (folded != "jwt" && folded != "application/jwt") {
      findings.add("header-typ", typ, "typ should be \"JWT\" (or leave it out)");
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

Profile profile_of(JsonRef payload, Profile requested) {
  return choose_profile(requested,
                        [payload](std::string_view name) { return bool(payload.find(name)); })
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
void add_parse_failure(std::string_view text, const JsonError& error, const JsonTree& tree,
                       Part part, bool with_position, std::vector<Diagnostic>& out) {
  Diagnostic d;
  d.part = part;
  d.rule = error.repeated_name ? "duplicate-member" : "invalid-json";
  d.severity = Severity::error;
  if (error.repeated_name)
    d.path = tree.open_pointer() + "/" + json_pointer_token(*error.repeated_name);
  if (with_position) d.position = position_of(text, error.offset);
  d.message = error.message;
  out.push_back(std::move(d));
}

}  // namespace

LintResult lint_json_text(std::string_view text, Profile requested, std::int64_t now) {
  LintResult result;
  StrictJsonScanner scanner;
  JsonTree tree;
  if (const auto error = tree.build(text, scanner)) {
    add_parse_failure(text, *error, tree, Part::payload, true, result.diagnostics);
    return result;
  }
  result.profile = profile_of(tree.root(), requested);
  LintRequest request{result.profile, false, now};
  lint_payload(tree.root(), request, result.diagnostics, PositionSource{text, nullptr});
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
  StrictJsonScanner scanner;
  JsonTree trees[2];
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
    if (const auto error = trees[i].build(*bytes, scanner)) {
      add_parse_failure(*bytes, *error, trees[i], segments[i].part, false, result.diagnostics);
    }
  }
  if (trees[0].root()) lint_header(trees[0].root(), result.diagnostics);
  if (trees[1].root()) {
    result.profile = profile_of(trees[1].root(), requested);
    LintRequest request{result.profile, true, now};
    lint_payload(trees[1].root(), request, result.diagnostics);
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
