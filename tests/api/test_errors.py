"""One error shape for everything, and never a traceback."""

from __future__ import annotations

import httpx
from fastapi import FastAPI


async def test_an_unknown_path_answers_the_error_shape(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/nowhere")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_a_wrong_method_says_which_methods_exist(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/v1/me/profile")
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, PUT"
    assert response.json()["error"]["code"] == "method_not_allowed"
    with_id = await client.post("/api/v1/employer/resume-bank/c_abc")
    assert with_id.headers["Allow"] == "GET"


async def test_a_server_bug_is_a_500_without_a_traceback(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    secret_detail = "database password is hunter2"

    async def broken() -> None:
        raise RuntimeError(secret_detail)

    app.add_api_route("/api/v1/broken", broken)
    response = await client.get("/api/v1/broken")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert secret_detail not in response.text
    assert "Traceback" not in response.text
