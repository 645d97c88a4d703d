"""review-engine: legality review (合法性审核) of Chinese administrative normative documents."""

__version__ = "0.1.0"
