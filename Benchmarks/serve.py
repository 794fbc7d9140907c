#!/usr/bin/env python3
"""`witaj serve` against `hugo server` on the same synthetic multilingual site (generate.py): the time from a
file's write to the reload event reaching a client, over many edits of four kinds (a paragraph, a title, a catalog
entry, a template), median and 90th percentile; the time until the edited page has been fetched again after it, as
the browser reloading it has it (work a server leaves for after the event shows there); and each server's memory
(peak and current resident set).

The client does what an open browser tab does: it fetches the page being edited before each edit (Hugo's fast
render mode re-renders the pages a browser visited first), then waits for the server's reload message, witaj's
server-sent event (`/__witaj/events`) or Hugo's LiveReload WebSocket (`/livereload`). Hugo's own figure for each
rebuild ("Total in N ms") is read from its output too. It is not a test; CI does not run it.

Usage: Benchmarks/serve.py [--documents 1000] [--languages 8] [--edits 10] [--site DIR] [--tools witaj,hugo]
  --site DIR: a folder generate.py made (DIR/witaj, DIR/hugo), else one is generated in a temporary folder.
Needs: hugo (apt-get install hugo) and a release build of witaj (swift build -c release).
"""
import argparse, base64, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# WITAJ_BIN: another build of witaj to time (an earlier commit's, to compare).
WITAJ = os.environ.get("WITAJ_BIN") or os.path.join(ROOT, ".build/release/witaj")
KINDS = ["paragraph", "title", "catalog entry", "template"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    """A GET, as a browser tab opening the page."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1])


class Listener:
    """Receives a server's reload messages on a thread of its own, each with the moment it arrived."""

    def __init__(self):
        self.messages, self.lock, self.arrived = [], threading.Lock(), threading.Condition()

    def add(self, text):
        now = time.perf_counter()
        with self.arrived:
            self.messages.append((now, text))
            self.arrived.notify_all()

    def next_after(self, t0, timeout=300):
        """The first message that arrived after t0: (seconds since t0, text)."""
        deadline = time.time() + timeout
        with self.arrived:
            while True:
                for at, text in self.messages:
                    if at >= t0:
                        return at - t0, text
                left = deadline - time.time()
                if left <= 0:
                    raise TimeoutError("no reload message")
                self.arrived.wait(left)


class EventSource(Listener):
    """witaj: server-sent events, `event: reload` with the site's version."""

    def __init__(self, port):
        super().__init__()
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(f"GET /__witaj/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        pending = b""
        while chunk := self.sock.recv(65536):
            pending += chunk
            while b"\n\n" in pending:
                block, pending = pending.split(b"\n\n", 1)
                m = re.search(rb"event: reload\ndata: (\S+)", block)
                if m:
                    self.add(m.group(1).decode())


class LiveReload(Listener):
    """Hugo: the LiveReload protocol over a WebSocket, `{"command": "reload", ...}`."""

    def __init__(self, port):
        super().__init__()
        self.sock = socket.create_connection(("127.0.0.1", port))
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            raise RuntimeError(f"no WebSocket: {head[:80]!r}")
        self.send(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
        threading.Thread(target=self.read, daemon=True).start()

    def send(self, text):
        data, mask = text.encode(), os.urandom(4)
        header = bytes([0x81, 0x80 | len(data)]) if len(data) < 126 else bytes([0x81, 0xFE]) + len(data).to_bytes(2, "big")
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))

    def recv_exact(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise EOFError
            data += chunk
        return data

    def read(self):
        try:
            while True:
                b0, b1 = self.recv_exact(2)
                n = b1 & 0x7F
                if n == 126:
                    n = int.from_bytes(self.recv_exact(2), "big")
                elif n == 127:
                    n = int.from_bytes(self.recv_exact(8), "big")
                payload = self.recv_exact(n)
                if b0 & 0x0F == 1 and b'"reload"' in payload:
                    self.add(payload.decode())
        except (EOFError, OSError):
            pass


def memory(pid):
    """(peak, current) resident set of a process, MB."""
    fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/status"))
    return int(fields["VmHWM"].split()[0]) / 1024, int(fields["VmRSS"].split()[0]) / 1024


def rewrite(path, change):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    new = change(text)
    assert new != text, path
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


class Site:
    """The edits, on one tool's copy of the generated site. Each edit touches another document in turn."""

    def __init__(self, tool, folder, languages):
        self.tool, self.folder, self.languages = tool, folder, languages
        self.count = 0

    def document(self, i):
        k = (37 * i + 11) % 1000
        while k % 5 == 4:  # procedures are XML; edit Markdown articles
            k += 1
        section = ["arrival", "residence", "work", "health", "education", "housing", "transport", "taxes", "rights", "reference"][k % 10]
        return section, k

    def page(self, kind, i):
        """The URL of the page the edit changes, which the client has open."""
        section, k = self.document(i)
        lang = "en" if kind == "catalog entry" else "pl"
        return f"/{lang}/{section}/doc{k}/"

    def edit(self, kind, i):
        section, k = self.document(i)
        n = f"{self.tool[0]}{i}"
        if self.tool == "witaj":
            source = os.path.join(self.folder, "content", section, f"doc{k}.md")
            catalog = os.path.join(self.folder, "locales", "en", section, f"doc{k}.po")
            template = os.path.join(self.folder, "theme", "templates", "layout.mustache")
        else:
            source = os.path.join(self.folder, "content", "pl", section, f"doc{k}.md")
            catalog = os.path.join(self.folder, "content", "en", section, f"doc{k}.md")
            template = os.path.join(self.folder, "layouts", "_default", "baseof.html")
        if kind == "paragraph":
            rewrite(source, lambda t: t.rstrip("\n") + f"\n\nNowy akapit numer {n}, dopisany przez redaktora.\n")
        elif kind == "title":
            rewrite(source, lambda t: re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} {n}", t, count=1, flags=re.M))
        elif kind == "catalog entry":
            if self.tool == "witaj":
                # A translator fixes the first paragraph's translation: its msgstr gets a word more.
                rewrite(catalog, lambda t: re.sub(r'(#\. paragraph\n(?:#:.*\n)*msgid (?:".*"\n)+msgstr ")', lambda m: m.group(1) + f"{n} ", t, count=1))
            else:
                # The same, in Hugo's English page: its first paragraph.
                rewrite(catalog, lambda t: t.replace("\n\n[en] ", f"\n\n[en] {n} ", 1))
        elif kind == "template":
            rewrite(template, lambda t: re.sub(r"<footer( data-edit=\"[^\"]*\")?", f'<footer data-edit="{n}"', t, count=1)
                    if "<footer" in t else t.replace("</main>", f'</main><footer data-edit="{n}"></footer>', 1))


def start_witaj(folder, port, log):
    process = subprocess.Popen([WITAJ, "serve", "--root", folder, "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 600
    while time.time() < deadline:
        try:
            events = EventSource(port)
            break
        except OSError:
            time.sleep(0.05)
    else:
        raise RuntimeError("witaj serve did not start")
    # The first build is done when the version's generation is 1.
    while not any(text.endswith("-1") for _, text in events.messages):
        if process.poll() is not None:
            raise RuntimeError("witaj serve stopped")
        time.sleep(0.05)
    return process, events


def start_hugo(folder, port, log):
    # Not --quiet: Hugo's own time of each rebuild ("Total in N ms") is read from what it prints.
    process = subprocess.Popen(["hugo", "server", "--bind", "127.0.0.1", "--port", str(port), "--disableLiveReload=false"]
                               + (["--renderToMemory"] if hugo_has("--renderToMemory") else []),
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 900
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("hugo server stopped")
        try:
            if get(port, "/pl/") == 200:
                return process, LiveReload(port)
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("hugo server did not start")


def hugo_has(flag):
    return flag in subprocess.run(["hugo", "server", "--help"], capture_output=True, text=True).stdout


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(tool, folder, languages, edits, work):
    port = free_port()
    log_path = os.path.join(work, f"{tool}.log")
    with open(log_path, "w") as log:
        started = time.perf_counter()
        process, listener = (start_witaj if tool == "witaj" else start_hugo)(folder, port, log)
        first = time.perf_counter() - started
        site = Site(tool, folder, languages)
        results = {kind: [] for kind in KINDS}
        pages = []
        try:
            for i in range(edits):
                for kind in KINDS:
                    get(port, site.page(kind, i))
                    time.sleep(0.4)  # quiet before the edit, so that each message answers one edit
                    t0 = time.perf_counter()
                    site.edit(kind, i)
                    seconds, _ = listener.next_after(t0)
                    results[kind].append(seconds * 1000)
                    # The browser reloads the page it shows.
                    get(port, site.page(kind, i))
                    pages.append((time.perf_counter() - t0) * 1000)
            time.sleep(1)
            peak, current = memory(process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)
    own = []
    if tool == "hugo":
        own = [float(m) for m in re.findall(r"Total in (\d+) ms", open(log_path).read())]
    return first, results, peak, current, own, pages


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--languages", type=int, default=8)
    parser.add_argument("--edits", type=int, default=10, help="edits of each kind")
    parser.add_argument("--site", help="a folder generate.py made")
    parser.add_argument("--tools", default="witaj,hugo")
    args = parser.parse_args()
    if not os.path.exists(WITAJ):
        sys.exit("no release build of witaj: swift build -c release")
    tools = args.tools.split(",")
    if "hugo" in tools and not shutil.which("hugo"):
        sys.exit("missing hugo: apt-get install hugo")
    work = tempfile.mkdtemp(prefix="witaj-serve-bench-")
    try:
        source = args.site
        if not source:
            source = os.path.join(work, "generated")
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/generate.py"), str(args.documents), str(args.languages),
                            source, WITAJ], check=True, stdout=subprocess.DEVNULL)
        print(f"{args.documents} documents x {args.languages} languages; {args.edits} edits of each kind per tool; "
              f"{os.cpu_count()} cores; {subprocess.run(['hugo', 'version'], capture_output=True, text=True).stdout.split()[1] if shutil.which('hugo') else ''}")
        rows = {}
        for tool in tools:
            folder = os.path.join(work, tool)
            shutil.copytree(os.path.join(source, tool), folder)
            if tool == "witaj":
                # The template edited: the default theme's layout, as a site's own theme overrides it.
                os.makedirs(os.path.join(folder, "theme/templates"), exist_ok=True)
                shutil.copy(os.path.join(ROOT, "Sources/WitajSources/Resources/theme/templates/layout.mustache"),
                            os.path.join(folder, "theme/templates/layout.mustache"))
            rows[tool] = run(tool, folder, args.languages, args.edits, work)
            shutil.rmtree(folder, ignore_errors=True)
        print()
        print(f"{'':8} {'first build':>11}  " + "  ".join(f"{k:>20}" for k in KINDS + ['all edits']) + f"  {'memory peak / now':>18}")
        for tool, (first, results, peak, current, own, pages) in rows.items():
            every = [v for kind in KINDS for v in results[kind]]
            cells = [f"{statistics.median(results[k]):7.0f} / {percentile(results[k], 90):6.0f} ms" for k in KINDS]
            cells.append(f"{statistics.median(every):7.0f} / {percentile(every, 90):6.0f} ms")
            print(f"{tool:8} {first:9.1f} s  " + "  ".join(f"{c:>20}" for c in cells) + f"  {peak:7.0f} / {current:5.0f} MB")
            print(f"{'':8} the edited page fetched again after the reload message: median {statistics.median(pages):.0f} ms, "
                  f"90th percentile {percentile(pages, 90):.0f} ms")
            if own:
                print(f"{'':8} hugo's own rebuilds ('Total in'): median {statistics.median(own):.0f} ms, 90th percentile {percentile(own, 90):.0f} ms")
        print("\ncells: median / 90th percentile of the time from the write to the reload message reaching the client")
        if "witaj" in rows and "hugo" in rows:
            w = statistics.median([v for k in KINDS for v in rows["witaj"][1][k]])
            h = statistics.median([v for k in KINDS for v in rows["hugo"][1][k]])
            print(f"hugo/witaj, median of all edits: {h / w:.1f}; memory (peak) witaj/hugo: {rows['witaj'][2] / rows['hugo'][2]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
