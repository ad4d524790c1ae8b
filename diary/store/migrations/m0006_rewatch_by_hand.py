"""Schema 6: a rewatch flag set by hand is remembered, so that the flags worked out from the
dates can follow every later log, edit, delete and import without overwriting it.

Existing flags become derived ones (the column starts false): the next change to a person's
entries of a film settles them from the dates.
"""

from sqlalchemy import Connection, text

VERSION = 6


def upgrade(connection: Connection) -> None:
    connection.execute(
        text("ALTER TABLE viewing_person ADD COLUMN rewatch_by_hand BOOLEAN NOT NULL DEFAULT FALSE")
    )
