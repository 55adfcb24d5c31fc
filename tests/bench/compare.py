#!/usr/bin/env python3
"""The measuring half of compare.sh (which installs the peers first).

usage: compare.py CHATJWT PEERS_DIR TOKENS RUNS [chatjwt-only]

chatjwt-only: no peers and no one-token timings, only chatjwt's rows and its --jobs scaling.
"""
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SECRET = "bench-secret-0123456789abcdef-0123456789"


def run_timed(args, env=None):
    """Wall seconds of a whole process (start-up, reading, output to /dev/null included)."""
    start = time.perf_counter()
    done = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"compare: {' '.join(args[:3])}... failed ({done.returncode}): "
                 f"{done.stderr.decode()[-300:]}")
    return seconds


def run_reported(args):
    """Seconds of the peer's own verify loop (it prints 'NAME COUNT SECONDS')."""
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"compare: {' '.join(args[:3])}... failed: {done.stderr[-300:]}")
    return float(done.stdout.split()[2])


def main():
    chatjwt, peers, count, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    chatjwt_only = sys.argv[5:] == ["chatjwt-only"]
    now = int(time.time())  # PyJWT reads the clock: the tokens are valid for the next 10 min
    tokens = os.path.join(peers, "tokens.txt")
    with open(tokens, "w", encoding="ascii") as out:
        subprocess.run([sys.executable, os.path.join(HERE, "make_tokens.py"), str(count), SECRET,
                        str(now)], stdout=out, check=True)
    one = os.path.join(peers, "one-token.txt")
    with open(tokens, encoding="ascii") as f, open(one, "w", encoding="ascii") as o:
        first = f.readline().strip()
        o.write(first + "\n")
    env = dict(os.environ, CONVRS_SIGNING_SECRET=SECRET)
    cores = len(os.sched_getaffinity(0))

    def chatjwt_args(*extra):
        return [chatjwt, "verify", "--batch", tokens, "--now", str(now), *extra]

    node = os.path.join(HERE, "peers", "node_verify.js")
    pyjwt = os.path.join(HERE, "peers", "pyjwt_verify.py")
    # Each kind's --jobs 1 and --jobs N rows run back to back, in turn first, so that the
    # scaling of a run compares two measurements taken seconds apart on a machine whose speed
    # drifts from minute to minute.
    pairs = [
        ("chatjwt --no-lint", "plain", ("--no-lint",)),
        ("chatjwt --no-lint --json", "json", ("--no-lint", "--json")),
        ("chatjwt (lint on)", "lint", ()),
    ]
    rows = []
    for label, kind, extra in pairs:
        rows.append((f"{label} --jobs 1", kind,
                     lambda extra=extra: run_timed(chatjwt_args(*extra, "--jobs", "1"), env)))
        rows.append((f"{label} --jobs {cores}", kind + "-jobs",
                     lambda extra=extra: run_timed(chatjwt_args(*extra), env)))
    if not chatjwt_only:
        rows += [
            ("fast-jwt 4.0.5 (Node)", "peer", lambda: run_reported(["node", node, "fast-jwt", peers, tokens, SECRET, str(now)])),
            ("jsonwebtoken 9.0.3 (Node)", "peer", lambda: run_reported(["node", node, "jsonwebtoken", peers, tokens, SECRET, str(now)])),
            ("libjwt 1.10 (C)", "peer", lambda: run_reported([os.path.join(peers, "libjwt_verify"), tokens, SECRET, str(now)])),
            ("PyJWT 2.6 (Python)", "peer", lambda: run_reported(["/usr/bin/python3", pyjwt, tokens, SECRET])),
        ]
    times = {name: [] for name, _, _ in rows}
    for r in range(runs):  # interleaved, so that a slow minute hurts everyone alike
        for i in range(0, len(rows), 2):
            pair = rows[i:i + 2]
            if r % 2 == 1 and i < 2 * len(pairs):
                pair.reverse()  # --jobs N first in every other run
            for name, _, measure in pair:
                times[name].append(measure())
        print(f"compare: run {r + 1} of {runs} done", file=sys.stderr)
    rate = {name: count / statistics.median(t) for name, t in times.items()}
    print(f"\n{count} distinct Convrs tokens ({len(first)} bytes, 1-hour lifetime), "
          f"median of {runs} runs, {cores} cores")
    print("chatjwt: whole process (start-up, reading, output to /dev/null); peers: their "
          "verify loop only\n")
    peer_rates = [rate[name] for name, kind, _ in rows if kind == "peer"]
    fastest_peer = max(peer_rates) if peer_rates else None
    print(f"{'verifier':40} {'tokens/s':>10} {'vs fastest peer':>16}  seconds (each run)")
    for name, kind, _ in rows:
        each = " ".join(f"{t:.3f}" for t in times[name])
        versus = f"{rate[name] / fastest_peer:15.2f}x" if fastest_peer else f"{'-':>16}"
        print(f"{name:40} {rate[name]:10,.0f} {versus}  {each}")
    print()
    if fastest_peer:
        for kind, goal in [("plain", 4.0), ("json", 3.0), ("lint", 1.5)]:
            name = next(n for n, k, _ in rows if k == kind)
            ratio = rate[name] / fastest_peer
            print(f"goal {kind:6} --jobs 1: {ratio:5.2f}x the fastest peer (goal {goal}x): "
                  f"{'met' if ratio >= goal else 'NOT met'}")
    for kind in ("plain", "json", "lint"):
        single = next(n for n, k, _ in rows if k == kind)
        multi = next(n for n, k, _ in rows if k == kind + "-jobs")
        each = [a / b for a, b in zip(times[single], times[multi])]
        paired = statistics.median(each)
        print(f"--jobs {cores} / --jobs 1, {kind:5}: {paired:.2f}x, median of the runs' ratios "
              f"({' '.join(f'{x:.2f}' for x in each)}); {rate[multi] / rate[single]:.2f}x from "
              f"the medians (goal 1.8x): {'met' if paired >= 1.8 else 'NOT met'}")
    if chatjwt_only:
        return

    # One token by a fresh process.
    jwk = os.path.join(peers, "jwk.json")
    import base64
    with open(jwk, "w", encoding="ascii") as f:
        k = base64.urlsafe_b64encode(SECRET.encode()).rstrip(b"=").decode()
        json.dump({"kty": "oct", "k": k}, f)
    jws = os.path.join(peers, "one.jws")
    with open(jws, "w", encoding="ascii") as f:
        f.write(first)  # jose wants the compact form without a line feed
    export = os.path.join(peers, "hyperfine.json")
    commands = [
        ("chatjwt verify TOKEN", f"{chatjwt} verify --now {now} {first}"),
        ("chatjwt verify --no-lint TOKEN", f"{chatjwt} verify --no-lint --now {now} {first}"),
        ("jose jws ver (Debian jose)", f"jose jws ver -i {jws} -k {jwk}"),
        ("libjwt (C)", f"{os.path.join(peers, 'libjwt_verify')} --one {first} {SECRET} {now}"),
        ("PyJWT", f"/usr/bin/python3 {pyjwt} --one {first} {SECRET}"),
        ("fast-jwt (Node)", f"node {node} fast-jwt {peers} {one} {SECRET} {now}"),
    ]
    args = ["hyperfine", "-N", "--warmup", "10", "--runs", "200", "--export-json", export]
    for name, command in commands:
        args += ["-n", name, command]
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    with open(export, encoding="utf-8") as f:
        results = {r["command"]: r for r in json.load(f)["results"]}
    print(f"\none token, fresh process (hyperfine, 200 runs): {'mean':>9} {'median':>9}")
    for name, _ in commands:
        r = results[name]
        print(f"{name:40} {r['mean'] * 1000:7.2f} ms {r['median'] * 1000:7.2f} ms")
    jose = results["jose jws ver (Debian jose)"]["median"]
    ours = results["chatjwt verify TOKEN"]["median"]
    print(f"\ngoal start-up: chatjwt verify / jose jws ver = {ours / jose:.2f} (goal <= 1.0): "
          f"{'met' if ours <= jose else 'NOT met'}")


if __name__ == "__main__":
    main()
