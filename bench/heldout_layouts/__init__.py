"""Held-out screenshot layouts for the citizen-message intake benchmark (see README.md)."""
