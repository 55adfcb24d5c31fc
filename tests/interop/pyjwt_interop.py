#!/usr/bin/env python3
"""Tokens made by PyJWT (Debian's python3-jwt) judged by chatjwt, and chatjwt's tokens read by PyJWT.

Usage: pyjwt_interop.py PATH_TO_CHATJWT
Prints one line per case and "N passed, M failed"; exits 1 on any failure.
"""
import base64
import json
import os
import subprocess
import sys
import time

import jwt  # PyJWT

CHATJWT = sys.argv[1]
NOW = 1776954600  # 2026-04-23T14:30:00Z, the --now of every verify below
SECRET = "interop-secret-0123456789abcdef-0123456789"
OTHER = "some-other-secret-0123456789abcdef-012345"

passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def chatjwt(args, env=None, stdin=None):
    full_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    full_env.update(env or {})
    return subprocess.run([CHATJWT] + args, input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=60)


def verify(token, secret=SECRET, extra=()):
    r = chatjwt(["verify", "--json", "--now", str(NOW), "--secret-env", "K", *extra, token],
                env={"K": secret})
    try:
        return r.returncode, json.loads(r.stdout)
    except json.JSONDecodeError:
        return r.returncode, {"error": {"code": "no json: " + r.stderr}}


def code(result):
    rc, obj = result
    return "valid" if rc == 0 and obj.get("valid") else (obj.get("error") or {}).get("code")


CONVRS = json.load(open(os.path.join(os.path.dirname(__file__), "..", "data",
                                     "convrs-complete.json")))

# PyJWT -> chatjwt verify
cases = [
    ("convrs complete payload", dict(CONVRS, iat=NOW, exp=NOW + 3600), {}, SECRET, "HS256", "valid"),
    ("eloquent example", {"user_id": "u-1", "email": "jane@example.com", "plan": "pro",
                          "exp": NOW + 3600}, {}, SECRET, "HS256", "valid"),
    ("generic, kid header", {"sub": "x", "exp": NOW + 60}, {"kid": "k1"}, SECRET, "HS256", "valid"),
    ("unicode claims", {"userId": "u", "name": "Zoë 😀 Ωmega", "exp": NOW + 60}, {}, SECRET,
     "HS256", "valid"),
    ("float exp", {"sub": "x", "exp": NOW + 0.5}, {}, SECRET, "HS256", "valid"),
    ("no exp", {"sub": "x"}, {}, SECRET, "HS256", "valid"),
    ("wrong secret", {"sub": "x", "exp": NOW + 60}, {}, OTHER, "HS256", "bad_signature"),
    ("HS384", {"sub": "x", "exp": NOW + 60}, {}, SECRET, "HS384", "unsupported_algorithm"),
    ("HS512", {"sub": "x", "exp": NOW + 60}, {}, SECRET, "HS512", "unsupported_algorithm"),
    ("alg none", {"sub": "x"}, {}, None, "none", "unsupported_algorithm"),
    ("expired", {"userId": "u", "exp": NOW - 1}, {}, SECRET, "HS256", "expired"),
    ("expires exactly now", {"userId": "u", "exp": NOW}, {}, SECRET, "HS256", "expired"),
    ("not yet valid", {"userId": "u", "nbf": NOW + 30}, {}, SECRET, "HS256", "not_yet_valid"),
    ("eloquent user_id a number", {"user_id": 42}, {}, SECRET, "HS256", "invalid_claim"),
    ("email only: generic by detection", {"email": "a@b.c"}, {}, SECRET, "HS256", "valid"),
    ("crit header", {"sub": "x"}, {"crit": ["exp"]}, SECRET, "HS256", "unsupported_header"),
]
for name, payload, headers, key, algorithm, expected in cases:
    token = jwt.encode(payload, key, algorithm=algorithm, headers=headers or None)
    got = code(verify(token))
    check(f"PyJWT -> chatjwt: {name}: {expected}", got == expected, f"got {got}")

# The same tokens as one batch, in order.
tokens = [jwt.encode(p, k, algorithm=a, headers=h or None) for _, p, h, k, a, _ in cases]
r = chatjwt(["verify", "--json", "--now", str(NOW), "--secret-env", "K", "--batch", "-"],
            env={"K": SECRET}, stdin="\n".join(tokens) + "\n")
lines = [json.loads(line) for line in r.stdout.splitlines()]
check("PyJWT -> chatjwt: batch of all, in order", len(lines) == len(cases) and all(
    (line["error"] or {}).get("code", "valid") == case[5] and line["line"] == i + 1
    for i, (line, case) in enumerate(zip(lines, cases))), r.stdout[:300])
check("PyJWT -> chatjwt: batch exit status 1 (some rejected)", r.returncode == 1)

# Rotation: PyJWT signs with the new secret; chatjwt tries old then new.
token = jwt.encode({"userId": "u", "exp": NOW + 60}, SECRET, algorithm="HS256")
r = chatjwt(["verify", "--json", "--now", str(NOW), "--secret-env", "OLD", "--secret-env", "NEW",
             token], env={"OLD": OTHER, "NEW": SECRET})
check("PyJWT -> chatjwt: rotation, secret_index 1", json.loads(r.stdout)["secret_index"] == 1)

# chatjwt sign -> PyJWT decode (real clock, so PyJWT's own exp check applies)
def sign(args, payload=None, secret=SECRET, encoding=None):
    extra = ["--secret-encoding", encoding] if encoding else []
    r = chatjwt(["sign", "--secret-env", "K", *extra, *args] + (["-"] if payload else []),
                env={"K": secret}, stdin=json.dumps(payload) if payload else None)
    return r.returncode, r.stdout.strip(), r.stderr

before = int(time.time())
rc, token, err = sign([], dict(CONVRS))
decoded = jwt.decode(token, SECRET, algorithms=["HS256"])
check("chatjwt -> PyJWT: convrs payload round-trips", rc == 0 and all(
    decoded[k] == v for k, v in CONVRS.items()), err)
check("chatjwt -> PyJWT: exp is iat + 3600, iat is now",
      decoded["exp"] - decoded["iat"] == 3600 and before <= decoded["iat"] <= int(time.time()))
check("chatjwt -> PyJWT: header is exactly alg and typ",
      jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT"})

rc, token, err = sign(["--claim", "user_id=u-9", "--claim", "vip=true", "--expires-in", "90"])
decoded = jwt.decode(token, SECRET, algorithms=["HS256"])
check("chatjwt -> PyJWT: --claim values and --expires-in",
      decoded["user_id"] == "u-9" and decoded["vip"] is True and decoded["exp"] - decoded["iat"] == 90)

raw = bytes(range(48))
rc, token, err = sign([], {"sub": "bytes"}, secret=base64.b64encode(raw).decode(), encoding="base64")
check("chatjwt -> PyJWT: a base64 secret is its decoded bytes",
      jwt.decode(token, raw, algorithms=["HS256"])["sub"] == "bytes")
rc, token, err = sign([], {"sub": "hex"}, secret=raw.hex().upper(), encoding="hex")
check("chatjwt -> PyJWT: a hex secret is its decoded bytes",
      jwt.decode(token, raw, algorithms=["HS256"])["sub"] == "hex")

try:
    rc, token, err = sign([], {"sub": "x"})
    jwt.decode(token, OTHER, algorithms=["HS256"])
    check("chatjwt -> PyJWT: another secret is refused", False)
except jwt.InvalidSignatureError:
    check("chatjwt -> PyJWT: another secret is refused", True)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
