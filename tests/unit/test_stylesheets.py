"""Screen layout lives in .tcss files beside the screens, and ships with the package.

Textual resolves a relative `CSS_PATH` against the file of the screen's class and
reads it only when the screen is first shown: a missing or misspelt file, or one the
wheel leaves out, would fail then, in front of the candidate, not at import. So every
screen and dialog of the package is checked here: its `CSS_PATH` names a file beside
its module that parses, no screen keeps layout in `DEFAULT_CSS` (STYLE.md, habit 8),
and no .tcss file is left behind that nothing loads.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import tomllib
from pathlib import Path

import pytest
from textual.app import App
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

import gpseeker
from gpseeker.app import GPSeekerApp
from gpseeker.widgets.dialog import Dialog

PACKAGE = Path(gpseeker.__file__).parent
ROOT = PACKAGE.parent

SHARED_FRAME = {Dialog}
"""Screens that keep DEFAULT_CSS on purpose: Dialog is the frame every dialog
inherits, and DEFAULT_CSS is what a subclass inherits (a subclass's CSS_PATH would
replace its base's, not add to it)."""


def _screens() -> list[type[Screen[object]]]:
    """Every Screen subclass defined in the package's UI modules (not the server's)."""
    found: list[type[Screen[object]]] = []
    for package in ("gpseeker.screens", "gpseeker.widgets", "gpseeker.ui"):
        root = importlib.import_module(package)
        for info in pkgutil.iter_modules(root.__path__, f"{package}."):
            module = importlib.import_module(info.name)
            found += [
                value
                for value in vars(module).values()
                if inspect.isclass(value)
                and issubclass(value, Screen)
                and value.__module__ == module.__name__
            ]
    return found


SCREENS = _screens()


def _css_paths(screen: type[Screen[object]] | type[GPSeekerApp]) -> list[Path]:
    """Where Textual looks for the class's CSS_PATH: beside the class's own module."""
    paths = screen.CSS_PATH
    if paths is None:
        return []
    listed = [paths] if isinstance(paths, str | Path) else list(paths)
    return [Path(inspect.getfile(screen)).parent / path for path in listed]


def test_the_package_has_screens_to_check() -> None:
    names = {screen.__name__ for screen in SCREENS}
    assert {"JobsScreen", "ApplyDialog", "ReplyDialog", "SignInScreen"} <= names


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.__name__)
def test_a_screen_keeps_its_layout_in_a_tcss_file_beside_it(
    screen: type[Screen[object]],
) -> None:
    if screen in SHARED_FRAME:
        assert screen.CSS_PATH is None
        return
    assert "DEFAULT_CSS" not in vars(screen), f"{screen.__name__}: layout belongs in .tcss"
    for path in _css_paths(screen):
        assert path.suffix == ".tcss"
        assert path.is_file(), f"{screen.__name__}.CSS_PATH: {path} is missing"


def test_every_stylesheet_parses_and_is_loaded_by_someone() -> None:
    loaded = {path.resolve() for screen in SCREENS for path in _css_paths(screen)}
    loaded |= {path.resolve() for path in _css_paths(GPSeekerApp)}
    on_disk = {path.resolve() for path in PACKAGE.rglob("*.tcss")}
    assert loaded == on_disk
    variables = App[None]().get_css_variables()  # $panel and the rest, from a theme
    for path in sorted(on_disk):
        stylesheet = Stylesheet(variables=variables)
        stylesheet.read(path)
        stylesheet.parse()  # raises StylesheetParseError, naming the line


def test_the_wheel_takes_the_stylesheets_with_the_code() -> None:
    """Hatchling puts every file under `packages` in the wheel (not only .py files),
    unless an include or exclude pattern narrows it: there must be none that could
    leave the .tcss files out."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    build = config["tool"]["hatch"]["build"]
    wheel = build["targets"]["wheel"]
    assert wheel["packages"] == ["gpseeker"]
    for table in (build, wheel):
        assert not {"include", "exclude", "only-include", "artifacts"} & table.keys()
    ignored = (ROOT / ".gitignore").read_text() if (ROOT / ".gitignore").exists() else ""
    assert "tcss" not in ignored  # hatchling also skips what git ignores
