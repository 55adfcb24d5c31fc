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
