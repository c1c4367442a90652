#!/usr/bin/env python3
"""Lurel processes against the BEAM: runs the same workloads on Erlang/OTP
(one scheduler, `erl +S 1`) and on Lurel in the same run, and prints for
each workload BEAM's figure, Lurel's, the ratio Lurel/BEAM (lower is better)
and the goal set for it.

    python3 bench/run_procbench.py                    # 3 interleaved rounds, medians
    python3 bench/run_procbench.py --quick            # smoke test: small sizes, 1 round
    python3 bench/run_procbench.py --markdown docs/benchmarks-processes.md

What runs (each a separate OS process; erl always with -noshell +S 1):
  procs   bench/beam_reference.erl (its main/0, the exact command in its
          header: +P 2000000 -s beam_reference main) against
          bench/process_bench.lua given the same calls
  memory  bench/mem_idle.erl / .lua with N = 0 and N = 1000000 idle processes,
          each under /usr/bin/time -f %M: (peak RSS(N) - peak RSS(0)) / N
  timers  bench/timers.erl / .lua: a million processes in receive, each with
          its own timeout; setup time and lateness of the last one
  pairs   every bench/NAME.erl that has a bench/NAME.lua (otp_bench,
          bigint_fact, ...): `erl -run NAME main [ARGS]` against
          `lurel bench/NAME.lua [ARGS]`; each line "workload: ... X unit"
          is a row (the last number with a time unit on the line)

Within a round every job runs on both sides, one after the other, the side
that goes first alternating from round to round; the table shows medians.
Builds nothing (run `make` first); the .erl files are compiled with erlc
into a temporary directory. Standard library only. The exit status is 0
unless the runner itself fails: a missing erl, a crash or a timeout is
reported in the table.
"""

import argparse
import datetime
import glob
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
DEFAULT_MD = os.path.join("docs", "benchmarks-processes.md")

ERL_FLAGS = ["-noshell", "+S", "1"]
ERL_MANY = ["+P", "2000000"]           # default limit: 262144 processes

# beam_reference's main/0, call by call (the Lurel side is given the same
# calls): (function, default arguments, --quick arguments)
PROC_CALLS = [
    ("spawn_bench", [100000], [5000]),
    ("spawn_exit", [100000], [5000]),
    ("ring", [1000, 1000], [1000, 20]),
    ("ring", [100000, 10], [100000, 1]),
    ("pingpong", [1000000], [20000]),
    ("selrecv", [0, 100000], [0, 5000]),
    ("selrecv", [10000, 10000], [10000, 200]),
    ("selrecv", [100000, 1000], [100000, 20]),
    ("many", [1000000], [20000]),
]
MEM_N = (1000000, 20000)               # idle processes: default, --quick
TIMERS = ((1000000, 30000), (20000, 2000))   # (N, BASE_MS): default, --quick
PAIR_QUICK = {"otp_bench": ["5000", "200"]}  # --quick arguments of the pairs
NOT_PAIRS = {"beam_reference", "mem_idle", "timers", "process_bench"}

FLAT_MAX = 2.0     # "flat in the queue length": ref-trick time at the largest
                   # queue / at queue 0, on Lurel, at most this


# --------------------------------------------------------------------------
# rows

class Row:
    """One line of the table. goal: None, ("ratio", x): Lurel/BEAM <= x, or
    ("abs", x, text): Lurel's figure <= x."""

    def __init__(self, key, label, unit, goal=None, note=None):
        self.key, self.label, self.unit, self.goal = key, label, unit, goal
        self.note = note
        self.vals = {"beam": [], "lurel": []}
        self.status = {"beam": None, "lurel": None}   # crash/timeout/missing

    def median(self, side):
        v = self.vals[side]
        return statistics.median(v) if v else None


class Table:
    def __init__(self):
        self.rows = {}
        self.order = []

    def row(self, key, label, unit, goal=None, note=None):
        if key not in self.rows:
            self.rows[key] = Row(key, label, unit, goal, note)
            self.order.append(key)
        return self.rows[key]

    def add(self, side, key, label, unit, value, goal=None, note=None):
        self.row(key, label, unit, goal, note).vals[side].append(value)


def fnum(s):
    return float(s)


