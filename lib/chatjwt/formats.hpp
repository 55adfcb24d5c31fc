// The value forms lint checks, as the contract's lint section fixes them ("The forms").
#pragma once

#include <string>
#include <string_view>

namespace chatjwt {

// text with A-Z turned to a-z (names and codes here are ASCII; other bytes are kept).
std::string ascii_lower(std::string_view text);

// WHATWG HTML "valid email address": local@label(.label)*, labels of letters, digits and
// inner hyphens, at most 63 characters.
bool is_valid_email(std::string_view text);

// "+", then 8 to 15 digits, the first right after "+"; single spaces, hyphens or dots may
// separate digits; one group of digits may be in parentheses with a single space or nothing on
// either side ("+44 (20) 7946 0958").
bool is_valid_phone(std::string_view text);

// A well-formed BCP 47 language tag (RFC 5646 langtag, any case) whose language subtag has 2 or
// 3 letters: "en-GB", "fr", "zh-Hant-TW"; not "english", "en_GB", "i-klingon".
bool is_valid_locale(std::string_view text);

// YYYY-MM-DD, a date that exists.
bool is_valid_calendar_date(std::string_view text);

// RFC 3339 date-time, except that the seconds and the zone may be left out.
enum class DateTimeForm { invalid, zoned, unzoned };
DateTimeForm datetime_form(std::string_view text);

// A code of ISO 4217 List One, exactly (upper case). See kIso4217Edition.
bool is_iso4217_code(std::string_view code);
extern const std::string_view kIso4217Edition;

// An absolute RFC 3986 URL with scheme http or https (any case), "//" and a non-empty host.
bool is_http_url(std::string_view text);

// 13 to 19 digits (single spaces or hyphens between digits allowed) that pass the Luhn check.
bool looks_like_card_number(std::string_view text);

// A member name that, compared without case, '_' and '-', is or ends in password, passwd,
// secret, token, apikey, accesstoken, refreshtoken, cardnumber, creditcard, cvv, cvc or ssn.
bool is_sensitive_name(std::string_view name);

}  // namespace chatjwt
