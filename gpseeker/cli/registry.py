"""Type names shared by the command modules."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    # argparse names no public type for what add_subparsers() returns, and the private
    # class is generic only in the type stubs, not at run time.
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Commands = argparse._SubParsersAction

Handler = Callable[[argparse.Namespace], Coroutine[Any, Any, int | None]]
"""A command: async, returns the exit code (None means 0)."""
