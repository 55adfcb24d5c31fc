// verify --batch: one token per line, NDJSON in input order, exit status over all lines.
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/tokens.hpp"

using namespace chatjwt::test;

namespace {

const std::map<std::string, std::string> kEnv = {{"CONVRS_SIGNING_SECRET", kSecret},
                                                 {"ELOQUENT_JWT_SECRET", kSecret},
                                                 {"CHATJWT_SECRET", kSecret}};

RunResult batch(const std::string& content, std::vector<std::string> extra = {},
                const std::map<std::string, std::string>& env = kEnv) {
  const TempFile file(content);
  std::vector<std::string> args = {"verify", "--now", kNowText, "--batch", file.path()};
  args.insert(args.end(), extra.begin(), extra.end());
  RunOptions options;
  options.env = env;
  return run_chatjwt(args, options);
}

std::vector<nlohmann::ordered_json> lines_of(const std::string& out) {
  std::vector<nlohmann::ordered_json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) lines.push_back(parse_json_line(line));
  return lines;
}

const std::string kExpired = make_token(kHeader, R"({"userId":"u","exp":1776954000})");

}  // namespace

TEST_CASE("cli batch: NDJSON, one object per token line, with its line number") {
  const std::string content = "\xEF\xBB\xBF" + convrs_token() +
                              "\r\n"
                              "# a comment\n"
                              "\n"
                              "   \t\n" +
                              kExpired +
                              "\n"
                              "not a token\n"
                              "Bearer " +
                              convrs_token() + "\n" +  // batch lines are not searched
                              convrs_token();          // no final newline
  const auto r = batch(content, {"--json"});
  CHECK(r.status == 1);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0]["line"] == 1);
  CHECK(lines[0]["valid"] == true);
  CHECK(lines[0]["secret_index"] == 0);
  CHECK(lines[1]["line"] == 5);
  CHECK(lines[1]["error"]["code"] == "expired");
  CHECK(lines[2]["line"] == 6);
  CHECK(lines[2]["error"]["code"] == "malformed");
  CHECK(lines[3]["line"] == 7);
  CHECK(lines[3]["error"]["code"] == "malformed");
  CHECK(lines[4]["line"] == 8);
  CHECK(lines[4]["valid"] == true);
  std::vector<std::string> keys;
  for (const auto& [k, v] : lines[0].items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"line", "valid", "error", "profile", "header", "payload",
                                         "secret_index", "warnings"});
}

TEST_CASE("cli batch: plain output lists rejections and a summary on standard error only") {
  const auto r = batch(convrs_token() + "\n" + kExpired + "\n");
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find(":2: expired: the token expired at") != std::string::npos);
  CHECK(r.err.find("chatjwt: 2 tokens: 1 valid, 1 rejected") != std::string::npos);
  const auto good = batch(convrs_token() + "\n" + convrs_token() + "\n");
  CHECK(good.status == 0);
  CHECK(good.out.empty());
}

TEST_CASE("cli batch: a line that cannot be judged makes the status 2") {
  const std::string eloquent = make_token(kHeader, R"({"user_id":"u"})");
  const auto r = batch(convrs_token() + "\n" + eloquent + "\n" + kExpired + "\n", {"--json"},
                       {{"CONVRS_SIGNING_SECRET", kSecret}});
  CHECK(r.status == 2);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["valid"] == true);
  CHECK(lines[1]["valid"] == false);
  CHECK(lines[1]["error"]["code"] == "missing_secret");
  CHECK(lines[1]["profile"] == "eloquent");
  CHECK(lines[1]["secret_index"].is_null());
  CHECK(lines[2]["error"]["code"] == "expired");
}

TEST_CASE("cli batch: no token line is empty input (exit 2)") {
  CHECK(batch("").status == 2);
  CHECK(batch("# only\n\n  \n#comments\n").status == 2);
  const auto r = batch("", {"--json"});
  CHECK(parse_json_line(r.out)["error"]["code"] == "usage");
}

