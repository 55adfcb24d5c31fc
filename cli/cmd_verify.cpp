#include "cmd_verify.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "chatjwt/lint.hpp"
#include "chatjwt/report.hpp"
#include "chatjwt/timespec.hpp"
#include "chatjwt/token.hpp"
#include "chatjwt/token_finder.hpp"
#include "chatjwt/verify.hpp"
#include "chatjwt/verify_json.hpp"

#include "help_format.hpp"
#include "keyring.hpp"
#include "output.hpp"
#include "render.hpp"
#include "token_input.hpp"

namespace chatjwt::cli {

CLI::App* setup_verify(CLI::App& root, VerifyOptions& options) {
  CLI::App* sub = root.add_subcommand(
      "verify",
      "Check a token as the platform does when the widget connects; the first failed check "
      "decides the error code");
  sub->add_option("TOKEN", options.token,
                  "The token, or pasted text holding one; '-' or nothing reads standard input")
      ->type_name("");
  sub->add_option("--batch", options.batch,
                  "Verify every line of FILE ('-': standard input) as a token; blank lines and "
                  "lines starting with # are skipped")
      ->type_name("FILE");
  sub->add_flag("--json", options.json,
                "Print one JSON object per token (NDJSON with \"line\" under --batch)");
  sub->add_option("--leeway", options.leeway,
                  "Tolerate clock skew of DUR on exp and nbf (90, 45s, 2m; default 0)")
      ->type_name("DUR");
  add_repeatable(*sub, "--require", options.require,
                 "Reject the token (missing_claim) unless its payload has the claim NAME; "
                 "repeatable")
      ->type_name("NAME");
  sub->add_flag("--strict", options.strict,
                "Reject the token (code lint) when lint finds an error or a warning in it");
  sub->add_flag("--no-lint", options.no_lint, "Skip lint (faster bulk verification)");
  add_profile_option(*sub, options.common);
  add_now_option(*sub, options.common);
  add_secret_options(*sub, options.common, /*several=*/true);
  add_color_option(*sub, options.common);
  sub->footer(
      "Checks, in order (the first failure is the error code): malformed, "
      "unsupported_algorithm, unsupported_header, bad_signature, invalid_claim, expired, "
      "not_yet_valid, missing_claim, and with --strict, lint.\n"
      "Lint's findings on the token are shown as warnings; they reject nothing unless --strict.\n"
      "With no secret option, the profile's variable is read: CONVRS_SIGNING_SECRET (convrs), "
      "ELOQUENT_JWT_SECRET (eloquent), CHATJWT_SECRET (generic).\n"
      "Exit status: 0 accepted; 1 rejected; 2 could not judge (usage, unreadable input, missing "
      "secret).\n"
      "Examples:\n"
      "  chatjwt verify --secret-env CONVRS_SIGNING_SECRET \"$TOKEN\"\n"
      "  chatjwt verify --batch tokens.txt --json \\\n"
      "      --secret-file old.key --secret-file new.key");
  return sub;
}

namespace {

// Judges tokens one after another with the same rules and keys.
class Judge {
 public:
  // With lint, the header and payload values are built for it (the DOM path); without, a
  // token is judged from the scan alone.
  // json: keep the header and payload as compact JSON text (written during the scan).
  Judge(Profile requested, ClaimRules rules, KeyRing& ring, bool lint, bool strict, bool json)
      : requested_(requested),
        rules_(std::move(rules)),
        ring_(ring),
        lint_(lint),
        strict_(strict),
        json_(json) {}

  struct Outcome {
    TokenCheck check;
    Verdict verdict;
    const KeySet* keys = nullptr;
    std::optional<Error> not_judged;   // missing_secret: exit 2
    CompactParts compact;              // with --json, when check 1 passed
    std::vector<Diagnostic> findings;  // lint's, on a token whose header and payload decoded
    Json header;  // the decoded values, for lint (null unless check 1 passed and lint is on)
    Json payload;
  };

