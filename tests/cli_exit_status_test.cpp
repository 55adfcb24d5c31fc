// The command line itself: help, version, usage errors and their exit status (always 2).
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/tokens.hpp"

using chatjwt::test::run_chatjwt;

TEST_CASE("cli: --help and --version exit 0 on standard output") {
  const auto help = run_chatjwt({"--help"});
  CHECK(help.status == 0);
  for (const char* word : {"sign", "decode", "verify", "lint", "Exit status"}) {
    CHECK(help.out.find(word) != std::string::npos);
  }
  const auto version = run_chatjwt({"--version"});
  CHECK(version.status == 0);
  CHECK(version.out.rfind("chatjwt 0.1.0 (OpenSSL 3.", 0) == 0);
}

TEST_CASE("cli: each command's --help names every option and fits 80 columns") {
  const std::pair<const char*, std::vector<const char*>> commands[] = {
      {"sign",
       {"PAYLOAD", "--claim", "--expires-in", "--no-expiry", "--not-before", "--format",
        "--profile", "--now", "--secret-env", "--secret-file", "--secret ", "--secret-encoding"}},
      {"decode", {"TOKEN", "--json", "--profile", "--now"}},
      {"verify",
       {"TOKEN", "--batch", "--json", "--leeway", "--require", "--profile", "--now", "--secret-env",
        "--secret-file", "--secret ", "--secret-encoding"}},
  };
  for (const auto& [command, options] : commands) {
    CAPTURE(command);
    const auto help = run_chatjwt({command, "--help"});
    CHECK(help.status == 0);
    for (const char* option : options) {
      CAPTURE(option);
      CHECK(help.out.find(option) != std::string::npos);
    }
    std::istringstream lines(help.out);
    std::string line;
    while (std::getline(lines, line)) {
      CAPTURE(line);
      CHECK(line.size() <= 80);
    }
  }
}

TEST_CASE("cli: usage errors exit 2 with one line on standard error") {
  const std::vector<std::vector<std::string>> calls = {
      {},
      {"frobnicate"},
      {"verify", "--frobnicate"},
      {"verify", "--profile", "bogus", "x"},
      {"verify", "--secret-encoding", "rot13", "x"},
      {"sign", "--format", "pdf"},
      {"verify", "--leeway"},
      {"verify", "--now", "yesterday", "--secret", "s", "x"},
      {"verify", "--leeway", "1.5h", "--secret", "s", "x"},
      {"sign", "--expires-in", "1H", "--secret", "s"},
      {"sign", "--no-expiry", "--expires-in", "1h", "--secret", "s"},
      {"decode", "a", "b"},
  };
  for (const auto& args : calls) {
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    CAPTURE(joined);
    const auto r = run_chatjwt(args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    const auto first = r.err.find("chatjwt: error: ");
    REQUIRE(first != std::string::npos);
    CHECK(r.err.find("chatjwt: error: ", first + 1) == std::string::npos);
    CHECK(r.err.find('\n', first) == r.err.size() - 1);  // the error is the last, whole line
  }
}

TEST_CASE("cli: no usage message echoes a value that could be a secret") {
  // decode takes no secret: CLI11 would print the unexpected arguments as they are.
  auto r = run_chatjwt({"decode", "--secret", "TOPSECRET-VALUE-1"});
  CHECK(r.status == 2);
  CHECK(r.err.find("TOPSECRET") == std::string::npos);
  CHECK(r.err.find("--secret") != std::string::npos);
  r = run_chatjwt({"decode", "--secret=TOPSECRET-VALUE-2"});
  CHECK(r.status == 2);
  CHECK(r.err.find("TOPSECRET") == std::string::npos);
  // A secret given without its option is an unexpected argument: counted, not shown.
  r = run_chatjwt({"verify", chatjwt::test::convrs_token(), "TOPSECRET-VALUE-3"});
  CHECK(r.status == 2);
  CHECK(r.err.find("TOPSECRET") == std::string::npos);
  CHECK(r.err.find("not shown") != std::string::npos);
}

TEST_CASE("cli: a repeatable option does not swallow the TOKEN after it") {
  using namespace chatjwt::test;
  const TempFile key(kSecret);
  for (const char* option : {"--secret-file", "--require"}) {
    CAPTURE(option);
    const std::string value = std::string(option) == "--require" ? "userId" : key.path();
    const auto r = run_chatjwt(
        {"verify", "--now", kNowText, "--secret-file", key.path(), option, value, convrs_token()});
    CHECK(r.status == 0);
  }
}

TEST_CASE("cli: completion prints a script for each shell, and another shell is a usage error") {
  const std::pair<const char*, const char*> shells[] = {
      {"bash", "complete -F _chatjwt chatjwt"},
      {"zsh", "#compdef chatjwt"},
      {"fish", "complete -c chatjwt"},
  };
  for (const auto& [shell, marker] : shells) {
    CAPTURE(shell);
    const auto script = run_chatjwt({"completion", shell});
    CHECK(script.status == 0);
    CHECK(script.out.find(marker) != std::string::npos);
    CHECK(script.err.empty());
  }
  const auto unknown = run_chatjwt({"completion", "tcsh"});
  CHECK(unknown.status == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find("tcsh not in {bash,zsh,fish}") != std::string::npos);
  const auto none = run_chatjwt({"completion"});
  CHECK(none.status == 2);
  CHECK(none.err.find("SHELL is required") != std::string::npos);
}

TEST_CASE("cli: --man-page prints the manual page with every section and error code") {
  const auto page = run_chatjwt({"--man-page"});
  CHECK(page.status == 0);
  CHECK(page.out.rfind(".\\\" chatjwt(1).", 0) == 0);
  for (const char* section : {".SH SYNOPSIS", ".SH COMMANDS", ".SH OPTIONS", ".SH LINT RULES",
                              ".SH ERROR CODES", ".SH EXIT STATUS", ".SH ENVIRONMENT",
                              ".SH EXAMPLES", ".SH SECURITY"}) {
    CAPTURE(section);
    CHECK(page.out.find(section) != std::string::npos);
  }
  // Every error code of the contract has its entry.
  for (const char* code : {"malformed", "unsupported_algorithm", "unsupported_header",
                           "bad_signature", "invalid_claim", "expired", "not_yet_valid",
                           "missing_claim", "lint", "usage", "io", "missing_secret"}) {
    CAPTURE(code);
    CHECK(page.out.find(std::string(".TP\n.B ") + code + "\n") != std::string::npos);
  }
  CHECK(page.err.empty());
}
