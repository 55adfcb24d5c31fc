#include "cmd_verify.hpp"

#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "chatjwt/lint.hpp"
#include "chatjwt/report.hpp"
#include "chatjwt/timespec.hpp"
#include "chatjwt/token.hpp"
#include "chatjwt/token_finder.hpp"
#include "chatjwt/verify.hpp"
#include "chatjwt/verify_json.hpp"

#include "help_format.hpp"
#include "keyring.hpp"
#include "output.hpp"
#include "render.hpp"
#include "token_input.hpp"

namespace chatjwt::cli {

CLI::App* setup_verify(CLI::App& root, VerifyOptions& options) {
  CLI::App* sub = root.add_subcommand(
      "verify",
      "Check a token as the platform does when the widget connects; the first failed check "
      "decides the error code");
  sub->add_option("TOKEN", options.token,
                  "The token, or pasted text holding one; '-' or nothing reads standard input")
      ->type_name("");
  sub->add_option("--batch", options.batch,
                  "Verify every line of FILE ('-': standard input) as a token; blank lines and "
                  "lines starting with # are skipped")
      ->type_name("FILE");
  sub->add_flag("--json", options.json,
                "Print one JSON object per token (NDJSON with \"line\" under --batch)");
  sub->add_option("--leeway", options.leeway,
                  "Tolerate clock skew of DUR on exp and nbf (90, 45s, 2m; default 0)")
      ->type_name("DUR");
  add_repeatable(*sub, "--require", options.require,
                 "Reject the token (missing_claim) unless its payload has the claim NAME; "
                 "repeatable")
      ->type_name("NAME");
  sub->add_flag("--strict", options.strict,
                "Reject the token (code lint) when lint finds an error or a warning in it");
  sub->add_flag("--no-lint", options.no_lint, "Skip lint (faster bulk verification)");
  sub->add_option("--jobs", options.jobs,
                  "With --batch: judge on N threads (default: one per core, at most 64); the "
                  "output keeps the input order")
      ->type_name("N")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            const bool digits = !value.empty() && value.size() <= 3 && value[0] != '0' &&
                                value.find_first_not_of("0123456789") == std::string::npos;
            if (digits && std::stoi(value) >= 1 && std::stoi(value) <= 256) return {};
            return "give a whole number of threads from 1 to 256";
          },
          ""));
  add_profile_option(*sub, options.common);
  add_now_option(*sub, options.common);
  add_secret_options(*sub, options.common, /*several=*/true);
  add_color_option(*sub, options.common);
  sub->footer(
      "Checks, in order (the first failure is the error code): malformed, "
      "unsupported_algorithm, unsupported_header, bad_signature, invalid_claim, expired, "
      "not_yet_valid, missing_claim, and with --strict, lint.\n"
      "Lint's findings on the token are shown as warnings; they reject nothing unless --strict.\n"
      "With no secret option, the profile's variable is read: CONVRS_SIGNING_SECRET (convrs), "
      "ELOQUENT_JWT_SECRET (eloquent), CHATJWT_SECRET (generic).\n"
      "Exit status: 0 accepted; 1 rejected; 2 could not judge (usage, unreadable input, missing "
      "secret).\n"
      "Examples:\n"
      "  chatjwt verify --secret-env CONVRS_SIGNING_SECRET \"$TOKEN\"\n"
      "  chatjwt verify --batch tokens.txt --json \\\n"
      "      --secret-file old.key --secret-file new.key");
  return sub;
}

namespace {

// --jobs's default: a thread per core this process may run on (its affinity mask, so taskset
// and cpusets count), up to a point where more would only cost memory.
std::size_t default_jobs() {
  std::size_t cores = std::thread::hardware_concurrency();
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) {
    cores = static_cast<std::size_t>(CPU_COUNT(&set));
  }
  return std::clamp<std::size_t>(cores, 1, 64);
}

// Judges tokens one after another with the same rules and keys. One per thread, aligned so
// that two Judges share no cache line (nor the pair Intel's adjacent-line prefetcher fetches).
class alignas(128) Judge {
 public:
  // A token is judged from the scan alone; with lint, the same scan builds its header and
  // payload trees for lint (into the Judge's reused trees).
  // json: keep the header and payload as compact JSON text (written during the scan).
  Judge(Profile requested, ClaimRules rules, KeyRing& ring, bool lint, bool strict, bool json)
      : requested_(requested),
        rules_(std::move(rules)),
        ring_(ring),
        lint_(lint),
        strict_(strict),
        json_(json) {}

