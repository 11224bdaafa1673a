import Lint

/// The rules iku-lint runs; the catalog is filled by the rule engine work (issue 3).
public enum RuleCatalog {}
