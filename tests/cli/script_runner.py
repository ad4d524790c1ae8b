"""Runs an example script in a real bash while its `diary` commands run in this process.

Each `$DIARY ARGS` in the script starts `script_client.py`, which sends the arguments, its
stdin and the DIARY_* environment over a Unix socket; here the command runs through Typer's
CliRunner (as every other CLI test does) and its output and exit code go back. The shell
logic of the script (pipes, tests, loops) is what it always is; only the start-up of a
Python process with the ORM per command is saved.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typer.testing import CliRunner

from tests.cli.script_client import _receive, _send, forwarded
from tests.conftest import ROOT

CLIENT = Path(__file__).with_name("script_client.py")


def _serve(server: socket.socket) -> None:
    from diary.cli.main import app

    runner = CliRunner()
    while True:
        try:
            connection, _ = server.accept()
        except OSError:  # closed: the script is done
            return
        with connection:
            request = json.loads(_receive(connection))
            # The script's settings, and none of this process's that the script lacks.
            env: dict[str, str | None] = {k: None for k in os.environ if forwarded(k)}
            env.update(request["env"])
            result = runner.invoke(app, request["args"], input=request["input"], env=env)
            if result.exception is not None and not isinstance(result.exception, SystemExit):
                stderr = f"{result.stderr}unexpected {type(result.exception).__name__}: "
                stderr += f"{result.exception}\n"
            else:
                stderr = result.stderr
            reply = {"stdout": result.stdout, "stderr": stderr, "exit_code": result.exit_code}
            _send(connection, json.dumps(reply).encode())


@contextmanager
def served() -> Iterator[str]:
    """A socket path that `script_client.py` can reach while the block runs."""
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "diary.sock")
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(path)
        server.listen()
        thread = threading.Thread(target=_serve, args=(server,), daemon=True)
        thread.start()
        try:
            yield path
        finally:
            try:
                server.shutdown(socket.SHUT_RDWR)  # wakes the accept() waiting in the thread
            except OSError:
                pass
            server.close()
            thread.join(timeout=5)


def run_script(
    script: Path, env: dict[str, str | None], cwd: Path = ROOT, args: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    """Runs `bash SCRIPT ARGS` with DIARY set to the in-process client; a None in `env`
    removes that variable from the script's environment."""
    with served() as path:
        full = dict(os.environ)
        full.update({k: v for k, v in env.items() if v is not None})
        for name in [k for k, v in env.items() if v is None]:
            full.pop(name, None)
        full.update(DIARY=f"{sys.executable} {CLIENT}", DIARY_TEST_SOCKET=path)
        return subprocess.run(
            ["bash", str(script), *args],
            capture_output=True,
            text=True,
            env=full,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            timeout=600,
        )
