#!/usr/bin/env python3
"""Generates a synthetic welcome pack of N documents in L languages twice: as a witaj site (Markdown and XML
procedures, complete PO catalogs) and as the equivalent Hugo site (the same pages in the same languages, a
language switcher, hreflang alternates, an A-Z page, tag pages, the same text).

Usage: generate.py N L OUT_DIR WITAJ_BINARY
"""
import os, random, re, subprocess, sys

LANGS = ["pl", "en", "uk", "ru", "be", "ar", "de", "fr", "es", "it", "cs", "lt"]
WORDS = ("urząd wniosek dokument karta pobytu meldunek zameldowanie paszport umowa praca pracodawca zezwolenie "
         "opłata termin dni tygodni miesięcy ubezpieczenie zdrowotne lekarz szkoła przedszkole mieszkanie najem "
         "kaucja podatek rozliczenie bilet tramwaj autobus Kraków województwo cudzoziemiec obywatel prawo pomoc "
         "informacja punkt centrum bezpłatnie formularz podpis tłumaczenie przysięgły kopia oryginał godziny otwarcia "
         "wizyta rezerwacja kolejka decyzja odwołanie").split()
SECTIONS = ["arrival", "residence", "work", "health", "education", "housing", "transport", "taxes", "rights", "reference"]


def sentence(rng, n=None):
    n = n or rng.randint(8, 18)
    words = [rng.choice(WORDS) for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


def title(rng, i):
    return f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.choice(WORDS)} {i}"


def article(rng, i, paths):
    """600-900 words: headings, paragraphs, a list, a table, links to other documents."""
    parts, words = [], 0
    target = rng.randint(600, 900)
    h = 0
    while words < target:
        h += 1
        parts.append(f"## {sentence(rng, 4)[:-1]} {h}")
        p = paragraph(rng, rng.randint(3, 5))
        if rng.random() < 0.5 and paths:
            other = rng.choice(paths)
            p += f" Zobacz [{rng.choice(WORDS)}](../{other})."
        parts.append(p)
        words += len(p.split())
        if h % 2 == 0:
            items = [f"- **{rng.choice(WORDS)}** {sentence(rng, 8)}" for _ in range(4)]
            parts.append("\n".join(items))
            words += 40
        if h % 3 == 0:
            rows = ["| Co | Gdzie | Kiedy |", "|---|---|---|"]
            rows += [f"| {rng.choice(WORDS)} | {rng.choice(WORDS)} {rng.choice(WORDS)} | {rng.randint(1, 30)} dni |" for _ in range(4)]
            parts.append("\n".join(rows))
            words += 30
    return "\n\n".join(parts) + "\n"


def procedure(rng, i, paths):
    steps = "\n".join(f"    <step>{sentence(rng)} {sentence(rng)}</step>" for _ in range(rng.randint(5, 8)))
    docs = "\n".join(f"    <document>{sentence(rng, 8)}</document>" for _ in range(rng.randint(3, 6)))
    audience = "\n".join(f"    <p>{paragraph(rng, 4)}</p>" for _ in range(3))
    notes = "\n".join(f"    <p>{paragraph(rng, 5)}</p>" for _ in range(4))
    related = f'    <see doc="../{rng.choice(paths)}"/>' if paths else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<procedure reviewed="2026-11-21">
  <title>{title(rng, i)}</title>
  <summary>{sentence(rng)}</summary>
  <audience>
{audience}
  </audience>
  <steps>
{steps}
  </steps>
  <documents>
{docs}
  </documents>
  <fees>
    <fee amount="{rng.choice([100, 340, 440, 640])}" currency="PLN">{sentence(rng, 5)}</fee>
  </fees>
  <deadlines>
    <deadline count="{rng.randint(1, 60)}" unit="day">{sentence(rng, 6)}</deadline>
  </deadlines>
  <where>
    <office ref="office"/>
  </where>
  <notes>
{notes}
  </notes>
  <related>
{related}
  </related>
</procedure>
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def pseudo(lang, text):
    """A 'translation' that keeps Markdown and links: the language code before the text."""
    return f"[{lang}] {text}"


