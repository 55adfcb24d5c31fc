// chatjwt decode: show what a token holds, without checking its signature.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "common_options.hpp"
#include "io.hpp"

namespace chatjwt::cli {

struct DecodeOptions {
  std::string token;  // empty or "-": standard input
  bool json = false;
  std::string locale;  // empty: from LC_ALL, LC_TIME, LANG
  CommonOptions common;
};

CLI::App* setup_decode(CLI::App& root, DecodeOptions& options);
int run_decode(const DecodeOptions& options, const Io& io);

}  // namespace chatjwt::cli
