"""Errors a user can cause: one clear line and exit code 2."""

from __future__ import annotations

import click


class UserError(click.ClickException):
    exit_code = 2
