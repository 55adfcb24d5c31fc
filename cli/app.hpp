// The CLI11 definition of chatjwt, built by one function, and the entry point that runs it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cmd_decode.hpp"
#include "cmd_lint.hpp"
#include "cmd_sign.hpp"
#include "cmd_verify.hpp"
#include "io.hpp"

namespace chatjwt::cli {

struct Options {
  SignOptions sign;
  DecodeOptions decode;
  VerifyOptions verify;
  LintOptions lint;
  std::string completion_shell;  // chatjwt completion SHELL
};

struct App {
  CLI::App root{
      "chatjwt: sign, decode, verify and lint the identity tokens (HS256 JWTs) a "
      "website hands to its web chat widget.",
      "chatjwt"};
  Options options;
  CLI::App* sign = nullptr;
  CLI::App* decode = nullptr;
  CLI::App* verify = nullptr;
  CLI::App* lint = nullptr;
  CLI::App* completion = nullptr;
};

// Declares every subcommand and option on app.root (the one source for help, man page and
// completions).
void build(App& app);

// Parses argv, runs the subcommand, returns the exit status (0, 1 or 2; usage errors are 2).
// The values of --secret are overwritten in argv once parsed, so that the process's command
// line no longer shows them, and wiped from every copy chatjwt holds.
int run(int argc, char** argv, const Io& io);

// "chatjwt 0.1.0 (OpenSSL 3.0.x ...)".
std::string version_text();

}  // namespace chatjwt::cli
