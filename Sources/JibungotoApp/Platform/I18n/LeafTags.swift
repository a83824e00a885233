import Leaf
import Vapor

/// `#t("key")` or `#t("key", arg0, arg1)`: a catalog message in the request's language.
/// Its output is escaped like any `#( )`.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else { return .string("") }
        guard let request = ctx.request else { return .string(key) }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        return .string(request.application.catalogs.message(key, language: request.language, arguments: Array(arguments)))
    }
}

/// `#tn("key", count, arg1, …)`: a message about `count` things, the count being `{0}`: the
/// key's `.one` variant when it is 1 (`MessageCatalogs.message(_:count:…)`). Escaped like `#t`.
struct CountedTranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string, ctx.parameters.count >= 2 else { return .string("") }
        guard let request = ctx.request else { return .string(key) }
        let arguments = ctx.parameters.dropFirst().map { $0.string ?? "" }
        let count = Int(arguments[0]) ?? 0
        return .string(request.application.catalogs.message(key, count: count, language: request.language, arguments: Array(arguments)))
    }
}

/// `#date(iso)`: a `YYYY-MM-DD` date in the user's language and calendar (Gregorian or 和暦).
struct DateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let text = ctx.parameters.first?.string, !text.isEmpty else { return .string("") }
        guard let request = ctx.request else { return .string(text) }
        return .string(DateFormatting.format(iso: text, preferences: request.preferences))
    }
}

/// `#datetime(iso8601)`: a timestamp in Japan time, the date part following the user's calendar.
struct DateTimeTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let text = ctx.parameters.first?.string, !text.isEmpty else { return .string("") }
        guard let request = ctx.request else { return .string(text) }
        return .string(DateFormatting.format(timestamp: text, preferences: request.preferences))
    }
}

/// `#fiscalYear(2026)`: a fiscal year label, 令和8年度 / 2026年度 / FY2026.
struct FiscalYearTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let year = ctx.parameters.first?.int else { return .string("") }
        guard let request = ctx.request else { return .string(String(year)) }
        return .string(DateFormatting.format(fiscalYear: year, preferences: request.preferences))
    }
}

extension Application {
    func registerLeafTags() {
        leaf.tags["t"] = TranslateTag()
        leaf.tags["tn"] = CountedTranslateTag()
        leaf.tags["date"] = DateTag()
        leaf.tags["datetime"] = DateTimeTag()
        leaf.tags["fiscalYear"] = FiscalYearTag()
    }
}
