// verify through the DOM (parse_json, nlohmann values): an independent second implementation
// of checks 1-8 and of the --json object, for the fast path's agreement test.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chatjwt/error.hpp"
#include "chatjwt/json_dom.hpp"
#include "chatjwt/profile.hpp"

namespace chatjwt::test {

struct ReferenceRules {
  Profile profile = Profile::auto_detect;
  std::int64_t now = 0;
  std::int64_t leeway = 0;
  std::vector<std::string> require;
  std::vector<std::string> secrets;  // raw bytes, tried in order
};

struct ReferenceVerdict {
  std::optional<ErrorCode> code;  // nullopt: valid
  std::optional<std::size_t> secret_index;
  Profile profile = Profile::generic;
  Json header;  // the decoded values (null unless check 1 passed)
  Json payload;
};

ReferenceVerdict reference_verify(std::string_view token, const ReferenceRules& rules);

// The contract's verify object built as nlohmann values and dumped, as verify --json printed
// it before the fast path (message: taken from the verdict under test, as words are not judged).
std::string reference_verify_json(const ReferenceVerdict& verdict, std::string_view message,
                                  std::optional<std::size_t> line);

}  // namespace chatjwt::test
