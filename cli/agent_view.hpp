// What the agent will see: the Convrs Visitor Details card and flow-builder data, or the
// Eloquent agent profile, rendered from a decoded payload.
#pragma once

#include <string>

#include "chatjwt/json_dom.hpp"
#include "chatjwt/profile.hpp"

#include "locale_format.hpp"
#include "output.hpp"

namespace chatjwt::cli {

// Lines fit 80 columns (long values are shortened). Empty for the generic profile.
std::string render_agent_view(const Json& payload, Profile profile, LocaleFormat& format,
                              const Style& style);

}  // namespace chatjwt::cli
