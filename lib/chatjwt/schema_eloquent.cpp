#include "chatjwt/schema_eloquent.hpp"

#include <array>

#include <fmt/format.h>

#include "chatjwt/formats.hpp"
#include "chatjwt/schema_common.hpp"

namespace chatjwt {

void lint_eloquent(JsonRef payload, Findings& f) {
  // Eloquent, "JWT Payload": user_id required; email, name, plan, role optional.
  static constexpr std::array<std::string_view, 5> kDocumented = {"user_id", "email", "name",
                                                                  "plan", "role"};
  for (JsonRef member : payload.children()) {
    const std::string_view fix = case_mismatch(member.name(), kDocumented);
    if (!fix.empty() && !payload.find(fix)) {
      f.add("name-case", member,
            fmt::format("\"{}\" has the wrong case; write \"{}\"", member.name(), fix));
    }
  }
  if (const JsonRef id = payload.find("user_id"); !id) {
    f.add_missing("missing-required", payload, "user_id",
                  "no user_id: Eloquent requires it and ignores the token without it; add "
                  "\"user_id\" with a stable ID from your system");
  } else {
    lint_user_id(id, "user_id", "Eloquent", f);
  }
  if (const JsonRef email = payload.find("email"); !email) {
    f.add_missing("missing-recommended", payload, "email",
                  "no email: Eloquent stores it on the agent profile; add \"email\" (recommended)");
  } else if (!email.is_string()) {
    f.add("field-type", email,
          fmt::format("email is {}; write a string", describe_json_type(email)));
  } else if (!is_valid_email(email.string())) {
    f.add(
        "email-format", email,
        fmt::format("{} is not a valid email address; write e.g. jane@example.com", quote(email)));
  }
}

}  // namespace chatjwt
