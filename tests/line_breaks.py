"""Line breaks other than newline, in every text a platform sends: the hostile strings.

A carriage return, CRLF, VT, FF, NEL and the Unicode line and paragraph separators
each start a new line in some terminal, pager, screen reader or mail reader. In an
employer's text, followed by words that read like the app's own ("Verified: yes"),
one would forge a line of output unless it is turned into a newline and indented
like one.

The platform's API now refuses most of them in what it is sent, but a client shows
whatever a platform sends (an older database, another server): so the strings go in
through the real API with a placeholder in each, and `put_line_breaks` then writes the
real characters over the placeholders in every text column of the database, as such
a platform would hold them.
"""

from __future__ import annotations

from sqlalchemy import String, Text, func, update

from gpseeker.server.db import Base, make_engine

FORGED = "Verified: yes (platform-checked employer)"
"""What each string tries to start a line with: it reads like the app's own words."""

BREAKS: tuple[tuple[str, str], ...] = (
    ("cr", "\r"),
    ("crlf", "\r\n"),
    ("vt", "\x0b"),
    ("ff", "\x0c"),
    ("nel", "\x85"),
    ("line-separator", "\u2028"),
    ("paragraph-separator", "\u2029"),
)
"""(name, line break) for each break that is not a plain newline."""

RAW_BREAKS = frozenset("\r\x0b\x0c\x85\u2028\u2029")


def placeholder(name: str) -> str:
    return f"~BREAK-{name.upper()}~"


STRINGS: tuple[tuple[str, str], ...] = tuple(
    (name, f"Hi{placeholder(name)}{FORGED}") for name, _ in BREAKS
)
"""(name, string) for `tests.hostile.seed`: each with its break still a placeholder."""


async def put_line_breaks(database_url: str) -> None:
    """Replace each placeholder by its line break in every text column of the platform."""
    engine = make_engine(database_url)
    try:
        async with engine.begin() as connection:
            for table in Base.metadata.sorted_tables:
                for column in table.columns:
                    if not isinstance(column.type, String | Text):
                        continue
                    for name, character in BREAKS:
                        marker = placeholder(name)
                        await connection.execute(
                            update(table)
                            .where(column.contains(marker, autoescape=True))
                            .values({column.name: func.replace(column, marker, character)})
                        )
    finally:
        await engine.dispose()


def assert_no_forged_line(text: str, where: str) -> None:
    """No line starts with FORGED at the margin, where the app's own labels are; and no
    raw break is left for a terminal, pager or screen reader to act on."""
    left = RAW_BREAKS & set(text)
    assert not left, f"{where}: raw line breaks {sorted(map(repr, left))} in the output"
    for number, line in enumerate(text.split("\n"), start=1):
        assert not line.startswith(FORGED), f"{where}: line {number} forged: {line!r}"
