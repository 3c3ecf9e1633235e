"""DELETE /me: the account and everything of it is erased at once, for good.

"For good" is checked on disk: the SQLite files (main, -wal, -shm) are scanned for
the candidate's identity values before the deletion (they must be there, or the scan
proves nothing) and after it (none may be left). On PostgreSQL, whose files belong to
the server, every row of every table is read as text instead, and the erased rows'
dead tuples must have been vacuumed away (see `erasure.py` for what that does and
does not reach).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from gpseeker.server.erasure import candidate_tables

from . import stored
from .conftest import PASSWORD, PlatformUsers
from .test_export import MARCUS, ZOFIA, Identity, RichCandidate, rich_candidate

DATABASE = "platform.sqlite3"


def stored_bytes(directory: Path) -> bytes:
    """Every byte of the database's files, lowercased (stores fold some names)."""
    files = [directory / f"{DATABASE}{suffix}" for suffix in ("", "-wal", "-shm", "-journal")]
    return b"".join(path.read_bytes() for path in files if path.exists()).lower()


async def stored_data(store: str, database_url: str, directory: Path) -> bytes:
    if store == "sqlite":
        return stored_bytes(directory)
    return await stored.stored_text(database_url)


def identity_formats(identity: Identity) -> dict[str, list[str]]:
    """Each identity value in every form the platform might store it in."""
    local = identity.phone_e164.removeprefix("+81")
    national = f"0{local[:2]}-{local[2:6]}-{local[6:]}"
    return {
        "name": [identity.name, *identity.name.split()],
        "email": [identity.email, identity.email.split("@")[0]],
        "phone": [identity.phone, identity.phone_e164, national, local[2:]],
        "street": [identity.street],
        "company": [identity.company, identity.company.split()[0]],
    }


def found_in(data: bytes, identity: Identity) -> dict[str, list[str]]:
    return {
        kind: [value for value in values if value.lower().encode() in data]
        for kind, values in identity_formats(identity).items()
    }


def rows_of(directory: Path, user_id: int) -> dict[str, int]:
    """Rows left in any table that refers to this user, by table."""
    left: dict[str, int] = {}
    with sqlite3.connect(directory / DATABASE) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
                "'CREATE VIRTUAL%'"
            )
        ]
        for table in tables:
            columns = {row[1] for row in connection.execute(f"PRAGMA table_info('{table}')")}
            for column in ({"user_id", "candidate_id"} & columns) | (
                {"id"} if table == "users" else set()
            ):
                count = connection.execute(
                    f"SELECT count(*) FROM {table} WHERE {column} = ?",
                    (user_id,),
                ).fetchone()[0]
                if count:
                    left[table] = count
    connection.close()
    return left


async def rows_left(store: str, database_url: str, directory: Path, user_id: int) -> dict[str, int]:
    if store == "sqlite":
        return rows_of(directory, user_id)
    return await stored.rows_of(database_url, user_id)


async def user_id(store: str, database_url: str, directory: Path, email: str) -> int:
    if store == "sqlite":
        return user_id_of(directory, email)
    row = await stored.fetch_one(database_url, "SELECT id FROM users WHERE email = $1", email)
    return int(row["id"])


async def assert_vacuumed(database_url: str) -> None:
    """PostgreSQL: every table the erasure reached was vacuumed after it (by the
    platform: autovacuum would set `last_autovacuum`). The dead-tuple count is not
    checked: backends report theirs to the statistics lazily, up to a second late."""
    for table in candidate_tables():
        last_vacuum, _ = await stored.vacuumed_since(database_url, table.name)
        assert last_vacuum is not None, table.name


def user_id_of(directory: Path, email: str) -> int:
    with sqlite3.connect(directory / DATABASE) as connection:
        (user_id,) = connection.execute("SELECT id FROM users WHERE email = ?", (email,)).fetchone()
    connection.close()
    return int(user_id)


async def delete_account(
    client: httpx.AsyncClient, candidate: RichCandidate, confirm: str | None = None
) -> httpx.Response:
    return await client.request(
        "DELETE",
        "/api/v1/me",
        json={"confirm_email": confirm if confirm is not None else candidate.identity.email},
        headers=candidate.user.auth,
    )


