// Everything read from the OS: files, standard input, variables, secret files.
// The only code that touches the file system.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chatjwt/error.hpp"
#include "chatjwt/hs256.hpp"
#include "chatjwt/secret.hpp"

#include "io.hpp"

namespace chatjwt::cli {

// Where each secret option pointed, in command-line order.
struct SecretSource {
  enum class Kind { env, file, value };
  Kind kind;
  std::string argument;  // the variable name, the path, or the secret itself (--secret)
};

// "--secret-env NAME", "--secret-file PATH", "--secret" (never the value).
std::string describe(const SecretSource& source);

// Reads and decodes every secret given on the command line, in order. usage or io errors;
// warnings (a secret on the command line, a short secret) go to warn.
struct LoadedSecrets {
  std::vector<SecretBytes> secrets;
  std::vector<SecretBytes> texts;    // each as given, before decoding (for verify's hints)
  std::vector<std::string> origins;  // describe() of each
};
Result<LoadedSecrets> load_secrets(const std::vector<SecretSource>& sources,
                                   SecretEncoding encoding, const Io& io,
                                   std::vector<std::string>& warnings);

// A whole file, or standard input for "-". io error when it cannot be read; at most
// limit bytes are kept (the rest is drained, and `truncated` set).
struct ReadText {
  std::string text;
  bool truncated = false;
};
Result<ReadText> read_all(std::string_view path, const Io& io, std::size_t limit);

// A token from standard input or an argument, trimmed, with a UTF-8 byte-order mark skipped at
// the start of standard input. Input past the 1 MiB cap is not kept: `oversize` is set.
struct TokenText {
  std::string text;
  bool oversize = false;
};
Result<TokenText> read_token_input(std::string_view argument, bool from_stdin, const Io& io);

// Reads lines from a file descriptor with bounded memory: a line longer than the cap is
// reported as oversize with its content dropped.
class LineReader {
 public:
  LineReader(int fd, std::size_t cap) : fd_(fd), cap_(cap) {}
  // The next line without its LF; false at the end. io errors end the stream (see failed()).
  bool next(std::string_view& line, bool& oversize);
  std::size_t line_number() const { return line_number_; }
  bool failed() const { return failed_; }

 private:
  bool fill();
  int fd_;
  std::size_t cap_;
  std::string buffer_;
  std::size_t start_ = 0;
  std::size_t line_number_ = 0;
  bool eof_ = false;
  bool failed_ = false;
};

// Reads lines straight into blocks the caller owns, so that a block of whole lines can go to
// another thread without being copied again (verify --batch --jobs). Lines end at LF; a line
// longer than the cap is not held: it is reported as oversize (no content) and skipped.
class BlockLineReader {
 public:
  struct Line {
    std::size_t offset = 0;  // into the block (0 and size 0 when oversize)
    std::size_t size = 0;    // without the LF
    std::size_t number = 0;  // 1-based
    bool oversize = false;
  };
  BlockLineReader(int fd, std::size_t cap) : fd_(fd), cap_(cap) {}
  // Replaces block's content with the next whole lines, at least target bytes of them unless the
  // input ends first, and appends where they are to lines. False once the input is exhausted.
  bool fill(std::string& block, std::vector<Line>& lines, std::size_t target);
  bool failed() const { return failed_; }

 private:
  int fd_;
  std::size_t cap_;
  std::string carry_;  // the start of a line the previous block could not finish
  std::size_t line_number_ = 0;
  bool skipping_ = false;  // inside an oversize line: its bytes are dropped up to its LF
  bool eof_ = false;
  bool failed_ = false;
};

// Opens path for reading ("-" is standard input); -1 and a message when it cannot.
int open_input(std::string_view path, const Io& io, std::string& error);

}  // namespace chatjwt::cli
