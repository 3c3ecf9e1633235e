"""The platform client: async httpx, typed methods returning models, typed errors.

The UI and the commands know the platform only through this package. It never
imports Textual, nor the server.
"""

from gpseeker.client.employer import EmployerClient
from gpseeker.client.errors import (
    AuthError,
    CodeRequired,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    PlatformError,
    PreconditionFailed,
    RateLimited,
    Unavailable,
    ValidationFailed,
    field_errors,
    is_unreachable,
    validation_failed,
)
from gpseeker.client.operator import OperatorClient
from gpseeker.client.retry import RetryPolicy
from gpseeker.client.seeker import PlatformClient

__all__ = [
    "AuthError",
    "CodeRequired",
    "ConflictError",
    "EmployerClient",
    "ForbiddenError",
    "NotFoundError",
    "OperatorClient",
    "PlatformClient",
    "PlatformError",
    "PreconditionFailed",
    "RateLimited",
    "RetryPolicy",
    "Unavailable",
    "ValidationFailed",
    "field_errors",
    "is_unreachable",
    "validation_failed",
]
