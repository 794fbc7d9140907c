import Yams
import WitajCore

/// Reads `site.yml`.
package enum SiteConfigReader {
    package static let fields = ["baseURL", "sourceLanguage", "languages", "pack", "translations", "coverage"]

    package static func read(_ text: String, path: String, into diagnostics: inout Diagnostics) -> SiteConfig? {
        guard let node = YAMLText.compose(text, path: path, firstLine: 1, into: &diagnostics) else { return nil }
        func at(_ n: Node) -> SourceLocation { YAMLText.location(n.mark, in: text, path: path, firstLine: 1) }
        guard let mapping = node.mapping else {
            diagnostics.error(at(node), "site.yml must be a mapping (baseURL: ..., languages: ...)")
            return nil
        }
        var baseURL = "/"
        var source = "pl"
        var sourceNode: Node?
        var languages: [SiteConfig.Language] = []
        var pack: SiteConfig.Pack?
        var linkHosts: Set<String> = []
        var wholePageBelow = SiteConfig.defaultWholePageBelow
        var coverageNode: Node?
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "baseURL":
                baseURL = value.string ?? baseURL
                if !baseURL.hasSuffix("/") { baseURL += "/" }
            case "sourceLanguage":
                source = value.string ?? source
                sourceNode = value
            case "languages":
                guard let list = value.sequence else {
                    diagnostics.error(at(value), "'languages' must be a list of entries with a 'code'")
                    continue
                }
                for entry in list {
                    let code = entry.mapping?["code"]?.string ?? entry.string
                    guard let code, isLanguageCode(code) else {
                        diagnostics.error(at(entry), "a language needs a 'code' such as 'uk' or 'pt-BR'")
                        continue
                    }
                    if languages.contains(where: { $0.code == code }) {
                        diagnostics.error(at(entry), "language '\(code)' is listed twice")
                        continue
                    }
                    let fallback = entry.mapping?["fallback"]
                    let fallbacks = fallback?.sequence?.compactMap(\.string) ?? fallback?.string.map { [$0] } ?? []
                    for unknown in (entry.mapping.map { Array($0.keys) } ?? []).compactMap(\.string) where !["code", "fallback", "digits"].contains(unknown) {
                        diagnostics.warning(at(entry), "unknown language field '\(unknown)' (known: code, fallback, digits)")
                    }
                    var digits: String?
                    if let node = entry.mapping?["digits"] {
                        digits = node.string
                        if !(digits.map { $0.count >= 3 && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } } ?? false) {
                            diagnostics.error(at(node), "'digits' must be a numbering system such as latn (0-9) or arab (٠-٩)")
                            digits = nil
                        }
                    }
                    languages.append(.init(code: code, fallbacks: fallbacks, location: at(entry), digits: digits))
                }
            case "pack":
                pack = readPack(value, at: at, into: &diagnostics)
            case "translations":
                linkHosts = readTranslations(value, at: at, into: &diagnostics, wholePageBelow: &wholePageBelow)
            case "coverage":
                coverageNode = value
            default:
                diagnostics.warning(at(key), "unknown field '\(key.string ?? "")' (known: \(fields.joined(separator: ", ")))")
            }
        }
        if !languages.contains(where: { $0.code == source }) {
            languages.insert(.init(code: source, fallbacks: [], location: sourceNode.map(at) ?? SourceLocation(path)), at: 0)
        }
        // The source language first; every chain ends at the source language.
        languages.sort { ($0.code == source ? 0 : 1) < ($1.code == source ? 0 : 1) }
        languages = languages.map { language in
            for code in language.fallbacks where !languages.contains(where: { $0.code == code }) {
                diagnostics.error(language.location, "fallback language '\(code)' of '\(language.code)' is not a language of the site")
            }
            var chain = language.fallbacks.filter { $0 != language.code }
            if language.code != source && !chain.contains(source) { chain.append(source) }
            return .init(code: language.code, fallbacks: chain, location: language.location, digits: language.digits)
        }
        let coverage = coverageNode.map { readCoverage($0, languages: languages.map(\.code), source: source, at: at, into: &diagnostics) }
        var config = SiteConfig(baseURL: baseURL, sourceLanguage: source, languages: languages, pack: pack,
                                translationLinkHosts: linkHosts, coverage: coverage ?? SiteConfig.CoverageSettings())
        config.wholePageBelow = wholePageBelow
        return config
    }

    /// `coverage:` the report's language (`language: pl`, a language of the site) and the programme's targets:
    /// `targets: [{by: 2028-12-31, procedures: 100%, articles: 80%, languages: [uk, en, ru]}]` (every target
    /// language when `languages` is left out).
    package static func readCoverage(_ node: Node, languages: [String], source: String, at: (Node) -> SourceLocation,
                                     into diagnostics: inout Diagnostics) -> SiteConfig.CoverageSettings {
        var settings = SiteConfig.CoverageSettings()
        guard let mapping = node.mapping else {
            diagnostics.error(at(node), "'coverage' must be a mapping, such as 'language: pl' and 'targets: [...]'")
            return settings
        }
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "language":
                guard let code = value.string, languages.contains(code) else {
                    diagnostics.error(at(value), "the coverage report's language must be a language of the site (\(languages.joined(separator: ", ")))")
                    continue
                }
                settings.language = code
            case "targets":
                guard let list = value.sequence else {
                    diagnostics.error(at(value), "'targets' must be a list, such as '- {by: 2028-12-31, procedures: 100%, languages: [uk, en]}'")
                    continue
                }
                for entry in list { settings.targets += readTarget(entry, languages: languages.filter { $0 != source }, at: at, into: &diagnostics) }
            case "countNewsAndEvents":
                switch value.string?.lowercased() {
                case "true", "yes": settings.countNewsAndEvents = true
                case "false", "no": settings.countNewsAndEvents = false
                default: diagnostics.error(at(value), "'countNewsAndEvents' is true or false, not '\(value.string ?? "")'")
                }
            default:
                diagnostics.warning(at(key), "unknown coverage field '\(key.string ?? "")' (known: language, targets, countNewsAndEvents)")
            }
        }
        return settings
    }

    /// One entry of `targets`: a target per group it names (procedures, articles).
    static func readTarget(_ node: Node, languages targets: [String], at: (Node) -> SourceLocation,
                           into diagnostics: inout Diagnostics) -> [SiteConfig.Target] {
        guard let mapping = node.mapping else {
            diagnostics.error(at(node), "a target is a mapping: 'by' (a date), 'procedures' and/or 'articles' (a share, such as 100%), 'languages'")
            return []
        }
        var by: Day?
        var shares: [(SiteConfig.Target.Group, Int)] = []
        var languages = targets
        var valid = true
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "by":
                by = value.string.flatMap(Day.init)
                if by == nil {
                    diagnostics.error(at(value), "'by' must be a date written YYYY-MM-DD, such as 2028-12-31")
                    valid = false
                }
            case "procedures", "articles":
                var text = value.string ?? ""
                if text.hasSuffix("%") { text = String(text.dropLast()).trimmed(" ") }
                guard let share = Int(text), (0...100).contains(share) else {
                    diagnostics.error(at(value), "'\(name)' must be a share from 0% to 100%, such as 100%")
                    valid = false
                    continue
                }
                shares.append((name == "procedures" ? .procedures : .articles, share))
            case "languages":
                guard let list = value.sequence else {
                    diagnostics.error(at(value), "'languages' must be a list of target languages, such as [uk, en, ru]")
                    valid = false
                    continue
                }
                languages = []
                for entry in list {
                    guard let code = entry.string, targets.contains(code) else {
                        diagnostics.error(at(entry), "'\(entry.string ?? "")' is not a target language of the site (\(targets.joined(separator: ", ")))")
                        valid = false
                        continue
                    }
                    if !languages.contains(code) { languages.append(code) }
                }
            default:
                diagnostics.warning(at(key), "unknown target field '\(name)' (known: by, procedures, articles, languages)")
            }
        }
        if mapping["by"] == nil {
            diagnostics.error(at(node), "a target needs 'by', the date it is due (YYYY-MM-DD)")
            valid = false
        }
        if shares.isEmpty && valid {
            diagnostics.error(at(node), "a target needs 'procedures' or 'articles' (or both): the share to translate, such as 100%")
            valid = false
        }
        guard valid, let by else { return [] }
        return shares.map { SiteConfig.Target(by: by, group: $0.0, share: $0.1, languages: languages) }
    }

    /// `translations:` what translations may do beyond their source text. `linkHosts`: the hosts of web sites a
    /// translation may link to although its source does not (a localized version of an external site).
    /// `wholePageBelow`: the share of a page's words translated below which it is shown whole in the fallback.
    package static func readTranslations(_ node: Node, at: (Node) -> SourceLocation, into diagnostics: inout Diagnostics,
                                         wholePageBelow: inout Int) -> Set<String> {
        guard let mapping = node.mapping else {
            diagnostics.error(at(node), "'translations' must be a mapping, such as 'linkHosts: [www.gov.pl]'")
            return []
        }
        var hosts: Set<String> = []
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "linkHosts":
                guard let list = value.sequence else {
                    diagnostics.error(at(value), "'linkHosts' must be a list of host names, such as [www.gov.pl, gov.pl]")
                    continue
                }
                for entry in list {
                    let name = entry.string ?? ""
                    guard isHostName(name) else {
                        diagnostics.error(at(entry), "'\(name)' is not a host name: write only the host, such as www.gov.pl (no https://, no path)")
                        continue
                    }
                    hosts.insert(name.lowercased())
                }
            case "wholePageBelow":
                var text = value.string ?? ""
                if text.hasSuffix("%") { text = String(text.dropLast()).trimmed(" ") }
                guard let share = Int(text), (0...100).contains(share) else {
                    diagnostics.error(at(value), "'wholePageBelow' must be a share from 0% to 100%, such as 50%")
                    continue
                }
                wholePageBelow = share
            default:
                diagnostics.warning(at(key), "unknown translations field '\(key.string ?? "")' (known: linkHosts, wholePageBelow)")
            }
        }
        return hosts
    }

    /// A host name as links write it: dot-separated labels of letters, digits and hyphens.
    package static func isHostName(_ name: String) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        return !name.isEmpty && labels.allSatisfy { label in
            !label.isEmpty && label.first != "-" && label.last != "-" && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// `pack:` the welcome pack as a book: its file name and its chapters, in order, by source file.
    package static func readPack(_ node: Node, at: (Node) -> SourceLocation, into diagnostics: inout Diagnostics) -> SiteConfig.Pack? {
        guard let mapping = node.mapping else {
            diagnostics.error(at(node), "'pack' must be a mapping with 'file' and 'chapters'")
            return nil
        }
        var file = "welcome-pack"
        var chapters: [SiteConfig.Pack.Chapter] = []
        var names: [String: String] = [:]
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "file":
                let name = value.string ?? ""
                if name.isEmpty || name.contains("/") || name.hasPrefix(".") {
                    diagnostics.error(at(value), "'file' must be a plain file name without .epub, such as witaj-krakow")
                } else {
                    file = name
                }
            case "creator", "publisher":
                if let name = value.string, !name.allSatisfy(\.isWhitespace) {
                    names[key.string ?? ""] = name
                } else {
                    diagnostics.error(at(value), "'\(key.string ?? "")' must be a name, such as Urząd Miasta Krakowa")
                }
            case "chapters":
                guard let list = value.sequence else {
                    diagnostics.error(at(value), "'chapters' must be a list of source files (first-steps/pesel.xml)")
                    continue
                }
                for entry in list {
                    guard let source = entry.string, !source.isEmpty else {
                        diagnostics.error(at(entry), "a chapter is the path of a source file under content/")
                        continue
                    }
                    chapters.append(.init(source: "content/" + source, location: at(entry)))
                }
            default:
                diagnostics.warning(at(key), "unknown pack field '\(key.string ?? "")' (known: file, creator, publisher, chapters)")
            }
        }
        return SiteConfig.Pack(file: file, chapters: chapters, creator: names["creator"], publisher: names["publisher"])
    }

    package static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
