import Foundation
import JibungotoDomain
import Vapor

/// The forms of the proposal pages. Each takes what was typed (empty for a fresh form) and, after a
/// refusal, the validation whose messages it shows beside its fields.
enum ProposalForms {
    static let titleMaxLength = 100
    static let textMaxLength = 4_000
    static let shortTextMaxLength = 200
    static let commentMaxLength = 2_000
    /// How many co-authors a proposal may name.
    static let coAuthorLimit = 9
    /// The reviewers' due date a fresh assignment suggests.
    static let reviewDays = 14

    /// The forms the reader may use on the proposal's page, keeping the ones a handler already built.
    static func page(_ request: Request, context: ProposalContext, reader: ProposalReader, keeping forms: ProposalPageForms) async throws -> ProposalPageForms {
        var forms = forms
        let proposal = context.proposal
        let state = proposal.state
        let actors = context.viewer.actors
        let parameter = context.parameter
        let tree = try await request.currentOrganization()
        if forms.comment == nil, ProposalReactions.commentRefusal(state: state) == nil {
            forms.comment = comment(request, parameter, input: [:])
        }
        if forms.evaluation == nil, ProposalReviewRules.evaluationRefusal(
            reviewer: reader.staffNumber, authors: context.authorNumbers, assigned: context.reviewerNumbers, state: state) == nil {
            let mine = context.reviews.first { $0.reviewerStaffNumber == reader.staffNumber }
            var input: [String: String] = ["note": mine?.note ?? ""]
            for (index, score) in (mine?.scoreList ?? []).enumerated() { input["score_\(index)"] = String(score) }
            forms.evaluation = evaluation(request, parameter, criteria: context.call.criteriaList, input: input)
        }
        if actors.contains(.secretariat) {
            if forms.decision == nil, state == .underReview { forms.decision = decision(request, parameter, input: [:]) }
            if forms.request == nil, state.isAdoption, proposal.answerPublished {
                forms.request = requestToSection(request, parameter, tree: tree, input: [:])
            }
            if forms.reviewer == nil, state == .received || state == .underReview {
                forms.reviewer = reviewer(request, parameter, input: ["due_on": request.today.adding(days: reviewDays).iso])
            }
        }
        if forms.implementation == nil, let step = ProposalWorkflow.next(from: state, by: actors).first(where: { $0.actor == .responsibleSection }) {
            forms.implementation = implementation(request, parameter, to: step.to, input: ["date": request.today.iso])
        }
        return forms
    }

