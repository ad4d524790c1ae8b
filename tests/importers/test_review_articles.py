"""Review articles saved from real sites: the article's own title, the film, critic, date,
rating and body, without the site's navigation, comments, cookie notices or advertising."""

from datetime import date
from pathlib import Path

import pytest

from diary.core.films.findings import Findings, NotAPage, Review
from diary.importers import review_text, review_titles
from diary.importers.pages import read_page, recognise
from diary.importers.review_ratings import rating_score

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"

CHROME = (
    "Advertisement",
    "Skip to",
    "Subscribe",
    "Sign in",
    "cookie",
    "Accept",
    "Share this",
    "Facebook",
    "Comments",
    "Leave a Reply",
    "Recent Posts",
    "All rights reserved",
    "newsletter",
    "50% off",
    "Related",
    "Home",
    "Menu",
)


def read(name: str) -> tuple[Findings, Review]:
    page = read_page(str(PAGES / name)).findings
    assert (page.kind, page.source) == ("review", "article")
    (review,) = page.reviews
    return page, review


def assert_no_chrome(text: str | None) -> None:
    assert text is not None
    for chrome in CHROME:
        assert chrome not in text, chrome


def test_newspaper_text_with_a_glued_navigation_bar_and_reader_comments() -> None:
    page, review = read("review-newspaper.txt")
    assert review.title == "Movie review: Harbour Lights"  # not the menu glued into one word
    assert (page.title, page.year) == ("Harbour Lights", None)  # not "Movie"
    assert (review.critic, review.publication) == ("Grace Whitlow", None)
    assert review.published_on == date(2014, 2, 16)  # "Updated on February 16, 2014 at 6:05 PM"
    assert review.score == 70  # ★★★½
    assert review.text is not None and review.text.count("\n\n") == 3
    assert review.text.startswith("Harbour Lights opens on a ferry")
    assert review.text.endswith("Running time: 104 minutes.")
    assert_no_chrome(review.text)
    assert "quayfan" not in review.text and "ticket" not in review.text  # reader comments


def test_site_text_with_a_date_a_posted_by_line_and_a_verdict() -> None:
    page, review = read("review-site.txt")
    assert review.title == "Review: Tin Bell Road"
    assert page.title == "Tin Bell Road"
    assert review.critic == "Ravi Anand"  # "May 3, 2024 · Posted by Ravi Anand · 4 min read"
    assert review.publication is None
    assert review.published_on == date(2024, 5, 3)
    assert review.score == 80  # "Verdict: 8/10"
    assert review.text is not None and "Sam K." not in review.text
    assert "cinematography is great" not in review.text
    assert_no_chrome(review.text)


def test_blog_html_with_comments_cookie_bar_adverts_and_a_sidebar() -> None:
    page, review = read("review-blog.html")
    assert review.title == "Movie Review: The Salt Orchard, Directed by Sunniva Kalu"
    assert (page.title, page.year) == ("The Salt Orchard", None)
    assert review.critic == "Jonah Pike"
    assert review.publication == "Boom Goes the Reel"  # the site's name after the title's bar
    assert review.published_on == date(2019, 10, 2)
    assert review.score == 60  # "I give it 3 booms out of 5."
    assert review.url == "https://boomgoesthereel.example.com/2019/10/02/the-salt-orchard/"
    assert review.text is not None and review.text.count("\n\n") == 3
    assert review.text.startswith("The Salt Orchard is the kind of film")
    assert "Marta" not in review.text and "my brother" not in review.text  # comments
    assert_no_chrome(review.text)


def test_magazine_html_with_a_letter_grade_beside_the_text() -> None:
    page, review = read("review-magazine.html")
    assert review.title == "Tin Bell Road review – dust, brass and a very good horse"
    assert page.title == "Tin Bell Road"
    assert (review.critic, review.publication) == ("Corin Abara", "Plainsong Magazine")
    assert review.published_on == date(2024, 5, 3)  # published, not modified
    assert review.score == 83  # B+
    assert review.text is not None and review.text.startswith("Westerns about the end")
    assert "Harbour Lights review" not in review.text  # the related link inside the article
    assert_no_chrome(review.text)


@pytest.mark.parametrize(
    ("title", "film"),
    [
        ("Movie review: Her", "Her"),
        ("Movie Review: Her, Directed by Spike Jonze", "Her"),
        ("Her review", "Her"),
        ("Review: Her", "Her"),
        ("Film review: ‘Her’", "Her"),
        ("'Her' review: a love story with an operating system", "Her"),
        ("Her review – Joaquin Phoenix falls for his computer", "Her"),
        ("Her (2013) review", "Her (2013)"),
        ("REVIEW | Crazy, Stupid, Love", "Crazy, Stupid, Love"),
        ("Review: ‘Her,’ a Love Story With an Operating System", "Her"),
        ("‘Ender’s Game’ review: a war of children", "Ender’s Game"),
        ("Her – Movie Review", "Her"),
        ("Your Highness (Film review)", "Your Highness"),
        ("MOVIE REVIEW: American Hustle", "American Hustle"),
        ("MOVIE REVIEW: Her (2013), One of the Best Films in Years", "Her (2013)"),
        ("Her ★★★½", "Her"),
        ("Movie review", None),
        ("Thoughts on the weekend", None),
    ],
)
def test_the_film_from_the_title(title: str, film: str | None) -> None:
    assert review_titles.film_in_title(title) == film


