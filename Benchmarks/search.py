#!/usr/bin/env python3
"""witaj's search against Pagefind on the same built site, in a real browser, side by side.

It builds the site (the shipped Kraków pack unless --root), runs Pagefind over the output, serves it, and types
each query of Benchmarks/search-queries/<lang>.tsv into both clients in headless chromium: witaj's search page
(`<lang>/search/?q=`) and Pagefind's JavaScript API (`/pagefind/pagefind.js`, on a page of the same language, so
that it searches that language's index). A query counts at k when the expected page is among the first k results.
It prints recall at 1 and at 5 per language and tool, the index size of each, the bytes a query loads (median, the
index files fetched for it, the client's script aside), and the time each took to index. It is not a test; CI does
not run it.

Usage: Benchmarks/search.py [--root DIR] [--witaj PATH] [--languages pl,uk,ru] [--misses]
Needs: pip install pagefind-bin selenium; apt-get install chromium chromium-driver; a build of witaj.
"""
import argparse, functools, http.server, os, shutil, statistics, subprocess, sys, tempfile, threading, time
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


def serve(folder):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=folder)
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


LOADED = """return performance.getEntriesByType('resource')
  .filter(function (e) { return e.name.indexOf('/search/') >= 0 || e.name.indexOf('/pagefind/') >= 0; })
  .filter(function (e) { return !/\\.(js|wasm)$/.test(e.name) || /pagefind-entry|\\.pf_/.test(e.name); })
  .reduce(function (sum, e) { return sum + (e.encodedBodySize || e.transferSize || 0); }, 0)"""


def witaj_results(driver, base, language, query):
    driver.get(f"{base}/{language}/search/?q={urllib.parse.quote(query)}")
    deadline = time.time() + 10
    while time.time() < deadline:
        state = driver.execute_script(
            "var l = document.querySelectorAll('ol.search-results a'); var n = document.querySelector('.search-none');"
            "return [Array.prototype.map.call(l, function (a) { return a.href; }), n && !n.hidden]")
        if state[0] or state[1]:
            time.sleep(0.05)
            urls = driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('ol.search-results a'), function (a) { return a.href; })")
            return [page_path(u, language) for u in urls], driver.execute_script(LOADED)
        time.sleep(0.02)
    return [], driver.execute_script(LOADED)


def pagefind_results(driver, base, language, query):
    driver.get(f"{base}/{language}/")
    urls = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        import('/pagefind/pagefind.js').then(async function (pagefind) {
          var search = await pagefind.search(arguments[0]);
          var data = await Promise.all(search.results.slice(0, 5).map(function (r) { return r.data(); }));
          done(data.map(function (d) { return d.url; }));
        }.bind(null, arguments[0])).catch(function (e) { done(['error: ' + e]); });
    """, query)
    return [page_path(u, language) for u in urls], driver.execute_script(LOADED)


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
        witaj_size = sum(folder_size(os.path.join(out, l, "search"), skip=("index.html",)) for l in languages)
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
        print(f"index size ({', '.join(languages)}): witaj {witaj_size / 1024:.0f} KB, Pagefind {pagefind_size / 1024:.0f} KB (all languages)")
        header = ("lang", "tool", "queries", "recall@1", "recall@5", "KB per query")
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
