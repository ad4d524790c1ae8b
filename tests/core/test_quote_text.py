"""How a critic's review reads when quoted in a post."""

from diary.core.posts.quotes import quote_of
from diary.store.models import FilmReview


def review(**fields: object) -> FilmReview:
    return FilmReview(film_id=1, source="Metacritic", digest="d", **fields)


def test_a_quote_names_the_critic_the_outlet_and_the_score() -> None:
    quoted = quote_of(
        review(excerpt="  Damp,\n handsome. ", critic="Ben", publication="Reel", score=60)
    )
    assert quoted == "“Damp, handsome.” — Ben, Reel (60/100)"


def test_a_quote_leaves_out_what_is_not_known() -> None:
    assert quote_of(review(title="A headline")) == "“A headline”"
    assert quote_of(review(excerpt="Fine.", publication="Post")) == "“Fine.” — Post"
    assert quote_of(review(critic="Ben", score=40)) is None  # nothing to quote
