#include "io.hpp"

#include <cstdlib>
#include <ctime>

namespace chatjwt::cli {

Io process_io() {
  Io io;
  io.env = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  io.clock = []() -> std::int64_t { return static_cast<std::int64_t>(std::time(nullptr)); };
  return io;
}

}  // namespace chatjwt::cli
