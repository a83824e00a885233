import Foundation
@testable import JibungotoApp
import Testing

/// `#unsafeHTML` prints markup unescaped, so only markup the app writes may reach it (charts, a
/// select's options, a survey question's choices), and their labels (section names, options a
/// survey author typed) must come out escaped.
@Suite("Charts, select options and survey choices: the only unescaped markup, with hostile labels escaped")
struct ChartSafetyTests {
    static let hostile = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "課&<b>係</b>'",
    ]

    @Test("hostile labels come out as text in a line chart and a bar chart")
    func hostileLabels() throws {
        let points = Self.hostile.enumerated().map { SVGChart.Point(label: $1, value: Double($0) * 30) }
        for chart in [SVGChart.percentLine(points, target: 80), SVGChart.percentBars(points, target: 80)] {
            let markup = chart.markup
            #expect(markup.hasPrefix("<svg "))
            #expect(markup.hasSuffix("</svg>"))
            #expect(!markup.contains("<script"))
            #expect(!markup.contains("<img"))
            #expect(!markup.contains("<b>"))
            #expect(!markup.contains("onerror=alert(1)>"))
            #expect(markup.contains("&lt;script&gt;"))
            #expect(markup.contains("&quot;&gt;&lt;img"))
            // Every tag in the markup is one the chart helper writes.
            let tags = Set(markup.matches(of: /<\/?([a-z]+)/).map { String($0.output.1) })
            #expect(tags.isSubset(of: ["svg", "line", "polyline", "circle", "text", "rect", "g", "title", "path"]), "\(tags)")
        }
    }

    @Test("a chart encodes as its markup string, so templates print it as before")
    func encodesAsMarkup() throws {
        let chart = SVGChart.percentBars([SVGChart.Point(label: "A", value: 50)])
        let data = try JSONEncoder().encode(["chart": chart])
        let decoded = try JSONDecoder().decode([String: String].self, from: data)
        #expect(decoded["chart"] == chart.markup)
    }

    @Test("hostile values and labels come out as text in a select's options and groups")
    func hostileOptions() throws {
        let options = Self.hostile.map { FormOption(value: $0, label: $0, isSelected: false, fieldName: "f") }
        let markup = SelectOptionsMarkup(
            options: [FormOption(value: "", label: "指定なし", isSelected: true, fieldName: "f")],
            groups: Self.hostile.map { FormOptionGroup(label: $0, options: options) }
        ).markup
        #expect(markup.hasPrefix("<option value=\"\" selected>指定なし</option>\n<optgroup label=\"&lt;script&gt;alert(1)&lt;/script&gt;\">"))
        #expect(markup.contains("<option value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</option>"))
        #expect(markup.contains(">課&amp;&lt;b&gt;係&lt;/b&gt;&#39;</option>"))
        let tags = markup.matches(of: /<\/?([a-z]+)/).map { String($0.output.1) }
        #expect(Set(tags) == ["option", "optgroup"])
        #expect(tags.filter { $0 == "option" }.count == 2 * (1 + Self.hostile.count * Self.hostile.count), "every option opened and closed")
    }

    @Test("hostile names, values and labels come out as text in a survey question's choices")
    func hostileChoices() throws {
        let choices = Self.hostile.enumerated().map { FormOption(value: $1, label: $1, isSelected: $0 == 1, fieldName: "q\"1") }
        let multiple = ChoiceInputsMarkup(choices: choices, name: "q\"1", isMultiple: true).markup
        #expect(multiple.hasPrefix("<div class=\"choice\"><input type=\"checkbox\" name=\"q&quot;1[]\" id=\"field-q&quot;1-&lt;script&gt;alert(1)&lt;/script&gt;\" value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"><label for=\"field-q&quot;1-&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</label></div>\n"))
        #expect(multiple.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\" checked>"), "the chosen one is checked")
        #expect(multiple.contains(">課&amp;&lt;b&gt;係&lt;/b&gt;&#39;</label></div>\n"))
        let tags = multiple.matches(of: /<\/?([a-z]+)/).map { String($0.output.1) }
        #expect(tags == Array(repeating: ["div", "input", "label", "label", "div"], count: Self.hostile.count).flatMap { $0 })
        let single = ChoiceInputsMarkup(choices: choices, name: "q1", isMultiple: false).markup
        #expect(single.components(separatedBy: "<input type=\"radio\" name=\"q1\" ").count == 1 + Self.hostile.count)
    }

    @Test("the one-pass escape gives what Foundation's replacements gave, Japanese text untouched")
    func escapeMatchesReplacements() {
        func replaced(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
        }
        for text in Self.hostile + ["総務部 人事課 人事係", "", "&&", "'\"<>", "住民協働課（旧：市民活動推進課）&amp;", "👩‍💼<課>"] {
            #expect(Markup.escape(text) == replaced(text), "\(text)")
        }
    }

    @Test("templates use #unsafeHTML only on chart fields, select options and survey choices")
    func onlyChartsUnescaped() throws {
        let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/JibungotoApp/Resources/Views")
        let enumerator = try #require(FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil))
        var uses: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "leaf" {
            let text = try String(contentsOf: url, encoding: .utf8)
            uses += text.matches(of: /#unsafeHTML\(([^)]*)\)/).map { String($0.output.1) }
        }
        // Each of these is a `ChartSVG` in its page's view model (CompliancePage, SurveyRatePage,
        // SurveyResultsPage with its stacked bars, FairnessPage); the compiler keeps them so. The
        // last two are `SelectOptionsMarkup`, which `FormField` encodes for a select, and
        // `ChoiceInputsMarkup`, which `SurveyAnswerPage` encodes for a question's choices.
        #expect(Set(uses) == ["content.trendChart", "content.dailyChart", "question.chart", "question.stackedChart", "dimension.chart", "content.routeChart", "field.selectOptions", "question.choices"])
    }
}
