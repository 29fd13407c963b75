"""auditor: find where articles drift from the official English wording they report."""

__version__ = "0.1.0"
