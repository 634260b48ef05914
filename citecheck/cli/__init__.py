"""The command line: one module per command, imported only when it is used.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it;
2 usage, configuration or unreadable input; 3 internal error; 4 (with
``--fail-on-skipped``) a check that was asked for did not run (:mod:`citecheck.cli._shared`).
"""

from __future__ import annotations

import importlib

import click

from citecheck._version import __version__


class _LazyGroup(click.Group):
    """A group whose subcommands are imported only when they are used.

    ``citecheck --version`` then imports click and nothing else of citecheck.
    """

    lazy: dict[str, str] = {  # noqa: RUF012
        "cache": "citecheck.cli.cache:cache_group",
        "check": "citecheck.cli.check:check",
        "fix": "citecheck.cli.fix:fix",
        "parse": "citecheck.cli.parse:parse",
        "rule": "citecheck.cli.rules:rule_cmd",
        "rules": "citecheck.cli.rules:rules_cmd",
        "snapshot": "citecheck.cli.snapshot:snapshot_group",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, attr = self.lazy[cmd_name].split(":")
            command = getattr(importlib.import_module(module), attr)
            assert isinstance(command, click.Command)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="citecheck")
def main() -> None:
    """Check the citations and references of scholarly manuscripts."""


if __name__ == "__main__":  # pragma: no cover
    main()