def test_a_title_with_a_year_gives_the_year() -> None:
    body = (
        "The film is patient and strange. Its cast is small, and every scene is allowed to "
        "run as long as it needs, which is longer than most directors would dare these days.\n"
    )
    page = recognise(f"Her (2013) review\nBy Jo Bell\n\n{body}".encode(), "her.txt")
    assert (page.title, page.year) == ("Her", 2013)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("3 booms out of 5", 60),
        ("★★★½", 70),
        ("B+", 83),
        ("A−", 91),
        ("F", 0),
        ("8/10", 80),
        ("three and a half stars out of five", 70),
        ("3.5 out of 4", 88),
        ("9/11", None),
        ("5 stars", 100),
        ("2 out of 5 booms", 40),
        ("four and a half stars", 90),
        ("6 out of 7", None),
    ],
)
def test_ratings_in_their_many_forms(text: str, score: int | None) -> None:
    assert rating_score(text) == score


@pytest.mark.parametrize(
    ("line", "dates"),
    [
        ("Updated on February 16, 2014 at 6:05 PM", [(True, "February 16, 2014")]),
        ("Dec 18, 2013", [(False, "Dec 18, 2013")]),
        (
            "Published Feb 14, 2014 · Updated Feb 16, 2014",
            [(False, "Feb 14, 2014"), (True, "Feb 16, 2014")],
        ),
    ],
)
def test_dates_on_a_header_line(line: str, dates: list[tuple[bool, str]]) -> None:
    assert review_text.dates_in(line) == dates


def test_the_published_date_wins_over_the_updated_one() -> None:
    text = (
        "Review: Her\nBy Jo Bell\nPublished Feb 14, 2014 · Updated Feb 16, 2014\n\n"
        "The film is patient and strange. Its cast is small, and every scene is allowed to "
        "run as long as it needs, which is longer than most directors would dare these days.\n"
    )
    assert recognise(text.encode(), "her.txt").reviews[0].published_on == date(2014, 2, 14)


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("HomeNewsSportsMoviesOpinion", True),
        ("Entertainment › Movies", True),
        ("Subscribe | Sign in | e-Edition", True),
        ("Skip to main content", True),
        ("This review may contain spoilers.", True),
        ("Related Film", True),
        ("ADVERTISEMENT", True),
        ("We use cookies to improve your experience on our site.", True),
        ("Her review | The Courier", False),
        ("By Jo Bell | The Courier", False),
        ("The Lantern Keeper", False),
        ("It was a quiet, good film.", False),
    ],
)
def test_lines_of_site_chrome(line: str, chrome: bool) -> None:
    assert review_text.is_chrome(line) is chrome


@pytest.mark.parametrize(
    ("line", "critic"),
    [
        ("By Grace Whitlow", "Grace Whitlow"),
        ("by: Grace Whitlow", "Grace Whitlow"),
        ("Posted on May 3, 2024 by Ravi Anand · 4 min read", "Ravi Anand"),
        ("Grace Whitlow December 18, 2013", "Grace Whitlow"),
        ("Thu 13 Feb 2014 21.30 GMT", None),
        ("Now streaming on", None),
    ],
)
def test_the_critic_on_a_header_line(line: str, critic: str | None) -> None:
    assert review_text.critic_in(line) == critic


def test_a_day_month_year_date_and_a_star_line() -> None:
    text = (
        "Her review – a love story for the wifi age\nJo Bell\nThu 13 Feb 2014 21.30 GMT\n"
        "★★★★☆\n\nThe film is patient and strange. Its cast is small, and every scene is "
        "allowed to run as long as it needs, which is longer than most directors would dare.\n"
    )
    page = recognise(text.encode(), "her.txt")
    (review,) = page.reviews
    assert page.title == "Her"
    assert (review.published_on, review.score) == (date(2014, 2, 13), 80)


@pytest.mark.parametrize(
    "comments",
    [
        "12 Comments",
        "Comments (2)",
        "Leave a Reply",
        "3 thoughts on “Review: Her”",
        "Comments",
        "Add a comment",
    ],
)
def test_text_after_the_comments_heading_is_dropped(comments: str) -> None:
    text = (
        "Review: Her\nOutlet: The Courier\n2014-02-13\nScore: 4/5\n\n"
        "The film is patient and strange. Its cast is small, and every scene is allowed to "
        "run as long as it needs, which is longer than most directors would dare.\n\n"
        f"{comments}\n\nGreat movie, the cast and the director were amazing in every scene. "
        "Loved it.\n"
    )
    (review,) = recognise(text.encode(), "her.txt").reviews
    assert review.publication == "The Courier"
    assert (review.published_on, review.score) == (date(2014, 2, 13), 80)
    assert review.text is not None and review.text.startswith("The film is patient")
    assert "Great movie" not in review.text and comments not in review.text


