"""The diary itself: viewings, people, the watchlist, comments, typed dates and ratings."""
