// Hostile tokens, judged by the binary: the attacks of RFC 8725 (JSON Web Token Best Current
// Practices) and of the published CVEs of common JWT libraries. Each row names its attack and
// the verdict the contract gives it.
#include <poll.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "chatjwt/base64url.hpp"

#include "support/process.hpp"
#include "support/tokens.hpp"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

using namespace chatjwt::test;

namespace {

const std::map<std::string, std::string> kEnv = {{"CHATJWT_SECRET", kSecret},
                                                 {"CONVRS_SIGNING_SECRET", kSecret},
                                                 {"ELOQUENT_JWT_SECRET", kSecret}};
const std::string kPayload = R"({"userId":"user-1","exp":1776958200})";

struct Case {
  std::string attack;
  std::string token;
  const char* code;  // nullptr: accepted
};

// verify --json on one token; checks the verdict, the exit status, and that the answer is one
// JSON line.
void expect_verdict(const Case& c, const std::vector<std::string>& extra = {}) {
  CAPTURE(c.attack);
  CAPTURE(c.token.substr(0, 200));
  std::vector<std::string> args = {"verify", "--json", "--no-lint", "--now", kNowText};
  args.insert(args.end(), extra.begin(), extra.end());
  RunOptions options;
  options.env = kEnv;
  options.input = c.token;  // standard input: no argument length limit, white space trimmed
  const auto r = run_chatjwt(args, options);
  const auto j = parse_json_line(r.out);
  REQUIRE(j.is_object());
  if (c.code == nullptr) {
    CHECK(r.status == 0);
    CHECK(j["valid"] == true);
  } else {
    CHECK(r.status == 1);
    CHECK(j["valid"] == false);
    CHECK(j["error"]["code"] == c.code);
  }
  CHECK(r.err.find("internal error") == std::string::npos);
}

std::string sig_of(const std::string& token) { return token.substr(token.rfind('.') + 1); }
std::string input_of(const std::string& token) { return token.substr(0, token.rfind('.')); }

// The same 32 bytes written with other values in the two unused low bits of the last
// character: a different text for the same MAC (signature malleability).
std::string with_unused_bits(const std::string& segment, int bits) {
  std::string out = segment;
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const auto value = alphabet.find(out.back());
  out.back() = alphabet[(value & ~3U) | static_cast<unsigned>(bits)];
  return out;
}

}  // namespace

TEST_CASE("hostile: alg none in every spelling, and every other algorithm, is refused") {
  // RFC 8725 §2.1 and §3.1; CVE-2015-9235 (jsonwebtoken), CVE-2015-2951 (JWT.NET) and kin:
  // libraries that honoured "none" or matched it without regard to case.
  const char* names[] = {R"("none")",   R"("None")",  R"("NONE")",    R"("nOnE")",
                         R"("none ")",  R"(" none")", R"("")",        R"("\u006eone")",
                         R"("hs256")",  R"("Hs256")", R"("HS256 ")",  R"("HS256\u0000")",
                         R"("HS 256")", R"("HS384")", R"("HS512")",   R"("RS256")",
                         R"("ES256")",  R"("PS256")", R"("EdDSA")",   R"(null)",
                         R"(true)",     R"(256)",     R"(["HS256"])", R"({"name":"HS256"})"};
  for (const char* name : names) {
    const std::string header = std::string(R"({"alg":)") + name + R"(,"typ":"JWT"})";
    // Signed properly with the right secret, with an empty signature, and unsigned.
    const std::string signed_token = make_token(header, kPayload);
    expect_verdict({name, signed_token, "unsupported_algorithm"});
    expect_verdict({name, input_of(signed_token) + ".", "unsupported_algorithm"});
  }
  expect_verdict(
      {"no alg at all", make_token(R"({"typ":"JWT"})", kPayload), "unsupported_algorithm"});
  // "\u0048S256" is "HS256" once unescaped: JSON says it is the same string.
  expect_verdict({"escaped HS256", make_token(R"({"alg":"\u0048S256"})", kPayload), nullptr});
}

