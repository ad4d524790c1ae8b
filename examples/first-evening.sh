#!/usr/bin/env bash
# An evening with diary: two hosts, one Best Picture nominee, two ratings, then the diary.
# Uses the default database (or DIARY_DB / DIARY=…); safe to run again: people and the
# watchlist entry are kept as they are, the comment is rewritten, and the evening is
# logged once more as a rewatch.
set -euo pipefail
diary="${DIARY:-diary}"

people="$($diary people list --json)"
for host in Ellen Tyler; do
  if ! grep -q "\"name\": \"$host\"" <<<"$people"; then
    $diary people add "$host" --role host
  fi
done
$diary watchlist add "Rocky" --year 1976 --by Tyler --note "next post"
$diary comment add "Her" --year 2013 --by Tyler "a feature-length what-if about talking to software"
$diary log "Her" --year 2013 --date 2025-01-26 --rating 4.5 --with Tyler=4.5 \
  --where "DVD from the library" --tag best-picture
$diary list --limit 5
