// The contract's verify object (verify --json), written without building JSON values.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "chatjwt/error.hpp"
#include "chatjwt/lint.hpp"
#include "chatjwt/profile.hpp"

namespace chatjwt {

// What one verify object shows. The pointers must outlive the call.
struct VerifyObject {
  std::optional<std::size_t> line;  // under --batch: written first
  const Error* error = nullptr;     // nullptr: the token is valid
  Profile profile = Profile::generic;
  // Compact JSON text of the header and payload (CompactParts); nullopt: null.
  std::optional<std::string_view> header;
  std::optional<std::string_view> payload;
  std::optional<std::size_t> secret_index;
  std::span<const Diagnostic> warnings;
};

// Appends the object as one line of compact JSON and a line feed, byte for byte what
// to_json_text gives for the same object built as values.
void append_verify_json(std::string& out, const VerifyObject& object);

}  // namespace chatjwt
