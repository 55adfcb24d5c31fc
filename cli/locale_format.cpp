#include "locale_format.hpp"

#include <dlfcn.h>

#include <cmath>
#include <string>

#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

namespace chatjwt::cli {
namespace {

// The versioned names the headers rename the API to ("udat_open" -> "udat_open_72").
#define CHATJWT_STR2(x) #x
#define CHATJWT_STR(x) CHATJWT_STR2(x)
#define CHATJWT_ICU_LIB "libicui18n.so." CHATJWT_STR(U_ICU_VERSION_MAJOR_NUM)

template <class F>
bool load(void* lib, const char* name, F*& out) {
  out = reinterpret_cast<F*>(dlsym(lib, name));
  return out != nullptr;
}

}  // namespace

struct LocaleFormat::Icu {
  void* lib = nullptr;
  decltype(&udat_open) date_open = nullptr;
  decltype(&udat_format) date_format = nullptr;
  decltype(&udat_close) date_close = nullptr;
  decltype(&unum_open) number_open = nullptr;
  decltype(&unum_formatDouble) number_format = nullptr;
  decltype(&unum_formatDoubleCurrency) currency_format = nullptr;
  decltype(&unum_close) number_close = nullptr;
  decltype(&u_strToUTF8) to_utf8 = nullptr;
  decltype(&u_strFromUTF8) from_utf8 = nullptr;

  bool open() {
    lib = dlopen(CHATJWT_ICU_LIB, RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) return false;
    return load(lib, CHATJWT_STR(udat_open), date_open) &&
           load(lib, CHATJWT_STR(udat_format), date_format) &&
           load(lib, CHATJWT_STR(udat_close), date_close) &&
           load(lib, CHATJWT_STR(unum_open), number_open) &&
           load(lib, CHATJWT_STR(unum_formatDouble), number_format) &&
           load(lib, CHATJWT_STR(unum_formatDoubleCurrency), currency_format) &&
           load(lib, CHATJWT_STR(unum_close), number_close) &&
           load(lib, CHATJWT_STR(u_strToUTF8), to_utf8) &&
           load(lib, CHATJWT_STR(u_strFromUTF8), from_utf8);
  }

  std::u16string utf16(std::string_view text) const {
    UErrorCode status = U_ZERO_ERROR;
    std::u16string out(text.size() + 1, u'\0');
    int32_t length = 0;
    from_utf8(reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &length,
              text.data(), static_cast<int32_t>(text.size()), &status);
    if (U_FAILURE(status)) return {};
    out.resize(static_cast<std::size_t>(length));
    return out;
  }

  std::optional<std::string> utf8(const UChar* text, int32_t length) const {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(static_cast<std::size_t>(length) * 3 + 1, '\0');
    int32_t written = 0;
    to_utf8(out.data(), static_cast<int32_t>(out.size()), &written, text, length, &status);
    if (U_FAILURE(status)) return std::nullopt;
    out.resize(static_cast<std::size_t>(written));
    return out;
  }
};

LocaleFormat::LocaleFormat(std::string locale, std::string zone)
    : locale_(std::move(locale)), zone_(std::move(zone)) {}

// ICU stays loaded until exit: unloading it would strand the caches it keeps in its globals.
LocaleFormat::~LocaleFormat() { delete icu_; }

bool LocaleFormat::available() {
  if (!tried_) {
    tried_ = true;
    icu_ = new Icu();
    if (!icu_->open()) {
      if (icu_->lib != nullptr) dlclose(icu_->lib);
      delete icu_;
      icu_ = nullptr;
    }
  }
  return icu_ != nullptr;
}

namespace {

// UDate is milliseconds since 1970.
std::optional<std::string> format_date(LocaleFormat::Icu* icu, const std::string& locale,
                                       const std::u16string& zone, UDateFormatStyle time_style,
                                       double unix_seconds) {
  UErrorCode status = U_ZERO_ERROR;
  UDateFormat* f = icu->date_open(time_style, UDAT_MEDIUM, locale.c_str(),
                                  reinterpret_cast<const UChar*>(zone.data()),
                                  static_cast<int32_t>(zone.size()), nullptr, 0, &status);
  if (U_FAILURE(status) || f == nullptr) return std::nullopt;
  UChar buffer[128];
  const int32_t length = icu->date_format(f, unix_seconds * 1000.0, buffer, 128, nullptr, &status);
  icu->date_close(f);
  if (U_FAILURE(status)) return std::nullopt;
  return icu->utf8(buffer, length);
}

}  // namespace

std::optional<std::string> LocaleFormat::date(int year, unsigned month, unsigned day) {
  if (!available()) return std::nullopt;
  // Days from civil, then noon UTC formatted in UTC: the calendar date, never shifted.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const double days = era * 146097.0 + doe - 719468.0;
  return format_date(icu_, locale_, icu_->utf16("UTC"), UDAT_NONE, days * 86400 + 43200);
}

std::optional<std::string> LocaleFormat::date_time(double unix_seconds) {
  if (!available()) return std::nullopt;
  return format_date(icu_, locale_, icu_->utf16(zone_), UDAT_SHORT, unix_seconds);
}

std::optional<std::string> LocaleFormat::number(double value) {
  if (!available() || !std::isfinite(value)) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat* f = icu_->number_open(UNUM_DECIMAL, nullptr, 0, locale_.c_str(), nullptr, &status);
  if (U_FAILURE(status) || f == nullptr) return std::nullopt;
  UChar buffer[128];
  const int32_t length = icu_->number_format(f, value, buffer, 128, nullptr, &status);
  icu_->number_close(f);
  if (U_FAILURE(status)) return std::nullopt;
  return icu_->utf8(buffer, length);
}

std::optional<std::string> LocaleFormat::currency(double value, std::string_view code) {
  if (!available() || !std::isfinite(value) || code.size() != 3) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  UNumberFormat* f =
      icu_->number_open(UNUM_CURRENCY, nullptr, 0, locale_.c_str(), nullptr, &status);
  if (U_FAILURE(status) || f == nullptr) return std::nullopt;
  UChar iso[4] = {static_cast<UChar>(code[0]), static_cast<UChar>(code[1]),
                  static_cast<UChar>(code[2]), 0};
  UChar buffer[128];
  const int32_t length = icu_->currency_format(f, value, iso, buffer, 128, nullptr, &status);
  icu_->number_close(f);
  if (U_FAILURE(status)) return std::nullopt;
  return icu_->utf8(buffer, length);
}

std::string choose_locale(const std::string& option, const std::optional<std::string>& lc_all,
                          const std::optional<std::string>& lc_time,
                          const std::optional<std::string>& lang) {
  std::string chosen = option;
  for (const auto& candidate : {lc_all, lc_time, lang}) {
    if (!chosen.empty()) break;
    if (candidate && !candidate->empty()) chosen = *candidate;
  }
  chosen = chosen.substr(0, chosen.find_first_of(".@"));  // en_GB.UTF-8@euro -> en_GB
  for (char& c : chosen) {
    if (c == '-') c = '_';
  }
  if (chosen.empty() || chosen == "C" || chosen == "POSIX") return "en_GB";
  return chosen;
}

}  // namespace chatjwt::cli
