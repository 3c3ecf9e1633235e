"""`output.listing`, the one way a plain command prints a list or its JSON.

Every list command goes through it, so that lists read the same (blocks, a blank line
between them, a sentence when there is nothing) and `--json` prints the same shape,
with the same escaping of what came from a server.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from gpseeker.cli import output

CLI = Path(output.__file__).parent


class Item(BaseModel):
    name: str


class Page(BaseModel):
    items: list[Item]
    next_cursor: str | None


def _fields(item: Item) -> list[tuple[str, object]]:
    return [("Name", item.name)]


def test_blocks_then_the_footer_after_a_blank_line(capsys: pytest.CaptureFixture[str]) -> None:
    items = [Item(name="a"), Item(name="b\x1b[2J")]
    output.listing(items, _fields, as_json=False, empty="None.", footer=["2 items"])
    assert capsys.readouterr().out == "Name: a\n\nName: b\n\n2 items\n"  # the escape cleaned away


def test_nothing_to_list_says_so_without_the_footer(capsys: pytest.CaptureFixture[str]) -> None:
    output.listing([], _fields, as_json=False, empty="Nothing yet.", footer=["0 items"])
    assert capsys.readouterr().out == "Nothing yet.\n"


def test_json_is_the_whole_page_when_given(capsys: pytest.CaptureFixture[str]) -> None:
    page = Page(items=[Item(name="a\u202e")], next_cursor="c2")
    output.listing(page.items, _fields, as_json=True, empty="", whole=page, footer=["x"])
    printed = capsys.readouterr().out
    assert "\u202e" not in printed  # written as \u202e: harmless in a terminal
    assert json.loads(printed) == {"items": [{"name": "a\u202e"}], "next_cursor": "c2"}


def test_json_of_the_items_otherwise(capsys: pytest.CaptureFixture[str]) -> None:
    output.listing([Item(name="a")], _fields, as_json=True, empty="")
    assert json.loads(capsys.readouterr().out) == [{"name": "a"}]


def test_no_command_prints_a_list_or_its_json_by_hand() -> None:
    def using(call: str) -> list[str]:
        pattern = re.compile(rf"\b{call}\(")
        return sorted(
            path.name
            for path in CLI.glob("*.py")
            if path.name != "output.py" and pattern.search(path.read_text(encoding="utf-8"))
        )

    assert using("blocks") == []
    # One status record each (`gpseeker db current --json`, `gpseeker platform status
    # --json`), not a list.
    assert using("data_json_text") == ["db.py", "platform.py"]
