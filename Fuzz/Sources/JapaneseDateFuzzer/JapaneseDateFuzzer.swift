import FuzzSupport
import JibungotoDomain

// A date cell or form field as typed: Gregorian, 和暦 in full or abbreviated, full-width digits,
// era ligatures. Besides not crashing: a date that is read must read back the same from each
// form the app writes it in, and a rejection must have a message in both languages.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    // Invalid UTF-8 becomes U+FFFD, as it does when a form is decoded.
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    // The strict form the database stores is one of the lenient ones.
    if let stored = LocalDate(iso: text) { readsBack(text, as: stored) }
    switch LocalDate.parseJapanese(text) {
    case .success(let date):
        readsBack(date.iso, as: date)
        // The parser takes four-digit years and era years of one or two digits, as people write
        // them; the display writes any (522年, 令和981年), so only those must read back.
        if date.year >= 1000 {
            readsBack(date.formatted(language: "ja", display: .gregorian), as: date)
        }
        if let wareki = WarekiDate(date), wareki.year <= 99 {
            readsBack(wareki.japanese, as: date)
            readsBack(wareki.abbreviated, as: date)
            readsBack(date.formatted(language: "ja", display: .wareki), as: date)
        }
        _ = date.formatted(language: "en", display: .wareki)
    case .failure(let error):
        let message = error.message
        require(!message.ja.isEmpty && !message.en.isEmpty, "empty message for \(error)")
    }
    return 0
}

private func readsBack(_ text: String, as date: LocalDate) {
    guard case .success(let again) = LocalDate.parseJapanese(text) else {
        fatalError("\(date.iso) written as \(text) does not read back")
    }
    require(again == date, "\(text) reads back as \(again.iso), not \(date.iso)")
}
