"""The layers below the UI never pull in the UI, and the shared core stays light.

Checked in a fresh interpreter, because in the test process something else may have
imported Textual or FastAPI already.
"""

from __future__ import annotations

from tests.loaded_modules import modules_after


def modules_after_importing(*names: str) -> set[str]:
    code = f"import importlib\nfor name in {list(names)!r}:\n    importlib.import_module(name)\n"
    return {name.split(".")[0] for name in modules_after(code)}


def test_data_layer_and_server_do_not_import_textual() -> None:
    loaded = modules_after_importing(
        "gpseeker.core.models",
        "gpseeker.core.privacy",
        "gpseeker.core.send_check",
        "gpseeker.core.text",
        "gpseeker.client",
        "gpseeker.local.known_jobs",
        "gpseeker.server",
    )
    assert "textual" not in loaded


def test_shared_core_does_not_import_the_server_stack() -> None:
    loaded = modules_after_importing(
        "gpseeker.core.models",
        "gpseeker.core.privacy",
        "gpseeker.core.send_check",
        "gpseeker.core.text",
    )
    assert loaded.isdisjoint({"textual", "fastapi", "sqlalchemy", "starlette", "httpx"})


def test_the_client_package_never_imports_the_server() -> None:
    """DESIGN.md's import rule: the client knows the platform through HTTP only; the
    local platform's own side (`gpseeker.local_platform.server_side`) builds the
    server. Read from the source, so that an import deferred into a function counts
    as much as one at the top."""
    import ast
    from pathlib import Path

    import gpseeker.client

    offenders = []
    for path in Path(gpseeker.client.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.name}:{node.lineno} {name}"  # type: ignore[attr-defined]
                for name in names
                if name == "gpseeker.server" or name.startswith("gpseeker.server.")
            ]
    assert offenders == []


def test_the_candidate_side_of_the_local_platform_imports_no_server() -> None:
    """The app, the composition root, the commands' wiring and the starter of the
    local platform process: all of it runs in the candidate's process, which talks
    HTTP to the platform and must not pay for (or reach into) its stack."""
    loaded = modules_after(
        "import importlib\n"
        "for name in ['gpseeker.app', 'gpseeker.composition', 'gpseeker.connect',\n"
        "             'gpseeker.cli.context', 'gpseeker.cli.platform',\n"
        "             'gpseeker.local_platform.starter', 'gpseeker.local_platform.transport',\n"
        "             'gpseeker.local_platform.session']:\n"
        "    importlib.import_module(name)\n"
    )
    server_stack = ("fastapi", "sqlalchemy", "starlette", "uvicorn", "alembic")
    assert [
        name
        for name in loaded
        if name.split(".")[0] in server_stack or name.startswith("gpseeker.server")
    ] == []
