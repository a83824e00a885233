import Foundation
@testable import JibungotoApp
import Testing

/// `#unsafeHTML` prints markup unescaped, so only markup the app writes may reach it (charts, a
/// select's options, a survey page's questions and carried answers, the navigation), and their
/// labels (section names, questions and options a survey author typed, what a respondent wrote)
/// must come out escaped.
@Suite("Charts, select options, survey questions and the navigation: the only unescaped markup, with hostile labels escaped")
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

    @Test("hostile question texts, refusals, answers and required marks come out as text in a survey page's questions")
    func hostileQuestions() throws {
        func question(_ text: String, freeText: Bool, value: String = "", error: String? = nil, scale: Bool = false) -> SurveyAnswerPage.QuestionView {
            SurveyAnswerPage.QuestionView(
                fieldID: "q-" + text, name: text, text: text, isFreeText: freeText, choicesClass: "choices\"><b>", isRequired: true,
                choices: freeText ? [] : Self.hostile.map { FormOption(value: $0, label: $0, isSelected: false, fieldName: text) },
                isMultiple: false, value: value, error: error, scaleLabels: scale ? (low: Self.hostile[0], high: Self.hostile[1]) : nil,
                maxLength: 2_000)
        }
        let questions = [
            question(Self.hostile[0], freeText: true, value: "</textarea><script>alert(1)</script>", error: Self.hostile[1]),
            question(Self.hostile[1], freeText: false, error: Self.hostile[2], scale: true),
            question(Self.hostile[2], freeText: false),
        ]
        let markup = SurveyQuestionMarkup(questions: questions, requiredMark: "<必須>").markup
        #expect(!markup.contains("<script") && !markup.contains("<img") && !markup.contains("<b>") && !markup.contains("<必須>"))
        #expect(markup.hasPrefix("<div class=\"field field--error\">\n<label for=\"q-&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;script&gt;alert(1)&lt;/script&gt; <span class=\"required\">&lt;必須&gt;</span></label>\n"))
        #expect(markup.contains("<p class=\"field-error\" id=\"q-&lt;script&gt;alert(1)&lt;/script&gt;-error\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>\n"))
        #expect(markup.contains("aria-invalid=\"true\" aria-describedby=\"q-&lt;script&gt;alert(1)&lt;/script&gt;-error\">&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>\n</div>\n"),
                "what the respondent wrote stays inside its text box")
        #expect(markup.contains("<fieldset class=\"field question field--error\" id=\"q-&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">\n<legend>"))
        #expect(markup.contains("<p class=\"field-error\">課&amp;&lt;b&gt;係&lt;/b&gt;&#39;</p>\n<p class=\"hint\">&lt;script&gt;alert(1)&lt;/script&gt; ／ &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>\n<div class=\"choices&quot;&gt;&lt;b&gt;\">\n"))
        #expect(markup.contains("<fieldset class=\"field question\" id=\"q-課&amp;&lt;b&gt;係&lt;/b&gt;&#39;\">"), "a question without a refusal has no error class")
        let tags = markup.matches(of: /<\/?([a-z]+)/).map { String($0.output.1) }
        #expect(Set(tags) == ["div", "label", "span", "p", "textarea", "fieldset", "legend", "input"])
        #expect(tags.filter { $0 == "fieldset" }.count == 4 && tags.filter { $0 == "textarea" }.count == 2, "every field opened and closed")
        #expect(tags.filter { $0 == "input" }.count == 2 * Self.hostile.count)
    }

    @Test("hostile names and values come out as text in hidden fields, and labels in the navigation")
    func hostileHiddenFieldsAndNavigation() throws {
        let hidden = HiddenInputsMarkup(fields: Self.hostile.map { (name: "_kept." + $0, value: $0) }).markup
        #expect(hidden.hasPrefix("<input type=\"hidden\" name=\"_kept.&lt;script&gt;alert(1)&lt;/script&gt;\" value=\"&lt;script&gt;alert(1)&lt;/script&gt;\">\n"))
        #expect(hidden.matches(of: /<([a-z]+)/).map { String($0.output.1) } == Array(repeating: "input", count: Self.hostile.count))
        #expect(HiddenInputsMarkup(fields: []).markup == "")
        let navigation = NavigationMarkup(links: Self.hostile.enumerated().map { NavigationLink(label: $1, href: "/x?\($1)", isCurrent: $0 == 2) }).markup
        #expect(navigation == "<ul>\n"
            + "<li><a href=\"/x?&lt;script&gt;alert(1)&lt;/script&gt;\">&lt;script&gt;alert(1)&lt;/script&gt;</a></li>\n"
            + "<li><a href=\"/x?&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</a></li>\n"
            + "<li><a href=\"/x?課&amp;&lt;b&gt;係&lt;/b&gt;&#39;\" aria-current=\"page\">課&amp;&lt;b&gt;係&lt;/b&gt;&#39;</a></li>\n</ul>\n")
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

    @Test("templates use #unsafeHTML only on chart fields, select options, survey questions and the navigation")
    func onlyChartsUnescaped() throws {
        let views = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/JibungotoApp/Resources/Views")
        let enumerator = try #require(FileManager.default.enumerator(at: views, includingPropertiesForKeys: nil))
        var uses: Set<String> = []
        for case let url as URL in enumerator where url.pathExtension == "leaf" {
            let text = try String(contentsOf: url, encoding: .utf8)
            let template = url.path.replacingOccurrences(of: views.path + "/", with: "")
            uses.formUnion(text.matches(of: /#unsafeHTML\(([^)]*)\)/).map { "\(template): \($0.output.1)" })
        }
        // Each chart is a `ChartSVG` in its page's view model (CompliancePage, SurveyRatePage,
        // SurveyResultsPage with its stacked bars, FairnessPage); the compiler keeps them so. The
        // rest are `SelectOptionsMarkup`, which `FormField` encodes for a select,
        // `SurveyQuestionMarkup` and `HiddenInputsMarkup`, which `SurveyAnswerPage` encodes for a
        // page's questions and the answers carried from its other pages, and `NavigationMarkup`,
        // which the layout prints. Listed with their templates: another page's field of the same
        // name (`content.questions` is typed text on the results page) is not markup.
        #expect(uses == [
            "rotation/compliance.leaf: content.trendChart", "retirement/years.leaf: content.trendChart",
            "surveys/rate.leaf: content.trendChart", "surveys/rate.leaf: content.dailyChart",
            "surveys/results.leaf: question.chart", "surveys/results.leaf: question.stackedChart",
            "opportunities/figures.leaf: dimension.chart", "opportunities/figures.leaf: content.routeChart",
            "partials/form.leaf: field.selectOptions",
            "surveys/answer.leaf: content.questions", "surveys/answer.leaf: content.kept", "layout.leaf: layout.navigation",
        ], "\(uses.sorted())")
    }
}
