/* entente-scene-private.h: text measurement and geometry shared by the scene back ends
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "entente-scene.h"

G_BEGIN_DECLS

/* A Pango layout whose metrics do not depend on the device: no hinting of
 * metrics, so the scene measured in scene units draws identically at any
 * scale and on any surface. @cr NULL: for measuring only. */
PangoLayout *_entente_scene_create_layout (cairo_t    *cr,
                                           const char *family,
                                           double      size,
                                           gboolean    bold);
/* The layout of @text, shaped once per thread and kept (borrowed: use it
 * before the next call, do not change it). */
PangoLayout *_entente_scene_shaped_text   (const char *family,
                                           double      size,
                                           gboolean    bold,
                                           const char *text);
void         _entente_scene_dash          (double      unit,
                                           int         style,
                                           double     *dashes,
                                           int        *n_dashes);

/* Dash styles */
enum
{
  _ENTENTE_DASH_NONE,
  _ENTENTE_DASH_DASHED,
  _ENTENTE_DASH_DOTTED,
};

/* The dash style of each hull kind: concert solid, contact core dashed,
 * Friends dotted, so they differ without colour. */
int          _entente_scene_hull_dash     (EntenteSceneHullKind kind);

/* Geometry of a tie as drawn: endpoints trimmed at the node outlines and
 * shifted sideways by the tie's offset. FALSE when the nodes overlap. */
gboolean     _entente_scene_tie_line      (EntenteScene          *self,
                                           const EntenteSceneTie *tie,
                                           double                *x1,
                                           double                *y1,
                                           double                *x2,
                                           double                *y2);
/* A threat arrow as a quadratic curve (x1,y1) (cx,cy) (x2,y2), ending at the
 * outline of the threat, and its arrow head (tip, two base points). */
gboolean     _entente_scene_arrow_curve   (EntenteScene            *self,
                                           const EntenteSceneArrow *arrow,
                                           double                  *pts);

/* Layout (entente-scene-layout.c), called by entente_scene_new(). */
typedef struct
{
  double x0, y0, x1, y1;
} EntenteSceneBox;

void            _entente_scene_measure        (PangoLayout     *layout,
                                               const char      *text,
                                               double          *w,
                                               double          *h,
                                               double          *ascent);
void            _entente_scene_measure_text   (const char      *family,
                                               double           size,
                                               gboolean         bold,
                                               const char      *text,
                                               double          *w,
                                               double          *h,
                                               double          *ascent);
void            _entente_scene_project        (EntenteScene    *self,
                                               EntenteScenario *scenario,
                                               double           x,
                                               double           y,
                                               double           w,
                                               double           h);
double          _entente_scene_network_aspect (EntenteScene    *self,
                                               EntenteScenario *scenario);
void            _entente_scene_separate_nodes (EntenteScene    *self,
                                               double           x,
                                               double           y,
                                               double           w,
                                               double           h);
void            _entente_scene_place_labels   (EntenteScene    *self,
                                               const EntenteSceneBox *area);
gboolean        _entente_scene_label_leader   (EntenteScene    *self,
                                               const EntenteSceneNode *node,
                                               double          *x1,
                                               double          *y1,
                                               double          *x2,
                                               double          *y2);
EntenteSceneBox _entente_scene_content_box    (EntenteScene    *self);
void            _entente_scene_layout_legend  (EntenteScene    *self,
                                               PangoLayout     *layout,
                                               gboolean         at_right,
                                               double           avail_w,
                                               double           avail_h,
                                               double          *out_w,
                                               double          *out_h);

/* Behaviour glyphs, defined once in a unit box (−1…1) for every back end. */
typedef enum
{
  _ENTENTE_GLYPH_FILL_POLYGON,
  _ENTENTE_GLYPH_STROKE_POLYLINE,
  _ENTENTE_GLYPH_STROKE_CIRCLE,   /* pts: cx, cy, r */
  _ENTENTE_GLYPH_END,
} EntenteGlyphOp;

typedef struct
{
  EntenteGlyphOp op;
  guint          n;               /* number of doubles in pts */
  double         pts[20];
} EntenteGlyphPart;

const EntenteGlyphPart *_entente_scene_glyph (EntenteBehaviour behaviour);

/* Glyphs are drawn at this fraction of the badge radius, with strokes this
 * fraction of the badge radius wide. */
#define _ENTENTE_GLYPH_SCALE 0.62
#define _ENTENTE_GLYPH_STROKE 0.2

G_END_DECLS
