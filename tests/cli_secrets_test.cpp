// The secret options: sources, encodings, order, refusals; and that no secret is ever printed.
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include <string>

#include <doctest/doctest.h>

#include "support/process.hpp"
#include "support/tokens.hpp"
#include <sys/stat.h>
#include <sys/wait.h>

using namespace chatjwt::test;

namespace {

RunResult verify_with(std::vector<std::string> secret_args, const std::string& token,
                      const RunOptions& base = {}) {
  std::vector<std::string> args = {"verify", "--json", "--now", kNowText};
  args.insert(args.end(), secret_args.begin(), secret_args.end());
  args.push_back(token);
  return run_chatjwt(args, base);
}

std::string code_of(const RunResult& r) {
  const auto j = parse_json_line(r.out);
  return j.is_object() && j["error"].is_object() ? j["error"]["code"].get<std::string>() : "";
}

}  // namespace

TEST_CASE("cli secrets: each source works") {
  const std::string token = convrs_token();
  RunOptions env;
  env.env = {{"MY_KEY", kSecret}};
  CHECK(verify_with({"--secret-env", "MY_KEY"}, token, env).status == 0);
  const TempFile file(kSecret + "\n");
  CHECK(verify_with({"--secret-file", file.path()}, token).status == 0);
  const auto value = verify_with({"--secret", kSecret}, token);
  CHECK(value.status == 0);
  CHECK(value.err.find("warning: --secret puts the secret on the command line") !=
        std::string::npos);
  RunOptions piped;
  piped.input = kSecret + "\r\n";
  CHECK(verify_with({"--secret-file", "-"}, token, piped).status == 0);
}

TEST_CASE("cli secrets: a file loses exactly one trailing newline, nothing else") {
  const std::string token = convrs_token();
  const TempFile two(kSecret + "\n\n");
  CHECK(code_of(verify_with({"--secret-file", two.path()}, token)) == "bad_signature");
  const TempFile spaced(kSecret + " \n");
  CHECK(code_of(verify_with({"--secret-file", spaced.path()}, token)) == "bad_signature");
  // A variable is taken as it is: its newline is part of the secret.
  RunOptions env;
  env.env = {{"K", kSecret + "\n"}};
  CHECK(code_of(verify_with({"--secret-env", "K"}, token, env)) == "bad_signature");
}

TEST_CASE("cli secrets: encodings apply to every secret of the call") {
  const std::string raw = std::string("\x00\x01\xfe\xff", 4) + std::string(28, 'k');
  const std::string token = make_token(kHeader, R"({"sub":"x"})", raw);
  // base64 of raw with standard alphabet and padding, then the url form without.
  const std::string b64 = "AAH+/2tra2tra2tra2tra2tra2tra2tra2tra2tra2s=";
  const std::string b64url = "AAH-_2tra2tra2tra2tra2tra2tra2tra2tra2tra2s";
  CHECK(verify_with({"--secret-encoding", "base64", "--secret", b64}, token).status == 0);
  CHECK(verify_with({"--secret-encoding", "base64", "--secret", b64url}, token).status == 0);
  CHECK(verify_with({"--secret-encoding", "base64url", "--secret", b64}, token).status == 0);
  CHECK(verify_with({"--secret-encoding", "hex", "--secret",
                     "0001FEFF 6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b6b"},
                    token)
            .status == 0);
  const TempFile wrapped("AAH+/2tra2tra2tra2tra2tra2tra2t\nra2tra2tra2s=\n");
  CHECK(
      verify_with({"--secret-encoding", "base64", "--secret-file", wrapped.path()}, token).status ==
      0);
}

TEST_CASE("cli secrets: a bad secret is exit 2 whatever the token, and every one must decode") {
  const std::string token = convrs_token();
  const std::vector<std::vector<std::string>> bad = {
      {"--secret", ""},
      {"--secret-encoding", "base64", "--secret", "QQ="},
      {"--secret-encoding", "hex", "--secret", "abc"},
      {"--secret-encoding", "hex", "--secret", "6b6b", "--secret", "zz"},
      {"--secret", "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----"},
      {"--secret-encoding", "base64", "--secret", "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0="},
      {"--secret-file", "/nonexistent/key"},
      {"--secret-env", "CHATJWT_TEST_UNSET_VARIABLE"},
  };
  for (const auto& args : bad) {
    CAPTURE(args.back());
    for (const std::string& t :
         {token, std::string("garbage"), make_token(R"({"alg":"none"})", "{}")}) {
      const auto r = verify_with(args, t);
      CHECK(r.status == 2);
      const std::string code = code_of(r);
      CHECK((code == "usage" || code == "io" || code == "missing_secret"));
    }
  }
  CHECK(code_of(verify_with({"--secret-file", "/nonexistent/key"}, token)) == "io");
  CHECK(code_of(verify_with({"--secret-env", "CHATJWT_TEST_UNSET_VARIABLE"}, token)) ==
        "missing_secret");
}

TEST_CASE("cli secrets: several secrets are tried in command-line order, across options") {
  const std::string old_secret = "old-secret-0123456789abcdef0123456";
  const TempFile old_file(old_secret);
  RunOptions env;
  env.env = {{"NEW", kSecret}};
  const std::string signed_new = convrs_token(kSecret);
  const std::string signed_old = convrs_token(old_secret);
  auto r = verify_with({"--secret-file", old_file.path(), "--secret-env", "NEW"}, signed_new, env);
  CHECK(r.status == 0);
  CHECK(parse_json_line(r.out)["secret_index"] == 1);
  r = verify_with({"--secret-env", "NEW", "--secret-file", old_file.path()}, signed_new, env);
  CHECK(parse_json_line(r.out)["secret_index"] == 0);
  r = verify_with({"--secret-env", "NEW", "--secret-file", old_file.path()}, signed_old, env);
  CHECK(parse_json_line(r.out)["secret_index"] == 1);
  r = verify_with({"--secret-env", "NEW", "--secret", "x-0123456789abcdef0123456789abcdef",
                   "--secret-file", old_file.path()},
                  signed_old, env);
  CHECK(parse_json_line(r.out)["secret_index"] == 2);
}