  struct Outcome {
    TokenCheck check;
    Verdict verdict;
    const KeySet* keys = nullptr;
    std::optional<Error> not_judged;   // missing_secret: exit 2
    CompactParts compact;              // with --json, when check 1 passed
    std::vector<Diagnostic> findings;  // lint's, on a token whose header and payload decoded
  };

  // The outcome is the Judge's own, overwritten by the next call: its buffers are reused, so
  // judging token after token allocates nothing on the fast path.
  const Outcome& judge(std::string_view token) {
    Outcome& outcome = outcome_;
    outcome.verdict = Verdict{};
    outcome.keys = nullptr;
    outcome.not_judged.reset();
    outcome.findings.clear();
    check_token_into(token, requested_, scanner_, outcome.check, json_ ? &outcome.compact : nullptr,
                     lint_ ? &trees_ : nullptr);
    if (outcome.check.error) {
      outcome.verdict.error = outcome.check.error;
      return outcome;
    }
    const KeyLookup& lookup = keys_for(outcome.check.profile.profile);
    outcome.keys = lookup.keys;
    if (outcome.keys == nullptr) {
      outcome.not_judged = lookup.error;
      return outcome;
    }
    outcome.verdict = verify_checked(outcome.check, own_keys(*outcome.keys), rules_);
    if (lint_) {
      lint_header(trees_.header.root(), outcome.findings);
      lint_payload(trees_.payload.root(),
                   LintRequest{outcome.check.profile.profile, true, rules_.now}, outcome.findings);
    }
    // Check 9: only with --strict, and only when checks 1-8 passed.
    if (strict_ && !outcome.verdict.error && !outcome.findings.empty()) {
      InputReport report;
      report.diagnostics = outcome.findings;
      const ReportTotals t = totals({report});
      outcome.verdict.error = Error{
          ErrorCode::lint,
          fmt::format("lint found {} error{} and {} warning{} in the token (--strict)", t.errors,
                      t.errors == 1 ? "" : "s", t.warnings, t.warnings == 1 ? "" : "s")};
    }
    return outcome;
  }

  const ClaimRules& rules() const { return rules_; }

  // A verdict decided before any check could run (an oversize line), as the Judge's outcome.
  const Outcome& reject(Error error) {
    outcome_ = rejected(std::move(error));
    return outcome_;
  }

  // A verdict decided before any check could run (no token in pasted text, oversize input).
  static Outcome rejected(Error error) {
    Outcome outcome;
    outcome.verdict.error = std::move(error);
    return outcome;
  }

 private:
  struct KeyLookup {
    const KeySet* keys = nullptr;
    Error error;  // when keys is null
  };

  // The ring's answer for a profile, asked once per Judge (the ring takes a lock; its answer
  // for a profile never changes).
  const KeyLookup& keys_for(Profile profile) {
    std::optional<KeyLookup>& cached = key_cache_[static_cast<std::size_t>(profile)];
    if (!cached) {
      KeyLookup lookup;
      lookup.keys = ring_.keys_for(profile, lookup.error);
      cached = std::move(lookup);
    }
    return *cached;
  }

  // This Judge's copies of a key set's MAC contexts: a context is not for two threads at once.
  const std::vector<Hs256Key>& own_keys(const KeySet& set) {
    for (auto& [from, keys] : clones_) {
      if (from == &set) return keys;
    }
    auto& [from, keys] = clones_.emplace_back(&set, std::vector<Hs256Key>{});
    for (const Hs256Key& key : set.keys) keys.push_back(key.clone());
    return keys;
  }

  Profile requested_;
  ClaimRules rules_;
  KeyRing& ring_;
  std::array<std::optional<KeyLookup>, 4> key_cache_;  // by Profile
  std::vector<std::pair<const KeySet*, std::vector<Hs256Key>>> clones_;
  bool lint_;
  bool strict_;
  bool json_;
  StrictJsonScanner scanner_;
  LintTrees trees_;  // built during check 1 when lint is on
  Outcome outcome_;
};

// The contract's verify object (plus "line" first under --batch), one line.
void append_json(const Judge::Outcome& o, std::optional<std::size_t> line, std::string& out) {
  VerifyObject object;
  object.line = line;
  const std::optional<Error>& error = o.not_judged ? o.not_judged : o.verdict.error;
  object.error = error ? &*error : nullptr;
  object.profile = o.check.profile.profile;
  if (o.check.decoded) {
    object.header = o.compact.header;
    object.payload = o.compact.payload;
  }
  object.secret_index = o.verdict.secret_index;
  object.warnings = o.findings;
  append_verify_json(out, object);
}

