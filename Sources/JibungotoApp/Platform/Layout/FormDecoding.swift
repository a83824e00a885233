import JibungotoDomain
import Vapor

/// Vapor's form and query decoding (`request.content.decode`, `request.query.get`) through the
/// domain's reader, the one `Fuzz/` checks, so that a form is read the same way on every route
/// (`Request.urlEncodedFields` gives the same fields in their order). Registered by `configure`.
struct FormDecoding: ContentDecoder, URLQueryDecoder {
    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        try URLEncodedFormValueDecoder().decode(D.self, from: String(buffer: body), userInfo: userInfo)
    }

    func decode<D: Decodable>(_ decodable: D.Type, from url: URI) throws -> D {
        try decode(D.self, from: url, userInfo: [:])
    }

    /// `get(_:at:)` passes the key path it walks in `userInfo`.
    func decode<D: Decodable>(_ decodable: D.Type, from url: URI, userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        try URLEncodedFormValueDecoder().decode(D.self, from: url.query ?? "", userInfo: userInfo)
    }

    /// Every form body, upload body and URL query of the process; the configuration is Vapor's
    /// global one.
    static func register() {
        ContentConfiguration.global.use(decoder: FormDecoding(), for: .urlEncodedForm)
        ContentConfiguration.global.use(urlDecoder: FormDecoding())
        ContentConfiguration.global.use(decoder: UploadDecoding(), for: .formData)
    }
}

/// Upload forms (`multipart/form-data`) through Vapor's multipart reader, once their part headers
/// pass `MultipartHeaderNames` (the reader traps on a header name that is not ASCII).
struct UploadDecoding: ContentDecoder {
    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders) throws -> D {
        try decode(D.self, from: body, headers: headers, userInfo: [:])
    }

    func decode<D: Decodable>(_ decodable: D.Type, from body: ByteBuffer, headers: HTTPHeaders, userInfo: [CodingUserInfoKey: any Sendable]) throws -> D {
        guard let boundary = headers.contentType?.parameters["boundary"] else { throw Abort(.unsupportedMediaType) }
        guard MultipartHeaderNames.areASCII(body.readableBytesView, boundary: boundary) else {
            throw Abort(.badRequest, reason: "a part of the upload has a header name that is not ASCII")
        }
        return try FormDataDecoder().decode(D.self, from: body, headers: headers, userInfo: userInfo)
    }
}
