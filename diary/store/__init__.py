"""Storage: tables, the engine and its connect hook, migrations and backups."""
