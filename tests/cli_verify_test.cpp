// verify through the binary: the contract's table, JSON shape, default secrets, exit status.
#include <string>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/tokens.hpp"

using namespace chatjwt::test;

namespace {

const std::map<std::string, std::string> kEnv = {{"CONVRS_SIGNING_SECRET", kSecret},
                                                 {"ELOQUENT_JWT_SECRET", kSecret},
                                                 {"CHATJWT_SECRET", kSecret}};

RunResult verify_json(const std::string& token, std::vector<std::string> extra = {},
                      const std::map<std::string, std::string>& env = kEnv) {
  std::vector<std::string> args = {"verify", "--json", "--now", kNowText};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(token);
  RunOptions options;
  options.env = env;
  return run_chatjwt(args, options);
}

}  // namespace

TEST_CASE("cli verify: the JSON object has exactly the contract's members, in order") {
  const auto r = verify_json(convrs_token());
  CHECK(r.status == 0);
  const auto j = parse_json_line(r.out);
  REQUIRE(j.is_object());
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"valid", "error", "profile", "header", "payload",
                                         "secret_index", "warnings"});
  CHECK(j["valid"] == true);
  CHECK(j["error"].is_null());
  CHECK(j["profile"] == "convrs");
  CHECK(j["header"] == nlohmann::ordered_json::parse(kHeader));
  CHECK(j["payload"]["userId"] == "user-12345");
  CHECK(j["secret_index"] == 0);
  CHECK(j["warnings"].is_array());
  CHECK(r.out.back() == '\n');
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}

TEST_CASE("cli verify: every row of the contract's table, with its exit status") {
  struct Row {
    const char* code;
    std::string token;
    std::vector<std::string> extra;
  };
  const std::string p = R"({"userId":"u","exp":1776958200})";
  const Row rows[] = {
      {"malformed", "abc.def", {}},
      {"malformed", segment(kHeader) + "." + segment(p) + "=.", {}},
      {"malformed", make_token(kHeader, R"({"a":1,"a":2})"), {}},
      {"unsupported_algorithm", make_token(R"({"alg":"none"})", p), {}},
      {"unsupported_algorithm", make_token(R"({"alg":"HS512"})", p), {}},
      {"unsupported_header", make_token(R"({"alg":"HS256","crit":["b64"]})", p), {}},
      {"bad_signature", make_token(kHeader, p, "another-secret-0123456789abcdefghi"), {}},
      {"invalid_claim", make_token(kHeader, R"({"userId":"u","exp":"soon"})"), {}},
      {"invalid_claim", make_token(kHeader, R"({"user_id":7})"), {}},
      {"expired", make_token(kHeader, R"({"userId":"u","exp":1776954600})"), {}},
      {"not_yet_valid", make_token(kHeader, R"({"userId":"u","nbf":1776954700})"), {}},
      {"missing_claim", make_token(kHeader, p), {"--require", "email"}},
      {"missing_claim", make_token(kHeader, R"({"email":"a@b.c"})"), {"--profile", "eloquent"}},
  };
  for (const auto& row : rows) {
    CAPTURE(row.code);
    CAPTURE(row.token);
    const auto r = verify_json(row.token, row.extra);
    CHECK(r.status == 1);
    const auto j = parse_json_line(r.out);
    REQUIRE(j.is_object());
    CHECK(j["valid"] == false);
    CHECK(j["error"]["code"] == row.code);
    CHECK(j["error"]["message"].is_string());
  }
}

TEST_CASE("cli verify: header and payload are null when check 1 fails, set after") {
  auto j = parse_json_line(verify_json("abc.def.ghi").out);
  CHECK(j["header"].is_null());
  CHECK(j["payload"].is_null());
  CHECK(j["profile"] == "generic");
  CHECK(j["secret_index"].is_null());
  j = parse_json_line(verify_json(make_token(R"({"alg":"none"})", R"({"user_id":"u"})")).out);
  CHECK(j["header"]["alg"] == "none");
  CHECK(j["profile"] == "eloquent");
  CHECK(j["secret_index"].is_null());
}

