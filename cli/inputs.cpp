#include "inputs.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "chatjwt/token.hpp"
#include "chatjwt/token_finder.hpp"

#include <sys/stat.h>

namespace chatjwt::cli {
namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxSecretFileBytes = 1U << 20;
// Pasted text may hold more than the token: a log excerpt, an HTML page.
constexpr std::size_t kMaxPastedBytes = 4U << 20;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string errno_text(int error) { return std::strerror(error); }

ssize_t read_some(int fd, char* data, std::size_t size) {
  while (true) {
    const ssize_t n = ::read(fd, data, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

}  // namespace

int open_input(std::string_view path, const Io& io, std::string& error) {
  if (path == "-") return io.in_fd;
  const std::string p(path);
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) error = fmt::format("cannot read {}: {}", p, errno_text(errno));
  return fd;
}

std::string describe(const SecretSource& source) {
  switch (source.kind) {
    case SecretSource::Kind::env:
      return "--secret-env " + source.argument;
    case SecretSource::Kind::file:
      return source.argument == "-" ? std::string("--secret-file - (standard input)")
                                    : "--secret-file " + source.argument;
    case SecretSource::Kind::value:
      return "--secret";
  }
  return "a secret option";
}

Result<ReadText> read_all(std::string_view path, const Io& io, std::size_t limit) {
  std::string error;
  const int fd = open_input(path, io, error);
  if (fd < 0) return Error{ErrorCode::io, error};
  ReadText result;
  std::string chunk(kChunk, '\0');
  while (true) {
    const ssize_t n = read_some(fd, chunk.data(), chunk.size());
    if (n < 0) {
      const int saved = errno;
      if (fd != io.in_fd) ::close(fd);
      wipe(chunk);
      return Error{ErrorCode::io,
                   fmt::format("cannot read {}: {}", path == "-" ? "standard input" : path,
                               errno_text(saved))};
    }
    if (n == 0) break;
    const auto got = static_cast<std::size_t>(n);
    const std::size_t room = limit - std::min(limit, result.text.size());
    result.text.append(chunk.data(), std::min(room, got));
    if (got > room) result.truncated = true;
  }
  wipe(chunk);  // it may have held a secret
  if (fd != io.in_fd) ::close(fd);
  return result;
}

Result<LoadedSecrets> load_secrets(const std::vector<SecretSource>& sources,
                                   SecretEncoding encoding, const Io& io,
                                   std::vector<std::string>& warnings) {
  LoadedSecrets loaded;
  bool warned_value = false;
  for (const SecretSource& source : sources) {
    const std::string origin = describe(source);
    std::string text;
    switch (source.kind) {
      case SecretSource::Kind::env: {
        auto value = io.env(source.argument);
        if (!value) {
          return Error{
              ErrorCode::missing_secret,
              fmt::format("{} is not set; export it, or use --secret-file PATH", source.argument)};
        }
        text = std::move(*value);
        break;
      }
      case SecretSource::Kind::file: {
        struct stat info {};
        if (source.argument != "-" && ::stat(source.argument.c_str(), &info) == 0 &&
            (info.st_mode & (S_IRGRP | S_IROTH)) != 0) {
          warnings.push_back(
              fmt::format("{} is readable by other users (mode {:04o}); chmod 600 {}",
                          source.argument, info.st_mode & 07777, source.argument));
        }
        auto read = read_all(source.argument, io, kMaxSecretFileBytes);
        if (!read) return read.error();
        if (read->truncated) {
          wipe(read->text);
          return Error{ErrorCode::usage,
                       fmt::format("the secret file of {} is larger than 1 MiB; that is no "
                                   "shared secret",
                                   origin)};
        }
        text = std::string(strip_one_newline(read->text));
        wipe(read->text);
        break;
      }
      case SecretSource::Kind::value:
        text = source.argument;
        if (!warned_value) {
          warnings.emplace_back(
              "--secret puts the secret on the command line, where other users can see it "
              "(ps, shell history); prefer --secret-env NAME or --secret-file PATH");
          warned_value = true;
        }
        break;
    }
    auto secret = decode_secret(text, encoding, origin);
    loaded.texts.emplace_back(text);
    wipe(text);
    if (!secret) return secret.error();
    if (secret->size() < kRecommendedSecretBytes) {
      warnings.push_back(
          fmt::format("the secret from {} is {} bytes; RFC 7518 §3.2 asks for at "
                      "least 32 (the length of the hash)",
                      origin, secret->size()));
    }
    loaded.secrets.push_back(std::move(*secret));
    loaded.origins.push_back(origin);
  }
  return loaded;
}

Result<TokenText> read_token_input(std::string_view argument, bool from_stdin, const Io& io) {
  TokenText result;
  if (!from_stdin) {
    const std::string_view trimmed = trim_token_space(argument);
    result.text = std::string(trimmed);
    return result;
  }
  // Stream standard input, keeping at most the cap after leading white space; what lies past
  // the cap only matters if it is not white space.
  std::string chunk(kChunk, '\0');
  bool at_start = true;
  bool seen_content = false;
  while (true) {
    const ssize_t n = read_some(io.in_fd, chunk.data(), chunk.size());
    if (n < 0) {
      return Error{ErrorCode::io, fmt::format("cannot read standard input: {}", errno_text(errno))};
    }
    if (n == 0) break;
    std::string_view data(chunk.data(), static_cast<std::size_t>(n));
    if (at_start) {
      at_start = false;
      if (data.starts_with(kBom)) data.remove_prefix(kBom.size());
    }
    if (!seen_content) {
      std::size_t skip = 0;
      while (skip < data.size() && is_token_space(data[skip])) ++skip;
      data.remove_prefix(skip);
      if (data.empty()) continue;
      seen_content = true;
    }
    const std::size_t room = kMaxPastedBytes - std::min(kMaxPastedBytes, result.text.size());
    result.text.append(data.substr(0, room));
    if (data.size() > room) {
      for (char c : data.substr(room)) {
        if (!is_token_space(c)) result.oversize = true;
      }
    }
  }
  const std::string_view trimmed = trim_token_space(result.text);
  result.text.resize(trimmed.size());  // leading space was never kept
  return result;
}

bool LineReader::fill() {
  if (eof_ || failed_) return false;
  if (start_ > 0) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  const std::size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  const ssize_t n = read_some(fd_, buffer_.data() + old, kChunk);
  if (n <= 0) {
    buffer_.resize(old);
    if (n < 0) failed_ = true;
    eof_ = true;
    return false;
  }
  buffer_.resize(old + static_cast<std::size_t>(n));
  return true;
}

bool LineReader::next(std::string_view& line, bool& oversize) {
  oversize = false;
  std::size_t scanned = 0;  // bytes after start_ known to hold no LF
  while (true) {
    const std::size_t newline = buffer_.find('\n', start_ + scanned);
    if (newline != std::string::npos) {
      // Longer than the cap is oversize however the reads fell (the LF may come in the read
      // that crosses the cap).
      if (newline - start_ > cap_) oversize = true;
      line = oversize ? std::string_view{}
                      : std::string_view(buffer_).substr(start_, newline - start_);
      start_ = newline + 1;
      ++line_number_;
      return true;
    }
    scanned = buffer_.size() - start_;
    if (scanned > cap_) {
      // Too long to be a token: drop what we hold and skip to the end of the line.
      oversize = true;
      buffer_.clear();
      start_ = 0;
      scanned = 0;
    }
    if (!fill()) {
      if (buffer_.size() - start_ > cap_) oversize = true;
      if (start_ < buffer_.size() || oversize) {
        line = oversize ? std::string_view{} : std::string_view(buffer_).substr(start_);
        start_ = buffer_.size();
        ++line_number_;
        return true;
      }
      return false;
    }
  }
}

}  // namespace chatjwt::cli

namespace chatjwt::cli {

bool BlockLineReader::fill(std::string& block, std::vector<Line>& lines, std::size_t target) {
  block.swap(carry_);  // starts with the unfinished line, which holds no LF
  carry_.clear();
  const std::size_t added_before = lines.size();
  std::size_t line_start = 0;  // of the line not yet ended
  std::size_t scan_from = block.size();
  while (true) {
    for (std::size_t nl = block.find('\n', scan_from); nl != std::string::npos;
         nl = block.find('\n', scan_from)) {
      if (skipping_) {
        lines.push_back({0, 0, ++line_number_, true});
        skipping_ = false;
        block.erase(line_start, nl + 1 - line_start);  // only the oversize line's LF was kept
        scan_from = line_start;
        continue;
      }
      if (nl - line_start > cap_) {  // the same rule as LineReader, however the reads fell
        lines.push_back({0, 0, ++line_number_, true});
      } else {
        lines.push_back({line_start, nl - line_start, ++line_number_, false});
      }
      line_start = scan_from = nl + 1;
    }
    scan_from = block.size();
    if (!skipping_ && block.size() - line_start > cap_) {  // too long to be a token: drop it
      skipping_ = true;
      block.resize(line_start);
      scan_from = line_start;
    }
    if (eof_ || (line_start >= target && lines.size() > added_before)) break;
    // Read about what the block still wants, so that little is carried over.
    const std::size_t want =
        std::clamp<std::size_t>(target + 4096 - std::min(target, line_start), 4096, 64 * 1024);
    const std::size_t old = block.size();
    block.resize(old + want);
    const ssize_t n = read_some(fd_, block.data() + old, want);
    if (n <= 0) {
      block.resize(old);
      if (n < 0) failed_ = true;
      eof_ = true;
      continue;
    }
    block.resize(old + static_cast<std::size_t>(n));
    if (skipping_) {  // drop the oversize line's bytes, keeping its LF when it came
      const std::size_t nl = block.find('\n', old);
      block.erase(old, (nl == std::string::npos ? block.size() : nl) - old);
      scan_from = old;
    }
  }
  if (eof_) {
    if (skipping_) {
      lines.push_back({0, 0, ++line_number_, true});
      skipping_ = false;
    } else if (line_start < block.size()) {
      const std::size_t size = block.size() - line_start;
      lines.push_back(size > cap_ ? Line{0, 0, ++line_number_, true}
                                  : Line{line_start, size, ++line_number_, false});
      line_start = block.size();
    }
  }
  carry_.assign(block, line_start, std::string::npos);
  block.resize(line_start);
  return lines.size() > added_before || !eof_;
}

}  // namespace chatjwt::cli
