#include "chatjwt/profile.hpp"

namespace chatjwt {

std::string_view to_string(Profile profile) {
  switch (profile) {
    case Profile::auto_detect:
      return "auto";
    case Profile::convrs:
      return "convrs";
    case Profile::eloquent:
      return "eloquent";
    case Profile::generic:
      return "generic";
  }
  return "generic";
}

std::optional<Profile> parse_profile(std::string_view name) {
  if (name == "auto") return Profile::auto_detect;
  if (name == "convrs") return Profile::convrs;
  if (name == "eloquent") return Profile::eloquent;
  if (name == "generic") return Profile::generic;
  return std::nullopt;
}

std::string_view default_secret_variable(Profile profile) {
  switch (profile) {
    case Profile::convrs:
      return "CONVRS_SIGNING_SECRET";
    case Profile::eloquent:
      return "ELOQUENT_JWT_SECRET";
    default:
      return "CHATJWT_SECRET";
  }
}

ProfileChoice choose_profile(Profile requested, const std::function<bool(std::string_view)>& has) {
  if (requested != Profile::auto_detect) return {requested, "chosen with --profile"};
  if (has("userId")) return {Profile::convrs, "the payload has userId"};
  if (has("userData")) return {Profile::convrs, "the payload has userData"};
  if (has("agentData")) return {Profile::convrs, "the payload has agentData"};
  if (has("user_id")) return {Profile::eloquent, "the payload has user_id"};
  return {Profile::generic,
          "the payload has no vendor claim (userId, userData, agentData, user_id)"};
}

ProfileChoice choose_profile(Profile requested, const TopLevelMembers* payload) {
  if (requested == Profile::auto_detect && payload == nullptr) {
    return {Profile::generic, "the payload could not be read"};
  }
  return choose_profile(requested, [payload](std::string_view name) {
    return payload != nullptr && payload->find(name) != nullptr;
  });
}

}  // namespace chatjwt
