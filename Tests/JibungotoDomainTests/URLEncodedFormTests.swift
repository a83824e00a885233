import Foundation
import JibungotoDomain
import Testing

/// The app reads every posted form through `URLEncodedForm`; these are the bodies browsers send
/// and the ones only a hand-made request sends.
@Suite("Form bodies: read in one pass, as Foundation's percent-decoding read them")
struct URLEncodedFormTests {
    func read(_ body: String) -> [String] {
        URLEncodedForm.fields(of: body).map { "\($0.name)=\($0.value)" }
    }

    @Test("Japanese text, spaces, repeated names and '=' inside a value, in the order sent")
    func browserBodies() {
        let text = "地域の課題を住民と一緒に考える仕事がしたい。子育て支援課で3年、窓口対応を経験しました。"
        let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        #expect(read("_csrf=abc&career_plan=\(encoded)&family%5B%5D=child&family%5B%5D=care&note=a+b%2Bc&eq=x%3Dy=z&empty=&bare")
                == ["_csrf=abc", "career_plan=\(text)", "family[]=child", "family[]=care", "note=a b+c", "eq=x=y=z", "empty=", "bare="])
    }

    @Test("a malformed escape or bytes that are not UTF-8 leave the part as sent, '+' included")
    func malformed() {
        #expect(read("a=100%&b=%E3%81&c=%zz+1&d=%e3%81%82") == ["a=100%", "b=%E3%81", "c=%zz+1", "d=あ"])
    }

    @Test("'+' is a space even before a combining mark (the fuzzer's find: Foundation's character-wise replacement kept it)")
    func plusBeforeACombiningMark() {
        #expect(read("q5=%E3%81%82+\u{483}+c") == ["q5=あ \u{483} c"])
    }

    @Test("every part reads as Foundation's replacingOccurrences and removingPercentEncoding read it")
    func sameAsFoundation() {
        let parts = ["", "+", "%", "%2", "%20", "%41%42", "a+%2B+b", "%E6%97%A5%E6%9C%AC", "%FF", "%C3%28", "%00x", "日本%20語", "%%41"]
        for part in parts {
            let foundation = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? part
            #expect(URLEncodedForm.decode(Substring(part).utf8) == foundation, "\(part)")
        }
    }
}
