// Locale-aware dates, numbers and currency for the agent's view, by ICU (Debian's libicu).
// ICU is loaded with dlopen the first time a value is formatted: commands that draw no card
// never pay for it (linking it costs every start-up about a millisecond here).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace chatjwt::cli {

class LocaleFormat {
 public:
  // locale: an ICU locale ID such as "en_GB"; zone: an Olson ID such as "Europe/London".
  LocaleFormat(std::string locale, std::string zone);
  ~LocaleFormat();
  LocaleFormat(const LocaleFormat&) = delete;
  LocaleFormat& operator=(const LocaleFormat&) = delete;

  // False when ICU could not be loaded; every format then returns nullopt.
  bool available();

  // "15 Mar 2024" (en-GB): a calendar date, medium style, no time zone shift.
  std::optional<std::string> date(int year, unsigned month, unsigned day);
  // "23 Apr 2026, 14:30" (en-GB): medium date, short time, in the zone.
  std::optional<std::string> date_time(double unix_seconds);
  // "48,750": grouping separators of the locale.
  std::optional<std::string> number(double value);
  // "US$1,250.00" (en-GB), "$1,250.00" (en-US): the currency's symbol and its own decimals.
  std::optional<std::string> currency(double value, std::string_view code);

  const std::string& locale() const { return locale_; }
  const std::string& zone() const { return zone_; }

  struct Icu;  // the loaded library's entry points (opaque here)

 private:
  std::string locale_;
  std::string zone_;
  Icu* icu_ = nullptr;
  bool tried_ = false;
};

// The locale for the card: --locale, else LC_ALL, LC_TIME, LANG (encoding and modifier
// dropped), else en_GB; C and POSIX mean en_GB. Returns an ICU ID ("en_GB").
std::string choose_locale(const std::string& option, const std::optional<std::string>& lc_all,
                          const std::optional<std::string>& lc_time,
                          const std::optional<std::string>& lang);

}  // namespace chatjwt::cli
