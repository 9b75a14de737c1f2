#!/usr/bin/env python3
# test-cli.py: the real entente binary, headless: exit codes, stderr lines, JSON
# Copyright 2026 The Entente authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives ENTENTE_BINARY without a display and prints TAP.

Exit codes: 0 success, 1 bad input (exactly one stderr line
"entente: FILE[:LINE]: message"), 2 usage error. Every bundled scenario in
ENTENTE_DATADIR/scenarios solves (each timeline step too) to parseable,
deterministic JSON.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

BINARY = os.environ.get("ENTENTE_BINARY", "")
DATADIR = os.environ.get("ENTENTE_DATADIR", "")
SRCDIR = os.environ.get("G_TEST_SRCDIR", os.path.dirname(os.path.abspath(__file__)))

NS = 'xmlns="urn:io.github.entente:scenario:1" version="1"'

# A small valid scenario with pairs, a crisis and a two-step timeline.
GOOD = f"""<?xml version="1.0" encoding="UTF-8"?>
<scenario {NS}>
  <title>CLI test world</title>
  <states>
    <state id="DE" name="Deutsches Reich" pop="65" econ="40" mil="45" offence="0.8"
           intention="0.6" lat="52.5" lon="13.4"/>
    <state id="AH" name="Österreich-Ungarn" pop="50" econ="15" mil="20" intention="0.5"
           lat="48.2" lon="16.4"/>
    <state id="FR" name="France" pop="39" econ="25" mil="30" intention="0.3" lat="48.9"
           lon="2.35"/>
    <state id="RU" name="Россия" pop="160" econ="20" mil="40" intention="0.4" lat="59.9"
           lon="30.3"/>
    <state id="UK" name="United Kingdom" pop="45" econ="40" mil="35" intention="0.2"
           lat="51.5" lon="-0.13"/>
  </states>
  <pairs>
    <pair a="DE" b="AH" affinity="0.6" commitment="0.9"/>
    <pair a="FR" b="RU" affinity="0.4" commitment="0.8"/>
    <pair a="FR" b="UK" affinity="0.3" commitment="0.4"/>
    <pair a="DE" b="FR" rivalry="0.8" contiguity="1"/>
    <pair a="AH" b="RU" rivalry="0.7" contiguity="1"/>
  </pairs>
  <crises>
    <crisis id="balkans" name="Balkans" lat="44" lon="20" type="mediation" progress="0.2"
            risk="0.5" receptive="0.5">
      <actor state="UK" lead="true" stake="0.6" stance="0.5"/>
      <actor state="FR" lead="true" stake="0.5" stance="0.4"/>
      <actor state="RU" stake="0.8" stance="-0.2"/>
    </crisis>
  </crises>
  <timeline>
    <step name="1907">
      <change-pair a="RU" b="UK" commitment="0.5" affinity="0.3"/>
    </step>
    <step name="1914">
      <change-system odb="0.8"/>
    </step>
  </timeline>
</scenario>
"""

# Bad inputs: name → (file content or None, expects a line number).
BAD = {
    "malformed": (f'<?xml version="1.0"?>\n<scenario {NS}>\n  <states>\n'
                  '    <state id="A"\n  </states>\n</scenario>\n', True),
    "dtd": ('<?xml version="1.0"?>\n<!DOCTYPE scenario [<!ENTITY x "y">]>\n'
            f'<scenario {NS}><title>&x;</title></scenario>\n', True),
    "external-entity": ('<?xml version="1.0"?>\n'
                        '<!DOCTYPE scenario [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
                        f'<scenario {NS}><title>&x;</title></scenario>\n', True),
    "nan": (f'<?xml version="1.0"?>\n<scenario {NS}>\n  <states>\n'
            '    <state id="A" intention="NaN"/>\n  </states>\n</scenario>\n', True),
    "out-of-range": (f'<?xml version="1.0"?>\n<scenario {NS}>\n  <states>\n'
                     '    <state id="A" offence="1.5"/>\n  </states>\n</scenario>\n', True),
    "unknown-id": (f'<?xml version="1.0"?>\n<scenario {NS}>\n  <states>\n'
                   '    <state id="A"/>\n  </states>\n  <pairs>\n'
                   '    <pair a="A" b="Z" affinity="0.5"/>\n  </pairs>\n</scenario>\n', True),
    "empty": ("", False),
    "missing": (None, False),
    "directory": (None, False),
}

