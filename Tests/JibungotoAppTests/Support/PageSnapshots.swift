import Foundation
@testable import JibungotoApp
import JibungotoDomain
import SnapshotTesting

/// The words of the page builders without an application: the shipped catalogs (`ja.json`,
/// `en.json`, loaded as `configure` loads them) with a reader's language and calendar. A page
/// snapshot is the JSON of a builder's `Content`, the exact data its template gets, so a change
/// of wording, of a date's form or of the view model shows up as a diff of that file.
enum PageSnapshots {
    /// The two ways the snapshots read a page: the city's default (Japanese, 和暦) and the other
    /// language with the other calendar, so each pair covers both languages and both calendars.
    enum Reader: String, CaseIterable, Sendable {
        case japaneseWareki = "ja-wareki"
        case englishGregorian = "en-gregorian"

        var preferences: DisplayPreferences {
            switch self {
            case .japaneseWareki: DisplayPreferences(language: .ja, dateDisplay: .wareki)
            case .englishGregorian: DisplayPreferences(language: .en, dateDisplay: .gregorian)
            }
        }
    }

    /// The shipped catalogs, from the resources folder `configure` reads them from.
    static func catalogs() throws -> MessageCatalogs {
        try MessageCatalogs.load(from: AppResources.directory)
    }

    static func localizer(_ reader: Reader) throws -> Localizer {
        Localizer(catalogs: try catalogs(), preferences: reader.preferences)
    }

    /// Keys sorted, slashes of paths left as they are and non-ASCII text as it is, so the
    /// recorded file reads like the page.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// Compares a page's view model with `__Snapshots__/<test file>/<test>.<reader>.json` beside the
/// calling test file (recorded when missing; see `PageSnapshotTests`).
func assertPageSnapshot<Content: Encodable>(
    of content: Content,
    reader: PageSnapshots.Reader,
    fileID: StaticString = #fileID,
    file filePath: StaticString = #filePath,
    testName: String = #function,
    line: UInt = #line,
    column: UInt = #column
) {
    assertSnapshot(
        of: content,
        as: Snapshotting<Content, String>.json(PageSnapshots.encoder()),
        named: reader.rawValue,
        fileID: fileID,
        file: filePath,
        testName: testName,
        line: line,
        column: column
    )
}
