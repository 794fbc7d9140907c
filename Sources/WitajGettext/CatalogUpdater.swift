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
            let length = text.unicodeScalars.count
            // The first of the best: candidates tried by what their lengths allow at most, none tried that cannot
            // reach the best so far (nor the threshold).
            let bounds = candidates.enumerated().map { i, candidate in (i, bound(length, candidate.msgid.unicodeScalars.count)) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            var best: (Int, Double)?
            for (i, most) in bounds {
                if most < similarityThreshold { break }
                if let best, most < best.1 { break }
                let score = similarity(text, candidates[i].msgid)
                guard score >= similarityThreshold else { continue }
                if let current = best, score < current.1 || (score == current.1 && i > current.0) { continue }
                best = (i, score)
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

    /// The most `similarity` can be for texts of these lengths (in Unicode scalars).
    static func bound(_ a: Int, _ b: Int) -> Double {
        a + b == 0 ? 1 : 2.0 * Double(min(a, b)) / Double(a + b)
    }

    /// 2 x (longest common subsequence) / (total length): 1 for equal texts, 0 for nothing in common.
    package static func similarity(_ a: String, _ b: String) -> Double {
        let x = Array(a.unicodeScalars.lazy.map(\.value)), y = Array(b.unicodeScalars.lazy.map(\.value))
        let total = x.count + y.count
        guard total > 0 else { return 1 }
        // Cannot reach the threshold when the lengths differ too much.
        guard bound(x.count, y.count) >= similarityThreshold, !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = [Int32](repeating: 0, count: y.count + 1)
        var row = previous
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                for i in 0..<x.count {
                    previous.withUnsafeMutableBufferPointer { previous in
                        row.withUnsafeMutableBufferPointer { row in
                            let c = x[i]
                            for j in 0..<y.count {
                                row[j + 1] = c == y[j] ? previous[j] + 1 : max(previous[j + 1], row[j])
                            }
                        }
                    }
                    swap(&previous, &row)
                }
            }
        }
        return 2.0 * Double(previous[y.count]) / Double(total)
    }
}
