#!/usr/bin/env python3
"""Differential test: chatjwt, PyJWT (Debian's python3-jwt) and jsonwebtoken (npm) judge the
same few thousand generated tokens, valid and broken.

Every token comes with the verdict each implementation is expected to give: accepted, or
rejected (for chatjwt, with the contract's code). Where chatjwt's verdict differs from a peer's,
the difference is a named, deliberate one (DIFFERENCES below); any other disagreement, and any
named difference that no longer shows, fails the test. Then tokens made by `chatjwt sign` must
verify in both peers, with the same claims.

Usage: differential.py CHATJWT JSONWEBTOKEN_DIR [COUNT]
  JSONWEBTOKEN_DIR holds node_modules/jsonwebtoken (tests/interop/install_jsonwebtoken.sh).
Exits 1 on any failure.
"""
import base64
import collections
import hashlib
import hmac
import json
import os
import random
import subprocess
import sys
import tempfile
import time

import jwt  # PyJWT

CHATJWT = sys.argv[1]
JSONWEBTOKEN_DIR = sys.argv[2]
COUNT = int(sys.argv[3]) if len(sys.argv) > 3 else 3000
HERE = os.path.dirname(os.path.abspath(__file__))
SECRET = "differential-secret-0123456789abcdef-0123"
OTHER = "another-secret-entirely-0123456789abcdef"
# PyJWT reads the real clock; chatjwt and jsonwebtoken are given the same second. Every time
# claim below is at least 10 minutes from it, so the run's own duration cannot flip a verdict.
NOW = int(time.time())
MARGIN = 600

# Deliberate differences: chatjwt follows the contract (I-JSON, strict base64url, RFC 7515's
# crit), where a peer is more lenient; or a peer checks what the contract leaves alone.
DIFFERENCES = {
    "repeated-names": "chatjwt: a repeated member name is malformed (RFC 7493 §2.3); "
                      "the peers keep the last value",
    "padding": "chatjwt: '=' padding is malformed (RFC 7515 §2); PyJWT decodes it",
    "noncanonical-bits": "chatjwt: non-zero unused bits are malformed (one spelling per MAC); "
                         "PyJWT ignores them",
    "standard-alphabet": "chatjwt: '+' and '/' are malformed; PyJWT maps them onto '-' and '_'",
    "invalid-utf8": "chatjwt: invalid UTF-8 is malformed (I-JSON); jsonwebtoken replaces it "
                    "with U+FFFD, PyJWT lets a surrogate written in UTF-8 through",
    "lone-surrogate": "chatjwt: an escaped lone surrogate is malformed (I-JSON); the peers "
                      "accept it",
    "noncharacter": "chatjwt: a noncharacter is malformed (I-JSON); the peers accept it",
    "number-overflow": "chatjwt: a number beyond a double is malformed (I-JSON); the peers read "
                       "infinity",
    "deep-nesting": "chatjwt: more than 64 levels of nesting is malformed; the peers allow more",
    "nan": "chatjwt: NaN is not JSON; PyJWT's json module reads it",
    "bom": "chatjwt: a byte-order mark is malformed (I-JSON); PyJWT skips it",
    "crit": "chatjwt: a crit header is refused (RFC 7515 §4.1.11: no extension is understood); "
            "jsonwebtoken ignores crit (and so did PyJWT before Debian's fix for CVE-2026-32597)",
    "non-object-payload": "chatjwt: a payload that is not a JSON object is no JWT (RFC 7519 §7.2); "
                          "jsonwebtoken accepts any JSON value (a string, an array, 42)",
    "not-json-payload": "chatjwt: a payload that is not JSON is malformed; jsonwebtoken keeps it "
                        "as a string when the header has no typ JWT",
    "numeric-string-times": "chatjwt: exp/nbf/iat must be JSON numbers (RFC 7519 §2 NumericDate); "
                            "PyJWT converts numeric strings with int()",
    "iat-type": "chatjwt: iat must be a number (RFC 7519 §2 NumericDate); jsonwebtoken checks "
                "iat only with maxAge",
    "iat-future": "PyJWT 2.6 rejects an iat in the future; the contract leaves iat unchecked "
                  "(lint warns)",
}