# process_bench.lua / beam_reference.erl lines
RE_SPAWN = re.compile(r"^spawn: (\d+) procs, ([\d.]+) us/spawn")
RE_SPAWN_EXIT = re.compile(r"^spawn\+exit: (\d+) procs, ([\d.]+) us each")
RE_RING = re.compile(r"^ring: N=(\d+) M=(\d+) hops=(\d+) ([\d.]+) us/hop")
RE_PINGPONG = re.compile(r"^pingpong: (\d+) round trips, ([\d.]+) us/roundtrip")
RE_SELRECV = re.compile(r"^selrecv: queue=(\d+) ref-trick ([\d.]+) us/call, "
                        r"plain-tag ([\d.]+) us/call")
RE_MANY = re.compile(r"^many: (\d+) procs in ([\d.]+) ms \(([\d.]+) us each\), "
                     r"([\d.]+) bytes/proc")
RE_MEM = re.compile(r"^mem_idle: (\d+) procs, spawn loop ([\d.]+) ms, all idle "
                    r"after ([\d.]+) ms \(([\d.]+) us each\)")
RE_TIMERS = re.compile(r"^timers: (\d+) pending, setup ([\d.]+) us each "
                       r"\(([\d.]+) ms\), fired during setup (\d+), last fired "
                       r"(-?[\d.]+) ms after the first deadline \(window (\d+) ms\), "
                       r"late (-?[\d.]+) ms")
RE_GENERIC = re.compile(r"^([A-Za-z][\w+.-]*): (.*)$")
RE_FIGURE = re.compile(r"(-?\d+(?:\.\d+)?) ((?:ns|us|ms|s)(?:/[\w-]+)?)(?=[\s,;)]|$)")


def parse_procs(side, text, table, notes):
    """The lines of beam_reference.erl / process_bench.lua."""
    sel = {}
    seen = set()
    for ln in text.splitlines():
        m = RE_SPAWN.match(ln)
        if m:
            table.add(side, "spawn", "spawn (%s procs, each waits in receive)" % m[1],
                      "us/spawn", fnum(m[2]), ("ratio", 0.5))
            seen.add("spawn")
            continue
        m = RE_SPAWN_EXIT.match(ln)
        if m:
            table.add(side, "spawn+exit", "spawn+exit (%s procs, exit at once)" % m[1],
                      "us each", fnum(m[2]), ("ratio", 0.5))
            seen.add("spawn+exit")
            continue
        m = RE_RING.match(ln)
        if m:
            table.add(side, "ring N=%s" % m[1], "ring N=%s M=%s" % (m[1], m[2]),
                      "us/hop", fnum(m[4]), ("ratio", 0.5))
            seen.add("ring")
            continue
        m = RE_PINGPONG.match(ln)
        if m:
            table.add(side, "pingpong", "ping-pong round trip (%s)" % m[1],
                      "us/round trip", fnum(m[2]), ("ratio", 0.5))
            seen.add("pingpong")
            continue
        m = RE_SELRECV.match(ln)
        if m:
            q = int(m[1])
            sel[q] = fnum(m[2])
            table.add(side, "selrecv %d ref" % q,
                      "receive by fresh ref, %s queued" % m[1], "us/call", fnum(m[2]))
            table.add(side, "selrecv %d tag" % q,
                      "receive by plain tag, %s queued" % m[1], "us/call", fnum(m[3]))
            seen.add("selrecv")
            continue
        m = RE_MANY.match(ln)
        if m:
            table.add(side, "many time", "many: spawn %s idle procs" % m[1],
                      "us each", fnum(m[3]))
            table.add(side, "many bytes", "many: bytes/proc by the VM's own count",
                      "bytes", fnum(m[4]),
                      note="not measured alike: BEAM erlang:memory(total) delta, "
                           "Lurel process.info memory (sampled); the peak RSS rows "
                           "below are measured the same way on both sides")
            seen.add("many")
            continue
    if sel and 0 in sel and len(sel) > 1:
        qmax = max(sel)
        big = table.rows["selrecv %d ref" % qmax]
        big.goal = ("ratio", 1.0)
        if sel[0] > 0:
            table.add(side, "selrecv flat",
                      "fresh ref: time at %d queued / at 0 queued" % qmax, "x",
                      sel[qmax] / sel[0], ("abs", FLAT_MAX, "flat (<= %.1f)" % FLAT_MAX))
    want = {"spawn", "spawn+exit", "ring", "pingpong", "selrecv", "many"}
    if want - seen:
        notes.append("%s: no line for %s in the output of the process workloads"
                     % (side, ", ".join(sorted(want - seen))))


