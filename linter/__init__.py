"""indicator-lint: a linter for Chinese budget performance target tables (预算绩效目标表)."""

__version__ = "0.1.0"
