// Pieces both vendor schemas use: case-insensitive name matching, quoting values in messages.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "chatjwt/formats.hpp"
#include "chatjwt/json_tree.hpp"

namespace chatjwt {

// The documented name that name equals when case is ignored, if it is not exactly it; empty
// otherwise ("userID" -> "userId").
std::string_view case_mismatch(std::string_view name, std::span<const std::string_view> documented);

class Findings;

// A user ID member that is present (userId, user_id): a string, not empty, not an email
// address. vendor names who requires the string ("Convrs", "Eloquent").
void lint_user_id(JsonRef id, std::string_view name, std::string_view vendor, Findings& f);

// A value as it would be written in JSON, shortened for a message.
std::string quote(JsonRef value);

}  // namespace chatjwt