TEST_CASE("hostile: algorithm confusion never turns a public key into an HMAC secret") {
  // CVE-2016-10555 (jwt-simple), CVE-2016-5431 (php-jwt), CVE-2017-11424 (PyJWT): an RS256
  // verifier handed an HS256 token used the RSA public key as the HMAC secret.
  const std::string pem =
      "-----BEGIN PUBLIC KEY-----\n"
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEVs/o5+uQbTjL3chynL4wXgUg2R9\n"
      "q9UU8I5mEovUf86QZ7kOBIjJwqnzD1omageEHWwHdBO6B+dFabmdT9POxg==\n"
      "-----END PUBLIC KEY-----\n";
  const TempFile key(pem);
  const std::string hs_token = make_token(R"({"alg":"HS256","typ":"JWT"})", kPayload, pem);
  // The key file is refused before any token is read: a PEM block is no HS256 secret.
  RunOptions options;
  options.input = hs_token;
  auto r =
      run_chatjwt({"verify", "--json", "--now", kNowText, "--secret-file", key.path()}, options);
  CHECK(r.status == 2);
  CHECK(r.err.find("PEM") != std::string::npos);
  CHECK(r.out.find(pem.substr(27, 20)) == std::string::npos);
  // Signed as RS256 with the PEM text as an HMAC key: refused at the algorithm.
  expect_verdict({"RS256 header, HMAC with the public key",
                  make_token(R"({"alg":"RS256","typ":"JWT"})", kPayload, pem),
                  "unsupported_algorithm"});
  // An HS256 token MACed with the public key is just a wrong key for us.
  expect_verdict({"HS256 MACed with the public key", hs_token, "bad_signature"});
}

TEST_CASE("hostile: keys named or carried by the header are never used") {
  // CVE-2018-0114 (node-jose: a key embedded as "jwk" was trusted); kid injection (path
  // traversal, SQL) in libraries that looked keys up by kid; RFC 8725 §3.10.
  const std::string attacker = "attacker-chosen-secret-0123456789abc";
  const std::string jwk = R"({"kty":"oct","k":")" + segment(attacker) + R"("})";
  const Case cases[] = {
      {"embedded jwk", make_token(R"({"alg":"HS256","jwk":)" + jwk + "}", kPayload, attacker),
       "bad_signature"},
      {"kid path to an empty file",
       make_token(R"({"alg":"HS256","kid":"../../../../../../dev/null"})", kPayload, ""),
       "bad_signature"},
      {"kid SQL injection",
       make_token(
           R"({"alg":"HS256","kid":"x' UNION SELECT 'attacker-chosen-secret-0123456789abc"})",
           kPayload, attacker),
       "bad_signature"},
      {"kid command injection", make_token(R"({"alg":"HS256","kid":"k|id"})", kPayload, attacker),
       "bad_signature"},
      // With the right secret, such members change nothing: verify does not read them.
      {"hostile kid, right secret",
       make_token(R"({"alg":"HS256","kid":"../../../../../../dev/null"})", kPayload), nullptr},
      {"embedded jwk, right secret", make_token(R"({"alg":"HS256","jwk":)" + jwk + "}", kPayload),
       nullptr},
  };
  for (const auto& c : cases) expect_verdict(c);
}

TEST_CASE("hostile: jku, x5u and other key URLs are never fetched") {
  // RFC 8725 §3.10: a verifier that follows jku or x5u lets the token pick its own key.
  // A local listener would see any connection chatjwt made to the URLs.
  const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  REQUIRE(listener >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  socklen_t length = sizeof address;
  REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length) == 0);
  REQUIRE(::listen(listener, 8) == 0);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/k";

  for (const char* member : {"jku", "x5u"}) {
    const std::string header =
        std::string(R"({"alg":"HS256","kid":"k1",")") + member + R"(":")" + url + R"("})";
    expect_verdict({member, make_token(header, kPayload, "the-attacker-s-key-0123456789abcdef"),
                    "bad_signature"});
    expect_verdict({member, make_token(header, kPayload), nullptr});
    // decode and lint read the same header.
    RunOptions options;
    options.env = kEnv;
    CHECK(run_chatjwt({"decode", make_token(header, kPayload)}, options).status == 0);
    CHECK(run_chatjwt({"lint", make_token(header, kPayload)}, options).status <= 1);
  }
  pollfd waiting{listener, POLLIN, 0};
  CHECK(::poll(&waiting, 1, 200) == 0);  // no connection was attempted
  ::close(listener);
}