def parse_mem(text):
    for ln in text.splitlines():
        m = RE_MEM.match(ln)
        if m:
            return int(m[1]), fnum(m[4])
    return None


def parse_timers(side, text, table, notes):
    for ln in text.splitlines():
        m = RE_TIMERS.match(ln)
        if m:
            n = int(m[1])
            table.add(side, "timers setup", "timers: %d pending, setup" % n,
                      "us each", fnum(m[2]))
            table.add(side, "timers late",
                      "timers: last fired after its deadline (deadlines over %s ms)" % m[6],
                      "ms", fnum(m[7]))
            if int(m[4]):
                notes.append("%s timers: %s of %d fired before the setup was over "
                             "(setup %s ms; raise --timer-base)" % (side, m[4], n, m[3]))
            return True
    notes.append("%s timers: no result line" % side)
    return False


def parse_pair(side, name, text, table):
    n = 0
    for ln in text.splitlines():
        m = RE_GENERIC.match(ln.strip())
        if not m:
            continue
        figs = RE_FIGURE.findall(m[2])
        if not figs:
            continue
        value, unit = figs[-1]
        table.add(side, "%s:%s" % (name, m[1]), m[1], unit, fnum(value))
        n += 1
    return n


# --------------------------------------------------------------------------
# running

class Runner:
    def __init__(self, args, log):
        self.args, self.log = args, log
        self.time_bin = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None

    def run(self, cmd, rss=False):
        """Returns (status, stdout text, seconds, peak RSS in KB or None, detail)."""
        tf = None
        if rss:
            if not self.time_bin:
                return "missing", "", None, None, "/usr/bin/time not found"
            fd, tf = tempfile.mkstemp(prefix="procbench-rss-")
            os.close(fd)
            cmd = [self.time_bin, "-f", "%M", "-o", tf] + cmd
        t0 = time.perf_counter()
        try:
            p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True)
        except OSError as e:
            return "crash", "", None, None, "cannot execute %s: %s" % (cmd[0], e)
        try:
            out, err = p.communicate(timeout=self.args.timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                p.kill()
            p.communicate()
            if tf:
                os.unlink(tf)
            return "timeout", "", None, None, "no result after %g s" % self.args.timeout
        dt = time.perf_counter() - t0
        text = out.decode("utf-8", "replace")
        peak = None
        if tf:
            try:
                with open(tf) as f:
                    lines = [ln.strip() for ln in f if ln.strip()]
                peak = int(lines[-1]) if lines and lines[-1].isdigit() else None
            finally:
                os.unlink(tf)
        if p.returncode != 0:
            e = err.decode("utf-8", "replace").strip().splitlines()
            what = ("killed by signal %d" % -p.returncode if p.returncode < 0
                    else "exit status %d" % p.returncode)
            if e:
                what += ": " + e[-1][:200]
            return "crash", text, dt, peak, what
        return "ok", text, dt, peak, ""


def erl_cmd(args, tmp, flags, rest):
    """erl -noshell +S 1 FLAGS -pa TMP REST"""
    return [args.erl] + ERL_FLAGS + flags + ["-pa", tmp] + rest


def main():
    ap = argparse.ArgumentParser(
        description="Lurel processes against the BEAM (erl +S 1): the same "
                    "workloads on both, ratio Lurel/BEAM per workload.")
    ap.add_argument("--lurel", default=os.path.join(ROOT, "build", "lurel"),
                    help="Lurel binary (default: build/lurel)")
    ap.add_argument("--erl", default="erl", help="erl (default: erl)")
    ap.add_argument("--erlc", default="erlc", help="erlc (default: erlc)")
    ap.add_argument("--beam-ref", default=os.path.join(BENCH_DIR, "beam_reference.erl"),
                    help="the BEAM reference (default: bench/beam_reference.erl)")
    ap.add_argument("--rounds", type=int, default=None,
                    help="interleaved rounds (default 5; 1 with --quick)")
    ap.add_argument("--quick", action="store_true",
                    help="small sizes, 1 round: a smoke test, not numbers")
    ap.add_argument("--timer-base", type=int, default=None, metavar="MS",
                    help="timers: the first deadline is MS after the start; must "
                         "exceed the setup (default 30000; 2000 with --quick)")
    ap.add_argument("--timeout", type=float, default=1800.0,
                    help="seconds before one run is killed (default 1800)")
    ap.add_argument("--markdown", metavar="FILE",
                    help="also write the report as markdown to FILE "
                         "(make bench: %s)" % DEFAULT_MD)
    ap.add_argument("--summary", metavar="FILE",
                    help="also put the results table, with the date and the machine,"
                         " in a section of FILE between the markers %s and %s"
                         " (replaced if there, else appended; make bench:"
                         " docs/benchmarks.md)" % (SUMMARY_BEGIN, SUMMARY_END))
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    args = ap.parse_args()
    if args.rounds is None:
        args.rounds = 1 if args.quick else 5
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")
    qi = 1 if args.quick else 0
    mem_n = MEM_N[qi]
    timers_n, timers_base = TIMERS[qi]
    if args.timer_base is not None:
        timers_base = args.timer_base

    def log(msg):
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    started = datetime.datetime.now().astimezone()
    load0 = os.getloadavg()
    runner = Runner(args, log)
    table = Table()
    notes = []

    # ---- what is there
    lurel = os.path.abspath(args.lurel)
    sides = {}
    if os.path.isfile(lurel) and os.access(lurel, os.X_OK):
        sides["lurel"] = None
    else:
        sides["lurel"] = "not found: %s (run make)" % args.lurel
    erl, erlc = shutil.which(args.erl), shutil.which(args.erlc)
    if not erl or not erlc:
        sides["beam"] = "not found: %s" % (args.erl if not erl else args.erlc)
    else:
        sides["beam"] = None
        args.erl = erl
    if not os.path.isfile(args.beam_ref):
        sys.exit("run_procbench: no BEAM reference at %s" % args.beam_ref)

    pairs = sorted(os.path.splitext(os.path.basename(p))[0]
                   for p in glob.glob(os.path.join(BENCH_DIR, "*.erl")))
    pairs = [n for n in pairs if n not in NOT_PAIRS
             and os.path.isfile(os.path.join(BENCH_DIR, n + ".lua"))]
    pairs.sort(key=lambda n: (n != "otp_bench", n))

    tmp = tempfile.mkdtemp(prefix="procbench-")
    erl_version = "not available"
    try:
        if sides["beam"] is None:
            srcs = [args.beam_ref] + [os.path.join(BENCH_DIR, n + ".erl")
                                      for n in ["mem_idle", "timers"] + pairs]
            for s in srcs:
                # +export_all: --quick calls beam_reference's functions one by
                # one, spawn_exit/1 among them (not exported)
                extra = ["+export_all", "+nowarn_export_all"] if s == args.beam_ref else []
                r = subprocess.run([erlc, "-o", tmp] + extra + [s], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                if r.returncode != 0:
                    sys.exit("run_procbench: erlc %s failed:\n%s"
                             % (s, r.stdout.decode("utf-8", "replace")))
            r = subprocess.run([erl, "-noshell", "-eval",
                                'io:format("OTP ~s, ERTS ~s", [erlang:system_info(otp_release),'
                                ' erlang:system_info(version)]), halt().'],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            erl_version = r.stdout.decode().strip() or "unknown"
        log("beam   %s" % ("%s (%s)" % (erl, erl_version) if sides["beam"] is None
                           else "MISSING: " + sides["beam"]))
        log("lurel  %s" % (lurel if sides["lurel"] is None else "MISSING: " + sides["lurel"]))

        # ---- the jobs: name -> {side: (argv, rss?)}
        calls = [(f, a[qi]) for f, *a in PROC_CALLS]
        if args.quick:
            ev = ", ".join("beam_reference:%s(%s)" % (f, ", ".join(map(str, a)))
                           for f, a in calls) + ", init:stop()."
            beam_procs = erl_cmd(args, tmp, ERL_MANY, ["-eval", ev])
        else:   # the command of beam_reference.erl's header
            beam_procs = erl_cmd(args, tmp, ERL_MANY,
                                 ["-s", "beam_reference", "main", "-s", "init", "stop"])
        lurel_procs = [lurel, os.path.join("bench", "process_bench.lua")] + [
            "%s=%s" % (f, ",".join(map(str, a))) for f, a in calls]
        jobs = [
            ("procs", beam_procs, lurel_procs, False),
            ("mem0", erl_cmd(args, tmp, ERL_MANY, ["-run", "mem_idle", "main", "0"]),
             [lurel, "bench/mem_idle.lua", "0"], True),
            ("memN", erl_cmd(args, tmp, ERL_MANY, ["-run", "mem_idle", "main", str(mem_n)]),
             [lurel, "bench/mem_idle.lua", str(mem_n)], True),
            ("timers", erl_cmd(args, tmp, ERL_MANY, ["-run", "timers", "main",
                                                    str(timers_n), str(timers_base)]),
             [lurel, "bench/timers.lua", str(timers_n), str(timers_base)], False),
        ]
        for n in pairs:
            pa = PAIR_QUICK.get(n, []) if args.quick else []
            jobs.append(("pair:" + n,
                         erl_cmd(args, tmp, [], ["-run", n, "main"] + pa + ["-s", "init", "stop"]),
                         [lurel, "bench/%s.lua" % n] + pa, False))

        failed = {}           # (job, side) -> (status, detail)
        for rnd in range(args.rounds):
            order = ["beam", "lurel"] if rnd % 2 == 0 else ["lurel", "beam"]
            mem = {"beam": {}, "lurel": {}}
            for job, bcmd, lcmd, rss in jobs:
                for side in order:
                    if sides[side] is not None or (job, side) in failed:
                        continue
                    cmd = bcmd if side == "beam" else lcmd
                    status, out, dt, peak, detail = runner.run(cmd, rss)
                    log("round %d/%d %-16s %-5s %s%s" % (
                        rnd + 1, args.rounds, job, side,
                        "%.1f s" % dt if dt is not None else status.upper(),
                        "" if status == "ok" else " %s: %s" % (status.upper(), detail)))
                    if status != "ok":
                        failed[(job, side)] = (status, detail)
                        continue
                    if job == "procs":
                        parse_procs(side, out, table, notes)
                    elif job in ("mem0", "memN"):
                        pm = parse_mem(out)
                        if pm is None or peak is None:
                            failed[(job, side)] = ("crash", "no mem_idle line or no peak RSS")
                            continue
                        mem[side][job] = (pm, peak)
                    elif job == "timers":
                        parse_timers(side, out, table, notes)
                    else:
                        if not parse_pair(side, job[5:], out, table):
                            notes.append("%s %s: no result lines" % (side, job[5:]))
            for side in ("beam", "lurel"):
                m = mem[side]
                if "mem0" in m and "memN" in m:
                    (n, us_each), peak_n = m["memN"]
                    peak_0 = m["mem0"][1]
                    table.add(side, "mem per proc",
                              "idle process: (peak RSS(%d) - peak RSS(0)) / %d" % (n, n),
                              "bytes", (peak_n - peak_0) * 1024.0 / n,
                              ("abs", 1024, "<= 1 KB"))
                    table.add(side, "mem total", "peak RSS with %d idle processes" % n,
                              "MiB", peak_n / 1024.0,
                              ("abs", 1024, "<= 1 GB") if n == 1000000 else None)
                    table.add(side, "mem spawn", "spawn %d idle processes (until all wait)" % n,
                              "us each", us_each)

        # rows of a job that failed on one side say so
        job_rows = {"procs": lambda k: not k.startswith(("mem", "timers")) and ":" not in k,
                    "timers": lambda k: k.startswith("timers")}
        for (job, side), (status, detail) in failed.items():
            notes.append("%s %s: %s: %s" % (side, job, status.upper(), detail))
            for k, row in table.rows.items():
                sel = (job_rows.get(job, lambda k: False)(k)
                       or (job in ("mem0", "memN") and k.startswith("mem "))
                       or (job.startswith("pair:") and k.startswith(job[5:] + ":")))
                if sel and not row.status[side]:
                    row.status[side] = status.upper()
        for side in ("beam", "lurel"):
            if sides[side] is not None:
                notes.insert(0, "%s: %s" % (side, sides[side]))
                for row in table.rows.values():
                    row.status[side] = "missing"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    load1 = os.getloadavg()
    header, rows = build_rows(table)
    print()
    print("Lurel vs BEAM (erl +S 1), median of %d round%s%s; ratio = Lurel/BEAM, lower is better"
          % (args.rounds, "" if args.rounds == 1 else "s", " (--quick sizes)" if args.quick else ""))
    print(format_text(header, rows))
    notes = unique(notes)
    for r in table.rows.values():
        if r.note:
            notes.append("%s: %s" % (r.label, r.note))
    if notes:
        print()
        for n in notes:
            print("note: " + n)
    if args.markdown:
        write_markdown(args, header, rows, notes, started, load0, load1, erl_version,
                       lurel, mem_n, timers_n, timers_base, pairs)
        print()
        print("markdown written to %s" % args.markdown)
    if args.summary:
        write_summary(args, header, rows, started, erl_version)
        print("summary written to %s" % args.summary)
    return 0


def unique(xs):
    seen, out = set(), []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


# --------------------------------------------------------------------------
# reporting

def fig(v):
    if v is None:
        return "-"
    a = abs(v)
    if a >= 1000:
        return "%.0f" % v
    if a >= 100:
        return "%.1f" % v
    if a >= 10:
        return "%.2f" % v
    return "%.3f" % v


def build_rows(table):
    header = ["workload", "unit", "BEAM", "Lurel", "Lurel/BEAM", "goal", "met"]
    rows = []

    def group(k):       # process workloads, memory, timers, pairs; else first seen
        if k == "selrecv flat":
            sel = [i for i, x in enumerate(table.order) if x.startswith("selrecv ")]
            return (0, max(sel) + 0.5)
        i = table.order.index(k)
        if k.startswith("mem "):
            return (2, i)
        if k.startswith("timers "):
            return (3, i)
        if ":" in k:
            return (4, i)
        return (1 if k.startswith("many ") else 0, i)
    for k in sorted(table.order, key=group):
        r = table.rows[k]
        b, l = r.median("beam"), r.median("lurel")
        bc = fig(b) if b is not None else (r.status["beam"] or "-")
        lc = fig(l) if l is not None else (r.status["lurel"] or "-")
        ratio = l / b if (b is not None and l is not None and b > 0) else None
        goal, met = "", ""
        if r.goal and r.goal[0] == "ratio":
            goal = "ratio <= %g" % r.goal[1]
            if ratio is not None:
                met = "yes" if ratio <= r.goal[1] else "no"
        elif r.goal and r.goal[0] == "abs":
            goal = r.goal[2]
            if l is not None:
                met = "yes" if l <= r.goal[1] else "no"
        rows.append([r.label, r.unit, bc, lc, "%.2f" % ratio if ratio is not None else "-",
                     goal, met])
    return header, rows


def format_text(header, rows):
    table = [header] + rows
    w = [max(len(r[i]) for r in table) for i in range(len(header))]

    def line(r):
        return "  ".join(c.ljust(w[i]) if i in (0, 1, 5, 6) else c.rjust(w[i])
                         for i, c in enumerate(r)).rstrip()
    return "\n".join([line(header), "  ".join("-" * x for x in w)] + [line(r) for r in rows])


def format_markdown(header, rows):
    def line(r):
        return "| " + " | ".join(c.replace("|", "\\|").replace("<=", "≤") for c in r) + " |"
    align = ["---", "---", "---:", "---:", "---:", "---", "---"]
    return "\n".join([line(header), "| " + " | ".join(align) + " |"] + [line(r) for r in rows])


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.lower().startswith("model name"):
                    return ln.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def git_revision():
    try:
        rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=10)
        if rev.returncode != 0:
            return None
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain",
                                "--untracked-files=no", "--", ".", ":!docs/benchmarks*.md"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=10)
        s = rev.stdout.decode().strip()
        if dirty.returncode == 0 and dirty.stdout.strip():
            s += " (with uncommitted changes)"
        return s
    except (OSError, subprocess.TimeoutExpired):
        return None


SUMMARY_BEGIN = "<!-- processes vs BEAM: begin (bench/run_procbench.py --summary) -->"
SUMMARY_END = "<!-- processes vs BEAM: end -->"


def write_summary(args, header, rows, started, erl_version):
    """The results table in its own section of another report (the Lua
    benchmarks' docs/benchmarks.md), so that one file has every ratio."""
    rev = git_revision()
    detail = os.path.relpath(args.markdown, os.path.dirname(os.path.abspath(args.summary))) \
        if args.markdown else None
    sec = [
        SUMMARY_BEGIN,
        "## Processes vs BEAM",
        "",
        "Measured on %s, %s, %d cores; %s; `erl +S 1` (%s) and Lurel%s, one"
        " scheduler each, in the same run, medians of %d round%s. Ratio ="
        " Lurel / BEAM, lower is better.%s" % (
            started.strftime("%Y-%m-%d %H:%M %Z").strip(), cpu_model(),
            os.cpu_count() or 0, platform.platform(), erl_version,
            " " + rev if rev else "", args.rounds, "" if args.rounds == 1 else "s",
            " Setup, method and notes: [%s](%s)." % (os.path.basename(detail), detail)
            if detail else ""),
        "",
    ]
    if args.quick:
        sec += ["**Smoke test (--quick): small sizes, these figures mean nothing.**", ""]
    sec += [format_markdown(header, rows), "", SUMMARY_END]
    try:
        with open(args.summary) as f:
            text = f.read()
    except OSError:
        text = ""
    b, e = text.find(SUMMARY_BEGIN), text.find(SUMMARY_END)
    if b >= 0 and e > b:
        text = text[:b] + "\n".join(sec) + text[e + len(SUMMARY_END):]
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + "\n".join(sec) + "\n"
    with open(args.summary, "w") as f:
        f.write(text)


def write_markdown(args, header, rows, notes, started, load0, load1, erl_version,
                   lurel, mem_n, timers_n, timers_base, pairs):
    cores = os.cpu_count() or 0
    rev = git_revision()
    try:
        memtotal = [ln for ln in open("/proc/meminfo") if ln.startswith("MemTotal")]
        mem = ", %.0f GiB RAM" % (int(memtotal[0].split()[1]) / 1048576) if memtotal else ""
    except OSError:
        mem = ""
    lurel_shown = os.path.relpath(lurel, ROOT) if lurel.startswith(ROOT + os.sep) else lurel
    lines = [
        "# Processes vs BEAM",
        "",
        "Generated by `python3 bench/run_procbench.py --markdown %s` (run by"
        " `make bench`, after `bench/run_bench.py` has written"
        " [benchmarks.md](benchmarks.md)); do not edit by hand. The workloads and"
        " how each is measured: [bench/README.md](../bench/README.md)." % DEFAULT_MD,
        "",
        "## Setup",
        "",
        "- Date: %s" % started.strftime("%Y-%m-%d %H:%M %Z").strip(),
        "- Machine: %s, %d cores%s; %s" % (cpu_model(), cores, mem,
                                           platform.platform()),
        "- Load average (1/5/15 min) at the start %.2f/%.2f/%.2f, at the end"
        " %.2f/%.2f/%.2f%s" % (load0 + load1 + (
            ": more than the %d cores, other work ran during the measurement;"
            " the figures are noisy, a ratio within"
            " ~30 %% of its goal is not a verdict." % cores
            if max(load0[0], load1[0]) > cores else ".",)),
        "- BEAM: %s, `erl -noshell +S 1` (one scheduler), `+P 2000000` where a"
        " million processes are spawned" % erl_version,
        "- Lurel: `%s`%s (one scheduler)" % (lurel_shown, ", revision %s" % rev if rev else ""),
    ]
    if args.quick:
        lines.append("- **Smoke test (--quick): small sizes, these figures mean nothing.**")
    lines += [
        "- Method: %d round%s; in each, every job runs on BEAM and on Lurel one"
        " after the other (which goes first alternates by round); the table"
        " shows medians. Ratio = Lurel / BEAM, lower is better; *goal* is the"
        " target of the issue \"Processes, measured against the BEAM\"." % (
            args.rounds, "" if args.rounds == 1 else "s"),
        "- Process workloads: `bench/beam_reference.erl` (`-s beam_reference main`)"
        " and `bench/process_bench.lua` with the same calls, each side in one VM.",
        "- Memory: `bench/mem_idle.{erl,lua}` spawn N idle processes (each in"
        " receive) and exit; peak RSS by `/usr/bin/time -f %%M` of a run with"
        " N = %d minus one with N = 0, divided by N." % mem_n,
        "- Timers: `bench/timers.{erl,lua}`: %d processes, each in a receive"
        " with its own timeout, deadlines %d ms + (i mod 1000) ms after the"
        " start; setup = until all wait, late = when the last *fired* message"
        " arrived, after the last deadline." % (timers_n, timers_base),
    ]
    if pairs:
        lines.append("- Other pairs: %s (`erl -run NAME main`, `lurel bench/NAME.lua`)."
                     % ", ".join("`bench/%s.{erl,lua}`" % p for p in pairs))
    lines += ["", "## Results", "", format_markdown(header, rows), ""]
    if notes:
        lines += ["## Notes", ""] + ["- %s" % n for n in notes] + [""]
    path = args.markdown
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")


if __name__ == "__main__":
    sys.exit(main())