def plural(lang, msgid, block):
    """An ICU plural message with every category the language needs (witaj's comment names them), each form
    'translated' as pseudo() does; None for any other message."""
    needs = re.search(r"needs the plural categories: ([a-z ]+)$", block, re.M)
    forms = dict(re.findall(r"(\w+) \{([^{}]*)\}", msgid))
    head = re.match(r"\{(\w+), plural, ", msgid)
    if not (needs and head and "other" in forms):
        return None
    cases = " ".join(f"{c} {{{pseudo(lang, forms.get(c, forms['other']))}}}" for c in needs.group(1).split())
    return f"{{{head.group(1)}, plural, {cases}}}"


def po_unquote(lines):
    s = "".join(re.findall(r'"(.*)"', "\n".join(lines)))
    return s.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def po_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def fill_catalog(path, lang):
    """Gives every entry of a catalog witaj wrote a translation; returns {msgid: msgstr}."""
    text = open(path, encoding="utf-8").read()
    blocks, table = text.split("\n\n"), {}
    out = []
    for b in blocks:
        m = re.search(r'^msgid ((?:".*"\n)+)msgstr ""$', b, re.M)
        if m:
            msgid = po_unquote(m.group(1).splitlines())
            if msgid:
                table[msgid] = plural(lang, msgid, b) or pseudo(lang, msgid)
                b = b[:m.start()] + "msgid " + m.group(1) + "msgstr " + po_quote(table[msgid])
        out.append(b)
    write(path, "\n\n".join(out))
    return table


