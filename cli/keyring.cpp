#include "keyring.hpp"

#include <fmt/format.h>

namespace chatjwt::cli {

Result<bool> KeyRing::load_explicit(const std::vector<SecretSource>& sources) {
  if (sources.empty()) return false;
  std::vector<std::string> warnings;
  auto loaded = load_secrets(sources, encoding_, io_, warnings);
  for (const auto& warning : warnings) warning_line(err_, warning);
  if (!loaded) return loaded.error();
  KeySet set;
  for (std::size_t i = 0; i < loaded->secrets.size(); ++i) {
    set.keys.emplace_back(loaded->secrets[i].view());
    set.origins.push_back(loaded->origins[i]);
    set.texts.push_back(std::move(loaded->texts[i]));
    set.variables.push_back(sources[i].kind == SecretSource::Kind::env ? sources[i].argument : "");
  }
  explicit_ = std::move(set);
  return true;
}

void KeyRing::warn(std::string text) {
  if (defer_) {
    pending_.push_back(std::move(text));
  } else {
    warning_line(err_, text);
  }
}

void KeyRing::flush_warnings() {
  const std::lock_guard lock(mutex_);
  for (const std::string& text : pending_) warning_line(err_, text);
  pending_.clear();
}

const KeySet* KeyRing::keys_for(Profile profile, Error& error) {
  if (explicit_) return &*explicit_;  // set before any thread starts, never changed
  const std::lock_guard lock(mutex_);
  auto found = defaults_.find(profile);
  if (found == defaults_.end()) {
    const std::string name(default_secret_variable(profile));
    auto make = [&]() -> Result<KeySet> {
      auto value = io_.env(name);
      const std::string hint =
          fmt::format("(profile {}); set it, or use --secret-env NAME or --secret-file PATH",
                      to_string(profile));
      if (!value)
        return Error{ErrorCode::missing_secret, fmt::format("{} is not set {}", name, hint)};
      if (value->empty()) {
        return Error{ErrorCode::missing_secret, fmt::format("{} is set but empty {}", name, hint)};
      }
      auto secret = decode_secret(*value, encoding_, name);
      SecretBytes text(*value);
      wipe(*value);
      if (!secret) {
        return Error{ErrorCode::missing_secret,
                     fmt::format("{} is set but unusable: {}", name, secret.error().message)};
      }
      if (secret->size() < kRecommendedSecretBytes) {
        warn(
            fmt::format("the secret from {} is {} bytes; RFC 7518 §3.2 asks for at least 32 (the "
                        "length of the hash)",
                        name, secret->size()));
      }
      KeySet set;
      set.keys.emplace_back(secret->view());
      set.origins.push_back(name);
      set.texts.push_back(std::move(text));
      set.variables.push_back(name);
      return set;
    };
    found = defaults_.emplace(profile, make()).first;
  }
  if (!found->second) {
    error = found->second.error();
    return nullptr;
  }
  return &*found->second;
}

std::vector<SecretCandidate> KeyRing::other_candidates(const KeySet& used) const {
  std::vector<std::string> names;
  for (Profile p : {Profile::convrs, Profile::eloquent, Profile::generic}) {
    names.emplace_back(default_secret_variable(p));
  }
  for (const std::string& variable : used.variables) {
    if (variable.empty()) continue;
    names.push_back(variable + "_PREVIOUS");
    names.push_back(variable + "_OLD");
  }
  std::vector<SecretCandidate> out;
  for (const std::string& name : names) {
    bool already = false;
    for (const std::string& v : used.variables) already = already || v == name;
    auto value = io_.env(name);
    if (already || !value || value->empty()) continue;
    if (auto secret = decode_secret(*value, encoding_, name)) {
      out.push_back({fmt::format("the secret in {}: pass it with --secret-env {}", name, name),
                     std::move(*secret)});
    }
    wipe(*value);
  }
  return out;
}

}  // namespace chatjwt::cli
