"""The tool's version (part of the self-test cache key and of every report)."""

__version__ = "0.1.0"
