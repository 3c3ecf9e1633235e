"""The socket `gpseeker serve` listens on."""

from __future__ import annotations

import socket

from gpseeker.cli.serve import _listen


def test_answers_on_a_kept_alive_connection_are_not_held_back_by_nagle() -> None:
    """uvicorn writes a response's head and body apart: with Nagle's algorithm on, the
    body of every answer after the first on a keep-alive connection waited ~40 ms for
    the client's delayed ACK. Accepted connections inherit TCP_NODELAY from here."""
    listener = _listen("127.0.0.1", 0)
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    try:
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        for open_socket in (accepted, client, listener):
            open_socket.close()
