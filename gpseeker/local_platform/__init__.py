"""The local demo platform: what the app and the plain commands use when no server is
configured.

It runs as its own process (`daemon`), on a Unix socket in the data directory,
started on first need by any gpseeker process (`starter`), shared by all of them, and
ending by itself when idle. The candidate's side (`starter`, `session`, `files`,
`identity`) never imports the server; the platform's side (`server_side`, `daemon`,
`demo`, and `in_process` for tests) does. This package imports nothing by itself.
"""