rng = random.Random(20261122)


def pyjwt_validates_headers():
    """Debian's python3-jwt 2.6.0-1+deb12u1 (CVE-2026-32597) rejects a crit it does not
    understand, and since it checks headers on decode, a kid that is not a string; 2.6.0-1 did
    neither. The test expects whichever is installed to behave consistently."""
    signing_input = (base64.urlsafe_b64encode(b'{"alg":"HS256","crit":["x-probe"]}').rstrip(b"=").decode()
                     + "." + base64.urlsafe_b64encode(b'{"a":1}').rstrip(b"=").decode())
    signature = hmac.new(SECRET.encode(), signing_input.encode(), hashlib.sha256).digest()
    token = signing_input + "." + base64.urlsafe_b64encode(signature).rstrip(b"=").decode()
    try:
        jwt.decode(token, SECRET, algorithms=["HS256"])
        return False
    except jwt.InvalidTokenError:
        return True


PYJWT_CHECKS_HEADERS = pyjwt_validates_headers()
if PYJWT_CHECKS_HEADERS:
    DIFFERENCES["kid-type"] = ("PyJWT (with the CVE-2026-32597 fix) rejects a kid that is not a "
                               "string; the contract leaves kid unchecked (lint warns)")


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def mac(secret: str, signing_input: str) -> bytes:
    return hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()


def compact(header, payload, secret=SECRET):
    """header and payload as dicts (serialised) or bytes/str (used as they are)."""
    def raw(part):
        if isinstance(part, (dict, list)):
            return json.dumps(part, separators=(",", ":"), ensure_ascii=rng.random() < 0.5).encode()
        return part.encode() if isinstance(part, str) else part
    signing_input = b64(raw(header)) + "." + b64(raw(payload))
    return signing_input + "." + b64(mac(secret, signing_input))


WORDS = ["Jane", "Doe", "Zoë", "Łukasz", "山田", "太郎", "Renée", "O'Brien", "🙂", "plan", "pro",
         "vip", "gold", "a\"quote", "back\\slash", "tab\there", "ünïcödé"]


def text():
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def value(depth=0):
    kind = rng.randint(0, 6 if depth < 3 else 3)
    if kind == 0:
        return text()
    if kind == 1:
        return rng.randint(-10**15, 10**15)
    if kind == 2:
        return rng.choice([True, False, None])
    if kind == 3:
        return round(rng.uniform(-1e6, 1e6), rng.randint(0, 6))
    if kind in (4, 5):
        return {f"k{i}_{rng.randint(0, 99)}": value(depth + 1) for i in range(rng.randint(0, 4))}
    return [value(depth + 1) for _ in range(rng.randint(0, 4))]


def header(**extra):
    h = {"alg": "HS256"}
    if rng.random() < 0.8:
        h["typ"] = rng.choice(["JWT", "JWT", "jwt", "application/jwt"])
    if rng.random() < 0.2:
        h["kid"] = rng.choice(["k1", "2026-04", "primary"])
    h.update(extra)
    return h


def claims(**times):
    """A Convrs- or Eloquent-like payload whose time claims keep MARGIN from NOW."""
    p = {}
    if rng.random() < 0.5:
        p["userId"] = f"user-{rng.randint(1, 10**6)}"
        p["email"] = f"user{rng.randint(1, 999)}@example.com"
        p["name"] = text()
        if rng.random() < 0.5:
            p["userData"] = {f"f{i}": value(1) for i in range(rng.randint(0, 5))}
        if rng.random() < 0.3:
            p["agentData"] = [{"label": text(), "value": text()} for _ in range(rng.randint(0, 3))]
    else:
        p["user_id"] = f"u{rng.randint(1, 10**6)}"
        p["email"] = f"jane{rng.randint(1, 999)}@example.com"
        p.update({f"custom{i}": value(1) for i in range(rng.randint(0, 4))})
    if rng.random() < 0.8:
        p["iat"] = NOW - rng.randint(MARGIN, 7200)
    if rng.random() < 0.9:
        p["exp"] = NOW + rng.randint(MARGIN, 86400)
    if rng.random() < 0.2:
        p["nbf"] = NOW - rng.randint(MARGIN, 3600)
    p.update(times)
    if rng.random() < 0.5:  # member order does not matter
        items = list(p.items())
        rng.shuffle(items)
        p = dict(items)
    return p


