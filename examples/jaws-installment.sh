#!/usr/bin/env bash
# A complete newsletter installment about Jaws (1975), built only with diary commands, ending
# with the exported Markdown on stdout (messages go to stderr).
#
# Runs on a database of its own, never your diary: the file named as the first argument, else
# a new one in a temporary folder; it says where on stderr, first and last. Safe to run again
# on the same file: people, the Spreadsheet comments and the viewing are added only when
# missing, and post 75 (this example's own post about Jaws) is deleted and rebuilt.
# `DIARY="python -m diary"` runs it from a checkout.
set -euo pipefail
db="${1:-$(mktemp -d "${TMPDIR:-/tmp}/diary-example.XXXXXX")/diary.db}"
export DIARY_DB="$db"  # this script only: your own DIARY_DB is left as it was
diary="${DIARY:-diary}"
post=75
echo "Example diary: $db" >&2

# Whether stdin holds the text; reads all of it, so the writer never sees a closed pipe.
has() { grep -F -e "$1" >/dev/null; }

# Who writes: two hosts and a dog with a column.
for host in Ellen Tyler; do
  $diary people list --json | has "\"name\": \"$host\"" || $diary people add "$host" --role host
done
$diary people list --json | has '"name": "Waffles"' || $diary people add Waffles --role pet

# What the Spreadsheet already says, the evening itself, and what comes next.
$diary comment add "Jaws" --year 1975 --by Ellen "the summer movie every summer movie copies"
$diary comment add "Jaws" --year 1975 --by Tyler "three men, one boat, zero chill"
$diary list --film "Jaws (1975)" --json | has '"date": "2025-01-26"' ||
  $diary log "Jaws" --year 1975 --date 2025-01-26 --rating 4.5 --with Tyler=5 \
    --where "a borrowed projector and a bedsheet" --tag best-picture
$diary watchlist add "One Flew Over the Cuckoo's Nest" --year 1975 --by Tyler --priority 9 \
  --note "beat Jaws for Best Picture"

# This example's own post: start again from a clean draft.
if $diary post show "$post" --json 2>/dev/null | has '"title": "Jaws"'; then
  $diary post delete "$post" --yes
elif $diary post show "$post" --json >/dev/null 2>&1; then
  echo "post $post exists and is not this example's; leaving it alone" >&2
  exit 1
fi
$diary post new "Jaws (1975)" --number "$post"
$diary post set "$post" --subtitle "Nobody goes in the water until this post is finished"

# Previews: the Spreadsheet comments are already there; one more line each.
$diary post say "$post" previews --by Ellen \
  "I knew the music before I knew the movie. Two notes, and my feet leave the floor."
$diary post say "$post" previews --by Tyler \
  "I had seen it once, at a sleepover, through my fingers. Time to watch with my eyes open."

# Plots & Feelings: a one-line version, then the long one with our remarks.
$diary post write "$post" plots --short \
  "A beach town's new police chief, a shark scientist and a salty fisherman go hunting for the shark eating the tourists." \
  --source "us, in one breath"
mayor=$($diary post footnote "$post" "Every disaster film since has a version of this mayor.")
$diary post write "$post" plots \
  "On Amity Island, a late-night swim ends very badly. Chief Martin Brody, new in town and scared of the water, wants the beaches closed."
$diary post say "$post" plots --by Ellen "The opening is two minutes long and I held my breath for all of them."
$diary post write "$post" plots --append \
  "The mayor wants the beaches open: it is nearly the Fourth of July, and summer money is summer money.${mayor} A boy dies on a crowded beach, a bounty goes up, and every fisherman on the coast heads out with dynamite and hope."
$diary post say "$post" plots --by Tyler "The dolly zoom on Brody's face at the beach is the best shot in the movie. Fight me."
$diary post write "$post" plots --append \
  "Brody, the oceanographer Matt Hooper and the shark hunter Quint take the boat Orca out to sea. Scars are compared, songs are sung, and the shark proves much bigger than anyone's plan."
$diary post say "$post" plots --by Ellen --by Tyler "We both yelled at the same moment. You know the one."

# Intermission: a word from a sponsor we made up.
$diary post write "$post" intermission "This installment is brought to you by the Amity Island Board of Tourism!

Sun! Sand! A strictly regulated number of swimmers! Our beaches are open, our waters are calm, and our mayor has never once been wrong about anything.

(Fins not included. Terms and conditions apply. The management accepts no responsibility for anything larger than a breadbox.)"

# Wiki-Wiki-Whaaat?: facts, in our own words, with remarks.
bruce=$($diary post footnote "$post" "The name stuck: later films and books about the production use it too.")
$diary post fact "$post" "The mechanical shark kept failing in the salt water off Martha's Vineyard, so the film shows it far less than planned. Most agree it is scarier that way."
$diary post say "$post" wiki --by Tyler "The best special effect is a yellow barrel."
$diary post fact "$post" "The crew named the mechanical shark Bruce.${bruce}"
$diary post fact "$post" "It won three Academy Awards (Film Editing, Original Score and Sound) and was nominated for Best Picture, which went to One Flew Over the Cuckoo's Nest."
$diary post say "$post" wiki --by Ellen "Verna Fields won for the editing, and you can feel every cut."

# Oscar NomNomNomz.
$diary post award "$post" --theme "Oscar NomNomNomz" \
  --category "Best Snacktor in a Supporting Role" \
  --nominee "The pot roast two locals lower off the pier on a chain" \
  --nominee "The bucket of chum Brody ladles off the stern, complaining" \
  --nominee "Quint's can of beer, crushed one-handed" \
  --winner 1 \
  --note "The pot roast could not attend, having left in a hurry. The pier accepts on its behalf."

# Fill In The Blank.
$diary post say "$post" blank --by Ellen \
  "Absolutely yes. It is a monster movie, a small-town satire and a buddy picture, and it never once feels like it is changing gears."
$diary post say "$post" blank --by Tyler \
  "Yes, and it should have won. Sorry, Cuckoo's Nest. We will talk about it next time."

# Post-Credits Scene: the teaser is pre-filled from the watchlist; add a line of our own.
$diary post write "$post" next --append "Bring tissues. We hear it does not end at the beach."

# The dog's corner.
$diary post write "$post" pet "Hello, it is me, Waffles. The humans watched a film about a very large fish that nobody could catch. I do not see the problem. I would simply have barked at it.

Also someone dropped a crisp during the boat part. I caught it. You are welcome."

$diary post set "$post" --status ready --publish-on 2025-02-04
$diary post status "$post" >&2
$diary post export "$post"
echo "Example diary: $db (see it with: diary --db $db list)" >&2
