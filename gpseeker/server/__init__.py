"""The reference platform server: FastAPI routes over SQLAlchemy tables.

Uses `models` and `privacy`; never Textual, never the client.
"""

from gpseeker.core.models import build_every_model

# The wire models build their validators on first use (the client needs few of them);
# the server needs them all, and FastAPI must see them built when the routes are
# declared, or it builds its own later, outside the warning filter it sets for them.
build_every_model()

from gpseeker.server.app import create_app  # noqa: E402
from gpseeker.server.platform import Platform  # noqa: E402
from gpseeker.server.settings import ServerSettings  # noqa: E402

__all__ = ["Platform", "ServerSettings", "create_app"]