# Each generator returns (token, chatjwt's code or None, {peer: True when it accepts},
# difference name or None). Peers not named agree with chatjwt about acceptance.
ACCEPT = None


def agreed(token, code):
    return token, code, {}, None


def gen_valid():
    return agreed(compact(header(), claims()), ACCEPT)


def gen_float_times():
    return agreed(compact(header(), claims(exp=NOW + MARGIN + rng.random() * 1e5 + 0.5)), ACCEPT)


def gen_expired():
    return agreed(compact(header(), claims(exp=NOW - rng.randint(MARGIN, 10**8))), "expired")


def gen_not_yet_valid():
    return agreed(compact(header(), claims(nbf=NOW + rng.randint(MARGIN, 10**6))), "not_yet_valid")


def gen_wrong_secret():
    secret = rng.choice([OTHER, SECRET[:-1], SECRET + "\n", SECRET.upper(), " " + SECRET])
    return agreed(compact(header(), claims(), secret), "bad_signature")


def gen_tampered():
    token = compact(header(), claims())
    forged = b64(json.dumps(claims(userId="admin", user_id="admin")).encode())
    parts = token.split(".")
    return agreed(parts[0] + "." + forged + "." + parts[2], "bad_signature")


def gen_signature_length():
    token = compact(header(), claims())
    signing_input, signature = token.rsplit(".", 1)
    raw = base64.urlsafe_b64decode(signature + "=")
    cut = rng.choice([0, 1, 16, 20, 31, 33, 64])
    raw = raw[:cut] if cut <= 32 else raw + bytes(cut - 32)
    return agreed(signing_input + "." + b64(raw), "bad_signature")


def gen_algorithm():
    alg = rng.choice(["none", "None", "NONE", "HS384", "HS512", "hs256", "RS256", "", None, "missing"])
    h = header()
    if alg == "missing":
        del h["alg"]
    else:
        h["alg"] = alg
    token = compact(h, claims())
    if alg in ("none", "None", "NONE") and rng.random() < 0.7:
        token = token.rsplit(".", 1)[0] + "."
    if alg in ("HS384", "HS512"):  # signed properly with that algorithm
        digest = hashlib.sha384 if alg == "HS384" else hashlib.sha512
        signing_input = token.rsplit(".", 1)[0]
        token = signing_input + "." + b64(hmac.new(SECRET.encode(), signing_input.encode(),
                                                   digest).digest())
    return agreed(token, "unsupported_algorithm")


def gen_structure():
    token = compact(header(), claims())
    parts = token.split(".")
    variant = rng.choice(["two", "four", "one", "empty-header", "empty-payload", "dots"])
    bad = {"two": ".".join(parts[:2]), "four": token + "." + parts[2], "one": parts[1],
           "empty-header": "." + parts[1] + "." + parts[2],
           "empty-payload": parts[0] + ".." + parts[2], "dots": ".."}[variant]
    return agreed(bad, "malformed")


def gen_json_syntax():
    body = json.dumps(claims(), separators=(",", ":"))
    variant = rng.choice(["trailing-comma", "comment", "single-quotes", "unquoted", "truncated",
                          "two-objects"])
    bad = {"trailing-comma": body[:-1] + ",}", "comment": "/*x*/" + body,
           "single-quotes": body.replace('"', "'"), "unquoted": body.replace('"email"', "email"),
           "truncated": body[:-1], "two-objects": body + body}[variant]
    h = header(typ="JWT")  # with typ JWT, jsonwebtoken parses the payload as JSON too
    return agreed(compact(h, bad), "malformed")


