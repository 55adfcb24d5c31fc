// base64url (RFC 4648 §5, strict: no padding, canonical final bits) and the secret decoder.
#include <string>

#include "chatjwt/base64url.hpp"
#include "chatjwt/secret.hpp"
#include "chatjwt/token.hpp"

#include "fuzz_check.hpp"

using namespace chatjwt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);

  // Decoding: valid() agrees with decode(); strict means the text is the one encoding of its
  // bytes, so encoding them again gives the text back.
  const auto decoded = base64url_decode(text);
  FUZZ_CHECK(base64url_valid(text) == decoded.has_value());
  if (decoded) {
    FUZZ_CHECK(decoded->size() == base64url_decoded_size(text.size()));
    FUZZ_CHECK(base64url_encode(*decoded) == text);
  } else {
    FUZZ_CHECK(!describe_base64url_problem(text).empty());
  }

  // Encoding any bytes: only base64url characters, and they decode back.
  const std::string encoded = base64url_encode(text);
  for (const char c : encoded) FUZZ_CHECK(is_base64url_char(c));
  const auto back = base64url_decode(encoded);
  FUZZ_CHECK(back && *back == text);

  // Secrets in every encoding: a value or an error, and an empty secret is never accepted.
  for (const auto encoding : {SecretEncoding::utf8, SecretEncoding::base64,
                              SecretEncoding::base64url, SecretEncoding::hex}) {
    const auto secret = decode_secret(text, encoding, "fuzz");
    if (secret) FUZZ_CHECK(!secret->empty());
  }
  return 0;
}