def main():
    n, l, out, witaj = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    langs = LANGS[:l]
    rng = random.Random(n * 1000 + l)
    site = os.path.join(out, "witaj")
    hugo = os.path.join(out, "hugo")
    write(os.path.join(site, "site.yml"),
          "baseURL: https://example.org/\nsourceLanguage: pl\nlanguages:\n" + "".join(f"  - code: {c}\n" for c in langs)
          + "pack:\n  file: pack\n  chapters:\n" + "".join(f"    - {SECTIONS[k % 10]}/doc{k}.{'xml' if k % 5 == 4 else 'md'}\n" for k in range(min(n, 40))))
    write(os.path.join(site, "content/index.md"), f"---\ntitle: Witaj\nsummary: {sentence(rng)}\nreviewed: 2026-11-21\n---\n\n{paragraph(rng, 4)}\n")
    write(os.path.join(site, "content/reference/offices.xml"), """<?xml version="1.0" encoding="UTF-8"?>
<offices reviewed="2026-11-21">
  <title>Urzędy</title>
  <summary>Adresy urzędów.</summary>
  <office id="office">
    <name>Urząd Miasta</name>
    <address street="ul. Długa 1" postcode="30-001" city="Kraków"/>
    <hours><open days="mon tue wed thu fri" from="08:00" to="16:00"/></hours>
    <phone number="+48 12 000 00 00"/>
    <languages codes="pl en uk"/>
  </office>
</offices>
""")
    for s, section in enumerate(SECTIONS):
        write(os.path.join(site, f"content/{section}/index.md"), f"---\ntitle: {section.capitalize()}\norder: {s + 1}\nreviewed: 2026-11-21\n---\n\n{paragraph(rng, 2)}\n")
    docs, paths = [], []
    for i in range(n):
        section = SECTIONS[i % len(SECTIONS)]
        kind = "xml" if i % 5 == 4 else "md"
        path = f"{section}/doc{i}.{kind}"
        docs.append((path, kind, i))
        paths.append(path)
    for path, kind, i in docs:
        earlier = paths[:max(1, i)] if i else []
        if kind == "md":
            body = article(rng, i, earlier)
            text = f"---\ntitle: {title(rng, i)}\nsummary: {sentence(rng)}\nreviewed: 2026-11-21\n---\n\n{body}"
        else:
            text = procedure(rng, i, earlier)
        write(os.path.join(site, "content", path), text)
    subprocess.run([witaj, "update", "--root", site], check=True, stdout=subprocess.DEVNULL)
    translations = {}
    for lang in langs[1:]:
        for root, _, files in os.walk(os.path.join(site, "locales", lang)):
            for f in files:
                if f.endswith(".po"):
                    translations.setdefault(lang, {}).update(fill_catalog(os.path.join(root, f), lang))

    # The same pages for Hugo: the witaj sources rendered to Markdown per language by witaj itself would favour
    # witaj; instead each page's text is the same segments, written as Hugo content files.
    write(os.path.join(hugo, "config.toml"), "baseURL = 'https://example.org/'\ndefaultContentLanguage = 'pl'\n"
          "defaultContentLanguageInSubdir = true\n[taxonomies]\n  tag = 'tags'\n[languages]\n"
          + "".join(f"  [languages.{c}]\n    weight = {k + 1}\n    languageName = '{c}'\n    contentDir = 'content/{c}'\n" for k, c in enumerate(langs)))
    layouts = os.path.join(hugo, "layouts")
    write(os.path.join(layouts, "_default/baseof.html"), """<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
</head><body><a href="#main">Skip</a>
<nav>{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav>
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}<a href="{{ "a-z/" | relLangURL }}">A-Z</a></nav>
<main id="main">{{ block "main" . }}{{ end }}</main></body></html>
""")
    write(os.path.join(layouts, "_default/single.html"), '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}{{ end }}')
    write(os.path.join(layouts, "_default/list.html"), '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}')
    write(os.path.join(layouts, "a-z/list.html"), '{{ define "main" }}<h1>A-Z</h1><ul>{{ range sort .Site.RegularPages "Title" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}')
    for lang in langs:
        tr = translations.get(lang, {})
        t = (lambda s: tr.get(s, s)) if lang != "pl" else (lambda s: s)
        base = os.path.join(hugo, "content", lang)
        write(os.path.join(base, "a-z/_index.md"), "---\ntitle: A-Z\n---\n")
        for path, kind, i in docs:
            src = open(os.path.join(site, "content", path), encoding="utf-8").read()
            if kind == "md":
                fm, body = src.split("---\n", 2)[1:]
                ttl = re.search(r"^title: (.*)$", fm, re.M).group(1)
                summ = re.search(r"^summary: (.*)$", fm, re.M).group(1)
                lines = []
                for block in body.strip().split("\n\n"):
                    if block.startswith("## "):
                        lines.append("## " + t(block[3:]))
                    elif block.startswith("- "):
                        lines.append("\n".join("- " + t(x[2:]) for x in block.splitlines()))
                    elif block.startswith("|"):
                        rows = block.splitlines()
                        out_rows = []
                        for r in rows:
                            if r.startswith("|---"):
                                out_rows.append(r)
                            else:
                                out_rows.append("| " + " | ".join(t(c.strip()) for c in r.strip("|").split("|")) + " |")
                        lines.append("\n".join(out_rows))
                    else:
                        lines.append(t(block))
                md = "\n\n".join(lines)
            else:
                ttl = re.search(r"<title>(.*)</title>", src).group(1)
                summ = re.search(r"<summary>(.*)</summary>", src).group(1)
                parts = ["## Who", *[t(x) for x in re.findall(r"<p>(.*)</p>", src)], "## Steps",
                         "\n".join(f"{k + 1}. {t(x)}" for k, x in enumerate(re.findall(r"<step>(.*)</step>", src))),
                         "## Documents", "\n".join(f"- [ ] {t(x)}" for x in re.findall(r"<document>(.*)</document>", src))]
                md = "\n\n".join(parts)
            md = re.sub(r"\]\(\.\./([^)]+)\.(md|xml)\)", lambda m: f"]({{{{< relref \"/{m.group(1)}\" >}}}})", md)
            write(os.path.join(base, re.sub(r"\.(md|xml)$", ".md", path)),
                  f"---\ntitle: \"{t(ttl)}\"\nsummary: \"{t(summ)}\"\ntags: [\"{SECTIONS[i % 10]}\", \"t{i % 25}\"]\n---\n\n{md}\n")
        for section in SECTIONS:
            write(os.path.join(base, section, "_index.md"), f"---\ntitle: {section.capitalize()}\n---\n")
    print(f"generated {n} documents x {l} languages in {out}")


if __name__ == "__main__":
    main()
