"""diary: a local movie diary, watchlist and newsletter drafter for the terminal."""

__version__ = "0.1.0"
