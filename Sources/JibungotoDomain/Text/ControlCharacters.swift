/// Text that people type: line breaks and tabs are text, every other control character is not.
/// NUL and its kin are refused rather than stored, because databases, CSV readers and browsers
/// cut a value at them or drop them differently, so what is shown would not be what was saved.
public enum TypedText {
    /// True when `text` holds a control character other than tab, line feed or carriage return
    /// (C0, DEL or C1).
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F: true
            default: false
            }
        }
    }
}
