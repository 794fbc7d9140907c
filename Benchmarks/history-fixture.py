#!/usr/bin/env python3
"""Makes a git repository with a long, dated history of the shipped welcome pack, to time `witaj coverage --history`.

Usage: history-fixture.py OUT_DIR [COMMITS]    (default 500 commits over two years, 2024-01-02 to 2025-12-30)

The history ends at the pack as it is (site.yml, content/, locales/ of this checkout). It starts with two thirds of
the documents and every catalog emptied, and each commit then does one thing, as editors and translators do: a
translator brings one catalog to its final state; an editor adds a document (its catalogs empty), changes a
paragraph of a source (its translations become outdated) or puts it back, removes a document and brings it back
later; or someone commits something that is not content. Every commit is dated (GIT_AUTHOR_DATE and
GIT_COMMITTER_DATE, Kraków time), so that --history has periods to count.
"""
import datetime, os, random, re, shutil, subprocess, sys

PACK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def emptied(po):
    """The catalog with every msgstr empty and no fuzzy flag: nothing translated yet (the header is kept)."""
    out, skipping, header = [], False, True
    for line in po.splitlines(keepends=True):
        if skipping and line.startswith('"'):
            continue
        skipping = False
        if line.startswith("#, fuzzy") and not header:
            continue
        if line.startswith("msgstr"):
            if header:
                header = False
                out.append(line)
                continue
            out.append(re.sub(r'^(msgstr(\[\d+\])?) .*', r'\1 ""', line))
            skipping = True
            continue
        out.append(line)
    return "".join(out)


def main():
    out = sys.argv[1]
    commits = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rng = random.Random(19)
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    final = {}
    for top in ["site.yml", "content", "locales"]:
        path = os.path.join(PACK, top)
        if os.path.isfile(path):
            final[top] = open(path, encoding="utf-8").read()
            continue
        for folder, _, files in os.walk(path):
            for name in files:
                full = os.path.join(folder, name)
                final[os.path.relpath(full, PACK)] = open(full, encoding="utf-8").read()
    sources = sorted(p for p in final if p.startswith("content/"))
    languages = sorted({p.split("/")[1] for p in final if p.startswith("locales/")})

    def catalogs(source):
        stem = source[len("content/"):].rsplit(".", 1)[0]
        return [f"locales/{lang}/{stem}.po" for lang in languages if f"locales/{lang}/{stem}.po" in final]

    # The state of the work tree: path -> text.
    state = {"site.yml": final["site.yml"]}
    for lang in languages:
        if f"locales/{lang}/ui.po" in final:
            state[f"locales/{lang}/ui.po"] = final[f"locales/{lang}/ui.po"]
    present = set(rng.sample(sources, k=len(sources) * 2 // 3) + [s for s in sources if s.endswith("index.md")])
    for source in present:
        state[source] = final[source]
        for po in catalogs(source):
            state[po] = emptied(final[po])
    untranslated = [po for s in present for po in catalogs(s)]
    changed, removed = set(), set()

    written = {}

    def write():
        """Only what changed since the last commit."""
        for path in [p for p in written if p not in state]:
            os.remove(os.path.join(out, path))
            del written[path]
        for path, text in state.items():
            if written.get(path) == text:
                continue
            full = os.path.join(out, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
            written[path] = text

    def git(*args, env=None):
        subprocess.run(["git", "-C", out, *args], check=True, env=env, stdout=subprocess.DEVNULL)

    git("init", "-q")
    git("config", "user.name", "Fixture")
    git("config", "user.email", "fixture@example.org")
    git("config", "commit.gpgsign", "false")
    with open(os.path.join(out, ".gitignore"), "w") as f:
        f.write(".witaj/\nsite-out/\n")
    start = datetime.datetime(2024, 1, 2, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    step = datetime.timedelta(days=728) / commits
    for i in range(commits):
        when = start + step * i + datetime.timedelta(minutes=rng.randint(0, 300))
        if i == commits - 1:
            state.clear()
            state.update(final)
            message = "the pack as it is"
        else:
            roll = rng.random()
            absent = [s for s in sources if s not in present]
            if roll < 0.08 and absent:
                source = rng.choice(absent)
                present.add(source)
                removed.discard(source)
                state[source] = final[source]
                for po in catalogs(source):
                    state[po] = emptied(final[po])
                    untranslated.append(po)
                message = f"add {source}"
            elif roll < 0.16 and present:
                source = rng.choice(sorted(present))
                if source in changed:
                    state[source] = final[source]
                    changed.discard(source)
                    message = f"{source}: back as it was"
                else:
                    lines = state[source].split("\n")
                    prose = [n for n, line in enumerate(lines) if len(line) > 60 and not line.startswith(("#", "|", "<", "-", "title"))]
                    if prose:
                        n = rng.choice(prose)
                        lines[n] = lines[n] + " Zmiana redakcyjna."
                        state[source] = "\n".join(lines)
                        changed.add(source)
                    message = f"{source}: a paragraph changed"
            elif roll < 0.19 and len(present) > 10:
                source = rng.choice(sorted(s for s in present if not s.endswith("index.md")))
                present.discard(source)
                removed.add(source)
                for path in [source] + catalogs(source):
                    state.pop(path, None)
                message = f"remove {source}"
            elif roll < 0.29:
                with open(os.path.join(out, "NOTES.md"), "a") as f:
                    f.write(f"note {i}\n")
                message = "notes (not content)"
            else:
                pending = [po for po in untranslated if po in state]
                if pending:
                    po = pending.pop(rng.randrange(len(pending)))
                    untranslated.remove(po)
                    state[po] = final[po]
                    message = f"translate {po}"
                else:
                    message = "nothing to translate"
        write()
        stamp = when.isoformat()
        env = dict(os.environ, GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
        git("add", "-A")
        git("commit", "-q", "--allow-empty", "-m", message, env=env)
    print(f"{out}: {commits} commits, {start.date()} to {(start + step * (commits - 1)).date()}")


if __name__ == "__main__":
    main()
