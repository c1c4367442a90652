#!/usr/bin/env python3
"""Lurel benchmark runner.

Runs every benchmark in bench/ under lurel, lua5.4 and (if present)
`luajit -joff`, interleaved (A B C A B C ... for R rounds), checks that all
implementations print the same stdout, and prints a table of median wall
times with ratios against lua5.4 and their geometric mean.

    python3 bench/run_bench.py                      # all benchmarks, 5 rounds
    python3 bench/run_bench.py --quick              # smoke test
    python3 bench/run_bench.py --only fib,nbody --rounds 3
    python3 bench/run_bench.py --markdown docs/benchmarks.md

Standard library only. The exit status is 0 unless the runner itself fails
(bad options, unreadable files): a missing, crashing or wrong implementation
is reported in the table, not through the exit status.
"""

import argparse
import datetime
import glob
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)

# name -> (arguments at the default size, arguments for --quick).
# The default arguments repeat the defaults written in each .lua file, so that
# the table records what was run. Any other bench/*.lua file is run too, with
# no arguments (its own default) in both modes.
SIZES = {
    "fib":           (["35"],         ["24"]),
    "binary_trees":  (["14"],         ["8"]),
    "nbody":         (["250000"],     ["5000"]),
    "spectral_norm": (["600"],        ["80"]),
    "fannkuch":      (["9", "2"],     ["7", "1"]),
    "string_build":  (["120000"],     ["3000"]),
    "table_oop":     (["250000"],     ["6000"]),
    "closures":      (["10000"],      ["300"]),
    "pattern_match": (["4000"],       ["100"]),
    "gsub":          (["1500"],       ["40"]),
    "string_format": (["60000"],      ["1500"]),
    "sort":          (["40000"],      ["1000"]),
    "concat":        (["10000"],      ["250"]),
    "coroutine_gen": (["500000"],     ["5000"]),
    "binary_trees_deep": (["15"],     ["8"]),
}
ORDER = list(SIZES)

REFERENCE = "lua5.4"   # ratios are taken against this implementation
ABSENT = []            # optional implementations that are not installed


class Impl:
    def __init__(self, name, argv, missing_reason=None):
        self.name = name
        self.argv = argv              # command prefix, e.g. ["luajit", "-joff"]
        self.missing_reason = missing_reason

    @property
    def present(self):
        return self.missing_reason is None


class Result:
    """Outcome of one implementation on one benchmark."""

    def __init__(self):
        self.times = []
        self.stdout = None            # stdout of the first run
        self.status = "ok"            # ok | missing | crash | timeout | unstable | mismatch
        self.detail = ""

    def median(self):
        return statistics.median(self.times) if self.times else None


# --------------------------------------------------------------------------
# discovery

def find_impls(args):
    impls = []

    lurel = os.path.abspath(args.lurel)
    if os.path.isfile(lurel) and os.access(lurel, os.X_OK):
        impls.append(Impl("lurel", [lurel]))
    else:
        impls.append(Impl("lurel", [lurel], "not found: %s" % args.lurel))

    lua = shutil.which(args.lua) if args.lua else None
    if lua:
        impls.append(Impl("lua5.4", [lua]))
    else:
        impls.append(Impl("lua5.4", [args.lua or "lua5.4"],
                          "not found: %s" % args.lua))

    if not args.no_luajit:
        luajit = shutil.which(args.luajit) if args.luajit else None
        if luajit:
            impls.append(Impl("luajit-joff", [luajit, "-joff"]))
        else:
            # luajit is optional: leave its column out, say so in the notes
            ABSENT.append("luajit-joff: not run, %s not found" % args.luajit)
    return impls


def lurel_only(path):
    """A first line with "-- lurel-only" (processes, OTP: nothing to compare
    with lua5.4) keeps a file out of this runner."""
    with open(path, encoding="utf-8", errors="replace") as f:
        return "-- lurel-only" in f.readline()