  // The outcome is the Judge's own, overwritten by the next call: its buffers are reused, so
  // judging token after token allocates nothing on the fast path.
  const Outcome& judge(std::string_view token) {
    Outcome& outcome = outcome_;
    outcome.verdict = Verdict{};
    outcome.keys = nullptr;
    outcome.not_judged.reset();
    outcome.findings.clear();
    check_token_into(token, requested_, scanner_, outcome.check,
                     json_ ? &outcome.compact : nullptr);
    if (lint_) {
      outcome.header = outcome.check.decoded ? header_json(outcome.check) : Json(nullptr);
      outcome.payload = outcome.check.decoded ? payload_json(outcome.check) : Json(nullptr);
    }
    if (outcome.check.error) {
      outcome.verdict.error = outcome.check.error;
      return outcome;
    }
    Error error;
    outcome.keys = ring_.keys_for(outcome.check.profile.profile, error);
    if (outcome.keys == nullptr) {
      outcome.not_judged = std::move(error);
      return outcome;
    }
    outcome.verdict = verify_checked(outcome.check, outcome.keys->keys, rules_);
    if (lint_) {
      lint_header(outcome.header, outcome.findings);
      lint_payload(outcome.payload, nullptr,
                   LintRequest{outcome.check.profile.profile, true, rules_.now}, outcome.findings);
    }
    // Check 9: only with --strict, and only when checks 1-8 passed.
    if (strict_ && !outcome.verdict.error && !outcome.findings.empty()) {
      InputReport report;
      report.diagnostics = outcome.findings;
      const ReportTotals t = totals({report});
      outcome.verdict.error = Error{
          ErrorCode::lint,
          fmt::format("lint found {} error{} and {} warning{} in the token (--strict)", t.errors,
                      t.errors == 1 ? "" : "s", t.warnings, t.warnings == 1 ? "" : "s")};
    }
    return outcome;
  }

  const ClaimRules& rules() const { return rules_; }

  // A verdict decided before any check could run (an oversize line), as the Judge's outcome.
  const Outcome& reject(Error error) {
    outcome_ = rejected(std::move(error));
    return outcome_;
  }

  // A verdict decided before any check could run (no token in pasted text, oversize input).
  static Outcome rejected(Error error) {
    Outcome outcome;
    outcome.verdict.error = std::move(error);
    return outcome;
  }

