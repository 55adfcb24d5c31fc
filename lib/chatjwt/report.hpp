// lint's output formats: text (compiler style), json (the contract's shape), SARIF 2.1.0, and
// GitHub workflow annotations. Pure functions of the results.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chatjwt/lint.hpp"

namespace chatjwt {

struct InputReport {
  std::string name;                  // the path as given, "-", or "token#N"
  bool is_file = false;              // a path (findings get a physical location in SARIF)
  std::optional<std::string> error;  // could not be read, or empty
  Profile profile = Profile::generic;
  std::vector<Diagnostic> diagnostics;
};

struct ReportTotals {
  std::size_t errors = 0;
  std::size_t warnings = 0;
};
ReportTotals totals(const std::vector<InputReport>& inputs);

// "file:line:col: error: /path: message [rule]"; colour adds ANSI escapes.
std::string render_text(const std::vector<InputReport>& inputs, bool colour);
std::string render_json(const std::vector<InputReport>& inputs);
std::string render_sarif(const std::vector<InputReport>& inputs, std::string_view version);
std::string render_github(const std::vector<InputReport>& inputs);

// RFC 3986 percent-encoding of a path for a SARIF artifact URI ('\' becomes '/').
std::string path_to_uri(std::string_view path);

// The rule list of --list-rules.
std::string render_rules();

}  // namespace chatjwt