def find_benchmarks(args):
    files = {os.path.splitext(os.path.basename(p))[0]: p
             for p in glob.glob(os.path.join(BENCH_DIR, "*.lua"))
             if not lurel_only(p)}
    names = [n for n in ORDER if n in files]
    names += sorted(n for n in files if n not in SIZES)
    if args.only:
        wanted = [w.strip() for w in args.only.split(",") if w.strip()]
        wanted = [w[:-4] if w.endswith(".lua") else w for w in wanted]
        unknown = [w for w in wanted if w not in files]
        if unknown:
            sys.exit("run_bench: unknown benchmark(s): %s (have: %s)"
                     % (", ".join(unknown), ", ".join(names)))
        names = [n for n in names if n in wanted]
    benches = []
    for n in names:
        default_args, quick_args = SIZES.get(n, ([], []))
        benches.append((n, files[n], quick_args if args.quick else default_args))
    return benches


# --------------------------------------------------------------------------
# running

def run_once(impl, script, bargs, timeout):
    """Run one benchmark once. Returns (status, seconds, stdout, detail)."""
    cmd = impl.argv + [script] + bargs
    t0 = time.perf_counter()
    try:
        # own session, so that a timeout can end the run and anything it started
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             cwd=ROOT, start_new_session=True)
    except OSError as e:
        return "crash", None, None, "cannot execute: %s" % e
    try:
        stdout, stderr = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except OSError:
            p.kill()
        p.communicate()
        return "timeout", None, None, "no result after %g s" % timeout
    dt = time.perf_counter() - t0
    p.stdout, p.stderr = stdout, stderr
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        if p.returncode < 0:
            what = "killed by signal %d" % -p.returncode
        else:
            what = "exit status %d" % p.returncode
        if err:
            what += ": " + err[-1][:200]
        return "crash", dt, p.stdout, what
    return "ok", dt, p.stdout, ""


def first_difference(ref, out):
    a = ref.decode("utf-8", "replace").splitlines()
    b = out.decode("utf-8", "replace").splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end of output>"
        y = b[i] if i < len(b) else "<end of output>"
        if x != y:
            return "line %d: expected %r, got %r" % (i + 1, x[:80], y[:80])
    return "outputs differ"


def run_benchmark(name, script, bargs, impls, rounds, timeout, log):
    results = {im.name: Result() for im in impls}
    for im in impls:
        if not im.present:
            results[im.name].status = "missing"
            results[im.name].detail = im.missing_reason
    for r in range(rounds):
        line = []
        for im in impls:
            res = results[im.name]
            if res.status != "ok":
                continue                      # missing, crashed, ...: skip
            status, dt, out, detail = run_once(im, script, bargs, timeout)
            if status != "ok":
                res.status, res.detail = status, detail
                line.append("%s %s" % (im.name, status.upper()))
                continue
            if res.stdout is None:
                res.stdout = out
            elif out != res.stdout:
                res.status = "unstable"
                res.detail = "output changed between runs: " + \
                    first_difference(res.stdout, out)
                line.append("%s UNSTABLE" % im.name)
                continue
            res.times.append(dt)
            line.append("%s %.3f" % (im.name, dt))
        log("  %-14s round %d/%d: %s" % (name, r + 1, rounds,
                                          "  ".join(line) or "nothing to run"))

    # Compare outputs against the reference (lua5.4, else the first that ran).
    ok = [im.name for im in impls if results[im.name].status == "ok"]
    ref_name = REFERENCE if REFERENCE in ok else (ok[0] if ok else None)
    if ref_name is not None:
        ref_out = results[ref_name].stdout
        for n in ok:
            if n != ref_name and results[n].stdout != ref_out:
                results[n].status = "mismatch"
                results[n].detail = "stdout differs from %s: %s" % (
                    ref_name, first_difference(ref_out, results[n].stdout))
    return results, ref_name


# --------------------------------------------------------------------------
# reporting

CELL = {
    "missing": "missing",
    "crash": "CRASH",
    "timeout": "TIMEOUT",
    "unstable": "UNSTABLE",
    "mismatch": "MISMATCH",
}


def time_cell(res):
    if res.status == "ok":
        return "%.3f" % res.median()
    return CELL[res.status]


