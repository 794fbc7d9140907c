import Foundation

/// Mustache templates and static assets: the default theme inside witaj, overridden file by file by `theme/`.
package struct Theme: Sendable {
    package struct Template: Sendable {
        package let text: String
        /// Where it came from, for diagnostics ("theme/templates/page.mustache" or "(default theme)/page.mustache").
        package let path: String

        package init(text: String, path: String) {
            self.text = text
            self.path = path
        }
    }
    package var templates: [String: Template]
    /// Published under `assets/`, keyed by their path there ("style.css").
    package var assets: [String: [UInt8]]

    package init(templates: [String: Template], assets: [String: [UInt8]]) {
        self.templates = templates
        self.assets = assets
    }
}
