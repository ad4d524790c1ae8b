"""`$DIARY` for example scripts under test: hands its arguments to the test process and
prints what the command printed there. Imports only the standard library, so it starts in a
few milliseconds where `python -m diary` takes a few hundred."""

import json
import os
import socket
import struct
import sys


def _send(sock: socket.socket, data: bytes) -> None:
    sock.sendall(struct.pack("!I", len(data)) + data)


def _receive(sock: socket.socket) -> bytes:
    header = b""
    while len(header) < 4:
        header += sock.recv(4 - len(header))
    (size,) = struct.unpack("!I", header)
    data = b""
    while len(data) < size:
        data += sock.recv(size - len(data))
    return data


def forwarded(name: str) -> bool:
    """Settings that, when the script has none, the command must not take from the test."""
    return name.startswith("DIARY_") or name in ("VISUAL", "EDITOR", "TMPDIR")


def main() -> int:
    text = sys.stdin.read() if not sys.stdin.isatty() else ""
    env = dict(os.environ)  # an editor the command starts sees what the script set
    request = json.dumps({"args": sys.argv[1:], "input": text, "env": env})
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(os.environ["DIARY_TEST_SOCKET"])
        _send(sock, request.encode())
        reply = json.loads(_receive(sock))
    sys.stdout.write(reply["stdout"])
    sys.stderr.write(reply["stderr"])
    return int(reply["exit_code"])


if __name__ == "__main__":
    sys.exit(main())
