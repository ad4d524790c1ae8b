"""The command line: one small Typer module per command group."""