TEST_CASE("cli batch: from standard input, and unreadable files") {
  RunOptions options;
  options.env = kEnv;
  options.input = convrs_token() + "\n" + convrs_token() + "\n";
  CHECK(run_chatjwt({"verify", "--now", kNowText, "--batch", "-"}, options).status == 0);
  auto r = run_chatjwt({"verify", "--json", "--batch", "/nonexistent/tokens.txt"}, options);
  CHECK(r.status == 2);
  CHECK(parse_json_line(r.out)["error"]["code"] == "io");
  r = run_chatjwt({"verify", "--batch", "/"}, options);
  CHECK(r.status == 2);
  CHECK(run_chatjwt({"verify", "--batch", "-", convrs_token()}, options).status == 2);
}

TEST_CASE("cli batch: a 50 MB line is malformed, and the next line is still judged") {
  std::string content(50u << 20, 'A');
  content += "\n" + convrs_token() + "\n";
  const auto r = batch(content, {"--json"});
  CHECK(r.status == 1);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0]["error"]["code"] == "malformed");
  CHECK(lines[1]["line"] == 2);
  CHECK(lines[1]["valid"] == true);
}

// --jobs: the workers judge chunks of lines in parallel; what is printed, and in which order,
// must not depend on how many there are.
TEST_CASE("cli batch: --jobs N prints exactly what --jobs 1 prints, in input order") {
  std::string content = "\xEF\xBB\xBF";
  std::size_t token_lines = 0;
  for (int i = 0; i < 2500; ++i) {
    const std::string user = "\"user-" + std::to_string(i) + "\"";
    switch (i % 9) {
      case 0:
        content += make_token(kHeader, R"({"userId":)" + user + R"(,"exp":1776954000})");
        break;  // expired
      case 1:
        content += make_token(kHeader, R"({"userId":)" + user + "}", "another-secret-0123456789");
        break;  // bad signature
      case 2:
        content += i % 2 == 0 ? "# comment " + user : "   ";
        --token_lines;
        break;
      case 3:
        content += "not a token " + user;
        break;
      case 4:  // Eloquent: its variable is unset below, so this line cannot be judged
        content += make_token(kHeader, R"({"user_id":)" + user + "}");
        break;
      default:
        content += make_token(kHeader, R"({"userId":)" + user + R"(,"exp":1776958200})");
    }
    ++token_lines;
    content += i % 7 == 0 ? "\r\n" : "\n";
    if (i == 1234) {
      content += std::string(2 << 20, 'A') + "\n";  // longer than 1 MiB: malformed
      ++token_lines;
    }
  }
  // One file for all runs: its name is part of each rejected line.
  const TempFile file(content);
  RunOptions options;
  options.env = {{"CONVRS_SIGNING_SECRET", kSecret}};
  const auto run = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"verify", "--now", kNowText, "--batch", file.path()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_chatjwt(args, options);
  };
  for (const bool json : {true, false}) {
    CAPTURE(json);
    std::vector<std::string> extra = {"--jobs", "1"};
    if (json) extra.push_back("--json");
    const RunResult one = run(extra);
    REQUIRE(one.status == 2);  // the Eloquent lines
    if (json) {
      const auto lines = lines_of(one.out);
      REQUIRE(lines.size() == token_lines);
      for (std::size_t k = 1; k < lines.size(); ++k) {
        REQUIRE(lines[k]["line"].get<std::size_t>() > lines[k - 1]["line"].get<std::size_t>());
      }
    } else {
      CHECK(one.out.empty());
      CHECK(one.err.find("chatjwt: " + std::to_string(token_lines) + " tokens: ") !=
            std::string::npos);
    }
    for (const char* jobs : {"2", "3", "8"}) {
      CAPTURE(jobs);
      extra[1] = jobs;
      const RunResult many = run(extra);
      CHECK(many.status == one.status);
      CHECK(many.out == one.out);
      CHECK(many.err == one.err);
    }
  }
}

TEST_CASE("cli batch: a short secret's warning is printed once under --jobs") {
  std::string content;
  for (int i = 0; i < 1000; ++i) {
    content +=
        make_token(kHeader, R"({"userId":"u)" + std::to_string(i) + R"("})", "short-key") + "\n";
  }
  const RunResult r = batch(content, {"--jobs", "4"}, {{"CONVRS_SIGNING_SECRET", "short-key"}});
  CHECK(r.status == 0);
  std::size_t warnings = 0;
  for (std::size_t at = r.err.find("9 bytes"); at != std::string::npos;
       at = r.err.find("9 bytes", at + 1)) {
    ++warnings;
  }
  CHECK(warnings == 1);
  CHECK(r.err.find("1000 tokens: 1000 valid, 0 rejected") != std::string::npos);
}