async def test_deleting_leaves_no_identity_value_on_disk(
    client: httpx.AsyncClient,
    users: PlatformUsers,
    tmp_path: Path,
    store: str,
    database_url: str,
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")
    await rich_candidate(client, users, MARCUS, "Kobe Steelworks K.K.")
    zofia_id = await user_id(store, database_url, tmp_path, ZOFIA.email)
    before = found_in(await stored_data(store, database_url, tmp_path), ZOFIA)
    assert all(before.values()), f"the scan must find every value before: {before}"

    response = await delete_account(client, zofia)
    assert response.status_code == 200, response.text

    after = await stored_data(store, database_url, tmp_path)
    assert found_in(after, ZOFIA) == {kind: [] for kind in before}
    # The other candidate is untouched, which also shows the scan sees stored values.
    assert all(found_in(after, MARCUS).values())
    assert await rows_left(store, database_url, tmp_path, zofia_id) == {}
    if store == "postgresql":
        await assert_vacuumed(database_url)


async def test_the_receipt_names_the_employers_that_received_an_application(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")
    # Typed again with other capitals and spaces: still the account's address.
    response = await delete_account(client, zofia, f"  {ZOFIA.email.upper()} ")
    assert response.status_code == 200, response.text
    receipt = response.json()
    assert receipt["email"] == ZOFIA.email
    assert receipt["employers_with_applications"] == ["Fuji Robotics Inc."]


async def test_after_deletion_every_route_refuses_the_old_token(
    client: httpx.AsyncClient, users: PlatformUsers, app: FastAPI
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")
    assert (await delete_account(client, zofia)).status_code == 200

    paths: dict[str, Any] = app.openapi()["paths"]
    checked = 0
    for template, operations in paths.items():
        if not template.startswith("/api/v1/me"):
            continue
        # Any id will do: the token is refused before anything is looked up.
        path = "/".join("1" if part.startswith("{") else part for part in template.split("/"))
        for method in operations:
            response = await client.request(
                method.upper(),
                path,
                json=None if method == "get" else {},
                headers=zofia.user.auth,
            )
            assert response.status_code == 401, (method, path, response.text)
            checked += 1
    assert checked > 20
    login = await client.post(
        "/api/v1/auth/login", json={"email": ZOFIA.email, "password": PASSWORD}
    )
    assert login.status_code == 401


async def test_inviting_a_deleted_candidate_is_404(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")
    assert (await delete_account(client, zofia)).status_code == 200

    employer = zofia.employer.auth
    invite = await client.post(
        f"/api/v1/employer/candidates/{zofia.ref}/invitations",
        json={"subject": "Still there?", "body": "Hello again."},
        headers=employer,
    )
    assert invite.status_code == 404, invite.text
    opened = await client.get(f"/api/v1/employer/resume-bank/{zofia.ref}", headers=employer)
    assert opened.status_code == 404


async def test_employers_no_longer_see_the_deleted_candidate(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")
    employer = zofia.employer.auth
    listed = await client.get("/api/v1/employer/applications", headers=employer)
    assert {a["id"] for a in listed.json()} == set(zofia.application_ids)
    assert (await users.search(zofia.employer, ZOFIA.keyword)) != []

    assert (await delete_account(client, zofia)).status_code == 200

    listed = await client.get("/api/v1/employer/applications", headers=employer)
    assert listed.status_code == 200 and listed.json() == []
    messages = await client.get("/api/v1/employer/messages", headers=employer)
    assert messages.status_code == 200 and messages.json() == []
    requests = await client.get("/api/v1/employer/erase-requests", headers=employer)
    assert requests.status_code == 200 and requests.json() == []
    assert await users.search(zofia.employer, ZOFIA.keyword) == []
    assert await users.search(zofia.employer) == []


async def test_the_search_index_keeps_no_word_of_a_deleted_resume(
    client: httpx.AsyncClient,
    users: PlatformUsers,
    tmp_path: Path,
    store: str,
    database_url: str,
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")

    async def index_holds_keyword() -> bool:
        if store == "postgresql":
            # The index's words are the generated tsvectors: read them all, and ask
            # the GIN index (which would also find a dead tuple it still points at).
            row = await stored.fetch_one(
                database_url,
                "SELECT string_agg(body_tsv::text, ' ') AS words, "
                "count(*) FILTER (WHERE body_tsv @@ to_tsquery('simple', lower($1))) AS hits "
                "FROM resume_documents",
                ZOFIA.keyword,
            )
            return ZOFIA.keyword.lower() in (row["words"] or "") or row["hits"] > 0
        with sqlite3.connect(tmp_path / DATABASE) as connection:
            blocks = [block for (block,) in connection.execute("SELECT block FROM resume_fts_data")]
        connection.close()
        data = b"".join(bytes(block) for block in blocks if block is not None).lower()
        return ZOFIA.keyword.lower().encode() in data

    assert await index_holds_keyword()
    assert (await delete_account(client, zofia)).status_code == 200
    assert not await index_holds_keyword()
    if store == "postgresql":
        # The erased tuples and their index entries were removed, not just hidden.
        await assert_vacuumed(database_url)


async def test_a_wrong_confirmation_deletes_nothing(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")
    before = (await client.get("/api/v1/me/export", headers=zofia.user.auth)).json()

    response = await delete_account(client, zofia, "someone.else@example.net")
    assert response.status_code == 422
    error = response.json()["error"]
    assert [field["path"] for field in error["fields"]] == ["confirm_email"]
    assert "Nothing was deleted" in error["message"]

    after = (await client.get("/api/v1/me/export", headers=zofia.user.auth)).json()
    assert {**after, "exported_at": None} == {**before, "exported_at": None}
    assert await users.search(zofia.employer, ZOFIA.keyword) != []


async def test_deleting_needs_the_confirmation_field(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    seeker = await users.seeker()
    response = await client.request("DELETE", "/api/v1/me", json={}, headers=seeker.auth)
    assert response.status_code == 422
    assert [f["path"] for f in response.json()["error"]["fields"]] == ["confirm_email"]
    assert (await client.get("/api/v1/me/profile", headers=seeker.auth)).status_code == 200
