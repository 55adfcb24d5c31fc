#include "chatjwt/strict_json.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <set>
#include <system_error>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace chatjwt {

std::string_view to_string(JsonKind kind) {
  switch (kind) {
    case JsonKind::object:
      return "object";
    case JsonKind::array:
      return "array";
    case JsonKind::string:
      return "string";
    case JsonKind::number:
      return "number";
    case JsonKind::boolean:
      return "boolean";
    case JsonKind::null:
      return "null";
  }
  return "value";
}

std::string_view describe(JsonKind kind) {
  switch (kind) {
    case JsonKind::object:
      return "an object";
    case JsonKind::array:
      return "an array";
    case JsonKind::string:
      return "a string";
    case JsonKind::number:
      return "a number";
    case JsonKind::boolean:
      return "a boolean";
    case JsonKind::null:
      return "null";
  }
  return "a value";
}

namespace {

// Objects with more members than this switch from a linear scan to an ordered set, so that
// a hostile object of 100,000 members stays O(n log n) (a hash set could be flooded).
constexpr std::size_t kLinearNameLimit = 16;

bool is_noncharacter(std::uint32_t cp) {
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEU) == 0xFFFEU;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string hex_cp(std::uint32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "U+";
  int digits = cp > 0xFFFF ? (cp > 0xFFFFF ? 6 : 5) : 4;
  for (int i = digits - 1; i >= 0; --i) out.push_back(kHex[(cp >> (4 * i)) & 0xF]);
  return out;
}

}  // namespace

// Bytes that end a run of plain string content: '"', '\\', control characters and non-ASCII.
constexpr std::array<bool, 256> make_string_stops() {
  std::array<bool, 256> stops{};
  for (std::size_t i = 0; i < 256; ++i) stops[i] = i < 0x20 || i >= 0x80 || i == '"' || i == '\\';
  return stops;
}
constexpr std::array<bool, 256> kStringStops = make_string_stops();

struct StrictJsonScanner::Impl {
  // A member name: in the text itself when it has no escape, else in arena (by offset, so
  // arena may grow without invalidating it).
  struct NameRef {
    std::size_t offset;
    std::size_t size;
    std::uint32_t sketch;  // size, first and last byte: most unequal names differ here
    std::uint32_t in_arena;
  };
  struct NameLess {
    const Impl* impl;
    bool operator()(const NameRef& a, const NameRef& b) const {
      return impl->name_view(a) < impl->name_view(b);
    }
  };
  struct Frame {
    bool is_object = false;
    std::size_t names_begin = 0;                       // index into names
    std::size_t arena_begin = 0;                       // arena size when the object opened
    std::unique_ptr<std::set<NameRef, NameLess>> big;  // set once the object grows large
  };

  std::string_view text;
  std::size_t pos = 0;
  JsonEvents* events = nullptr;
  // The string just scanned, unescaped: a view into text when it has no escape (the usual
  // case, no copy), else into scratch.
  std::string_view str;
  bool str_in_text = false;
  std::string scratch;
  std::string arena;  // escaped member names of the open objects
  std::vector<NameRef> names;
  std::vector<Frame> frames;
  std::optional<JsonError> error;
  bool spaced = false;      // white space met between tokens
  bool any_escape = false;  // an escape met in a string

  bool fail(std::size_t offset, std::string message) {
    if (!error) error = JsonError{offset, std::move(message), std::nullopt};
    return false;
  }

  bool at_end() const { return pos >= text.size(); }
  char peek() const { return text[pos]; }