TEST_CASE("cli verify: human output says valid or why not") {
  RunOptions options;
  options.env = kEnv;
  auto r = run_chatjwt({"verify", "--now", kNowText, convrs_token()}, options);
  CHECK(r.status == 0);
  CHECK(r.out.rfind("valid: ", 0) == 0);
  CHECK(r.out.find("CONVRS_SIGNING_SECRET") != std::string::npos);
  CHECK(r.out.find("2026-04-23T15:30:00Z (in 1 h)") != std::string::npos);
  r = run_chatjwt({"verify", "--now", "2026-04-23T18:30:00Z", convrs_token()}, options);
  CHECK(r.status == 1);
  CHECK(r.out.rfind("rejected: expired: the token expired at 2026-04-23T15:30:00Z (3 h ago)", 0) ==
        0);
}

TEST_CASE("cli verify: the profile's default variable, read only at the signature check") {
  SUBCASE("each profile names its own variable") {
    const std::pair<std::string, const char*> rows[] = {
        {convrs_token(), "CONVRS_SIGNING_SECRET"},
        {make_token(kHeader, R"({"user_id":"u"})"), "ELOQUENT_JWT_SECRET"},
        {make_token(kHeader, R"({"sub":"u"})"), "CHATJWT_SECRET"},
    };
    for (const auto& [token, variable] : rows) {
      CAPTURE(variable);
      const auto r = verify_json(token, {}, {});
      CHECK(r.status == 2);
      const auto j = parse_json_line(r.out);
      CHECK(j["valid"] == false);
      CHECK(j["error"]["code"] == "missing_secret");
      CHECK(j["error"]["message"].get<std::string>().find(variable) != std::string::npos);
      CHECK(r.err.find(variable) != std::string::npos);
      // With only that variable set, the token verifies.
      CHECK(verify_json(token, {}, {{variable, kSecret}}).status == 0);
    }
  }
  SUBCASE("set but empty, or unusable in the encoding, is missing_secret too") {
    auto r = verify_json(convrs_token(), {}, {{"CONVRS_SIGNING_SECRET", ""}});
    CHECK(r.status == 2);
    CHECK(parse_json_line(r.out)["error"]["code"] == "missing_secret");
    r = verify_json(convrs_token(), {"--secret-encoding", "hex"},
                    {{"CONVRS_SIGNING_SECRET", "xyz"}});
    CHECK(r.status == 2);
    CHECK(parse_json_line(r.out)["error"]["code"] == "missing_secret");
    CHECK(r.err.find("xyz") == std::string::npos);
  }
  SUBCASE("a token rejected by checks 1-3 is judged with no secret at all") {
    CHECK(verify_json("not-a-token", {}, {}).status == 1);
    CHECK(verify_json(make_token(R"({"alg":"none"})", "{}"), {}, {}).status == 1);
    CHECK(verify_json(make_token(R"({"alg":"HS256","crit":[]})", "{}"), {}, {}).status == 1);
  }
  SUBCASE("--profile chooses the variable") {
    const auto r =
        verify_json(convrs_token(), {"--profile", "generic"}, {{"CHATJWT_SECRET", kSecret}});
    CHECK(r.status == 0);
    CHECK(parse_json_line(r.out)["profile"] == "generic");
  }
}

TEST_CASE("cli verify: --now, --leeway and --require") {
  const std::string token =
      make_token(kHeader, R"({"userId":"u","exp":1776954600,"nbf":1776954500})");
  CHECK(verify_json(token).status == 1);
  CHECK(verify_json(token, {"--leeway", "1s"}).status == 0);
  CHECK(verify_json(token, {"--leeway", "1m"}).status == 0);
  RunOptions options;
  options.env = kEnv;
  CHECK(run_chatjwt({"verify", "--now", "1776954599", token}, options).status == 0);
  CHECK(run_chatjwt({"verify", "--now", "2026-04-23T16:29:59+02:00", token}, options).status == 0);
  CHECK(run_chatjwt({"verify", "--now", "1776954499", token}, options).status == 1);
  CHECK(verify_json(convrs_token(), {"--require", "userId", "--require", "iat"}).status == 0);
  const auto r = verify_json(convrs_token(), {"--require", "userId", "--require", "email"});
  CHECK(r.status == 1);
  CHECK(parse_json_line(r.out)["error"]["message"].get<std::string>().find("email") !=
        std::string::npos);
}

