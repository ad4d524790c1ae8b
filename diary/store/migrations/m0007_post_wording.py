"""Schema 7: a post's own wording: per-section label overrides and the long plot's source.

`post_section.labels` holds the labels (a plot's "short"/"via"/"long", an award's
"category"/"nominees"/"winner"…) this post words its own way, as a JSON object; the
format's labels fill in the rest. `post_section.long_source` names where a plot's long
version comes from, like `source` does for the short one.

Frozen: two columns added to the table as it was at version 3.
"""

from sqlalchemy import Connection, text

VERSION = 7


def upgrade(connection: Connection) -> None:
    connection.execute(text("ALTER TABLE post_section ADD COLUMN labels VARCHAR"))
    connection.execute(text("ALTER TABLE post_section ADD COLUMN long_source VARCHAR"))
