"""Exceptions the library raises for the CLI to turn into exit codes."""

from __future__ import annotations


class CitecheckError(Exception):
    """Base class: a problem we can explain to the user."""

    exit_code = 3


class InputError(CitecheckError):
    """Unreadable or unusable input (missing file, binary, bad encoding): exit 2."""

    exit_code = 2


class LimitError(InputError):
    """Input refused by a safety limit (nesting depth, YAML aliases, inheritance chains):
    exit 2 even where an unreadable file would only be a problem in the report."""


class ConfigError(CitecheckError):
    """Invalid configuration or option: exit 2."""

    exit_code = 2