// Exit 2 before any token was judged; --json still prints one object.
int cannot_judge(const Error& error, bool json, Output& out, Output& err,
                 Profile profile = Profile::generic) {
  if (json) {
    VerifyObject object;
    object.error = &error;
    object.profile = profile == Profile::auto_detect ? Profile::generic : profile;
    append_verify_json(out.buffer(), object);
    out.commit();
  }
  error_line(err, error.message);
  return 2;
}

std::string signature_line(const Judge::Outcome& o) {
  if (!o.verdict.secret_index || o.keys == nullptr) return {};
  const std::size_t i = *o.verdict.secret_index;
  const std::size_t n = o.keys->keys.size();
  return fmt::format("  signature  matches {} ({})\n",
                     n == 1 ? std::string("the secret") : fmt::format("secret {} of {}", i + 1, n),
                     o.keys->origins[i]);
}

void print_human(const Judge::Outcome& o, std::int64_t now, const Style& style, Output& out) {
  if (o.verdict.error) {
    out.write(hanging(fmt::format("{}rejected{}: ", style.red, style.reset),
                      fmt::format("{}: {}", to_string(o.verdict.error->code),
                                  printable(o.verdict.error->message))));
  } else {
    out.print("{}valid{}: the platform would accept this token\n", style.green, style.reset);
  }
  out.write(signature_line(o));
  if (o.check.decoded) {
    out.print("  profile    {} ({})\n", to_string(o.check.profile.profile), o.check.profile.reason);
    out.write(time_claim_lines(o.check.payload, now));
  }
  for (const Diagnostic& d : o.findings) {
    out.write(hanging("  lint       ",
                      fmt::format("{}: {}{}: {} [{}]", to_string(d.severity),
                                  d.part == Part::header ? "header " : "",
                                  d.path.empty() ? "/" : d.path, printable(d.message), d.rule)));
  }
}

// Plain-words hints on a single token's verdict; for a bad signature, the usual mistakes
// that would have matched.
std::vector<std::string> hints_for(const Judge::Outcome& o, const Judge& judge, const KeyRing& ring,
                                   SecretEncoding encoding) {
  std::vector<std::string> hints;
  if (o.verdict.error && o.verdict.error->code == ErrorCode::bad_signature && o.keys != nullptr) {
    std::vector<SecretCandidate> candidates;
    for (std::size_t i = 0; i < o.keys->texts.size(); ++i) {
      auto variants = secret_variants(o.keys->texts[i].view(), encoding, o.keys->origins[i]);
      for (auto& v : variants) candidates.push_back(std::move(v));
    }
    for (auto& c : ring.other_candidates(*o.keys)) candidates.push_back(std::move(c));
    for (const std::string& meaning : matching_candidates(o.check, candidates)) {
      hints.push_back("the signature matches " + meaning);
    }
  }
  // When a probe found the mistake, the generic advice on a bad signature is noise.
  Verdict verdict = o.verdict;
  if (!hints.empty()) verdict.error.reset();
  for (std::string& hint : explain(o.check, verdict, judge.rules()))
    hints.push_back(std::move(hint));
  return hints;
}

int verify_single(const VerifyOptions& options, Judge& judge, const KeyRing& ring, std::int64_t now,
                  const Io& io, Output& out, Output& err) {
  auto acquired = acquire_token(options.token, io, err);
  if (!acquired) return cannot_judge(acquired.error(), options.json, out, err);
  const Judge::Outcome outcome =
      acquired->malformed ? Judge::rejected(*acquired->malformed) : judge.judge(acquired->token);
  if (outcome.not_judged) {
    return cannot_judge(*outcome.not_judged, options.json, out, err, outcome.check.profile.profile);
  }
  std::vector<std::string> hints =
      hints_for(outcome, judge, ring, requested_encoding(options.common));
  if (acquired->hint) hints.insert(hints.begin(), *acquired->hint);
  if (options.json) {
    append_json(outcome, std::nullopt, out.buffer());
    out.commit();
    for (const std::string& hint : hints) err.print("chatjwt: hint: {}\n", printable(hint));
  } else {
    const Style style(colour_enabled(options.common, out, io));
    print_human(outcome, now, style, out);
    for (const std::string& hint : hints) {
      const std::string prefix = fmt::format("  {}hint{}       ", style.yellow, style.reset);
      out.write(hanging(prefix, printable(hint)));
    }
  }
  return outcome.verdict.error ? 1 : 0;
}

