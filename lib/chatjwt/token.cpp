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
  std::size_t dots[2] = {0, 0};
  std::size_t count = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '.') continue;
    if (count == 2) {
      return Error{ErrorCode::malformed,
                   "a token has three segments separated by two dots; this one has more"};
    }
    dots[count++] = i;
  }
  if (count < 2) {
    return Error{ErrorCode::malformed,
                 fmt::format("a token has three segments separated by two dots; this one has {}",
                             count + 1)};
  }
  TokenSegments s;
  s.header = token.substr(0, dots[0]);
  s.payload = token.substr(dots[0] + 1, dots[1] - dots[0] - 1);
  s.signature = token.substr(dots[1] + 1);
  s.signing_input = token.substr(0, dots[1]);
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

Result<std::string> decode_segment(std::string_view segment, std::string_view name) {
  if (segment.empty()) {
    return Error{ErrorCode::malformed, fmt::format("the {} segment is empty", name)};
  }
  auto bytes = base64url_decode(segment);
  if (!bytes) {
    return Error{ErrorCode::malformed, fmt::format("the {} segment is not strict base64url: {}",
                                                   name, describe_base64url_problem(segment))};
  }
  return std::move(*bytes);
}

}  // namespace

Result<DecodedToken> decode_token(std::string_view token) {
  StrictJsonScanner scanner;
  NullJsonEvents events;
  return decode_token(token, scanner, events, events);
}

Result<DecodedToken> decode_token(std::string_view token, StrictJsonScanner& scanner,
                                  JsonEvents& header_events, JsonEvents& payload_events) {
  auto split = split_token(token);
  if (!split) return split.error();
  DecodedToken decoded;
  decoded.segments = *split;
  auto header = decode_segment(split->header, "header");
  if (!header) return header.error();
  auto payload = decode_segment(split->payload, "payload");
  if (!payload) return payload.error();
  if (!split->signature.empty()) {
    auto signature = base64url_decode(split->signature);
    if (!signature) {
      return Error{ErrorCode::malformed,
                   fmt::format("the signature segment is not strict base64url: {}",
                               describe_base64url_problem(split->signature))};
    }
    decoded.signature = std::move(*signature);
  }
  decoded.header = std::move(*header);
  decoded.payload = std::move(*payload);
  if (auto error = scanner.scan(decoded.header, header_events)) {
    return Error{ErrorCode::malformed,
                 fmt::format("the header is not a JSON object: {} (byte {} of the decoded header)",
                             error->message, error->offset + 1)};
  }
  if (auto error = scanner.scan(decoded.payload, payload_events)) {
    return Error{
        ErrorCode::malformed,
        fmt::format("the payload is not a JSON object: {} (byte {} of the decoded payload)",
                    error->message, error->offset + 1)};
  }
  return decoded;
}

}  // namespace chatjwt
