#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <sys/resource.h>
#include <sys/wait.h>

namespace chatjwt::test {

RunResult run_chatjwt(const std::vector<std::string>& args, const RunOptions& options) {
  return run_program(CHATJWT_BINARY, args, options);
}

RunResult run_program(const char* program, const std::vector<std::string>& args,
                      const RunOptions& options) {
  RunResult result;
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 ||
      pipe2(err_pipe, O_CLOEXEC) != 0) {
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, options.input_fd >= 0 ? options.input_fd : in_pipe[0],
                                   0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);

  std::vector<std::string> argv_store{program};
  argv_store.insert(argv_store.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_store) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_store;
  if (const char* path = std::getenv("PATH")) env_store.push_back(std::string("PATH=") + path);
  // Sanitizer settings pass through, so a sanitized build reports in tests too.
  for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
    if (const char* v = std::getenv(name)) env_store.push_back(std::string(name) + "=" + v);
  }
  for (const auto& [k, v] : options.env) env_store.push_back(k + "=" + v);
  std::vector<char*> envp;
  for (auto& e : env_store) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  const int rc = posix_spawn(&pid, program, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    return result;
  }
  // Feed standard input and drain both outputs together, so no pipe fills up and blocks.
  signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  int in_fd = in_pipe[1];
  if (options.input_fd >= 0 || options.input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  bool out_open = true, err_open = true;
  char buffer[65536];
  while (out_open || err_open || in_fd >= 0) {
    pollfd fds[3];
    nfds_t n = 0;
    if (out_open) fds[n++] = {out_pipe[0], POLLIN, 0};
    if (err_open) fds[n++] = {err_pipe[0], POLLIN, 0};
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_fd) {
        const ssize_t w = write(in_fd, options.input.data() + written,
                                std::min<std::size_t>(65536, options.input.size() - written));
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 || written == options.input.size()) {
          close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      const ssize_t r = read(fds[i].fd, buffer, sizeof buffer);
      std::string& sink = fds[i].fd == out_pipe[0] ? result.out : result.err;
      if (r > 0) {
        sink.append(buffer, static_cast<std::size_t>(r));
      } else {
        (fds[i].fd == out_pipe[0] ? out_open : err_open) = false;
      }
    }
  }
  if (in_fd >= 0) close(in_fd);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  result.max_rss_kb = usage.ru_maxrss;
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::pair<int, long> peak_rss_kb(const std::vector<std::string>& args,
                                 const std::string& input_path,
                                 const std::map<std::string, std::string>& env) {
  // The helper runs CHATJWT_PEAK_RSS INPUT CHATJWT_BINARY ARGS...; reuse the runner for it.
  std::vector<std::string> helper_args = {input_path, CHATJWT_BINARY};
  helper_args.insert(helper_args.end(), args.begin(), args.end());
  RunOptions options;
  options.env = env;
  const RunResult r = run_program(CHATJWT_PEAK_RSS, helper_args, options);
  int status = -1;
  long kb = -1;
  if (std::sscanf(r.out.c_str(), "%d %ld", &status, &kb) != 2) return {-1, -1};
  return {status, kb};
}

RunResult run_with_input(const std::vector<std::string>& args, const std::string& input,
                         const std::map<std::string, std::string>& env) {
  RunOptions options;
  options.input = input;
  options.env = env;
  return run_chatjwt(args, options);
}

TempFile::TempFile(const std::string& content, const std::string& suffix) {
  std::string pattern = "/tmp/chatjwt-test-XXXXXX" + suffix;
  const int fd = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
  if (fd >= 0) {
    std::size_t done = 0;
    while (done < content.size()) {
      const ssize_t w = write(fd, content.data() + done, content.size() - done);
      if (w <= 0) break;
      done += static_cast<std::size_t>(w);
    }
    close(fd);
  }
  path_ = pattern;
}

TempFile::~TempFile() { unlink(path_.c_str()); }

std::string data_path(const std::string& name) {
  return std::string(CHATJWT_TEST_DATA) + "/" + name;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace chatjwt::test
