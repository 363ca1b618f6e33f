#!/usr/bin/env python3
"""kravgen's benchmark: `kravgen convert` against pandoc on a ~200 KB Markdown file, and
`kravgen generate` on a catalogue of 10,000 requirements. Median wall time of several runs and
peak memory (maximum resident set size) of each command. Run from the repository root:

    python3 bench/run.py [--runs N]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "bench"
KRAVGEN = ROOT / "target" / "release" / "kravgen"


def measure(command, runs):
    """Median seconds and peak memory in MB over `runs` runs of `command`."""
    times, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(map(str, command))}\n{process.stderr.read().decode()}")
    return statistics.median(times), max(peaks)


def report(name, seconds, megabytes):
    print(f"{name:<44} {seconds * 1000:9.1f} ms {megabytes:8.1f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    subprocess.run(["cargo", "build", "--release", "--locked", "-q"], cwd=ROOT, check=True)
    subprocess.run([sys.executable, ROOT / "bench" / "make_inputs.py", WORK], check=True)
    large = WORK / "large.md"
    print(f"\n{large.name}: {large.stat().st_size / 1024:.0f} KB; median of {runs} runs\n")

    convert = measure([KRAVGEN, "convert", large, "-o", WORK / "large.docx", "--force"], runs)
    report("kravgen convert large.md", *convert)
    if shutil.which("pandoc"):
        pandoc = measure(["pandoc", large, "-o", WORK / "large-pandoc.docx"], runs)
        report("pandoc large.md -o large.docx", *pandoc)
        print(f"{'kravgen convert is faster than pandoc by':<44} {pandoc[0] / convert[0]:9.1f} ×")
    else:
        print("pandoc is not installed (apt-get install pandoc): no comparison")

    generate = measure([KRAVGEN, "--catalogue", WORK / "catalogue-10000.yaml", "generate",
                        WORK / "profile-10000.yaml", "-o", WORK / "out", "--force", "-q"], runs)
    report("kravgen generate, 10,000 requirements", *generate)


if __name__ == "__main__":
    main()
