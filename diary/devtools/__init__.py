"""Tools for working on diary itself (documentation generation)."""
