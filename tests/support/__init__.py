"""Test infrastructure shared by tests and benchmarks: loopback registry servers."""
