#include "chatjwt/hs256.hpp"

#include <cstring>
#include <memory>
#include <utility>

// The SHA-256 block functions are deprecated in OpenSSL 3 (see Hs256Key::State).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/crypto.h>
#include <openssl/sha.h>

namespace chatjwt {

SecretBytes::SecretBytes(std::string_view bytes)
    : data_(std::make_unique<char[]>(bytes.size() + 1)), size_(bytes.size()) {
  if (!bytes.empty()) std::memcpy(data_.get(), bytes.data(), bytes.size());
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::move(other.data_)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    if (data_) OPENSSL_cleanse(data_.get(), size_);
    data_ = std::move(other.data_);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SecretBytes::~SecretBytes() {
  if (data_) OPENSSL_cleanse(data_.get(), size_);
}

void wipe(std::string& text) {
  if (!text.empty()) OPENSSL_cleanse(text.data(), text.size());
  text.clear();
}

// HMAC (RFC 2104) over OpenSSL's SHA-256 block functions. OpenSSL 3 marks SHA256_Init and
// kin deprecated in favour of EVP, but they are the same SHA-NI/AVX code without EVP's
// provider machinery: fetching the EVP HMAC costs about 1.2 ms of start-up (half of a one-token
// verify) and each message pays for two EVP context copies. The construction is a few lines
// and checked against RFC 4231, RFC 7515 and the Wycheproof vectors.
struct Hs256Key::State {
  SHA256_CTX inner;  // after the block key XOR ipad
  SHA256_CTX outer;  // after the block key XOR opad
};

namespace {

constexpr std::size_t kBlock = 64;

}  // namespace

Hs256Key::Hs256Key(std::string_view secret) {
  unsigned char block[kBlock] = {};
  bool ok = true;
  if (secret.size() > kBlock) {  // a long key is hashed first
    SHA256_CTX ctx;
    ok = SHA256_Init(&ctx) == 1 && SHA256_Update(&ctx, secret.data(), secret.size()) == 1 &&
         SHA256_Final(block, &ctx) == 1;
    OPENSSL_cleanse(&ctx, sizeof ctx);
  } else if (!secret.empty()) {
    std::memcpy(block, secret.data(), secret.size());
  }
  auto state = std::make_unique<State>();
  unsigned char pad[kBlock];
  for (std::size_t i = 0; i < kBlock; ++i) pad[i] = static_cast<unsigned char>(block[i] ^ 0x36U);
  ok = ok && SHA256_Init(&state->inner) == 1 && SHA256_Update(&state->inner, pad, kBlock) == 1;
  for (std::size_t i = 0; i < kBlock; ++i) pad[i] = static_cast<unsigned char>(block[i] ^ 0x5CU);
  ok = ok && SHA256_Init(&state->outer) == 1 && SHA256_Update(&state->outer, pad, kBlock) == 1;
  OPENSSL_cleanse(pad, sizeof pad);
  OPENSSL_cleanse(block, sizeof block);
  if (ok) {
    state_ = state.release();
  } else {
    OPENSSL_cleanse(state.get(), sizeof(State));
  }
}

Hs256Key::Hs256Key(Hs256Key&& other) noexcept : state_(std::exchange(other.state_, nullptr)) {}

Hs256Key& Hs256Key::operator=(Hs256Key&& other) noexcept {
  if (this != &other) {
    if (state_ != nullptr) {
      OPENSSL_cleanse(state_, sizeof(State));
      delete state_;
    }
    state_ = std::exchange(other.state_, nullptr);
  }
  return *this;
}

Hs256Key::~Hs256Key() {
  if (state_ != nullptr) {
    OPENSSL_cleanse(state_, sizeof(State));
    delete state_;
  }
}

Hs256Key Hs256Key::clone() const {
  Hs256Key copy;
  if (state_ != nullptr) copy.state_ = new State(*state_);
  return copy;
}

bool Hs256Key::mac(std::string_view message, Digest& out) const {
  if (state_ == nullptr) return false;
  SHA256_CTX ctx = state_->inner;
  unsigned char inner[SHA256_DIGEST_LENGTH];
  bool ok =
      SHA256_Update(&ctx, message.data(), message.size()) == 1 && SHA256_Final(inner, &ctx) == 1;
  ctx = state_->outer;
  ok = ok && SHA256_Update(&ctx, inner, sizeof inner) == 1 && SHA256_Final(out.data(), &ctx) == 1;
  OPENSSL_cleanse(&ctx, sizeof ctx);
  OPENSSL_cleanse(inner, sizeof inner);
  return ok;
}

bool Hs256Key::verify(std::string_view message, std::string_view signature) const {
  Digest expected{};
  if (signature.size() != expected.size() || !mac(message, expected)) return false;
  const bool equal = CRYPTO_memcmp(expected.data(), signature.data(), expected.size()) == 0;
  OPENSSL_cleanse(expected.data(), expected.size());
  return equal;
}

std::optional<Digest> hs256(std::string_view secret, std::string_view message) {
  const Hs256Key key(secret);
  Digest out{};
  if (!key.mac(message, out)) return std::nullopt;
  return out;
}

}  // namespace chatjwt
