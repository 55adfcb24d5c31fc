// chatjwt sign: make a token from a payload, with iat and exp set.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common_options.hpp"
#include "io.hpp"

namespace chatjwt::cli {

struct SignOptions {
  std::string payload;  // empty: {}; "-": standard input
  std::vector<std::string> claims;
  std::string expires_in;  // empty: the default, 1h
  bool no_expiry = false;
  std::string not_before;
  std::string format = "token";
  bool force = false;
  CommonOptions common;
};

CLI::App* setup_sign(CLI::App& root, SignOptions& options);
int run_sign(const SignOptions& options, const Io& io);

}  // namespace chatjwt::cli
