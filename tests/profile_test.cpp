#include "chatjwt/profile.hpp"

#include <string>

#include <doctest/doctest.h>

using chatjwt::Profile;

namespace {
chatjwt::ProfileChoice detect(const std::string& payload,
                              Profile requested = Profile::auto_detect) {
  chatjwt::StrictJsonScanner scanner;
  chatjwt::TopLevelMembers members;
  REQUIRE_FALSE(scanner.scan(payload, members).has_value());
  return chatjwt::choose_profile(requested, &members);
}
}  // namespace

TEST_CASE("profile: detection follows the contract's table") {
  CHECK(detect(R"({"userId":"u"})").profile == Profile::convrs);
  CHECK(detect(R"({"userData":{}})").profile == Profile::convrs);
  CHECK(detect(R"({"agentData":[]})").profile == Profile::convrs);
  CHECK(detect(R"({"user_id":"u","userId":"v"})").profile == Profile::convrs);
  CHECK(detect(R"({"user_id":"u"})").profile == Profile::eloquent);
  CHECK(detect(R"({"sub":"u"})").profile == Profile::generic);
  CHECK(detect(R"({"o":{"userId":"nested does not count"}})").profile == Profile::generic);
  CHECK(detect(R"({"userId":"u"})").reason == "the payload has userId");
  CHECK(chatjwt::choose_profile(Profile::auto_detect, nullptr).profile == Profile::generic);
}

TEST_CASE("profile: --profile overrides detection") {
  const auto choice = detect(R"({"userId":"u"})", Profile::eloquent);
  CHECK(choice.profile == Profile::eloquent);
  CHECK(choice.reason == "chosen with --profile");
}

TEST_CASE("profile: names and default variables") {
  CHECK(chatjwt::parse_profile("convrs") == Profile::convrs);
  CHECK(chatjwt::parse_profile("auto") == Profile::auto_detect);
  CHECK_FALSE(chatjwt::parse_profile("Convrs").has_value());
  CHECK(chatjwt::default_secret_variable(Profile::convrs) == "CONVRS_SIGNING_SECRET");
  CHECK(chatjwt::default_secret_variable(Profile::eloquent) == "ELOQUENT_JWT_SECRET");
  CHECK(chatjwt::default_secret_variable(Profile::generic) == "CHATJWT_SECRET");
}
