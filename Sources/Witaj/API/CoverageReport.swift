import Foundation

/// `witaj coverage`: the coverage value of a site, without building it.
public enum CoverageReport {
    public static func run(root: URL) -> (Coverage?, Diagnostics) {
        var diagnostics = Diagnostics()
        guard let input = Build.load(root, into: &diagnostics), !diagnostics.hasErrors else { return (nil, diagnostics) }
        diagnostics.append(contentsOf: input.catalogs.diagnostics)
        return (Coverage.compute(site: input.site, catalogs: input.catalogs.documents, interface: input.catalogs.interface,
                                 languages: input.languages), diagnostics)
    }
}
