#include "cmd_decode.hpp"

#include <fmt/format.h>

#include "chatjwt/verify.hpp"

#include "agent_view.hpp"
#include "output.hpp"
#include "render.hpp"
#include "token_input.hpp"

namespace chatjwt::cli {

CLI::App* setup_decode(CLI::App& root, DecodeOptions& options) {
  CLI::App* sub = root.add_subcommand(
      "decode",
      "Show what a token holds (header, payload, times, profile) without checking its signature");
  sub->add_option("TOKEN", options.token,
                  "The token, or pasted text holding one (a log line, 'Bearer ...', a page "
                  "snippet); '-' or nothing reads standard input")
      ->type_name("");
  sub->add_flag("--json", options.json,
                "Print one JSON object: header, payload, signature, profile, verified (false)");
  add_profile_option(*sub, options.common);
  add_now_option(*sub, options.common);
  add_color_option(*sub, options.common);
  sub->add_option("--locale", options.locale,
                  "Format the agent's view for LOCALE (en-GB, de-DE; default: LC_ALL, LC_TIME, "
                  "LANG, then en-GB); date-times are in the TZ zone (default UTC)")
      ->type_name("LOCALE");
  sub->footer(
      "decode never checks the signature: anyone can write a token that decodes. Use 'chatjwt "
      "verify' to know whether the platform would accept it.\n"
      "Exit status: 0 decoded; 1 the input holds no token that decodes; 2 usage or read error.\n"
      "Example:\n  xclip -o | chatjwt decode");
  return sub;
}

namespace {

int fail(const Error& error, bool json, Output& out, Output& err) {
  if (json) {
    Json object = Json::object();
    object["header"] = nullptr;
    object["payload"] = nullptr;
    object["signature"] = nullptr;
    object["profile"] = "generic";
    object["verified"] = false;
    object["error"] = {{"code", to_string(error.code)}, {"message", error.message}};
    out.print("{}\n", to_json_text(object));
  }
  if (!json || exit_status(error.code) == 2) error_line(err, error.message);
  return exit_status(error.code);
}

}  // namespace

int run_decode(const DecodeOptions& options, const Io& io) {
  Output out(io.out_fd);
  Output err(io.err_fd);
  auto now = resolve_now(options.common, io);
  if (!now) return fail(now.error(), options.json, out, err);
  auto acquired = acquire_token(options.token, io, err);
  if (!acquired) return fail(acquired.error(), options.json, out, err);
  if (acquired->malformed) {
    if (acquired->hint) err.print("chatjwt: hint: {}\n", printable(*acquired->hint));
    return fail(*acquired->malformed, options.json, out, err);
  }

  const TokenCheck check = check_token(acquired->token, requested_profile(options.common));
  if (!check.decoded) return fail(*check.error, options.json, out, err);

  const Json header = header_json(check);
  const Json payload = payload_json(check);
  if (options.json) {
    Json object = Json::object();
    object["header"] = header;
    object["payload"] = payload;
    object["signature"] = std::string(check.token.segments.signature);
    object["profile"] = to_string(check.profile.profile);
    object["verified"] = false;
    out.print("{}\n", to_json_text(object));
    return 0;
  }
  const Style style(colour_enabled(options.common, out, io));
  out.print("{}Header{}\n", style.bold, style.reset);
  out.write(pretty_json(header, "  ", style));
  out.print("{}Payload{}\n", style.bold, style.reset);
  out.write(pretty_json(payload, "  ", style));
  out.print("{}Times (UTC){}\n", style.bold, style.reset);
  out.write(time_claim_lines(check.payload, *now));
  out.print("{}Profile{}\n  {} ({})\n", style.bold, style.reset, to_string(check.profile.profile),
            check.profile.reason);
  out.print(
      "{}Signature{}\n  {}NOT VERIFIED{}: decode never checks it; run 'chatjwt verify' for that\n",
      style.bold, style.reset, style.yellow, style.reset);
  if (check.error) {
    out.print("  {}the platform would reject this token{}: {}: {}\n", style.red, style.reset,
              to_string(check.error->code), printable(check.error->message));
  }
  if (check.profile.profile == Profile::convrs || check.profile.profile == Profile::eloquent) {
    std::string zone = io.env("TZ").value_or("UTC");
    if (zone.starts_with(':')) zone.erase(0, 1);
    if (zone.empty()) zone = "UTC";
    LocaleFormat format(
        choose_locale(options.locale, io.env("LC_ALL"), io.env("LC_TIME"), io.env("LANG")), zone);
    out.write(render_agent_view(payload, check.profile.profile, format, style));
  }
  return 0;
}

}  // namespace chatjwt::cli