TEST_CASE("hostile: crit headers are refused, whatever they name") {
  // RFC 7515 §4.1.11: a recipient that does not understand a critical extension must reject
  // the token; the b64:false extension (RFC 7797) changes what the MAC covers.
  const char* headers[] = {R"({"alg":"HS256","crit":["b64"],"b64":false})",
                           R"({"alg":"HS256","crit":["exp"]})", R"({"alg":"HS256","crit":[]})",
                           R"({"alg":"HS256","crit":null})", R"({"alg":"HS256","crit":"b64"})"};
  for (const char* header : headers) {
    expect_verdict({header, make_token(header, kPayload), "unsupported_header"});
  }
  // The order of checks: alg before crit.
  expect_verdict({"none and crit", make_token(R"({"alg":"none","crit":["x"]})", kPayload),
                  "unsupported_algorithm"});
}

TEST_CASE("hostile: repeated member names are malformed, escaped or not, at any depth") {
  // Parsers disagree on which duplicate wins (first, last, error): the gap between the checker
  // and the consumer is the attack (RFC 8259 §4, RFC 7493 §2.3; RFC 8725 §3.5 on JSON variety).
  const Case cases[] = {
      {"alg twice", make_token(R"({"alg":"HS256","alg":"none"})", kPayload), "malformed"},
      {"alg twice, escaped", make_token(R"({"alg":"HS256","\u0061lg":"none"})", kPayload),
       "malformed"},
      {"exp twice", make_token(kHeader, R"({"exp":1,"userId":"u","exp":1776958200})"), "malformed"},
      {"userId twice", make_token(kHeader, R"({"userId":"a","exp":1776958200,"userId":"b"})"),
       "malformed"},
      {"nested repeat", make_token(kHeader, R"({"userId":"u","userData":{"plan":"a","plan":"b"}})"),
       "malformed"},
      {"repeat in an array item",
       make_token(kHeader, R"({"userId":"u","agentData":[{"label":"a","label":"b"}]})"),
       "malformed"},
      {"names that differ after unescaping are fine",
       make_token(kHeader, R"({"userId":"u","a\u00e9":1,"a\u00c9":2})"), nullptr},
  };
  for (const auto& c : cases) expect_verdict(c);
}

