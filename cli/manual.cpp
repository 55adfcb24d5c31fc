#include "manual.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "chatjwt/error.hpp"
#include "chatjwt/lint.hpp"

namespace chatjwt::cli {

namespace {

// "auto|convrs|eloquent|generic" names choices; "DUR|TIME" names two kinds of value.
std::vector<std::string> choices_of(const std::string& type_name) {
  if (type_name.find('|') == std::string::npos) return {};
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= type_name.size()) {
    const std::size_t end = std::min(type_name.find('|', start), type_name.size());
    std::string choice = type_name.substr(start, end - start);
    const bool word = !choice.empty() && std::all_of(choice.begin(), choice.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    });
    if (!word) return {};
    out.push_back(std::move(choice));
    start = end + 1;
  }
  return out;
}

// What an option's value is. The CLI definition says it through type names (FILE, PATH,
// a|b|c); the one option whose value is a variable's name is known by its name.
ValueHint option_hint(const std::string& name, const std::string& type_name) {
  if (name == "--secret-env") return ValueHint::env_var;
  if (type_name == "FILE" || type_name == "PATH") return ValueHint::file;
  if (!choices_of(type_name).empty()) return ValueHint::choice;
  return ValueHint::none;
}

ValueHint positional_hint(const std::string& name, const std::string& type_name) {
  if (name == "PAYLOAD" || name == "INPUT") return ValueHint::file;
  if (!choices_of(type_name).empty()) return ValueHint::choice;
  return ValueHint::none;
}

OptionDoc option_doc(const CLI::Option& option) {
  OptionDoc doc;
  for (const std::string& s : option.get_snames()) doc.names.push_back("-" + s);
  for (const std::string& l : option.get_lnames()) doc.names.push_back("--" + l);
  doc.description = option.get_description();
  if (option.get_type_size() != 0) {
    doc.value = option.get_type_name();
    doc.default_value = option.get_default_str();
    doc.hint = option_hint(doc.names.back(), doc.value);
    doc.choices = choices_of(doc.value);
  }
  doc.repeatable = option.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
  return doc;
}

void read_options(const CLI::App& app, std::vector<OptionDoc>& options,
                  std::vector<PositionalDoc>* positionals) {
  for (const CLI::Option* option : app.get_options()) {
    if (option->nonpositional()) {
      options.push_back(option_doc(*option));
    } else if (positionals != nullptr) {
      PositionalDoc doc;
      doc.name = option->get_name();
      doc.description = option->get_description();
      doc.many = option->get_items_expected_max() > 1;
      doc.required = option->get_required();
      doc.hint = positional_hint(doc.name, option->get_type_name());
      doc.choices = choices_of(option->get_type_name());
      positionals->push_back(std::move(doc));
    }
  }
}

}  // namespace

CliDoc describe_cli(const CLI::App& root) {
  CliDoc doc;
  doc.description = root.get_description();
  read_options(root, doc.options, nullptr);
  for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; })) {
    CommandDoc command;
    command.name = sub->get_name();
    command.description = sub->get_description();
    read_options(*sub, command.options, &command.positionals);
    doc.commands.push_back(std::move(command));
  }
  return doc;
}

// --- man page ------------------------------------------------------------------------------

