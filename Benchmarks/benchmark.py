#!/usr/bin/env python3
"""feedpub's benchmark: full build, no-change rebuild and one-day rebuild of
generated corpora, against the floor of reading the pages and copying the
output, all measured in one run on this machine.

    python3 Benchmarks/benchmark.py                 # 10,000 and 100,000 pages
    python3 Benchmarks/benchmark.py --pages 10000   # one size
    python3 Benchmarks/benchmark.py --feedgen /path/to/venv/bin/python
                                                    # also time a python-feedgen script
    python3 Benchmarks/benchmark.py --against 7c873ae
                                                    # also race an earlier commit's build

Corpora come from the repository's deterministic generator (feedpub-corpus);
they are kept in --work (default /tmp/feedpub-bench) and reused when present.
For the one-day rebuild, the 15 newest pages (at 100,000 pages, the newest
day's) are held out of the first build and put back for the rebuild. When the
newest day has fewer than 15 pages (as at 10,000 pages), the newest day that
has 15 is also held out and put back, and that back-filled day timed on its own.
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release")


def run(command, **kwargs):
    """Runs `command`; returns (wall seconds, CPU seconds, peak RSS in MB)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024.0


def measured(command):
    """Runs `command` under /usr/bin/time for its own peak RSS."""
    report = "/tmp/feedpub-bench-time.txt"
    wall, cpu, _ = run(["/usr/bin/time", "-f", "%M", "-o", report] + command,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(report) as handle:
        peak = int(handle.read().strip().splitlines()[-1]) / 1024.0
    return wall, cpu, peak


def tree_size(folder):
    total = 0
    for base, _, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(base, name))
    return total


def mtimes(folder):
    result = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            result[path] = os.stat(path).st_mtime_ns
    return result


def day_pages(corpus):
    """Every page of `corpus` by day folder: {(year, month, day): [relative paths, sorted]}."""
    days = {}
    for base, _, files in os.walk(os.path.join(corpus, "news")):
        pages = sorted(name for name in files if name.endswith(".md") and name != "index.md")
        if pages:
            year, month, day = base.split(os.sep)[-3:]
            days[int(year), int(month), int(day)] = [os.path.relpath(os.path.join(base, name), corpus)
                                                    for name in pages]
    return days


def newest_pages(corpus, count=15):
    """The `count` newest pages: the newest day's at 100,000 pages; in a
    smaller corpus they span a few days."""
    days = day_pages(corpus)
    pages = [page for day in sorted(days) for page in days[day]]
    return pages[-count:]


def busiest_past_day(corpus, count=15):
    """Up to `count` pages of the newest day that has at least `count`:
    a past day back-filled when the newest days have fewer; None when no
    day has that many."""
    days = day_pages(corpus)
    for day in sorted(days, reverse=True):
        if len(days[day]) >= count:
            return days[day][:count]
    return None


def hold_out(corpus, held, pages):
    """Moves `pages` (relative paths) from `corpus` to `held`; returns them."""
    for relative in pages:
        os.makedirs(os.path.dirname(os.path.join(held, relative)), exist_ok=True)
        shutil.move(os.path.join(corpus, relative), os.path.join(held, relative))
    return list(pages)


def put_back(corpus, held, moved):
    for relative in moved:
        shutil.move(os.path.join(held, relative), os.path.join(corpus, relative))


ASIDE = []
FEEDGEN = None
FEEDS_ONLY = None


def set_aside(folder):
    """Moves `folder` out of the way, to be removed once every measurement is
    done. On ext4 without a journal (as on the machine these figures come
    from), creating a file scans past every inode freed in the last minute or
    more; removing 100,000 files just before a build made that build pay for
    the harness's own cleanup (a 10,000-page build took 6.8 s instead of
    2.6 s)."""
    if os.path.exists(folder):
        aside = "%s.aside-%d" % (folder, len(ASIDE))
        shutil.rmtree(aside, ignore_errors=True)
        os.rename(folder, aside)
        ASIDE.append(aside)