struct Tally {
  std::size_t tokens = 0, valid = 0, rejected = 0, unjudged = 0;
  void add(const Tally& other) {
    tokens += other.tokens;
    valid += other.valid;
    rejected += other.rejected;
    unjudged += other.unjudged;
  }
};

// A run of batch lines that travels together from the reader to a worker and on to the
// output; slots are reused, so their buffers stop growing once warm. Neighbouring slots are
// judged at once by two threads, and out's size and the tally change with every token: they
// must not share a cache line (unaligned, --jobs 2 --json took 0.45 s where it takes 0.40 s).
struct alignas(128) Chunk {
  struct Line {
    std::size_t offset = 0;  // into text
    std::size_t size = 0;
    std::size_t number = 0;  // 1-based line number in the input
    bool oversize = false;
  };
  std::string text;
  std::vector<Line> lines;
  std::string out;  // what the chunk prints on standard output (--json)
  std::string err;  // and on standard error (the rejected lines)
  Tally tally;

  void clear() {
    text.clear();
    lines.clear();
    out.clear();
    err.clear();
    tally = {};
  }
};

// A chunk is handed on once it holds this many bytes of whole lines (a single long line may
// exceed it): small enough that the slots in flight stay a few MiB, large enough that handing
// over costs nothing next to judging.
constexpr std::size_t kChunkBytes = 128 * 1024;

// Judges one batch line; what it prints goes to out (--json) or err (a rejected line).
void judge_line(Judge& judge, std::string_view token, const Chunk::Line& line, bool json,
                std::string_view shown_name, std::string& out, std::string& err, Tally& tally) {
  const Judge::Outcome& outcome =
      line.oversize ? judge.reject(Error{ErrorCode::malformed,
                                         "the line is longer than 1 MiB; no token is that long"})
                    : judge.judge(token);
  ++tally.tokens;
  if (outcome.not_judged) {
    ++tally.unjudged;
  } else if (outcome.verdict.error) {
    ++tally.rejected;
  } else {
    ++tally.valid;
  }
  if (json) {
    append_json(outcome, line.number, out);
  } else if (const auto& error = outcome.not_judged ? outcome.not_judged : outcome.verdict.error) {
    fmt::format_to(std::back_inserter(err), "{}:{}: {}: {}\n", shown_name, line.number,
                   to_string(error->code), printable(error->message));
  }
}

void judge_chunk(Chunk& chunk, Judge& judge, bool json, std::string_view shown_name) {
  for (const Chunk::Line& line : chunk.lines) {
    judge_line(judge, std::string_view(chunk.text).substr(line.offset, line.size), line, json,
               shown_name, chunk.out, chunk.err, chunk.tally);
  }
}

// The next token line (BOM, white space, blank lines and comments dealt with); false at the end.
bool next_token_line(LineReader& reader, std::string_view& token, Chunk::Line& line) {
  bool oversize = false;
  while (reader.next(token, oversize)) {
    if (reader.line_number() == 1 && token.starts_with("\xEF\xBB\xBF")) token.remove_prefix(3);
    token = trim_token_space(token);
    if (!oversize && (token.empty() || token.front() == '#')) continue;
    line.number = reader.line_number();
    line.oversize = oversize;
    line.size = token.size();
    return true;
  }
  return false;
}

// Judges a batch on `jobs` threads, printing in input order. Every thread does the same
// round: it reads the next chunk of lines (one reader at a time, in input order), judges it
// at once, so the text it has just read is still in its own core's cache, and prints whatever
// chunks are done from the oldest on, if no other thread is printing. (A first version read
// on one thread and handed chunks to the others: each chunk's text crossed cores, and that
// thread had the reads and the line scan on top of its share of judging.) Memory is bounded
// by the slots: no chunk is read more than slots_.size() ahead of the oldest not yet printed.
constexpr std::size_t kMinSlots = 16;
class BatchRun {
 public:
  BatchRun(std::size_t jobs, const std::function<std::unique_ptr<Judge>()>& make_judge, bool json,
           std::string shown_name, KeyRing& ring, BlockLineReader& reader, Output& out, Output& err)
      : jobs_(jobs),
        make_judge_(make_judge),
        json_(json),
        shown_name_(std::move(shown_name)),
        ring_(ring),
        reader_(reader),
        out_(out),
        err_(err),
        slots_(std::max(3 * jobs, kMinSlots)),
        done_(slots_.size(), false) {}