namespace {

// Text for roff: hyphens that are minus signs, backslashes, no line starting a request, and
// ASCII only (other characters as \[uXXXX]).
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    const auto u = static_cast<unsigned char>(c);
    if (c == '-') {
      out += "\\-";
    } else if (c == '\\') {
      out += "\\e";
    } else if (u >= 0xC0U) {
      // The definition's text is valid UTF-8 (ours): decode one sequence.
      const std::size_t length = u >= 0xF0U ? 4 : u >= 0xE0U ? 3 : 2;
      std::uint32_t cp = u & (0x7FU >> length);
      for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
        cp = (cp << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
      }
      i += length - 1;
      out += fmt::format("\\[u{:04X}]", cp);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// One sentence or more, ending with a full stop.
std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

// Text lines of at most 80 bytes (mandoc's style), broken at spaces; requests (lines starting
// with '.') and example blocks (.EX to .EE) stay as they are.
std::string wrap_lines(std::string_view page) {
  constexpr std::size_t kWidth = 80;
  std::string out;
  bool example = false;
  std::size_t start = 0;
  while (start < page.size()) {
    const std::size_t end = std::min(page.find('\n', start), page.size());
    std::string_view line = page.substr(start, end - start);
    start = end + 1;
    if (line.starts_with(".EX")) example = true;
    if (line.starts_with(".EE")) example = false;
    if (example || line.starts_with('.') || line.size() <= kWidth) {
      out.append(line);
      out.push_back('\n');
      continue;
    }
    while (line.size() > kWidth) {
      std::size_t cut = line.rfind(' ', kWidth);
      if (cut == std::string_view::npos || cut == 0) cut = line.find(' ');
      if (cut == std::string_view::npos) break;
      out.append(line.substr(0, cut));
      out.push_back('\n');
      line.remove_prefix(cut + 1);
      if (line.starts_with('.') || line.starts_with('\'')) out += "\\&";
    }
    out.append(line);
    out.push_back('\n');
  }
  return out;
}

std::string option_heading(const OptionDoc& option) {
  std::string names;
  for (const std::string& name : option.names) {
    names += (names.empty() ? "" : " \", \" ") + roff(name);
  }
  if (option.value.empty()) {
    return option.names.size() > 1 ? ".BR " + names + "\n" : ".B " + names + "\n";
  }
  return fmt::format(".BI {} \" {}\"\n", names, roff(option.value));
}

std::string option_entry(const OptionDoc& option, std::string_view note = {}) {
  std::string text = sentence(option.description);
  if (!option.default_value.empty()) text += fmt::format(" Default: {}.", option.default_value);
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  if (option.repeatable && lower.find("repeat") == std::string::npos) text += " Repeatable.";
  if (!note.empty()) text += fmt::format(" ({})", note);
  return ".TP\n" + option_heading(option) + roff(text) + "\n";
}

bool same_option(const OptionDoc& a, const OptionDoc& b) {
  return a.names == b.names && a.description == b.description && a.value == b.value;
}

// Options several commands share word for word, and the commands that have each.
struct SharedOption {
  OptionDoc option;
  std::vector<std::string> commands;
};

std::vector<SharedOption> shared_options(const CliDoc& doc) {
  std::vector<SharedOption> shared;
  for (const CommandDoc& command : doc.commands) {
    for (const OptionDoc& option : command.options) {
      auto it = std::find_if(shared.begin(), shared.end(),
                             [&](const SharedOption& s) { return same_option(s.option, option); });
      if (it == shared.end()) {
        shared.push_back({option, {command.name}});
      } else {
        it->commands.push_back(command.name);
      }
    }
  }
  std::erase_if(shared, [](const SharedOption& s) { return s.commands.size() < 2; });
  return shared;
}

bool is_shared(const std::vector<SharedOption>& shared, const OptionDoc& option) {
  return std::any_of(shared.begin(), shared.end(),
                     [&](const SharedOption& s) { return same_option(s.option, option); });
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : std::string(separator)) + word;
  return out;
}

std::string synopsis_arguments(const CommandDoc& command) {
  std::string out;
  for (const PositionalDoc& positional : command.positionals) {
    const std::string name =
        positional.choices.empty() ? positional.name : join(positional.choices, "|");
    out += positional.required
               ? fmt::format(".I {}\n", roff(name))
               : fmt::format(".RI [ {}{} ]\n", roff(name), positional.many ? " ..." : "");
  }
  return out;
}

// Prose the definition cannot hold: what each command does beyond its one line.
std::string_view command_notes(std::string_view name) {
  if (name == "sign") {
    return R"(PAYLOAD is a JSON file, \- for standard input, or {} when it is omitted.
The header is always {"alg":"HS256","typ":"JWT"}; iat is set to now unless present; exp is
iat plus one hour unless the payload has its own.
Lint runs first: its errors stop the signing unless \-\-force; its warnings are shown either way.
Prints the token and a newline.
)";
  }
  if (name == "decode") {
    return R"(Anyone can write a token that decodes: decode is for reading, verify for trusting.
After the token, decode shows what the agent will see: the Convrs Visitor Details card (the name
and its split into first and last name, each agentData item as its display type renders it, and
userData as the flow builder reads it) or the Eloquent agent profile.
)";
  }
  if (name == "verify") {
    return R"(The checks, in order: malformed, unsupported_algorithm, unsupported_header,
bad_signature, invalid_claim, expired, not_yet_valid, missing_claim, and with \-\-strict, lint
(see ERROR CODES).
Lint's findings on the token are reported as warnings and reject nothing unless \-\-strict.
A rejection is followed by hints: why, in plain words, and what to do; on a bad signature, which
of the usual mistakes (a trailing newline, another encoding, a previous secret) would have
matched.
With \-\-json the hints go to standard error and standard output holds one object:
{"valid", "error", "profile", "header", "payload", "secret_index", "warnings"};
under \-\-batch one such object per token, with its "line" first.
With several secrets, they are tried in the order given; secret_index names the one that matched.
)";
  }
  if (name == "lint") {
    return R"(Each finding has a severity (error or warning), a rule (see LINT RULES), the part (payload
or header), a JSON Pointer and, for JSON read from a file or standard input, a line and column.
lint never checks a signature and never judges expiry (verify does).
)";
  }
  if (name == "completion") {
    return R"(Where the scripts go: bash, /usr/share/bash\-completion/completions/chatjwt (or
~/.local/share/bash\-completion/completions/chatjwt); zsh, a directory of $fpath, as _chatjwt;
fish, ~/.config/fish/completions/chatjwt.fish.
The package installs all three.
)";
  }
  return {};
}

