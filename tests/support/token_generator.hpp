// Varied tokens from a seed, for tests that compare two ways of judging the same token: JSON
// texts with white space, escapes, odd numbers, nesting, repeated names and broken bytes, under
// headers of every kind, signed with the right secret, the second, or a wrong one.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace chatjwt::test {

inline const std::vector<std::string> kGeneratorSecrets = {"generator-secret-one-0123456789abcdef",
                                                           "generator-secret-two-0123456789abcdef"};
inline constexpr std::int64_t kGeneratorNow = 1776954600;

class TokenGenerator {
 public:
  explicit TokenGenerator(std::uint32_t seed) : rng_(seed) {}
  std::string next();

 private:
  std::size_t pick(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool chance(int percent) { return static_cast<int>(pick(100)) < percent; }
  std::string space();
  std::string string_value();
  std::string number();
  std::string time_value(std::int64_t around);
  std::string value(int depth);
  std::string object(const std::vector<std::pair<std::string, std::string>>& members);
  std::string header();
  std::string payload();
  std::string segment(const std::string& bytes);

  std::mt19937 rng_;
};

}  // namespace chatjwt::test
