#!/usr/bin/env python3
"""Writes COUNT distinct HS256 tokens, one per line, for the benchmarks.

Each token carries PAYLOAD.json (default: the Convrs document's complete example) with its own
userId and iat, and a one-hour lifetime: exp = iat + 3600, with iat spread over the 50 minutes
before NOW. Distinct tokens keep any verifier-side cache out of the figures.

usage: make_tokens.py COUNT SECRET NOW_EPOCH [PAYLOAD.json] > tokens.txt
"""
import base64
import hashlib
import hmac
import json
import sys


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def main() -> int:
    if len(sys.argv) not in (4, 5):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    count, secret, now = int(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3])
    path = sys.argv[4] if len(sys.argv) == 5 else None
    if path is None:
        import os
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data",
                            "convrs-complete.json")
    with open(path, encoding="utf-8") as f:
        payload = json.load(f)
    header = b64url(b'{"alg":"HS256","typ":"JWT"}')
    out = sys.stdout
    for i in range(count):
        payload["userId"] = f"user-{i:08d}"
        payload["iat"] = now - 3000 + i % 3000
        payload["exp"] = payload["iat"] + 3600
        body = b64url(json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode())
        signing_input = f"{header}.{body}"
        mac = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
        out.write(f"{signing_input}.{b64url(mac)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
