"""Family b of held-out synthetic screenshots (see README.md)."""
