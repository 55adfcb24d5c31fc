// Times and durations as the options read them (--now, --not-before, --expires-in, --leeway),
// and the dates and spans decode prints. A time that parses prints as RFC 3339 and parses back.
#include <cmath>
#include <cstring>

#include "chatjwt/timespec.hpp"

#include "fuzz_check.hpp"

using namespace chatjwt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);

  const auto time = parse_time(text);
  if (time) {
    const auto written = format_rfc3339(*time);
    if (written) {
      const auto again = parse_time(*written);
      FUZZ_CHECK(again && *again == *time);
    }
  } else {
    FUZZ_CHECK(!time.error().message.empty());
  }

  const auto duration = parse_duration(text);
  if (duration) FUZZ_CHECK(*duration >= 0);

  // The first eight bytes as a NumericDate, both as an integer and as any double (NaN and
  // infinities included): formatting never fails loudly.
  if (size >= 8) {
    std::int64_t whole = 0;
    double real = 0;
    std::memcpy(&whole, data, 8);
    std::memcpy(&real, data, 8);
    format_rfc3339(whole);
    format_numeric_date(real);
    describe_span(real);
    describe_span(static_cast<double>(whole));
  }
  return 0;
}