    static func comment(_ request: Request, _ parameter: RouteParameter, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: ProposalRoute.comments(parameter).path, submitLabelKey: "proposals.comment.submit", fields: [
            FormField(request: request, name: "body", labelKey: "proposals.comment.body", kind: .textarea, value: input["body"] ?? "",
                      hintKey: "proposals.comment.body.hint", isRequired: true, maxLength: commentMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    static func evaluation(_ request: Request, _ parameter: RouteParameter, criteria: [String], input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var fields = criteria.enumerated().map { index, criterion in
            let name = "score_\(index)"
            let value = input[name] ?? ""
            return FormField(request: request, name: name, labelKey: "proposals.review.score", label: criterion, kind: .select, value: value,
                             options: [FormOption(value: "", label: request.t("proposals.review.chooseScore"), isSelected: value.isEmpty, fieldName: name)]
                                + ProposalReviewRules.scores.map { score in
                                    FormOption(value: String(score), label: request.t("proposals.review.scoreValue", String(score)),
                                               isSelected: value == String(score), fieldName: name)
                                },
                             hintKey: "proposals.review.score.hint", isRequired: true)
        }
        fields.append(FormField(request: request, name: "note", labelKey: "proposals.review.note", kind: .textarea, value: input["note"] ?? "",
                                hintKey: "proposals.review.note.hint", maxLength: commentMaxLength))
        var form = FormModel(request: request, action: ProposalRoute.evaluation(parameter).path, submitLabelKey: "proposals.review.save", fields: fields)
        if let validation { form.apply(validation, request: request) }
        return form
    }

    /// The review's result: 採用, 一部採用, 不採用 with the official answer, or 差し戻し with what to change.
    static func decision(_ request: Request, _ parameter: RouteParameter, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        let chosen = input["to"] ?? ""
        let choices: [ProposalState] = [.adopted, .partiallyAdopted, .rejected, .returned]
        var form = FormModel(request: request, action: ProposalRoute.state(parameter).path, submitLabelKey: "proposals.decision.save", fields: [
            FormField(request: request, name: "to", labelKey: "proposals.decision.outcome", kind: .radios, options: choices.map {
                FormOption(value: $0.rawValue, label: ProposalWords.state($0, request.localizer), isSelected: chosen == $0.rawValue, fieldName: "to")
            }, hintKey: "proposals.decision.outcome.hint", isRequired: true),
            FormField(request: request, name: "text", labelKey: "proposals.decision.text", kind: .textarea, value: input["text"] ?? "",
                      hintKey: "proposals.decision.text.hint", isRequired: true, maxLength: textMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    /// Handing an adopted proposal to a section: 実施要請 or 検討要請.
    static func requestToSection(_ request: Request, _ parameter: RouteParameter, tree: OrganizationTree, input: [String: String],
                                 validation: FormValidation? = nil) -> FormModel {
        let chosen = input["to"] ?? ""
        let section = input["section"] ?? ""
        var form = FormModel(request: request, action: ProposalRoute.state(parameter).path, submitLabelKey: "proposals.request.save", fields: [
            FormField(request: request, name: "to", labelKey: "proposals.request.kind", kind: .radios,
                      options: [ProposalState.implementationRequested, .considerationRequested].map {
                          FormOption(value: $0.rawValue, label: ProposalWords.state($0, request.localizer), isSelected: chosen == $0.rawValue, fieldName: "to")
                      }, isRequired: true),
            FormField(request: request, name: "section", labelKey: "proposals.request.section", kind: .select, value: section,
                      options: [FormOption(value: "", label: request.t("proposals.request.chooseSection"), isSelected: section.isEmpty, fieldName: "section")],
                      optionGroups: SectionChoices.groups(in: tree, selected: section, fieldName: "section", localizer: request.localizer),
                      isRequired: true),
            FormField(request: request, name: "text", labelKey: "proposals.request.note", kind: .textarea, value: input["text"] ?? "",
                      hintKey: "proposals.request.note.hint", maxLength: textMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    static func reviewer(_ request: Request, _ parameter: RouteParameter, input: [String: String], validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: ProposalRoute.reviewers(parameter).path, submitLabelKey: "proposals.reviewer.add", fields: [
            FormField(request: request, name: "reviewer", labelKey: "proposals.reviewer.number", value: input["reviewer"] ?? "",
                      hintKey: "proposals.reviewer.number.hint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "due_on", labelKey: "proposals.reviewer.dueOn", value: input["due_on"] ?? "",
                      hintKey: "form.dateHint", isRequired: true, maxLength: 20),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }

    /// The responsible section's report: the day implementation began (実施中) or was completed (実施済).
    static func implementation(_ request: Request, _ parameter: RouteParameter, to: ProposalState, input: [String: String],
                               validation: FormValidation? = nil) -> FormModel {
        var form = FormModel(request: request, action: ProposalRoute.implementation(parameter).path,
                             submitLabelKey: "proposals.implementation.save.\(to.rawValue)", fields: [
            FormField(request: request, name: "to", labelKey: "proposals.implementation.to", kind: .hidden, value: to.rawValue),
            FormField(request: request, name: "date", labelKey: "proposals.implementation.date.\(to.rawValue)", value: input["date"] ?? "",
                      hintKey: "form.dateHint", isRequired: true, maxLength: 20),
            FormField(request: request, name: "text", labelKey: "proposals.implementation.note", kind: .textarea, value: input["text"] ?? "",
                      hintKey: "proposals.implementation.note.hint", maxLength: textMaxLength),
        ])
        if let validation { form.apply(validation, request: request) }
        return form
    }
}
