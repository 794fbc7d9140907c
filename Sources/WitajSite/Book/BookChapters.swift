import Foundation
import WitajCore

/// Every language's book chapters as the last build made them: the XHTML, what the accessibility audit found and
/// the images they show.
/// The incremental layer keeps them between builds (`BookChapters.file`), so that when some chapters changed only
/// they are made again and the books are zipped from the rest.
package struct BookChapters: Sendable {
    package struct Chapter: Sendable, Equatable {
        package let xhtml: String
        package let failures: [String]
        /// The images it shows (their `src`, "images/first-steps/mapa.png"): the book carries them.
        package let images: [String]

        package init(xhtml: String, failures: [String], images: [String] = []) {
            self.xhtml = xhtml
            self.failures = failures
            self.images = images
        }
    }

    /// By language code, then chapter file ("first-steps-pesel.xhtml").
    package var languages: [String: [String: Chapter]] = [:]

    package init() {}
}