TEST_CASE("hostile: deep nesting is refused past 64 levels, without recursion") {
  std::string deep64 = R"({"userId":"u","d":)";  // the top-level object is level 1
  for (int i = 2; i < 64; ++i) deep64 += "[";
  deep64 += "{}";
  for (int i = 2; i < 64; ++i) deep64 += "]";
  deep64 += "}";
  std::string deep65 = deep64;
  deep65.insert(deep65.find("{}"), "[");
  deep65.insert(deep65.find("{}") + 2, "]");
  const std::string million = std::string(1'000'000, '[');
  const Case cases[] = {
      {"64 levels", make_token(kHeader, deep64), nullptr},
      {"65 levels", make_token(kHeader, deep65), "malformed"},
      {"a million open arrays in the payload", make_token(kHeader, R"({"a":)" + million),
       "malformed"},
      {"a million open objects in the header", make_token(std::string(100'000, '{'), kPayload),
       "malformed"},
  };
  for (const auto& c : cases) expect_verdict(c);
}

TEST_CASE("hostile: huge, tiny and long numbers in the time claims") {
  const auto with_exp = [](const std::string& exp) {
    return make_token(kHeader, R"({"userId":"u","exp":)" + exp + "}");
  };
  const Case cases[] = {
      {"exp beyond a double", with_exp("1e400"), "malformed"},
      {"exp negative beyond a double", with_exp("-1e400"), "malformed"},
      {"exp near the largest double", with_exp("1.7976931348623157e308"), nullptr},
      {"exp the most negative double", with_exp("-1.7976931348623157e308"), "expired"},
      {"exp underflows to 0", with_exp("1e-400"), "expired"},
      {"exp -0", with_exp("-0"), "expired"},
      {"exp of 400 digits (1e399 fits no double)", with_exp("1" + std::string(399, '0')),
       "malformed"},
      {"exp of 300 digits", with_exp("1" + std::string(300, '0')), nullptr},
      {"exp with 10,000 fraction digits", with_exp("1776958200." + std::string(10'000, '9')),
       nullptr},
      {"exp in milliseconds (far future, accepted)", with_exp("1776958200000"), nullptr},
      {"exp as a string", with_exp(R"("1776958200")"), "invalid_claim"},
      {"exp null", with_exp("null"), "invalid_claim"},
      {"exp 2^63", with_exp("9223372036854775808"), nullptr},
      {"exp a leading zero", with_exp("01776958200"), "malformed"},
      {"exp a leading plus", with_exp("+1776958200"), "malformed"},
      {"exp hexadecimal", with_exp("0x69E9F6F8"), "malformed"},
      {"nbf near the largest double",
       make_token(kHeader, R"({"userId":"u","nbf":1.7976931348623157e308})"), "not_yet_valid"},
      {"nbf the most negative double",
       make_token(kHeader, R"({"userId":"u","nbf":-1.7976931348623157e308})"), nullptr},
  };
  for (const auto& c : cases) expect_verdict(c);
  // The longest leeway cannot overflow into acceptance or rejection; a longer one is refused.
  expect_verdict({"the longest leeway, expired long ago", with_exp("1"), nullptr},
                 {"--leeway", "2932896d"});
  expect_verdict(
      {"the longest leeway, far-future nbf",
       make_token(kHeader, R"({"userId":"u","nbf":1.7976931348623157e308})"), "not_yet_valid"},
      {"--leeway", "2932896d"});
  RunOptions options;
  options.env = kEnv;
  const auto r = run_chatjwt({"verify", "--leeway", "99999999d", with_exp("1")}, options);
  CHECK(r.status == 2);
  CHECK(r.err.find("longer than chatjwt takes") != std::string::npos);
}

TEST_CASE("hostile: base64url that is not canonical is malformed") {
  // Two texts for one token let a verified token be replayed under another spelling, and
  // lenient decoders disagree on what they mean.
  const std::string token = convrs_token();
  const std::string in = input_of(token);
  const std::string sig = sig_of(token);
  const std::string mac = *chatjwt::base64url_decode(sig);
  REQUIRE(mac.size() == 32);
  const auto header_end = token.find('.');
  std::vector<Case> cases = {
      {"padding on the signature", in + "." + sig + "=", "malformed"},
      {"padding on the header", token.substr(0, header_end) + "=" + token.substr(header_end),
       "malformed"},
      {"standard alphabet '+' in the signature",
       in + "." + sig.substr(0, 10) + "+" + sig.substr(11), "malformed"},
      {"standard alphabet '/' in the signature",
       in + "." + sig.substr(0, 10) + "/" + sig.substr(11), "malformed"},
      // Pasted text: white space ends the token, and what comes before it is judged.
      {"a space inside the signature (its first 40 characters are judged)",
       in + "." + sig.substr(0, 40) + " " + sig.substr(40), "bad_signature"},
      {"a line break before the signature (judged without it)", in + ".\n" + sig, "bad_signature"},
      {"a signature of 44 characters (33 bytes)", in + "." + sig + "A", "bad_signature"},
      {"a signature of 45 characters (no bytes have that length)", in + "." + sig + "AA",
       "malformed"},
      {"a signature of 42 characters with unused bits set", in + "." + sig.substr(1), "malformed"},
      {"a truncated MAC (its first 16 bytes)", in + "." + segment(mac.substr(0, 16)),
       "bad_signature"},
      {"a MAC of 31 bytes", in + "." + segment(mac.substr(0, 31)), "bad_signature"},
      {"the MAC and one more byte", in + "." + segment(mac + '\0'), "bad_signature"},
      {"no signature", in + ".", "bad_signature"},
      {"two dots at the end", in + "..", "malformed"},
      {"four segments", token + ".e30", "malformed"},
  };
  // The MAC's 32 bytes end in 2 unused bits: any value there but 0 is the same MAC, spelled
  // otherwise. Only the canonical spelling is accepted.
  for (int bits = 1; bits < 4; ++bits) {
    cases.push_back({"non-zero unused bits in the signature",
                     in + "." + with_unused_bits(sig, bits), "malformed"});
  }
  cases.push_back({"the canonical spelling", token, nullptr});
  for (const auto& c : cases) expect_verdict(c);
}

TEST_CASE("hostile: invalid UTF-8, overlong forms, surrogates and noncharacters are malformed") {
  const auto with_name = [](const std::string& raw) {
    return make_token(kHeader, R"({"userId":"u","name":")" + raw + R"("})");
  };
  const Case cases[] = {
      {"overlong '/' (C0 AF)", with_name("\xC0\xAF"), "malformed"},
      {"overlong NUL (C0 80)", with_name("\xC0\x80"), "malformed"},
      {"overlong three-byte (E0 80 AF)", with_name("\xE0\x80\xAF"), "malformed"},
      {"overlong four-byte (F0 80 80 AF)", with_name("\xF0\x80\x80\xAF"), "malformed"},
      {"a surrogate in UTF-8 (ED A0 80)", with_name("\xED\xA0\x80"), "malformed"},
      {"beyond U+10FFFF (F4 90 80 80)", with_name("\xF4\x90\x80\x80"), "malformed"},
      {"a lone continuation byte", with_name("\x80"), "malformed"},
      {"a truncated sequence", with_name("\xE2\x82"), "malformed"},
      {"byte FF", with_name("\xFF"), "malformed"},
      {"Latin-1 text", with_name("Jos\xE9"), "malformed"},
      {"an escaped lone high surrogate", with_name("\\ud800"), "malformed"},
      {"an escaped lone low surrogate", with_name("\\udc00x"), "malformed"},
      {"escaped surrogates in the wrong order", with_name("\\ude00\\ud83d"), "malformed"},
      {"noncharacter U+FFFF escaped", with_name("\\uffff"), "malformed"},
      {"noncharacter U+FDD0 raw", with_name("\xEF\xB7\x90"), "malformed"},
      {"noncharacter U+10FFFE raw", with_name("\xF4\x8F\xBF\xBE"), "malformed"},
      {"a raw control character", with_name("a\x01z"), "malformed"},
      {"an escaped surrogate pair (U+1F600)", with_name("\\ud83d\\ude00"), nullptr},
      {"raw U+1F600", with_name("\xF0\x9F\x98\x80"), nullptr},
      {"an escaped NUL", with_name("a\\u0000z"), nullptr},
      {"invalid UTF-8 in the header's alg",
       make_token(R"({"alg":"HS256)"
                  "\xC0\xAF"
                  R"("})",
                  kPayload),
       "malformed"},
      {"invalid UTF-8 in a member name", make_token(kHeader, "{\"userId\":\"u\",\"\xC3\":1}"),
       "malformed"},
  };
  for (const auto& c : cases) expect_verdict(c);
}

TEST_CASE("hostile: JSON extensions that lenient parsers allow are malformed") {
  const Case cases[] = {
      {"a trailing comma in the header", make_token(R"({"alg":"HS256",})", kPayload), "malformed"},
      {"a trailing comma in an array", make_token(kHeader, R"({"userId":"u","a":[1,]})"),
       "malformed"},
      {"a line comment", make_token(kHeader, "// hi\n{\"userId\":\"u\"}"), "malformed"},
      {"a block comment", make_token(kHeader, R"({"userId":/* x */"u"})"), "malformed"},
      {"a byte-order mark", make_token("\xEF\xBB\xBF" + kHeader, kPayload), "malformed"},
      {"NaN", make_token(kHeader, R"({"userId":"u","exp":NaN})"), "malformed"},
      {"Infinity", make_token(kHeader, R"({"userId":"u","exp":Infinity})"), "malformed"},
      {"single quotes", make_token(kHeader, R"({'userId':'u'})"), "malformed"},
      {"an unquoted name", make_token(kHeader, R"({userId:"u"})"), "malformed"},
      {"text after the object", make_token(kHeader, R"({"userId":"u"} x)"), "malformed"},
      {"two objects", make_token(kHeader, R"({"userId":"u"}{"userId":"v"})"), "malformed"},
      {"a NUL after the object", make_token(kHeader, std::string(R"({"userId":"u"})") + '\0'),
       "malformed"},
      {"an array, not an object", make_token(kHeader, R"([{"userId":"u"}])"), "malformed"},
      {"a string payload (Wycheproof's 'foo' is a JWS, not a JWT)", make_token(kHeader, "\"foo\""),
       "malformed"},
      {"white space around the JSON is fine", make_token(" \n" + kHeader + "\t", kPayload),
       nullptr},
  };
  for (const auto& c : cases) expect_verdict(c);
}

TEST_CASE("hostile: the JSON serialization wrapped around a compact token is no token") {
  // CVE-2022-39227 (python-jwt): a JSON object mixing a forged compact prefix with the
  // "protected", "payload" and "signature" members of a genuine token passed verification.
  const std::string genuine = convrs_token();
  const std::string header = genuine.substr(0, genuine.find('.'));
  const std::string forged = segment(R"({"userId":"admin","exp":99999999999})");
  const std::string text = R"({"  )" + header + "." + forged + R"(.":"","protected":")" + header +
                           R"(","payload":")" + input_of(genuine).substr(header.size() + 1) +
                           R"(","signature":")" + sig_of(genuine) + R"("})";
  expect_verdict({"CVE-2022-39227 shape", text, "bad_signature"});
}

