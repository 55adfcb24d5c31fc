#!/usr/bin/env python3
"""Writes the seed corpora under tests/fuzz/corpus from the test data and a few hand-picked
edge cases. Run it again after adding test data; libFuzzer grows its own corpus from these in
the build folder. Usage: make_seeds.py [tests/fuzz]"""
import base64
import hashlib
import hmac
import json
import pathlib
import sys

here = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent)
data = here.parent / "data"


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def token(header: bytes, payload: bytes, secret: bytes = b"a-secret-of-32-bytes-for-fuzzing") -> str:
    signing_input = b64(header) + "." + b64(payload)
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64(mac)


def write(target: str, seeds: list) -> None:
    folder = here / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for seed in seeds:
        raw = seed.encode() if isinstance(seed, str) else seed
        (folder / hashlib.sha1(raw).hexdigest()).write_bytes(raw)


payloads = [(data / name).read_bytes() for name in
            ("convrs-complete.json", "convrs-agentdata.json", "eloquent-example.json")]
cases = [json.loads(line) for line in (data / "wycheproof-jws-hs256.cases.jsonl").read_text().splitlines()]
tokens = [case["token"] for case in cases if case["token"].count(".") == 2][:40]
hs256 = b'{"alg":"HS256","typ":"JWT"}'
edge_json = [
    b'{}', b'{"a":1,"a":2}', b'{"a\\u0000":1,"a\\u0000":2}', b'{"x":[1,2,],}', b'// c\n{}',
    b'\xef\xbb\xbf{}', b'{"n":1e400}', b'{"n":-1e-400}', b'{"n":9007199254740993}',
    b'{"s":"\\ud800"}', b'{"s":"\\ud83d\\ude00"}', b'{"s":"\xc0\xaf"}', b'{"s":"\xed\xa0\x80"}',
    b'{"s":"\xf4\x90\x80\x80"}', b'{"s":"\xef\xbf\xbf"}', b'[' * 65 + b']' * 65,
    b'{"a":' * 64 + b'1' + b'}' * 64, b'{"a":NaN}', b'{"a":true,"b":false,"c":null}',
    b'{"exp":1.5e12,"iat":"now","nbf":-1}',
]
edge_headers = [
    b'{"alg":"none"}', b'{"alg":"None"}', b'{"alg":"NONE"}', b'{"alg":"nOnE"}', b'{"alg":"HS512"}',
    b'{"alg":"RS256"}', b'{"alg":"HS256","crit":["exp"]}', b'{"alg":"HS256","kid":"../../etc/passwd"}',
    b'{"alg":"HS256","jku":"https://attacker.example/jwks"}', b'{"alg":"HS256","x5u":"http://x"}',
    b'{"alg":"HS256","alg":"none"}', b'{"alg":"HS256","b64":false,"crit":["b64"]}', b'{"alg":"HS256","zip":"DEF"}',
]

write("base64url", [b64(p) for p in payloads[:1]] + ["", "A", "AA", "AAA", "AB", "AAB", "eyJ9", "Zm9v=",
      "+/", "-_", "ab==", "YQ", "YR", "0123456789abcdef", "ZmY=", " YQ"])
write("json", payloads + edge_json + edge_headers)
token_seeds = []
for t in tokens + [token(hs256, p) for p in payloads] + [token(h, payloads[0]) for h in edge_headers] \
        + [token(hs256, p) for p in edge_json]:
    token_seeds.append(b"\x00" + t.encode())          # a token, auto profile
    token_seeds.append(b"\x02" + t.encode())          # a token, convrs
token_seeds += [b"\x01" + p for p in payloads + edge_json]  # payloads to sign and verify
# iat at the edges of integers: sign computed exp = iat + 3600 in int64 (overflow, fixed).
token_seeds += [b"\x01" + b'{"iat":' + n + b"}" for n in
                (b"9223372036854775807", b"18446744073709551615", b"-9223372036854775808")]
token_seeds += [b"\x00" + b"a.b.c", b"\x00" + b"..", b"\x00" + b"." * 10000, b"\x04" + tokens[0].encode() + b"="]
write("token", token_seeds)
lint_seeds = []
for selector in range(8):
    for p in payloads + edge_json[:6]:
        lint_seeds.append(bytes([selector << 1]) + p)
    lint_seeds.append(bytes([selector << 1 | 1]) + token(hs256, payloads[selector % 3]).encode())
write("lint", lint_seeds)
sample = token(hs256, payloads[0])
write("token_finder", [sample, "  " + sample + "\n", "Authorization: Bearer " + sample,
      '<script>window.ConvrsUser = {"userId":"1"}; jwt="' + sample + '"</script>',
      "curl -H 'x: " + sample + "' https://example.com", sample + " " + sample, sample + " " + tokens[0],
      sample + "=", "abc.def.ghi", "eyJ.eyJ.", "é " + sample, "ConvrsUser = {\"email\": \"a@b.c\"}"])
write("timespec", ["2026-04-23T14:30:00Z", "2026-04-23T14:30:00.123+02:00", "1776954600", "-1",
      "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2024-02-29T00:00:00-23:59", "2023-02-29T00:00:00Z",
      "90", "1h30m", "2d", "1d2h3m4s", "1H", "1m1h", "99999999999999999999", "18446744073709551616s",
      b"\x00\x00\x00\x00\x00\x00\xf0\x7f", b"\xff\xff\xff\xff\xff\xff\xff\x7f"])
