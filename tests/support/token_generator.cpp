#include "support/token_generator.hpp"

#include <algorithm>
#include <utility>

#include "chatjwt/base64url.hpp"
#include "chatjwt/hs256.hpp"

namespace chatjwt::test {

std::string TokenGenerator::space() {
  static const char* const kSpaces[] = {" ", "\n", "\t", "\r\n", "  "};
  return chance(85) ? std::string() : std::string(kSpaces[pick(5)]);
}

std::string TokenGenerator::string_value() {
  static const char* const kPieces[] = {"jane",
                                        "Jane Doe",
                                        "user-12345",
                                        "\\u0041",
                                        "\\/",
                                        "\\n",
                                        "\\\"",
                                        "\\\\",
                                        "\\t",
                                        "\\u001f",
                                        "\\u00e9",
                                        "é",
                                        "日本",
                                        "😀",
                                        "\\ud83d\\ude00",
                                        "\\b",
                                        "\\f",
                                        "\\r",
                                        "a/b",
                                        "~",
                                        "\\u007f",
                                        "\x7f",
                                        "",
                                        "\\u2028",
                                        "\\uFFFD",
                                        "+447700900123",
                                        "https://crm.example.com/1",
                                        "HS256"};
  std::string out = "\"";
  const std::size_t n = pick(4);
  for (std::size_t i = 0; i < n; ++i) out += kPieces[pick(std::size(kPieces))];
  // Now and then a byte that is not allowed: a raw control character or broken UTF-8.
  if (chance(2)) out += chance(50) ? "\x01" : "\xC3";
  return out + "\"";
}

std::string TokenGenerator::number() {
  static const char* const kNumbers[] = {"0",
                                         "-0",
                                         "1",
                                         "42",
                                         "-7",
                                         "1250.00",
                                         "1250.5",
                                         "0.1",
                                         "1e3",
                                         "1E+3",
                                         "2.5e-3",
                                         "-0.0",
                                         "1.0",
                                         "123456789012345678901234567890",
                                         "9007199254740993",
                                         "18446744073709551615",
                                         "18446744073709551616",
                                         "-9223372036854775808",
                                         "1e308",
                                         "1e-400",
                                         "3.141592653589793",
                                         "100000000000000000000.0",
                                         "5e-324",
                                         "1e400"};
  return kNumbers[pick(std::size(kNumbers))];
}

std::string TokenGenerator::time_value(std::int64_t around) {
  switch (pick(10)) {
    case 0:
      return "\"" + std::to_string(around) + "\"";  // a string: invalid_claim
    case 1:
      return chance(50) ? "null" : "true";
    case 2:
      return std::to_string(around) + ".5";
    case 3:
      return std::to_string(around * 1000);  // milliseconds
    case 4:
      return "1e300";
    default:
      return std::to_string(around + static_cast<std::int64_t>(pick(241)) - 120);
  }
}

std::string TokenGenerator::value(int depth) {
  const std::size_t kind = depth > 3 ? pick(4) : pick(7);
  switch (kind) {
    case 0:
      return string_value();
    case 1:
      return number();
    case 2:
      return chance(50) ? "true" : (chance(50) ? "false" : "null");
    case 3:
      return string_value();
    case 4: {
      std::string out = "[" + space();
      const std::size_t n = pick(4);
      for (std::size_t i = 0; i < n; ++i) out += (i ? "," : "") + space() + value(depth + 1);
      return out + space() + "]";
    }
    default: {
      std::vector<std::pair<std::string, std::string>> members;
      const std::size_t n = pick(4);
      for (std::size_t i = 0; i < n; ++i) {
        members.emplace_back(string_value(), value(depth + 1));
      }
      if (!members.empty() && chance(5)) members.push_back(members.front());  // repeated name
      return object(members);
    }
  }
}

std::string TokenGenerator::object(
    const std::vector<std::pair<std::string, std::string>>& members) {
  std::string out = "{" + space();
  bool first = true;
  for (const auto& [name, v] : members) {
    if (!first) out += "," + space();
    first = false;
    out += name + space() + ":" + space() + v;
  }
  return out + space() + "}";
}

std::string TokenGenerator::header() {
  std::vector<std::pair<std::string, std::string>> members;
  switch (pick(20)) {
    case 0:
      break;  // no alg
    case 1:
      members.emplace_back("\"alg\"", "\"none\"");
      break;
    case 2:
      members.emplace_back("\"alg\"", chance(50) ? "\"HS512\"" : "\"hs256\"");
      break;
    case 3:
      members.emplace_back("\"alg\"", chance(50) ? "256" : "[\"HS256\"]");
      break;
    case 4:
      members.emplace_back("\"\\u0061lg\"", "\"HS\\u0032\\u00356\"");  // escaped, still HS256
      break;
    default:
      members.emplace_back("\"alg\"", "\"HS256\"");
  }
  if (chance(70)) members.emplace_back("\"typ\"", chance(90) ? "\"JWT\"" : "\"jwt\"");
  if (chance(15)) members.emplace_back("\"kid\"", chance(70) ? string_value() : number());
  if (chance(4)) members.emplace_back("\"crit\"", "[\"exp\"]");
  if (chance(3)) members.emplace_back("\"alg\"", "\"HS256\"");  // repeated
  if (chance(10)) members.emplace_back(string_value(), value(2));
  return object(members);
}

std::string TokenGenerator::payload() {
  std::vector<std::pair<std::string, std::string>> members;
  const std::int64_t now = kGeneratorNow;
  switch (pick(4)) {
    case 0:
      members.emplace_back("\"userId\"", chance(90) ? string_value() : number());
      break;
    case 1:
      members.emplace_back("\"user_id\"", chance(80) ? string_value() : value(3));
      break;
    case 2:
      members.emplace_back("\"userData\"", value(2));
      break;
    default:
      break;
  }
  if (chance(60)) members.emplace_back("\"email\"", string_value());
  if (chance(60)) members.emplace_back("\"iat\"", time_value(now - 60));
  if (chance(70)) members.emplace_back("\"exp\"", time_value(now + 3600 * (chance(50) ? 1 : 0)));
  if (chance(20)) members.emplace_back("\"nbf\"", time_value(now + 60 * (chance(50) ? 1 : -1)));
  if (chance(30)) members.emplace_back("\"agentData\"", value(1));
  const std::size_t extra = pick(4);
  for (std::size_t i = 0; i < extra; ++i) members.emplace_back(string_value(), value(1));
  // Shuffle the order now and then: claims may come anywhere.
  if (chance(30)) std::shuffle(members.begin(), members.end(), rng_);
  if (chance(2)) return "[" + value(1) + "]";                        // not an object
  if (chance(2)) return "{\"exp\":" + std::to_string(now) + "}  x";  // trailing text
  return object(members);
}

std::string TokenGenerator::segment(const std::string& bytes) { return base64url_encode(bytes); }

std::string TokenGenerator::next() {
  const std::string input = segment(header()) + "." + segment(payload());
  const std::size_t signer = pick(10);
  std::string secret = signer < 6   ? kGeneratorSecrets[0]
                       : signer < 8 ? kGeneratorSecrets[1]
                                    : std::string("some-other-secret-0123456789abcdef");
  const auto mac = hs256(secret, input);
  std::string signature(reinterpret_cast<const char*>(mac->data()), mac->size());
  if (chance(3)) signature.pop_back();  // 31 bytes
  std::string token = input + "." + segment(signature);
  if (chance(2)) token += "=";  // padding: malformed
  if (chance(1)) token.insert(token.find('.'), "+");
  return token;
}

}  // namespace chatjwt::test
