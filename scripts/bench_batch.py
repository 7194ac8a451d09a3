"""Batch benchmark for `spindle annotate`: documents/s and peak memory with --jobs 1 and 2, on a generated
corpus and on one twice as large (peak memory must not grow with corpus size).

    swift build -c release
    python3 scripts/bench_batch.py --spindle .build/release/spindle --documents 20000

Peak RSS is the child's own maximum resident set size, from wait4(2).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time


def run(command):
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{stderr}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spindle", default=".build/release/spindle")
    parser.add_argument("--documents", type=int, default=20000)
    parser.add_argument("--pipeline", default="default")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        corpora = {}
        for scale in (1, 2):
            path = os.path.join(folder, f"corpus-{scale}x.jsonl")
            subprocess.run([args.spindle, "generate", "--documents", str(args.documents * scale), "-o", path], check=True,
                           stderr=subprocess.DEVNULL)
            corpora[scale] = path
        rows = []
        for scale, path in corpora.items():
            megabytes = os.path.getsize(path) / 1e6
            for jobs in (1, 2):
                output = os.path.join(folder, f"out-{scale}-{jobs}.jsonl")
                seconds, rss = run([args.spindle, "annotate", "--quiet", "--pipeline", args.pipeline,
                                    "--jobs", str(jobs), "-o", output, path])
                os.remove(output)
                rows.append((scale, args.documents * scale, megabytes, jobs, seconds, rss))

    print(f"{'corpus':>7} {'docs':>7} {'MB':>6} {'jobs':>4} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'peak RSS MiB':>12}")
    for scale, docs, megabytes, jobs, seconds, rss in rows:
        print(f"{scale:>6}x {docs:>7} {megabytes:>6.1f} {jobs:>4} {seconds:>8.2f} {docs / seconds:>8.0f} "
              f"{megabytes / seconds:>6.1f} {rss:>12.1f}")
    by = {(r[0], r[3]): r for r in rows}
    for scale in (1, 2):
        print(f"speed-up with --jobs 2 on the {scale}x corpus: {by[(scale, 1)][4] / by[(scale, 2)][4]:.2f}x")
    print(f"peak RSS 2x corpus / 1x corpus (--jobs 2): {by[(2, 2)][5] / by[(1, 2)][5]:.2f}")


if __name__ == "__main__":
    main()