  void skip_space() {
    while (pos < text.size()) {
      const char c = text[pos];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        spaced = true;
        ++pos;
      } else {
        return;
      }
    }
  }

  std::string_view name_view(const NameRef& ref) const {
    return {(ref.in_arena ? arena.data() : text.data()) + ref.offset, ref.size};
  }

  // Records the string just scanned as a name in the innermost object; false when it repeats
  // an earlier member there.
  bool add_name() {
    Frame& frame = frames.back();
    const std::size_t count = names.size() - frame.names_begin;
    if (frame.big == nullptr && str_in_text && count < kLinearNameLimit) {
      // The usual case, kept small: a plain name in a small object.
      const std::uint32_t sketch = name_sketch(str);
      for (std::size_t i = frame.names_begin; i < names.size(); ++i) {
        if (names[i].sketch == sketch && name_view(names[i]) == str) return false;
      }
      NameRef& ref = names.emplace_back();
      ref.offset = static_cast<std::size_t>(str.data() - text.data());
      ref.size = str.size();
      ref.sketch = sketch;
      ref.in_arena = 0U;
      return true;
    }
    return add_name_in_full();
  }

  // Any name: escaped ones are kept in the arena; a large object moves to a set.
  [[gnu::noinline]] bool add_name_in_full() {
    Frame& frame = frames.back();
    const std::size_t count = names.size() - frame.names_begin;
    const std::uint32_t sketch = name_sketch(str);
    if (frame.big == nullptr) {
      for (std::size_t i = frame.names_begin; i < names.size(); ++i) {
        if (names[i].sketch == sketch && name_view(names[i]) == str) return false;
      }
    }
    std::size_t offset = 0;
    if (str_in_text) {
      offset = static_cast<std::size_t>(str.data() - text.data());
    } else {
      offset = arena.size();
      arena.append(str);
    }
    // Filled in place: a NameRef built on the stack and copied made a store-forwarding stall.
    NameRef& ref = names.emplace_back();
    ref.offset = offset;
    ref.size = str.size();
    ref.sketch = sketch;
    ref.in_arena = str_in_text ? 0U : 1U;
    if (frame.big != nullptr) {
      if (!frame.big->insert(ref).second) return false;
    } else if (count + 1 > kLinearNameLimit) {
      frame.big = std::make_unique<std::set<NameRef, NameLess>>(NameLess{this});
      for (std::size_t i = frame.names_begin; i < names.size(); ++i) frame.big->insert(names[i]);
    }
    return true;
  }

  // Reads four hex digits at pos (after "\u"); -1 when they are not.
  long read_hex4() {
    if (text.size() - pos < 4) return -1;
    long value = 0;
    for (int i = 0; i < 4; ++i) {
      const int h = hex_value(text[pos + static_cast<std::size_t>(i)]);
      if (h < 0) return -1;
      value = value * 16 + h;
    }
    pos += 4;
    return value;
  }

  // Scans a string whose opening quote is at pos into str. Most strings are short and plain:
  // when the first stop in the sixteen bytes after the quote is the closing quote, the string is
  // done here, without the general loop (and without reading the stop byte again); this part is
  // small enough to be inlined where strings are read.
  bool scan_string() {
#ifdef __SSE2__
    const std::size_t begin = pos + 1;
    if (text.size() - begin >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + begin));
      const auto quotes =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));
      const auto others = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
          _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')), _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)))));
      const unsigned stops = quotes | others;
      if (stops != 0 && (stops & (0U - stops) & quotes) != 0) {
        const auto length = static_cast<std::size_t>(__builtin_ctz(stops));
        str = text.substr(begin, length);
        str_in_text = true;
        pos = begin + length + 1;
        return true;
      }
    }
#endif
    return scan_string_in_full();
  }

  // Any string: plain runs are only validated; they are copied to scratch only once an escape
  // shows up.
  [[gnu::noinline]] bool scan_string_in_full() {
    ++pos;  // the opening quote
    const std::size_t begin = pos;
    std::size_t uncopied = pos;  // text from here is not in scratch yet (when escaped)
    bool escaped = false;
    while (true) {
      {
        // Locals: a char read may alias the member pos, which would be stored on every byte.
        const char* data = text.data();
        const std::size_t size = text.size();
        std::size_t p = pos;
#ifdef __SSE2__
        // Sixteen bytes at a time (SSE2 is part of x86-64): a stop is '"', '\\', or a byte
        // below 0x20 or from 0x80 (both below 0x20 as signed bytes).
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i space = _mm_set1_epi8(0x20);
        while (size - p >= 16) {
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + p));
          const __m128i stops =
              _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                           _mm_cmplt_epi8(v, space));
          const int mask = _mm_movemask_epi8(stops);
          if (mask != 0) {
            p += static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
            break;
          }
          p += 16;
        }
