#!/bin/sh
# Fails when a translation lags behind the sources: a message untranslated
# or fuzzy, a format that does not match (msgfmt --check), a language
# whose Plural-Forms is not its grammar's, a message that counts things
# without ngettext() (check-plurals.py), or a source file with marked
# strings missing from POTFILES.in.
set -eu

SRCROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$SRCROOT"
status=0

for file in $(grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext) ?\(' src --include='*.c' | sort); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "$file marks strings for translation but is not in po/POTFILES.in"
    status=1
  fi
done

# The same extraction as meson's i18n "glib" preset.
xgettext --package-name=kefu --from-code=UTF-8 --add-comments \
  --files-from=po/POTFILES.in --directory="$SRCROOT" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --output="$WORK/kefu.pot"

pos=""
for lang in $(cat po/LINGUAS); do pos="$pos po/$lang.po"; done
# shellcheck disable=SC2086
python3 po/check-plurals.py "$WORK/kefu.pot" $pos || status=1

for lang in $(cat po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$WORK/kefu.pot" -o "$WORK/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$WORK/$lang.po" 2>&1) || {
    echo "po/$lang.po: $stats"; status=1; continue; }
  case "$stats" in
    *untranslated*|*fuzzy*)
      echo "po/$lang.po is behind the sources: $stats"
      echo "  (ninja -C build kefu-pot kefu-update-po, then translate)"
      status=1 ;;
    *) echo "po/$lang.po: $stats" ;;
  esac
done

exit $status
