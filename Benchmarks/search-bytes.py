#!/usr/bin/env python3
"""The bytes a search query loads from a built witaj site, as the search client (assets/search.js) fetches them:
meta.json, the shard of each of the query's stems (t/<shard>.json), and the files of the ten results shown
(d/<n>.json), each gzip-compressed as a web server sends them. Nothing cached between queries.

Queries are made from the index itself: one, two or three stems drawn at random (a fixed seed) among the stems that
at least two documents share, so every query finds something; results ranked as the client ranks them (the sum of
the stems' weights, documents that have every stem, lower number first at equal weight).

For the generated benchmark site (Benchmarks/generate.py), which has no query list of its own, and for any built
site. It is not a test; CI does not run it.

Usage: Benchmarks/search-bytes.py OUTPUT_DIR [--languages pl,uk] [--queries 200]
"""
import argparse, gzip, json, os, random, statistics


def gz(path, cache={}):
    if path not in cache:
        with open(path, "rb") as f:
            cache[path] = len(gzip.compress(f.read(), 9))
    return cache[path]


def shard(term, count):
    h = 2166136261
    for ch in list(term)[:2]:
        h ^= ord(ch)
        h = (h * 16777619) & 0xFFFFFFFF
    return h % count


def language(out, code, n, rng):
    folder = os.path.join(out, code, "search")
    meta = json.load(open(os.path.join(folder, "meta.json"), encoding="utf-8"))
    count = meta["shards"]
    postings = {}
    for s in range(count):
        postings.update(json.load(open(os.path.join(folder, "t", f"{s}.json"), encoding="utf-8")))
    shared = sorted(t for t, p in postings.items() if len(p) >= 4)
    total_index = sum(gz(os.path.join(folder, d, f)) for d in ("t", "d") for f in os.listdir(os.path.join(folder, d)))
    loads = {1: [], 2: [], 3: []}
    for words in (1, 2, 3):
        for _ in range(n):
            terms = rng.sample(shared, words)
            files = {os.path.join(folder, "meta.json")} | {os.path.join(folder, "t", f"{shard(t, count)}.json") for t in terms}
            scores = None
            for t in terms:
                p = postings[t]
                weights = {p[i]: p[i + 1] for i in range(0, len(p), 2)}
                scores = weights if scores is None else {d: scores[d] + w for d, w in weights.items() if d in scores}
            ranked = sorted(scores.items(), key=lambda dw: (-dw[1], dw[0]))[:10]
            files |= {os.path.join(folder, "d", f"{d}.json") for d, _ in ranked}
            loads[words].append(sum(gz(f) for f in files))
    documents = len(os.listdir(os.path.join(folder, "d")))
    print(f"{code}: {documents} documents, {count} shards, whole index {total_index / 1024:.0f} KB gzip; "
          + "; ".join(f"{w} word{'s' if w > 1 else ''}: median {statistics.median(v) / 1024:.1f} KB, "
                      f"p90 {sorted(v)[int(len(v) * 0.9)] / 1024:.1f} KB" for w, v in loads.items()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--languages")
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    codes = args.languages.split(",") if args.languages else sorted(
        d for d in os.listdir(args.out) if os.path.isfile(os.path.join(args.out, d, "search", "meta.json")))
    rng = random.Random(20261203)
    for code in codes:
        language(args.out, code, args.queries, rng)


if __name__ == "__main__":
    main()
