"""Newsletter posts: formats, drafts, pieces, awards, status."""
