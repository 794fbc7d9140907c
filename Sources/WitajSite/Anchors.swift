import WitajCore
import WitajMarkdown

/// Where a link may point inside a page (`pesel.xml#steps`, `#kroki`): each heading's id, made from its source
/// text (so the same in every language, and unchanged when other sections move) or set by the editor
/// (`## Kroki {#kroki}`); the fixed sections of a procedure; each office of the register.
package enum Anchors {
    /// The ids the procedure template gives its sections.
    package static let procedureSections = ["audience", "steps", "documents", "fees", "deadlines", "where", "online",
                                            "notes", "legal", "related"]

    /// Every id a link may name in a document's page.
    package static func of(_ document: Document) -> Set<String> {
        switch document.body {
        case .markdown: Set(document.headingIDs)
        case .procedure: Set(procedureSections)
        case .offices(let offices): Set(offices.flatMap { ["office-\($0.id)", "office-\($0.id)-name"] })
        }
    }

    /// The parts ("path#id") of the page at `path` that it `had` and no longer `has`: a link of another document
    /// that names one has to be checked again.
    package static func gone(from path: String, had: some Sequence<String>, has: some Sequence<String>) -> Set<String> {
        Set(Set(had).subtracting(has).map { path + "#" + $0 })
    }
}
