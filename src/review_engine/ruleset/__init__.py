"""Rules: the schema of a rule file, loading a rule set, running it over a document, and its self-test."""

from .loader import load_rules
from .rules import LoadedRule, RuleSet
from .selftest import RuleLoadError, ensure_tested, self_test

__all__ = ["LoadedRule", "RuleLoadError", "RuleSet", "ensure_tested", "load_rules", "self_test"]
