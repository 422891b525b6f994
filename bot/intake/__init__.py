"""Screenshot and text intake: OCR, post parsing, personal-data masking, repeat detection.

Pure functions and one lazily loaded OCR engine; no database, no web framework, so the
RQ worker and the CLI can call them directly.
"""