def test_a_review_page_titled_with_the_film_and_its_stars() -> None:
    text = (
        "Her ★★★½\n\nThis review may contain spoilers.\n\n"
        "The film is patient and strange. Its cast is small, and every scene is allowed to "
        "run as long as it needs, which is longer than most directors would dare.\n\n"
        "5 likes\n"
    )
    page = recognise(text.encode(), "her.txt")
    (review,) = page.reviews
    assert (page.title, review.score) == ("Her", 70)
    assert review.text is not None and "spoilers" not in review.text


def test_a_blog_review_with_a_grade_and_a_credits_block() -> None:
    text = (
        "Her – Movie Review\nby: Jo Bell\n\n"
        "The film is patient and strange. Its cast is small, and every scene is allowed to "
        "run as long as it needs, which is longer than most directors would dare.\n\n"
        "Grade: A-\n\nShare Button\n"
    )
    page = recognise(text.encode(), "her.txt")
    (review,) = page.reviews
    assert (page.title, review.critic, review.score) == ("Her", "Jo Bell", 91)
    assert review.text is not None and "Share" not in review.text


def test_a_review_of_a_movie_needs_no_film_words() -> None:
    prose = (
        "<p>Nobody in Quay says what they mean. The harbour does the talking, and the tide "
        "keeps its own counsel until the very last minute of the night.</p>"
    )
    html = (
        '<html><head><script type="application/ld+json">{"@type": "Review", "itemReviewed": '
        '{"@type": "Movie", "name": "Quay", "dateCreated": "2001"}}</script></head>'
        f"<body><article><h1>Quiet waters</h1>{prose}</article></body></html>"
    )
    page = recognise(html.encode(), "quay.html")
    assert (page.kind, page.title, page.year) == ("review", "Quay", 2001)
    plain = html.replace('"Review"', '"WebPage"')
    with pytest.raises(NotAPage, match="not a page diary understands"):
        recognise(plain.encode(), "quay.html")


def test_html_marked_published_date_wins_over_an_update_shown_first() -> None:
    body = "".join(
        f"<p>The film is patient and strange, part {n}. Its cast is small, and every scene "
        "is allowed to run as long as it needs, which is longer than most directors dare.</p>"
        for n in range(3)
    )
    html = (
        "<html><head><title>Review: Quay</title></head><body><article><h1>Review: Quay</h1>"
        '<p class="meta">Updated <time class="updated" datetime="2020-03-05">March 5, 2020'
        '</time> · First published <time class="entry-date published" datetime="2020-03-01">'
        f"March 1, 2020</time></p>{body}</article></body></html>"
    )
    (review,) = recognise(html.encode(), "quay.html").reviews
    assert review.published_on == date(2020, 3, 1)


def test_a_critic_named_on_the_line_before_the_date() -> None:
    text = (
        "Her\nJo Bell\nDecember 18, 2013\n★★★★\n\n"
        "The film is patient and strange. Its cast is small, and every scene is allowed to "
        "run as long as it needs, which is longer than most directors would dare.\n\n"
        "Rating: R for language and sexual content.\n"
    )
    (review,) = recognise(text.encode(), "her.txt").reviews
    assert (review.critic, review.published_on) == ("Jo Bell", date(2013, 12, 18))
    assert review.score == 80  # the stars, not the film's "Rating: R"


def test_html_comments_the_extractor_keeps_are_cut_at_their_heading() -> None:
    body = "".join(
        f"<p>The film is patient and strange, part {n}. Its cast is small, and every scene "
        "is allowed to run as long as it needs, which is longer than most directors dare.</p>"
        for n in range(3)
    )
    talk = "".join(
        f"<div class='thread-item'><p>reader{n} wrote: I saw the movie last night and the cast "
        "was great, the director should be proud of every scene in it. Loved it.</p></div>"
        for n in range(3)
    )
    html = (
        "<html><head><title>Review: Quay</title></head><body><article><h1>Review: Quay</h1>"
        f"{body}<h3>3 Comments</h3>{talk}</article></body></html>"
    )
    (review,) = recognise(html.encode(), "quay.html").reviews
    assert review.title == "Review: Quay"
    assert review.text is not None and review.text.count("\n\n") == 2
    assert review.text.startswith("The film is patient and strange, part 0.")
    assert "reader" not in review.text and "Comments" not in review.text


def test_an_f_is_a_rating_of_zero() -> None:
    text = (
        "Review: Quay\nBy Jo Bell\nGrade: F\n\n"
        "The film is patient and strange. Its cast is small, and every scene is allowed to "
        "run as long as it needs, which is longer than most directors would dare.\n"
    )
    assert recognise(text.encode(), "quay.txt").reviews[0].score == 0
    html = (
        '<html><head><meta property="og:type" content="article"></head><body><article>'
        '<h1>Review: Quay</h1><span class="grade">F</span><p>The film is patient and strange. '
        "Its cast is small, and every scene runs as long as it needs, longer than most "
        "directors dare.</p></article></body></html>"
    )
    assert recognise(html.encode(), "quay.html").reviews[0].score == 0
