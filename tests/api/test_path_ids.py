"""An id in a path beyond the 32-bit id columns is refused up front (found by
schemathesis: PostgreSQL could not even bind 2**62, a server error there)."""

from __future__ import annotations

import httpx
import pytest

from .conftest import PlatformUsers

TOO_BIG = [2**31, 2**62 - 1]


@pytest.mark.parametrize("job_id", TOO_BIG)
async def test_an_id_past_the_columns_is_422_not_500(
    client: httpx.AsyncClient, users: PlatformUsers, job_id: int
) -> None:
    seeker = await users.seeker()
    for method, path in [
        ("GET", f"/api/v1/jobs/{job_id}"),
        ("PUT", f"/api/v1/me/saved-jobs/{job_id}"),
        ("DELETE", f"/api/v1/me/applications/{job_id}"),
        ("GET", f"/api/v1/me/invitations/{job_id}"),
    ]:
        response = await client.request(method, path, headers=seeker.auth)
        assert response.status_code == 422, (path, response.text)


async def test_the_largest_id_is_simply_not_found(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    seeker = await users.seeker()
    response = await client.get(f"/api/v1/jobs/{2**31 - 1}", headers=seeker.auth)
    assert response.status_code == 404, response.text
