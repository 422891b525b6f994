"""Family c: independent held-out screenshot layouts (see README.md)."""
