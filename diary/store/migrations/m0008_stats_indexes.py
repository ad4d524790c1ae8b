"""Schema 8: indexes holding what `diary stats` counts.

`viewing_person (person_id, rating, rewatch)` replaces the index on person_id alone (it finds
a person's entries just as well) and gives each person's ratings and rewatches without
reading the table; `viewing_person (viewing_id, person_id, rating)` gives each viewing's
ratings (for the films' averages and the widest disagreements) the same way; `viewing
(place)` gives the places without reading every viewing.

Frozen: indexes on the tables as they were at version 6.
"""

from sqlalchemy import Connection, text

VERSION = 8


def upgrade(connection: Connection) -> None:
    connection.execute(text("DROP INDEX ix_viewing_person_person_id"))
    connection.execute(
        text(
            "CREATE INDEX ix_viewing_person_person_id_rating_rewatch "
            "ON viewing_person (person_id, rating, rewatch)"
        )
    )
    connection.execute(
        text(
            "CREATE INDEX ix_viewing_person_viewing_id_person_id_rating "
            "ON viewing_person (viewing_id, person_id, rating)"
        )
    )
    connection.execute(text("CREATE INDEX ix_viewing_place ON viewing (place)"))