// The contract's meaning of each code.
std::string_view code_meaning(ErrorCode code) {
  switch (code) {
    case ErrorCode::malformed:
      return "Not three dot-separated segments; a segment is not strict base64url (no padding, no "
             "characters outside the URL-safe alphabet, no non-zero unused bits); the header or "
             "payload is not a JSON object (I-JSON, no repeated member name, nesting at most 64); "
             "or the token is longer than 1 MiB.";
    case ErrorCode::unsupported_algorithm:
      return "The header's alg is anything but exactly \"HS256\".";
    case ErrorCode::unsupported_header:
      return "The header has a crit member (chatjwt understands no extension).";
    case ErrorCode::bad_signature:
      return "The HMAC-SHA256 of header.payload matches none of the secrets (compared in constant "
             "time), an empty signature included.";
    case ErrorCode::invalid_claim:
      return "exp, nbf or iat is present but not a number; under eloquent, user_id is present but "
             "not a string.";
    case ErrorCode::expired:
      return "now is at or past exp plus the leeway.";
    case ErrorCode::not_yet_valid:
      return "now is before nbf minus the leeway.";
    case ErrorCode::missing_claim:
      return "A claim named by --require is absent; under eloquent, user_id is absent.";
    case ErrorCode::lint:
      return "With --strict: lint found an error or a warning (verify); lint errors stop sign "
             "unless --force.";
    case ErrorCode::usage:
      return "The command line is wrong: an unknown option, a bad value, a missing argument.";
    case ErrorCode::io:
      return "A file or standard input could not be read, or is too large.";
    case ErrorCode::missing_secret:
      return "No secret: the option's file or variable is missing or empty, or no secret option "
             "was given and the profile's variable is not set.";
  }
  return {};
}

constexpr ErrorCode kCodes[] = {
    ErrorCode::malformed,
    ErrorCode::unsupported_algorithm,
    ErrorCode::unsupported_header,
    ErrorCode::bad_signature,
    ErrorCode::invalid_claim,
    ErrorCode::expired,
    ErrorCode::not_yet_valid,
    ErrorCode::missing_claim,
    ErrorCode::lint,
    ErrorCode::usage,
    ErrorCode::io,
    ErrorCode::missing_secret,
};