tests = []


def case(function):
    tests.append(function)
    return function


def headless_env(**extra):
    env = dict(os.environ)
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET", "BROADWAY_DISPLAY"):
        env.pop(key, None)
    env.setdefault("LC_ALL", "C.UTF-8")
    env.update(extra)
    return env


def run(*args, env=None, stdout=subprocess.PIPE):
    return subprocess.run([BINARY, *args], stdout=stdout, stderr=subprocess.PIPE,
                          env=env or headless_env(), timeout=120, cwd=WORK)


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def stderr_lines(proc):
    text = proc.stderr.decode("utf-8", "replace")
    return text.splitlines(), text


@case
def version():
    """--version prints one line and exits 0"""
    proc = run("--version")
    check(proc.returncode == 0, f"exit {proc.returncode}")
    check(re.fullmatch(rb"entente \d+\.\d+(\.\d+)?\n", proc.stdout), f"stdout {proc.stdout!r}")
    check(proc.stderr == b"", f"stderr {proc.stderr!r}")


@case
def help_text():
    """--help and -h print the man-page style help and exit 0"""
    for flag in ("--help", "-h"):
        proc = run(flag)
        check(proc.returncode == 0, f"{flag}: exit {proc.returncode}")
        out = proc.stdout.decode()
        for word in ("SYNOPSIS", "entente solve FILE", "--step NAME", "--compact", "EXIT STATUS",
                     "JSON OUTPUT", "fear_abandonment", "contact_groups", "export"):
            check(word in out, f"{flag}: help lacks {word!r}")


@case
def solve_usage_errors():
    """solve: no file, unknown option, extra argument, empty step → exit 2 with a usage line"""
    for args in (["solve"], ["solve", "--bogus", "good.entente"], ["solve", "good.entente", "x"],
                 ["solve", "--step"], ["solve", "good.entente", "--step="]):
        proc = run(*args)
        lines, text = stderr_lines(proc)
        check(proc.returncode == 2, f"{args}: exit {proc.returncode} ({text!r})")
        check(proc.stdout == b"", f"{args}: wrote to stdout")
        check(lines and lines[0].startswith("entente: solve: "), f"{args}: stderr {text!r}")
        check(any(line.startswith("Usage: entente solve FILE") for line in lines),
              f"{args}: no usage line in {text!r}")


@case
def solve_unknown_step():
    """solve --step NAME the file does not have → exit 1, one line naming file, step and steps"""
    proc = run("solve", "good.entente", "--step", "1066")
    lines, text = stderr_lines(proc)
    check(proc.returncode == 1, f"exit {proc.returncode}")
    check(proc.stdout == b"", "wrote to stdout")
    check(len(lines) == 1 and lines[0].startswith("entente: good.entente: "), f"stderr {text!r}")
    check("1066" in lines[0] and "1907, 1914" in lines[0], f"stderr {text!r}")


@case
def bad_inputs():
    """each bad file → exit 1, nothing on stdout, exactly one stderr line naming the file"""
    for name, (content, has_line) in BAD.items():
        path = f"bad-{name}.entente"
        if name == "directory":
            path = "a-directory"
        proc = run("solve", path)
        lines, text = stderr_lines(proc)
        check(proc.returncode == 1, f"{name}: exit {proc.returncode} ({text!r})")
        check(proc.stdout == b"", f"{name}: wrote to stdout")
        check(len(lines) == 1 and text.endswith("\n"), f"{name}: not one line: {text!r}")
        pattern = re.escape(f"entente: {path}:") + (r"\d+: \S" if has_line else r" \S")
        check(re.match(pattern, lines[0]), f"{name}: {lines[0]!r} does not match {pattern!r}")