 private:
  Profile requested_;
  ClaimRules rules_;
  KeyRing& ring_;
  bool lint_;
  bool strict_;
  bool json_;
  StrictJsonScanner scanner_;
  Outcome outcome_;
};

// The contract's verify object (plus "line" first under --batch), one line.
void print_json(const Judge::Outcome& o, std::optional<std::size_t> line, Output& out) {
  VerifyObject object;
  object.line = line;
  const std::optional<Error>& error = o.not_judged ? o.not_judged : o.verdict.error;
  object.error = error ? &*error : nullptr;
  object.profile = o.check.profile.profile;
  if (o.check.decoded) {
    object.header = o.compact.header;
    object.payload = o.compact.payload;
  }
  object.secret_index = o.verdict.secret_index;
  object.warnings = o.findings;
  append_verify_json(out.buffer(), object);
  out.commit();
}

// Exit 2 before any token was judged; --json still prints one object.
int cannot_judge(const Error& error, bool json, Output& out, Output& err,
                 Profile profile = Profile::generic) {
  if (json) {
    VerifyObject object;
    object.error = &error;
    object.profile = profile == Profile::auto_detect ? Profile::generic : profile;
    append_verify_json(out.buffer(), object);
    out.commit();
  }
  error_line(err, error.message);
  return 2;
}

std::string signature_line(const Judge::Outcome& o) {
  if (!o.verdict.secret_index || o.keys == nullptr) return {};
  const std::size_t i = *o.verdict.secret_index;
  const std::size_t n = o.keys->keys.size();
  return fmt::format("  signature  matches {} ({})\n",
                     n == 1 ? std::string("the secret") : fmt::format("secret {} of {}", i + 1, n),
                     o.keys->origins[i]);
}

void print_human(const Judge::Outcome& o, std::int64_t now, const Style& style, Output& out) {
  if (o.verdict.error) {
    out.write(hanging(fmt::format("{}rejected{}: ", style.red, style.reset),
                      fmt::format("{}: {}", to_string(o.verdict.error->code),
                                  printable(o.verdict.error->message))));
  } else {
    out.print("{}valid{}: the platform would accept this token\n", style.green, style.reset);
  }
  out.write(signature_line(o));
  if (o.check.decoded) {
    out.print("  profile    {} ({})\n", to_string(o.check.profile.profile), o.check.profile.reason);
    out.write(time_claim_lines(o.check.payload, now));
  }
  for (const Diagnostic& d : o.findings) {
    out.write(hanging("  lint       ",
                      fmt::format("{}: {}{}: {} [{}]", to_string(d.severity),
                                  d.part == Part::header ? "header " : "",
                                  d.path.empty() ? "/" : d.path, printable(d.message), d.rule)));
  }
}

// Plain-words hints on a single token's verdict; for a bad signature, the usual mistakes
// that would have matched.
std::vector<std::string> hints_for(const Judge::Outcome& o, const Judge& judge, const KeyRing& ring,
                                   SecretEncoding encoding) {
  std::vector<std::string> hints;
  if (o.verdict.error && o.verdict.error->code == ErrorCode::bad_signature && o.keys != nullptr) {
    std::vector<SecretCandidate> candidates;
    for (std::size_t i = 0; i < o.keys->texts.size(); ++i) {
      auto variants = secret_variants(o.keys->texts[i].view(), encoding, o.keys->origins[i]);
      for (auto& v : variants) candidates.push_back(std::move(v));
    }
    for (auto& c : ring.other_candidates(*o.keys)) candidates.push_back(std::move(c));
    for (const std::string& meaning : matching_candidates(o.check, candidates)) {
      hints.push_back("the signature matches " + meaning);
    }
  }
  // When a probe found the mistake, the generic advice on a bad signature is noise.
  Verdict verdict = o.verdict;
  if (!hints.empty()) verdict.error.reset();
  for (std::string& hint : explain(o.check, verdict, judge.rules()))
    hints.push_back(std::move(hint));
  return hints;
}

int verify_single(const VerifyOptions& options, Judge& judge, const KeyRing& ring, std::int64_t now,
                  const Io& io, Output& out, Output& err) {
  auto acquired = acquire_token(options.token, io, err);
  if (!acquired) return cannot_judge(acquired.error(), options.json, out, err);
  const Judge::Outcome outcome =
      acquired->malformed ? Judge::rejected(*acquired->malformed) : judge.judge(acquired->token);
  if (outcome.not_judged) {
    return cannot_judge(*outcome.not_judged, options.json, out, err, outcome.check.profile.profile);
  }
  std::vector<std::string> hints =
      hints_for(outcome, judge, ring, requested_encoding(options.common));
  if (acquired->hint) hints.insert(hints.begin(), *acquired->hint);
  if (options.json) {
    print_json(outcome, std::nullopt, out);
    for (const std::string& hint : hints) err.print("chatjwt: hint: {}\n", printable(hint));
  } else {
    const Style style(colour_enabled(options.common, out, io));
    print_human(outcome, now, style, out);
    for (const std::string& hint : hints) {
      const std::string prefix = fmt::format("  {}hint{}       ", style.yellow, style.reset);
      out.write(hanging(prefix, printable(hint)));
    }
  }
  return outcome.verdict.error ? 1 : 0;
}

int verify_batch(const VerifyOptions& options, Judge& judge, const Io& io, Output& out,
                 Output& err) {
  std::string open_error;
  const int fd = open_input(options.batch, io, open_error);
  if (fd < 0) return cannot_judge(Error{ErrorCode::io, open_error}, options.json, out, err);
  const std::string name = options.batch == "-" ? "<stdin>" : options.batch;
  // A line may carry white space around a token of at most 1 MiB; past this it is malformed.
  LineReader reader(fd, kMaxTokenBytes + 4096);
  std::size_t tokens = 0, valid = 0, rejected = 0, unjudged = 0;
  std::string_view line;
  bool oversize = false;
  while (reader.next(line, oversize)) {
    if (reader.line_number() == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    line = trim_token_space(line);
    if (!oversize && (line.empty() || line.front() == '#')) continue;
    ++tokens;
    const Judge::Outcome& outcome =
        oversize ? judge.reject(Error{ErrorCode::malformed,
                                      "the line is longer than 1 MiB; no token is that long"})
                 : judge.judge(line);
    if (outcome.not_judged) {
      ++unjudged;
    } else if (outcome.verdict.error) {
      ++rejected;
    } else {
      ++valid;
    }
    if (options.json) {
      print_json(outcome, reader.line_number(), out);
    } else if (const auto& error =
                   outcome.not_judged ? outcome.not_judged : outcome.verdict.error) {
      err.print("{}:{}: {}: {}\n", printable(name), reader.line_number(), to_string(error->code),
                printable(error->message));
    }
  }
  if (fd != io.in_fd) ::close(fd);
  if (reader.failed()) {
    return cannot_judge(Error{ErrorCode::io, fmt::format("cannot read {} to the end", name)},
                        options.json, out, err);
  }
  if (tokens == 0) {
    return cannot_judge(
        Error{ErrorCode::usage,
              fmt::format("{} holds no token line (only blank lines or # comments)", name)},
        options.json, out, err);
  }
  if (!options.json) {
    err.print("chatjwt: {} token{}: {} valid, {} rejected{}\n", tokens, tokens == 1 ? "" : "s",
              valid, rejected, unjudged > 0 ? fmt::format(", {} not judged", unjudged) : "");
  }
  if (unjudged > 0) return 2;
  return rejected > 0 ? 1 : 0;
}

}  // namespace

int run_verify(const VerifyOptions& options, const Io& io) {
  Output out(io.out_fd);
  Output err(io.err_fd);
  const bool batch = !options.batch.empty();
  const bool token_from_stdin = !batch && (options.token.empty() || options.token == "-");
  if (batch && !options.token.empty()) {
    return cannot_judge(Error{ErrorCode::usage, "give a TOKEN or --batch FILE, not both"},
                        options.json, out, err);
  }
  if (secret_reads_stdin(options.common) && (token_from_stdin || options.batch == "-")) {
    return cannot_judge(
        Error{ErrorCode::usage,
              std::string("--secret-file - reads the secret from standard input, so the ") +
                  (batch ? "batch" : "token") + " cannot come from there too; pass " +
                  (batch ? "--batch FILE" : "the TOKEN as an argument")},
        options.json, out, err);
  }
  KeyRing ring(io, requested_encoding(options.common), err);
  if (auto loaded = ring.load_explicit(options.common.secrets); !loaded) {
    return cannot_judge(loaded.error(), options.json, out, err);
  }
  auto now = resolve_now(options.common, io);
  if (!now) return cannot_judge(now.error(), options.json, out, err);
  auto leeway = parse_duration(options.leeway);
  if (!leeway) {
    return cannot_judge(Error{ErrorCode::usage, "--leeway: " + leeway.error().message},
                        options.json, out, err);
  }
  if (options.strict && options.no_lint) {
    return cannot_judge(Error{ErrorCode::usage, "--strict needs lint; drop --no-lint"},
                        options.json, out, err);
  }
  ClaimRules rules;
  rules.now = *now;
  rules.leeway = *leeway;
  rules.require = options.require;
  Judge judge(requested_profile(options.common), std::move(rules), ring, !options.no_lint,
              options.strict, options.json);
  if (batch) return verify_batch(options, judge, io, out, err);
  return verify_single(options, judge, ring, *now, io, out, err);
}

}  // namespace chatjwt::cli
