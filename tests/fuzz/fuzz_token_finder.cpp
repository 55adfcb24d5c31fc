// Finding the token in pasted text (decode and verify read a paste: a log line, an HTML page,
// a curl command). Whatever the text, the answer points into it and each candidate is a token.
#include "chatjwt/hints.hpp"
#include "chatjwt/lint.hpp"
#include "chatjwt/token.hpp"
#include "chatjwt/token_finder.hpp"

#include "fuzz_check.hpp"

using namespace chatjwt;

namespace {

bool within(std::string_view part, std::string_view whole) {
  return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw = fuzz::as_text(data, size);
  const std::string_view text = trim_token_space(raw);
  FUZZ_CHECK(within(text, raw));
  if (!text.empty()) {
    FUZZ_CHECK(!is_token_space(text.front()) && !is_token_space(text.back()));
  }

  const TokenSearch search = find_token(text);
  switch (search.kind) {
    case TokenSearch::Kind::bare:
      FUZZ_CHECK(search.token == text);
      FUZZ_CHECK(is_bare_token_text(text));
      break;
    case TokenSearch::Kind::found:
      FUZZ_CHECK(search.candidates.size() == 1);
      FUZZ_CHECK(search.token == search.candidates[0].token);
      [[fallthrough]];
    case TokenSearch::Kind::several:
      FUZZ_CHECK(!search.candidates.empty());
      if (search.kind == TokenSearch::Kind::several) FUZZ_CHECK(search.candidates.size() >= 2);
      for (const auto& candidate : search.candidates) {
        FUZZ_CHECK(within(candidate.token, text));
        FUZZ_CHECK(split_token(candidate.token).has_value());
        FUZZ_CHECK(opens_json_object(split_token(candidate.token)->header));
        FUZZ_CHECK(candidate.first_char >= 1 && candidate.first_char <= candidate.last_char);
      }
      break;
    case TokenSearch::Kind::none:
      FUZZ_CHECK(search.candidates.empty());
      explain_no_token(text);
      break;
  }
  is_token_shaped(raw);
  return 0;
}