TEST_CASE("hostile: a token of 100 MB is malformed, read in bounded memory") {
  const std::string huge = "eyJhbGciOiJIUzI1NiJ9." + std::string(100'000'000, 'A') + ".sig\n";
  const TempFile file(huge);
  const TempFile small(convrs_token() + "\n");
  const auto [base_status, base_kb] =
      peak_rss_kb({"verify", "--now", kNowText}, small.path(), kEnv);
  CHECK(base_status == 0);
  // verify and decode: malformed (exit 1), within the 4 MiB paste cap; lint: too large to read
  // (exit 2, as for any input it cannot read), having held at most its 16 MiB cap.
  struct Run {
    std::vector<std::string> args;
    int status;
    long limit_kb;
  };
  const Run runs[] = {{{"verify", "--json"}, 1, 24 * 1024},
                      {{"verify", "--batch", "-", "--json"}, 1, 24 * 1024},
                      {{"decode"}, 1, 24 * 1024},
                      {{"lint"}, 2, 40 * 1024}};
  for (const auto& run : runs) {
    CAPTURE(run.args[0] + " " + (run.args.size() > 1 ? run.args[1] : ""));
    const auto [status, kb] = peak_rss_kb(run.args, file.path(), kEnv);
    CHECK(status == run.status);
    CAPTURE(kb - base_kb);
#ifndef CHATJWT_TESTS_SANITIZED
    CHECK(kb - base_kb < run.limit_kb);
#endif
  }
  RunOptions options;
  options.env = kEnv;
  options.input = huge;
  const auto r = run_chatjwt({"verify", "--json"}, options);
  CHECK(r.status == 1);
  CHECK(parse_json_line(r.out)["error"]["code"] == "malformed");
  CHECK(r.out.size() < 1000);  // the token is not echoed back
}

