import JibungotoDomain

/// 異動内示案 as CSV: every mover with from, to, the post after the move and the reasons, in Japanese.
enum TransferDraftCSV {
    static let header = ["職員番号", "氏名", "職種", "現所属コード", "現所属", "現職名", "異動先コード", "異動先", "異動後職名", "区分", "異動対象の理由", "配置の理由", "緩めた規則", "異動日"]

    static func rows(_ planned: PlannedScenario, result: RotationPlanner.PlanResult, rules: RotationRules, transferDate: LocalDate) -> [[String]] {
        let model = planned.model
        let jobTypes = Dictionary(model.input.staff.map { ($0.staffNumber, $0.jobType) }, uniquingKeysWith: { a, _ in a })
        return RotationPlanner.explain(result, model: model, alternatives: 0).map { row -> [String] in
            let current = row.fromPost ?? ""
            let post = row.stays ? current : PostAfterMove.post(currentPost: current, to: row.to, rules: rules)
            return [row.staffNumber.rawValue, row.name, jobTypes[row.staffNumber] ?? "", row.fromSection?.rawValue ?? "", row.fromName.ja, current,
                    row.to.sectionCode.rawValue, row.toName.ja, post, row.stays ? "残留" : "異動",
                    Bilingual.joined(row.moverReasons.map(\.text)).ja, Bilingual.joined(row.placementReasons).ja,
                    row.bentRules.map { "\($0.text.ja)（\($0.cost)点）" }.joined(separator: "・"), transferDate.iso]
        }
    }
}
