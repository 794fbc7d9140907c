// witaj's search client, loaded by the search page only (no other page loads a byte of search). It reads the
// index that `witaj build` writes beside the page (SearchIndexRenderer): the stemmer's rules (meta.json), the
// shards of the query's stems (t/<shard>.json) and the files of the results shown (d/<n>.json).
// Index texts come from translations, which are untrusted: they reach the page through textContent only.
(function () {
  "use strict";
  var form = document.querySelector("form[data-index]");
  if (!form || !window.fetch || !window.URL) return;
  var base = new URL(form.getAttribute("data-index"), location.href);
  var input = form.querySelector("input[name=q]");
  var list = document.querySelector(".search-results");
  var none = document.querySelector(".search-none");
  var partial = document.querySelector(".search-partial");
  var needsScript = document.querySelector(".search-needs-script");
  if (needsScript) needsScript.hidden = true;
  var language = document.documentElement.lang;
  var files = {};
  var latest = 0;

  function load(path) {
    if (!files[path]) {
      files[path] = fetch(new URL(path, base).href)
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
    }
    return files[path];
  }

  // The words of a text with their places, as ICU breaks them (Intl.Segmenter), else letters and digits in a row.
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter(language, { granularity: "word" }) : null;
  function words(text) {
    var out = [];
    if (segmenter) {
      for (var part of segmenter.segment(text)) if (part.isWordLike) out.push({ word: part.segment, index: part.index });
      return out;
    }
    var pattern = /[\p{L}\p{N}\p{M}]+/gu, match;
    while ((match = pattern.exec(text))) out.push({ word: match[0], index: match.index });
    return out;
  }

  // As the index folds a word: lower case, no nonspacing marks, the rules' letters mapped (SearchStemmer.map).
  function fold(word, rules) {
    var plain = word.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").normalize("NFC"), out = "";
    for (var letter of plain) out += Object.prototype.hasOwnProperty.call(rules.letters, letter) ? rules.letters[letter] : letter;
    return out;
  }

  // The stemmer of the index (SearchStemmer.stem), with its rules from meta.json.
  function stem(word, rules) {
    var letters = Array.from(word);
    for (var prefix of rules.prefixes) {
      var p = Array.from(prefix);
      if (letters.length - p.length >= rules.minimum + 1 && letters.slice(0, p.length).join("") === prefix) {
        letters = letters.slice(p.length);
        break;
      }
    }
    for (var suffix of rules.suffixes) {
      var n = Array.from(suffix).length;
      if (letters.length - n >= rules.minimum && letters.slice(letters.length - n).join("") === suffix) {
        letters = letters.slice(0, letters.length - n);
        break;
      }
    }
    return letters.join("");
  }

  // FNV-1a of the stem's first two code points, modulo the number of shards (SearchIndexRenderer.shard).
  function shard(term, count) {
    var hash = 2166136261;
    for (var letter of Array.from(term).slice(0, 2)) {
      hash ^= letter.codePointAt(0);
      hash = Math.imul(hash, 16777619) >>> 0;
    }
    return hash % count;
  }

  // How well an indexed stem answers a query stem: 1 the same, 0.5 a longer word (typed in part, a compound), 0.5 a
  // shorter stem the query word begins with (an ending the stemmer does not know); 0 none.
  function match(term, query) {
    if (term === query) return 1;
    if (term.startsWith(query)) return 0.5;
    var t = Array.from(term).length, q = Array.from(query).length;
    if (t >= 4 && q - t <= 3 && query.startsWith(term)) return 0.5;
    return 0;
  }

  async function search(query, meta) {
    var rules = meta.stemmer;
    var terms = [];
    for (var w of words(query)) {
      var s = stem(fold(w.word, rules), rules);
      if (Array.from(s).length >= 2 && terms.indexOf(s) < 0) terms.push(s);
    }
    if (!terms.length) return { terms: terms, documents: [] };
    var shards = await Promise.all(terms.map(function (t) { return load("t/" + shard(t, meta.shards) + ".json"); }));
    var scores = new Map();
    terms.forEach(function (term, i) {
      var best = new Map(), found = shards[i] || {};
      for (var indexed of Object.keys(found)) {
        var factor = match(indexed, term);
        if (!factor) continue;
        var postings = found[indexed];
        for (var j = 0; j + 1 < postings.length; j += 2) {
          var weight = postings[j + 1] * factor;
          if (!(best.get(postings[j]) >= weight)) best.set(postings[j], weight);
        }
      }
      best.forEach(function (weight, doc) {
        var score = scores.get(doc) || { words: 0, weight: 0 };
        score.words += 1;
        score.weight += weight;
        scores.set(doc, score);
      });
    });
    // More of the query's words first, then weight (title, headings, text), then the index's order (procedures first).
    var ranked = Array.from(scores.entries()).sort(function (a, b) {
      return b[1].words - a[1].words || b[1].weight - a[1].weight || a[0] - b[0];
    }).slice(0, 10);
    var documents = await Promise.all(ranked.map(function (r) { return load("d/" + r[0] + ".json"); }));
    return { terms: terms, documents: documents.filter(Boolean) };
  }

  function matches(word, terms, rules) {
    var s = stem(fold(word, rules), rules);
    return terms.some(function (t) { return match(s, t) > 0; });
  }

  // The text around its first matched word, the matched words in <mark>: elements and text nodes, never markup.
  function snippet(text, terms, rules) {
    var found = words(text).filter(function (w) { return matches(w.word, terms, rules); });
    var start = 0, end = text.length;
    if (found.length && found[0].index > 60) start = text.lastIndexOf(" ", found[0].index - 40) + 1;
    if (end - start > 220) end = Math.max(text.indexOf(" ", start + 200), start + 200);
    var fragment = document.createDocumentFragment(), at = start;
    if (start > 0) fragment.appendChild(document.createTextNode("… "));
    for (var w of found) {
      if (w.index < at || w.index + w.word.length > end) continue;
      fragment.appendChild(document.createTextNode(text.slice(at, w.index)));
      var mark = document.createElement("mark");
      mark.textContent = w.word;
      fragment.appendChild(mark);
      at = w.index + w.word.length;
    }
    fragment.appendChild(document.createTextNode(text.slice(at, end) + (end < text.length ? " …" : "")));
    return { node: fragment, found: found.length > 0 };
  }

  function show(result, rules) {
    list.textContent = "";
    none.hidden = result.documents.length > 0 || !result.terms.length;
    for (var doc of result.documents) {
      var href = new URL(doc.u, base);
      if (href.protocol !== location.protocol) continue;
      var item = document.createElement("li");
      item.className = doc.k;
      var link = document.createElement("a");
      link.href = href.href;
      link.appendChild(snippet(doc.t, result.terms, rules).node);
      var heading = document.createElement("h2");
      heading.appendChild(link);
      item.appendChild(heading);
      if (doc.s) {
        var section = document.createElement("p");
        section.className = "search-section";
        section.textContent = doc.s;
        item.appendChild(section);
      }
      // The first text after the title with a matched word, else the first text after it (the summary).
      var texts = doc.x.slice(1), chosen = null;
      for (var t of texts) {
        var made = snippet(t[0], result.terms, rules);
        if (made.found) { chosen = { text: t, made: made }; break; }
      }
      if (!chosen && texts.length) chosen = { text: texts[0], made: snippet(texts[0][0], result.terms, rules) };
      if (chosen) {
        var p = document.createElement("p");
        p.className = "search-snippet";
        if (chosen.text[1]) {
          p.lang = chosen.text[1];
          p.dir = "auto";
        }
        p.appendChild(chosen.made.node);
        item.appendChild(p);
        if (chosen.text[1] && partial) {
          var note = partial.cloneNode(true);
          note.hidden = false;
          item.appendChild(note);
        }
      }
      list.appendChild(item);
    }
  }

  async function run(query) {
    var ticket = ++latest;
    var meta = await load("meta.json");
    if (!meta) return;
    var result = await search(query, meta);
    if (ticket === latest) show(result, meta.stemmer);
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(input.value); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    input.value = query;
    run(query);
  }
})();
