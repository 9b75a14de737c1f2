#!/usr/bin/env bash
# test-install.sh: `meson install` into a fresh prefix gives a working app
# Copyright 2026 The Entente authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: test-install.sh SOURCE_ROOT
#
# The source tree is copied to a temporary directory, configured with
# --prefix=<tmp>/usr, built (install targets only) and installed; then the copy
# and its build directory are deleted, so the installed binary can only find
# its schema, scenarios, translations and settings schema where they were
# installed. It must solve an installed scenario, localise its output, and
# start its window (when a display is available) with good, missing and
# corrupt settings. A second install of the same build with DESTDIR checks
# that staging stays inside DESTDIR. Prints TAP.

set -u

srcroot=$(cd "${1:?usage: test-install.sh SOURCE_ROOT}" && pwd)
app_id=io.github.entente.Entente
meson=${MESON:-meson}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/entente-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/usr
log=$tmp/log

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () { # check NAME COMMAND...
  local name=$1; shift
  if "$@" >"$log" 2>&1; then ok "$name"; else not_ok "$name"; sed 's/^/# /' "$log" | tail -20; fi
}
bail () { echo "Bail out! $1"; sed 's/^/# /' "$log" | tail -40; exit 1; }

echo "TAP version 13"

# 1. Copy the tree without build directories or git metadata.
mkdir -p "$tmp/src"
tar -C "$srcroot" --exclude='./build*' --exclude='./.git' -cf - . | tar -C "$tmp/src" -xf - \
  || bail "cannot copy the source tree"

# 2. Configure, build what is installed, install.
"$meson" setup --prefix="$prefix" -Dbuildtype=plain "$tmp/build" "$tmp/src" >"$log" 2>&1 \
  || bail "meson setup failed"
