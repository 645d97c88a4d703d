"""Rules: the schema of a rule file, loading and self-testing a rule set, and jurisdiction profiles."""

from .loader import LoadedRule, RuleLoadError, RuleSet, load_rules
from .profile import Profile, ProfileError, load_profile

__all__ = ["LoadedRule", "Profile", "ProfileError", "RuleLoadError", "RuleSet", "load_profile", "load_rules"]
