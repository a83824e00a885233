import Foundation
import JibungotoDomain
import Testing

/// The app's form types, decoded from the bodies browsers send through `URLEncodedForm`, as
/// Vapor's decoder decoded them (but for `+` before a combining mark).
@Suite("Form types: decoded from the fields URLEncodedForm reads")
struct URLEncodedFormDecoderTests {
    struct NoteForm: Decodable, Equatable {
        var title: String
        var note: String?
        var count: Int?
        var ratio: Double?
    }

    struct ChoiceForm: Decodable, Equatable {
        var departments: [String]?
        var flags: [String]
        var pages: [Int]?
        var agree: Bool?
        var pin_id: UUID?
    }

    /// Vapor's `File`: its own keys, which a form field never has.
    struct Upload: Decodable, Equatable {
        struct File: Decodable, Equatable { var data: String, filename: String }
        var kind: String?
        var file: File?
    }

    let decoder = URLEncodedFormValueDecoder()

    /// What decoding `body` throws, as kind, type and path ("keyNotFound title", "typeMismatch Int pages.1").
    func failure<T: Decodable>(_ type: T.Type, _ body: String) -> String {
        func described(_ parts: String..., at keys: [any CodingKey]) -> String {
            (parts + [keys.map(\.stringValue).joined(separator: ".")]).filter { !$0.isEmpty }.joined(separator: " ")
        }
        do {
            return "decoded \(try decoder.decode(type, from: body))"
        } catch DecodingError.keyNotFound(let key, let context) {
            return described("keyNotFound", at: context.codingPath + [key])
        } catch DecodingError.typeMismatch(let type, let context) {
            return described("typeMismatch", "\(type)", at: context.codingPath)
        } catch DecodingError.valueNotFound(let type, let context) {
            return described("valueNotFound", "\(type)", at: context.codingPath)
        } catch DecodingError.dataCorrupted(let context) {
            return described("dataCorrupted", at: context.codingPath)
        } catch {
            return "\(error)"
        }
    }

