#include "cmd_lint.hpp"

#include <fmt/format.h>

#include "chatjwt/lint.hpp"
#include "chatjwt/report.hpp"
#include "chatjwt/token_finder.hpp"

#include "inputs.hpp"
#include "output.hpp"
#include <sys/stat.h>

namespace chatjwt::cli {

CLI::App* setup_lint(CLI::App& root, LintOptions& options) {
  CLI::App* sub = root.add_subcommand(
      "lint", "Check payloads and tokens against the platform's schema and advice");
  sub->add_option("INPUT", options.inputs,
                  "A payload JSON file, a token file, a token, or '-' for standard input "
                  "(the default); several are allowed")
      ->type_name("");
  add_choice(*sub, "--format", options.format, {"text", "json", "sarif", "github"},
             "text: file:line:col: severity: message [rule]; json; sarif (SARIF 2.1.0 for code "
             "scanning); github (workflow annotations)");
  sub->add_flag("--strict", options.strict, "Fail (exit 1) on warnings too");
  sub->add_flag("--list-rules", options.list_rules, "List every rule, its severity and source");
  add_profile_option(*sub, options.common);
  add_now_option(*sub, options.common);
  add_color_option(*sub, options.common);
  sub->footer(
      "lint never checks a signature and never judges expiry (verify does); it reads the clock "
      "only for the lifetime of a payload with exp but no iat.\n"
      "Exit status: 0 no error; 1 an error was found (with --strict, also a warning); 2 an "
      "input could not be read or was empty.\n"
      "Examples:\n"
      "  chatjwt lint payload.json\n"
      "  chatjwt lint --format sarif fixtures/*.json > chatjwt.sarif");
  return sub;
}

namespace {

constexpr std::size_t kMaxLintBytes = 16U << 20;

bool is_existing_path(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

}  // namespace

int run_lint(const LintOptions& options, const Io& io) {
  Output out(io.out_fd);
  Output err(io.err_fd);
  if (options.list_rules) {
    out.write(render_rules());
    return 0;
  }
  auto now = resolve_now(options.common, io);
  if (!now) {
    error_line(err, now.error().message);
    return 2;
  }
  const Profile profile = requested_profile(options.common);
  std::vector<std::string> inputs = options.inputs;
  if (inputs.empty()) inputs.emplace_back("-");
  std::vector<InputReport> reports;
  bool unreadable = false;
  std::size_t argument_index = 0;
  for (const std::string& input : inputs) {
    ++argument_index;
    InputReport report;
    std::string text;
    bool token = false;
    if (input == "-" || is_existing_path(input)) {
      report.name = input;
      report.is_file = input != "-";
      auto read = read_all(input, io, kMaxLintBytes);
      if (!read) {
        report.error = read.error().message;
      } else if (read->truncated) {
        report.error = fmt::format("{} is larger than 16 MiB, more than any payload or token",
                                   input == "-" ? "standard input" : input);
      } else {
        text = std::move(read->text);
        if (input == "-" && text.starts_with("\xEF\xBB\xBF") && is_token_shaped(text.substr(3))) {
          text.erase(0, 3);  // a BOM before a token on standard input is skipped
        }
        if (trim_token_space(text).empty())
          report.error = fmt::format("{} is empty", input == "-" ? "standard input" : input);
        token = is_token_shaped(text);
      }
    } else if (is_token_shaped(input)) {
      report.name = fmt::format("token#{}", argument_index);  // tokens are not echoed
      text = input;
      token = true;
    } else {
      report.name = input;
      report.is_file = true;
      report.error = fmt::format("cannot read {}: no such file, and not a token", input);
    }
    if (report.error) {
      unreadable = true;
      error_line(err, report.error->starts_with("cannot") ? *report.error
                                                          : "cannot lint: " + *report.error);
    } else {
      LintResult result =
          token ? lint_token_text(text, profile, *now) : lint_json_text(text, profile, *now);
      report.profile = result.profile;
      report.diagnostics = std::move(result.diagnostics);
    }
    reports.push_back(std::move(report));
  }
  if (options.format == "json") {
    out.write(render_json(reports));
  } else if (options.format == "sarif") {
    out.write(render_sarif(reports, CHATJWT_VERSION));
  } else if (options.format == "github") {
    out.write(render_github(reports));
  } else {
    out.write(render_text(reports, colour_enabled(options.common, out, io)));
    const ReportTotals t = totals(reports);
    if (t.errors + t.warnings > 0) {
      err.print("chatjwt: {} error{}, {} warning{}\n", t.errors, t.errors == 1 ? "" : "s",
                t.warnings, t.warnings == 1 ? "" : "s");
    }
  }
  if (unreadable) return 2;
  const ReportTotals t = totals(reports);
  return t.errors > 0 || (options.strict && t.warnings > 0) ? 1 : 0;
}

}  // namespace chatjwt::cli
