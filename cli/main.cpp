// chatjwt's entry point: real streams in, exit status out, and the last-resort catch.
#include <unistd.h>

#include <cstdio>
#include <exception>

#include "app.hpp"

int main(int argc, char** argv) {
  try {
    return chatjwt::cli::run(argc, argv, chatjwt::cli::process_io());
  } catch (const std::bad_alloc&) {
    static const char kMessage[] = "chatjwt: error: out of memory\n";
    (void)!::write(2, kMessage, sizeof kMessage - 1);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chatjwt: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "chatjwt: internal error\n");
  }
  return 2;
}
