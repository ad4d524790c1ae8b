#!/usr/bin/env bash
# An evening with diary: two hosts, one Best Picture nominee, two ratings, then the diary.
# Uses the default database (or DIARY_DB); safe to run more than once.
set -euo pipefail
diary="${DIARY:-diary}"

$diary people list --json | grep -q '"Ellen"' || $diary people add Ellen --role host
$diary people list --json | grep -q '"Tyler"' || $diary people add Tyler --role host
$diary watchlist add "Rocky" --year 1976 --by Tyler --note "next post"
$diary comment add "Her" --year 2013 --by Tyler "a feature-length what-if about talking to software"
$diary log "Her" --year 2013 --date 2025-01-26 --rating 4.5 --with Tyler=4.5 \
  --where "DVD from the library" --tag best-picture
$diary list --limit 5
