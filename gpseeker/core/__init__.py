"""The pure, shared logic: the wire models, the leak guard and the text rules.

No I/O and nothing of the project above it (an import-linter contract): the client,
the app, the plain commands and the server all build on it.
"""
