// Options several subcommands share, declared once: --profile, --now, the secret options.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "chatjwt/error.hpp"
#include "chatjwt/profile.hpp"
#include "chatjwt/secret.hpp"

#include "inputs.hpp"
#include "output.hpp"

namespace chatjwt::cli {

struct CommonOptions {
  std::string profile = "auto";
  std::string now;                    // empty: the system clock
  std::vector<SecretSource> secrets;  // in command-line order
  std::string secret_encoding = "utf8";
  std::string color = "auto";
};

// A repeatable option taking one value per occurrence, so that it never swallows the
// positional argument after it (CLI11 2.1.2 would, for a plain vector option).
CLI::Option* add_repeatable(CLI::App& app, const std::string& name, std::vector<std::string>& into,
                            const std::string& description);

// An option whose value must be one of choices (checked, listed in --help).
CLI::Option* add_choice(CLI::App& app, const std::string& name, std::string& into,
                        const std::vector<std::string>& choices, const std::string& description);

void add_profile_option(CLI::App& app, CommonOptions& options);
void add_now_option(CLI::App& app, CommonOptions& options);
void add_secret_options(CLI::App& app, CommonOptions& options, bool several);
void add_color_option(CLI::App& app, CommonOptions& options);

// --color: always, never, or (auto) when out is a terminal and NO_COLOR is unset or empty.
bool colour_enabled(const CommonOptions& options, const Output& out, const Io& io);

// --now, or the clock.
Result<std::int64_t> resolve_now(const CommonOptions& options, const Io& io);

Profile requested_profile(const CommonOptions& options);
SecretEncoding requested_encoding(const CommonOptions& options);

// True when a secret comes from standard input (--secret-file -).
bool secret_reads_stdin(const CommonOptions& options);

}  // namespace chatjwt::cli
