"""Run every benchmark in turn (`make bench`); each prints its own table.

    python bench/run_all.py [--quick]

--quick uses small sizes (a few minutes in all); without it the sizes of the issues are used
(1,000-article corpus, 1 million triples), which takes much longer on two cores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def run(*args: str) -> None:
    print(f"\n$ {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    triples = "100000" if args.quick else "1000000"
    scaled = str(BENCH / "out" / "scaled.nq")
    subprocess.run([str(Path(sys.executable).with_name("edugraph")), "build", "--quiet"], cwd=ROOT, check=True)
    run(str(BENCH / "build.py"), "--sizes", *(["20", "100"] if args.quick else ["100", "1000"]))
    run(str(BENCH / "scale.py"), "--triples", triples, "--out", scaled)
    run(str(BENCH / "queries.py"), "--scaled", scaled)
    run(str(BENCH / "viz.py"))
    run(str(BENCH / "endpoint.py"), "--requests", "200" if args.quick else "1000")
    run(str(BENCH / "load.py"), "--input", scaled)
    run(str(BENCH / "hostile.py"), "--sizes", *(["10000", "40000"] if args.quick else ["25000", "100000"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
