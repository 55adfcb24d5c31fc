#include "chatjwt/secret.hpp"

#include <array>
#include <cstdint>

#include <fmt/format.h>

namespace chatjwt {
namespace {

constexpr std::string_view kPemMarker = "-----BEGIN ";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int b64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;
  if (c == '/' || c == '_') return 63;
  return -1;
}

// Lenient base64 of secrets: either alphabet (mixed too), complete padding or none, white
// space ignored, unused bits ignored. On failure, says why without quoting the text.
std::optional<std::string> decode_base64_lenient(std::string_view text, std::string& why) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t data = 0;
  std::size_t padding = 0;
  std::size_t index = 0;
  for (char c : text) {
    ++index;
    if (is_space(c)) continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    const int v = b64_value(c);
    if (v < 0 || padding > 0) {
      why = v < 0 ? fmt::format("character {} is not in the base64 alphabet", index)
                  : fmt::format("character {} follows the '=' padding", index);
      wipe(out);
      return std::nullopt;
    }
    ++data;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xFFU));
    }
  }
  acc = 0;
  if (data % 4 == 1) {
    why = "its length is one more than a multiple of four, which no bytes encode";
    wipe(out);
    return std::nullopt;
  }
  if (padding > 0 && ((data + padding) % 4 != 0 || padding > 2)) {
    why = "its '=' padding is incomplete (use full padding or none)";
    wipe(out);
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> decode_hex(std::string_view text, std::string& why) {
  std::string out;
  int high = -1;
  std::size_t index = 0;
  for (char c : text) {
    ++index;
    if (is_space(c)) continue;
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    if (v < 0) {
      why = fmt::format("character {} is not a hexadecimal digit", index);
      wipe(out);
      return std::nullopt;
    }
    if (high < 0) {
      high = v;
    } else {
      out.push_back(static_cast<char>(high * 16 + v));
      high = -1;
    }
  }
  if (high >= 0) {
    why = "it has an odd number of hexadecimal digits";
    wipe(out);
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::string_view to_string(SecretEncoding encoding) {
  switch (encoding) {
    case SecretEncoding::utf8:
      return "utf8";
    case SecretEncoding::base64:
      return "base64";
    case SecretEncoding::base64url:
      return "base64url";
    case SecretEncoding::hex:
      return "hex";
  }
  return "utf8";
}

std::optional<SecretEncoding> parse_secret_encoding(std::string_view name) {
  if (name == "utf8") return SecretEncoding::utf8;
  if (name == "base64") return SecretEncoding::base64;
  if (name == "base64url") return SecretEncoding::base64url;
  if (name == "hex") return SecretEncoding::hex;
  return std::nullopt;
}

std::string_view strip_one_newline(std::string_view content) {
  if (content.ends_with("\r\n")) return content.substr(0, content.size() - 2);
  if (content.ends_with('\n')) return content.substr(0, content.size() - 1);
  return content;
}

Result<SecretBytes> decode_secret(std::string_view text, SecretEncoding encoding,
                                  std::string_view origin) {
  if (text.find(kPemMarker) != std::string_view::npos) {
    return Error{ErrorCode::usage,
                 fmt::format("the secret from {} is a PEM block (-----BEGIN ...): HS256 takes a "
                             "shared secret, and a public key used as one is the algorithm-"
                             "confusion attack",
                             origin)};
  }
  std::string why;
  std::optional<std::string> bytes;
  switch (encoding) {
    case SecretEncoding::utf8:
      bytes = std::string(text);
      break;
    case SecretEncoding::base64:
    case SecretEncoding::base64url:
      bytes = decode_base64_lenient(text, why);
      break;
    case SecretEncoding::hex:
      bytes = decode_hex(text, why);
      break;
  }
  if (!bytes) {
    return Error{ErrorCode::usage, fmt::format("the secret from {} is not valid {}: {}", origin,
                                               to_string(encoding), why)};
  }
  SecretBytes secret(*bytes);
  const bool pem = bytes->find(kPemMarker) != std::string::npos;
  wipe(*bytes);
  if (pem) {
    return Error{ErrorCode::usage,
                 fmt::format("the secret from {} decodes to a PEM block (-----BEGIN ...): HS256 "
                             "takes a shared secret, not a key file",
                             origin)};
  }
  if (secret.empty()) {
    return Error{ErrorCode::usage, fmt::format("the secret from {} is empty", origin)};
  }
  return secret;
}

}  // namespace chatjwt
