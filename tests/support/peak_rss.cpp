// chatjwt_peak_rss INPUT COMMAND ARGS...: runs COMMAND with INPUT as standard input (output
// discarded) and prints "STATUS PEAK_RSS_KB". A child spawned straight from the test process
// would inherit the test's own high-water mark (vfork), so this small helper forks it instead.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include <sys/resource.h>
#include <sys/wait.h>

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  const pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    const int in = open(argv[1], O_RDONLY);
    const int null = open("/dev/null", O_WRONLY);
    if (in < 0 || null < 0) _exit(127);
    dup2(in, 0);
    dup2(null, 1);
    dup2(null, 2);
    execv(argv[2], argv + 2);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) < 0) return 2;
  std::printf("%d %ld\n", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
              usage.ru_maxrss);
  return 0;
}
