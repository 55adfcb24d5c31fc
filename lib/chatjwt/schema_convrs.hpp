// The Convrs Web Chat payload schema: identity fields, userData, agentData (lint, convrs).
#pragma once

#include "chatjwt/json_tree.hpp"
#include "chatjwt/lint.hpp"

namespace chatjwt {

void lint_convrs(JsonRef payload, Findings& findings);

}  // namespace chatjwt
