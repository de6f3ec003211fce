"""Upkeep: owners and review dates, translation freshness, history, what's new, coverage, the source checks."""