def gen_not_json_untyped():
    h = header()
    h.pop("typ", None)
    body = json.dumps(claims(), separators=(",", ":"))
    bad = rng.choice([body[:-1] + ",}", "/*x*/" + body, body.replace('"', "'"), "hello " + text()])
    return compact(h, bad), "malformed", {"jsonwebtoken": True}, "not-json-payload"


def gen_non_object_payload():
    payload = rng.choice([json.dumps(text()), "[1,2,3]", json.dumps([claims()]), "42", "true",
                          "null"])
    typ = rng.random() < 0.5
    h = header(typ="JWT") if typ else {"alg": "HS256"}
    # jsonwebtoken passes any value but null, which it parses only with typ JWT (and then fails
    # reading null.nbf); without typ JWT the payload stays the string "null" and passes.
    lenient = not (payload == "null" and typ)
    return (compact(h, payload), "malformed", {"jsonwebtoken": lenient},
            "non-object-payload" if lenient else None)


def gen_repeated_names():
    where = rng.choice(["exp", "alg", "nested"])
    p = claims()
    if where == "exp":  # the first says expired, the last (which the peers keep) says valid
        body = json.dumps(p)[:-1] + f',"exp":{NOW + 3600}}}'
        body = '{"exp":' + str(NOW - 3600) + "," + body[1:]
        return compact(header(), body), "malformed", {"pyjwt": True, "jsonwebtoken": True}, "repeated-names"
    if where == "alg":
        h = '{"alg":"none","typ":"JWT","alg":"HS256"}'
        return compact(h, p), "malformed", {"pyjwt": True, "jsonwebtoken": True}, "repeated-names"
    p.pop("userData", None)
    body = json.dumps(p)[:-1] + ',"userData":{"plan":"free","plan":"vip"}}'
    return compact(header(), body), "malformed", {"pyjwt": True, "jsonwebtoken": True}, "repeated-names"


def gen_padding():
    for _ in range(100):
        token = compact(header(), claims())
        parts = token.split(".")
        if len(parts[1]) % 4:
            break
    padded = parts[1] + "=" * (-len(parts[1]) % 4)
    signing_input = parts[0] + "." + padded
    # PyJWT MACs the text as it stands, padding included, and decodes the padded segment.
    return (signing_input + "." + b64(mac(SECRET, signing_input)), "malformed",
            {"pyjwt": True}, "padding")


def gen_noncanonical_bits():
    token = compact(header(), claims())
    signing_input, signature = token.rsplit(".", 1)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(signature[-1])
    changed = signature[:-1] + alphabet[(last & ~3) | rng.randint(1, 3)]
    return signing_input + "." + changed, "malformed", {"pyjwt": True}, "noncanonical-bits"


def gen_standard_alphabet():
    for _ in range(1000):
        token = compact(header(), claims())
        signing_input, signature = token.rsplit(".", 1)
        if "-" in signature or "_" in signature:
            break
    changed = signature.replace("-", "+").replace("_", "/")
    return signing_input + "." + changed, "malformed", {"pyjwt": True}, "standard-alphabet"


def with_raw_name(raw: bytes):
    p = claims()
    p.pop("name", None)
    return json.dumps(p).encode()[:-1] + b', "name": "' + raw + b'"}'


def gen_invalid_utf8():
    raw = rng.choice([b"\xc0\xaf", b"Jos\xe9", b"\xed\xa0\x80", b"\xff", b"\xe2\x82", b"\xf4\x90\x80\x80"])
    h = header(typ="JWT")
    # PyJWT's json.loads reads bytes with 'surrogatepass': a surrogate written in UTF-8 passes.
    pyjwt = raw == b"\xed\xa0\x80"
    return (compact(h, with_raw_name(raw)), "malformed", {"jsonwebtoken": True, "pyjwt": pyjwt},
            "invalid-utf8")


