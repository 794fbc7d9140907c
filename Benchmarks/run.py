#!/usr/bin/env python3
"""witaj against Hugo on the same synthetic multilingual site, side by side.

For each N (documents) and L (languages) it generates both sites (generate.py), builds each from cold several
times, alternating, and prints the median and spread of wall time, pages per second and peak resident memory
(GNU time), the ratios witaj/Hugo, a rebuild with nothing changed and after changing one document, and the time
to make all the EPUBs against pandoc making one EPUB of the same chapters (each a median of as many runs). It is
not a test; CI does not run it.

Usage: Benchmarks/run.py [--sizes 200,1000,4000] [--languages 8] [--runs 3]
Needs: hugo, pandoc and GNU time (apt-get install hugo pandoc time) and a release build of witaj.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# WITAJ_BIN: another build of witaj to time (an earlier commit's, to compare).
WITAJ = os.environ.get("WITAJ_BIN") or os.path.join(ROOT, ".build/release/witaj")


BOOKS = []  # seconds witaj spent making every language's EPUB, from WITAJ_TIMINGS, one per witaj run


def measure(command, cwd=None):
    """(wall seconds, peak RSS in MB) of one run, by GNU time."""
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + command, cwd=cwd, check=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, WITAJ_TIMINGS="1"))
        wall = time.perf_counter() - start
        for line in done.stderr.splitlines():
            if line.startswith("witaj: books "):
                BOOKS.append(float(line.split()[2]))
        return wall, int(report.read().strip().splitlines()[-1]) / 1024


def summary(samples):
    walls = [w for w, _ in samples]
    return statistics.median(walls), max(walls) - min(walls), max(m for _, m in samples)


def count_pages(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="200,1000,4000")
    parser.add_argument("--languages", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for tool in ["hugo", "pandoc", "/usr/bin/time"]:
        if not shutil.which(tool):
            sys.exit(f"missing {tool}: apt-get install hugo pandoc time")
    # The release build as script/setup's build_release makes it (the binary that is installed); other flags would
    # compile everything again over it.
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--disable-local-rpath", "--product", "witaj"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"machine: {os.cpu_count()} cores; hugo {hugo_version}; runs per tool: {args.runs}")
    header = ("N", "L", "tool", "pages", "median s", "spread s", "pages/s", "peak MB")
    rows, ratios = [], []
    for n in [int(x) for x in args.sizes.split(",")]:
        work = tempfile.mkdtemp(prefix=f"witaj-bench-{n}-")
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/generate.py"), str(n), str(args.languages), work, WITAJ],
                       check=True, stdout=subprocess.DEVNULL)
        site, hugo = os.path.join(work, "witaj"), os.path.join(work, "hugo")
        samples = {"witaj": [], "hugo": []}
        BOOKS.clear()
        # Alternating, each from cold: a new output folder every run. Old outputs are deleted only after all
        # runs: ext4 skips inodes freed in the last seconds when it allocates new ones, so deleting 8,000 files
        # just before a build makes that build pay for the deletion in kernel time (both tools alike).
        for run in range(args.runs):
            w_out, h_out = os.path.join(work, f"witaj-out-{run}"), os.path.join(work, f"hugo-out-{run}")
            samples["witaj"].append(measure([WITAJ, "build", "--root", site, "--out", w_out]))
            shutil.rmtree(os.path.join(hugo, "resources"), ignore_errors=True)
            samples["hugo"].append(measure(["hugo", "--quiet", "-d", h_out], cwd=hugo))
        result = {}
        for tool, out in [("witaj", w_out), ("hugo", h_out)]:
            median, spread, peak = summary(samples[tool])
            pages = count_pages(out)
            result[tool] = (median, peak, pages)
            rows.append((n, args.languages, tool, pages, f"{median:.2f}", f"{spread:.2f}", f"{pages / median:.0f}", f"{peak:.0f}"))
        # Rebuilds over the last output, each the median of as many runs as the cold builds: nothing changed,
        # then one document changed (a rebuild takes a few tenths of a second, so one run is mostly noise).
        books = statistics.median(BOOKS) if BOOKS else float("nan")

        def median_of(once):
            return statistics.median(once() for _ in range(args.runs))
        unchanged = median_of(lambda: measure([WITAJ, "build", "--root", site, "--out", w_out])[0])

        def rebuild_after_editing(source):
            # An editor saves, and the build starts a moment later: a file changed in the second a build starts is
            # not trusted to stay unchanged, so that build would keep no state for the next one.
            with open(os.path.join(site, source), "a", encoding="utf-8") as f:
                f.write("\nJeszcze jedno zdanie.\n")
            time.sleep(1.5)
            return measure([WITAJ, "build", "--root", site, "--out", w_out])[0]
        # doc0 is a chapter of the book, so every language's EPUB is made again; doc{n/2} is not in the book.
        one_changed = median_of(lambda: rebuild_after_editing("content/arrival/doc0.md"))
        other = n // 2 if n // 2 >= 40 and n // 2 % 10 == 0 else 40
        one_outside_book = median_of(lambda: rebuild_after_editing(f"content/arrival/doc{other}.md"))
        # Books: witaj makes every language's EPUB within its build; pandoc makes one EPUB of the same chapters.
        chapters = [os.path.join(w_out, "pl", p.strip()[2:].rsplit(".", 1)[0], "index.html")
                    for p in open(os.path.join(site, "site.yml"), encoding="utf-8") if p.startswith("    - ")]
        pandoc = median_of(lambda: measure(["pandoc", "-o", os.path.join(work, "pandoc.epub"), "--metadata", "title=Pack"] + chapters)[0])
        ratios.append((n, result["witaj"][0] / result["hugo"][0], result["witaj"][1] / result["hugo"][1],
                       result["witaj"][0] / result["witaj"][2], unchanged / result["witaj"][0],
                       one_changed / result["witaj"][0], one_outside_book / result["witaj"][0], books, pandoc))
        shutil.rmtree(work, ignore_errors=True)
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for r in [header] + rows:
        print("  ".join(str(c).rjust(w) for c, w in zip(r, widths)))
    print()
    print("N      time witaj/hugo  memory witaj/hugo  ms per witaj page  rebuild unchanged/full  rebuild one chapter/full  rebuild one page/full  witaj all EPUBs s  pandoc one EPUB s")
    for n, t, m, per_page, unchanged, one, outside, books, pandoc in ratios:
        print(f"{n:<6} {t:>16.2f}  {m:>17.2f}  {per_page * 1000:>17.2f}  {unchanged:>22.3f}  {one:>24.3f}  {outside:>21.3f}  {books:>17.2f}  {pandoc:>17.2f}")


if __name__ == "__main__":
    main()
