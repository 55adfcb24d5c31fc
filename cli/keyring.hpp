// The keys verify and sign use: the secrets given on the command line, or else the profile's
// default variable, read only when a signature check needs it (verify, check 4).
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "chatjwt/error.hpp"
#include "chatjwt/hints.hpp"
#include "chatjwt/hs256.hpp"
#include "chatjwt/profile.hpp"
#include "chatjwt/secret.hpp"

#include "inputs.hpp"
#include "output.hpp"

namespace chatjwt::cli {

struct KeySet {
  std::vector<Hs256Key> keys;
  std::vector<std::string> origins;    // where each came from, for messages
  std::vector<SecretBytes> texts;      // each secret as given, for the hints on a bad signature
  std::vector<std::string> variables;  // the environment variable of each, or ""
};

class KeyRing {
 public:
  KeyRing(const Io& io, SecretEncoding encoding, Output& err)
      : io_(io), encoding_(encoding), err_(err) {}

  // Reads and checks the command line's secrets now (before anything else). usage/io errors.
  Result<bool> load_explicit(const std::vector<SecretSource>& sources);

  // The keys for a token of this profile: the explicit ones, or the profile's variable
  // (missing_secret when unset, empty or unusable). Warnings are printed once each, or held
  // for flush_warnings() after defer_warnings(). Safe to call from several threads; the
  // KeySet stays where it is for the ring's life (its Hs256Keys are not for sharing:
  // each thread clones them).
  const KeySet* keys_for(Profile profile, Error& error);

  // Worker threads must not print: warnings wait until the thread that prints flushes them.
  void defer_warnings() { defer_ = true; }
  void flush_warnings();

  // Other keys worth trying when a signature does not match: the other profiles' default
  // variables, and NAME_PREVIOUS / NAME_OLD of each variable used (a rotated secret).
  std::vector<SecretCandidate> other_candidates(const KeySet& used) const;

 private:
  void warn(std::string text);
  std::mutex mutex_;
  bool defer_ = false;
  std::vector<std::string> pending_;
  const Io& io_;
  SecretEncoding encoding_;
  Output& err_;
  std::optional<KeySet> explicit_;
  std::map<Profile, Result<KeySet>> defaults_;
};

}  // namespace chatjwt::cli
