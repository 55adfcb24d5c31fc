// Profiles: a vendor's payload schema and rules, detected from the payload or chosen by name.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "chatjwt/strict_json.hpp"

namespace chatjwt {

enum class Profile { auto_detect, convrs, eloquent, generic };

// "auto", "convrs", "eloquent", "generic".
std::string_view to_string(Profile profile);
std::optional<Profile> parse_profile(std::string_view name);

// The variable read for the secret when no secret option is given.
std::string_view default_secret_variable(Profile profile);

struct ProfileChoice {
  Profile profile = Profile::generic;
  std::string_view reason;  // static text: "the payload has userId", "chosen with --profile"
};

// requested, unless it is auto_detect: then convrs when the payload has userId, userData or
// agentData; else eloquent when it has user_id; else generic. payload may be null (unreadable).
ProfileChoice choose_profile(Profile requested, const TopLevelMembers* payload);

// The same rule, asking has(name) whether the payload has a top-level member.
ProfileChoice choose_profile(Profile requested, const std::function<bool(std::string_view)>& has);

}  // namespace chatjwt
