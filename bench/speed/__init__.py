"""Speed and memory benchmarks (results in docs/benchmarks.md, never asserted in tests)."""
