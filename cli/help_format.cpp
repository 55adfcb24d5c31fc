#include "help_format.hpp"

#include <sstream>

namespace chatjwt::cli {

std::string wrap_text(const std::string& text, std::size_t width, const std::string& indent) {
  std::string out;
  std::size_t line_start = 0;
  std::istringstream lines(text);
  std::string paragraph;
  bool first_paragraph = true;
  while (std::getline(lines, paragraph)) {
    if (!first_paragraph) out += '\n';
    first_paragraph = false;
    // Keep a paragraph's own leading spaces (examples are indented on purpose).
    const std::size_t lead = paragraph.find_first_not_of(' ');
    const std::string prefix = lead == std::string::npos ? "" : paragraph.substr(0, lead);
    line_start = out.size();
    if (!prefix.empty()) {  // an indented line (an example command) is kept whole
      out += paragraph;
      continue;
    }
    std::istringstream words(paragraph);
    std::string word;
    bool first_word = true;
    while (words >> word) {
      if (!first_word && out.size() - line_start + 1 + word.size() > width) {
        out += '\n';
        line_start = out.size();
        out += indent;
      } else if (!first_word) {
        out += ' ';
      }
      out += word;
      first_word = false;
    }
  }
  return out;
}

std::string hanging(std::string_view prefix, std::string_view text, std::size_t width) {
  // Visible columns: code points, not counting ANSI colour sequences (ESC [ ... m).
  std::size_t prefix_columns = 0;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (prefix[i] == '\x1b') {
      while (i < prefix.size() && prefix[i] != 'm') ++i;
      continue;
    }
    if ((static_cast<unsigned char>(prefix[i]) & 0xC0U) != 0x80U) ++prefix_columns;
  }
  const std::size_t room = width > prefix_columns + 20 ? width - prefix_columns : 20;
  std::string wrapped = wrap_text(std::string(text), room);
  std::string out(prefix);
  for (char c : wrapped) {
    out.push_back(c);
    if (c == '\n') out.append(prefix_columns, ' ');
  }
  return out + "\n";
}

std::string WrappingFormatter::make_option_desc(const CLI::Option* opt) const {
  // CLI11 indents each line after a '\n' to the description column.
  return wrap_text(CLI::Formatter::make_option_desc(opt), kHelpWidth - get_column_width());
}

std::string WrappingFormatter::make_subcommand(const CLI::App* sub) const {
  std::stringstream out;
  CLI::detail::format_help(out, sub->get_display_name(true),
                           wrap_text(sub->get_description(), kHelpWidth - get_column_width()),
                           get_column_width());
  return out.str();
}

std::string WrappingFormatter::make_description(const CLI::App* app) const {
  const std::string text = CLI::Formatter::make_description(app);
  return text.empty() ? text : wrap_text(text, kHelpWidth) + (text.back() == '\n' ? "\n" : "");
}

std::string WrappingFormatter::make_footer(const CLI::App* app) const {
  const std::string footer = app->get_footer();
  if (footer.empty()) return {};
  return wrap_text(footer, kHelpWidth, "  ") + "\n";
}

}  // namespace chatjwt::cli
