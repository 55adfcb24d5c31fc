#include "chatjwt/token.hpp"

#include <fmt/format.h>

#include "chatjwt/base64url.hpp"
#include "chatjwt/strict_json.hpp"

namespace chatjwt {

Result<TokenSegments> split_token(std::string_view token) {
  if (token.size() > kMaxTokenBytes) {
    return Error{
        ErrorCode::malformed,
        fmt::format("the token is longer than {} bytes (1 MiB); no real token is", kMaxTokenBytes)};
  }
  // find() is memchr: the dots of a 1 KB token are found in a few dozen nanoseconds.
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos) {
    return Error{ErrorCode::malformed,
                 fmt::format("a token has three segments separated by two dots; this one has {}",
                             first == std::string_view::npos ? 1 : 2)};
  }
  if (token.find('.', second + 1) != std::string_view::npos) {
    return Error{ErrorCode::malformed,
                 "a token has three segments separated by two dots; this one has more"};
  }
  TokenSegments s;
  s.header = token.substr(0, first);
  s.payload = token.substr(first + 1, second - first - 1);
  s.signature = token.substr(second + 1);
  s.signing_input = token.substr(0, second);
  return s;
}

std::string describe_base64url_problem(std::string_view segment) {
  for (std::size_t i = 0; i < segment.size(); ++i) {
    const char c = segment[i];
    if (is_base64url_char(c)) continue;
    if (c == '=') {
      return fmt::format("'=' at character {}: padding is not allowed in a token", i + 1);
    }
    if (c == '+' || c == '/') {
      return fmt::format("'{}' at character {}: that is standard base64; a token uses '-' and '_'",
                         c, i + 1);
    }
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x21 && u < 0x7F) {
      return fmt::format("'{}' at character {} is not a base64url character", c, i + 1);
    }
    return fmt::format("byte 0x{:02X} at character {} is not a base64url character", u, i + 1);
  }
  if (segment.size() % 4 == 1) {
    return fmt::format("its length ({}) is one more than a multiple of four, which no bytes encode",
                       segment.size());
  }
  return "its last character has non-zero unused bits (not the canonical encoding)";
}

namespace {

std::optional<Error> decode_segment(std::string_view segment, std::string_view name,
                                    std::string& out) {
  if (segment.empty()) {
    return Error{ErrorCode::malformed, fmt::format("the {} segment is empty", name)};
  }
  if (!base64url_decode_to(segment, out)) {
    return Error{ErrorCode::malformed, fmt::format("the {} segment is not strict base64url: {}",
                                                   name, describe_base64url_problem(segment))};
  }
  return std::nullopt;
}

}  // namespace

Result<DecodedToken> decode_token(std::string_view token) {
  StrictJsonScanner scanner;
  NullJsonEvents events;
  return decode_token(token, scanner, events, events);
}

Result<DecodedToken> decode_token(std::string_view token, StrictJsonScanner& scanner,
                                  JsonEvents& header_events, JsonEvents& payload_events) {
  DecodedToken decoded;
  if (auto error = decode_token_into(token, scanner, header_events, payload_events, decoded)) {
    return std::move(*error);
  }
  return decoded;
}

std::optional<Error> decode_token_into(std::string_view token, StrictJsonScanner& scanner,
                                       JsonEvents& header_events, JsonEvents& payload_events,
                                       DecodedToken& out) {
  auto split = split_token(token);
  if (!split) return split.error();
  out.segments = *split;
  if (auto error = decode_segment(split->header, "header", out.header)) return error;
  if (auto error = decode_segment(split->payload, "payload", out.payload)) return error;
  out.signature.clear();
  if (!split->signature.empty() && !base64url_decode_to(split->signature, out.signature)) {
    return Error{ErrorCode::malformed,
                 fmt::format("the signature segment is not strict base64url: {}",
                             describe_base64url_problem(split->signature))};
  }
  if (auto error = scanner.scan(out.header, header_events)) {
    return Error{ErrorCode::malformed,
                 fmt::format("the header is not a JSON object: {} (byte {} of the decoded header)",
                             error->message, error->offset + 1)};
  }
  out.header_compact = scanner.last_text_compact();
  if (auto error = scanner.scan(out.payload, payload_events)) {
    return Error{
        ErrorCode::malformed,
        fmt::format("the payload is not a JSON object: {} (byte {} of the decoded payload)",
                    error->message, error->offset + 1)};
  }
  out.payload_compact = scanner.last_text_compact();
  return std::nullopt;
}

}  // namespace chatjwt
