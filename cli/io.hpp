// The process's streams and environment, bundled so that commands never reach for globals.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace chatjwt::cli {

struct Io {
  int in_fd = 0;
  int out_fd = 1;
  int err_fd = 2;
  // getenv, injectable; nullopt when unset.
  std::function<std::optional<std::string>(const std::string&)> env;
  std::int64_t (*clock)() = nullptr;  // Unix seconds
};

// The real process: fds 0-2, ::getenv, the system clock.
Io process_io();

}  // namespace chatjwt::cli
