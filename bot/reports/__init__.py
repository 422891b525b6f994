"""Figures and reports: the daily summary, the yearly report, 专报."""
