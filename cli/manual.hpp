// The man page and the shell completions, generated from the CLI11 definition (cli::build), so
// that a new option appears in --help, man and tab completion at once. The generated files are
// committed under man/ and completions/; a test fails when they differ from this output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace chatjwt::cli {

// What a value of an option or argument is, for completion.
enum class ValueHint { none, choice, file, env_var };

struct OptionDoc {
  std::vector<std::string> names;  // "-h", "--help"
  std::string value;               // its type name ("" for a flag)
  std::string description;
  std::string default_value;
  bool repeatable = false;
  ValueHint hint = ValueHint::none;
  std::vector<std::string> choices;
};

struct PositionalDoc {
  std::string name;
  std::string description;
  bool many = false;
  bool required = false;
  ValueHint hint = ValueHint::none;
  std::vector<std::string> choices;
};

struct CommandDoc {
  std::string name;
  std::string description;
  std::vector<OptionDoc> options;
  std::vector<PositionalDoc> positionals;
};

struct CliDoc {
  std::string description;
  std::vector<OptionDoc> options;  // chatjwt's own (--help, --version, --man-page)
  std::vector<CommandDoc> commands;
};

// Reads the definition: commands, options, arguments and what their values are.
CliDoc describe_cli(const CLI::App& root);

// The man page, in roff (man(7)); date (YYYY-MM-DD) is the release's.
std::string man_page(const CliDoc& doc, std::string_view version, std::string_view date);

// A completion script for "bash", "zsh" or "fish" (empty for another shell).
std::string completion_script(const CliDoc& doc, std::string_view shell);

}  // namespace chatjwt::cli
