#!/usr/bin/env bash
# test-po.sh: the translation template and catalogues are complete and valid
# Copyright 2026 The Entente authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-po.sh SOURCE_ROOT
#
# 1. Every source, .ui and data file with translatable text is listed in
#    po/POTFILES.in, every listed file exists, and the list is sorted; text
#    in .ui files is marked translatable.
# 2. A template freshly extracted with xgettext (the arguments of meson's
#    i18n "glib" preset) has no message missing from, untranslated in or fuzzy
#    in any catalogue of po/LINGUAS, beyond the ALLOWED list below.
# 3. Each catalogue passes `msgfmt --check` and has no untranslated or fuzzy
#    entries of its own.
# Prints TAP.

set -u

src=$(cd "${1:?usage: test-po.sh SOURCE_ROOT}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-po.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8

# Messages allowed to be absent from the catalogues (msgid, one per line).
# Keep this empty: it is a stopgap for a string added just before a release.
ALLOWED=''

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { # not_ok NAME [DETAIL...]: each detail may hold several lines
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift
  for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done
}

echo "TAP version 13"

cd "$src" || exit 1
listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in)

# 1. POTFILES.in is complete, exists and is sorted.
candidates=$( { grep -rlE --include='*.c' --include='*.h' \
                  '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|g_dpgettext2|g_dcgettext|ngettext)[[:space:]]*\(' src;
                grep -rl --include='*.ui' 'translatable="yes"' ui src 2>/dev/null;
                ls data/*.desktop.in.in data/*.metainfo.xml.in.in data/*.gschema.xml \
                   data/*.mime.xml 2>/dev/null; } | sort -u)
missing=$(comm -23 <(echo "$candidates") <(echo "$listed" | sort -u) | sed '/^$/d')
if [ -z "$missing" ]; then
  ok "every file with translatable text is in POTFILES.in"
else
  not_ok "files with translatable text missing from POTFILES.in" $missing
fi
absent=$(for f in $listed; do [ -f "$f" ] || echo "$f"; done)
if [ -z "$absent" ]; then ok "every file in POTFILES.in exists"; else not_ok "POTFILES.in lists missing files" $absent; fi
if [ "$listed" = "$(echo "$listed" | LC_ALL=C sort)" ]; then
  ok "POTFILES.in is sorted"
else
  not_ok "POTFILES.in is not sorted"
fi

# User-visible text in .ui files is marked translatable (font names excepted).
unmarked=$(grep -nE '<(property|attribute) name="(label|title|subtitle|tooltip-text|tooltip-markup|placeholder-text|text|description)"[^>]*>[^<]*[A-Za-z]{2}' \
             $(find ui -name '*.ui' | LC_ALL=C sort) /dev/null \
           | grep -v 'translatable="yes"' | grep -vE '>(Sans|Serif|Monospace)<' || true)
unmarked_items=$(grep -nE '<item( [^>]*)?>[^<]*[A-Za-z]{2}' $(find ui -name '*.ui') /dev/null \
                 | grep -v 'translatable="yes"' || true)
if [ -z "$unmarked$unmarked_items" ]; then
  ok "user-visible text in .ui files is translatable"
else
  not_ok "user-visible text in .ui files is not marked translatable" "$unmarked" "$unmarked_items"
fi

# 2. A fresh template, extracted as meson's i18n 'glib' preset does.
if ! xgettext --package-name=entente -D "$src" -k_ -o "$tmp/entente.pot" \
       --files-from=po/POTFILES.in \
       --from-code=UTF-8 --add-comments \
       --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
       --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
       --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
       --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
       --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
       --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
       --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
       --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
       --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
       >"$tmp/xgettext.log" 2>&1; then
  not_ok "xgettext extracts the template" "$(cat "$tmp/xgettext.log")"
  echo "1..$n"; exit 1
fi
ok "xgettext extracts the template ($(grep -c '^msgid ' "$tmp/entente.pot") messages)"

# Plural messages need ngettext, not a "(s)" in the msgid.
bad_plural=$(msgcat --no-wrap "$tmp/entente.pot" | grep -E '^msgid ".*[a-z]\(s\)' || true)
if [ -z "$bad_plural" ]; then ok "no \"(s)\" pseudo-plurals"; else not_ok "use ngettext for" "$bad_plural"; fi

langs=$(sed -e 's/#.*//' po/LINGUAS)
[ -n "$langs" ] || not_ok "po/LINGUAS lists no language"
for lang in $langs; do
  po=po/$lang.po
  if [ ! -f "$po" ]; then not_ok "$lang: $po exists"; continue; fi

  # 3. The catalogue itself.
  if msgfmt --check --check-accelerators=_ -o /dev/null "$po" >"$tmp/check.log" 2>&1; then
    ok "$lang: msgfmt --check"
  else
    not_ok "$lang: msgfmt --check" "$(head -20 "$tmp/check.log")"
  fi
  own=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep -c '^msgid ' || true)
  untr=$(msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep -c '^msgid ' || true)
  # The header counts as one msgid "" in each output that is not empty.
  own=$(( own > 0 ? own - 1 : 0 )); untr=$(( untr > 0 ? untr - 1 : 0 ))
  if [ "$own" -eq 0 ] && [ "$untr" -eq 0 ]; then
    ok "$lang: no fuzzy or untranslated entries"
  else
    not_ok "$lang: $own fuzzy and $untr untranslated entries"
  fi

  # 2. Against the fresh template: merge (no fuzzy matching) and list what
  # the catalogue lacks.
  msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$tmp/$lang.po" "$po" "$tmp/entente.pot" \
    2>"$tmp/merge.log"
  lacking=$(msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" | \
              grep -E '^msgid ' | sed -e 's/^msgid "//' -e 's/"$//' | sed '/^$/d')
  if [ -n "$ALLOWED" ]; then
    lacking=$(echo "$lacking" | grep -v -x -F -f <(echo "$ALLOWED") || true)
  fi
  if [ -z "$lacking" ]; then
    ok "$lang: every message of the sources is translated"
  else
    count=$(echo "$lacking" | wc -l)
    not_ok "$lang: $count messages of the sources are not translated" \
      "$(echo "$lacking" | head -15)"
  fi
done

# Russian needs its three plural forms in every plural message.
if [ -f po/ru.po ]; then
  if grep -q '^"Plural-Forms: nplurals=3;' po/ru.po \
     && ! msgcat --no-wrap po/ru.po | awk '
          /^msgid_plural/ { p = 1; k = 0; next }
          p && /^msgstr\[/ { k++; next }
          p && !/^msgstr\[/ && !/^"/ { if (k != 3) bad = 1; p = 0 }
          END { if (p && k != 3) bad = 1; exit !bad }'; then
    ok "ru: three plural forms"
  else
    not_ok "ru: three plural forms in the header and every plural message"
  fi
fi

echo "1..$n"
[ "$failed" -eq 0 ]
