#!/usr/bin/env python3
# test-icons.py: the application icons follow the GNOME icon guidelines
# Copyright 2026 The Entente authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The full-colour icon is a 128×128 SVG; the symbolic icon is a 16×16 SVG drawn
# with fills only (GTK recolours symbolic icons by fill, so strokes would be
# lost) and without embedded raster images or scripts. Prints TAP.

import os
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
APP_ID = 'io.github.entente.Entente'
srcdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..')
icons = os.path.join(srcdir, 'data', 'icons', 'hicolor')
results = []


def check(name, ok, detail=''):
    results.append((name, bool(ok), detail))


def load(path):
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        check('parse ' + os.path.basename(path), False, str(e))
        return None


def common(root, label, size):
    check(label + ' is SVG', root.tag == SVG + 'svg', root.tag)
    check(label + ' viewBox', root.get('viewBox', '').split() == ['0', '0', str(size), str(size)],
          root.get('viewBox'))
    check(label + ' size', (root.get('width'), root.get('height')) == (str(size), str(size)),
          '%sx%s' % (root.get('width'), root.get('height')))
    bad = [e.tag for e in root.iter() if e.tag in (SVG + 'image', SVG + 'script', SVG + 'foreignObject')]
    check(label + ' has no raster, script or foreign content', not bad, ' '.join(bad))


app = load(os.path.join(icons, 'scalable', 'apps', APP_ID + '.svg'))
if app is not None:
    common(app, 'app icon', 128)
sym = load(os.path.join(icons, 'symbolic', 'apps', APP_ID + '-symbolic.svg'))
if sym is not None:
    common(sym, 'symbolic icon', 16)
    strokes = [e.tag.replace(SVG, '') for e in sym.iter()
               if e.get('stroke', 'none') != 'none' or 'stroke:' in e.get('style', '')]
    check('symbolic icon uses fills only', not strokes, ' '.join(strokes))

print('TAP version 13')
print('1..%d' % len(results))
for n, (name, ok, detail) in enumerate(results, 1):
    print('%s %d - %s%s' % ('ok' if ok else 'not ok', n, name,
                            '' if ok or not detail else ' # ' + str(detail)))
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
