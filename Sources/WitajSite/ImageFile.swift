import WitajMarkdown

/// Images, told by their file's name: which a page shows, and which a book can carry.
package enum ImageFile {
    /// The media types of the images browsers show, by extension (lower case).
    package static let mediaTypes = [
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml",
        "webp": "image/webp", "avif": "image/avif",
    ]
    /// EPUB 3's core media types of images, which every reading system shows (others need a fallback).
    package static let inBooks: Set<String> = ["png", "jpg", "jpeg", "gif", "svg"]

    /// "a/Mapa.PNG" -> "png".
    package static func ext(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    package static func mediaType(_ path: String) -> String? { mediaTypes[ext(path)] }

    package static func fitsBook(_ path: String) -> Bool { inBooks.contains(ext(path)) }

    /// The images of a text with their descriptions (alt text, as readers get it), in reading order.
    package static func images(in inlines: [Inline]) -> [(source: String, description: String)] {
        inlines.flatMap { inline -> [(source: String, description: String)] in
            switch inline {
            case .image(let source, _, let alt): [(source, InlineHTMLRenderer.plainText(alt))]
            case .link(_, _, let c), .emphasis(let c), .strong(let c), .strikethrough(let c): images(in: c)
            default: []
            }
        }
    }
}
