#!/usr/bin/env python3
"""Verifies every token of a file in-process with PyJWT; prints "pyjwt TOKENS SECONDS".

usage: pyjwt_verify.py TOKENS_FILE SECRET        (the loop only is timed)
       pyjwt_verify.py --one TOKEN SECRET        (one token: for process start-up times)
PyJWT reads the real clock, so the tokens must be valid now (compare.sh makes them so).
"""
import sys
import time

import jwt


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--one":
        jwt.decode(sys.argv[2], sys.argv[3], algorithms=["HS256"])
        return 0
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="ascii") as f:
        tokens = [line.strip() for line in f if line.strip()]
    secret = sys.argv[2]
    valid = 0
    start = time.perf_counter()
    for token in tokens:
        try:
            jwt.decode(token, secret, algorithms=["HS256"])
            valid += 1
        except jwt.InvalidTokenError:
            pass
    seconds = time.perf_counter() - start
    if valid != len(tokens):
        print(f"pyjwt: only {valid} of {len(tokens)} tokens verified", file=sys.stderr)
        return 1
    print(f"pyjwt {len(tokens)} {seconds}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
