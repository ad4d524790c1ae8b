"""Schema 9: the film a post's teaser is for, and an award's winner as the post words it.

`post.next_film_id` names the film the post announces as the next one (the teaser at its
end): filled when a post is started from the latest pick or the watchlist, set in the post's
document (`next film:`), or given when a published post is imported (`--next FILM`). A film
deleted later leaves the post without one. `award.announced` is the winner as the post
announces it ("the cocktails, obviously") when that is not the nominee's own wording.

Frozen: two columns (and an index) added to the tables as they were at version 3.
"""

from sqlalchemy import Connection, text

VERSION = 9


def upgrade(connection: Connection) -> None:
    connection.execute(
        text(
            "ALTER TABLE post ADD COLUMN next_film_id INTEGER "
            "REFERENCES film (id) ON DELETE SET NULL"
        )
    )
    connection.execute(text("CREATE INDEX ix_post_next_film_id ON post (next_film_id)"))
    connection.execute(text("ALTER TABLE award ADD COLUMN announced VARCHAR"))
