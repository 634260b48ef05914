"""Hostile and oversized inputs (issue 20): generated on the fly, never stored."""