def gen_lone_surrogate():
    raw = rng.choice([b"\\ud800", b"\\udfff", b"x\\ud83dy", b"\\ude00\\ud83d"])
    return compact(header(), with_raw_name(raw)), "malformed", {"pyjwt": True, "jsonwebtoken": True}, "lone-surrogate"


def gen_noncharacter():
    raw = rng.choice([b"\\uffff", b"\\ufffe", b"\\ufdd0", b"\xef\xbf\xbf", b"\\ud83f\\udffe"])
    return compact(header(), with_raw_name(raw)), "malformed", {"pyjwt": True, "jsonwebtoken": True}, "noncharacter"


def gen_number_overflow():
    p = claims()
    number = rng.choice(["1e400", "-1e400", "1" + "0" * 400, "2e308"])
    body = json.dumps(p)[:-1] + ', "score": ' + number + "}"
    return compact(header(), body), "malformed", {"pyjwt": True, "jsonwebtoken": True}, "number-overflow"


def gen_deep_nesting():
    depth = rng.randint(64, 300)  # the payload is level 1: 64 more is 65
    body = json.dumps(claims())[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    return compact(header(), body), "malformed", {"pyjwt": True, "jsonwebtoken": True}, "deep-nesting"


def gen_nesting_within_limit():
    depth = rng.randint(1, 63)
    body = json.dumps(claims())[:-1] + ', "deep": ' + "[" * depth + "]" * depth + "}"
    return agreed(compact(header(), body), ACCEPT)


def gen_nan():
    body = json.dumps(claims())[:-1] + ', "score": ' + rng.choice(["NaN", "Infinity", "-Infinity"]) + "}"
    return compact(header(typ="JWT"), body), "malformed", {"pyjwt": True}, "nan"


def gen_bom():
    body = b"\xef\xbb\xbf" + json.dumps(claims()).encode()
    return compact(header(typ="JWT"), body), "malformed", {"pyjwt": True}, "bom"


def gen_crit():
    h = header(crit=rng.choice([["exp"], ["b64"], [], ["x-custom"]]))
    return (compact(h, claims()), "unsupported_header",
            {"pyjwt": not PYJWT_CHECKS_HEADERS, "jsonwebtoken": True}, "crit")


def gen_numeric_string_times():
    name = rng.choice(["exp", "nbf", "iat"])
    when = {"exp": NOW + 3600, "nbf": NOW - 3600, "iat": NOW - 3600}[name]
    token = compact(header(), claims(**{name: str(when)}))
    if name == "iat":  # PyJWT compares the string with a number (TypeError); jsonwebtoken skips iat
        return token, "invalid_claim", {"jsonwebtoken": True}, "iat-type"
    return token, "invalid_claim", {"pyjwt": True}, "numeric-string-times"


def gen_bad_time_types():
    name = rng.choice(["exp", "nbf"])
    bad = rng.choice([None, "soon", [], {}, "1e3x"])
    return agreed(compact(header(), claims(**{name: bad})), "invalid_claim")


def gen_iat_type():
    bad = rng.choice(["yesterday", None])
    return compact(header(), claims(iat=bad)), "invalid_claim", {"jsonwebtoken": True}, "iat-type"


def gen_iat_future():
    iat = NOW + rng.randint(MARGIN, 10**6)
    token = compact(header(), claims(iat=iat, exp=iat + 3600))
    return token, ACCEPT, {"pyjwt": False}, "iat-future"


def gen_kid_type():
    token = compact(header(kid=rng.choice([1, None, ["k1"], {"id": "k1"}, True])), claims())
    if PYJWT_CHECKS_HEADERS:
        return token, ACCEPT, {"pyjwt": False}, "kid-type"
    return agreed(token, ACCEPT)


def gen_odd_headers():
    h = header(kid=rng.choice(["../../dev/null", "x' OR '1'='1", "k1"]),
               jku="https://attacker.example/jwks.json", x5u="https://attacker.example/cert",
               cty=rng.choice(["JWT", "json"]))
    return agreed(compact(h, claims()), ACCEPT)


GENERATORS = [  # (weight, generator)
    (20, gen_valid), (4, gen_float_times), (8, gen_expired), (6, gen_not_yet_valid),
    (6, gen_wrong_secret), (4, gen_tampered), (4, gen_signature_length), (6, gen_algorithm),
    (4, gen_structure), (4, gen_json_syntax), (2, gen_not_json_untyped), (3, gen_non_object_payload),
    (3, gen_repeated_names), (2, gen_padding), (2, gen_noncanonical_bits), (2, gen_standard_alphabet),
    (2, gen_invalid_utf8), (2, gen_lone_surrogate), (2, gen_noncharacter), (2, gen_number_overflow),
    (2, gen_deep_nesting), (2, gen_nesting_within_limit), (2, gen_nan), (1, gen_bom), (2, gen_crit),
    (2, gen_numeric_string_times), (3, gen_bad_time_types), (2, gen_iat_type), (2, gen_iat_future),
    (2, gen_kid_type), (2, gen_odd_headers),
]


def make_cases(count):
    cases = []
    # Every generator at least 20 times, the rest by weight.
    for _, generator in GENERATORS:
        for _ in range(20):
            cases.append((generator.__name__[4:],) + generator())
    weights = [w for w, _ in GENERATORS]
    while len(cases) < count:
        generator = rng.choices([g for _, g in GENERATORS], weights)[0]
        cases.append((generator.__name__[4:],) + generator())
    return cases


def judge_chatjwt(tokens):
    with tempfile.NamedTemporaryFile("w", suffix=".tokens", delete=False) as f:
        f.write("\n".join(tokens) + "\n")
        path = f.name
    try:
        r = subprocess.run([CHATJWT, "verify", "--batch", path, "--json", "--no-lint", "--profile",
                            "generic", "--now", str(NOW), "--secret-env", "DIFF_SECRET"],
                           capture_output=True, text=True, timeout=600,
                           env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DIFF_SECRET": SECRET})
    finally:
        os.unlink(path)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    if len(rows) != len(tokens):
        sys.exit(f"chatjwt judged {len(rows)} of {len(tokens)} tokens (exit {r.returncode}): {r.stderr[:500]}")
    return [None if row["valid"] else row["error"]["code"] for row in rows]


def judge_pyjwt(tokens):
    verdicts = []
    for token in tokens:
        try:
            jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_aud": False})
            verdicts.append((True, ""))
        except Exception as e:  # noqa: BLE001 (TypeError and OverflowError escape PyJWT too)
            verdicts.append((False, type(e).__name__))
    return verdicts


def judge_jsonwebtoken(tokens, secret=SECRET):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump({"now": NOW, "secret": secret, "tokens": tokens}, f)
        path = f.name
    try:
        node = os.environ.get("CHATJWT_NODE", "node")
        r = subprocess.run([node, os.path.join(HERE, "jsonwebtoken_verify.js"), JSONWEBTOKEN_DIR, path],
                           capture_output=True, text=True, timeout=600)
    finally:
        os.unlink(path)
    if r.returncode != 0:
        sys.exit(f"node failed: {r.stderr[:2000]}")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    return [(row["valid"], row.get("name", "") + ": " + row.get("message", "")) for row in rows]


# How each peer names the rejections both make for the same reason.
PEER_REASONS = {
    "expired": ("ExpiredSignatureError", "TokenExpiredError"),
    "not_yet_valid": ("ImmatureSignatureError", "NotBeforeError"),
    "bad_signature": ("InvalidSignatureError", "JsonWebTokenError: invalid signature"),
    "unsupported_algorithm": ("InvalidAlgorithmError", "JsonWebTokenError: invalid algorithm"),
}


def main():
    cases = make_cases(COUNT)
    tokens = [c[1] for c in cases]
    started = time.time()
    ours = judge_chatjwt(tokens)
    pyjwt = judge_pyjwt(tokens)
    node = judge_jsonwebtoken(tokens)
    failures = []
    seen_differences = collections.Counter()
    families = collections.Counter(c[0] for c in cases)
    for i, (family, token, code, peers, difference) in enumerate(cases):
        where = f"case {i} ({family}) {token[:120]}"
        if ours[i] != code:
            failures.append(f"{where}: chatjwt says {ours[i] or 'valid'}, expected {code or 'valid'}")
        for name, (accepted, detail) in (("pyjwt", pyjwt[i]), ("jsonwebtoken", node[i])):
            expected = peers.get(name, code is None)
            if accepted != expected:
                failures.append(f"{where}: {name} {'accepts' if accepted else 'rejects (' + detail + ')'}, "
                                f"expected it to {'accept' if expected else 'reject'}")
            reason = PEER_REASONS.get(code)
            if (reason and not accepted and difference is None and family not in ("signature_length", "algorithm")
                    and not detail.startswith(reason[0 if name == "pyjwt" else 1])):
                failures.append(f"{where}: {name} rejects for another reason: {detail}")
            if accepted != (ours[i] is None):
                if difference is None:
                    failures.append(f"{where}: {name} and chatjwt disagree, and no difference is named")
                else:
                    seen_differences[(difference, name)] += 1
    named = {d for d, _ in seen_differences}
    for difference in DIFFERENCES:
        if difference not in named:
            failures.append(f"the named difference '{difference}' was not seen: remove it or fix its generator")

    # chatjwt's own tokens verify in both peers, with the claims it signed.
    signed, payloads = [], []
    for _ in range(150):
        p = claims()
        p.pop("exp", None)
        p.pop("iat", None)
        p.pop("nbf", None)
        r = subprocess.run([CHATJWT, "sign", "-", "--now", str(NOW), "--force", "--secret-env", "S",
                            "--expires-in", str(rng.randint(MARGIN, 86400))],
                           input=json.dumps(p), capture_output=True, text=True, timeout=60,
                           env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "S": SECRET})
        if r.returncode != 0:
            failures.append(f"chatjwt sign failed ({r.returncode}): {r.stderr[:300]}")
            continue
        signed.append(r.stdout.strip())
        payloads.append(p)
    node_signed = judge_jsonwebtoken(signed)
    for token, p, (node_ok, node_detail) in zip(signed, payloads, node_signed):
        try:
            claims_read = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_aud": False})
            if {k: v for k, v in claims_read.items() if k not in ("exp", "iat")} != p:
                failures.append(f"PyJWT reads other claims from chatjwt's token {token[:80]}")
            if claims_read["iat"] != NOW or claims_read["exp"] <= NOW:
                failures.append(f"PyJWT reads iat/exp {claims_read['iat']}/{claims_read['exp']}")
        except Exception as e:  # noqa: BLE001
            failures.append(f"PyJWT rejects chatjwt's token {token[:80]}: {type(e).__name__}: {e}")
        if not node_ok:
            failures.append(f"jsonwebtoken rejects chatjwt's token {token[:80]}: {node_detail}")

    elapsed = time.time() - started
    print(f"PyJWT checks crit and kid on decode (Debian's CVE-2026-32597 fix): "
          f"{'yes' if PYJWT_CHECKS_HEADERS else 'no'}")
    print(f"{len(cases)} tokens in {len(families)} families, judged by chatjwt, PyJWT {jwt.__version__} "
          f"and jsonwebtoken; {len(signed)} tokens signed by chatjwt checked in both ({elapsed:.1f} s)")
    print(f"chatjwt accepted {sum(v is None for v in ours)}, rejected {sum(v is not None for v in ours)}")
    for difference, reason in DIFFERENCES.items():
        counts = ", ".join(f"{peer} {n}" for (d, peer), n in sorted(seen_differences.items()) if d == difference)
        print(f"difference {difference}: {counts or 'not seen'}: {reason}")
    by_family = collections.Counter(f.split("(", 1)[1].split(")", 1)[0] for f in failures if "(" in f)
    if by_family:
        print("failures by family: " + ", ".join(f"{k} {v}" for k, v in by_family.most_common()))
    for failure in failures[:60]:
        print("FAIL " + failure)
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print("all verdicts as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
