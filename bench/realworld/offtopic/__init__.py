"""Real-world off-topic set (issue 15): manifest, verdicts and harnesses."""
