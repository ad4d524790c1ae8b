"""The ground floor: errors, the clock, how titles and text compare. Imports nothing of ours."""
