"""Pick Three, Choose One: three nominees nobody in the group has seen; one is chosen.

A film chosen in an earlier round and still on a group member's watchlist is left out. The
three are drawn at random, weighted towards what the group is missing most:

- a winner weighs 2 (the list's landmarks first), any other nominee 1;
- times (1 + 2 × the share of its decade the group has not seen yet), so the decades with
  the biggest gaps come up more often;
- halved for each earlier round in which it was offered and passed over, so the same films
  do not keep coming back;
- and once a film is drawn, the others of its decade weigh a quarter for the rest of the
  round, so the three usually span three decades.

`seed` makes the draw repeatable. The chosen film goes to the top of everyone's watchlist.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from diary.base import clock
from diary.base.errors import InvalidInput, NotFound
from diary.core.checklists.entries import Entry, entries
from diary.core.diary import watchlist
from diary.core.films.lookup import label
from diary.store.models import Checklist, Person, Pick, PickOption, WatchlistEntry

SIZE = 3


@dataclass
class Round:
    pick: Pick
    options: list[Entry]
    proposed_by: Person | None
    chosen_by: Person | None
    chosen: Entry | None = None


def weights(
    candidates: Sequence[Entry], gaps: dict[int | None, float], passed_over: dict[int, int]
) -> list[float]:
    """The weight of each candidate before the draw (see the module's description)."""
    return [
        (2.0 if entry.item.winner else 1.0)
        * (1 + 2 * gaps.get(decade(entry), 1.0))
        * 0.5 ** passed_over.get(entry.film.id or 0, 0)
        for entry in candidates
    ]


def decade(entry: Entry) -> int | None:
    year = entry.item.listed_year or entry.film.year
    return None if year is None else year // 10 * 10


def gaps(everything: Sequence[Entry]) -> dict[int | None, float]:
    """decade -> the share of its entries nobody in the group has seen."""
    counts: dict[int | None, list[int]] = {}
    for entry in everything:
        unseen, total = counts.setdefault(decade(entry), [0, 0])
        counts[decade(entry)] = [unseen + (not entry.seen), total + 1]
    return {key: unseen / total for key, (unseen, total) in counts.items()}


def draw(candidates: Sequence[Entry], base: Sequence[float], rng: random.Random) -> list[Entry]:
    """Up to three distinct entries, weighted; a drawn decade weighs less afterwards."""
    pool = list(zip(candidates, base, strict=True))
    chosen: list[Entry] = []
    while pool and len(chosen) < SIZE:
        index = rng.choices(range(len(pool)), weights=[w for _, w in pool])[0]
        entry = pool.pop(index)[0]
        chosen.append(entry)
        pool = [(e, w * (0.25 if decade(e) == decade(entry) else 1)) for e, w in pool]
    return chosen


def propose(
    session: Session,
    checklist: Checklist,
    group: Sequence[Person],
    proposed_by: Person,
    chosen_by: Person | None,
    seed: int | None = None,
) -> Round:
    """Draw three nominees none of `group` has seen and remember the round."""
    everything = entries(session, checklist, group)
    unseen = [e for e in everything if not e.seen]
    if not unseen:
        raise NotFound(f"there is nothing on {checklist.name} that none of you has seen")
    waiting = _chosen_and_waiting(session, checklist, group)
    distinct = [e for e in {e.film.id: e for e in unseen}.values() if e.film.id not in waiting]
    if not distinct:
        raise NotFound(
            f"every nominee of {checklist.name} none of you has seen is already chosen and "
            "waiting on the watchlist"
        )
    base = weights(distinct, gaps(everything), _passed_over(session, checklist))
    options = draw(distinct, base, random.Random(seed))
    assert checklist.id is not None
    pick = Pick(
        checklist_id=checklist.id,
        proposed_by=proposed_by.id,
        chosen_by=chosen_by.id if chosen_by else None,
        created_at=clock.now(),
    )
    session.add(pick)
    session.flush()
    assert pick.id is not None
    for position, entry in enumerate(options, start=1):
        assert entry.film.id is not None
        session.add(PickOption(pick_id=pick.id, position=position, film_id=entry.film.id))
    session.flush()
    return Round(pick, options, proposed_by, chosen_by)


def _chosen_and_waiting(
    session: Session, checklist: Checklist, group: Sequence[Person]
) -> set[int]:
    """Films chosen in earlier rounds that are still on the watchlist of someone in the group:
    offering them again would be a wasted option (taken off the watchlist, they may return)."""
    rows = session.exec(
        select(Pick.chosen_film_id)
        .join(WatchlistEntry, col(WatchlistEntry.film_id) == col(Pick.chosen_film_id))
        .where(
            Pick.checklist_id == checklist.id,
            col(WatchlistEntry.person_id).in_([p.id for p in group]),
        )
    )
    return {film_id for film_id in rows if film_id is not None}


def _passed_over(session: Session, checklist: Checklist) -> dict[int, int]:
    """film id -> rounds in which it was offered and another film was chosen."""
    rows = session.exec(
        select(PickOption.film_id, func.count())
        .join(Pick, col(Pick.id) == col(PickOption.pick_id))
        .where(
            Pick.checklist_id == checklist.id,
            col(Pick.chosen_film_id).is_not(None),
            col(Pick.chosen_film_id) != col(PickOption.film_id),
        )
        .group_by(col(PickOption.film_id))
    )
    return dict(rows.all())


def choose(session: Session, round_: Round, number: int, group: Sequence[Person]) -> Round:
    """Choose option `number` (1-3): it goes to the top of the group's watchlists."""
    if round_.pick.chosen_film_id is not None:
        raise InvalidInput(f"pick {round_.pick.id} is already decided")
    if not 1 <= number <= len(round_.options):
        raise InvalidInput(f"choose 1 to {len(round_.options)}, not {number}")
    chosen = round_.options[number - 1]
    round_.pick.chosen_film_id = chosen.film.id
    round_.chosen = chosen
    session.add(round_.pick)
    for person in group:
        top = session.exec(
            select(func.max(WatchlistEntry.priority)).where(WatchlistEntry.person_id == person.id)
        ).one()
        note = "Pick Three, Choose One: " + " / ".join(label(e.film) for e in round_.options)
        watchlist.add(session, chosen.film, person, (top or 0) + 1, note)
    session.flush()
    return round_


def open_round(session: Session, checklist: Checklist, pick_id: int | None = None) -> Round:
    """The round waiting for a choice (the latest one), or the numbered round."""
    query = select(Pick).where(Pick.checklist_id == checklist.id)
    if pick_id is not None:
        query = query.where(Pick.id == pick_id)
    else:
        query = query.where(col(Pick.chosen_film_id).is_(None))
    pick = session.exec(query.order_by(col(Pick.id).desc())).first()
    if pick is None:
        if pick_id is not None:
            raise NotFound(f"no pick {pick_id}")
        raise NotFound("no pick is waiting for a choice: start one with `diary bp pick`")
    return _round(session, checklist, pick)


def history(session: Session, checklist: Checklist, limit: int | None = None) -> list[Round]:
    """The rounds, latest first, in a fixed number of queries however many there are."""
    picks = select(Pick).where(Pick.checklist_id == checklist.id).order_by(col(Pick.id).desc())
    if limit:
        picks = picks.limit(limit)
    found = list(session.exec(picks))
    if not found:
        return []
    by_film = {e.film.id: e for e in entries(session, checklist)}
    people = {p.id: p for p in session.exec(select(Person))}
    offered: dict[int, list[int]] = {}
    for pick_id, film_id in session.exec(
        select(PickOption.pick_id, PickOption.film_id)
        .join(Pick, col(Pick.id) == col(PickOption.pick_id))
        .where(
            Pick.checklist_id == checklist.id,
            col(Pick.id) >= found[-1].id,
            col(Pick.id) <= found[0].id,
        )
        .order_by(col(PickOption.pick_id), col(PickOption.position))
    ):
        offered.setdefault(pick_id, []).append(film_id)
    return [_assembled(pick, offered.get(pick.id or 0, []), by_film, people) for pick in found]


def _assembled(
    pick: Pick,
    film_ids: list[int],
    by_film: dict[int | None, Entry],
    people: dict[int | None, Person],
) -> Round:
    options = [by_film[film_id] for film_id in film_ids if film_id in by_film]  # still listed
    chosen = by_film.get(pick.chosen_film_id) if pick.chosen_film_id else None
    return Round(pick, options, people.get(pick.proposed_by), people.get(pick.chosen_by), chosen)


def _round(session: Session, checklist: Checklist, pick: Pick) -> Round:
    by_film = {e.film.id: e for e in entries(session, checklist)}
    film_ids = session.exec(
        select(PickOption.film_id)
        .where(PickOption.pick_id == pick.id)
        .order_by(col(PickOption.position))
    ).all()
    people = {
        p.id: p
        for p in (
            session.get(Person, i) for i in (pick.proposed_by, pick.chosen_by) if i is not None
        )
        if p is not None
    }
    return _assembled(pick, list(film_ids), by_film, people)
