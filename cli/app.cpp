#include "app.hpp"

#include <cstring>
#include <sstream>

#include <fmt/format.h>
#include <openssl/crypto.h>

#include "chatjwt/hs256.hpp"

#include "help_format.hpp"
#include "manual.hpp"
#include "output.hpp"

#ifndef CHATJWT_VERSION
#define CHATJWT_VERSION "0.0.0"
#endif
#ifndef CHATJWT_DATE
#define CHATJWT_DATE "1970-01-01"
#endif

namespace chatjwt::cli {

namespace {

// Thrown by --man-page's callback, like CLI11's --version: print and stop.
struct ManPageRequested : CLI::Success {};

}  // namespace

std::string version_text() {
  return fmt::format("chatjwt {} ({})", CHATJWT_VERSION, OpenSSL_version(OPENSSL_VERSION));
}

void build(App& app) {
  CLI::App& root = app.root;
  root.footer(
      "Exit status: 0 success; 1 the token was rejected or the payload found wanting; 2 the "
      "input could not be judged (bad usage, unreadable file, missing secret, empty input).\n"
      "Run 'chatjwt COMMAND --help' for a command's options, 'man chatjwt' for the whole story.");
  root.formatter(std::make_shared<WrappingFormatter>());
  root.set_help_flag("-h,--help", "Print this help and exit");
  root.set_version_flag("--version", version_text(), "Print the version (and OpenSSL's) and exit");
  root.require_subcommand(1);
  root.allow_extras();
  app.sign = setup_sign(root, app.options.sign);
  app.decode = setup_decode(root, app.options.decode);
  app.verify = setup_verify(root, app.options.verify);
  app.lint = setup_lint(root, app.options.lint);
  app.completion =
      root.add_subcommand("completion", "Print the tab-completion script for bash, zsh or fish");
  app.completion->add_option("SHELL", app.options.completion_shell, "The shell: bash, zsh or fish")
      ->check(CLI::IsMember({"bash", "zsh", "fish"}).description(""))
      ->type_name("bash|zsh|fish")
      ->required();
  app.completion->footer(
      "Examples:\n"
      "  chatjwt completion bash > ~/.local/share/bash-completion/completions/chatjwt\n"
      "  chatjwt completion fish > ~/.config/fish/completions/chatjwt.fish");
  root.add_flag_callback(
      "--man-page", [] { throw ManPageRequested(); },
      "Print the manual page (roff, for man) and exit");
  for (CLI::App* sub : {app.sign, app.decode, app.verify, app.lint, app.completion}) {
    sub->allow_extras();
    sub->set_help_flag("-h,--help", "Print this help and exit");
  }
}

namespace {

// CLI11 words its messages with a capital; ours start lower case, like the rest.
std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' &&
      !(text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z')) {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

// Arguments nobody took. Their values are never echoed (one may be a secret given without
// its option); an option's name is shown up to its '='.
std::string describe_extras(const std::vector<std::string>& extras, const std::string& command) {
  std::string names;
  std::size_t hidden = 0;
  for (const auto& extra : extras) {
    if (extra.size() > 1 && extra[0] == '-') {
      names += (names.empty() ? "" : ", ") + printable(extra.substr(0, extra.find('=')));
    } else {
      ++hidden;
    }
  }
  std::string text;
  if (!names.empty()) text = "unknown option " + names;
  if (hidden > 0) {
    text += fmt::format("{}{} unexpected argument{} (not shown: it could be a secret)",
                        text.empty() ? "" : "; ", hidden, hidden == 1 ? "" : "s");
  }
  return text + fmt::format("; see 'chatjwt{} --help'", command.empty() ? "" : " " + command);
}

}  // namespace

namespace {

// Overwrites the values of --secret VALUE and --secret=VALUE in argv (best effort: another
// process may have read them already; --secret warns about exactly that).
void scrub_argv(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    char* arg = argv[i];
    if (std::strcmp(arg, "--") == 0) return;
    if (std::strcmp(arg, "--secret") == 0 && i + 1 < argc) {
      OPENSSL_cleanse(argv[i + 1], std::strlen(argv[i + 1]));
      ++i;
    } else if (std::strncmp(arg, "--secret=", 9) == 0) {
      OPENSSL_cleanse(arg + 9, std::strlen(arg + 9));
    }
  }
}

// Wipes the secret values CLI11 and the options hold once the command is done.
void wipe_secrets(App& app) {
  for (CommonOptions* common : {&app.options.sign.common, &app.options.verify.common}) {
    for (SecretSource& source : common->secrets) {
      if (source.kind == SecretSource::Kind::value) wipe(source.argument);
    }
  }
  for (CLI::App* sub : {app.sign, app.verify}) {
    CLI::Option* option = sub->get_option_no_throw("--secret");
    if (option == nullptr) continue;
    // CLI11 exposes its results read-only; they are ours to wipe before they are freed.
    for (const std::string& result : option->results()) {
      auto& text =
          const_cast<std::string&>(result);  // NOLINT(cppcoreguidelines-pro-type-const-cast)
      wipe(text);
    }
  }
}

}  // namespace

int run(int argc, char** argv, const Io& io) {
  App app;
  build(app);
  Output out(io.out_fd);
  Output err(io.err_fd);
  try {
    app.root.parse(argc, argv);
    scrub_argv(argc, argv);
  } catch (const ManPageRequested&) {
    out.write(man_page(describe_cli(app.root), CHATJWT_VERSION, CHATJWT_DATE));
    return 0;
  } catch (const CLI::Success& e) {
    // --help (of the command given) and --version: to standard output, status 0.
    std::ostringstream text;
    app.root.exit(e, text, text);
    out.write(text.str());
    return 0;
  } catch (const CLI::ParseError& e) {
    std::string message = lower_first(e.what());
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr &&
        app.root.get_subcommands().empty()) {
      message = "give a command: sign, decode, verify, lint or completion";
    }
    error_line(
        err,
        message + (message.find("--help") == std::string::npos ? "; see 'chatjwt --help'" : ""));
    return 2;
  }
  for (CLI::App* sub : {&app.root, app.sign, app.decode, app.verify, app.lint, app.completion}) {
    if (sub->parsed() || sub == &app.root) {
      const auto extras = sub->remaining();
      if (!extras.empty()) {
        error_line(err, describe_extras(extras, sub == &app.root ? "" : sub->get_name()));
        return 2;
      }
    }
  }
  err.flush();
  int status = 2;
  if (app.sign->parsed()) status = run_sign(app.options.sign, io);
  if (app.decode->parsed()) status = run_decode(app.options.decode, io);
  if (app.verify->parsed()) status = run_verify(app.options.verify, io);
  if (app.lint->parsed()) status = run_lint(app.options.lint, io);
  if (app.completion->parsed()) {
    out.write(completion_script(describe_cli(app.root), app.options.completion_shell));
    status = 0;
  }
  wipe_secrets(app);
  return status;
}

}  // namespace chatjwt::cli
