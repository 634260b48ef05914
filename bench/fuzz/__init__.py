"""Coverage-guided fuzzers (atheris, the ``fuzz`` extra); not run in CI."""
