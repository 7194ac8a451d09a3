"""Annotate a JSONL corpus with a Spindle pipeline on Apache Spark.

Each Spark partition's lines are piped through `spindle annotate - --format jsonl`, which reads JSONL on
standard input and writes one annotated JSON line per document on standard output, in order. The same
pattern works with Hadoop Streaming or GNU parallel.

    python examples/spark/annotate_with_spark.py --spindle .build/release/spindle \
        samples/articles.jsonl /tmp/annotated

Runs in Spark local mode by default (`--master local[*]`); point `--master` at a cluster to scale out,
with the `spindle` binary and the pipelines folder installed on every worker.
"""

import argparse
import os
import shlex
import sys

from pyspark import SparkConf, SparkContext


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="JSONL corpus: one {\"id\", \"text\", ...} object per line")
    parser.add_argument("output", help="output folder (Spark writes part-NNNNN files of annotated JSONL)")
    parser.add_argument("--spindle", default="spindle", help="path to the spindle executable")
    parser.add_argument("--pipeline", default="default", help="pipeline name or path")
    parser.add_argument("--partitions", type=int, default=4, help="number of input partitions")
    parser.add_argument("--master", default="local[*]", help="Spark master URL")
    args = parser.parse_args()

    spindle = os.path.abspath(args.spindle) if os.path.sep in args.spindle else args.spindle
    pipeline = os.path.abspath(args.pipeline) if args.pipeline.endswith((".yaml", ".yml")) else args.pipeline
    # One job per partition: Spark already runs a partition per core.
    command = [spindle, "annotate", "-", "--format", "jsonl", "--quiet", "--jobs", "1", "--pipeline", pipeline]

    conf = SparkConf().setMaster(args.master).setAppName("spindle-annotate")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile(os.path.abspath(args.input), minPartitions=args.partitions)
        annotated = lines.pipe(shlex.join(command), env=dict(os.environ))
        annotated.saveAsTextFile(os.path.abspath(args.output))
        count = sc.textFile(os.path.abspath(args.output)).count()
    finally:
        sc.stop()
    print(f"annotated {count} documents into {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
