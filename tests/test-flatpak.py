#!/usr/bin/env python3
# test-flatpak.py: the flatpak manifest is valid and builds the local tree
# Copyright 2026 The Entente authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# CI cannot run flatpak-builder (no runtime download), so this checks what can
# be checked offline: JSON syntax, the app id, runtime, SDK and command, that
# every module is named and has sources, minimal finish-args, and that the app
# module builds this tree with meson and runs its tests. Prints TAP.

import json
import os
import sys

APP_ID = 'io.github.entente.Entente'
ALLOWED_FINISH_ARGS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}

srcdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
path = os.path.join(srcdir, 'flatpak', APP_ID + '.json')
results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


try:
    with open(path, encoding='utf-8') as f:
        manifest = json.load(f)
    check('valid-json', True)
except (OSError, ValueError) as e:
    manifest = None
    check('valid-json', False, str(e))

if manifest is not None:
    check('app-id', manifest.get('app-id') == APP_ID, manifest.get('app-id'))
    check('runtime', manifest.get('runtime') == 'org.gnome.Platform', manifest.get('runtime'))
    check('sdk', manifest.get('sdk') == 'org.gnome.Sdk', manifest.get('sdk'))
    version = str(manifest.get('runtime-version', ''))
    check('runtime-version-pinned', version not in ('', 'master', 'nightly'), version)
    check('command', manifest.get('command') == 'entente', manifest.get('command'))

    finish_args = manifest.get('finish-args', [])
    extra = [a for a in finish_args if a not in ALLOWED_FINISH_ARGS]
    check('finish-args-minimal', not extra, ' '.join(extra))
    check('finish-args-complete', ALLOWED_FINISH_ARGS <= set(finish_args),
          ' '.join(sorted(ALLOWED_FINISH_ARGS - set(finish_args))))
    check('cleanup', isinstance(manifest.get('cleanup'), list) and manifest['cleanup'])

    modules = manifest.get('modules', [])
    check('has-modules', isinstance(modules, list) and modules)

    def walk(mods):
        for m in mods:
            if isinstance(m, str):
                # A module in its own file, relative to the manifest.
                sub = os.path.join(os.path.dirname(path), m)
                try:
                    with open(sub, encoding='utf-8') as f:
                        m = json.load(f)
                except (OSError, ValueError) as e:
                    check('module-file ' + sub, False, str(e))
                    continue
            yield m
            yield from walk(m.get('modules', []))

    all_modules = list(walk(modules))
    for i, m in enumerate(all_modules):
        name = m.get('name')
        check('module-%d-named' % i, isinstance(name, str) and name, repr(name))
        sources = m.get('sources')
        check('module-%s-sources' % (name or i), isinstance(sources, list) and sources
              and all(isinstance(s, (str, dict)) for s in sources))

    app = [m for m in all_modules if m.get('name') == 'entente']
    check('app-module', len(app) == 1)
    if app:
        m = app[0]
        check('app-meson', m.get('buildsystem') == 'meson', m.get('buildsystem'))
        check('app-builddir', m.get('builddir') is True)
        check('app-run-tests', m.get('run-tests') is True)
        test_args = m.get('build-options', {}).get('test-args', [])
        check('app-test-args', {'--socket=wayland', '--socket=fallback-x11'} <= set(test_args),
              ' '.join(test_args))
        dirs = [s for s in m.get('sources', []) if isinstance(s, dict) and s.get('type') == 'dir']
        tree = os.path.normpath(os.path.join(os.path.dirname(path), dirs[0]['path'])) if dirs else ''
        check('app-source-is-tree', dirs and os.path.isfile(os.path.join(tree, 'meson.build')), tree)

print('TAP version 13')
print('1..%d' % len(results))
for n, (name, ok, detail) in enumerate(results, 1):
    print('%s %d - %s%s' % ('ok' if ok else 'not ok', n, name,
                            '' if ok or not detail else ' # ' + str(detail)))
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
