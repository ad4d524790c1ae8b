"""Lets `python -m diary` behave exactly like the `diary` command."""

from diary.cli.main import main

main()
