// Runs the built chatjwt binary as a user would: arguments, standard input, environment.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace chatjwt::test {

struct RunResult {
  int status = -1;  // exit status; 128 + signal when killed
  std::string out;
  std::string err;
  long max_rss_kb = 0;  // the child's peak resident set
};

struct RunOptions {
  std::string input;                       // written to standard input, then closed
  std::map<std::string, std::string> env;  // the whole environment (plus PATH)
  int input_fd = -1;                       // if >= 0, standard input comes from this fd instead
};

// Runs CHATJWT_BINARY with args. Never throws; a spawn failure gives status -1.
RunResult run_chatjwt(const std::vector<std::string>& args, const RunOptions& options = {});

// Runs any program the same way.
RunResult run_program(const char* program, const std::vector<std::string>& args,
                      const RunOptions& options = {});

// Convenience: run with input text.
RunResult run_with_input(const std::vector<std::string>& args, const std::string& input,
                         const std::map<std::string, std::string>& env = {});

// Runs chatjwt with input_path as standard input (output discarded) through a small helper,
// and returns {exit status, peak resident set in KiB} of chatjwt alone.
std::pair<int, long> peak_rss_kb(const std::vector<std::string>& args,
                                 const std::string& input_path,
                                 const std::map<std::string, std::string>& env = {});

// A temporary file holding content, removed on destruction.
class TempFile {
 public:
  explicit TempFile(const std::string& content, const std::string& suffix = "");
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Path of a file under tests/data.
std::string data_path(const std::string& name);
std::string read_file(const std::string& path);

}  // namespace chatjwt::test