TEST_CASE("cli batch: --jobs must be between 1 and 256") {
  for (const char* jobs : {"0", "257", "-1", "two", "08", ""}) {
    CAPTURE(jobs);
    const RunResult r = batch(convrs_token() + "\n", {"--jobs", jobs});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--jobs") != std::string::npos);
    CHECK(r.err.find("from 1 to 256") != std::string::npos);
  }
}

// The threads read the input in blocks of whole lines (BlockLineReader), --jobs 1 line by line
// (LineReader): the edges of lines must fall in the same places.
TEST_CASE("cli batch: --jobs reads lines as --jobs 1 does at every edge") {
  const std::string token = convrs_token();
  const std::string huge(1100000, 'A');  // longer than 1 MiB: malformed, not held
  std::string many_short;
  for (int i = 0; i < 20000; ++i) many_short += i % 3 == 0 ? "x\n" : "\n";
  std::string comments;  // 330 KB: whole blocks that hold no token line
  for (int i = 0; i < 6000; ++i) comments += "# a comment, and another one, and one more\n";
  std::string block_edges;
  for (int i = 0; i < 600; ++i)
    block_edges += token + std::string(static_cast<std::size_t>(i % 5), ' ') + "\n";
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"oversize first, then a token", huge + "\n" + token + "\n"},
      {"oversize last, no final LF", token + "\n" + huge},
      {"oversize between, CRLF", token + "\r\n" + huge + "\r\n" + token + "\r\n"},
      {"two oversize lines in a row", huge + "\n" + huge + "\n" + token},
      {"no final LF", token + "\n" + token},
      {"only comments and one token at the end", many_short + "#c\n" + token},
      {"lines across block edges", block_edges},
      {"BOM then comment", "\xEF\xBB\xBF# c\n" + token + "\n"},
      {"blocks of only comments between tokens", token + "\n" + comments + token + "\n" + comments +
                                                     comments + token + "\n" + comments + token +
                                                     "\n"},
  };
  RunOptions options;
  options.env = kEnv;
  for (const auto& [name, content] : inputs) {
    CAPTURE(name);
    const TempFile file(content);
    const auto run = [&](const char* jobs) {
      return run_chatjwt(
          {"verify", "--now", kNowText, "--batch", file.path(), "--json", "--jobs", jobs}, options);
    };
    const RunResult one = run("1");
    for (const char* jobs : {"2", "5"}) {
      CAPTURE(jobs);
      const RunResult many = run(jobs);
      CHECK(many.status == one.status);
      CHECK(many.out == one.out);
      CHECK(many.err == one.err);
    }
  }
}

// A line longer than 1 MiB + 4 KiB is "longer than 1 MiB" wherever the reads happen to fall
// (the LF may arrive in the read that crosses the cap; it used to depend on that).
TEST_CASE("cli batch: every line over the cap is oversize, however the reads fall") {
  std::string content;
  for (std::size_t k = 0; k < 7; ++k) {
    content += convrs_token() + std::string(k * 777, ' ') + "\n";
    content += std::string((1U << 20) + 4096 + 1 + k * 9973, 'A') + "\n";
  }
  const TempFile file(content);
  RunOptions options;
  options.env = kEnv;
  for (const char* jobs : {"1", "2"}) {
    CAPTURE(jobs);
    const RunResult r =
        run_chatjwt({"verify", "--now", kNowText, "--batch", file.path(), "--jobs", jobs}, options);
    CHECK(r.status == 1);
    std::size_t oversize = 0;
    for (std::size_t at = r.err.find("the line is longer than 1 MiB"); at != std::string::npos;
         at = r.err.find("the line is longer than 1 MiB", at + 1)) {
      ++oversize;
    }
    CHECK(oversize == 7);
    CHECK(r.err.find("14 tokens: 7 valid, 7 rejected") != std::string::npos);
  }
}
