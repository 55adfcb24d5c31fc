#include "output.hpp"

#include <unistd.h>

#include <cerrno>

namespace chatjwt::cli {

void Output::write_all(std::string_view text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;  // a closed pipe: nothing more can be said
    }
    done += static_cast<std::size_t>(n);
  }
}

void Output::flush() {
  write_all(buffer_);
  buffer_.clear();
}

bool Output::is_terminal() const { return ::isatty(fd_) == 1; }

std::string printable(std::string_view text) {
  // Control characters (C0, DEL, C1) and bytes that are not UTF-8 become '?': a terminal
  // must not take a hostile token's bytes for escape sequences.
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u < 0x80) {
      out.push_back(u < 0x20 || u == 0x7F ? '?' : static_cast<char>(u));
      ++i;
      continue;
    }
    std::size_t length = u >= 0xF0 && u <= 0xF4   ? 4
                         : u >= 0xE0              ? 3
                         : u >= 0xC2 && u <= 0xDF ? 2
                                                  : 0;
    if (u > 0xF4) length = 0;
    bool ok = length != 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) {
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0U) == 0x80U;
    }
    if (ok && u == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) ok = false;  // C1
    if (!ok) {
      out.push_back('?');
      ++i;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string printable_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find('\n', start);
    out += printable(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    out += '\n';
    start = end + 1;
  }
}

namespace {
void line(Output& err, std::string_view kind, std::string_view text) {
  err.print("chatjwt: {}: {}\n", kind, printable(text));
  err.flush();
}
}  // namespace

void error_line(Output& err, std::string_view text) { line(err, "error", text); }
void warning_line(Output& err, std::string_view text) { line(err, "warning", text); }
void note_line(Output& err, std::string_view text) { line(err, "note", text); }

}  // namespace chatjwt::cli
