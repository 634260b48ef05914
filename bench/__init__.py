"""Benchmarks, data generators and fuzzers of citecheck: run them from the repository root
with ``python -m bench.<folder>.<name>`` (see docs/benchmarks.md)."""
