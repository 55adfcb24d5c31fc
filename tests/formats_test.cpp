#include "chatjwt/formats.hpp"

#include <doctest/doctest.h>

using namespace chatjwt;

TEST_CASE("formats: email, the WHATWG definition") {
  for (const char* good : {"jane@example.com", "a.b+c@x.io", "x@localhost", "o'neil@ex-ample.co.uk",
                           "!#$%&'*+/=?^_`{|}~-@a.b"}) {
    CAPTURE(good);
    CHECK(is_valid_email(good));
  }
  for (const char* bad :
       {"", "jane", "@example.com", "jane@", "jane@-ex.com", "jane@ex-.com", "jane@ex..com",
        "jane doe@example.com", "jane@exam_ple.com", "jane@@example.com", "jané@example.com"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_email(bad));
  }
  CHECK(is_valid_email("jane@example"));  // WHATWG allows a dotless domain
}

TEST_CASE("formats: phone, + then 8 to 15 digits with the contract's separators") {
  for (const char* good : {"+447700900123", "+44 7700 900123", "+44-7700-900-123",
                           "+44.7700.900123", "+44 (20) 7946 0958", "+44(20)79460958",
                           "+1 (555) 010-9999", "+12345678", "+123456789012345"}) {
    CAPTURE(good);
    CHECK(is_valid_phone(good));
  }
  for (const char* bad :
       {"447700900123", "+ 447700900123", "+1234567", "+1234567890123456", "+44  7700900123",
        "+44 -7700900123", "+44 (20) (79) 460958", "+44 ( 20) 79460958", "+44 (20)- 79460958",
        "+44 7700 900123x", "+44 7700 900123 ", "+(44) 7700900123", "tel:+447700900123",
        "+44--7700900123"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_phone(bad));
  }
}

TEST_CASE("formats: locale, a well-formed BCP 47 tag with a 2- or 3-letter language") {
  for (const char* good :
       {"en-GB", "fr", "zh-Hant-TW", "EN-gb", "fr-FR", "yue-HK", "es-419", "de-CH-1901",
        "sl-rozaj-biske", "en-US-u-ca-gregory", "en-x-private", "zh-cmn-Hans-CN"}) {
    CAPTURE(good);
    CHECK(is_valid_locale(good));
  }
  for (const char* bad : {"", "english", "en_GB", "e", "en-", "-en", "en--GB", "x-private",
                          "i-klingon", "en-GB-x", "en-u", "toolongsubtag", "en-GB-abc", "12-GB"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_valid_locale(bad));
  }
}

TEST_CASE("formats: date and datetime") {
  CHECK(is_valid_calendar_date("2024-03-15"));
  CHECK(is_valid_calendar_date("2024-02-29"));
  CHECK_FALSE(is_valid_calendar_date("2023-02-29"));
  CHECK_FALSE(is_valid_calendar_date("2024-3-15"));
  CHECK_FALSE(is_valid_calendar_date("15/03/2024"));
  CHECK_FALSE(is_valid_calendar_date("2024-03-15T00:00:00Z"));
  CHECK(datetime_form("2026-04-23T14:30:00Z") == DateTimeForm::zoned);
  CHECK(datetime_form("2026-04-23T14:30:00.123+02:00") == DateTimeForm::zoned);
  CHECK(datetime_form("2026-04-23T14:30Z") == DateTimeForm::zoned);
  CHECK(datetime_form("2026-04-23t14:30:00z") == DateTimeForm::zoned);
  CHECK(datetime_form("2026-04-23T14:30") == DateTimeForm::unzoned);
  CHECK(datetime_form("2026-04-23T14:30:00") == DateTimeForm::unzoned);
  for (const char* bad :
       {"2026-04-23", "2026-04-23 14:30:00Z", "2026-04-23T24:00Z", "2026-02-30T10:00Z",
        "2026-04-23T14:30:00+0200", "2026-04-23T14:30:00.Z", "yesterday"}) {
    CAPTURE(bad);
    CHECK(datetime_form(bad) == DateTimeForm::invalid);
  }
}

TEST_CASE("formats: currency, ISO 4217 List One, upper case") {
  for (const char* good : {"USD", "EUR", "GBP", "JPY", "XCG", "ZWG", "SLE", "VED", "XXX"}) {
    CAPTURE(good);
    CHECK(is_iso4217_code(good));
  }
  for (const char* bad : {"usd", "Usd", "HRK", "ZWL", "ANG", "SLL", "BTC", "US", "USDD", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(is_iso4217_code(bad));
  }
}

TEST_CASE("formats: link, an absolute http(s) URL with a host") {
  for (const char* good :
       {"https://crm.example.com/12345", "http://x", "HTTPS://EXAMPLE.COM",
        "https://u:p@host:8080/a?b=c#d", "https://[::1]:443/", "https://ex.com/%20a"}) {
    CAPTURE(good);
    CHECK(is_http_url(good));
  }
  for (const char* bad : {"crm.example.com/1", "ftp://example.com", "https:/example.com",
                          "https://", "https:///path", "https://ex ample.com", "https://ex.com/%zz",
                          "javascript:alert(1)", "https://host:port/"}) {
    CAPTURE(bad);
    CHECK_FALSE(is_http_url(bad));
  }
}

TEST_CASE("formats: card numbers pass Luhn, sensitive names") {
  CHECK(looks_like_card_number("4111111111111111"));
  CHECK(looks_like_card_number("4111 1111 1111 1111"));
  CHECK(looks_like_card_number("4111-1111-1111-1111"));
  CHECK(looks_like_card_number("378282246310005"));         // 15 digits
  CHECK_FALSE(looks_like_card_number("4111111111111112"));  // Luhn fails
  CHECK_FALSE(looks_like_card_number("411111111111"));      // 12 digits
  CHECK_FALSE(looks_like_card_number("4111  1111 1111 1111"));
  CHECK_FALSE(looks_like_card_number(" 4111111111111111"));
  CHECK_FALSE(looks_like_card_number("41111111111111111111"));  // 20 digits
  for (const char* name : {"password", "Password", "user_password", "api-key", "apiKey",
                           "x_API_KEY", "accessToken", "refresh_token", "csrfToken", "cardNumber",
                           "credit_card", "cvv", "CVC", "ssn", "clientSecret", "passwd"}) {
    CAPTURE(name);
    CHECK(is_sensitive_name(name));
  }
  for (const char* name : {"plan", "passwordHint", "tokens", "business", "secretary", "userId"}) {
    CAPTURE(name);
    CHECK_FALSE(is_sensitive_name(name));
  }
}