  // Reads to the end (the reader tells whether it could read all).
  void run() {
    ring_.defer_warnings();  // printed by whichever thread prints, between chunks
    std::vector<std::thread> workers;
    for (std::size_t i = 1; i < jobs_; ++i) workers.emplace_back([this] { work(); });
    work();
    for (std::thread& worker : workers) worker.join();
    ring_.flush_warnings();
  }

  const Tally& tally() const { return tally_; }

 private:
  // One thread's rounds, until the input is read. The thread makes its own Judge, so that
  // what the Judge allocates comes from this thread's malloc arena, not next to another's.
  void work() {
    const std::unique_ptr<Judge> judge = make_judge_();
    while (Chunk* chunk = read_next()) {
      judge_chunk(*chunk, *judge, json_, shown_name_);
      finish(*chunk);
    }
  }

  // Waits for the reader and a free slot, then reads the next chunk into it; null at the end.
  Chunk* read_next() {
    std::size_t number = 0;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(
          lock, [this] { return exhausted_ || (!reading_ && read_ - printed_ < slots_.size()); });
      if (exhausted_) return nullptr;
      reading_ = true;
      number = read_;
    }
    Chunk& chunk = slots_[number % slots_.size()];
    bool more = true;
    do {  // a block of only blank lines and comments holds nothing to judge: read on
      chunk.clear();
      more = fill(chunk);
    } while (chunk.lines.empty() && more);
    {
      const std::lock_guard lock(mutex_);
      reading_ = false;
      exhausted_ = !more;
      if (!chunk.lines.empty()) ++read_;
    }
    changed_.notify_all();
    return chunk.lines.empty() ? nullptr : &chunk;
  }

  // The next block of lines, read straight into the chunk; its token lines are kept (white
  // space trimmed, blank lines and comments dropped). False at the end of the input.
  bool fill(Chunk& chunk) {
    raw_.clear();
    const bool more = reader_.fill(chunk.text, raw_, kChunkBytes);
    for (const BlockLineReader::Line& raw : raw_) {
      std::string_view token = raw.oversize
                                   ? std::string_view()
                                   : std::string_view(chunk.text).substr(raw.offset, raw.size);
      if (raw.number == 1 && token.starts_with("\xEF\xBB\xBF")) token.remove_prefix(3);
      token = trim_token_space(token);
      if (!raw.oversize && (token.empty() || token.front() == '#')) continue;
      Chunk::Line& line = chunk.lines.emplace_back();  // in place: a copied temporary stalls
      line.offset = raw.oversize ? 0 : static_cast<std::size_t>(token.data() - chunk.text.data());
      line.size = token.size();
      line.number = raw.number;
      line.oversize = raw.oversize;
    }
    return more;
  }

  // Marks a judged chunk done; prints, unless another thread is printing, every done chunk
  // from the oldest not yet printed on.
  void finish(const Chunk& chunk) {
    std::unique_lock lock(mutex_);
    done_[static_cast<std::size_t>(&chunk - slots_.data())] = true;
    if (printing_) return;  // the printing thread looks again before it stops
    printing_ = true;
    while (done_[printed_ % slots_.size()]) {
      const std::size_t slot = printed_ % slots_.size();
      lock.unlock();
      ring_.flush_warnings();
      print(slots_[slot]);
      lock.lock();
      done_[slot] = false;
      ++printed_;
      changed_.notify_all();  // a slot is free
    }
    printing_ = false;
  }

  void print(const Chunk& chunk) {
    out_.write(chunk.out);
    err_.write(chunk.err);
    tally_.add(chunk.tally);
  }

  std::size_t jobs_;
  const std::function<std::unique_ptr<Judge>()>& make_judge_;
  bool json_;
  std::string shown_name_;
  KeyRing& ring_;
  BlockLineReader& reader_;  // and raw_: only the thread that set reading_
  Output& out_;              // and err_, tally_: only the thread that set printing_
  Output& err_;
  std::vector<Chunk> slots_;
  std::vector<bool> done_;  // of each slot, under mutex_
  std::vector<BlockLineReader::Line> raw_;
  std::mutex mutex_;
  std::condition_variable changed_;  // the reader or a slot came free, or the input ended
  bool reading_ = false;             // under mutex_
  bool printing_ = false;            // under mutex_
  bool exhausted_ = false;           // under mutex_
  std::size_t read_ = 0;             // chunks read, under mutex_
  std::size_t printed_ = 0;          // chunks printed, under mutex_
  Tally tally_;
};

