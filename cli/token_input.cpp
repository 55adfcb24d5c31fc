#include "token_input.hpp"

#include <fmt/format.h>

#include "chatjwt/hints.hpp"
#include "chatjwt/token.hpp"
#include "chatjwt/token_finder.hpp"

#include "inputs.hpp"

namespace chatjwt::cli {

Result<AcquiredToken> acquire_token(const std::string& argument, const Io& io, Output& err) {
  const bool from_stdin = argument.empty() || argument == "-";
  auto input = read_token_input(argument, from_stdin, io);
  if (!input) return input.error();
  const std::string where = from_stdin ? "standard input" : "the TOKEN argument";
  if (input->text.empty()) {
    return Error{ErrorCode::usage,
                 fmt::format("no token: {} is empty; pass a token, or pipe one in", where)};
  }
  AcquiredToken acquired;
  if (input->oversize) {
    acquired.malformed =
        Error{ErrorCode::malformed, fmt::format("{} is larger than 4 MiB; no token is that long "
                                                "(the cap is 1 MiB)",
                                                where)};
    return acquired;
  }
  const TokenSearch search = find_token(input->text);
  switch (search.kind) {
    case TokenSearch::Kind::bare:
      acquired.token = std::string(search.token);
      break;
    case TokenSearch::Kind::found: {
      const TokenCandidate& c = search.candidates.front();
      note_line(err, fmt::format("found a token in pasted text, at characters {}-{} of {}",
                                 c.first_char, c.last_char, where));
      acquired.token = std::string(search.token);
      break;
    }
    case TokenSearch::Kind::none:
      acquired.hint = explain_no_token(input->text);
      acquired.malformed =
          Error{ErrorCode::malformed,
                fmt::format("{} holds no token: a token is three base64url segments joined by "
                            "dots (header.payload.signature), the header starting with eyJ",
                            where)};
      break;
    case TokenSearch::Kind::several: {
      std::string list;
      std::size_t shown = 0;
      for (const auto& c : search.candidates) {
        if (shown++ == 5) {
          list += fmt::format(", and {} more", search.candidates.size() - 5);
          break;
        }
        const std::string_view head = c.token.substr(0, 24);
        list += fmt::format("{}characters {}-{} ({}...)", list.empty() ? "" : ", ", c.first_char,
                            c.last_char, head);
      }
      return Error{ErrorCode::usage,
                   fmt::format("{} holds {} different tokens: {}; pass the one to check", where,
                               search.candidates.size(), list)};
    }
  }
  return acquired;
}

}  // namespace chatjwt::cli
