/// Which header names in a file go to which field, for one kind of import. A municipality
/// saves its custom entries; they apply over ``defaults(for:)``.
///
/// Header names are compared by a normalised key (full-width letters and digits made
/// half-width, half-width kana made full-width, case and white space ignored), so 「職員Ｎｏ」,
/// 「職員 No」 and 「職員NO」 are one name.
public struct HeaderMapping: Sendable, Hashable, Codable {
    public let kind: ImportKind
    /// Normalised header name → field key; an empty field key means "ignore this column".
    public private(set) var entries: [String: String]

    public init(kind: ImportKind, entries: [String: String] = [:]) {
        self.kind = kind
        self.entries = [:]
        for (header, field) in entries { map(header: header, to: field.isEmpty ? nil : field) }
    }

    /// The built-in names and aliases of every field of `kind`.
    public static func defaults(for kind: ImportKind) -> HeaderMapping {
        var mapping = HeaderMapping(kind: kind)
        func add<F: ImportField>(_: F.Type) {
            for field in F.allCases {
                for header in field.defaultHeaders { mapping.map(header: header, to: field.rawValue) }
            }
        }
        switch kind {
        case .staff: add(StaffField.self)
        case .assignments: add(AssignmentField.self)
        }
        return mapping
    }

    /// This mapping with `custom` entries (header name → field key, "" to ignore the column)
    /// taking precedence. Entries whose field key is unknown for this kind are left out; see
    /// ``invalidFieldKeys(in:)`` to reject them on the settings page.
    public func merging(_ custom: [String: String]) -> HeaderMapping {
        var merged = self
        for (header, field) in custom where field.isEmpty || Self.fieldKeys(kind).contains(field) {
            merged.map(header: header, to: field.isEmpty ? nil : field)
        }
        return merged
    }

    /// Field keys in `custom` that are not fields of this mapping's kind.
    public func invalidFieldKeys(in custom: [String: String]) -> [String] {
        custom.values.filter { !$0.isEmpty && !Self.fieldKeys(kind).contains($0) }.sorted()
    }

    /// Maps a header name to a field key, or marks it ignored with `nil`.
    public mutating func map(header: String, to fieldKey: String?) {
        entries[TextNormalization.key(header)] = fieldKey ?? ""
    }

    /// The field key a header name maps to; nil when unmapped or ignored.
    public func fieldKey(forHeader header: String) -> String? {
        guard let key = entries[TextNormalization.key(header)], !key.isEmpty else { return nil }
        return key
    }

    /// Finds each field's column in a header row.
    ///
    /// Fails, listing every problem, when a required column is missing or two columns map to
    /// the same field. Columns that map to nothing are returned as ``ResolvedHeader/ignoredColumns``.
    /// `F` must be the field type of this mapping's kind (``StaffField`` for `.staff`).
    public func resolve<F: ImportField>(
        header: [String], headerLine: Int = 1, as _: F.Type = F.self
    ) -> Result<ResolvedHeader<F>, ImportIssues> {
        // A mismatch is a programming error; in release it shows up as missing columns rather
        // than stopping the server.
        assert(F.kind == kind, "resolving a \(kind) mapping as \(F.kind) fields")
        var columns: [F: Int] = [:]
        var ignored: [Int] = []
        var issues: [ImportIssue] = []
        for (index, text) in header.enumerated() {
            guard !text.isEmpty else { continue }
            guard let key = fieldKey(forHeader: text), let field = F(rawValue: key) else {
                ignored.append(index)
                continue
            }
            if let first = columns[field] {
                issues.append(ImportIssue(
                    line: headerLine, column: text, field: key,
                    kind: .duplicateColumn(otherColumn: header[first])))
            } else {
                columns[field] = index
            }
        }
        for field in F.allCases where field.isRequired && columns[field] == nil {
            issues.append(ImportIssue(
                line: headerLine, column: nil, field: field.rawValue,
                kind: .missingColumn(header: field.japaneseName)))
        }
        guard issues.isEmpty else { return .failure(ImportIssues(issues)) }
        return .success(ResolvedHeader(columns: columns, header: header, ignoredColumns: ignored))
    }

    private static func fieldKeys(_ kind: ImportKind) -> Set<String> {
        switch kind {
        case .staff: Set(StaffField.allCases.map(\.rawValue))
        case .assignments: Set(AssignmentField.allCases.map(\.rawValue))
        }
    }
}

/// Where each field is in a file's header.
public struct ResolvedHeader<Field: ImportField>: Sendable, Hashable {
    /// Field → 0-based column index; optional fields without a column are absent.
    public var columns: [Field: Int]
    /// The header cells as in the file.
    public var header: [String]
    /// Indexes of columns that map to no field (shown on the mapping page; their cells are ignored).
    public var ignoredColumns: [Int]
}

/// Several issues at once, as the failure of a step that checks everything before giving up.
public struct ImportIssues: Error, Sendable, Hashable {
    public var issues: [ImportIssue]

    public init(_ issues: [ImportIssue]) {
        self.issues = issues
    }
}