#endif
        while (p < size && !kStringStops[static_cast<unsigned char>(data[p])]) ++p;
        pos = p;
      }
      if (at_end()) return fail(text.size(), "the text ends inside a string");
      const auto u = static_cast<unsigned char>(text[pos]);
      if (u == '"') {
        if (escaped) {
          scratch.append(text.data() + uncopied, pos - uncopied);
          str = scratch;
        } else {
          str = text.substr(begin, pos - begin);
        }
        str_in_text = !escaped;
        ++pos;
        return true;
      }
      if (u < 0x20) {
        return fail(pos, "a control character (U+00" + std::string(1, "0123456789ABCDEF"[u >> 4]) +
                             std::string(1, "0123456789ABCDEF"[u & 15]) +
                             ") must be escaped inside a string");
      }
      if (u == '\\') {
        if (!escaped) scratch.clear();
        escaped = true;
        any_escape = true;
        scratch.append(text.data() + uncopied, pos - uncopied);
        if (!scan_escape()) return false;
        uncopied = pos;
        continue;
      }
      if (!scan_utf8()) return false;
    }
  }

  bool scan_escape() {
    const std::size_t esc = pos;
    ++pos;
    if (at_end()) return fail(text.size(), "the text ends inside a string");
    const char c = text[pos++];
    switch (c) {
      case '"':
        scratch.push_back('"');
        return true;
      case '\\':
        scratch.push_back('\\');
        return true;
      case '/':
        scratch.push_back('/');
        return true;
      case 'b':
        scratch.push_back('\b');
        return true;
      case 'f':
        scratch.push_back('\f');
        return true;
      case 'n':
        scratch.push_back('\n');
        return true;
      case 'r':
        scratch.push_back('\r');
        return true;
      case 't':
        scratch.push_back('\t');
        return true;
      case 'u':
        break;
      default:
        return fail(esc,
                    std::string("invalid escape \\") +
                        (static_cast<unsigned char>(c) < 0x80 && c >= 0x20 ? std::string(1, c)
                                                                           : std::string("?")));
    }
    const long first = read_hex4();
    if (first < 0) return fail(esc, "\\u must be followed by four hexadecimal digits");
    auto cp = static_cast<std::uint32_t>(first);
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return fail(esc, "lone surrogate " + hex_cp(cp) + ": a low surrogate must follow a high one");
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (text.size() - pos < 2 || text[pos] != '\\' || text[pos + 1] != 'u') {
        return fail(esc, "lone surrogate " + hex_cp(cp) +
                             ": a high surrogate must be followed by a low one");
      }
      pos += 2;
      const long second = read_hex4();
      if (second < 0) return fail(pos - 2, "\\u must be followed by four hexadecimal digits");
      if (second < 0xDC00 || second > 0xDFFF) {
        return fail(esc, "lone surrogate " + hex_cp(cp) +
                             ": a high surrogate must be followed by a low one");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(second) - 0xDC00);
    }
    if (is_noncharacter(cp)) return fail(esc, "noncharacter " + hex_cp(cp) + " in a string");
    append_utf8(scratch, cp);
    return true;
  }

  // One multi-byte UTF-8 sequence at pos (a byte >= 0x80): well-formed, no surrogate, no
  // overlong form, at most U+10FFFF, not a noncharacter.
  bool scan_utf8() {
    const std::size_t start = pos;
    const auto b0 = static_cast<unsigned char>(text[pos]);
    int length = 0;
    std::uint32_t cp = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
      cp = b0 & 0x1FU;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      cp = b0 & 0x0FU;
      if (b0 == 0xE0) lo = 0xA0;  // overlong
      if (b0 == 0xED) hi = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      cp = b0 & 0x07U;
      if (b0 == 0xF0) lo = 0x90;  // overlong
      if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return fail(start, "invalid UTF-8 (byte 0x" + std::string(1, "0123456789ABCDEF"[b0 >> 4]) +
                             std::string(1, "0123456789ABCDEF"[b0 & 15]) + ")");
    }
    for (int i = 1; i < length; ++i) {
      const std::size_t k = start + static_cast<std::size_t>(i);
      if (k >= text.size()) return fail(start, "invalid UTF-8 (a sequence cut short)");
      const auto b = static_cast<unsigned char>(text[k]);
      const unsigned char min = i == 1 ? lo : 0x80;
      const unsigned char max = i == 1 ? hi : 0xBF;
      if (b < min || b > max)
        return fail(start, "invalid UTF-8 (a malformed, overlong or surrogate sequence)");
      cp = (cp << 6) | (b & 0x3FU);
    }
    if (is_noncharacter(cp)) return fail(start, "noncharacter " + hex_cp(cp) + " in a string");
    pos = start + static_cast<std::size_t>(length);
    return true;
  }

  bool scan_number() {
    const std::size_t start = pos;
    if (text[pos] == '-') ++pos;
    if (at_end() || !is_digit(text[pos])) {
      if (!at_end() && text.substr(pos).starts_with("Infinity")) {
        return fail(start, "Infinity is not JSON");
      }
      return fail(at_end() ? text.size() : pos, "a number needs digits");
    }
    const std::size_t int_begin = pos;
    if (text[pos] == '0') {
      ++pos;
      if (!at_end() && is_digit(text[pos])) return fail(pos, "a number may not have leading zeros");
    } else {
      while (!at_end() && is_digit(text[pos])) ++pos;
    }
    const std::size_t int_end = pos;
    std::size_t frac_begin = pos;
    std::size_t frac_end = pos;
    if (!at_end() && text[pos] == '.') {
      ++pos;
      frac_begin = pos;
      while (!at_end() && is_digit(text[pos])) ++pos;
      frac_end = pos;
      if (frac_end == frac_begin)
        return fail(at_end() ? text.size() : pos, "a digit must follow the decimal point");
    }
    long long exponent = 0;
    if (!at_end() && (text[pos] == 'e' || text[pos] == 'E')) {
      ++pos;
      bool negative = false;
      if (!at_end() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
      const std::size_t exp_begin = pos;
      while (!at_end() && is_digit(text[pos])) {
        if (exponent < 1'000'000'000) exponent = exponent * 10 + (text[pos] - '0');
        ++pos;
      }
      if (pos == exp_begin)
        return fail(at_end() ? text.size() : pos, "a digit must follow the exponent");
      if (negative) exponent = -exponent;
    }
    const std::string_view raw = text.substr(start, pos - start);
    double value = 0;
    const auto result = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (result.ec == std::errc::result_out_of_range) {
      // g++ 12 reports 1e400 and 1e-400 alike: tell them apart from the decimal exponent of
      // the first significant digit. A magnitude of at least 1 overflowed; below 1, it underflowed.
      long long magnitude = 0;
      bool found = false;
      for (std::size_t i = int_begin; i < int_end && !found; ++i) {
        if (text[i] != '0') {
          magnitude = static_cast<long long>(int_end - i) - 1;
          found = true;
        }
      }
      for (std::size_t i = frac_begin; i < frac_end && !found; ++i) {
        if (text[i] != '0') {
          magnitude = -static_cast<long long>(i - frac_begin) - 1;
          found = true;
        }
      }
      if (found && magnitude + exponent >= 0) {
        return fail(start, "the number " + std::string(raw.substr(0, 40)) +
                               (raw.size() > 40 ? "..." : "") + " is too large for a double");
      }
      value = raw.front() == '-' ? -0.0 : 0.0;
    } else if (result.ec != std::errc{} || result.ptr != raw.data() + raw.size() ||
               !std::isfinite(value)) {
      return fail(start, "the number is not valid");
    }
    events->number_value(value, raw, start);
    return true;
  }

  bool scan_literal(std::string_view word) {
    if (text.substr(pos, word.size()) != word) return false;
    pos += word.size();
    return true;
  }

  // A token that cannot start a value: say what it is, as people write it by mistake.
  bool bad_value() {
    const char c = text[pos];
    if (is_comment_start()) return fail(pos, "comments are not allowed in JSON");
    if (c == '\'') return fail(pos, "strings must use double quotes");
    if (text.substr(pos).starts_with("NaN")) return fail(pos, "NaN is not JSON");
    if (text.substr(pos).starts_with("Infinity")) return fail(pos, "Infinity is not JSON");
    if (c == '}' || c == ']') return fail(pos, std::string("expected a value before '") + c + "'");
    return fail(pos, "expected a JSON value");
  }

  bool open_container(bool is_object) {
    if (frames.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      return fail(pos, "nesting is deeper than 64 levels");
    }
    Frame frame;
    frame.is_object = is_object;
    frame.names_begin = names.size();
    frame.arena_begin = arena.size();
    frames.push_back(std::move(frame));
    if (is_object) {
      events->begin_object(pos);
    } else {
      events->begin_array(pos);
    }
    ++pos;
    return true;
  }

  void close_container() {
    Frame& frame = frames.back();
    const bool is_object = frame.is_object;
    names.resize(frame.names_begin);
    arena.resize(frame.arena_begin);
    frames.pop_back();
    ++pos;
    if (is_object) {
      events->end_object();
    } else {
      events->end_array();
    }
  }

  // Where the grammar stands between tokens.
  enum class State { value, key, key_or_close, value_or_close, comma_or_close, done };

  State after_value() const { return frames.empty() ? State::done : State::comma_or_close; }

  bool is_comment_start() const {
    return text[pos] == '/' && pos + 1 < text.size() &&
           (text[pos + 1] == '/' || text[pos + 1] == '*');
  }

  bool run(bool any_value) {
    if (text.starts_with("\xEF\xBB\xBF")) return fail(0, "the text starts with a byte-order mark");
    skip_space();
    if (at_end()) return fail(text.size(), "the text is empty");
    if (!any_value && peek() != '{') return top_level_not_object();
    State state = State::value;
    while (true) {
      skip_space();
      if (state == State::done) {
        if (at_end()) return true;
        return fail(pos, "unexpected text after the top-level value");
      }
      if (at_end()) return fail(text.size(), "the text ends before the JSON value is complete");
      const char c = peek();
      switch (state) {
        case State::key_or_close:
          if (c == '}') {
            close_container();
            state = after_value();
          } else {
            state = State::key;
          }
          break;
        case State::value_or_close:
          if (c == ']') {
            close_container();
            state = after_value();
          } else {
            state = State::value;
          }
          break;
        case State::key:
          if (!scan_key()) return false;
          state = State::value;
          break;
        case State::value: {
          const std::size_t depth = frames.size();
          if (!scan_value()) return false;
          if (frames.size() > depth) {
            state = frames.back().is_object ? State::key_or_close : State::value_or_close;
          } else {
            state = after_value();
          }
          break;
        }
        case State::comma_or_close: {
          const bool is_object = frames.back().is_object;
          const char close = is_object ? '}' : ']';
          if (c == ',') {
            const std::size_t after_comma = ++pos;
            skip_space();
            if (!at_end() && peek() == close) {
              // The contract places a trailing comma's error at the character after it.
              return fail(after_comma, std::string("trailing comma before '") + close + "'");
            }
            state = is_object ? State::key : State::value;
          } else if (c == close) {
            close_container();
            state = after_value();
          } else if (is_comment_start()) {
            return fail(pos, "comments are not allowed in JSON");
          } else {
            return fail(pos, is_object ? "expected ',' or '}' after a member"
                                       : "expected ',' or ']' after an element");
          }
          break;
        }
        case State::done:
          break;
      }
    }
  }

  bool top_level_not_object() {
    const char c = peek();
    const std::string_view rest = text.substr(pos);
    if (c == '[') return fail(pos, "the top level is an array, not an object");
    if (c == '"') return fail(pos, "the top level is a string, not an object");
    if (c == '-' || is_digit(c)) return fail(pos, "the top level is a number, not an object");
    if (rest.starts_with("true") || rest.starts_with("false")) {
      return fail(pos, "the top level is a boolean, not an object");
    }
    if (rest.starts_with("null")) return fail(pos, "the top level is null, not an object");
    return bad_value();
  }

  // A member name and its colon. The failures are out of line, keeping this path short.
  bool scan_key() {
    if (peek() != '"') return bad_key();
    const std::size_t quote = pos;
    if (!scan_string()) return false;
    if (!add_name()) return repeated_name(quote);
    events->key(str, quote);
    skip_space();
    if (at_end() || peek() != ':') return missing_colon();
    ++pos;
    return true;
  }

  [[gnu::cold, gnu::noinline]] bool bad_key() {
    if (peek() == '\'') return fail(pos, "member names must use double quotes");
    if (is_comment_start()) return fail(pos, "comments are not allowed in JSON");
    return fail(pos, "expected a member name in double quotes");
  }

  [[gnu::cold, gnu::noinline]] bool repeated_name(std::size_t quote) {
    const std::string_view shown = str.substr(0, 60);
    fail(quote,
         "repeated member name \"" + printable(shown) + (str.size() > 60 ? "..." : "") + "\"");
    error->repeated_name = std::string(str);
    return false;
  }

  [[gnu::cold, gnu::noinline]] bool missing_colon() {
    if (at_end()) return fail(text.size(), "the text ends before the JSON value is complete");
    return fail(pos, "expected ':' after a member name");
  }

  static std::string printable(std::string_view s) {
    std::string out;
    for (char ch : s) {
      const auto u = static_cast<unsigned char>(ch);
      if (u < 0x20 || u == 0x7F) {
        out += '?';
      } else {
        out.push_back(ch);
      }
    }
    return out;
  }

  bool scan_value() {
    const char c = peek();
    switch (c) {
      case '{':
        return open_container(true);
      case '[':
        return open_container(false);
      case '"': {
        const std::size_t start = pos;
        if (!scan_string()) return false;
        events->string_value(str, start);
        return true;
      }
      case 't':
        if (scan_literal("true")) {
          events->bool_value(true, pos - 4);
          return true;
        }
        return bad_value();
      case 'f':
        if (scan_literal("false")) {
          events->bool_value(false, pos - 5);
          return true;
        }
        return bad_value();
      case 'n':
        if (scan_literal("null")) {
          events->null_value(pos - 4);
          return true;
        }
        return bad_value();
      default:
        if (c == '-' || is_digit(c)) return scan_number();
        return bad_value();
    }
  }
};

StrictJsonScanner::StrictJsonScanner() : impl_(std::make_unique<Impl>()) {}
StrictJsonScanner::~StrictJsonScanner() = default;

std::optional<JsonError> StrictJsonScanner::scan(std::string_view text, JsonEvents& events,
                                                 bool any_value) {
  Impl& s = *impl_;
  s.text = text;
  s.pos = 0;
  s.events = &events;
  s.error.reset();
  s.spaced = false;
  s.any_escape = false;
  s.names.clear();
  s.arena.clear();
  s.frames.clear();
  s.run(any_value);
  s.events = nullptr;
  return std::move(s.error);
}

bool StrictJsonScanner::last_text_compact() const { return !impl_->spaced && !impl_->any_escape; }

std::optional<JsonError> validate_json_object(std::string_view text) {
  StrictJsonScanner scanner;
  NullJsonEvents events;
  return scanner.scan(text, events);
}

const TopLevelMember* TopLevelMembers::find(std::string_view name) const {
  for (const auto& member : members()) {
    if (member.name == name) return &member;
  }
  return nullptr;
}

void TopLevelMembers::value(JsonKind kind) {
  if (TopLevelMember* member = current()) member->kind = kind;
}

void TopLevelMembers::begin_object(std::size_t) {
  value(JsonKind::object);
  ++depth_;
}
void TopLevelMembers::key(std::string_view name, std::size_t) {
  if (depth_ != 1) return;
  if (count_ == members_.size()) members_.emplace_back();
  TopLevelMember& member = members_[count_++];
  member.name.assign(name);
  member.kind = JsonKind::null;
  member.number = 0;
  member.text.clear();
}
void TopLevelMembers::end_object() { --depth_; }
void TopLevelMembers::begin_array(std::size_t) {
  value(JsonKind::array);
  ++depth_;
}
void TopLevelMembers::end_array() { --depth_; }
void TopLevelMembers::string_value(std::string_view text, std::size_t) {
  value(JsonKind::string);
  if (TopLevelMember* member = current()) member->text.assign(text);
}
void TopLevelMembers::number_value(double number, std::string_view, std::size_t) {
  value(JsonKind::number);
  if (TopLevelMember* member = current()) member->number = number;
}
void TopLevelMembers::bool_value(bool, std::size_t) { value(JsonKind::boolean); }
void TopLevelMembers::null_value(std::size_t) { value(JsonKind::null); }

}  // namespace chatjwt
