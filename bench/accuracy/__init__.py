"""Accuracy benchmarks: how often citecheck is right, on generated or public data."""
