// What support staff see: golden outputs with colour off, colour through a pseudo-terminal,
// the agent's view in several locales, and 80 columns.
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/tokens.hpp"

using namespace chatjwt::test;

namespace {

const std::string kGoldenSecret = "golden-secret-0123456789abcdef0123";

std::string golden_token(const std::string& name) {
  std::string t = read_file(data_path("golden/" + name + ".token"));
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t;
}

void check_fits_80_columns(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::size_t columns = 0;
    for (char c : line) columns += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
    CAPTURE(line);
    CHECK(columns <= 80);
  }
}

}  // namespace

TEST_CASE("support: golden outputs, colour off") {
  struct Golden {
    const char* file;
    std::vector<std::string> args;
    std::map<std::string, std::string> env;
    int status;
  };
  const Golden goldens[] = {
      {"decode-convrs-complete.txt",
       {"decode", "--color", "never", "--now", "2026-04-23T14:50:00Z",
        golden_token("convrs-complete")},
       {{"TZ", "UTC"}, {"LANG", "C"}},
       0},
      {"decode-eloquent-example.txt",
       {"decode", "--color", "never", "--now", "2026-04-23T14:50:00Z",
        golden_token("eloquent-example")},
       {{"TZ", "UTC"}},
       0},
      {"decode-convrs-agentdata.txt",
       {"decode", "--locale", "en-GB", "--color", "never", "--now", "2026-04-23T14:50:00Z",
        golden_token("convrs-agentdata")},
       {{"TZ", "Europe/London"}},
       0},
      {"verify-bad-signature.txt",
       {"verify", "--color", "never", "--now", "2026-04-23T16:00:00Z",
        golden_token("convrs-complete")},
       {{"CONVRS_SIGNING_SECRET", kGoldenSecret + "\n"}},
       1},
  };
  for (const auto& g : goldens) {
    CAPTURE(g.file);
    RunOptions options;
    options.env = g.env;
    const auto r = run_chatjwt(g.args, options);
    CHECK(r.status == g.status);
    CHECK(r.out == read_file(data_path(std::string("golden/") + g.file)));
    check_fits_80_columns(r.out);
  }
}

TEST_CASE("support: the agent's view follows the locale and the zone") {
  const std::string token = golden_token("convrs-agentdata");
  auto decode = [&](std::map<std::string, std::string> env, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"decode", "--color", "never"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(token);
    RunOptions options;
    options.env = std::move(env);
    return run_chatjwt(args, options).out;
  };
  const std::string us = decode({}, {"--locale", "en-US"});
  CHECK(us.find("$1,250.00") != std::string::npos);
  CHECK(us.find("Mar 15, 2024") != std::string::npos);
  const std::string de = decode({{"LANG", "de_DE.UTF-8"}, {"TZ", "Europe/Berlin"}});
  CHECK(de.find("locale de_DE; times in Europe/Berlin") != std::string::npos);
  CHECK(de.find("15.03.2024") != std::string::npos);
  CHECK(de.find("23.04.2026, 16:30") != std::string::npos);
  CHECK(de.find("48.750") != std::string::npos);
  // LC_ALL wins over LANG; C and POSIX mean en-GB; the default zone is UTC.
  const std::string all = decode({{"LC_ALL", "fr_FR.UTF-8"}, {"LANG", "de_DE.UTF-8"}});
  CHECK(all.find("locale fr_FR") != std::string::npos);
  const std::string c = decode({{"LANG", "C"}});
  CHECK(c.find("locale en_GB; times in UTC") != std::string::npos);
  CHECK(c.find("23 Apr 2026, 14:30") != std::string::npos);
  // JPY has no decimals.
  const std::string jpy_token = make_token(
      kHeader,
      R"({"userId":"u","agentData":[{"label":"Due","value":1250,"type":"currency","currency":"JPY"}]})");
  RunOptions options;
  const auto r = run_chatjwt({"decode", "--locale", "en-GB", jpy_token}, options);
  CHECK(r.out.find("JP¥1,250\n") != std::string::npos);
}

TEST_CASE("support: the card explains names, badges, booleans and flow data") {
  const auto r = run_chatjwt({"decode", "--color", "never", golden_token("convrs-complete")});
  for (const char* part : {"first name \"Jane\", last name \"Doe\"", "[ Enterprise ] (info badge)",
                           "Verified          ✓", "View in CRM -> https://crm.example.com/12345",
                           "{{userData.plan}}", "enterprise"}) {
    CAPTURE(part);
    CHECK(r.out.find(part) != std::string::npos);
  }
  const auto e = run_chatjwt({"decode", "--color", "never", golden_token("eloquent-example")});
  CHECK(e.out.find("Profile email     jane@example.com") != std::string::npos);
  CHECK(e.out.find("Not stored        iat, exp") != std::string::npos);
}

TEST_CASE("support: colour on a terminal, none when piped or with NO_COLOR") {
  const std::string token = golden_token("convrs-complete");
  // script(1) gives the command a pseudo-terminal.
  const std::string command = std::string(CHATJWT_BINARY) + " decode " + token;
  auto r = run_program("/usr/bin/script", {"-qec", command, "/dev/null"}, RunOptions{});
  CAPTURE(r.err);  // "failed to create pseudo-terminal" where /dev/pts is missing
  REQUIRE(r.status == 0);
  CHECK(r.out.find("\x1b[1mHeader\x1b[0m") != std::string::npos);
  CHECK(r.out.find("\x1b[36m\"userId\"\x1b[0m") != std::string::npos);
  r = run_program("/usr/bin/script", {"-qec", command, "/dev/null"},
                  RunOptions{"", {{"NO_COLOR", "1"}}, -1});
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(run_chatjwt({"decode", token}).out.find('\x1b') == std::string::npos);
  CHECK(run_chatjwt({"decode", "--color", "always", token}).out.find("\x1b[1m") !=
        std::string::npos);
}

TEST_CASE("support: ICU is not linked, so commands without a card never load it") {
  const auto r = run_program("/usr/bin/ldd", {CHATJWT_BINARY}, RunOptions{});
  CHECK(r.status == 0);
  CHECK(r.out.find("libicu") == std::string::npos);
}
