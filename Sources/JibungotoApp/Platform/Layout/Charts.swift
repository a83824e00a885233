import Foundation

/// The markup of a chart: the only value a template may print with `#unsafeHTML`. Only
/// `SVGChart` can make one (the initializer is private to this file), from numbers and escaped
/// labels, so no text a user typed can reach a page unescaped.
struct ChartSVG: Encodable, Sendable, Equatable {
    let markup: String

    fileprivate init(_ markup: String) { self.markup = markup }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(markup)
    }
}

/// Server-drawn SVG charts. Each chart also comes with a data table for screen readers (the SVG
/// itself is `aria-hidden`).
enum SVGChart {
    struct Point: Sendable {
        let label: String
        let value: Double?
    }

    /// A line chart of percentages (0–100) with an optional dashed target line.
    static func percentLine(_ points: [Point], target: Double? = nil, width: Int = 640, height: Int = 220) -> ChartSVG {
        let left = 44.0, right = 12.0, top = 12.0, bottom = 28.0
        let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
        func x(_ index: Int) -> Double { left + (points.count <= 1 ? plotWidth / 2 : plotWidth * Double(index) / Double(points.count - 1)) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value, 0), 100) / 100) }
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" aria-hidden=\"true\" focusable=\"false\">"
        for tick in stride(from: 0, through: 100, by: 25) {
            let ty = y(Double(tick))
            svg += "<line x1=\"\(format(left))\" y1=\"\(format(ty))\" x2=\"\(format(Double(width) - right))\" y2=\"\(format(ty))\" stroke=\"#d5dde5\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(format(left - 6))\" y=\"\(format(ty + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#595959\">\(tick)%</text>"
        }
        if let target {
            svg += "<line x1=\"\(format(left))\" y1=\"\(format(y(target)))\" x2=\"\(format(Double(width) - right))\" y2=\"\(format(y(target)))\" stroke=\"#b00020\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
        }
        var path = ""
        for (index, point) in points.enumerated() {
            guard let value = point.value else { continue }
            path += (path.isEmpty ? "M" : "L") + "\(format(x(index))) \(format(y(value))) "
        }
        if !path.isEmpty {
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2.5\"/>"
        }
        let labelEvery = max(1, points.count / 8)
        for (index, point) in points.enumerated() {
            if let value = point.value {
                svg += "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(value)))\" r=\"3\" fill=\"#0b5394\"/>"
            }
            if index % labelEvery == 0 || index == points.count - 1 {
                // The first and last labels align inward, so "11/30" or "令和8年度" is not cut at the edge.
                let anchor = points.count > 1 && index == 0 ? "start" : points.count > 1 && index == points.count - 1 ? "end" : "middle"
                let labelX = anchor == "start" ? x(index) - 6 : anchor == "end" ? x(index) + 6 : x(index)
                svg += "<text x=\"\(format(labelX))\" y=\"\(height - 8)\" text-anchor=\"\(anchor)\" font-size=\"11\" fill=\"#595959\">\(Markup.escape(point.label))</text>"
            }
        }
        return ChartSVG(svg + "</svg>")
    }

    /// Horizontal bars of percentages (0–100), one per label; nil values are left empty.
    static func percentBars(_ points: [Point], target: Double? = nil, width: Int = 640) -> ChartSVG {
        let rowHeight = 24.0, labelWidth = 200.0, right = 56.0
        let height = Int(rowHeight * Double(points.count) + 8)
        let plotWidth = Double(width) - labelWidth - right
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" aria-hidden=\"true\" focusable=\"false\">"
        for (index, point) in points.enumerated() {
            let top = 4 + rowHeight * Double(index)
            svg += "<text x=\"\(format(labelWidth - 8))\" y=\"\(format(top + 16))\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\">\(Markup.escape(String(point.label.prefix(18))))</text>"
            if let value = point.value {
                let barWidth = plotWidth * min(max(value, 0), 100) / 100
                svg += "<rect x=\"\(format(labelWidth))\" y=\"\(format(top + 4))\" width=\"\(format(barWidth))\" height=\"\(format(rowHeight - 8))\" fill=\"#0b5394\"/>"
                svg += "<text x=\"\(format(labelWidth + barWidth + 4))\" y=\"\(format(top + 16))\" font-size=\"11\" fill=\"#1a1a1a\">\(format(value)) %</text>"
            } else {
                svg += "<text x=\"\(format(labelWidth + 4))\" y=\"\(format(top + 16))\" font-size=\"11\" fill=\"#595959\">—</text>"
            }
        }
        if let target {
            let tx = labelWidth + plotWidth * target / 100
            svg += "<line x1=\"\(format(tx))\" y1=\"0\" x2=\"\(format(tx))\" y2=\"\(height)\" stroke=\"#b00020\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
        }
        return ChartSVG(svg + "</svg>")
    }

    /// Horizontal bars of counts (people, posts), one per label, scaled to the largest; each bar
    /// ends with its number.
    static func countBars(_ points: [Point], width: Int = 640) -> ChartSVG {
        let rowHeight = 24.0, labelWidth = 200.0, right = 56.0
        let height = Int(rowHeight * Double(points.count) + 8)
        let plotWidth = Double(width) - labelWidth - right
        let largest = max(1, points.compactMap(\.value).max() ?? 1)
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" aria-hidden=\"true\" focusable=\"false\">"
        for (index, point) in points.enumerated() {
            let top = 4 + rowHeight * Double(index)
            svg += "<text x=\"\(format(labelWidth - 8))\" y=\"\(format(top + 16))\" text-anchor=\"end\" font-size=\"12\" fill=\"#1a1a1a\">\(Markup.escape(String(point.label.prefix(18))))</text>"
            let value = max(point.value ?? 0, 0)
            let barWidth = plotWidth * value / largest
            svg += "<rect x=\"\(format(labelWidth))\" y=\"\(format(top + 4))\" width=\"\(format(barWidth))\" height=\"\(format(rowHeight - 8))\" fill=\"#0b5394\"/>"
            svg += "<text x=\"\(format(labelWidth + barWidth + 4))\" y=\"\(format(top + 16))\" font-size=\"11\" fill=\"#1a1a1a\">\(Int(value))</text>"
        }
        return ChartSVG(svg + "</svg>")
    }

    /// One horizontal bar of shares (0–100) stacked left to right, e.g. a question's answers from
    /// the lowest to the highest point, with a legend row beneath; nil values count as 0.
    static func stackedBar(_ segments: [Point], width: Int = 640) -> ChartSVG {
        let palette = ["#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"]
        let left = 8.0, right = 8.0, barHeight = 28.0, legendRow = 20.0
        let plotWidth = Double(width) - left - right
        let perLine = 4
        let legendLines = (segments.count + perLine - 1) / perLine
        let height = Int(barHeight + 12 + legendRow * Double(legendLines))
        func colour(_ index: Int) -> String {
            guard segments.count > 1 else { return palette[5] }
            return palette[min(palette.count - 1, index * (palette.count - 1) / (segments.count - 1))]
        }
        var svg = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" aria-hidden=\"true\" focusable=\"false\">"
        var x = left
        for (index, segment) in segments.enumerated() {
            let share = min(max(segment.value ?? 0, 0), 100)
            guard share > 0 else { continue }
            let segmentWidth = plotWidth * share / 100
            svg += "<rect x=\"\(format(x))\" y=\"4\" width=\"\(format(segmentWidth))\" height=\"\(format(barHeight))\" fill=\"\(colour(index))\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
            if segmentWidth >= 34 {
                svg += "<text x=\"\(format(x + segmentWidth / 2))\" y=\"\(format(4 + barHeight / 2 + 4))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1a1a\">\(Int(share.rounded()))%</text>"
            }
            x += segmentWidth
        }
        let columnWidth = plotWidth / Double(perLine)
        for (index, segment) in segments.enumerated() {
            let lx = left + columnWidth * Double(index % perLine), ly = barHeight + 12 + legendRow * Double(index / perLine)
            svg += "<rect x=\"\(format(lx))\" y=\"\(format(ly))\" width=\"12\" height=\"12\" fill=\"\(colour(index))\"/>"
            svg += "<text x=\"\(format(lx + 16))\" y=\"\(format(ly + 11))\" font-size=\"11\" fill=\"#1a1a1a\">\(Markup.escape(String(segment.label.prefix(14))))</text>"
        }
        return ChartSVG(svg + "</svg>")
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
