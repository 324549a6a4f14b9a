"""privex: extract data, purposes, retention periods and recipients from French privacy notices."""

__version__ = "0.1.0"
