#include "chatjwt/token_finder.hpp"

#include "chatjwt/base64url.hpp"

namespace chatjwt {

std::string_view trim_token_space(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_token_space(text[begin])) ++begin;
  while (end > begin && is_token_space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

bool is_bare_token_text(std::string_view text) {
  for (char c : text) {
    if (!is_base64url_char(c) && c != '.') return false;
  }
  return true;
}

bool opens_json_object(std::string_view segment) {
  const auto bytes = base64url_decode(segment);
  return bytes && !bytes->empty() && (*bytes)[0] == '{';
}

namespace {

bool is_run_char(char c) { return is_base64url_char(c) || c == '.'; }

// The run qualifies as a token by its shape alone.
bool looks_like_token(std::string_view run) {
  std::size_t dots = 0;
  for (char c : run) dots += c == '.' ? 1 : 0;
  return dots == 2 && opens_json_object(run.substr(0, run.find('.')));
}

}  // namespace

TokenSearch find_token(std::string_view text) {
  TokenSearch search;
  if (is_bare_token_text(text)) {
    search.kind = TokenSearch::Kind::bare;
    search.token = text;
    return search;
  }
  std::size_t i = 0;
  std::size_t chars_before = 0;  // code points before i
  while (i < text.size()) {
    if (!is_run_char(text[i])) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++chars_before;
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && is_run_char(text[i])) ++i;
    const std::string_view run = text.substr(start, i - start);
    const bool cut = i < text.size() && (text[i] == '=' || text[i] == '+' || text[i] == '/');
    if (!cut && looks_like_token(run)) {
      bool repeat = false;
      for (const auto& c : search.candidates) repeat = repeat || c.token == run;
      if (!repeat) {
        search.candidates.push_back(
            TokenCandidate{run, chars_before + 1, chars_before + run.size()});
      }
    }
    chars_before += run.size();  // the run is ASCII
  }
  if (search.candidates.empty()) {
    search.kind = TokenSearch::Kind::none;
  } else if (search.candidates.size() == 1) {
    search.kind = TokenSearch::Kind::found;
    search.token = search.candidates.front().token;
  } else {
    search.kind = TokenSearch::Kind::several;
  }
  return search;
}

}  // namespace chatjwt
