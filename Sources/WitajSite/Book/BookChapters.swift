import Foundation
import WitajCore

/// Every language's book chapters as the last build made them: the XHTML and what the accessibility audit found.
/// The incremental layer keeps them between builds (`BookChapters.file`), so that when some chapters changed only
/// they are made again and the books are zipped from the rest.
package struct BookChapters: Sendable {
    package struct Chapter: Sendable, Equatable {
        package let xhtml: String
        package let failures: [String]

        package init(xhtml: String, failures: [String]) {
            self.xhtml = xhtml
            self.failures = failures
        }
    }

    /// By language code, then chapter file ("first-steps-pesel.xhtml").
    package var languages: [String: [String: Chapter]] = [:]

    package init() {}
}
