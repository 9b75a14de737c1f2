#!/usr/bin/python3
# test-atspi.py: drive the real entente window through its accessibility tree
# Copyright 2026 The Entente authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The way assistive technology would: start the binary on a bundled scenario,
# find the slider "Intention of Athens" by its accessible name, set it through
# the AT-SPI Value interface, and wait (bounded) until the alignment panel's
# row of *another* state, Argos, reads a changed behaviour. Prints TAP; exits
# non-zero on any failure (a missing slider, a row that never changes, …).
#
# Needs a session bus (the README runs the tests under dbus-run-session) and
# a display (xvfb-run). Usage: test-atspi.py [ENTENTE_BINARY [SCENARIO]]

import os
import signal
import subprocess
import sys
import time

SLIDER = "Intention of Athens"
NEW_VALUE = 0.0
OTHER = "Argos"
TIMEOUT = 60.0

tap_count = 0


def tap(ok, description, detail=None):
    global tap_count
    tap_count += 1
    print(("ok" if ok else "not ok") + " %d - %s" % (tap_count, description), flush=True)
    if detail:
        for line in str(detail).splitlines():
            print("# " + line, flush=True)
    return ok


def bail(message):
    print("Bail out! " + message, flush=True)
    sys.exit(1)


def walk(accessible, depth=0, limit=60):
    """Every accessible under @accessible, depth first."""
    if accessible is None or depth > limit:
        return
    yield accessible
    try:
        count = accessible.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = accessible.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def poll(what, function, timeout=TIMEOUT, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = function()
        except Exception as error:  # the tree changes under us: retry
            value = None
            last = error
        if value:
            return value
        time.sleep(interval)
    return None


def main():
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("1..0 # SKIP no session bus: run under dbus-run-session (see README)")
        return 77 if os.environ.get("ENTENTE_E2E_SKIP_OK") else 1
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        print("1..0 # SKIP no display: run under xvfb-run (see README)")
        return 77 if os.environ.get("ENTENTE_E2E_SKIP_OK") else 1

    binary = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("ENTENTE_BINARY", "entente")
    datadir = os.environ.get("ENTENTE_DATADIR",
                             os.path.join(os.path.dirname(__file__), "..", "..", "data"))
    scenario = sys.argv[2] if len(sys.argv) > 2 else os.path.join(datadir, "scenarios",
                                                                     "default.entente")

    # GTK 4.8 talks AT-SPI unless told otherwise: make sure nothing tells it.
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    env.setdefault("GSETTINGS_BACKEND", "memory")
    env["ENTENTE_DATADIR"] = datadir

    print("1..7", flush=True)
    import pyatspi  # noqa: E402  (after the environment checks, for a clear message)

    desktop = pyatspi.Registry.getDesktop(0)
    process = None
    app = None
    try:
        # A display that is not accepting connections yet (a loaded machine
        # just after xvfb-run started it) makes GTK give up at once: start
        # again a few times rather than report a false failure.
        for attempt in range(5):
            process = subprocess.Popen([binary, scenario], env=env)

            def find_app():
                if process.poll() is not None:
                    return "exited"
                for candidate in desktop:
                    if candidate is not None and candidate.get_process_id() == process.pid:
                        return candidate
                return None

            app = poll("application", find_app)
            if app != "exited":
                break
            print("# entente exited with status %s at start, retrying" % process.returncode,
                  flush=True)
            app = None
            time.sleep(2)

        if not tap(app is not None, "the entente window appears in the accessibility tree"):
            bail("entente (pid %d) never registered with AT-SPI" % process.pid)

        def find_named(name, role=None, prefix=False):
            # From the desktop down each time: a new dialog is a new child of
            # the application, which a kept reference may not list yet.
            roots = [candidate for candidate in desktop
                     if candidate is not None and candidate.get_process_id() == process.pid]
            for accessible in (a for root in roots for a in walk(root)):
                try:
                    accessible_name = accessible.name or ""
                except Exception:
                    continue
                matched = accessible_name.startswith(name) if prefix else accessible_name == name
                if matched and (role is None or accessible.getRole() == role):
                    return accessible
            return None

        slider = poll("slider", lambda: find_named(SLIDER, pyatspi.ROLE_SLIDER))
        if not tap(slider is not None, 'a slider named "%s" exists' % SLIDER):
            bail("no slider named %s" % SLIDER)

        other = poll("row", lambda: find_named(OTHER + ": ", prefix=True))
        if not tap(other is not None, 'the alignment panel has a row for %s' % OTHER):
            bail("no alignment row for %s" % OTHER)
        before = other.name
        print("# before: %s" % before, flush=True)

        value = slider.queryValue()
        old = value.currentValue
        value.currentValue = NEW_VALUE
        changed_value = poll("value",
                             lambda: abs(slider.queryValue().currentValue - NEW_VALUE) < 1e-6,
                             timeout=10)
        tap(bool(changed_value), "the slider moved from %g to %g through the Value interface"
            % (old, NEW_VALUE))

        def changed_row():
            row = find_named(OTHER + ": ", prefix=True)
            if row is not None and row.name != before:
                return row.name
            return None

        after = poll("changed row", changed_row)
        ok = tap(after is not None and before.split(",")[0] != after.split(",")[0],
                 "%s's behaviour changed in the alignment panel" % OTHER,
                 "before: %s\nafter:  %s" % (before, after))

        # Quit as the desktop would (app.quit over D-Bus): the edit is unsaved,
        # so the window asks first; answer "Discard" through AT-SPI too.
        from gi.repository import Gio, GLib
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        bus.call_sync("io.github.entente.Entente", "/io/github/entente/Entente",
                      "org.gtk.Actions", "Activate",
                      GLib.Variant("(sava{sv})", ("quit", [], {})),
                      None, Gio.DBusCallFlags.NONE, 5000, None)
        # GTK 4.8 appends a button's own text to its accessible label
        # ("Discard Discard"): a prefix is what can be relied on here.
        discard = poll("discard", lambda: find_named("Discard", pyatspi.ROLE_PUSH_BUTTON,
                                                     prefix=True),
                       timeout=20)
        ok = tap(discard is not None and process.poll() is None,
                 "quitting with unsaved changes asks first") and ok
        if discard is not None:
            discard.queryAction().doAction(0)
        try:
            status = process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            status = None
        ok = tap(status == 0, "the app quits after Discard", "exit status: %s" % status) and ok
        return 0 if ok else 1
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    sys.exit(main())
