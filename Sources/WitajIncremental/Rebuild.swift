import Foundation
import WitajCore
import WitajSite

/// The incremental layer, around one build into an output folder: what to make, from the last build's state
/// (`init`: a `Scope`, or nothing at all); whether what was made can stand beside the last build's pages
/// (`accepts`); and what the next build needs (`remember`). A rebuild of some documents that meets anything
/// unexpected is not accepted, and the caller makes everything instead.
package final class Rebuild {
    package let output: URL
    /// Where the state of builds into `output` is kept, in the site's root.
    package let folder: StateFolder
    /// What to make: everything, or the documents that changed.
    package private(set) var scope: Scope = .everything
    /// Nothing changed since the last build: these are its warnings, and nothing is to be made.
    package private(set) var upToDate: Diagnostics?
    private let inputs: BuildState.Listing
    private let started = Date().timeIntervalSince1970
    /// The last build's records of the documents read again, to compare their faces with.
    private var previous: [String: DocumentRecord] = [:]
    /// The last build's warnings about the files not read again.
    private var keptWarnings = Diagnostics()
    /// The output's listing, walked on another core since `init`; taken before anything is written.
    private var walk: BuildState.Walk?
    private var outputs: BuildState.Listing?
    /// The books' chapters for the next build, being written while the pages are made.
    private var chapters: Pending<Bool>?

    /// Lists the inputs and plans the build; `everything`: a full build, whatever the last one left.
    package init(root: URL, output: URL, sourceDateEpoch: Int?, everything: Bool) {
        self.output = output
        folder = StateFolder(root: root, output: output)
        inputs = BuildState.inputs(root: root, sourceDateEpoch: sourceDateEpoch)
        guard !everything else { return }
        switch BuildState.plan(folder, inputs: inputs) {
        case .upToDate(let warnings):
            upToDate = warnings
        case .documents(let records, let changed, let read, let warnings, let outputs, let chapters):
            scope = Scope(remade: changed, records: records.filter { !read.contains($0.key) }, chapters: chapters)
            previous = records.filter { read.contains($0.key) }
            keptWarnings = warnings
            walk = outputs
        case .everything:
            break
        }
    }

    /// Only some documents are made.
    package var isPartial: Bool { !scope.isEverything }

    /// Whether what a rebuild of some documents made can be published beside the last build's pages: no error, the
    /// same faces as before (`DocumentRecord.Face`), and an output as the last build left it. Always true for a
    /// full build.
    package func accepts(_ made: Pipeline.Made, errors: Bool) -> Bool {
        guard isPartial else { return true }
        guard !errors, sameFaces(made), let listing = walk?.listing else { return false }
        outputs = listing
        return true
    }

    /// Whether the documents made again show other pages what they showed before, and still have every part of
    /// their pages that the other documents' links name.
    func sameFaces(_ made: Pipeline.Made) -> Bool {
        let site = made.input.site
        let rows = Dictionary(made.coverage.documents.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        let resolver = LinkResolver(documents: site.documents, unreadable: site.unreadable, drafts: site.drafts)
        for (i, document) in site.documents.enumerated() where scope.records[document.source] == nil {
            guard let before = previous[document.source], let row = rows[document.source] else { return false }
            let now = DocumentRecord(document, in: made.localized.map { $0.documents[i] }, coverage: row, coverageRow: before.coverageRow,
                                     resolver: resolver)
            if now.face != before.face { return false }
            let gone = before.partsGone(in: now)
            if !gone.isEmpty, scope.records.values.contains(where: { !gone.isDisjoint(with: $0.linkedParts) }) { return false }
        }
        return true
    }

    /// Starts writing the books' chapters for the next build, on another core (none when the books were kept).
    package func keep(_ books: Pipeline.Books) {
        chapters = books.chapters.map { $0.writing(folder) }
    }

    /// After publishing: the last build's warnings about files not read again join `diagnostics`, and the state is
    /// written for the next build. After an error nothing was published and the last state stands, unless newer
    /// book chapters were written: then none is kept, and the next build makes everything.
    /// `changed`: the files written (relative paths).
    package func remember(_ made: Pipeline.Made, coverageRows: [String: String], changed: [String], diagnostics: inout Diagnostics) {
        for warning in keptWarnings.items where !diagnostics.items.contains(warning) {
            diagnostics.warning(warning.location, warning.message)
        }
        guard !diagnostics.hasErrors else {
            guard let chapters else { return }
            _ = chapters.value
            return BuildState.forget(folder)
        }
        // Only some files were written: the listing of the output before the build, with those taken in.
        outputs?.refresh(changed, under: output.path)
        BuildState.remember(folder, inputs: inputs, outputs: outputs, started: started, warnings: diagnostics, made: made,
                            coverageRows: coverageRows, chapters: chapters)
    }
}
