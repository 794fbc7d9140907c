import CWitajXML

/// HTML made XHTML by libxml2: read by its HTML parser (no network), written by its serializer in XML syntax.
package enum XHTMLWriter {
    /// The XHTML of `html`, with the XML declaration and DOCTYPE `html` starts with kept as they are; nil when
    /// libxml2 cannot read it.
    package static func xhtml(_ html: String) -> String? {
        var html = html
        var prolog = ""
        for start in ["<?xml ", "<!DOCTYPE "] where html.hasPrefix(start) {
            guard let end = html.firstIndex(of: ">") else { break }
            let line = html[...end]
            prolog += line + "\n"
            html = String(html[html.index(after: end)...].drop { $0 == "\n" })
        }
        var length: Int32 = 0
        let converted = html.utf8CString.withUnsafeBufferPointer { buffer in
            witaj_xml_html_to_xhtml(buffer.baseAddress, Int32(buffer.count - 1), &length)
        }
        guard let converted else { return nil }
        defer { witaj_xml_string_free(converted) }
        return prolog + String(cString: converted)
    }
}
