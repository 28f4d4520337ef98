#!/usr/bin/env bash
# scripts/bench.sh [FILTER] — the BenchmarkDotNet microbenchmarks of tests/NovaImage.Benchmarks (listing page, v1 header
# codec, v1↔v2 mapping, hashing, the generator), with allocations, and their summary tables written into
# docs/benchmarks.md (between the microbenchmark markers; the rest of the file, written by scripts/compare.sh, is kept).
#
#   scripts/bench.sh                    # every benchmark (a few minutes)
#   scripts/bench.sh '*Hashing*'        # a BenchmarkDotNet --filter
#
# Environment: BENCH_JOB (BenchmarkDotNet job: dry, short, medium, long, default) [short]
#              BENCH_OUTPUT (the file to write into) [docs/benchmarks.md]
# The benchmarks run in-process (--inProcess): BenchmarkDotNet does not build a project per job, which takes minutes
# and times out on a busy 2-core machine.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
FILTER=${1:-*}
JOB=${BENCH_JOB:-short}
OUTPUT=${BENCH_OUTPUT:-docs/benchmarks.md}

log() { echo "bench.sh: $*" >&2; }
die() { echo "bench.sh: ERROR: $*" >&2; exit 1; }
command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (dotnet) is required"

ARTIFACTS=$(mktemp -d /tmp/novaimage-bench.XXXXXX)
trap 'rm -rf "$ARTIFACTS"' EXIT

log "building tests/NovaImage.Benchmarks (Release) ..."
dotnet build tests/NovaImage.Benchmarks -c Release -nologo -v q >"$ARTIFACTS/build.log" 2>&1 \
  || { tail -n 30 "$ARTIFACTS/build.log" >&2; die "the build failed"; }
log "running --filter '$FILTER' --job $JOB ..."
dotnet run -c Release --no-build --project tests/NovaImage.Benchmarks -- \
  --filter "$FILTER" --job "$JOB" --inProcess --exporters github --artifacts "$ARTIFACTS" >"$ARTIFACTS/run.log" 2>&1 \
  || { tail -n 40 "$ARTIFACTS/run.log" >&2; die "BenchmarkDotNet failed (the whole log was in $ARTIFACTS/run.log)"; }
ls "$ARTIFACTS"/results/*-report-github.md >/dev/null 2>&1 || die "no benchmark matched '$FILTER'"
grep -q 'Benchmarks with issues' "$ARTIFACTS/run.log" && { grep -A5 'Benchmarks with issues' "$ARTIFACTS/run.log" >&2; die "some benchmarks failed"; }

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
/usr/bin/python3 - "$ARTIFACTS/results" "$OUTPUT" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit" "$JOB" "$FILTER" <<'PY'
import glob, os, re, sys
results, output, date, commit, job, flt = sys.argv[1:]
BEGIN, END = '<!-- BEGIN microbenchmarks (scripts/bench.sh) -->', '<!-- END microbenchmarks -->'
environment, tables = None, []
for path in sorted(glob.glob(os.path.join(results, '*-report-github.md'))):
    text = open(path).read()
    env = re.search(r'```\n(.*?)```', text, re.S)
    if env and environment is None:
        environment = env.group(1).strip()
    table = text[env.end():].strip() if env else text.strip()
    name = os.path.basename(path).replace('-report-github.md', '').split('.')[-1]
    tables.append(f'### {name}\n\n{table}\n')
section = [BEGIN, '## Microbenchmarks (BenchmarkDotNet)', '',
           f'Written by `scripts/bench.sh` on {date}, commit {commit}: `--filter \'{flt}\' --job {job} --inProcess`, '
           'with `[MemoryDiagnoser]` (Allocated = managed bytes per operation). Sources: `tests/NovaImage.Benchmarks`. '
           'A 1,000-image v2 page read whole by the source-generated context, by the streamed listing reader, and read then '
           'mapped; the v1 header codec; the v1↔v2 mapping; 64 MiB through the integrity verifier (multihash only, '
           'md5 + multihash); the generator on a consumer with 100 extension interfaces (500 calls), 20 adapters and 200 '
           'other types, first run and after an unrelated edit.', '']
if environment:
    section += ['```', environment, '```', '']
section += tables + [END]
section = '\n'.join(section)
text = open(output).read() if os.path.exists(output) else '# Benchmarks\n\n'
if BEGIN in text and END in text:
    text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
else:
    text = text.rstrip('\n') + '\n\n' + section + '\n'
open(output, 'w').write(text)
PY
log "wrote the microbenchmarks into $OUTPUT"
