#!/usr/bin/env bash
# A whole installment about Casablanca (1942) written as one document: a new post, one
# `diary post edit` with the sections of examples/casablanca-installment.txt, then the
# exported Markdown on stdout (messages go to stderr).
#
# Runs on its own database in a temporary folder unless DIARY_DB is set, so a real diary is
# never touched. `DIARY="python -m diary"` runs it from a checkout.
set -euo pipefail
diary="${DIARY:-diary}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DIARY_DB="${DIARY_DB:-$work/diary.db}"
echo "Using the diary at $DIARY_DB" >&2

has() { grep -F -e "$1" >/dev/null; }
for host in Ellen Tyler; do
  $diary people list --json | has "\"name\": \"$host\"" || $diary people add "$host" --role host
done
$diary people list --json | has '"name": "Waffles"' || $diary people add Waffles --role pet

# The editor: keep the post's own fields at the top of what diary opens, and put every
# section of the example document below them, as a person typing would.
cat >"$work/editor.sh" <<'EDITOR'
#!/usr/bin/env bash
set -euo pipefail
{ sed -n '/^=== /q;p' "$1"; sed '/^#/d' "$SECTIONS"; } >"$1.new"
mv "$1.new" "$1"
EDITOR
chmod +x "$work/editor.sh"

$diary post list --json | has '"number": 76' && $diary post delete 76 --yes
$diary post new "Casablanca" --number 76
SECTIONS="$here/casablanca-installment.txt" VISUAL="$work/editor.sh" $diary post edit 76
$diary post export 76
