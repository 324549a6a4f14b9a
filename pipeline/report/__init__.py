"""What people read: HTML pages of extraction records, and what changed between two versions of a
notice (``pipeline.report.diff``). Templates are Jinja2 files under ``templates/``."""
