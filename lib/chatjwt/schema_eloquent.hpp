// The Eloquent identity payload schema: user_id required, email recommended (lint, eloquent).
#pragma once

#include "chatjwt/json_dom.hpp"
#include "chatjwt/lint.hpp"

namespace chatjwt {

void lint_eloquent(const Json& payload, Findings& findings);

}  // namespace chatjwt
