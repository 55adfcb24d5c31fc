// Tokens for CLI tests, made with the core library (the binary is what the tests judge).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "chatjwt/base64url.hpp"
#include "chatjwt/hs256.hpp"

namespace chatjwt::test {

inline constexpr std::int64_t kNow = 1776954600;  // 2026-04-23T14:30:00Z
inline constexpr const char* kNowText = "2026-04-23T14:30:00Z";
inline const std::string kSecret = "cli-test-secret-0123456789abcdef0123";  // 35 bytes

inline std::string segment(const std::string& bytes) { return base64url_encode(bytes); }

// header.payload signed with secret (JSON texts are used byte for byte).
inline std::string make_token(const std::string& header, const std::string& payload,
                              const std::string& secret = kSecret) {
  const std::string input = segment(header) + "." + segment(payload);
  const auto mac = hs256(secret, input);
  return input + "." +
         segment(std::string(reinterpret_cast<const char*>(mac->data()), mac->size()));
}

inline const std::string kHeader = R"({"alg":"HS256","typ":"JWT"})";

inline std::string convrs_token(const std::string& secret = kSecret) {
  return make_token(kHeader, R"({"userId":"user-12345","iat":1776954600,"exp":1776958200})",
                    secret);
}

inline nlohmann::ordered_json parse_json_line(const std::string& text) {
  return nlohmann::ordered_json::parse(text, nullptr, false);
}

}  // namespace chatjwt::test