int verify_batch(const VerifyOptions& options, std::size_t jobs,
                 const std::function<std::unique_ptr<Judge>()>& make_judge, KeyRing& ring,
                 const Io& io, Output& out, Output& err) {
  std::string open_error;
  const int fd = open_input(options.batch, io, open_error);
  if (fd < 0) return cannot_judge(Error{ErrorCode::io, open_error}, options.json, out, err);
  const std::string name = options.batch == "-" ? "<stdin>" : options.batch;
  // A line may carry white space around a token of at most 1 MiB; past this it is malformed.
  const std::size_t cap = kMaxTokenBytes + 4096;
  const std::string shown_name = printable(name);
  Tally tally;
  bool read = true;
  if (jobs == 1) {
    LineReader reader(fd, cap);
    // One thread: straight from the reader's buffer to the output's, nothing copied between.
    const std::unique_ptr<Judge> judge = make_judge();
    std::string_view token;
    Chunk::Line line;
    while (next_token_line(reader, token, line)) {
      judge_line(*judge, token, line, options.json, shown_name, out.buffer(), err.buffer(), tally);
      out.commit();
      err.commit();
    }
    read = !reader.failed();
  } else {
    BlockLineReader reader(fd, cap);
    BatchRun batch(jobs, make_judge, options.json, shown_name, ring, reader, out, err);
    batch.run();
    tally = batch.tally();
    read = !reader.failed();
  }
  if (fd != io.in_fd) ::close(fd);
  if (!read) {
    return cannot_judge(Error{ErrorCode::io, fmt::format("cannot read {} to the end", name)},
                        options.json, out, err);
  }
  const std::size_t tokens = tally.tokens;
  if (tokens == 0) {
    return cannot_judge(
        Error{ErrorCode::usage,
              fmt::format("{} holds no token line (only blank lines or # comments)", name)},
        options.json, out, err);
  }
  if (!options.json) {
    err.print("chatjwt: {} token{}: {} valid, {} rejected{}\n", tokens, tokens == 1 ? "" : "s",
              tally.valid, tally.rejected,
              tally.unjudged > 0 ? fmt::format(", {} not judged", tally.unjudged) : "");
  }
  if (tally.unjudged > 0) return 2;
  return tally.rejected > 0 ? 1 : 0;
}

}  // namespace

int run_verify(const VerifyOptions& options, const Io& io) {
  Output out(io.out_fd);
  Output err(io.err_fd);
  const bool batch = !options.batch.empty();
  const bool token_from_stdin = !batch && (options.token.empty() || options.token == "-");
  if (batch && !options.token.empty()) {
    return cannot_judge(Error{ErrorCode::usage, "give a TOKEN or --batch FILE, not both"},
                        options.json, out, err);
  }
  if (secret_reads_stdin(options.common) && (token_from_stdin || options.batch == "-")) {
    return cannot_judge(
        Error{ErrorCode::usage,
              std::string("--secret-file - reads the secret from standard input, so the ") +
                  (batch ? "batch" : "token") + " cannot come from there too; pass " +
                  (batch ? "--batch FILE" : "the TOKEN as an argument")},
        options.json, out, err);
  }
  KeyRing ring(io, requested_encoding(options.common), err);
  if (auto loaded = ring.load_explicit(options.common.secrets); !loaded) {
    return cannot_judge(loaded.error(), options.json, out, err);
  }
  auto now = resolve_now(options.common, io);
  if (!now) return cannot_judge(now.error(), options.json, out, err);
  auto leeway = parse_duration(options.leeway);
  if (!leeway) {
    return cannot_judge(Error{ErrorCode::usage, "--leeway: " + leeway.error().message},
                        options.json, out, err);
  }
  if (options.strict && options.no_lint) {
    return cannot_judge(Error{ErrorCode::usage, "--strict needs lint; drop --no-lint"},
                        options.json, out, err);
  }
  ClaimRules rules;
  rules.now = *now;
  rules.leeway = *leeway;
  rules.require = options.require;
  const auto make_judge = [&] {
    return std::make_unique<Judge>(requested_profile(options.common), rules, ring, !options.no_lint,
                                   options.strict, options.json);
  };
  if (batch) {
    return verify_batch(options, options.jobs > 0 ? options.jobs : default_jobs(), make_judge, ring,
                        io, out, err);
  }
  return verify_single(options, *make_judge(), ring, *now, io, out, err);
}

}  // namespace chatjwt::cli
