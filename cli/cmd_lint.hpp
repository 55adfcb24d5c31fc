// chatjwt lint: the payload schema checks on files, tokens and standard input.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common_options.hpp"
#include "io.hpp"

namespace chatjwt::cli {

struct LintOptions {
  std::vector<std::string> inputs;  // paths, tokens, "-"; none: standard input
  std::string format = "text";
  bool strict = false;
  bool list_rules = false;
  CommonOptions common;
};

CLI::App* setup_lint(CLI::App& root, LintOptions& options);
int run_lint(const LintOptions& options, const Io& io);

}  // namespace chatjwt::cli
