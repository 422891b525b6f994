"""Family h of held-out screenshot layouts (see README.md)."""
