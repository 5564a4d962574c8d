"""Browse: every card of the learner in a table, with search and filters; info and suspend per card.

One line a card, so a 24-line terminal shows a dozen; the highlighted card's whole statement (and
its bank) is shown under the table.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from quiz.doors.learner import CardFilter, CardRow
from quiz.tui.format import soon
from quiz.tui.screens.base import QuizScreen

MAX_ROWS = 1000

FILTERS: dict[str, list[tuple[str, object]]] = {
    "kind": [("date", "date"), ("unit", "unit"), ("place", "place")],
    "state": [("new", "new"), ("learning", "learning"), ("review", "review"), ("relearning", "relearning")],
    "due": [("due now", True)],
    "suspended": [("suspended", True), ("active", False)],
    "leech": [("leeches", True), ("not leeches", False)],
}

# The columns after the sentence, with their widths (the sentence takes the rest).
COLUMNS = (("Kind", 5), ("State", 10), ("Due", 6), ("Lapses", 6), ("Flags", 5))
MIN_STATEMENT = 20

PROMPTS = {"kind": "kind", "state": "state", "due": "due", "suspended": "susp.", "leech": "leech"}


class BrowseScreen(QuizScreen):
    """A DataTable of cards; the filter row narrows it as you type or choose."""

    AUTO_FOCUS = "#cards"
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("i,e", "info", "Card info"),
        Binding("s", "toggle_suspend", "Suspend/unsuspend"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[int, CardRow] = {}  # what the table shows, by card id
        self.count = ""  # how many cards the table shows, in words

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="browse"):
            yield Input(placeholder="Search facts by their words or id…  (/)", id="search", compact=True)
            with Horizontal(id="filters"):
                for name, options in FILTERS.items():
                    yield Select(options, prompt=f"{PROMPTS[name]}: any", id=f"filter-{name}", compact=True)
            yield DataTable(id="cards", cursor_type="row", zebra_stripes=True)
            yield Static(id="card-statement")
            yield Static(id="browse-count")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self, event: events.Resize) -> None:
        """The sentence column takes the width the others leave, so it wraps at any width."""
        self.reload()

    def _columns(self, table: DataTable[Any]) -> None:
        """The sentence first, as wide as the table allows, then the short columns."""
        padding = 2 * table.cell_padding
        width = (table.size.width or self.size.width or 80) - 2  # room for the scrollbar
        statement = max(MIN_STATEMENT, width - sum(w + padding for _, w in COLUMNS) - padding)
        table.clear(columns=True)
        table.add_column("Statement", key="statement", width=statement)
        for label, column_width in COLUMNS:
            table.add_column(label, key=label.lower(), width=column_width)

    def on_screen_resume(self) -> None:
        self.reload()

    def _filter(self) -> CardFilter:
        def value(name: str) -> Any:
            v = self.query_one(f"#filter-{name}", Select).value
            return None if v is Select.NULL else v

        return CardFilter(
            search=self.query_one("#search", Input).value.strip(),
            kind=value("kind"),
            state=value("state"),
            due_only=bool(value("due")),
            suspended=value("suspended"),
            leech=value("leech"),
        )

    def reload(self) -> None:
        desk = self.desk
        rows = desk.cards(self._filter(), limit=MAX_ROWS + 1)
        now = desk.clock()
        table: DataTable[Any] = self.query_one("#cards", DataTable)
        keep = table.cursor_row
        self.rows = {row.card_id: row for row in rows[:MAX_ROWS]}
        self._columns(table)
        for row in self.rows.values():
            flags = " ".join(f for f, on in (("S", row.suspended), ("L", row.leech)) if on)
            due = "—" if row.state == "new" else soon(row.due, now)
            sentence = Text(row.statement or row.fact_id, no_wrap=True, overflow="ellipsis")
            cells: list[Text] = [
                sentence,
                Text(str(row.kind)),
                Text(str(row.state)),
                Text(due),
                Text(str(row.lapses)),
                Text(flags),
            ]
            table.add_row(*cells, key=str(row.card_id))
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))
        self.count = f"first {MAX_ROWS} cards" if len(rows) > MAX_ROWS else f"{len(rows)} card{'' if len(rows) == 1 else 's'}"
        if not rows and self._filter() == CardFilter():
            self.count = "No cards yet: a bank's cards are made the first time you study it."
        self.show_statement()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#cards").focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        self.reload()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_statement()

    def show_statement(self) -> None:
        """The highlighted card's statement in full (bank text, never markup), and its bank."""
        card_id = self._card_id()
        row = self.rows.get(card_id) if card_id is not None else None
        self.query_one("#card-statement", Static).update(Text(row.statement or row.fact_id) if row else "")
        count = Text(self.count)
        if row is not None:
            count.append(f"  ·  this card: {row.bank}")
        self.query_one("#browse-count", Static).update(count)

    def _card_id(self) -> int | None:
        table = self.query_one("#cards", DataTable)
        if not table.row_count:
            return None
        return int(str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_info()

    def action_search(self) -> None:
        self.query_one("#search").focus()

    def action_info(self) -> None:
        from quiz.tui.screens.card_info import CardInfoScreen

        card_id = self._card_id()
        if card_id is not None:
            self.app.push_screen(CardInfoScreen(card_id))

    def action_toggle_suspend(self) -> None:
        card_id = self._card_id()
        if card_id is None:
            return
        flag = not self.rows[card_id].suspended
        self.desk.set_suspended(card_id, flag)
        self.notify("Card suspended" if flag else "Card unsuspended", timeout=2)
        self.reload()

    def action_back(self) -> None:
        if self.focused is not None and not isinstance(self.focused, DataTable):
            self.query_one("#cards").focus()
        else:
            self.app.pop_screen()