def settle():
    """Waits for the files written so far to reach the disk, so that a
    rebuild is not timed while the kernel writes back the gigabytes the full
    build or the copy before it left in memory."""
    subprocess.run(["sync"], check=True)


def evict(folder):
    """Drops the files of `folder` (on disk already: see settle) from the
    kernel's page cache. The floor's copy of the output is as large as the
    output; left in memory, it pushed the corpus, the page cache and the
    output's metadata out, and the rebuilds after it read them from the disk
    again (at 100,000 pages, one-day rounds of 3.0 to 4.6 s instead of
    2.3 s)."""
    for base, _, files in os.walk(folder):
        for name in files:
            descriptor = os.open(os.path.join(base, name), os.O_RDONLY)
            try:
                os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(descriptor)


ROUNDS = 3


def rebuilds(build, output, snapshot=None):
    """Times the rebuild `build` of `output` ROUNDS times, each starting from
    `snapshot` (a hard-linked copy of the output as it was) when given, and
    returns the median round (wall, CPU, peak RSS) with the number of files
    the last round rewrote. With a snapshot, one round is run first and not
    timed: the first rebuild after a full build pays for the kernel taking
    back memory the full build's files fill, and for reading back what they
    pushed out (at 100,000 pages, 3.3 to 4.6 s instead of 2.3 s), which a
    rebuild the next day, after other work, would not."""
    times = []
    for number in range(ROUNDS + (1 if snapshot else 0)):
        if snapshot:
            set_aside(output)
            subprocess.run(["cp", "-al", snapshot, output], check=True)
        before = mtimes(output)
        settle()
        timed = measured(build)
        if snapshot and number == 0:
            continue
        times.append(timed)
        rewritten = sum(1 for path, stamp in mtimes(output).items() if before.get(path) != stamp)
    return sorted(times)[len(times) // 2], rewritten


def snapshot_of(output):
    """A hard-linked copy of `output`, set aside to be removed at the end.
    Builds replace files by renaming new ones into place, so the copy keeps
    the output as it is now."""
    copy = output + "-snapshot"
    set_aside(copy)
    subprocess.run(["cp", "-al", output, copy], check=True)
    ASIDE.append(copy)
    return copy


def bench(pages, work, config):
    corpus = os.path.join(work, "corpus-%d" % pages)
    if not os.path.isdir(corpus):
        print("generating %d pages..." % pages, file=sys.stderr)
        subprocess.run([os.path.join(BIN, "feedpub-corpus"), "--pages", str(pages), corpus], check=True,
                       stdout=subprocess.DEVNULL)
    held = os.path.join(work, "held-%d" % pages)
    shutil.rmtree(held, ignore_errors=True)
    newest = newest_pages(corpus)
    moved = hold_out(corpus, held, newest)
    output = os.path.join(work, "feeds-%d" % pages)
    set_aside(output)
    build = [os.path.join(BIN, "feedpub"), "build", "--config", config, "--input", corpus, "--output", output, "--quiet"]
    try:
        # Floor: read every page, copy the output tree.
        subprocess.run(["sync"])
        read_floor = run(["sh", "-c", "find '%s/news' -name '*.md' -print0 | xargs -0 cat > /dev/null" % corpus])[0]
        full = measured(build)
        output_bytes = tree_size(output)
        copy_target = output + "-copy"
        set_aside(copy_target)
        copy_floor = run(["cp", "-r", output, copy_target])[0]
        settle()
        evict(copy_target)
        set_aside(copy_target)

        no_change, rewritten_no_change = rebuilds(build, output)

        before_day = snapshot_of(output)
        put_back(corpus, held, moved)
        moved = []
        one_day, rewritten_one_day = rebuilds(build, output, before_day)
        files = len(mtimes(output))

        # A past day back-filled, when it is not the newest pages: the new
        # events then fall between old ones, and every archive document of
        # their topics after them shifts by one event.
        backfill = None
        past = busiest_past_day(corpus)
        if past and sorted(past) != sorted(newest):
            moved = hold_out(corpus, held, past)
            subprocess.run(build, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            before_past = snapshot_of(output)
            put_back(corpus, held, moved)
            moved = []
            timed, rewritten = rebuilds(build, output, before_past)
            backfill = (timed, rewritten, os.path.dirname(past[0]))
    finally:
        put_back(corpus, held, moved)
    if FEEDGEN:
        # The same corpus through a python-feedgen script, against feedpub
        # writing the same kind of output: Atom and RSS per topic only.
        baseline = os.path.join(work, "feedgen-%d" % pages)
        set_aside(baseline)
        feedgen = measured([FEEDGEN, os.path.join(ROOT, "Benchmarks", "feedgen_baseline.py"), corpus, baseline])
        feeds_only = os.path.join(work, "feeds-only-%d" % pages)
        set_aside(feeds_only)
        only = measured([os.path.join(BIN, "feedpub"), "build", "--config", FEEDS_ONLY, "--input", corpus,
                         "--output", feeds_only, "--quiet"])
        comparison = {"feedgen": feedgen, "feedpub_feeds_only": only,
                      "feedgen_files": sum(len(f) for _, _, f in os.walk(baseline)),
                      "feeds_only_files": sum(1 for _, _, f in os.walk(feeds_only) for n in f if not n.startswith("."))}
    else:
        comparison = None
    corpus_bytes = tree_size(os.path.join(corpus, "news"))
    floor = read_floor + copy_floor
    return {
        "pages": pages,
        "corpus_mb": corpus_bytes / 1e6,
        "output_mb": output_bytes / 1e6,
        "files": files,
        "full": full,
        "no_change": no_change,
        "one_day": one_day,
        "floor": floor,
        "read_floor": read_floor,
        "copy_floor": copy_floor,
        "rewritten_no_change": rewritten_no_change,
        "rewritten_one_day": rewritten_one_day,
        "backfill": backfill,
        "comparison": comparison,
    }


def build_revision(revision, work):
    """Builds feedpub as of `revision` of this repository (exported with
    `git archive` into `work`, and reused); returns (short hash, binary)."""
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", revision], check=True,
                            stdout=subprocess.PIPE, text=True).stdout.strip()
    source = os.path.join(work, "source-" + commit)
    if not os.path.isdir(source):
        archive = subprocess.run(["git", "-C", ROOT, "archive", commit], check=True, stdout=subprocess.PIPE).stdout
        os.makedirs(source)
        subprocess.run(["tar", "-x", "-C", source], input=archive, check=True)
    print("building %s..." % commit, file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--product", "feedpub", "--package-path", source], check=True,
                   stdout=subprocess.DEVNULL)
    return commit, os.path.join(source, ".build", "release", "feedpub")


def race(pages, work, config, binaries, rounds=3):
    """Times the one-day and no-change rebuilds of each of `binaries` (name,
    path), each writing its own output, taking turns (who goes first
    alternates), `rounds` times: the machine's load then weighs on both
    alike. Returns {name: {"one_day": [...], "no_change": [...]}}."""
    corpus = os.path.join(work, "corpus-%d" % pages)
    held = os.path.join(work, "held-%d" % pages)
    outputs = {}
    for name, _ in binaries:
        outputs[name] = os.path.join(work, "race-%s-%d" % (name, pages))
        set_aside(outputs[name])
    def build(name, binary):
        command = [binary, "build", "--config", config, "--input", corpus, "--output", outputs[name], "--quiet"]
        settle()
        return run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)[0]
    times = {name: {"one_day": [], "no_change": []} for name, _ in binaries}
    for number in range(rounds):
        order = binaries if number % 2 == 0 else binaries[::-1]
        moved = hold_out(corpus, held, newest_pages(corpus))
        try:
            for name, binary in order:
                build(name, binary)  # the first round's is each output's full build
        finally:
            put_back(corpus, held, moved)
        for name, binary in order:
            times[name]["one_day"].append(build(name, binary))
        for name, binary in order:
            times[name]["no_change"].append(build(name, binary))
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, action="append", help="corpus size (repeatable)")
    parser.add_argument("--work", default="/tmp/feedpub-bench", help="folder for corpora and output")
    parser.add_argument("--no-build", action="store_true", help="use the existing release binaries")
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--feedgen", metavar="PYTHON",
                        help="also time Benchmarks/feedgen_baseline.py with this Python (one with feedgen installed)")
    parser.add_argument("--against", metavar="REVISION",
                        help="also race the one-day and no-change rebuilds against feedpub as of this commit")
    arguments = parser.parse_args()
    sizes = arguments.pages or [10000, 100000]
    if not arguments.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True,
                       stdout=subprocess.DEVNULL)
    os.makedirs(arguments.work, exist_ok=True)
    config = os.path.join(arguments.work, "config.json")
    with open(config, "w") as handle:
        json.dump({"site": {"title": "Benchmark", "url": "https://example.org/"}}, handle)
    global FEEDGEN, FEEDS_ONLY
    FEEDGEN = arguments.feedgen
    FEEDS_ONLY = os.path.join(arguments.work, "config-feeds-only.json")
    with open(FEEDS_ONLY, "w") as handle:
        json.dump({"site": {"title": "Benchmark", "url": "https://example.org/"},
                   "feeds": {"json": False, "html": False, "archives": False}}, handle)
    try:
        results = [bench(pages, arguments.work, config) for pages in sizes]
        if arguments.against:
            earlier = build_revision(arguments.against, arguments.work)
            binaries = [earlier, ("this", os.path.join(BIN, "feedpub"))]
            for r in results:
                r["race"] = race(r["pages"], arguments.work, config, binaries)
    finally:
        for folder in ASIDE:
            shutil.rmtree(folder, ignore_errors=True)

    print("| pages | corpus | output | full build | CPU | peak RSS | pages/s | MB/s written | no-change | one-day (files rewritten) | floor (cat + cp) | full / floor |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        wall, cpu, rss = r["full"]
        print("| {:,} | {:.0f} MB | {:.0f} MB | {:.2f} s | {:.2f} s | {:.0f} MB | {:,.0f} | {:.0f} | {:.2f} s ({:.1%}, {} rewritten) | {:.2f} s ({:.1%}, {}) | {:.2f} + {:.2f} s | {:.1f}x |".format(
            r["pages"], r["corpus_mb"], r["output_mb"], wall, cpu, rss, r["pages"] / wall, r["output_mb"] / wall,
            r["no_change"][0], r["no_change"][0] / wall, r["rewritten_no_change"],
            r["one_day"][0], r["one_day"][0] / wall, r["rewritten_one_day"],
            r["read_floor"], r["copy_floor"], wall / r["floor"]))
    backfilled = [r for r in results if r["backfill"]]
    if backfilled:
        print()
        print("| pages | past day back-filled | rebuild (files rewritten) |")
        print("| --- | --- | --- |")
        for r in backfilled:
            (wall, _, _), rewritten, day = r["backfill"]
            print("| {:,} | {} | {:.2f} s ({:.1%}, {}) |".format(
                r["pages"], day, wall, wall / r["full"][0], rewritten))
    if FEEDGEN:
        print()
        print("| pages | python-feedgen script: wall, CPU, peak RSS (files) | feedpub, Atom and RSS only: wall, CPU, peak RSS (files) |")
        print("| --- | --- | --- |")
        for r in results:
            c = r["comparison"]
            print("| {:,} | {:.2f} s, {:.2f} s, {:.0f} MB ({:,}) | {:.2f} s, {:.2f} s, {:.0f} MB ({:,}) |".format(
                r["pages"], *c["feedgen"], c["feedgen_files"], *c["feedpub_feeds_only"], c["feeds_only_files"]))
    if arguments.against:
        print()
        print("| pages | build | one-day rebuild, each round | no-change rebuild, each round |")
        print("| --- | --- | --- | --- |")
        for r in results:
            for name, times in r["race"].items():
                print("| {:,} | {} | {} | {} |".format(
                    r["pages"], name, ", ".join("%.2f s" % t for t in times["one_day"]),
                    ", ".join("%.2f s" % t for t in times["no_change"])))
    if arguments.json:
        with open(arguments.json, "w") as handle:
            json.dump(results, handle, indent=2)


if __name__ == "__main__":
    main()
