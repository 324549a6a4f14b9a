"""The output formats of extraction records, one module each."""
