#!/usr/bin/env python3
"""The measuring half of compare.sh (which installs the peers first).

usage: compare.py CHATJWT PEERS_DIR TOKENS RUNS [chatjwt-only]

chatjwt-only: no peers and no one-token timings, only chatjwt's rows and its --jobs scaling.
"""
import itertools
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


def run_all_timed(argsets, env):
    """Wall seconds of several processes started at once, until the last ends."""
    start = time.perf_counter()
    procs = [subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for args in argsets]
    finished = [(p, p.communicate()[1]) for p in procs]
    seconds = time.perf_counter() - start
    for p, err in finished:
        if p.returncode != 0:
            sys.exit(f"compare: {' '.join(p.args[:3])}... failed ({p.returncode}): "
                     f"{err.decode()[-300:]}")
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
    # The tokens in `cores` parts, for as many --jobs 1 processes at once: they share nothing
    # but the machine, so their time is what any --jobs N run could hope for here (two busy
    # cores of a virtual machine need not each run as fast as one busy core).
    parts = [os.path.join(peers, f"tokens.part{k}.txt") for k in range(cores)]
    with open(tokens, encoding="ascii") as f:
        for k, part in enumerate(parts):  # make_tokens.py wrote one token per line
            with open(part, "w", encoding="ascii") as o:
                o.writelines(itertools.islice(f, (k + 1) * count // cores - k * count // cores))

    def chatjwt_parts(*extra):
        return [[chatjwt, "verify", "--batch", part, "--now", str(now), *extra] for part in parts]

    # Each kind's rows run back to back, in turn first, so that the scaling of a run compares
    # measurements taken seconds apart on a machine whose speed drifts from minute to minute.
    kinds = [
        ("chatjwt --no-lint", "plain", ("--no-lint",)),
        ("chatjwt --no-lint --json", "json", ("--no-lint", "--json")),
        ("chatjwt (lint on)", "lint", ()),
    ]
    groups = []
    for label, kind, extra in kinds:
        groups.append([
            (f"{label} --jobs 1", kind,
             lambda extra=extra: run_timed(chatjwt_args(*extra, "--jobs", "1"), env)),
            (f"{label} --jobs {cores}", kind + "-jobs",
             lambda extra=extra: run_timed(chatjwt_args(*extra), env)),
            (f"{label} {cores} x --jobs 1, 1/{cores} each", kind + "-parts",
             lambda extra=extra: run_all_timed(chatjwt_parts(*extra, "--jobs", "1"), env)),
        ])
    if not chatjwt_only:
        groups += [[row] for row in [
            ("fast-jwt 4.0.5 (Node)", "peer", lambda: run_reported(["node", node, "fast-jwt", peers, tokens, SECRET, str(now)])),
            ("jsonwebtoken 9.0.3 (Node)", "peer", lambda: run_reported(["node", node, "jsonwebtoken", peers, tokens, SECRET, str(now)])),
            ("libjwt 1.10 (C)", "peer", lambda: run_reported([os.path.join(peers, "libjwt_verify"), tokens, SECRET, str(now)])),
            ("PyJWT 2.6 (Python)", "peer", lambda: run_reported(["/usr/bin/python3", pyjwt, tokens, SECRET])),
        ]]
    rows = [row for group in groups for row in group]
    times = {name: [] for name, _, _ in rows}
    for r in range(runs):  # interleaved, so that a slow minute hurts everyone alike
        for group in groups:
            turn = r % len(group)
            for name, _, measure in group[turn:] + group[:turn]:
                times[name].append(measure())
        print(f"compare: run {r + 1} of {runs} done", file=sys.stderr)
    rate = {name: count / statistics.median(t) for name, t in times.items()}
    print(f"\n{count} distinct Convrs tokens ({len(first)} bytes, 1-hour lifetime), "
          f"median of {runs} runs, {cores} cores")
    print("chatjwt: whole process (start-up, reading, output to /dev/null); peers: their "
          "verify loop only\n")
    peer_rates = [rate[name] for name, kind, _ in rows if kind == "peer"]
    fastest_peer = max(peer_rates) if peer_rates else None
    width = max(len(name) for name, _, _ in rows)
    print(f"{'verifier':{width}} {'tokens/s':>10} {'vs fastest peer':>16}  seconds (each run)")
    for name, kind, _ in rows:
        each = " ".join(f"{t:.3f}" for t in times[name])
        versus = f"{rate[name] / fastest_peer:15.2f}x" if fastest_peer else f"{'-':>16}"
        print(f"{name:{width}} {rate[name]:10,.0f} {versus}  {each}")
    print()
    if fastest_peer:
        # As for the scaling: each run's own ratio to the fastest peer of that run, whose rows
        # ran seconds apart, then the median of those; and the ratio of the medians.
        peer_names = [n for n, k, _ in rows if k == "peer"]
        for kind, goal in [("plain", 4.0), ("json", 3.0), ("lint", 1.5)]:
            name = next(n for n, k, _ in rows if k == kind)
            each = [min(times[p][r] for p in peer_names) / times[name][r] for r in range(runs)]
            paired = statistics.median(each)
            print(f"goal {kind:6} --jobs 1: {paired:5.2f}x the fastest peer, median of the runs' "
                  f"ratios ({' '.join(f'{x:.2f}' for x in each)}); "
                  f"{rate[name] / fastest_peer:.2f}x from the medians (goal {goal}x): "
                  f"{'met' if paired >= goal else 'NOT met'}")
    for kind in ("plain", "json", "lint"):
        single = next(n for n, k, _ in rows if k == kind)
        multi = next(n for n, k, _ in rows if k == kind + "-jobs")
        split = next(n for n, k, _ in rows if k == kind + "-parts")
        each = [a / b for a, b in zip(times[single], times[multi])]
        paired = statistics.median(each)
        ceiling = statistics.median(a / b for a, b in zip(times[single], times[split]))
        reach = statistics.median(a / b for a, b in zip(times[multi], times[split]))
        print(f"--jobs {cores} / --jobs 1, {kind:5}: {paired:.2f}x, median of the runs' ratios "
              f"({' '.join(f'{x:.2f}' for x in each)}); {rate[multi] / rate[single]:.2f}x from "
              f"the medians (goal 1.8x): {'met' if paired >= 1.8 else 'NOT met'}")
        print(f"    {cores} processes on 1/{cores} each / --jobs 1: {ceiling:.2f}x (this machine's "
              f"ceiling); --jobs {cores} takes {reach:.2f} of their time")
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
