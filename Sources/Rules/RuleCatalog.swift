import Lint

/// Every rule iku-lint knows, in the order `iku-lint rules` lists them.
public enum RuleCatalog {
    public static let all: [any Rule] = [
        HeadingNumberingRule(),
        ListNumberingRule(),
        DuplicateSectionRule(),
        TOCMismatchRule(),
        RequiredSectionRule(),
        DuplicateCaptionRule(),
        TruncatedTextRule(),
        ForeignEntityRule(),
        PeriodMismatchRule(),
        SigningDateRule(),
        CitationConflictRule(),
        NumberFormatRule(),
        TerbilangMismatchRule(),
        FormulaMissingRule(),
        FormulaUnitMismatchRule(),
        PICMissingRule(),
        SmartIndicatorRule(),
        TargetsMissingRule(),
        TargetsMonotoneRule(),
        TargetsFlatRule(),
        FinalTargetMismatchRule(),
        ValueRangeRule(),
        CapaianMismatchRule(),
        SerapanMismatchRule(),
        SumMismatchRule(),
        AverageMismatchRule(),
        CodeSequenceRule(),
        NarrativeMismatchRule(),
        IKMCategoryRule(),
        PredikatMismatchRule(),
    ]

    public static func rule(_ id: String) -> (any Rule)? {
        all.first { $0.description.id == id }
    }
}
