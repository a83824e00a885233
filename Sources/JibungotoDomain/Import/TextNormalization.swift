// Character-level clean-up shared by the importers and the search column. Written with
// scalar tables rather than `applyingTransform` because ICU transforms cost microseconds
// per call, which adds up over 50,000 rows, and because the reverse of
// `.fullwidthToHalfwidth` would also widen ASCII letters and digits.
enum TextNormalization {
    // Trims Unicode white space (including U+3000 and the BOM, which Excel leaves on a first
    // header cell when a file is re-saved in another encoding).
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        // `first` exists, so a last non-space scalar exists too.
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    // Unicode White_Space plus the BOM, spelled out because the property lookup was a
    // quarter of the time of a 50,000-row dry run.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
             0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    // Full-width ASCII (！ to ～) to half-width, and the ideographic space to a plain space.
    static func halfwidthASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: return " "
        default: return scalar
        }
    }

    // Codes and numbers as typed in Japanese IME mode: trimmed, full-width letters and digits
    // made half-width, letters in upper case ("ａ００１２" → "A0012").
    static func code(_ text: String) -> String {
        let trimmed = trim(text)
        var needsWork = false
        for scalar in trimmed.unicodeScalars where scalar.value >= 0x61 {
            needsWork = true
            break
        }
        guard needsWork else { return trimmed }
        var out = String.UnicodeScalarView()
        for scalar in trimmed.unicodeScalars {
            var s = halfwidthASCII(scalar)
            if (0x61...0x7A).contains(s.value) { s = Unicode.Scalar(s.value - 0x20)! }
            out.append(s)
        }
        return String(out)
    }

    // Key for comparing header names and listed values: full-width ASCII to half-width,
    // half-width kana to full-width, ASCII letters lower-cased, white space, `_` and `-`
    // removed, so 「職員Ｎｏ」「職員 No」 and "staff_number"/"staffNumber" meet.
    static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in katakanaFullwidth(text).unicodeScalars {
            if isSpace(scalar) { continue }
            var s = halfwidthASCII(scalar)
            if s == "_" || s == "-" { continue }
            if (0x41...0x5A).contains(s.value) { s = Unicode.Scalar(s.value + 0x20)! }
            out.append(s)
        }
        return String(out)
    }

    // MARK: Kana

    // Hiragana and half-width katakana to full-width katakana, composing voiced and
    // semi-voiced marks (ﾀﾞ → ダ, か + U+3099 → ガ). Other characters pass through. With
    // `hiragana: false` only half-width katakana is widened (ｼｮｸｲﾝ → ショクイン), for fields
    // such as 氏名 or 職名 where hiragana is meant as written.
    static func katakanaFullwidth(_ text: String, hiragana: Bool = true) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (hiragana && (0x3041...0x309E).contains(v)) || (0xFF61...0xFF9F).contains(v) {
                needsWork = true
                break
            }
        }
        guard needsWork else { return text }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            guard hiragana || (0xFF61...0xFF9F).contains(v) else {
                out.append(scalar)
                continue
            }
            switch v {
            case 0x3041...0x3096, 0x309D, 0x309E:  // hiragana, ゝ ゞ
                out.append(Unicode.Scalar(v + 0x60)!)
            case 0xFF9E, 0x3099, 0x309B:  // voiced mark
                if let last = out.last, let voiced = voicedKatakana[last.value] {
                    out[out.count - 1] = Unicode.Scalar(voiced)!
                } else {
                    out.append("\u{309B}")
                }
            case 0xFF9F, 0x309A, 0x309C:  // semi-voiced mark
                if let last = out.last, halfVoiceable.contains(last.value) {
                    out[out.count - 1] = Unicode.Scalar(last.value + 2)!
                } else {
                    out.append("\u{309C}")
                }
            case 0xFF61...0xFF9D:
                out.append(Unicode.Scalar(halfwidthKatakana[Int(v - 0xFF61)])!)
            default:
                out.append(scalar)
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return String(view)
    }

    // U+FF61 ｡ … U+FF9D ﾝ in order.
    private static let halfwidthKatakana: [UInt32] = [
        0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2,  // ｡｢｣､･ｦ
        0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9,  // ｧｨｩｪｫ
        0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC,  // ｬｭｮｯｰ
        0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA,  // ｱｲｳｴｵ
        0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,  // ｶｷｸｹｺ
        0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD,  // ｻｼｽｾｿ
        0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8,  // ﾀﾁﾂﾃﾄ
        0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE,  // ﾅﾆﾇﾈﾉ
        0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,  // ﾊﾋﾌﾍﾎ
        0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2,  // ﾏﾐﾑﾒﾓ
        0x30E4, 0x30E6, 0x30E8,  // ﾔﾕﾖ
        0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED,  // ﾗﾘﾙﾚﾛ
        0x30EF, 0x30F3,  // ﾜﾝ
    ]

    // Katakana that take the voiced mark, and what they become.
    private static let voicedKatakana: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [0x30A6: 0x30F4, 0x30EF: 0x30F7, 0x30F2: 0x30FA, 0x30FD: 0x30FE]
        let plusOne: [UInt32] = [
            0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD,
            0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB,
        ]
        for base in plusOne { table[base] = base + 1 }
        return table
    }()

    private static let halfVoiceable: Set<UInt32> = [0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB]

    // Whether a scalar may appear in a stored kana name (after ``katakanaFullwidth(_:)``):
    // katakana, ー, ・, ヽ ヾ and the ideographic space between family and given name.
    static func isNameKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30A1...0x30FA, 0x30FB, 0x30FC, 0x30FD, 0x30FE, 0x3000: return true
        default: return false
        }
    }
}

/// The normaliser for the name-kana search column.
public enum KanaSearch {
    /// Folds the spellings a user may type or a file may hold into one searchable form:
    /// hiragana and half-width katakana become full-width katakana, full-width ASCII becomes
    /// half-width, and all white space is removed. So 「やまだ たろう」「ﾔﾏﾀﾞﾀﾛｳ」 and
    /// 「ヤマダ　タロウ」 all give 「ヤマダタロウ」. Apply it to both the stored column and the query.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in TextNormalization.katakanaFullwidth(text).unicodeScalars {
            if TextNormalization.isSpace(scalar) { continue }
            out.append(TextNormalization.halfwidthASCII(scalar))
        }
        return String(out)
    }
}
