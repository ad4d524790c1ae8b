"""A throwaway PostgreSQL cluster for the tests: a temporary folder, 127.0.0.1, a free port.

Used by tests/conftest.py when DIARY_TEST_DB=postgresql, and by scripts/test:

    python -m tests.pgserver start FOLDER   # prints the superuser URL
    python -m tests.pgserver stop FOLDER

As root the server runs as the unprivileged `postgres` user (PostgreSQL refuses root). The
cluster trades durability for speed (no fsync): it lives only as long as one test run.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

USER = "diary_test"
PASSWORD = "test-secret"


def binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not candidates:
        raise RuntimeError(f"{name} not found: install PostgreSQL (apt-get install postgresql)")
    return candidates[-1]


def available() -> bool:
    try:
        binary("initdb")
    except RuntimeError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def _give_to_server_user(path: Path) -> None:
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(path, entry.pw_uid, entry.pw_gid)


def start(folder: Path) -> str:
    """Create and start a cluster in `folder`; return a superuser URL (database `postgres`)."""
    folder.mkdir(parents=True, exist_ok=True)
    _give_to_server_user(folder)
    data = folder / "data"
    secret = folder / "password"
    secret.write_text(PASSWORD)
    _give_to_server_user(secret)
    subprocess.run(
        _as_server_user(
            [
                binary("initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                "--pwfile",
                str(secret),
                "--auth",
                "scram-sha-256",
                "--encoding",
                "UTF8",
                "--no-sync",
            ]
        ),
        check=True,
        capture_output=True,
    )
    port = free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={folder} "
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    )
    subprocess.run(
        _as_server_user(
            [binary("pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "start"]
        ),
        check=True,
        capture_output=True,
        timeout=60,
    )
    (folder / "port").write_text(str(port))
    url = f"postgresql+psycopg://{USER}:{PASSWORD}@127.0.0.1:{port}/postgres"
    _wait_until_ready(url)
    return url


def _wait_until_ready(url: str) -> None:
    import psycopg

    deadline = time.monotonic() + 30
    while True:
        try:
            psycopg.connect(plain(url), connect_timeout=2).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def stop(folder: Path) -> None:
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(
            _as_server_user([binary("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
        )
    shutil.rmtree(folder, ignore_errors=True)


def plain(url: str) -> str:
    """The URL as psycopg itself takes it (no SQLAlchemy driver name)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def with_database(url: str, name: str) -> str:
    return url.rsplit("/", 1)[0] + "/" + name


def create_database(url: str, name: str) -> str:
    """Create database `name` on the server of superuser `url`; its URL."""
    import psycopg

    with psycopg.connect(plain(url), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return with_database(url, name)


def new_folder() -> Path:
    return Path(tempfile.mkdtemp(prefix="diary-pg-"))


if __name__ == "__main__":
    action, where = sys.argv[1], Path(sys.argv[2])
    if action == "start":
        print(start(where))
    elif action == "stop":
        stop(where)
    else:
        raise SystemExit(f"unknown action {action!r}: start or stop")
