"""Changing the block list, for every screen that blocks an organisation: the privacy
screen's picker, "decline and block" in the inbox, "block" in the disclosure log.

A block is a block of an organisation, not of a string (DESIGN.md, promise 7). The
platform takes the whole list back on each change, so the rest of it is sent as it
is: picked organisations keep their ids and automatic blocks stay (leaving one out
would dismiss it).

A name another screen shows (an invitation's sender, a disclosure's employer) is the
organisation's verified legal name, so `block_organisation` looks it up among the
verified organisations and, when one goes by exactly that legal name, blocks that
organisation by its id: under every name it goes by, for every account it has.
Otherwise (a suspended organisation is no longer offered) the name is blocked as
typed, which holds every organisation going by it, now or verified later.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from gpseeker.widgets.blocked_companies import already_blocked, block_entries

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient
    from gpseeker.core.models import BlockedCompany, BlockedCompanyList

__all__ = ["block_organisation", "save_blocks"]


async def save_blocks(
    client: PlatformClient,
    keep: Sequence[BlockedCompany],
    add: tuple[str, int | None] | None = None,
) -> BlockedCompanyList:
    """Make the block list `keep` (as it is) plus `add`: a name, and the verified
    organisation picked for it (None: the name as typed).

    Raises PlatformError (ValidationFailed for a name the platform would refuse)."""
    from pydantic import ValidationError

    from gpseeker.client import validation_failed
    from gpseeker.core.models import BlockEntry

    try:
        entries = block_entries(keep)
        if add is not None:
            name, organisation_id = add
            entries.append(
                name
                if organisation_id is None
                else BlockEntry(name=name, organisation_id=organisation_id)
            )
    except ValidationError as error:
        raise validation_failed(error) from None
    return await client.set_blocked_companies(entries)


async def block_organisation(client: PlatformClient, name: str) -> BlockedCompanyList | None:
    """Block the organisation called `name`; None if the list already holds it."""
    companies = (await client.blocked_companies()).companies
    matches = await client.blockable_organisations(name)
    picked = next((match for match in matches if match.legal_name == name), None)
    organisation_id = picked.id if picked is not None else None
    if already_blocked(companies, name, organisation_id):
        return None
    return await save_blocks(client, companies, (name, organisation_id))
