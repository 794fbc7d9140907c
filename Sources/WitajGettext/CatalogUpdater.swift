import WitajCore
/// `witaj update`: keeps a document's catalog in step with its source, with msgmerge's semantics.
/// New segment -> empty entry; changed segment -> old translation kept, marked fuzzy, with the old source in
/// `#| msgid`; removed segment -> obsolete `#~` entry (dropped when it was never translated).
package enum CatalogUpdater {
    /// msgmerge's threshold for calling an old message "the same, changed".
    package static let similarityThreshold = 0.6

    /// One entry per distinct segment text, in reading order, with every place it occurs.
    package static func entries(for segments: [Segment]) -> [POEntry] {
        var entries: [POEntry] = []
        var byText: [TextKey: Int] = [:]
        for segment in segments where !segment.text.isEmpty {
            let reference = "\(segment.location.path):\(segment.location.line)"
            let key = TextKey(segment.text)
            if let i = byText[key] {
                if !entries[i].references.contains(reference) { entries[i].references.append(reference) }
            } else {
                var entry = POEntry(msgid: segment.text)
                entry.extracted = [segment.role.rawValue]
                if segment.nothingToTranslate { entry.extracted.append(nothingToTranslate) }
                entry.references = [reference]
                byText[key] = entries.count
                entries.append(entry)
            }
        }
        return entries
    }

    /// What translators read (`#.`) at a segment with no letter but capitals ("112", "BLIK").
    package static let nothingToTranslate =
        "nothing to translate (no lowercase letter): readers get this text as it is when msgstr is empty; "
        + "translate it only where your language writes it otherwise"


    /// `fresh` merged into the catalog as it is, under `header` (the caller brings the header in step). `relink`
    /// says, of an old and a new source text, whether they differ only in links to documents that moved, and how
    /// (old destination -> new): such a segment keeps its translation as it was, its links moved the same way.
    package static func merge(_ fresh: [POEntry], into existing: POCatalog?, header: POEntry,
                              relink: ((String, String) -> [String: String]?)? = nil) -> POCatalog {
        guard let existing else { return POCatalog(header: header, entries: fresh) }
        var old: [TextKey: POEntry] = [:]
        for entry in existing.entries where entry.context == nil {
            // A current entry wins over an obsolete one with the same msgid.
            let key = TextKey(entry.msgid)
            if old[key] == nil || !entry.obsolete { old[key] = entry }
        }
        var used: Set<TextKey> = []
        var merged: [POEntry] = []
        var unmatched: [Int] = []
        for entry in fresh {
            if var previous = old[TextKey(entry.msgid)] {
                previous.extracted = entry.extracted
                previous.references = entry.references
                previous.obsolete = false
                merged.append(previous)
                used.insert(TextKey(entry.msgid))
            } else {
                unmatched.append(merged.count)
                merged.append(entry)
            }
        }
        var candidates = existing.entries.filter { !used.contains(TextKey($0.msgid)) && $0.hasTranslation && $0.context == nil }
        if let relink {
            unmatched = unmatched.filter { index in
                for (i, candidate) in candidates.enumerated() {
                    guard let moves = relink(candidate.msgid, merged[index].msgid) else { continue }
                    func moved(_ text: String) -> String { LinkDestinations.replacing(in: text) { moves[$0] } }
                    let source = candidates.remove(at: i)
                    used.insert(TextKey(source.msgid))
                    merged[index].msgstr = source.msgstr.map(moved)
                    merged[index].comments = source.comments
                    merged[index].flags = source.flags
                    merged[index].previous = source.previous.map(moved)
                    return false
                }
                return true
            }
        }
        // Changed segments: the closest translated old message that no longer matches exactly.
        for index in unmatched {
            let text = merged[index].msgid
            var best: (Int, Double)?
            for (i, candidate) in candidates.enumerated() {
                let score = similarity(text, candidate.msgid)
                if score >= similarityThreshold, score > (best?.1 ?? 0) { best = (i, score) }
            }
            guard let (i, _) = best else { continue }
            let source = candidates.remove(at: i)
            used.insert(TextKey(source.msgid))
            merged[index].msgstr = source.msgstr
            merged[index].comments = source.comments
            merged[index].flags = source.flags
            merged[index].setFuzzy(true)
            merged[index].previous = source.msgid
        }
        var obsolete = existing.entries.filter { !used.contains(TextKey($0.msgid)) && $0.hasTranslation && $0.context == nil }
        for i in obsolete.indices {
            obsolete[i].obsolete = true
            obsolete[i].references = []
            obsolete[i].extracted = []
        }
        return POCatalog(header: header, entries: merged + obsolete)
    }

    /// 2 x (longest common subsequence) / (total length): 1 for equal texts, 0 for nothing in common.
    package static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        let total = x.count + y.count
        guard total > 0 else { return 1 }
        // Cannot reach the threshold when the lengths differ too much.
        guard 2.0 * Double(min(x.count, y.count)) / Double(total) >= similarityThreshold else { return 0 }
        var previous = [Int](repeating: 0, count: y.count + 1)
        var row = previous
        for i in 1...max(x.count, 1) where !x.isEmpty {
            for j in 1...max(y.count, 1) where !y.isEmpty {
                row[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], row[j - 1])
            }
            swap(&previous, &row)
        }
        return 2.0 * Double(previous[y.count]) / Double(total)
    }
}