def ratio_of(results, name):
    a, b = results.get(name), results.get(REFERENCE)
    if not a or not b or a.status != "ok" or b.status != "ok":
        return None
    return a.median() / b.median()


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def build_table(benches, all_results, impls):
    """Returns (header, rows, footer_row, notes)."""
    others = [im.name for im in impls if im.name != REFERENCE]
    header = (["benchmark", "args"] + [im.name for im in impls]
              + ["%s/%s" % (n, REFERENCE) for n in others])
    rows, notes = [], []
    ratios = {n: [] for n in others}
    for name, _script, bargs in benches:
        results = all_results[name]
        row = [name, " ".join(bargs) or "(default)"]
        row += [time_cell(results[im.name]) for im in impls]
        for n in others:
            q = ratio_of(results, n)
            if q is None:
                row.append("-")
            else:
                ratios[n].append(q)
                row.append("%.2f" % q)
        rows.append(row)
        for im in impls:
            res = results[im.name]
            if res.status not in ("ok", "missing"):
                notes.append("%s on %s: %s: %s" % (
                    im.name, name, CELL[res.status], res.detail))
    footer = ["geometric mean", ""] + [""] * len(impls)
    for n in others:
        g = geomean(ratios[n])
        if g is None:
            footer.append("-")
        elif len(ratios[n]) < len(benches):
            footer.append("%.2f (%d of %d)" % (g, len(ratios[n]), len(benches)))
        else:
            footer.append("%.2f" % g)
    notes[:0] = ["%s: %s" % (im.name, im.missing_reason)
                 for im in impls if not im.present] + ABSENT
    return header, rows, footer, notes


def format_text(header, rows, footer):
    table = [header] + rows + [footer]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]

    def fmt(r):
        cells = []
        for i, c in enumerate(r):
            cells.append(c.ljust(widths[i]) if i < 2 else c.rjust(widths[i]))
        return "  ".join(cells).rstrip()

    sep = "  ".join("-" * w for w in widths)
    out = [fmt(header), sep] + [fmt(r) for r in rows] + [sep, fmt(footer)]
    return "\n".join(out)


def format_markdown(header, rows, footer):
    def line(r):
        return "| " + " | ".join(c.replace("|", "\\|") for c in r) + " |"
    align = ["---", "---"] + ["---:"] * (len(header) - 2)
    bold_footer = ["**%s**" % c if c else "" for c in footer]
    out = [line(header), "| " + " | ".join(align) + " |"]
    out += [line(r) for r in rows] + [line(bold_footer)]
    return "\n".join(out)


# --------------------------------------------------------------------------
# machine and versions

def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.lower().startswith("model name"):
                    return ln.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def impl_version(im):
    if not im.present:
        return "not available"
    for flag in ("-v", "--version"):
        try:
            p = subprocess.run(im.argv[:1] + [flag], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            continue
        text = p.stdout.decode("utf-8", "replace").strip()
        if p.returncode == 0 and text:
            first = text.splitlines()[0]
            for cut in ("  Copyright", " -- Copyright", " Copyright"):
                if cut in first:
                    first = first.split(cut)[0]
            return first.strip()
    return "unknown"


def display_path(p, bare_if_on_path):
    """A path as shown in the report: relative inside the repository, the
    bare name for a program found on PATH (if allowed), else absolute."""
    ap = os.path.abspath(p)
    if ap.startswith(ROOT + os.sep):
        return os.path.relpath(ap, ROOT)
    if bare_if_on_path and shutil.which(os.path.basename(p)) == ap:
        return os.path.basename(p)
    return ap


def git_revision():
    try:
        rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             timeout=10)
        if rev.returncode != 0:
            return None
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain",
                                "--untracked-files=no", "--", ".", ":!docs/benchmarks*.md"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               timeout=10)
        s = rev.stdout.decode().strip()
        if dirty.returncode == 0 and dirty.stdout.strip():
            s += " (with uncommitted changes)"
        return s
    except (OSError, subprocess.TimeoutExpired):
        return None


