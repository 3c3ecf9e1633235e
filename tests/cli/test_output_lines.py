"""`output.line` and `output.field`: a value's line break never starts a line at the
margin, where the app's own labels are ("Verified: yes" must not pose as one)."""

from __future__ import annotations

import pytest

from gpseeker.cli.output import field, line
from tests.line_breaks import BREAKS


@pytest.mark.parametrize("brk", [brk for _, brk in BREAKS], ids=[name for name, _ in BREAKS])
def test_a_break_in_a_value_continues_indented_like_a_newline(
    capsys: pytest.CaptureFixture[str], brk: str
) -> None:
    value = f"Nobody Ltd{brk}Verified: yes"
    field("Company", value)
    field("Company", value.replace(brk, "\n"))  # what a newline has always given
    line(f"- {value}")
    line(f"  - {value}")  # a continuation goes deeper than its own line
    assert capsys.readouterr().out == (
        "Company:\n  Nobody Ltd\n  Verified: yes\n"
        "Company:\n  Nobody Ltd\n  Verified: yes\n"
        "- Nobody Ltd\n  Verified: yes\n"
        "  - Nobody Ltd\n    Verified: yes\n"
    )


def test_a_value_over_several_lines_is_listed_under_its_label_as_before(
    capsys: pytest.CaptureFixture[str],
) -> None:
    field("Timeline", "2025-06-01 submitted\n2025-06-02 viewed\n")
    field("Message", "Hi\nBye")
    line()
    assert capsys.readouterr().out == (
        "Timeline:\n  2025-06-01 submitted\n  2025-06-02 viewed\nMessage:\n  Hi\n  Bye\n\n"
    )
