#!/bin/sh
# `meson install` puts everything in place: installs into a temporary
# DESTDIR, checks each file a desktop needs, then runs the installed
# kefu-cli on the women's-wear sample: it imports and scores the worked
# example of the metrics specification (A and C 77.5, B 74), in English
# and, through the installed translations, in Chinese; and it reads an
# .xls through the installed kefu-xls-reader.
#
#   check-install.sh BUILD_ROOT SOURCE_ROOT PREFIX LIBEXECDIR
set -eu

BUILD=$1
SOURCE=$2
PREFIX=$3
LIBEXECDIR=$4
DEST=$(mktemp -d)
trap 'rm -rf "$DEST"' EXIT
status=0

fail() {
  echo "not ok: $*"
  status=1
}

meson install -C "$BUILD" --no-rebuild --quiet --destdir "$DEST" >"$DEST/install.log" 2>&1 || {
  cat "$DEST/install.log"
  fail "meson install failed"
  exit 1
}

ROOT=$DEST$PREFIX
# The installed kefu-cli looks for kefu-xls-reader in PREFIX/LIBEXECDIR,
# which is under DEST here.
case $LIBEXECDIR in
  /*) export KEFU_LIBEXECDIR="$DEST$LIBEXECDIR" ;;
  *) export KEFU_LIBEXECDIR="$ROOT/$LIBEXECDIR" ;;
esac
for file in \
  bin/kefu \
  bin/kefu-cli \
  share/applications/org.kefu.Kefu.desktop \
  share/metainfo/org.kefu.Kefu.metainfo.xml \
  share/glib-2.0/schemas/org.kefu.Kefu.gschema.xml \
  share/icons/hicolor/scalable/apps/org.kefu.Kefu.svg \
  share/icons/hicolor/symbolic/apps/org.kefu.Kefu-symbolic.svg \
  share/kefu/help/C/index.html \
  share/kefu/help/zh_CN/index.html
do
  [ -s "$ROOT/$file" ] && echo "ok: $file" || fail "$file is not installed"
done
for lang in $(cat "$SOURCE/po/LINGUAS"); do
  file=share/locale/$lang/LC_MESSAGES/kefu.mo
  [ -s "$ROOT/$file" ] && echo "ok: $file" || fail "$file is not installed"
done
for file in bin/kefu bin/kefu-cli; do
  [ -x "$ROOT/$file" ] || fail "$file is not executable"
done
[ -x "$KEFU_LIBEXECDIR/kefu-xls-reader" ] && echo "ok: $LIBEXECDIR/kefu-xls-reader" \
  || fail "$LIBEXECDIR/kefu-xls-reader is not installed"

CLI=$ROOT/bin/kefu-cli
DB=$DEST/kefu.db
SAMPLE=$SOURCE/data/samples/womenswear-30d.csv

# Profiles and schemes are compiled in: the installed binary has them.
"$CLI" profiles | grep -q '^pdd-agent-performance' || fail "kefu-cli profiles lacks pdd-agent-performance"
"$CLI" scheme list | grep -q '^womenswear-composite' || fail "kefu-cli scheme list lacks womenswear-composite"

rc=0
"$CLI" --db "$DB" import "$SAMPLE" >"$DEST/import.txt" 2>&1 || rc=$?
if [ $rc -eq 0 ] && grep -q '3 rows imported, 0 skipped' "$DEST/import.txt"; then
  echo "ok: the sample imports"
else
  cat "$DEST/import.txt"
  fail "kefu-cli import exited $rc without importing the sample's 3 rows"
fi

"$CLI" --db "$DB" score --scheme womenswear-composite --from 2026-10-01 --to 2026-10-30 \
  --format csv >"$DEST/score.csv" || fail "kefu-cli score failed"
# agent,rank,total: A and C tie for first at 77.5, B is third at 74.
for row in 'A,1,77.5,' 'C,1,77.5,' 'B,3,74,'; do
  grep -q "^$row" "$DEST/score.csv" && echo "ok: scored $row" || fail "no row $row in the scores"
done

# Pinduoduo's 客服_销售数据, an .xls, through the installed kefu-xls-reader.
rc=0
"$CLI" --db "$DEST/xls.db" import "$SOURCE/tests/data/客服_销售数据.xlsx" >"$DEST/xls.txt" 2>&1 || rc=$?
if [ $rc -eq 0 ] && grep -q '3 rows imported, 0 skipped' "$DEST/xls.txt"; then
  echo "ok: the .xls sample imports"
else
  cat "$DEST/xls.txt"
  fail "kefu-cli import exited $rc without importing the .xls sample's 3 rows"
fi

# The installed translations are found where they were installed.
LANGUAGE=zh_CN KEFU_LOCALEDIR=$ROOT/share/locale "$CLI" --db "$DB" score \
  --scheme womenswear-composite --from 2026-10-01 --to 2026-10-30 >"$DEST/score-zh.txt" \
  || fail "kefu-cli score in Chinese failed"
grep -q '排名' "$DEST/score-zh.txt" && echo "ok: scores in Chinese" || fail "the Chinese translation is not used"

exit $status
