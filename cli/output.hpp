// Buffered output to a file descriptor, and the one-line messages on standard error.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace chatjwt::cli {

// A write buffer over a file descriptor (no iostreams). Flushes when large and on destruction.
class Output {
 public:
  explicit Output(int fd) : fd_(fd) {}
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output() { flush(); }

  void write(std::string_view text) {
    if (text.size() >= kFlushAt) {  // large: straight to the file, not through the buffer
      flush();
      write_all(text);
      return;
    }
    buffer_.append(text);
    if (buffer_.size() >= kFlushAt) flush();
  }
  template <class... Args>
  void print(fmt::format_string<Args...> format, Args&&... args) {
    fmt::format_to(std::back_inserter(buffer_), format, std::forward<Args>(args)...);
    if (buffer_.size() >= kFlushAt) flush();
  }
  // For writers that append to the buffer themselves; commit() after appending.
  std::string& buffer() { return buffer_; }
  void commit() {
    if (buffer_.size() >= kFlushAt) flush();
  }
  void flush();
  bool is_terminal() const;
  int fd() const { return fd_; }

 private:
  void write_all(std::string_view text);
  static constexpr std::size_t kFlushAt = 64 * 1024;
  int fd_;
  std::string buffer_;
};

// ANSI styles, or empty strings when colour is off.
struct Style {
  explicit Style(bool on)
      : bold(on ? "\x1b[1m" : ""),
        dim(on ? "\x1b[2m" : ""),
        red(on ? "\x1b[1;31m" : ""),
        green(on ? "\x1b[1;32m" : ""),
        yellow(on ? "\x1b[33m" : ""),
        cyan(on ? "\x1b[36m" : ""),
        magenta(on ? "\x1b[35m" : ""),
        reset(on ? "\x1b[0m" : "") {}
  const char* bold;
  const char* dim;
  const char* red;
  const char* green;
  const char* yellow;
  const char* cyan;
  const char* magenta;
  const char* reset;
};

// "chatjwt: error: ..." and kin on standard error, one line each (newlines in text are
// replaced, so a message can never be spread over lines by its content).
void error_line(Output& err, std::string_view text);
void warning_line(Output& err, std::string_view text);
void note_line(Output& err, std::string_view text);

// Makes text safe to print on a terminal: control characters become '?' (no escape sequences
// from a hostile token reach the user's terminal).
std::string printable(std::string_view text);

// The same, but line feeds are kept.
std::string printable_lines(std::string_view text);

}  // namespace chatjwt::cli
