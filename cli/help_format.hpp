// --help that fits an 80-column terminal: CLI11 2.1.2 does not wrap, this formatter does.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace chatjwt::cli {

inline constexpr std::size_t kHelpWidth = 80;

// Wraps text at width, breaking at spaces; existing line breaks are kept. Continuation lines
// start with indent. Lines that start with a space (example commands) are never wrapped.
std::string wrap_text(const std::string& text, std::size_t width, const std::string& indent = "");

// prefix, then text wrapped so that every line fits width columns; continuation lines are
// indented by the prefix's width (a hanging indent). Ends with a newline.
std::string hanging(std::string_view prefix, std::string_view text, std::size_t width = kHelpWidth);

class WrappingFormatter : public CLI::Formatter {
 public:
  WrappingFormatter() { column_width(30); }
  std::string make_option_desc(const CLI::Option* opt) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_footer(const CLI::App* app) const override;
};

}  // namespace chatjwt::cli
