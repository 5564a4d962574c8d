"""Textual's footer, composed again only when the keys it shows change.

Textual's `Footer` rebuilds its keys (a widget each, styled and laid out anew) whenever the screen
says its bindings may have changed: on every focus change and every `refresh_bindings()`. On the
take screen that was one to three rebuilds an answer, about a third of the tab's CPU for it
(cProfile of a served tab). The keys shown are the same from question to question, so here a
rebuild happens only when they differ from the ones on screen.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer

__all__ = ["SteadyFooter"]


class SteadyFooter(Footer):
    """A `Footer` that skips rebuilding the keys it already shows."""

    _shown: tuple[Hashable, ...] | None = None

    def _keys(self, screen: Screen[object]) -> tuple[Hashable, ...]:
        """What `Footer.compose` draws from: each shown binding, its key's look, whether enabled."""
        return tuple(
            (binding.key, self.app.get_key_display(binding), binding.description, binding.action, enabled,
             tooltip, binding.group)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:  # Footer would rebuild
            keys = self._keys(screen)
            if self._bindings_ready and keys == self._shown:
                return
            self._shown = keys
        super().bindings_changed(screen)
