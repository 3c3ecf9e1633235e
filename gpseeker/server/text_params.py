"""Query and path parameters must be text: one check, run before every route.

Request bodies are checked by their models (`models.OneLine` and `MultiLine`), but
parameters also reach routes as plain strings (the resume bank's `q`, a candidate
reference in a path), and a NUL in one failed deep in the store: SQLite's full-text
parser and PostgreSQL both answered it with a server error. No parameter holds more
than a line, so any C0 control character in one (a tab or a line break too) counts.
"""

from __future__ import annotations

import re

from fastapi import Request

from gpseeker.core.models import control_problem
from gpseeker.server.errors import invalid

NAMES_NOTHING = "\N{REPLACEMENT CHARACTER}"
_CONTROL = re.compile("[\x00-\x1f]")


async def text_only_parameters(request: Request) -> None:
    """422 naming a query parameter that is not one line of text.

    A path parameter that is not text names nothing, so it is answered as the route
    answers any name that does not exist: each control character in it becomes
    U+FFFD before the route reads it, and the route finds nothing. (A 404 from here
    would be told apart from the route's own: an unsubscribe link answers a malformed
    token exactly as a forged one.)
    """
    for name, value in request.query_params.multi_items():
        if control_problem(name) is not None:
            raise invalid("query", "a parameter's name is not text (it has a control character)")
        problem = control_problem(value)
        if problem is not None:
            raise invalid(name, problem)
    path_params = request.path_params  # the scope's own dict, which the route reads next
    for name, value in path_params.items():
        if isinstance(value, str) and control_problem(value) is not None:
            path_params[name] = _CONTROL.sub(NAMES_NOTHING, value)