TEST_CASE("hostile: a batch of a million lines, judged line by line in flat memory") {
  // Every 100,000th line is rejected (expired, malformed, bad signature in turn); the rest are
  // valid tokens, comments and blank lines.
  const std::string good = convrs_token();
  const std::string expired =
      make_token(kHeader, R"({"userId":"user-12345","iat":1776950000,"exp":1776954600})");
  const std::string bad = make_token(kHeader, kPayload, "not-the-secret-0123456789abcdefghij");
  std::string batch;
  batch.reserve(std::size_t{1'000'000} * (good.size() + 1));
  std::vector<std::size_t> rejected_lines;
  for (std::size_t line = 1; line <= 1'000'000; ++line) {
    if (line % 100'000 == 0) {
      rejected_lines.push_back(line);
      const std::size_t kind = line / 100'000 % 3;
      batch += kind == 0 ? expired : kind == 1 ? std::string("not.a.token") : bad;
    } else if (line % 1000 == 1) {
      batch += "# a comment";
    } else if (line % 1000 == 2) {
      batch += "  \r";
    } else {
      batch += good;
    }
    batch += '\n';
  }
  const TempFile file(batch);
  const auto r = run_chatjwt({"verify", "--batch", file.path(), "--no-lint", "--now", kNowText},
                             {"", kEnv, -1});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  // On standard error, one line per rejection in input order ("FILE:LINE: code: ..."), then
  // the summary.
  std::vector<std::size_t> reported;
  const std::string prefix = file.path() + ":";
  for (std::size_t at = r.err.find(prefix); at != std::string::npos;
       at = r.err.find(prefix, at + 1)) {
    reported.push_back(std::stoul(r.err.substr(at + prefix.size())));
  }
  CHECK(reported == rejected_lines);
  // 1,000,000 lines less 2,000 skipped: 998,000 tokens, 10 rejected.
  CHECK(r.err.find("chatjwt: 998000 tokens: 997990 valid, 10 rejected") != std::string::npos);
#ifndef CHATJWT_TESTS_SANITIZED
  // Memory does not grow with the number of lines.
  const auto [status, kb] =
      peak_rss_kb({"verify", "--batch", "-", "--no-lint", "--now", kNowText}, file.path(), kEnv);
  CHECK(status == 1);
  const TempFile small(good + "\n");
  const auto [small_status, small_kb] =
      peak_rss_kb({"verify", "--batch", "-", "--no-lint", "--now", kNowText}, small.path(), kEnv);
  CHECK(small_status == 0);
  CAPTURE(small_kb);
  CAPTURE(kb);
  CHECK(kb - small_kb < 4 * 1024);
#endif
}
