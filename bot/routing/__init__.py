"""Routing: first-level category classifier and unit proposals for a post."""
