"""The output formats: one module per format, chosen by ``formatters.choose``."""
