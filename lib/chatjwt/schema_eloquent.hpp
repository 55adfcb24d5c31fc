// The Eloquent identity payload schema: user_id required, email recommended (lint, eloquent).
#pragma once

#include "chatjwt/json_tree.hpp"
#include "chatjwt/lint.hpp"

namespace chatjwt {

void lint_eloquent(JsonRef payload, Findings& findings);

}  // namespace chatjwt