constexpr std::string_view kDescription = R"(.SH DESCRIPTION
.B chatjwt
works with the identity tokens a website hands to its web chat widget: HS256 JSON Web Tokens
whose payload follows a chat vendor's schema.
A profile names the schema and its rules:
.B convrs
(the payload has userId, userData or agentData),
.B eloquent
(the payload has user_id) or
.B generic
(plain RFC 7519 claims); \-\-profile auto, the default, detects it.
.PP
TOKEN, or standard input when it is omitted or \-, may be pasted text: a log line, "Bearer ...",
a page snippet.
.B decode
and
.B verify
look inside it for the one token it holds and say on standard error where it was found.
.PP
Secrets come from \-\-secret\-env, \-\-secret\-file or \-\-secret; with none, from the
profile's variable (see ENVIRONMENT).
An empty secret, one that does not decode in the \-\-secret\-encoding given, or a PEM block is
refused (exit 2).
)";

constexpr std::string_view kAfterRules = R"(.SH EXIT STATUS
.TP
.B 0
Success: token signed or accepted, decode done, lint found no error.
.TP
.B 1
The input was judged and found wanting: token rejected, lint found an error (with \-\-strict,
a warning).
.TP
.B 2
Could not judge: bad usage, unreadable file, missing secret, empty input.
.SH ENVIRONMENT
.TP
.B CONVRS_SIGNING_SECRET
The secret for convrs tokens when no secret option is given.
.TP
.B ELOQUENT_JWT_SECRET
The secret for eloquent tokens when no secret option is given.
.TP
.B CHATJWT_SECRET
The secret for generic tokens when no secret option is given.
.TP
.IB NAME _PREVIOUS ", " NAME _OLD
When a signature does not match, verify also tries these next to each variable NAME it used,
and the other profiles' variables, and says in a hint which would have matched (a rotated
secret).
They never make a token valid.
.TP
.B NO_COLOR
When set and not empty, \-\-color auto prints no colour.
.TP
.BR LC_ALL ", " LC_TIME ", " LANG
The locale of decode's agent's view, in this order, when \-\-locale is not given (en\-GB when
none is set, and for C and POSIX).
.TP
.B TZ
The time zone of date\-times in decode's agent's view (default UTC).
.SH EXAMPLES
A developer signs a payload and checks the token:
.PP
.EX
export CONVRS_SIGNING_SECRET=$(cat convrs.key)
TOKEN=$(chatjwt sign user.json \-\-claim plan=gold)
chatjwt verify "$TOKEN"
.EE
.PP
A CI script lints its fixtures for code scanning, then checks a file of tokens against the
current and the previous secret, one JSON object per token:
.PP
.EX
chatjwt lint \-\-format sarif fixtures/*.json > chatjwt.sarif
chatjwt verify \-\-batch tokens.txt \-\-json \e
    \-\-secret\-file new.key \-\-secret\-file old.key > verdicts.ndjson
.EE
.PP
Support staff look inside a token pasted from a ticket, see what the agent sees, and ask why
it fails:
.PP
.EX
xclip \-o | chatjwt decode
chatjwt verify \-\-secret\-env CONVRS_SIGNING_SECRET "$PASTED"
.EE
.SH SECURITY
Secrets are never printed, not in errors and not in JSON.
Prefer \-\-secret\-env or \-\-secret\-file to \-\-secret: a command line can be read by other
users; chatjwt overwrites the value of \-\-secret in its command line once parsed, but another
process may have read it first.
A secret file readable by other users draws a warning.
Secret buffers are overwritten when released.
decode checks no signature: anyone can write a token that decodes.
A token's payload is only base64url\-encoded: anyone with the page can read it, so it holds no
password, key or card number (lint warns).
A token longer than 1 MiB is malformed.
.SH SEE ALSO
RFC 7519 (JWT), RFC 7515 (JWS), RFC 7518 (HS256), RFC 8725 (JWT best current practices).
)";

}  // namespace

std::string man_page(const CliDoc& doc, std::string_view version, std::string_view date) {
  std::string out;
  out +=
      ".\\\" chatjwt(1). Generated by 'chatjwt --man-page' from the command-line definition "
      "and the\n.\\\" prose in cli/manual.cpp: edit those, not this file.\n";
  out += fmt::format(".TH CHATJWT 1 {} \"chatjwt {}\" \"User Commands\"\n", date, version);
  out +=
      ".SH NAME\nchatjwt \\- sign, decode, verify and lint web chat identity tokens (HS256 "
      "JWTs)\n";
  out += ".SH SYNOPSIS\n";
  bool first = true;
  for (const CommandDoc& command : doc.commands) {
    if (!first) out += ".br\n";
    first = false;
    out += fmt::format(".B chatjwt {}\n.RI [ options ]\n", command.name);
    out += synopsis_arguments(command);
  }
  out += ".br\n.B chatjwt \\-\\-help | \\-\\-version | \\-\\-man\\-page\n";
  out += kDescription;

  const std::vector<SharedOption> shared = shared_options(doc);
  out += ".SH COMMANDS\n";
  for (const CommandDoc& command : doc.commands) {
    out += fmt::format(".SS chatjwt {}\n{}\n", command.name, roff(sentence(command.description)));
    out += command_notes(command.name);
    for (const PositionalDoc& positional : command.positionals) {
      out += fmt::format(".TP\n.I {}\n{}\n", roff(positional.name),
                         roff(sentence(positional.description)));
    }
    for (const OptionDoc& option : command.options) {
      if (!is_shared(shared, option)) out += option_entry(option);
    }
  }
  out +=
      ".SH OPTIONS\nOptions that several commands take (the commands in brackets), then "
      "chatjwt's own.\n";
  for (const SharedOption& s : shared) {
    const bool everywhere = s.commands.size() == doc.commands.size();
    out +=
        option_entry(s.option, everywhere ? "chatjwt and every command" : join(s.commands, ", "));
  }
  for (const OptionDoc& option : doc.options) {
    if (!is_shared(shared, option)) out += option_entry(option);
  }

  out +=
      ".SH LINT RULES\nEach rule has a fixed severity: errors are what the platform rejects, "
      "drops or misrenders;\nwarnings go against its documented advice.\n";
  for (const RuleInfo& rule : all_rules()) {
    out += fmt::format(".TP\n.BR {} \" ({})\"\n{}\n.br\nSource: {}\n", roff(rule.name),
                       to_string(rule.severity), roff(sentence(std::string(rule.summary))),
                       roff(sentence(std::string(rule.source))));
  }
  out +=
      ".SH ERROR CODES\nverify's codes, in the order of its checks (exit 1), then the codes of "
      "inputs that could not\nbe judged (exit 2), as \\-\\-json prints them.\n";
  for (const ErrorCode code : kCodes) {
    out += fmt::format(".TP\n.B {}\n{}\n", roff(to_string(code)), roff(code_meaning(code)));
  }
  out += kAfterRules;
  return wrap_lines(out);
}

// --- completions ---------------------------------------------------------------------------

namespace {

// A description's first clause, short enough for a completion menu.
std::string brief(std::string text) {
  for (const std::string_view stop : {"; ", ". ", " ("}) {
    if (const std::size_t at = text.find(stop); at != std::string::npos) text.resize(at);
  }
  if (text.size() > 72) {
    text.resize(text.rfind(' ', 69));
    text += "...";
  }
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

// Single-quoted for sh-like shells: ' becomes '\''.
std::string sh_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

std::vector<std::string> names_of(const std::vector<OptionDoc>& options) {
  std::vector<std::string> names;
  for (const OptionDoc& option : options) {
    for (const std::string& name : option.names) names.push_back(name);
  }
  return names;
}

std::string bash_script(const CliDoc& doc) {
  std::vector<std::string> commands;
  for (const CommandDoc& command : doc.commands) commands.push_back(command.name);
  std::string out =
      "# bash completion for chatjwt. Generated by 'chatjwt completion bash': do not edit.\n"
      "_chatjwt() {\n"
      "  local cur prev words cword split\n"
      "  _init_completion -s || return\n"
      "  local command='' i\n"
      "  for ((i = 1; i < cword; i++)); do\n"
      "    case ${words[i]} in\n";
  out += fmt::format("      {}) command=${{words[i]}}; break ;;\n", join(commands, "|"));
  out += "    esac\n  done\n  case $command in\n";
  out += fmt::format(
      "    '')\n"
      "      if [[ $cur == -* ]]; then\n"
      "        COMPREPLY=($(compgen -W '{}' -- \"$cur\"))\n"
      "      else\n"
      "        COMPREPLY=($(compgen -W '{}' -- \"$cur\"))\n"
      "      fi\n"
      "      ;;\n",
      join(names_of(doc.options), " "), join(commands, " "));
  for (const CommandDoc& command : doc.commands) {
    out += fmt::format("    {})\n      case $prev in\n", command.name);
    // Options whose value can be completed, then those whose value cannot (nothing offered).
    std::map<std::string, std::vector<std::string>> by_action;
    for (const OptionDoc& option : command.options) {
      if (option.value.empty()) continue;
      std::string action;
      switch (option.hint) {
        case ValueHint::choice:
          action =
              fmt::format("COMPREPLY=($(compgen -W '{}' -- \"$cur\"))", join(option.choices, " "));
          break;
        case ValueHint::file:
          action = "_filedir";
          break;
        case ValueHint::env_var:
          action = "COMPREPLY=($(compgen -e -- \"$cur\"))";
          break;
        case ValueHint::none:
          action = ":";
          break;
      }
      for (const std::string& name : option.names) by_action[action].push_back(name);
    }
    for (const auto& [action, names] : by_action) {
      out += fmt::format("        {})\n          {}\n          return\n          ;;\n",
                         join(names, "|"), action);
    }
    out += "      esac\n      $split && return\n";
    out += fmt::format(
        "      if [[ $cur == -* ]]; then\n"
        "        COMPREPLY=($(compgen -W '{}' -- \"$cur\"))\n"
        "        return\n"
        "      fi\n",
        join(names_of(command.options), " "));
    // Arguments: files, choices, or nothing to offer (a token).
    for (const PositionalDoc& positional : command.positionals) {
      if (positional.hint == ValueHint::file) {
        out += "      _filedir\n";
      } else if (positional.hint == ValueHint::choice) {
        out += fmt::format("      COMPREPLY=($(compgen -W '{}' -- \"$cur\"))\n",
                           join(positional.choices, " "));
      }
    }
    out += "      ;;\n";
  }
  out += "  esac\n}\ncomplete -F _chatjwt chatjwt\n";
  return out;
}

// One _arguments spec for zsh.
std::string zsh_option_spec(const OptionDoc& option) {
  std::string action;
  if (!option.value.empty()) {
    switch (option.hint) {
      case ValueHint::choice:
        action = fmt::format(":{}:({})", option.value, join(option.choices, " "));
        break;
      case ValueHint::file:
        action = fmt::format(":{}:_files", option.value);
        break;
      case ValueHint::env_var:
        action = fmt::format(":{}:_parameters -g \"*export*\"", option.value);
        break;
      case ValueHint::none:
        action = fmt::format(":{}: ", option.value);
        break;
    }
  }
  std::string description = brief(option.description);
  std::string escaped;
  for (const char c : description) {
    if (c == '[' || c == ']' || c == '\\' || c == ':') escaped.push_back('\\');
    escaped.push_back(c);
  }
  const std::string suffix = option.value.empty() ? "" : "=";
  const std::string repeat = option.repeatable ? "*" : "";
  if (option.names.size() == 1) {
    return sh_quote(repeat + option.names[0] + suffix + "[" + escaped + "]" + action);
  }
  // -h and --help: exclusive of each other, spelled as a brace expansion.
  std::string names;
  for (const std::string& name : option.names) names += (names.empty() ? "" : ",") + name;
  return sh_quote("(" + join(option.names, " ") + ")") + "{" + names + "}" +
         sh_quote(suffix + "[" + escaped + "]" + action);
}

std::string zsh_script(const CliDoc& doc) {
  std::string out =
      "#compdef chatjwt\n"
      "# zsh completion for chatjwt. Generated by 'chatjwt completion zsh': do not edit.\n"
      "_chatjwt() {\n"
      "  local curcontext=$curcontext state line ret=1\n"
      "  typeset -A opt_args\n"
      "  _arguments -C \\\n";
  for (const OptionDoc& option : doc.options) {
    out += "    " + zsh_option_spec(option) + " \\\n";
  }
  out += "    '1:command:->command' \\\n    '*::argument:->argument' && ret=0\n";
  out += "  case $state in\n    command)\n      local -a commands=(\n";
  for (const CommandDoc& command : doc.commands) {
    out += "        " + sh_quote(command.name + ":" + brief(command.description)) + "\n";
  }
  out += "      )\n      _describe -t commands 'chatjwt command' commands && ret=0\n      ;;\n";
  out +=
      "    argument)\n      curcontext=${curcontext%:*:*}:chatjwt-$words[1]:\n"
      "      case $words[1] in\n";
  for (const CommandDoc& command : doc.commands) {
    out += fmt::format("        {})\n          _arguments \\\n", command.name);
    for (const OptionDoc& option : command.options) {
      out += "            " + zsh_option_spec(option) + " \\\n";
    }
    for (const PositionalDoc& positional : command.positionals) {
      std::string action = " ";
      if (positional.hint == ValueHint::file) action = "_files";
      if (positional.hint == ValueHint::choice) {
        action = "(" + join(positional.choices, " ") + ")";
      }
      const std::string label = positional.name;
      out += "            " +
             sh_quote(positional.many       ? "*::" + label + ":" + action
                      : positional.required ? "1:" + label + ":" + action
                                            : "1::" + label + ":" + action) +
             " \\\n";
    }
    out += "            && ret=0\n          ;;\n";
  }
  out += "      esac\n      ;;\n  esac\n  return ret\n}\n_chatjwt \"$@\"\n";
  return out;
}

std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

std::string fish_option(const std::string& condition, const OptionDoc& option) {
  std::string out = "complete -c chatjwt -n " + fish_quote(condition);
  for (const std::string& name : option.names) {
    out += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
  }
  if (!option.value.empty()) {
    switch (option.hint) {
      case ValueHint::choice:
        out += " -x -a " + fish_quote(join(option.choices, " "));
        break;
      case ValueHint::file:
        out += " -r -F";
        break;
      case ValueHint::env_var:
        out += " -x -a '(set --names --export)'";
        break;
      case ValueHint::none:
        out += " -x";
        break;
    }
  }
  return out + " -d " + fish_quote(brief(option.description)) + "\n";
}

std::string fish_script(const CliDoc& doc) {
  std::string out =
      "# fish completion for chatjwt. Generated by 'chatjwt completion fish': do not edit.\n"
      "complete -c chatjwt -f\n";
  for (const CommandDoc& command : doc.commands) {
    out += fmt::format("complete -c chatjwt -n __fish_use_subcommand -a {} -d {}\n", command.name,
                       fish_quote(brief(command.description)));
  }
  for (const OptionDoc& option : doc.options) out += fish_option("__fish_use_subcommand", option);
  for (const CommandDoc& command : doc.commands) {
    const std::string condition = "__fish_seen_subcommand_from " + command.name;
    for (const OptionDoc& option : command.options) out += fish_option(condition, option);
    for (const PositionalDoc& positional : command.positionals) {
      if (positional.hint == ValueHint::file) {
        out += "complete -c chatjwt -n " + fish_quote(condition) + " -F\n";
      } else if (positional.hint == ValueHint::choice) {
        out += "complete -c chatjwt -n " + fish_quote(condition) + " -x -a " +
               fish_quote(join(positional.choices, " ")) + "\n";
      }
    }
  }
  return out;
}

}  // namespace

std::string completion_script(const CliDoc& doc, std::string_view shell) {
  if (shell == "bash") return bash_script(doc);
  if (shell == "zsh") return zsh_script(doc);
  if (shell == "fish") return fish_script(doc);
  return {};
}

}  // namespace chatjwt::cli
