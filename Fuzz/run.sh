#!/usr/bin/env bash
# Builds a libFuzzer target of this package and fuzzes FeedpubCore with it.
#
#   Fuzz/run.sh [TARGET] [SECONDS] [libFuzzer flags...]
#   Fuzz/run.sh TARGET replay      run the seeds and Regressions/ once, no fuzzing
#
# TARGET: FuzzPageParser (or: parser) or FuzzPipeline (or: pipeline); default
# FuzzPageParser. SECONDS: how long to fuzz, default 600. Runnable from any
# folder. Nothing is written inside the repository: the build goes to
# $FEEDPUB_FUZZ_DIR/build and the working corpus, crash files and log to
# $FEEDPUB_FUZZ_DIR/<TARGET>, FEEDPUB_FUZZ_DIR defaulting to
# ${TMPDIR:-/tmp}/feedpub-fuzz. The committed seeds (Seeds/<TARGET>) are read,
# never written. One fuzzing process (-jobs is not used): pass extra libFuzzer
# flags after SECONDS to change that or anything else.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="${1:-FuzzPageParser}"
case "$target" in
    parser | page-parser | FuzzPageParser) target=FuzzPageParser ;;
    pipeline | FuzzPipeline) target=FuzzPipeline ;;
    *) echo "run.sh: unknown target '$target' (FuzzPageParser or FuzzPipeline)" >&2; exit 2 ;;
esac
seconds="${2:-600}"
shift $(($# < 2 ? $# : 2))

base="${FEEDPUB_FUZZ_DIR:-${TMPDIR:-/tmp}/feedpub-fuzz}"
build="$base/build"
work="$base/$target"
mkdir -p "$work/corpus" "$work/artifacts"

# The fuzzers link libFuzzer's main, so the package must not rename the entry
# point (see README.md): that is why Package.swift keeps tools version 5.4.
echo "run.sh: building $target into $build" >&2
swift build --package-path "$here" --scratch-path "$build" -c release --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
binary="$build/release/$target"

# Swift's own crash backtracer would run before libFuzzer's handler and trips
# AddressSanitizer; with it off a trap is reported, and saved, by libFuzzer.
export SWIFT_BACKTRACE=enable=no
cd "$work"

if [[ "$seconds" == replay ]]; then
    inputs=("$here/Seeds/$target"/*)
    regressions=("$here/Regressions/$target"-*)
    [[ -e "${regressions[0]}" ]] && inputs+=("${regressions[@]}")
    echo "run.sh: replaying ${#inputs[@]} inputs" >&2
    "$binary" -timeout=25 -rss_limit_mb=4096 "$@" "${inputs[@]}"
    exit
fi

log="$work/fuzz.log"
echo "run.sh: fuzzing $target for ${seconds}s; corpus $work/corpus, artefacts $work/artifacts, log $log" >&2
status=0
touch "$work/.start"
"$binary" "$work/corpus" "$here/Seeds/$target" \
    -artifact_prefix="$work/artifacts/" \
    -max_total_time="$seconds" -max_len=65536 -timeout=25 -rss_limit_mb=4096 \
    -print_final_stats=1 "$@" 2>&1 | tee "$log" || status=$?

echo
echo "== $target: summary"
grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1 || true
grep -E '^stat::' "$log" || true
files=$(find "$work/corpus" -type f | wc -l)
bytes=$(du -sb "$work/corpus" | cut -f1)
echo "working corpus: $files files, $bytes bytes in $work/corpus"
artefacts=$(find "$work/artifacts" -type f -newer "$work/.start")
if [[ -n "$artefacts" ]]; then
    echo "artefacts (crash, timeout, oom, leak):"
    echo "$artefacts"
    echo "minimize one with: SWIFT_BACKTRACE=enable=no $binary -minimize_crash=1 -max_total_time=120 -exact_artifact_path=<out> <artefact>"
fi
exit "$status"
