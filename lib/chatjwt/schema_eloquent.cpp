#include "chatjwt/schema_eloquent.hpp"

#include <array>

#include <fmt/format.h>

#include "chatjwt/formats.hpp"
#include "chatjwt/schema_common.hpp"

namespace chatjwt {

void lint_eloquent(const Json& payload, Findings& f) {
  // Eloquent, "JWT Payload": user_id required; email, name, plan, role optional.
  static constexpr std::array<std::string_view, 5> kDocumented = {"user_id", "email", "name",
                                                                  "plan", "role"};
  for (auto it = payload.items().begin(); it != payload.items().end(); ++it) {
    const std::string_view fix = case_mismatch(it.key(), kDocumented);
    if (!fix.empty() && !payload.contains(std::string(fix))) {
      f.add("name-case", "/" + json_pointer_token(it.key()),
            fmt::format("\"{}\" has the wrong case; write \"{}\"", it.key(), fix));
    }
  }
  if (!payload.contains("user_id")) {
    f.add_missing("missing-required", "/user_id",
                  "no user_id: Eloquent requires it and ignores the token without it; add "
                  "\"user_id\" with a stable ID from your system");
  } else {
    lint_user_id(payload["user_id"], "user_id", "Eloquent", f);
  }
  if (!payload.contains("email")) {
    f.add_missing("missing-recommended", "/email",
                  "no email: Eloquent stores it on the agent profile; add \"email\" (recommended)");
  } else if (!payload["email"].is_string()) {
    f.add("field-type", "/email",
          fmt::format("email is {}; write a string", describe_json_type(payload["email"])));
  } else if (!is_valid_email(payload["email"].get_ref<const std::string&>())) {
    f.add("email-format", "/email",
          fmt::format("{} is not a valid email address; write e.g. jane@example.com",
                      quote(payload["email"])));
  }
}

}  // namespace chatjwt