targets=$("$meson" introspect --targets "$tmp/build" | python3 -c '
import json, os, sys
build = sys.argv[1]
for t in json.load(sys.stdin):
    if t.get("installed"):
        for f in t["filename"]:
            print(os.path.relpath(f, build))
' "$tmp/build")
# shellcheck disable=SC2086
ninja -C "$tmp/build" -j 2 $targets >"$log" 2>&1 || bail "build of the installed targets failed"
"$meson" install -C "$tmp/build" --no-rebuild >"$log" 2>&1 || bail "meson install failed"
ok "meson install into a fresh prefix"

# DESTDIR staging of the same build installs exactly meson's install list,
# inside DESTDIR.
"$meson" install -C "$tmp/build" --no-rebuild --destdir "$tmp/stage" >"$log" 2>&1 \
  && "$meson" introspect --installed "$tmp/build" | python3 -c '
import json, os, sys
stage, prefix = sys.argv[1], sys.argv[2]
installed = set(json.load(sys.stdin).values())
staged = set()
for root, dirs, files in os.walk(stage):
    for f in files:
        staged.add(os.path.join(root, f)[len(stage):])
expected = set()
for f in installed:
    expected |= {f} if os.path.isfile(f) else {
        os.path.join(r, x) for r, d, xs in os.walk(f) for x in xs}
missing, extra = expected - staged, staged - expected
assert not missing and not extra, (sorted(missing)[:5], sorted(extra)[:5])
assert all(f.startswith(prefix + "/") for f in staged), "a file escaped the prefix"
' "$tmp/stage" "$prefix" >>"$log" 2>&1 \
  && ok "meson install --destdir stages exactly the install list" \
  || { not_ok "meson install --destdir"; sed 's/^/# /' "$log" | tail -20; }
rm -rf "$tmp/stage"

# 3. Nothing outside the prefix is left to fall back on.
rm -rf "$tmp/src" "$tmp/build"

share=$prefix/share
for f in bin/entente \
         "share/applications/$app_id.desktop" \
         "share/dbus-1/services/$app_id.service" \
         "share/metainfo/$app_id.metainfo.xml" \
         "share/glib-2.0/schemas/$app_id.gschema.xml" \
         "share/mime/packages/$app_id.xml" \
         "share/icons/hicolor/scalable/apps/$app_id.svg" \
         "share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
         share/entente/entente.rng; do
  check "installed $f" test -s "$prefix/$f"
done
check "bundled scenarios installed" \
  sh -c "ls '$share'/entente/scenarios/*.entente >/dev/null"
for lang in $(sed -e 's/#.*//' "$srcroot/po/LINGUAS"); do
  check "translation $lang installed" test -s "$share/locale/$lang/LC_MESSAGES/entente.mo"
done
check "post-install compiled the schema" test -s "$share/glib-2.0/schemas/gschemas.compiled"

# The binary looks for its data in the prefix, not in the build tree.
check "binary configured for the prefix" grep -q -a -F "$share/entente" "$prefix/bin/entente"
check "binary's locale dir is the prefix's" grep -q -a -F "$share/locale" "$prefix/bin/entente"

# The installed desktop file and metainfo validate and are translated.
if command -v desktop-file-validate >/dev/null; then
  check "installed desktop file validates" desktop-file-validate "$share/applications/$app_id.desktop"
fi
check "installed desktop file is translated" grep -q '^Comment\[fr\]=' "$share/applications/$app_id.desktop"
check "desktop file runs the installed binary" sh -c "
  exec=\$(sed -n 's/^Exec=\\([^ ]*\\).*/\\1/p' '$share/applications/$app_id.desktop') &&
  test -x '$prefix/bin/'\"\$exec\" &&
  grep -q '^MimeType=application/x-entente;' '$share/applications/$app_id.desktop'"
if command -v appstreamcli >/dev/null; then
  check "installed metainfo validates" appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml"
fi
if command -v update-mime-database >/dev/null; then
  cp -r "$share/mime" "$tmp/mime"
  check "mime type registered for *.entente" \
    sh -c "update-mime-database '$tmp/mime' && grep -q 'application/x-entente:\*\.entente' '$tmp/mime/globs2'"
fi

# 4. The installed binary runs against the installed files only.
unset ENTENTE_DATADIR GSETTINGS_SCHEMA_DIR
export XDG_DATA_DIRS="$share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
export XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache"

scenario=$(ls "$share"/entente/scenarios/default.entente "$share"/entente/scenarios/*.entente \
             2>/dev/null | head -n 1)
if [ -n "$scenario" ]; then
  check "entente solve $(basename "$scenario")" \
    sh -c "'$prefix/bin/entente' solve '$scenario' > '$tmp/solve-c.json' && python3 -m json.tool '$tmp/solve-c.json' >/dev/null"
  if grep -q '"reason_text"' "$tmp/solve-c.json" 2>/dev/null; then
    # Every reason sentence differs in French: the installed catalogue is used.
    LANGUAGE=fr "$prefix/bin/entente" solve "$scenario" >"$tmp/solve-fr.json" 2>"$log"
    check "entente solve under LANGUAGE=fr is French" python3 -c '
import json, sys
def texts(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "reason_text" and isinstance(v, str):
                yield v
            else:
                yield from texts(v)
    elif isinstance(node, list):
        for v in node:
            yield from texts(v)
c = list(texts(json.load(open(sys.argv[1]))))
f = list(texts(json.load(open(sys.argv[2]))))
assert c and len(c) == len(f), (len(c), len(f))
same = [a for a, b in zip(c, f) if a == b]
assert not same, same
' "$tmp/solve-c.json" "$tmp/solve-fr.json"
  else
    skip "entente solve under LANGUAGE=fr is French" "no reason_text in the output"
  fi
else
  not_ok "no bundled scenario installed to solve"
fi

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  smoke () { # smoke NAME [ARGS...]: the window starts and exits cleanly
    local name=$1; shift
    if G_DEBUG=fatal-criticals timeout 60 "$prefix/bin/entente" --exit-after-startup "$@" \
         >"$log" 2>&1; then
      ok "$name"
    else
      not_ok "$name (exit $?)"; sed 's/^/# /' "$log" | tail -20
    fi
  }
  # The in-memory backend still reads the installed schema: keys and defaults.
  GSETTINGS_BACKEND=memory smoke "window starts from the installed files"
  GSETTINGS_BACKEND=memory smoke "window starts on a missing file" "$tmp/does-not-exist.entente"
  # A keyfile with out-of-range, mistyped and unknown values: GSettings falls
  # back to the defaults and the window still starts.
  mkdir -p "$tmp/config/glib-2.0/settings"
  cat >"$tmp/config/glib-2.0/settings/keyfile" <<'EOF'
[io/github/entente/Entente]
window-width=-5
window-height='tall'
window-maximized=perhaps
style='purple'
palette=42
export-dpi=100000
export-font-size=nan
no-such-key=true
EOF
  GSETTINGS_BACKEND=keyfile smoke "window starts with corrupt settings"
  command -v gsettings >/dev/null && \
  GSETTINGS_BACKEND=keyfile check "corrupt settings read back as defaults" sh -c '
    test "$(gsettings get io.github.entente.Entente window-width)" = 1100 &&
    test "$(gsettings get io.github.entente.Entente style)" = "'"'system'"'" &&
    test "$(gsettings get io.github.entente.Entente export-dpi)" = 300'

  # The desktop entry is DBusActivatable: a launcher's Activate call over a
  # session bus that knows only the installed service file starts the
  # installed binary, and its quit action ends it.
  if command -v dbus-run-session >/dev/null && command -v gdbus >/dev/null; then
    cat >"$tmp/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=$tmp</listen>
  <servicedir>$share/dbus-1/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
    # The private bus has no accessibility service: keep GTK from asking it.
    GSETTINGS_BACKEND=memory GTK_A11Y=none G_DEBUG=fatal-criticals \
      check "D-Bus activation starts the installed app and quits it" \
      timeout 90 dbus-run-session --config-file="$tmp/bus.conf" -- sh -c '
        set -e
        app=io.github.entente.Entente path=/io/github/entente/Entente
        has_owner () {
          gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
            --method org.freedesktop.DBus.NameHasOwner $app
        }
        gdbus call --session --dest $app --object-path $path \
          --method org.freedesktop.Application.Activate "{}" >/dev/null
        has_owner | grep -q true
        gdbus call --session --dest $app --object-path $path \
          --method org.freedesktop.Application.ActivateAction quit "[]" "{}" >/dev/null
        for i in $(seq 100); do
          has_owner | grep -q false && exit 0
          sleep 0.1
        done
        echo "still running after the quit action"; exit 1'
  fi
else
  skip "window starts from the installed files" "no display"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