TEST_CASE("cli secrets: short secrets warn (RFC 7518 §3.2)") {
  const auto r = verify_with({"--secret", "short"}, make_token(kHeader, "{}", "short"));
  CHECK(r.status == 0);
  CHECK(r.err.find("5 bytes; RFC 7518") != std::string::npos);
}

TEST_CASE("cli secrets: --secret-file - cannot share standard input") {
  RunOptions piped;
  piped.input = kSecret;
  auto r = verify_with({"--secret-file", "-"}, "-", piped);
  CHECK(r.status == 2);
  CHECK(code_of(r) == "usage");
  r = run_chatjwt({"verify", "--json", "--secret-file", "-", "--batch", "-"}, piped);
  CHECK(r.status == 2);
  r = run_chatjwt({"verify", "--secret-file", "-"}, piped);  // the token would come from stdin
  CHECK(r.status == 2);
  r = run_chatjwt({"sign", "--secret-file", "-", "-"}, piped);
  CHECK(r.status == 2);
}

TEST_CASE("cli secrets: a sentinel secret appears in no output of any path") {
  const std::string sentinel = "SENTINEL-5f2c9d7e-never-print-me";
  const std::string token = make_token(kHeader, R"({"userId":"u"})", sentinel);
  const TempFile file(sentinel);
  RunOptions env;
  env.env = {{"CONVRS_SIGNING_SECRET", sentinel}, {"K", sentinel}};
  const std::vector<std::vector<std::string>> calls = {
      {"verify", "--secret", sentinel, token},
      {"verify", "--json", "--secret", sentinel, token},
      {"verify", "--json", "--secret", sentinel, "garbage"},
      {"verify", "--json", "--secret-env", "K", convrs_token()},
      {"verify", "--secret-file", file.path(), token},
      {"verify", "--json", "--secret-encoding", "hex", "--secret", sentinel, token},
      {"verify", "--json", "--secret-encoding", "base64", "--secret-env", "K", token},
      {"verify", "--json", token},
      {"verify", "--batch", file.path(), "--secret", sentinel},
      {"verify", "--json", "--batch", file.path(), "--secret", sentinel},
      {"sign", "--secret", sentinel},
      {"sign", "--secret", sentinel, "--format", "html"},
      {"sign", "--secret", sentinel, "/nonexistent.json"},
      {"sign", "--secret", sentinel, "--secret", sentinel},
      {"decode", "--secret", sentinel},
      {"decode", sentinel},
      {"verify", token, sentinel},
      {"verify", "--secret=" + sentinel, "--frobnicate", token},
      {"sign", "--secret-file", file.path(), "--claim", "x"},
  };
  for (const auto& args : calls) {
    std::string joined;
    for (const auto& a : args)
      joined += (a == sentinel ? std::string("<sentinel>") : a.substr(0, 20)) + " ";
    CAPTURE(joined);
    const auto r = run_chatjwt(args, env);
    CHECK(r.out.find(sentinel) == std::string::npos);
    CHECK(r.err.find(sentinel) == std::string::npos);
    CHECK(r.out.find("SENTINEL") == std::string::npos);
    CHECK(r.err.find("SENTINEL") == std::string::npos);
  }
}

TEST_CASE("cli secrets: a secret file readable by other users gets a warning") {
  const TempFile file(kSecret);  // mkstemp makes it 0600
  const std::string token = convrs_token();
  CHECK(verify_with({"--secret-file", file.path()}, token).err.find("readable by other users") ==
        std::string::npos);
  REQUIRE(chmod(file.path().c_str(), 0644) == 0);
  const auto r = verify_with({"--secret-file", file.path()}, token);
  CHECK(r.status == 0);
  CHECK(r.err.find("is readable by other users (mode 0644); chmod 600") != std::string::npos);
}

TEST_CASE("cli secrets: --secret's value leaves the process's command line once parsed") {
  const std::string secret = "CMDLINE-SECRET-0123456789abcdef012";
  int in[2];
  REQUIRE(pipe2(in, O_CLOEXEC) == 0);  // the child must not hold the write end
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
  posix_spawn_file_actions_adddup2(&actions, null, 1);
  posix_spawn_file_actions_adddup2(&actions, null, 2);
  std::vector<std::string> args = {CHATJWT_BINARY, "verify", "--batch", "-", "--secret", secret};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  char* envp[] = {nullptr};
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, CHATJWT_BINARY, &actions, nullptr, argv.data(), envp) == 0);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(null);
  // The process now waits for its batch on standard input; poll its command line (bounded).
  bool scrubbed = false;
  for (int attempt = 0; attempt < 500 && !scrubbed; ++attempt) {
    const std::string cmdline = read_file("/proc/" + std::to_string(pid) + "/cmdline");
    scrubbed =
        cmdline.find("--batch") != std::string::npos && cmdline.find(secret) == std::string::npos;
    if (!scrubbed) usleep(10'000);
  }
  close(in[1]);  // end of the batch: the process exits
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(scrubbed);
}
