#!/bin/sh
# test-export-files.sh: exported figures checked with the tools readers use
# Copyright 2026 The Entente authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-export-files.sh SRCDIR (ENTENTE_BINARY names the program).
# TAP output. Needs xmllint (libxml2-utils), rsvg-convert (librsvg2-bin),
# pdfinfo (poppler-utils) and identify (imagemagick); a missing tool skips
# its checks.

set -u
srcdir=${1:?usage: test-export-files.sh SRCDIR}
entente=${ENTENTE_BINARY:?ENTENTE_BINARY is not set}
rng="$srcdir/tests/data/entente-svg.rng"
input="$srcdir/tests/data/figures-europe.entente"
work=$(mktemp -d "${TMPDIR:-/tmp}/entente-files-XXXXXX")
trap 'rm -rf "$work"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { desc=$1; shift; if "$@" >"$work/log" 2>&1; then ok "$desc"; else not_ok "$desc"; sed 's/^/# /' "$work/log"; fi; }
have () { command -v "$1" >/dev/null 2>&1; }

xpath_count () {
  # $1 file, $2 XPath with local-name() tests (no namespaces needed)
  xmllint --xpath "$2" "$1" 2>/dev/null
}

# 1. Export works and is deterministic.
check "export SVG" "$entente" export "$input" -o "$work/a.svg" --step 1815
check "export SVG again" "$entente" export "$input" -o "$work/b.svg" --step 1815
check "byte-identical across two runs" cmp "$work/a.svg" "$work/b.svg"

# 2. Well-formed and valid against the promised structure; the schema can fail.
if have xmllint; then
  check "SVG is well-formed" xmllint --noout --nonet "$work/a.svg"
  check "SVG matches entente-svg.rng" xmllint --noout --nonet --relaxng "$rng" "$work/a.svg"
  sed 's|<g id="state-FR" |<g id="state-FR" onload="x()" |' "$work/a.svg" > "$work/evil.svg"
  if xmllint --noout --relaxng "$rng" "$work/evil.svg" >/dev/null 2>&1; then
    not_ok "entente-svg.rng rejects an event handler"
  else
    ok "entente-svg.rng rejects an event handler"
  fi
  sed 's|<title>France</title>|<title>France</title><script>alert(1)</script>|' "$work/a.svg" > "$work/evil2.svg"
  if xmllint --noout --relaxng "$rng" "$work/evil2.svg" >/dev/null 2>&1; then
    not_ok "entente-svg.rng rejects a script"
  else
    ok "entente-svg.rng rejects a script"
  fi

  # 3. One <text> per state label.
  states=$(xpath_count "$work/a.svg" "count(//*[local-name()='g'][starts-with(@id,'state-')])")
  labels=$(xpath_count "$work/a.svg" "count(//*[local-name()='g'][starts-with(@id,'state-')]/*[local-name()='text'])")
  if [ "$states" = 8 ] && [ "$labels" = 8 ]; then
    ok "one <text> per state label ($labels for $states states)"
  else
    not_ok "one <text> per state label ($labels for $states states)"
  fi
  france=$(xpath_count "$work/a.svg" "string(//*[local-name()='g'][@id='state-FR']/*[local-name()='text'])")
  if [ "$france" = "France" ]; then ok "labels are real text"; else not_ok "labels are real text ($france)"; fi
else
  skip "SVG is well-formed" "xmllint missing"
fi

# 4. The metadata restores the scenario: exporting the SVG itself gives the same figure.
check "export from the exported SVG" "$entente" export "$work/a.svg" -o "$work/c.svg" --step 1815
check "the SVG's scenario gives the same figure" cmp "$work/a.svg" "$work/c.svg"

# 5. rsvg-convert renders a non-blank image of the expected size (85 mm at 96 dpi = 321 px).
if have rsvg-convert && have identify; then
  check "rsvg-convert renders the SVG" rsvg-convert -o "$work/a.png" "$work/a.svg"
  size=$(identify -format '%w' "$work/a.png" 2>/dev/null)
  if [ "$size" = 321 ] || [ "$size" = 322 ]; then ok "rendered width is 85 mm at 96 dpi"; else not_ok "rendered width is 85 mm at 96 dpi ($size)"; fi
  colours=$(identify -format '%k' "$work/a.png" 2>/dev/null)
  if [ "${colours:-0}" -gt 20 ]; then ok "rendering is not blank ($colours colours)"; else not_ok "rendering is not blank ($colours colours)"; fi
else
  skip "rsvg-convert renders the SVG" "rsvg-convert or identify missing"
fi