@case
def no_network_no_expansion():
    """the external entity is neither fetched nor expanded"""
    proc = run("solve", "bad-external-entity.entente")
    check(b"root:" not in proc.stdout + proc.stderr, "/etc/passwd leaked")


@case
def solve_good():
    """solve of a valid file: exit 0, parseable JSON, ids everywhere, nothing on stderr"""
    proc = run("solve", "good.entente")
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr!r}")
    check(proc.stderr == b"", f"stderr {proc.stderr!r}")
    doc = json.loads(proc.stdout.decode("utf-8"))
    ids = [s["id"] for s in doc["states"]]
    check(ids == ["DE", "AH", "FR", "RU", "UK"], f"ids {ids}")
    check(doc["title"] == "CLI test world", f"title {doc['title']!r}")
    check(doc["steps"] == ["1907", "1914"], f"steps {doc['steps']}")
    check(doc["step"] is None, "step not null")
    check(abs(sum(s["share"] for s in doc["states"]) - 1) < 1e-4, "shares do not sum to 1")
    names = [s["name"] for s in doc["states"]]
    check("Österreich-Ungarn" in names and "Россия" in names, f"names {names}")
    for state in doc["states"]:
        for key in ("principal_threat", "disposition_target", "label_target"):
            check(state[key] is None or state[key] in ids, f"{key} {state[key]!r}")
        check(set(state["threats"]) <= set(ids), "threat ids")
        check(state["bloc"] in ("A", "B", "U"), "bloc")
        check(isinstance(state["reason"], str) and state["reason_text"] and state["citation"],
              f"{state['id']}: reason {state['reason']!r}")
    check(len(doc["contact_groups"]) == 1 and doc["contact_groups"][0]["crisis"] == "balkans",
          "contact group")
    check({tuple(d["states"]) for d in doc["dyads"]} >= {("DE", "AH"), ("FR", "RU")},
          f"dyads {[d['states'] for d in doc['dyads']]}")
    check(doc["polarity"]["lead"] in ids, "lead")


@case
def solve_steps():
    """--step applies the timeline cumulatively and is reported in the JSON"""
    base = json.loads(run("solve", "good.entente").stdout)
    for step in ("1907", "1914"):
        proc = run("solve", "good.entente", "--step", step)
        check(proc.returncode == 0, f"{step}: exit {proc.returncode}: {proc.stderr!r}")
        doc = json.loads(proc.stdout)
        check(doc["step"] == step, f"step {doc['step']!r}")
    proc = run("solve", "good.entente", "-s", "1907")
    doc = json.loads(proc.stdout)
    pairs = {tuple(d["states"]) for d in doc["dyads"]}
    check(("RU", "UK") in pairs and ("RU", "UK") not in {tuple(d["states"]) for d in base["dyads"]},
          "the 1907 step's new commitment does not show as a dyad")


@case
def solve_stdin():
    """FILE "-" reads standard input; errors name <stdin>"""
    with open(os.path.join(WORK, "good.entente"), "rb") as f:
        proc = subprocess.run([BINARY, "solve", "-"], stdin=f, capture_output=True,
                              env=headless_env(), timeout=120, cwd=WORK)
    check(proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr!r}")
    check(proc.stdout == run("solve", "good.entente").stdout, "differs from the file")
    with open(os.path.join(WORK, "bad-nan.entente"), "rb") as f:
        proc = subprocess.run([BINARY, "solve", "-"], stdin=f, capture_output=True,
                              env=headless_env(), timeout=120, cwd=WORK)
    lines, text = stderr_lines(proc)
    check(proc.returncode == 1, f"bad: exit {proc.returncode}")
    check(len(lines) == 1 and lines[0].startswith("entente: <stdin>:4: "), f"bad: {text!r}")


@case
def deterministic():
    """same input → same bytes; --compact is the same document on one line"""
    first = run("solve", "good.entente").stdout
    second = run("solve", "good.entente").stdout
    check(first == second, "two runs differ")
    compact = run("solve", "good.entente", "--compact")
    check(compact.returncode == 0, "compact failed")
    check(compact.stdout.count(b"\n") == 1 and compact.stdout.endswith(b"\n"), "not one line")
    check(json.loads(compact.stdout) == json.loads(first), "compact differs")


