#!/bin/sh
# Rebuild tests/files/typed/: make the input workbooks with okrxl, then type into them in LibreOffice.
# Needs soffice, Debian's python3-uno and faketime (apt-get install libreoffice-calc-nogui python3-uno faketime).
# Usage: tools/make_corpus.sh [NAME.xlsx ...]   (default: every file)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
# The okrxl of the project's venv (override with OKRXL=/path/to/okrxl), else the one on PATH.
okrxl=${OKRXL:-$here/.venv/bin/okrxl}
[ -x "$okrxl" ] || okrxl=$(command -v okrxl) || { echo "no okrxl: set OKRXL or make $here/.venv" >&2; exit 1; }
inputs=$(mktemp -d)
trap 'rm -rf "$inputs"' EXIT
"$okrxl" init "$inputs/strategy-sv.xlsx" --example dpab >/dev/null
"$okrxl" generate "$inputs/strategy-sv.xlsx" --quarter 2027-Q1 -o "$inputs/sv" >/dev/null
"$okrxl" init "$inputs/strategy-en.xlsx" --example dpab --lang en >/dev/null
"$okrxl" generate "$inputs/strategy-en.xlsx" --quarter 2027-Q1 -o "$inputs/en" >/dev/null
"$okrxl" demo "$inputs/demo" >/dev/null
# The example year, with empty personal workbooks for Marketing's Q4 trial (made from the team's workbook).
for lang in sv en; do
  "$okrxl" demo "$inputs/year-$lang" --year --lang "$lang" --no-pdf >/dev/null
  "$okrxl" generate "$inputs/year-$lang/strategy.xlsx" --quarter 2027-Q4 --personal --force -o "$inputs/year-$lang" >/dev/null
done
/usr/bin/python3 "$here/tools/type_corpus.py" "$inputs" "$here/tests/files/typed" "$@"
