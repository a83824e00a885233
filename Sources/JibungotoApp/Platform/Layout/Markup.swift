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

/// Hidden form fields, one line each, every name and value escaped: what a form carries from one
/// step to the next (a survey's answers of its other pages) without the server keeping it.
struct HiddenInputsMarkup {
    let fields: [(name: String, value: String)]

    var markup: String {
        fields.map { "<input type=\"hidden\" name=\"\(Markup.escape($0.name))\" value=\"\(Markup.escape($0.value))\">\n" }.joined()
    }
}

/// The navigation's list, the current page marked, as markup the app writes itself: every page
/// prints it twice (the bar and the phone's menu), which Leaf looped over as data with a test per
/// link.
struct NavigationMarkup {
    let links: [NavigationLink]

    var markup: String {
        "<ul>\n" + links.map { link in
            "<li><a href=\"\(Markup.escape(link.href))\"\(link.isCurrent ? " aria-current=\"page\"" : "")>\(Markup.escape(link.label))</a></li>\n"
        }.joined() + "</ul>\n"
    }
}
