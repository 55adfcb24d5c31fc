#include "chatjwt/base64url.hpp"

#include <array>
#include <cstdint>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define CHATJWT_BASE64URL_AVX2 1
#endif

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

#ifdef CHATJWT_BASE64URL_AVX2
// 32 characters to 24 bytes at a time with AVX2; returns how many characters it consumed
// (a multiple of 32), and false in ok when one of them is not in the alphabet.
__attribute__((target("avx2"))) std::size_t decode_avx2(const unsigned char* in, std::size_t size,
                                                        unsigned char* out, bool& ok) {
  // Each 128-bit lane: the 3 bytes of every 32-bit group, big-endian, then four unused.
  const __m256i shuffle = _mm256_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1,
                                           2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
  std::size_t done = 0;
  for (; size - done >= 32; done += 32) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(in + done));
    // Signed compares: bytes of 0x80 and above are negative and fall in no range.
    const __m256i upper = _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8('A' - 1)),
                                           _mm256_cmpgt_epi8(_mm256_set1_epi8('Z' + 1), v));
    const __m256i lower = _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8('a' - 1)),
                                           _mm256_cmpgt_epi8(_mm256_set1_epi8('z' + 1), v));
    const __m256i digit = _mm256_and_si256(_mm256_cmpgt_epi8(v, _mm256_set1_epi8('0' - 1)),
                                           _mm256_cmpgt_epi8(_mm256_set1_epi8('9' + 1), v));
    const __m256i minus = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('-'));
    const __m256i under = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('_'));
    const __m256i valid = _mm256_or_si256(_mm256_or_si256(upper, lower),
                                          _mm256_or_si256(digit, _mm256_or_si256(minus, under)));
    if (_mm256_movemask_epi8(valid) != -1) {
      ok = false;
      return done;
    }
    // The value of each character: its code plus the offset of its range.
    __m256i offset = _mm256_and_si256(upper, _mm256_set1_epi8(-'A'));
    offset = _mm256_or_si256(offset, _mm256_and_si256(lower, _mm256_set1_epi8(26 - 'a')));
    offset = _mm256_or_si256(offset, _mm256_and_si256(digit, _mm256_set1_epi8(52 - '0')));
    offset = _mm256_or_si256(offset, _mm256_and_si256(minus, _mm256_set1_epi8(62 - '-')));
    offset = _mm256_or_si256(offset, _mm256_and_si256(under, _mm256_set1_epi8(63 - '_')));
    const __m256i values = _mm256_add_epi8(v, offset);
    // Four 6-bit values to one 24-bit group: a*64+b and c*64+d, then (ab << 12) | cd.
    const __m256i pairs = _mm256_maddubs_epi16(values, _mm256_set1_epi32(0x01400140));
    const __m256i groups = _mm256_madd_epi16(pairs, _mm256_set1_epi32(0x00011000));
    const __m256i bytes = _mm256_shuffle_epi8(groups, shuffle);
    const __m256i packed =
        _mm256_permutevar8x32_epi32(bytes, _mm256_setr_epi32(0, 1, 2, 4, 5, 6, 3, 7));
    auto* o = out + done / 4 * 3;
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o), _mm256_castsi256_si128(packed));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(o + 16), _mm256_extracti128_si256(packed, 1));
  }
  ok = true;
  return done;
}

// Asked on first use, not at start-up (__builtin_cpu_supports would add libgcc's CPU probe, a
// dozen cpuid instructions, to every run: each traps to the hypervisor in a VM).
bool probe_avx2() {
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (__get_cpuid(1, &a, &b, &c, &d) == 0) return false;
  if ((c & bit_OSXSAVE) == 0 || (c & bit_AVX) == 0) return false;
  unsigned lo = 0, hi = 0;
  __asm__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));  // the OS saves XMM and YMM state
  if ((lo & 6U) != 6U) return false;
  if (__get_cpuid_max(0, nullptr) < 7) return false;
  __cpuid_count(7, 0, a, b, c, d);
  return (b & bit_AVX2) != 0;
}

bool have_avx2() {
  static const bool have = probe_avx2();
  return have;
}
#endif

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
#ifdef CHATJWT_BASE64URL_AVX2
  if (out != nullptr && whole >= 32 && have_avx2()) {
    bool ok = true;
    i = decode_avx2(in, whole, out, ok);
    if (!ok) return false;
    out += i / 4 * 3;
  }
#endif
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