    @Test("required and optional fields; a long Japanese text percent-encoded as a browser sends it")
    func strings() throws {
        let text = "地域の課題を住民と一緒に考える仕事がしたい。子育て支援課で3年、窓口対応を経験しました。"
            + "来年度は企画部門で、数字と現場の声をつなぐ役目を担いたいと考えています。"
        let encoded = try #require(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        #expect(try decoder.decode(NoteForm.self, from: "_csrf=abc&title=%E9%A1%8C&note=\(encoded)&count=12&ratio=0.5")
                == NoteForm(title: "題", note: text, count: 12, ratio: 0.5))
        #expect(try decoder.decode(NoteForm.self, from: "title=t") == NoteForm(title: "t", note: nil, count: nil, ratio: nil))
    }

    @Test("'+' is a space, a '+' before U+0483 too (Vapor's decoder kept that one)")
    func plusAsSpace() throws {
        let form = try decoder.decode(NoteForm.self, from: "title=a+b%2Bc&note=%E3%81%82+\u{483}+c")
        #expect(form.title == "a b+c")
        #expect(Array(try #require(form.note).unicodeScalars) == Array("あ \u{483} c".unicodeScalars))
    }

    @Test("'name[]' and a repeated name are arrays in the order sent; a required array not sent is empty")
    func arrays() throws {
        let form = try decoder.decode(ChoiceForm.self, from: "departments[]=%E7%B7%8F%E5%8B%99&departments%5B%5D=b,c&flags=x&pages=2&flags=y&pages[]=1")
        #expect(form == ChoiceForm(departments: ["総務", "b,c"], flags: ["x", "y"], pages: [2, 1]))
        #expect(try decoder.decode(ChoiceForm.self, from: "agree=on") == ChoiceForm(flags: [], agree: true))
    }

    @Test("a single value is the last one sent; an empty value is \"\", not nil")
    func lastValueAndEmpty() throws {
        #expect(try decoder.decode(NoteForm.self, from: "title=a&count=1&title=b&count=2") == NoteForm(title: "b", note: nil, count: 2))
        #expect(try decoder.decode(NoteForm.self, from: "title=&note=") == NoteForm(title: "", note: ""))
    }

    @Test("a missing required field, a number or a Bool that does not read: a DecodingError naming the field")
    func rejections() {
        #expect(failure(NoteForm.self, "note=x") == "keyNotFound title")
        #expect(failure(NoteForm.self, "title=t&count=12a") == "typeMismatch Int count")
        #expect(failure(NoteForm.self, "title=t&count=99999999999999999999") == "typeMismatch Int count")
        #expect(failure(NoteForm.self, "title=t&count=") == "typeMismatch Int count")
        #expect(failure(NoteForm.self, "title=t&ratio=half") == "typeMismatch Double ratio")
        #expect(failure(ChoiceForm.self, "pages=1&pages=x") == "typeMismatch Int pages.1")
        #expect(failure(ChoiceForm.self, "agree=off") == "typeMismatch Bool agree")
        #expect(failure(String.self, "a=1") == "typeMismatch String")
    }

    @Test("UUID: read from its text; a malformed or empty one is rejected")
    func uuids() throws {
        let id = try #require(UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301"))
        #expect(try decoder.decode(ChoiceForm.self, from: "pin_id=3f2504e0-4f89-11d3-9a0c-0305e82c3301").pin_id == id)
        #expect(failure(ChoiceForm.self, "pin_id=3F2504E0-4F89") == "dataCorrupted pin_id")
        #expect(failure(ChoiceForm.self, "pin_id=") == "dataCorrupted pin_id")
        #expect(try decoder.decode(ChoiceForm.self, from: "flags=x").pin_id == nil)
    }

    @Test("Bool: true/false, on, 1/0 in any case; nil when not sent")
    func bools() throws {
        let read = try ["true", "FALSE", "on", "On", "1", "0"].map { try decoder.decode(ChoiceForm.self, from: "agree=\($0)").agree }
        #expect(read == [true, false, true, true, true, false])
        #expect(try decoder.decode(ChoiceForm.self, from: "flags=x").agree == nil)
    }

    @Test("[String: String]: every name sent once, with its last value; '[]' dropped, a name without '=' empty")
    func dictionary() throws {
        #expect(try decoder.decode([String: String].self, from: "_csrf=abc&name=x&name=y&tags[]=p&tags[]=q&bare&=e&a%5Bb%5D=1&&")
                == ["_csrf": "abc", "name": "y", "tags": "q", "bare": "", "": "e", "a[b]": "1"])
        #expect(try decoder.decode([String: [String]].self, from: "name=x&tags[]=p&name=y") == ["name": ["x", "y"], "tags": ["p"]])
    }

    @Test("a type with keys of its own (Vapor's File) is nil when not sent and finds none when it is")
    func nestedKeys() throws {
        #expect(try decoder.decode(Upload.self, from: "kind=staff") == Upload(kind: "staff", file: nil))
        #expect(failure(Upload.self, "file=a.csv") == "keyNotFound file.data")
    }

    /// What Vapor's `request.query.get(Int.self, at: "fy")` decodes: a type that finds the key
    /// in `userInfo` and reads it from the form's keyed container.
    struct KeyPathGet: Decodable {
        struct Name: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        static let key = CodingUserInfoKey(rawValue: "key")!
        let year: Int

        init(from decoder: any Decoder) throws {
            let name = Name(stringValue: decoder.userInfo[Self.key] as? String ?? "")
            year = try decoder.container(keyedBy: Name.self).decode(Int.self, forKey: name)
        }
    }

    @Test("userInfo reaches the type decoded, as Vapor's query.get(_:at:) needs")
    func queryGet() throws {
        #expect(try decoder.decode(KeyPathGet.self, from: "q=x&count=2025", userInfo: [KeyPathGet.key: "count"]).year == 2025)
        #expect(throws: DecodingError.self) { try decoder.decode(KeyPathGet.self, from: "count=abc", userInfo: [KeyPathGet.key: "count"]) }
        #expect(throws: DecodingError.self) { try decoder.decode(KeyPathGet.self, from: "q=2025", userInfo: [KeyPathGet.key: "count"]) }
    }
}
