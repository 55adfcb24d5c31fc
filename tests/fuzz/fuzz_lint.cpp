// Payload lint and its reports. The first byte picks the profile, whether the rest is a JSON
// payload or a token, colour, and whether SARIF is rendered; every report format must render,
// and the JSON and SARIF reports must be JSON.
#include <nlohmann/json.hpp>

#include "chatjwt/lint.hpp"
#include "chatjwt/report.hpp"

#include "fuzz_check.hpp"

using namespace chatjwt;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  const auto profile = static_cast<Profile>((data[0] >> 1) % 4);
  const bool as_token = (data[0] & 1) != 0;
  constexpr std::int64_t now = 1'700'000'000;

  const LintResult result =
      as_token ? lint_token_text(text, profile, now) : lint_json_text(text, profile, now);
  FUZZ_CHECK(result.profile != Profile::auto_detect);
  FUZZ_CHECK(result.errors() + result.warnings() == result.diagnostics.size());
  for (const auto& diagnostic : result.diagnostics) {
    FUZZ_CHECK(find_rule(diagnostic.rule) != nullptr);
    FUZZ_CHECK(!diagnostic.message.empty());
  }

  std::vector<InputReport> inputs(1);
  inputs[0].name = as_token ? "token#1" : "fuzz/payload.json";
  inputs[0].is_file = !as_token;
  inputs[0].profile = result.profile;
  inputs[0].diagnostics = result.diagnostics;
  const ReportTotals sum = totals(inputs);
  FUZZ_CHECK(sum.errors == result.errors() && sum.warnings == result.warnings());

  render_text(inputs, /*colour=*/(data[0] & 8) != 0);
  render_github(inputs);
  std::vector<std::string> reports = {render_json(inputs)};
  // SARIF carries the whole rule catalogue: costly under the sanitizers, so one input in four.
  if ((data[0] & 48) == 0) reports.push_back(render_sarif(inputs, "0.0.0"));
  for (const std::string& report : reports) {
    const auto parsed = nlohmann::json::parse(report, nullptr, /*allow_exceptions=*/false);
    FUZZ_CHECK(!parsed.is_discarded());
  }
  return 0;
}
