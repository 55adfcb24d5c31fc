// HMAC-SHA256 (RFC 7518 §3.2) with OpenSSL, secrets held in buffers that are wiped on release.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace chatjwt {

// Bytes of a secret. Move-only; the memory is overwritten (OPENSSL_cleanse) when released.
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(std::string_view bytes);
  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  ~SecretBytes();

  std::string_view view() const { return {data_.get(), size_}; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
};

// Overwrites a string's bytes, then empties it (for copies a secret passed through).
void wipe(std::string& text);

using Digest = std::array<unsigned char, 32>;

// HMAC-SHA256 keyed once per secret and reused for every message: the SHA-256 states after
// the key's inner and outer blocks are kept, so a message costs its own blocks only.
// Not thread-safe: give each thread its own clone().
class Hs256Key {
 public:
  explicit Hs256Key(std::string_view secret);
  Hs256Key(Hs256Key&& other) noexcept;
  Hs256Key& operator=(Hs256Key&& other) noexcept;
  Hs256Key(const Hs256Key&) = delete;
  Hs256Key& operator=(const Hs256Key&) = delete;
  ~Hs256Key();

  // False only if OpenSSL could not set up the hash.
  bool ok() const { return state_ != nullptr; }

  // An independent copy of the keyed state, for another thread.
  Hs256Key clone() const;

  // Writes the MAC of message to out; false (out unspecified) if OpenSSL failed.
  bool mac(std::string_view message, Digest& out) const;

  // True when signature is exactly the 32-byte MAC of message, compared in constant time.
  bool verify(std::string_view message, std::string_view signature) const;

 private:
  struct State;
  Hs256Key() = default;
  State* state_ = nullptr;  // wiped and freed by the destructor
};

// One-shot HMAC-SHA256 (tests, sign); nullopt if OpenSSL failed.
std::optional<Digest> hs256(std::string_view secret, std::string_view message);

}  // namespace chatjwt
