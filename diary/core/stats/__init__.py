"""Figures about the diary: what was watched, when, with whom, how it was rated, and how far
each person is through the Best Picture list. Counted in SQL; Python only shapes the result.
"""

CHART_KINDS = ("viewings-per-month", "ratings", "bp-progress", "bp-decades")