# 6. Hostile names are escaped and render.
long=$(printf '%0500d' 0 | tr 0 W)
cat > "$work/hostile.entente" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<scenario xmlns="urn:io.github.entente:scenario:1" version="1">
  <title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" ]]&gt;</title>
  <states>
    <state id="s1" name="&lt;script&gt;alert(1)&lt;/script&gt;" lat="50" lon="0" mil="5"/>
    <state id="s2" name="Tom &amp; Jerry" lat="40" lon="10"/>
    <state id="s3" name="&quot;double&quot; and 'single'" lat="45" lon="20"/>
    <state id="s4" name="end ]]&gt; of CDATA" lat="55" lon="25"/>
    <state id="s5" name="ישראל" lat="31.8" lon="35.2"/>
    <state id="s6" name="العراق (Iraq)" lat="33.3" lon="44.4"/>
    <state id="s7" name="🌍🕊️ Peace" lat="60" lon="30"/>
    <state id="s8" name="$long" lat="35" lon="5"/>
  </states>
</scenario>
EOF
check "export hostile names" "$entente" export "$work/hostile.entente" -o "$work/h.svg" --title '<b>&"]]>' --caption "Caption & <more>"
if have xmllint; then
  check "hostile SVG is well-formed" xmllint --noout --nonet "$work/h.svg"
  check "hostile SVG matches entente-svg.rng" xmllint --noout --nonet --relaxng "$rng" "$work/h.svg"
  scripts=$(xpath_count "$work/h.svg" "count(//*[local-name()='script'])")
  if [ "$scripts" = 0 ]; then ok "no <script> element"; else not_ok "no <script> element ($scripts)"; fi
  name=$(xpath_count "$work/h.svg" "string(//*[local-name()='g'][@id='state-s1']/*[local-name()='title'])")
  if [ "$name" = "<script>alert(1)</script>" ]; then ok "hostile name reads back exactly"; else not_ok "hostile name reads back exactly ($name)"; fi
fi
if have rsvg-convert; then
  check "hostile SVG renders" rsvg-convert -o "$work/h.png" "$work/h.svg"
fi
check "hostile SVG restores its scenario" "$entente" export "$work/h.svg" -o "$work/h2.svg" --title '<b>&"]]>' --caption "Caption & <more>"
check "hostile round trip gives the same figure" cmp "$work/h.svg" "$work/h2.svg"

# 7. PDF at the requested physical size (120 × 80 mm = 340.157 × 226.772 pt).
check "export PDF" "$entente" export "$input" -o "$work/a.pdf" --width 120mm --height 80mm --theme print
if have pdfinfo; then
  page=$(pdfinfo "$work/a.pdf" 2>/dev/null | sed -n 's/^Page size: *//p')
  case "$page" in
    "340.157 x 226.772 pts"*) ok "PDF page size ($page)";;
    *) not_ok "PDF page size ($page)";;
  esac
else
  skip "PDF page size" "pdfinfo missing"
fi

# 8. PNG pixel size follows the DPI (85 mm at 300 dpi = 1004 px; 7 in at 150 dpi = 1050 px).
check "export PNG 300 dpi" "$entente" export "$input" -o "$work/a.png" --dpi 300
check "export PNG 150 dpi" "$entente" export "$input" -o "$work/b.png" --dpi 150 --width 7in --transparent
if have identify; then
  w=$(identify -format '%w' "$work/a.png"); if [ "$w" = 1004 ]; then ok "PNG width at 300 dpi"; else not_ok "PNG width at 300 dpi ($w)"; fi
  w=$(identify -format '%w' "$work/b.png"); if [ "$w" = 1050 ]; then ok "PNG width at 150 dpi"; else not_ok "PNG width at 150 dpi ($w)"; fi
  opaque=$(identify -format '%[opaque]' "$work/b.png")
  if [ "$opaque" = False ] || [ "$opaque" = false ]; then ok "transparent PNG"; else not_ok "transparent PNG ($opaque)"; fi
fi

# 9. One numbered file per timeline step.
check "export all steps" "$entente" export "$input" -o "$work/step.svg" --all-steps
check "step 1 file" test -s "$work/step-01-1815.svg"
check "step 2 file" test -s "$work/step-02-1818.svg"

# 10. Errors: one line naming the file, exit 1 (bad input) or 2 (usage).
"$entente" export "$work/missing.entente" -o "$work/x.svg" 2>"$work/err"; status=$?
lines=$(wc -l < "$work/err")
if [ $status = 1 ] && [ "$lines" = 1 ] && grep -q missing.entente "$work/err"; then ok "missing input: exit 1, one line"; else not_ok "missing input: exit 1, one line ($status, $lines lines)"; fi
"$entente" export "$input" -o "$work/x.gif" 2>"$work/err"; status=$?
if [ $status = 2 ] && grep -q x.gif "$work/err"; then ok "bad output name: exit 2"; else not_ok "bad output name: exit 2 ($status)"; fi

echo "1..$n"
[ $failed = 0 ]
