#include "common_options.hpp"

#include "chatjwt/timespec.hpp"

namespace chatjwt::cli {

CLI::Option* add_repeatable(CLI::App& app, const std::string& name, std::vector<std::string>& into,
                            const std::string& description) {
  return app
      .add_option_function<std::string>(
          name, [&into](const std::string& value) { into.push_back(value); }, description)
      ->trigger_on_parse()
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

CLI::Option* add_choice(CLI::App& app, const std::string& name, std::string& into,
                        const std::vector<std::string>& choices, const std::string& description) {
  std::string names;
  for (const auto& choice : choices) names += (names.empty() ? "" : "|") + choice;
  return app.add_option(name, into, description)
      ->check(CLI::IsMember(choices).description(""))
      ->type_name(names)
      ->capture_default_str();
}

void add_profile_option(CLI::App& app, CommonOptions& options) {
  add_choice(app, "--profile", options.profile, {"auto", "convrs", "eloquent", "generic"},
             "Payload schema and rules: auto detects convrs (userId, userData or agentData), "
             "then eloquent (user_id), else generic");
}

void add_now_option(CLI::App& app, CommonOptions& options) {
  app.add_option("--now", options.now,
                 "Use TIME as the current time (RFC 3339 such as 2026-04-23T14:30:00Z, or Unix "
                 "seconds): reproducible fixtures and CI")
      ->type_name("TIME");
}

void add_secret_options(CLI::App& app, CommonOptions& options, bool several) {
  auto& secrets = options.secrets;
  const std::string repeat =
      several ? " Repeat to try several secrets in order (secret rotation)." : "";
  app.add_option_function<std::string>(
         "--secret-env",
         [&secrets](const std::string& v) {
           secrets.push_back({SecretSource::Kind::env, v});
         },
         "Read the secret from the environment variable NAME." + repeat)
      ->type_name("NAME")
      ->trigger_on_parse()
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option_function<std::string>(
         "--secret-file",
         [&secrets](const std::string& v) {
           secrets.push_back({SecretSource::Kind::file, v});
         },
         "Read the secret from the file PATH ('-': standard input); one trailing newline is "
         "dropped." +
             repeat)
      ->type_name("PATH")
      ->trigger_on_parse()
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option_function<std::string>(
         "--secret",
         [&secrets](const std::string& v) {
           secrets.push_back({SecretSource::Kind::value, v});
         },
         "The secret itself (warns: command lines are visible to other users)." + repeat)
      ->type_name("VALUE")
      ->trigger_on_parse()
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_choice(app, "--secret-encoding", options.secret_encoding,
             {"utf8", "base64", "base64url", "hex"},
             "How every secret of the call is written: utf8 takes the bytes as given");
}

void add_color_option(CLI::App& app, CommonOptions& options) {
  add_choice(app, "--color", options.color, {"auto", "always", "never"},
             "Colour the output: auto (on a terminal, unless NO_COLOR is set), always, never");
}

bool colour_enabled(const CommonOptions& options, const Output& out, const Io& io) {
  if (options.color == "always") return true;
  if (options.color == "never") return false;
  const auto no_color = io.env("NO_COLOR");
  return out.is_terminal() && (!no_color || no_color->empty());
}

Result<std::int64_t> resolve_now(const CommonOptions& options, const Io& io) {
  if (options.now.empty()) return io.clock();
  auto now = parse_time(options.now);
  if (!now) return Error{ErrorCode::usage, "--now: " + now.error().message};
  return *now;
}

Profile requested_profile(const CommonOptions& options) {
  return parse_profile(options.profile).value_or(Profile::auto_detect);
}

SecretEncoding requested_encoding(const CommonOptions& options) {
  return parse_secret_encoding(options.secret_encoding).value_or(SecretEncoding::utf8);
}

bool secret_reads_stdin(const CommonOptions& options) {
  for (const auto& source : options.secrets) {
    if (source.kind == SecretSource::Kind::file && source.argument == "-") return true;
  }
  return false;
}

}  // namespace chatjwt::cli
