import Foundation
import WitajCore
import WitajSite

/// `witaj coverage`: the coverage value of a site, without building it.
public enum CoverageReport {
    public static func run(root: URL) -> (Coverage?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let input = Pipeline.load(root, into: &diagnostics), !diagnostics.hasErrors else { return (nil, diagnostics) }
        diagnostics.append(contentsOf: input.catalogs.diagnostics)
        return (Pipeline.coverage(input), diagnostics)
    }
}
