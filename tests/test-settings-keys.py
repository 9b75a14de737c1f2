#!/usr/bin/env python3
# test-settings-keys.py: every GSettings key the code names exists in the schema
# Copyright 2026 The Entente authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# g_settings_get_*() on a key the schema lacks aborts the program, and a key
# the code writes with the wrong type is a critical: check the names (and the
# getter's type letter where the call shows it) against the schema. Only files
# that use GSettings are read; string literals passed to g_settings_* calls or
# to a file's own settings helpers (has_key, get_string, SET, ...) count as key
# names. Prints TAP.

import os
import re
import sys
import xml.etree.ElementTree as ET

srcdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
schema = ET.parse(os.path.join(srcdir, 'data', 'io.github.entente.Entente.gschema.xml')).getroot()
keys = {k.get('name'): k.get('type') for k in schema.iter('key')}
TYPES = {'int': 'i', 'boolean': 'b', 'string': 's', 'double': 'd', 'enum': 's', 'strv': 'as',
         'uint': 'u', 'int64': 'x', 'uint64': 't'}

call = re.compile(r'\b(g_settings_(?:get|set)_(\w+)|g_settings_\w+|has_key|get_string|get_int|'
                  r'get_double|get_boolean|SET|GET)\s*\(([^;]*?)\)\s*[;,)]', re.S)
results = []
for root, dirs, files in os.walk(os.path.join(srcdir, 'src')):
    for name in sorted(files):
        if not name.endswith('.c'):
            continue
        path = os.path.join(root, name)
        text = open(path, encoding='utf-8').read()
        if 'g_settings_' not in text:
            continue
        for m in call.finditer(text):
            for lit in re.findall(r'"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)"', m.group(3)):
                line = text.count('\n', 0, m.start()) + 1
                where = '%s:%d %s' % (os.path.relpath(path, srcdir), line, lit)
                if lit not in keys:
                    # Only names that look like settings keys: the helpers
                    # also take other strings (formats, signal names).
                    if '-' in lit or m.group(1).startswith('g_settings_get') \
                       or m.group(1).startswith('g_settings_set'):
                        results.append((where + ' exists in the schema', False))
                    continue
                typ = TYPES.get(m.group(2) or '')
                if typ is not None:
                    results.append((where + ' has type ' + typ, keys[lit] == typ))
                else:
                    results.append((where + ' exists in the schema', True))

print('TAP version 13')
print('1..%d' % max(len(results), 1))
if not results:
    print('ok 1 - no GSettings key used # SKIP')
for n, (name, ok) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', n, name))
sys.exit(0 if all(ok for _, ok in results) else 1)
