"""Data for the benchmarks: synthetic manuscript generators and dataset readers."""