def write_markdown(path, args, impls, header, rows, footer, notes, started):
    cores = os.cpu_count() or 0
    try:
        avail = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        avail = cores
    rev = git_revision()
    lines = [
        "# Benchmarks",
        "",
        "Generated by `python3 bench/run_bench.py --markdown docs/benchmarks.md`"
        " (run by `make bench`); do not edit by hand. What each benchmark"
        " stresses is described in [bench/README.md](../bench/README.md).",
        "",
        "Processes and OTP against Erlang/OTP (the BEAM) are in"
        " [benchmarks-processes.md](benchmarks-processes.md), written by"
        " `bench/run_procbench.py` in the same `make bench`.",
        "",
        "## Setup",
        "",
        "- Date: %s" % started.strftime("%Y-%m-%d %H:%M %Z").strip(),
        "- Machine: %s, %d cores%s" % (
            cpu_model(), cores,
            "" if avail == cores else " (%d available to the runner)" % avail),
        "- OS: %s" % platform.platform(),
    ]
    if rev:
        lines.append("- Lurel revision: %s" % rev)
    lines.append("- Implementations:")
    for im in impls:
        lines.append("  - %s: `%s` — %s" % (
            im.name, " ".join([display_path(im.argv[0], im.name != "lurel")] + im.argv[1:]),
            impl_version(im)))
    if args.quick:
        lines.append("- **Smoke test (--quick): small sizes; these times are"
                     " not meaningful.**")
    lines += [
        "- Method: wall-clock time of the whole process (startup included),"
        " %d round%s, implementations interleaved within each round;"
        " the table shows the median in seconds. Ratios are median time /"
        " median time of %s (below 1 is faster than %s)." % (
            args.rounds, "" if args.rounds == 1 else "s", REFERENCE, REFERENCE),
        "- Every implementation's stdout is compared with %s's; a benchmark"
        " whose output differs is marked MISMATCH and left out of the"
        " geometric mean, as are crashes and timeouts." % REFERENCE,
        "",
        "## Results",
        "",
        format_markdown(header, rows, footer),
        "",
    ]
    if notes:
        lines += ["## Notes", ""] + ["- %s" % n for n in notes] + [""]
    # the processes-vs-BEAM section that run_procbench.py --summary put in
    # the previous report stays until that script replaces it
    kept = ""
    try:
        with open(path) as f:
            old = f.read()
        b = old.find("<!-- processes vs BEAM: begin")
        e = old.find("<!-- processes vs BEAM: end -->")
        if b >= 0 and e > b:
            kept = "\n" + old[b:e + len("<!-- processes vs BEAM: end -->")] + "\n"
    except OSError:
        pass
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n" + kept)


# --------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(
        description="Run the Lurel benchmark suite against lua5.4 and luajit -joff.")
    ap.add_argument("--lurel", default=os.path.join(ROOT, "build", "lurel"),
                    help="path of the lurel binary (default: build/lurel)")
    ap.add_argument("--lua", default="lua5.4",
                    help="reference Lua 5.4 interpreter (default: lua5.4)")
    ap.add_argument("--luajit", default="luajit",
                    help="LuaJIT binary, run with -joff (default: luajit)")
    ap.add_argument("--no-luajit", action="store_true",
                    help="do not run LuaJIT even if it is installed")
    ap.add_argument("--rounds", type=int, default=None,
                    help="runs per implementation and benchmark (default 5; 1 with --quick)")
    ap.add_argument("--only", metavar="NAME[,NAME]",
                    help="run only these benchmarks")
    ap.add_argument("--quick", action="store_true",
                    help="small sizes and 1 round, for smoke tests")
    ap.add_argument("--timeout", type=float, default=300.0,
                    help="seconds before one run is killed (default 300)")
    ap.add_argument("--markdown", metavar="FILE",
                    help="also write the results as markdown to FILE")
    ap.add_argument("-q", "--quiet", action="store_true",
                    help="no progress lines on stderr")
    args = ap.parse_args()
    if args.rounds is None:
        args.rounds = 1 if args.quick else 5
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")

    def log(msg):
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    started = datetime.datetime.now().astimezone()
    impls = find_impls(args)
    benches = find_benchmarks(args)
    if not benches:
        sys.exit("run_bench: no benchmarks found in %s" % BENCH_DIR)
    for im in impls:
        log("%-12s %s" % (im.name, " ".join(im.argv) if im.present
                          else "MISSING (%s)" % im.missing_reason))

    all_results = {}
    for name, script, bargs in benches:
        results, _ = run_benchmark(name, script, bargs, impls, args.rounds,
                                   args.timeout, log)
        all_results[name] = results

    header, rows, footer, notes = build_table(benches, all_results, impls)
    print()
    print("median wall time in seconds over %d round%s%s" % (
        args.rounds, "" if args.rounds == 1 else "s",
        " (--quick sizes)" if args.quick else ""))
    print(format_text(header, rows, footer))
    if notes:
        print()
        for n in notes:
            print("note: " + n)
    if args.markdown:
        write_markdown(args.markdown, args, impls, header, rows, footer,
                       notes, started)
        print()
        print("markdown written to %s" % args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
