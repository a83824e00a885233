import JibungotoDomain
import Vapor

/// A CSV download: UTF-8 with BOM unless the request asks for `?encoding=cp932`.
enum CSVResponse {
    static func make(filename: String, header: [String], rows: [[String]], request: Request) throws -> Response {
        let requested = (try? request.query.get(String.self, at: "encoding")) ?? ""
        let encoding = CSVEncoding(rawValue: requested) ?? .utf8BOM
        let data: Data
        do {
            data = try CSVExport.encode(header: header, rows: rows, encoding: encoding)
        } catch CSVExport.Failure.unrepresentable(let row, let column, _) {
            throw Abort(.unprocessableEntity, reason: request.t("csv.unrepresentable", String(row), String(column)))
        }
        let response = Response(status: .ok, body: .init(data: data))
        let charset = encoding == .cp932 ? "Shift_JIS" : "utf-8"
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": charset])
        response.headers.contentDisposition = .init(.attachment, filename: filename)
        return response
    }
}
