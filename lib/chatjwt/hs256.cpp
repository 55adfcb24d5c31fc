#include "chatjwt/hs256.hpp"

#include <cstring>
#include <utility>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

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

Hs256Key::Hs256Key(std::string_view secret) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (mac == nullptr) return;
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
  EVP_MAC_free(mac);  // the context holds its own reference
  if (ctx == nullptr) return;
  char digest_name[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
      OSSL_PARAM_construct_end(),
  };
  // An empty key needs a non-null pointer for OpenSSL; the CLI refuses empty secrets anyway.
  static const unsigned char kEmpty = 0;
  const auto* key =
      secret.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(secret.data());
  if (EVP_MAC_init(ctx, key, secret.size(), params) != 1) {
    EVP_MAC_CTX_free(ctx);
    return;
  }
  ctx_ = ctx;
}

Hs256Key::Hs256Key(Hs256Key&& other) noexcept : ctx_(std::exchange(other.ctx_, nullptr)) {}

Hs256Key& Hs256Key::operator=(Hs256Key&& other) noexcept {
  if (this != &other) {
    EVP_MAC_CTX_free(ctx_);  // frees and cleanses the key schedule
    ctx_ = std::exchange(other.ctx_, nullptr);
  }
  return *this;
}

Hs256Key::~Hs256Key() { EVP_MAC_CTX_free(ctx_); }

Hs256Key Hs256Key::clone() const {
  Hs256Key copy;
  if (ctx_ != nullptr) copy.ctx_ = EVP_MAC_CTX_dup(ctx_);
  return copy;
}

bool Hs256Key::mac(std::string_view message, Digest& out) const {
  if (ctx_ == nullptr) return false;
  // Re-initialising with no key keeps the key already set: no re-keying per message.
  std::size_t written = 0;
  return EVP_MAC_init(ctx_, nullptr, 0, nullptr) == 1 &&
         EVP_MAC_update(ctx_, reinterpret_cast<const unsigned char*>(message.data()),
                        message.size()) == 1 &&
         EVP_MAC_final(ctx_, out.data(), &written, out.size()) == 1 && written == out.size();
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
