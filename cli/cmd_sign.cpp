#include "cmd_sign.hpp"

#include <fmt/format.h>

#include "chatjwt/lint.hpp"
#include "chatjwt/report.hpp"
#include "chatjwt/sign.hpp"
#include "chatjwt/timespec.hpp"
#include "chatjwt/token.hpp"
#include "chatjwt/token_finder.hpp"

#include "keyring.hpp"
#include "output.hpp"

namespace chatjwt::cli {

CLI::App* setup_sign(CLI::App& root, SignOptions& options) {
  CLI::App* sub = root.add_subcommand(
      "sign", "Make an HS256 token from a JSON payload, setting iat and exp (1 hour by default)");
  sub->add_option("PAYLOAD", options.payload,
                  "A JSON file holding the payload object; '-' reads standard input; nothing "
                  "means {}")
      ->type_name("");
  add_repeatable(*sub, "--claim", options.claims,
                 "Set the top-level claim KEY to VALUE (JSON when VALUE parses as JSON, else a "
                 "string); repeatable, applied before anything else")
      ->type_name("KEY=VALUE");
  sub->add_option("--expires-in", options.expires_in,
                  "exp = iat + DUR (default 1h; 90, 45m, 1h30m, 2d)")
      ->type_name("DUR");
  sub->add_flag("--no-expiry", options.no_expiry,
                "Write no exp (warns: the platforms advise a 1-hour lifetime)");
  sub->add_option("--not-before", options.not_before,
                  "Set nbf: a duration from now (90, 5m) or an RFC 3339 time")
      ->type_name("DUR|TIME");
  add_choice(*sub, "--format", options.format, {"token", "html"},
             "token: the token alone; html: the page snippet of the profile (convrs: var "
             "ConvrsUser; eloquent: the identify call)");
  sub->add_flag("--force", options.force,
                "Sign even when lint finds errors in the payload (they are still printed)");
  add_profile_option(*sub, options.common);
  add_now_option(*sub, options.common);
  add_secret_options(*sub, options.common, /*several=*/false);
  sub->footer(
      "The header is always {\"alg\":\"HS256\",\"typ\":\"JWT\"}. iat is set to now unless the "
      "payload has one; a payload's own exp wins over the default.\n"
      "With no secret option, the profile's variable is read: CONVRS_SIGNING_SECRET (convrs), "
      "ELOQUENT_JWT_SECRET (eloquent), CHATJWT_SECRET (generic).\n"
      "The payload is linted first (see 'chatjwt lint'): errors stop the signing unless --force.\n"
      "Exit status: 0 signed; 1 the payload is not a valid JSON object or has lint errors; 2 "
      "usage, unreadable file or missing secret.\n"
      "Example:\n"
      "  chatjwt sign user.json --secret-env CONVRS_SIGNING_SECRET --claim plan=gold");
  return sub;
}

namespace {

constexpr std::size_t kMaxPayloadBytes = 1U << 20;

int fail(const Error& error, Output& err) {
  error_line(err, error.message);
  return exit_status(error.code);
}

// The payload as given: {} when omitted, else the file's or standard input's JSON object,
// with the positions of its members for lint's messages.
Result<ParsedJson> read_payload(const std::string& argument, const Io& io) {
  if (argument.empty()) return ParsedJson{Json::object(), {}};
  const std::string name = argument == "-" ? "standard input" : argument;
  auto read = read_all(argument, io, kMaxPayloadBytes);
  if (!read) return read.error();
  if (read->truncated) {
    return Error{ErrorCode::malformed,
                 fmt::format("{} is larger than 1 MiB; the token would be too", name)};
  }
  if (trim_token_space(read->text).empty()) {
    return Error{ErrorCode::usage, fmt::format("{} is empty; a payload is a JSON object", name)};
  }
  auto parsed = parse_json(read->text, /*with_positions=*/true);
  if (!parsed.ok) {
    return Error{ErrorCode::malformed,
                 fmt::format("{}:{}:{}: the payload is not a valid JSON object: {}", name,
                             parsed.failure.position.line, parsed.failure.position.column,
                             parsed.failure.message)};
  }
  return std::move(parsed.json);
}

std::string html_snippet(Profile profile, const std::string& token) {
  if (profile == Profile::convrs)
    return fmt::format("<script>var ConvrsUser = \"{}\";</script>", token);
  return fmt::format("<script>window.eloquent(\"identify\", {{ token: \"{}\" }});</script>", token);
}

}  // namespace

int run_sign(const SignOptions& options, const Io& io) {
  Output out(io.out_fd);
  Output err(io.err_fd);
  if (secret_reads_stdin(options.common) && options.payload == "-") {
    return fail(Error{ErrorCode::usage,
                      "--secret-file - reads the secret from standard input, so the payload "
                      "cannot come from there too; pass the payload as a file"},
                err);
  }
  if (options.common.secrets.size() > 1) {
    return fail(
        Error{ErrorCode::usage, "sign takes one secret; several are for verify (secret rotation)"},
        err);
  }
  KeyRing ring(io, requested_encoding(options.common), err);
  if (auto loaded = ring.load_explicit(options.common.secrets); !loaded) {
    return fail(loaded.error(), err);
  }
  auto now = resolve_now(options.common, io);
  if (!now) return fail(now.error(), err);
  if (options.no_expiry && !options.expires_in.empty()) {
    return fail(
        Error{ErrorCode::usage, "--no-expiry and --expires-in contradict each other; keep one"},
        err);
  }

  TimeClaims times;
  times.now = *now;
  times.no_expiry = options.no_expiry;
  times.expires_explicit = options.no_expiry || !options.expires_in.empty();
  if (!options.expires_in.empty()) {
    auto duration = parse_duration(options.expires_in);
    if (!duration)
      return fail(Error{ErrorCode::usage, "--expires-in: " + duration.error().message}, err);
    times.expires_in = *duration;
  }
  if (!options.not_before.empty()) {
    auto duration = parse_duration(options.not_before);
    if (duration) {
      times.not_before = *now + *duration;
    } else if (auto time = parse_time(options.not_before);
               time && options.not_before.find('-') != std::string::npos) {
      times.not_before = *time;
    } else {
      return fail(Error{ErrorCode::usage,
                        fmt::format("--not-before: '{}' is neither a duration (90, 5m, 1h30m) nor "
                                    "an RFC 3339 time (2026-04-23T14:30:00Z)",
                                    options.not_before.substr(0, 64))},
                  err);
    }
  }

  auto payload = read_payload(options.payload, io);
  if (!payload) return fail(payload.error(), err);
  for (const std::string& text : options.claims) {
    auto claim = parse_claim_assignment(text);
    if (!claim) return fail(claim.error(), err);
    payload->value[claim->key] = std::move(claim->value);
  }
  auto completed = complete_time_claims(std::move(payload->value), times);
  if (!completed) return fail(completed.error(), err);
  if (options.no_expiry) {
    warning_line(err, "--no-expiry: this token never expires; the platforms advise exp, 1 hour");
  }

  // Profile detection, the default variable and lint see the final payload.
  const std::string payload_text = to_json_text(*completed);
  StrictJsonScanner scanner;
  TopLevelMembers members;
  (void)scanner.scan(payload_text, members);
  const ProfileChoice profile = choose_profile(requested_profile(options.common), &members);
  if (options.format == "html" && profile.profile == Profile::generic) {
    return fail(Error{ErrorCode::usage,
                      "--format html needs a vendor profile (convrs or eloquent): the payload "
                      "is generic (" +
                          std::string(profile.reason) + "); use --profile"},
                err);
  }
  // Lint first: errors stop the signing unless --force; warnings are shown either way.
  InputReport report;
  report.name = options.payload.empty() ? std::string("payload") : options.payload;
  report.profile = profile.profile;
  JsonTree tree;
  if (const auto error = tree.build(payload_text, scanner)) {
    // Only --claim values can take the payload past what the reader accepts (nesting).
    report.diagnostics.push_back({Severity::error, "invalid-json", Part::payload, "", std::nullopt,
                                  "the payload with its claims is not I-JSON: " + error->message});
  } else {
    lint_payload(tree.root(), LintRequest{profile.profile, false, *now}, report.diagnostics,
                 PositionSource{std::nullopt, &payload->positions});
  }
  sort_by_position(report.diagnostics);
  if (!report.diagnostics.empty()) {
    err.write(render_text({report}, colour_enabled(options.common, err, io)));
    err.flush();
  }
  if (const ReportTotals t = totals({report}); t.errors > 0 && !options.force) {
    return fail(Error{ErrorCode::lint,
                      fmt::format("the payload has {} lint error{} (see above); fix them, or sign "
                                  "anyway with --force",
                                  t.errors, t.errors == 1 ? "" : "s")},
                err);
  }
  Error key_error;
  const KeySet* keys = ring.keys_for(profile.profile, key_error);
  if (keys == nullptr) return fail(key_error, err);
  const std::string token = sign_token(*completed, keys->keys.front());
  if (token.empty())
    return fail(Error{ErrorCode::io, "OpenSSL could not compute HMAC-SHA256"}, err);
  if (token.size() > kMaxTokenBytes) {
    return fail(Error{ErrorCode::malformed,
                      "the token would be longer than 1 MiB, which verify rejects as malformed"},
                err);
  }
  out.print("{}\n", options.format == "html" ? html_snippet(profile.profile, token) : token);
  return 0;
}

}  // namespace chatjwt::cli