@case
def locale_independent():
    """the output is UTF-8 and identical under LC_ALL=C"""
    utf8 = run("solve", "good.entente").stdout
    c = run("solve", "good.entente", env=headless_env(LC_ALL="C"))
    check(c.returncode == 0, f"exit {c.returncode}")
    check(c.stdout == utf8, "LC_ALL=C changes the output")


@case
def write_error():
    """a full disk is bad output: exit 1 with one line"""
    if not os.path.exists("/dev/full"):
        return "SKIP no /dev/full"
    with open("/dev/full", "wb") as full:
        proc = run("solve", "good.entente", stdout=full)
    lines, text = stderr_lines(proc)
    check(proc.returncode == 1, f"exit {proc.returncode}")
    check(len(lines) == 1 and lines[0].startswith("entente: "), f"stderr {text!r}")


@case
def export_dispatch():
    """export runs headless: usage error (2) without arguments, bad input (1) in one line"""
    proc = run("export")
    check(proc.returncode == 2, f"exit {proc.returncode}")
    check(re.match(rb"entente( export)?: ", proc.stderr), f"stderr {proc.stderr!r}")
    proc = run("export", "bad-nan.entente", "-o", "out.svg")
    lines, text = stderr_lines(proc)
    check(proc.returncode == 1, f"bad file: exit {proc.returncode}")
    check(len(lines) == 1 and "bad-nan.entente:4: " in lines[0], f"bad file: stderr {text!r}")
    check(not os.path.exists(os.path.join(WORK, "out.svg")), "bad file: wrote out.svg")


@case
def bundled():
    """every bundled scenario (and each of its steps) solves to valid, deterministic JSON"""
    files = sorted(glob.glob(os.path.join(DATADIR, "scenarios", "*.entente")))
    if not files:
        return "SKIP no bundled scenarios in ENTENTE_DATADIR"
    for path in files:
        name = os.path.basename(path)
        proc = run("solve", path)
        check(proc.returncode == 0, f"{name}: exit {proc.returncode}: {proc.stderr!r}")
        check(proc.stderr == b"", f"{name}: stderr {proc.stderr!r}")
        doc = json.loads(proc.stdout)
        check(doc["states"], f"{name}: no states")
        again = run("solve", path).stdout
        check(again == proc.stdout, f"{name}: not deterministic")
        for step in doc["steps"]:
            sproc = run("solve", path, "--step", step)
            check(sproc.returncode == 0, f"{name} --step {step}: exit {sproc.returncode}: "
                  f"{sproc.stderr!r}")
            check(json.loads(sproc.stdout)["step"] == step, f"{name} --step {step}: step")


def main():
    global WORK
    if not BINARY or not os.access(BINARY, os.X_OK):
        print("1..0 # SKIP ENTENTE_BINARY is not set")
        return 0
    with tempfile.TemporaryDirectory(prefix="entente-cli-") as work:
        WORK = work
        with open(os.path.join(work, "good.entente"), "w", encoding="utf-8") as f:
            f.write(GOOD)
        for name, (content, _) in BAD.items():
            if content is not None:
                with open(os.path.join(work, f"bad-{name}.entente"), "w", encoding="utf-8") as f:
                    f.write(content)
        os.mkdir(os.path.join(work, "a-directory"))

        print(f"1..{len(tests)}")
        failed = 0
        for number, test in enumerate(tests, 1):
            title = f"/entente/cli/{test.__name__.replace('_', '-')}"
            try:
                outcome = test()
            except (Failure, AssertionError, KeyError, ValueError, subprocess.TimeoutExpired) as e:
                failed += 1
                print(f"not ok {number} {title}")
                print(f"# {test.__doc__}")
                for line in str(e).splitlines() or [type(e).__name__]:
                    print(f"# {line}")
                continue
            if isinstance(outcome, str) and outcome.startswith("SKIP"):
                print(f"ok {number} {title} # {outcome}")
            else:
                print(f"ok {number} {title}")
        return 1 if failed else 0


WORK = None

if __name__ == "__main__":
    sys.exit(main())
