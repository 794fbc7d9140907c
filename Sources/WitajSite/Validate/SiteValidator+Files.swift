import WitajCore

extension SiteValidator {
    /// The files copied as they are (`static/`, files beside documents) go where witaj makes nothing and where no
    /// other copied file goes: each problem is an error at the file that would land there.
    package static func checkFiles(_ site: Site, into diagnostics: inout Diagnostics) {
        guard !site.attachments.isEmpty || !site.staticFiles.isEmpty else { return }
        let made = madeFiles(site)
        let source = site.config.sourceLanguage
        var copied: [String: String] = [:]
        for file in site.attachments { copied[source + "/" + file.contentPath] = file.source }
        var folders: [String: String] = [:]
        func addFolders(of path: String, _ what: String) {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if folders[String(folder)] != nil { break }
                folders[String(folder)] = what
            }
        }
        for (path, what) in made.sorted(by: { $0.key < $1.key }) { addFolders(of: path, what) }
        for (path, from) in copied.sorted(by: { $0.key < $1.key }) { addFolders(of: path, from) }
        for file in site.staticFiles { addFolders(of: file.staticPath, file.source) }

        func check(_ path: String, from source: String) {
            let location = SourceLocation(source)
            if let what = made[path] {
                return diagnostics.error(location, "it would be published as '\(path)', which is \(what): rename or remove it")
            }
            if let other = copied[path], other != source {
                return diagnostics.error(location, "it would be published as '\(path)', where \(other) is: the \(site.config.sourceLanguage) version of a file beside a document is that file; static/<lang>/ holds the other languages' own versions")
            }
            if let what = folders[path] {
                return diagnostics.error(location, "it would be published as '\(path)', the folder of \(what): rename it")
            }
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if let what = made[String(folder)] ?? copied[String(folder)] {
                    return diagnostics.error(location, "it would be published inside '\(folder)', which is \(what): rename a folder")
                }
            }
        }
        for file in site.attachments { check(source + "/" + file.contentPath, from: file.source) }
        for file in site.staticFiles { check(file.staticPath, from: file.source) }
    }

    /// Every file witaj makes in the output, and what it is.
    package static func madeFiles(_ site: Site) -> [String: String] {
        var made = [
            "index.html": "the language chooser", "404.html": "the page for addresses the site does not have",
            "sitemap.xml": "the sitemap", "coverage/index.html": "the coverage report",
            "coverage/coverage.json": "the coverage report", "coverage/coverage.csv": "the coverage report",
        ]
        for asset in site.theme.assets.keys { made["assets/" + asset] = "an asset of the theme" }
        for language in site.config.languages.map(\.code) {
            made["\(language)/404.html"] = "the page for addresses the site does not have"
            made["\(language)/a-z/index.html"] = "the A–Z index"
            if let pack = site.config.pack { made["\(language)/\(pack.bookFile(language))"] = "the welcome pack book" }
            for document in site.documents {
                made[document.path.isEmpty ? "\(language)/index.html" : "\(language)/\(document.path)/index.html"] =
                    "the page of \(document.source)"
            }
        }
        return made
    }
}
