#!/usr/bin/env python3
"""witaj's search against Pagefind on the same built site, in a real browser, side by side.

It builds the site (the shipped Kraków pack unless --root), runs Pagefind over the output, serves it, and types
each query of Benchmarks/search-queries/<lang>.tsv into both clients in headless chromium: witaj's search page
(`<lang>/search/?q=`) and Pagefind's JavaScript API (`/pagefind/pagefind.js`, on a page of the same language, so
that it searches that language's index). A query counts at k when the expected page is among the first k results.
It prints recall at 1 and at 5 per language and tool, the index size of each, the bytes a query loads (median,
gzip-compressed as a web server sends them: the index files fetched for it, nothing cached, the clients' scripts
aside but Pagefind's WebAssembly counted), and the time each took to index. It is not a test; CI does
not run it.

Usage: Benchmarks/search.py [--root DIR] [--witaj PATH] [--languages pl,uk,ru] [--misses]
Needs: pip install pagefind-bin selenium; apt-get install chromium chromium-driver; a build of witaj.
"""
import argparse, functools, gzip, http.server, os, shutil, statistics, subprocess, sys, tempfile, threading, time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUERIES = os.path.join(ROOT, "Benchmarks", "search-queries")


def queries(language):
    with open(os.path.join(QUERIES, language + ".tsv"), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    return [(q, expected) for q, expected in rows]


def folder_size(path, skip=()):
    total = 0
    for folder, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(folder, f)) for f in files if f not in skip)
    return total


def page_path(url, language):
    """'http://host/uk/residence/visas/' -> 'residence/visas'."""
    path = urllib.parse.urlparse(url).path
    prefix = "/" + language + "/"
    path = path[len(prefix):] if path.startswith(prefix) else path
    return path.removesuffix("index.html").strip("/")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):
        f = super().send_head()
        if f is not None and hasattr(f, "fileno"):
            data = f.read()
            f.seek(0)
            SERVED.append((urllib.parse.urlparse(self.path).path, len(data), len(gzip.compress(data))))
        return f


def serve(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


SERVED = []  # (path, bytes, gzip bytes) of every file the server sent, in order


def loaded(driver):
    """Gzip-compressed bytes of the search data served since the last call (under /search/ or /pagefind/: the index
    files and Pagefind's WebAssembly; scripts and pages aside), counted by the server, which sees the requests of
    Pagefind's worker too; nothing is cached (Cache-Control: no-store)."""
    total = sum(gz for path, _, gz in SERVED
                if ("/search/" in path or "/pagefind/" in path) and not path.endswith((".js", "/", ".html")))
    SERVED.clear()
    return total


def witaj_results(driver, base, language, query):
    loaded(driver)
    driver.get(f"{base}/{language}/search/?q={urllib.parse.quote(query)}")
    deadline = time.time() + 10
    while time.time() < deadline:
        state = driver.execute_script(
            "var l = document.querySelectorAll('ol.search-results a'); var n = document.querySelector('.search-none');"
            "return [Array.prototype.map.call(l, function (a) { return a.href; }), n && !n.hidden]")
        if state[0] or state[1]:
            time.sleep(0.05)
            urls = driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('ol.search-results a'), function (a) { return a.href; })")
            return [page_path(u, language) for u in urls], loaded(driver)
        time.sleep(0.02)
    return [], loaded(driver)


def pagefind_results(driver, base, language, query):
    driver.get(f"{base}/{language}/")
    loaded(driver)
    urls = driver.execute_async_script("""
        var query = arguments[0], done = arguments[arguments.length - 1];
        import('/pagefind/pagefind.js').then(async function (pagefind) {
          var search = await pagefind.search(query);
          var data = await Promise.all(search.results.slice(0, 5).map(function (r) { return r.data(); }));
          done(data.map(function (d) { return d.url; }));
        }).catch(function (e) { done(['error: ' + e]); });
    """, query)
    return [page_path(u, language) for u in urls], loaded(driver)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", default=ROOT)
    parser.add_argument("--witaj", default=os.path.join(ROOT, ".build/debug/witaj"))
    parser.add_argument("--languages", default=",".join(sorted(f[:-4] for f in os.listdir(QUERIES) if f.endswith(".tsv"))))
    parser.add_argument("--misses", action="store_true", help="print the queries each tool misses at 5")
    args = parser.parse_args()
    from selenium import webdriver
    import pagefind_bin
    pagefind = os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind")
    languages = args.languages.split(",")

    work = tempfile.mkdtemp(prefix="witaj-search-")
    try:
        out = os.path.join(work, "site-out")
        start = time.perf_counter()
        subprocess.run([args.witaj, "build", "--root", args.root, "--out", out], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(os.environ, WITAJ_TIMINGS="1"))
        build = time.perf_counter() - start
        start = time.perf_counter()
        subprocess.run([pagefind, "--site", out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pagefind_time = time.perf_counter() - start
        witaj_size = sum(folder_size(os.path.join(out, l, "search"), skip=("index.html",))
                         for l in os.listdir(out) if os.path.isdir(os.path.join(out, l, "search")))
        pagefind_size = folder_size(os.path.join(out, "pagefind"))
        version = subprocess.run([pagefind, "--version"], capture_output=True, text=True).stdout.strip()

        server = serve(out)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        options = webdriver.ChromeOptions()
        for flag in ["--headless", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
            options.add_argument(flag)
        options.binary_location = "/usr/bin/chromium"
        driver = webdriver.Chrome(service=webdriver.ChromeService("/usr/bin/chromedriver"), options=options)
        driver.set_script_timeout(20)
        rows, misses = [], []
        try:
            for language in languages:
                for tool, run in [("witaj", witaj_results), ("Pagefind", pagefind_results)]:
                    at1 = at5 = 0
                    loaded = []
                    asked = queries(language)
                    for query, expected in asked:
                        found, size = run(driver, base, language, query)
                        loaded.append(size)
                        at1 += found[:1] == [expected]
                        at5 += expected in found[:5]
                        if expected not in found[:5]:
                            misses.append((language, tool, query, expected, found[:3]))
                    n = len(asked)
                    rows.append((language, tool, n, f"{at1 / n:.2f}", f"{at5 / n:.2f}", f"{statistics.median(loaded) / 1024:.1f}"))
        finally:
            driver.quit()
            server.shutdown()

        print(f"site: {args.root}; {version}; headless chromium")
        print(f"build (witaj, its search index included): {build:.2f} s; Pagefind over the built site: {pagefind_time:.2f} s")
        print(f"index size, every language: witaj {witaj_size / 1024:.0f} KB, Pagefind {pagefind_size / 1024:.0f} KB (its scripts included)")
        header = ("lang", "tool", "queries", "recall@1", "recall@5", "KB per query (gzip)")
        widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
        for row in [header] + rows:
            print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
        if args.misses:
            for miss in misses:
                print("miss:", *miss)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
