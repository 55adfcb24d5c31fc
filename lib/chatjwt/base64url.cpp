#include "chatjwt/base64url.hpp"

#include <array>
#include <cstdint>

namespace chatjwt {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<std::int8_t, 256> make_table() {
  std::array<std::int8_t, 256> table{};
  for (auto& entry : table) entry = -1;
  for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
    table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
  }
  return table;
}
constexpr std::array<std::int8_t, 256> kTable = make_table();

// Decodes into out (which may be null, to validate only; else it has room for
// base64url_decoded_size bytes). False on any strictness failure. Four characters at a time:
// an invalid character shows as a negative value, so one OR per group checks all four.
bool decode_into(std::string_view text, unsigned char* out) {
  const std::size_t size = text.size();
  if (size % 4 == 1) return false;
  const auto* in = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t whole = size - size % 4;
  std::int32_t invalid = 0;
  std::size_t i = 0;
  for (; i < whole; i += 4) {
    const std::int32_t a = kTable[in[i]], b = kTable[in[i + 1]], c = kTable[in[i + 2]],
                       d = kTable[in[i + 3]];
    invalid |= a | b | c | d;
    if (out != nullptr) {
      const auto u = [](std::int32_t v) { return static_cast<std::uint32_t>(v); };
      const std::uint32_t n = (u(a) << 18) | (u(b) << 12) | (u(c) << 6) | u(d);
      *out++ = static_cast<unsigned char>(n >> 16);
      *out++ = static_cast<unsigned char>(n >> 8);
      *out++ = static_cast<unsigned char>(n);
    }
  }
  if (invalid < 0) return false;
  const std::size_t rest = size - whole;  // 0, 2 or 3 characters
  if (rest == 0) return true;
  const std::int32_t a = kTable[in[i]], b = kTable[in[i + 1]],
                     c = rest == 3 ? kTable[in[i + 2]] : 0;
  if ((a | b | c) < 0) return false;
  const std::uint32_t n = (static_cast<std::uint32_t>(a) << 18) |
                          (static_cast<std::uint32_t>(b) << 12) |
                          (static_cast<std::uint32_t>(c) << 6);
  // Unused bits (4 after two characters, 2 after three) must be zero: "AB" and "AA" decode
  // alike otherwise.
  if ((rest == 2 ? n & 0xFFFFU : n & 0xFFU) != 0) return false;
  if (out != nullptr) {
    *out++ = static_cast<unsigned char>(n >> 16);
    if (rest == 3) *out = static_cast<unsigned char>(n >> 8);
  }
  return true;
}

}  // namespace

std::optional<std::string> base64url_decode(std::string_view text) {
  std::string out(base64url_decoded_size(text.size()), '\0');
  if (!decode_into(text, reinterpret_cast<unsigned char*>(out.data()))) return std::nullopt;
  return out;
}

bool base64url_decode_to(std::string_view text, std::string& out) {
  out.resize(base64url_decoded_size(text.size()));
  return decode_into(text, reinterpret_cast<unsigned char*>(out.data()));
}

bool base64url_valid(std::string_view text) { return decode_into(text, nullptr); }

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  std::size_t i = 0;
  auto byte = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[k]));
  };
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
    out.push_back(kAlphabet[n & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const std::uint32_t n = byte(i) << 16;
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
  } else if (rest == 2) {
    const std::uint32_t n = (byte(i) << 16) | (byte(i + 1) << 8);
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
  }
  return out;
}

}  // namespace chatjwt
