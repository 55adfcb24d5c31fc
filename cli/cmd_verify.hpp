// chatjwt verify: the platform's checks, in order, on one token or a batch.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common_options.hpp"
#include "io.hpp"

namespace chatjwt::cli {

struct VerifyOptions {
  std::string token;  // empty or "-": standard input
  std::string batch;  // a file of tokens, one per line; "-": standard input
  bool json = false;
  std::string leeway = "0";
  std::vector<std::string> require;
  bool strict = false;   // lint findings reject the token (code lint)
  bool no_lint = false;  // skip lint (bulk verification)
  std::size_t jobs = 0;  // --batch worker threads; 0: one per core
  CommonOptions common;
};

CLI::App* setup_verify(CLI::App& root, VerifyOptions& options);
int run_verify(const VerifyOptions& options, const Io& io);

}  // namespace chatjwt::cli