TEST_CASE("cli verify: pasted text is searched, with a note saying where") {
  const std::string token = convrs_token();
  auto r = verify_json("<script>var ConvrsUser = \"" + token + "\";</script>");
  CHECK(r.status == 0);
  CHECK(r.err.find("note: found a token in pasted text, at characters 27-") != std::string::npos);
  r = verify_json("no token in here at all");
  CHECK(r.status == 1);
  CHECK(parse_json_line(r.out)["error"]["code"] == "malformed");
  const std::string other = make_token(kHeader, R"({"userId":"someone-else"})");
  r = verify_json(token + " and " + other);
  CHECK(r.status == 2);
  CHECK(parse_json_line(r.out)["error"]["code"] == "usage");
  CHECK(r.err.find("2 different tokens") != std::string::npos);
}

TEST_CASE("cli verify: standard input, '-' and white space around the token") {
  RunOptions options;
  options.env = kEnv;
  options.input = "\xEF\xBB\xBF  " + convrs_token() + "\r\n\n";
  CHECK(run_chatjwt({"verify", "--now", kNowText}, options).status == 0);
  CHECK(run_chatjwt({"verify", "--now", kNowText, "-"}, options).status == 0);
  CHECK(run_chatjwt({"verify", "--now", kNowText, " \t" + convrs_token() + "\n"}, options).status ==
        0);
}

TEST_CASE("cli verify: RFC 7515 appendix A.1, its JWK key given as base64url") {
  const std::string token =
      "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
      "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVl"
      "fQ."
      "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  RunOptions options;
  options.env = {
      {"K",
       "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow"}};
  auto r = run_chatjwt({"verify", "--json", "--now", "1300819379", "--secret-encoding", "base64url",
                        "--secret-env", "K", token},
                       options);
  CHECK(r.status == 0);
  auto j = parse_json_line(r.out);
  CHECK(j["profile"] == "generic");
  CHECK(j["payload"]["http://example.com/is_root"] == true);
  r = run_chatjwt({"verify", "--json", "--now", "1300819380", "--secret-encoding", "base64url",
                   "--secret-env", "K", token},
                  options);
  CHECK(r.status == 1);
  CHECK(parse_json_line(r.out)["error"]["code"] == "expired");
}

TEST_CASE("cli verify: hints say what went wrong and what would have matched") {
  SUBCASE("a trailing newline in the signer's secret") {
    const std::string token = convrs_token(kSecret + "\n");
    const auto r = verify_json(token);
    CHECK(r.status == 1);
    CHECK(parse_json_line(r.out)["error"]["code"] == "bad_signature");
    // --json keeps its shape; hints go to standard error.
    CHECK(r.err.find("chatjwt: hint: the signature matches the secret from CONVRS_SIGNING_SECRET "
                     "with a trailing newline") != std::string::npos);
  }
  SUBCASE("a previous secret in NAME_PREVIOUS") {
    const std::string old_secret = "previous-secret-0123456789abcdef012";
    RunOptions options;
    options.env = {{"CONVRS_SIGNING_SECRET", kSecret},
                   {"CONVRS_SIGNING_SECRET_PREVIOUS", old_secret}};
    const auto r = run_chatjwt({"verify", "--now", kNowText, convrs_token(old_secret)}, options);
    CHECK(r.status == 1);
    CHECK(r.out.find(
              "hint       the signature matches the secret in CONVRS_SIGNING_SECRET_PREVIOUS") !=
          std::string::npos);
    CHECK(r.out.find(old_secret) == std::string::npos);
  }
  SUBCASE("a JSON payload pasted where the token belongs") {
    const auto r = run_with_input({"verify"}, "var ConvrsUser = {\"userId\": \"u\"};", kEnv);
    CHECK(r.status == 1);
    CHECK(r.out.find("hint       ConvrsUser holds an object here") != std::string::npos);
  }
  SUBCASE("expired, with the advice") {
    RunOptions options;
    options.env = kEnv;
    const auto r =
        run_chatjwt({"verify", "--now", "2026-04-23T18:30:00Z", convrs_token()}, options);
    CHECK(r.out.find("hint       it expired 3 h ago; the platforms advise tokens of 1 hour") !=
          std::string::npos);
  }
}
