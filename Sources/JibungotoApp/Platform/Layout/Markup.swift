/// Text placed inside markup the app writes itself (SVG charts, a select's options, the Atom digest).
enum Markup {
    /// `text` safe as element content and as a quoted attribute value in HTML and XML.
    /// One pass over the UTF-8 bytes (the five characters are ASCII, so no multi-byte character
    /// is split), and the text itself when it has none of them: select options call this for
    /// every label of a section chooser.
    static func escape(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: escaped += Array("&amp;".utf8)
            case 0x3C: escaped += Array("&lt;".utf8)
            case 0x3E: escaped += Array("&gt;".utf8)
            case 0x22: escaped += Array("&quot;".utf8)
            case 0x27: escaped += Array("&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}
