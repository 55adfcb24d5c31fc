// The Convrs Web Chat payload schema: identity fields, userData, agentData (lint, convrs).
#pragma once

#include "chatjwt/json_dom.hpp"
#include "chatjwt/lint.hpp"

namespace chatjwt {

void lint_convrs(const Json& payload, Findings& findings);

}  // namespace chatjwt
