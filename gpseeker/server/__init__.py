"""The reference platform server: FastAPI routes over SQLAlchemy tables.

Uses `models` and `privacy`; never Textual, never the client.
"""

from gpseeker.server.app import create_app
from gpseeker.server.platform import Platform
from gpseeker.server.settings import ServerSettings

__all__ = ["Platform", "ServerSettings", "create_app"]
