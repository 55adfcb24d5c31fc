// Pieces both vendor schemas use: case-insensitive name matching, quoting values in messages.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "chatjwt/formats.hpp"
#include "chatjwt/json_dom.hpp"

namespace chatjwt {

// The documented name that name equals when case is ignored, if it is not exactly it; empty
// otherwise ("userID" -> "userId").
std::string_view case_mismatch(std::string_view name, std::span<const std::string_view> documented);

// A value as it would be written in JSON, shortened for a message.
std::string quote(const Json& value);

}  // namespace chatjwt
