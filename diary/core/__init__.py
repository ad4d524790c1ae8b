"""The domain: pure functions and services that take a Session."""
