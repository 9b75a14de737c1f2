/* entente-scene.h: the diagram as a display list, shared by the canvas and the exporters
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "entente-result.h"
#include "entente-scenario.h"

G_BEGIN_DECLS

/* A scene is built once from a scenario, a result and view options; the
 * canvas draws it with cairo (entente_scene_draw) and the exporters write it
 * (entente_scene_write_svg, or entente_scene_draw on a PDF/PNG surface), so
 * what the window shows is what the file holds. Coordinates are in abstract
 * "scene units": pixels on screen, points (1/72 in) in exported files; the
 * font size is in the same units. */

typedef enum
{
  ENTENTE_SCENE_THEME_LIGHT,
  ENTENTE_SCENE_THEME_DARK,
  ENTENTE_SCENE_THEME_PRINT,
  ENTENTE_SCENE_THEME_GRAYSCALE,
} EntenteSceneTheme;

typedef enum
{
  ENTENTE_SCENE_PALETTE_OKABE_ITO,
  ENTENTE_SCENE_PALETTE_TOL_BRIGHT,
  ENTENTE_SCENE_PALETTE_GRAYSCALE,
} EntenteScenePalette;

typedef enum
{
  ENTENTE_SCENE_FILL_SOLID,
  ENTENTE_SCENE_FILL_HATCH,     /* diagonal hatching over the fill colour */
  ENTENTE_SCENE_FILL_DOTS,      /* dots over the fill colour */
} EntenteSceneFill;

typedef enum
{
  ENTENTE_SCENE_TIE_COMMITMENT, /* solid, width by strength */
  ENTENTE_SCENE_TIE_RIVALRY,    /* dashed */
  ENTENTE_SCENE_TIE_TETHER,     /* a commitment between rivals of one bloc: solid with bars */
} EntenteSceneTieKind;

typedef enum
{
  ENTENTE_SCENE_HULL_CONCERT,
  ENTENTE_SCENE_HULL_CONTACT_CORE,
  ENTENTE_SCENE_HULL_FRIENDS,
} EntenteSceneHullKind;

typedef enum
{
  ENTENTE_SCENE_LEGEND_HEADING,
  ENTENTE_SCENE_LEGEND_BLOC,        /* a node swatch; value = EntenteBloc */
  ENTENTE_SCENE_LEGEND_BEHAVIOUR,   /* a badge glyph; value = EntenteBehaviour */
  ENTENTE_SCENE_LEGEND_TIE,         /* value = EntenteSceneTieKind */
  ENTENTE_SCENE_LEGEND_THREAT,      /* an arrow */
  ENTENTE_SCENE_LEGEND_HULL,        /* value = EntenteSceneHullKind */
  ENTENTE_SCENE_LEGEND_SIZE,        /* node area ∝ capability */
  ENTENTE_SCENE_LEGEND_INTENTION,   /* the intention arc */
} EntenteSceneLegendKind;

typedef struct
{
  double r, g, b, a;
} EntenteSceneColor;

typedef struct
{
  double             width, height;  /* scene size, scene units */
  EntenteSceneTheme  theme;
  EntenteScenePalette palette;
  gboolean           transparent;    /* no background */
  gboolean           show_threats;
  gboolean           show_hulls;
  gboolean           show_labels;
  gboolean           show_legend;
  int                minimum;        /* -1: the current configuration, else a landscape minimum */
  char              *title;          /* nullable */
  char              *caption;        /* nullable */
  char              *font_family;    /* nullable: "Sans" */
  double             font_size;      /* scene units; <= 0: 11 */
  double             margin;         /* scene units; < 0: derived from the font size */
} EntenteSceneOptions;

void entente_scene_options_init  (EntenteSceneOptions       *options);
void entente_scene_options_clear (EntenteSceneOptions       *options);
void entente_scene_options_copy  (EntenteSceneOptions       *dest,
                                  const EntenteSceneOptions *src);

typedef struct
{
  /* identity */
  guint              index;           /* into scenario->states */
  char              *id;
  char              *name;            /* full display name, valid UTF-8 */
  char              *label;           /* the text drawn (maybe ellipsized), valid UTF-8 */
  char              *description;     /* behaviour, bloc, threat, reason: for <desc> and tooltips */
  /* encodings */
  double             x, y, r;         /* centre and radius */
  double             capability;      /* share A_i (or normalised components) */
  double             intention;       /* [0,1] */
  gboolean           has_result;
  EntenteBloc        bloc;
  EntenteBehaviour   behaviour;
  EntenteReason      reason;
  int                threat;          /* principal threat, state index, or -1 */
  EntenteSceneColor  fill;
  EntenteSceneFill   pattern;
  EntenteSceneColor  stroke;
  gboolean           dashed;          /* unaligned states get a dashed outline */
  /* label, relative to the node centre so it travels with the node */
  gboolean           label_visible;
  double             label_dx, label_dy;   /* baseline start of the text */
  double             label_w, label_h, label_ascent;
  gboolean           label_leader;    /* placed away, joined to the node by a line */
} EntenteSceneNode;

typedef struct
{
  guint               a, b;           /* node indices */
  EntenteSceneTieKind kind;
  double              strength;       /* commitment or rivalry, [0,1] */
  double              width;          /* stroke width, scene units */
  double              offset;         /* sideways shift when a pair has two ties */
} EntenteSceneTie;

typedef struct
{
  guint from, to;                     /* from a state to its principal threat */
} EntenteSceneArrow;

typedef struct
{
  EntenteSceneHullKind kind;
  char                *label;         /* e.g. "Concert", "Contact group: Bosnia" */
  GArray              *members;       /* of guint, node indices */
  GArray              *points;        /* of double pairs (x, y): the outline, computed */
  GArray              *loops;         /* of guint: the outline is these many closed loops of
                                       * points each, in order, drawn with the even-odd rule */
  double               pad;           /* distance of the outline from the nodes */
  EntenteSceneColor    color;
  double               label_x, label_y; /* baseline start of the hull label */
  double               label_w;       /* its width */
} EntenteSceneHull;

typedef struct
{
  EntenteSceneLegendKind kind;
  int                    value;
  char                  *text;
  double                 x, y;        /* top-left of the row */
} EntenteSceneLegendEntry;

typedef struct
{
  char   *text;                       /* one line */
  double  x, y;                       /* baseline start */
} EntenteSceneTextLine;

typedef struct _EntenteScene EntenteScene;

struct _EntenteScene
{
  /*< private >*/
  gatomicrefcount     ref_count;
  /*< public, read-only >*/
  EntenteSceneOptions options;
  double              width, height;
  EntenteSceneColor   background;     /* alpha 0 when transparent */
  EntenteSceneColor   foreground;
  EntenteSceneColor   muted;          /* ties, tracks */
  EntenteSceneColor   halo;           /* behind text */
  EntenteSceneColor   threat_color;
  EntenteSceneColor   bloc_fill[3];   /* A, B, U */
  EntenteSceneFill    bloc_pattern[3];
  EntenteSceneColor   hull_color[3];  /* concert, contact core, friends */
  char               *font_family;
  double              font_size;
  double              text_ascent;    /* of one line at font_size */
  double              text_height;
  double              line_width;     /* base stroke width */
  double              badge_r;        /* behaviour badge radius */
  GArray             *nodes;          /* of EntenteSceneNode */
  GArray             *ties;           /* of EntenteSceneTie */
  GArray             *arrows;         /* of EntenteSceneArrow */
  GPtrArray          *hulls;          /* of EntenteSceneHull* */
  GArray             *legend;         /* of EntenteSceneLegendEntry */
  double              legend_x, legend_y, legend_w, legend_h;
  double              legend_row_h;
  GArray             *title_lines;    /* of EntenteSceneTextLine */
  GArray             *caption_lines;
  double              title_size, caption_size;
  /* The projection: g = ((lon - lon0) * coslat0, -lat) is normalised to
   * [0,1]² by (gmin, gspan), blended with the states' rank order (so that
   * dense regions open up) and mapped into the box (bx, by, bw, bh). A state
   * the user placed is not blended: the inverse (entente_scene_to_map) is
   * exact for it. */
  double              lon0, coslat0;
  double              gmin_x, gmin_y, gspan_x, gspan_y;
  double              bx, by, bw, bh;
  double              map_x, map_y, map_w, map_h;   /* the area given to the network */
};

/* Builds the scene. @result (nullable: while computing) must have been
 * computed from a scenario with the same states as @scenario. */
EntenteScene *entente_scene_new              (EntenteScenario           *scenario,
                                              EntenteResult             *result,
                                              const EntenteSceneOptions *options);
EntenteScene *entente_scene_ref              (EntenteScene              *self);
void          entente_scene_unref            (EntenteScene              *self);

/* Index of the node of state @id, or -1. */
int           entente_scene_find_node        (EntenteScene              *self,
                                              const char                *id);
/* The node under (x, y), or -1 (topmost, i.e. the last drawn). */
int           entente_scene_pick             (EntenteScene              *self,
                                              double                     x,
                                              double                     y);
/* Map position (degrees) of scene point (x, y): the inverse projection. */
void          entente_scene_to_map           (EntenteScene              *self,
                                              double                     x,
                                              double                     y,
                                              double                    *lat,
                                              double                    *lon);
/* Recomputes everything derived from node positions and radii (hull outlines
 * and hull labels): used after moving nodes (drag, animation). */
void          entente_scene_update_geometry  (EntenteScene              *self);
/* A new scene between @from and @to (0 ≤ t ≤ 1): nodes matched by state id
 * move, grow and recolour; everything else is @to's. */
EntenteScene *entente_scene_interpolate      (EntenteScene              *from,
                                              EntenteScene              *to,
                                              double                     t);

/* Drawing (entente-scene-cairo.c). The scene fills (0,0)–(width,height) in
 * the current user space. */
void          entente_scene_draw             (EntenteScene              *self,
                                              cairo_t                   *cr);
/* The drawing in four layers, for a canvas that keeps those that did not
 * change: NETWORK (background, hulls with their labels, ties) depends on
 * node positions and radii, ties and hulls; STATES (threat arrows, nodes,
 * badges) on the result; LABELS (state labels, title, caption) on the label
 * placement; LEGEND (the legend alone, at legend_x/legend_y: a canvas may
 * draw it fixed in its corner while the network is panned and zoomed). */
typedef enum
{
  ENTENTE_SCENE_LAYER_NETWORK = 1 << 0,
  ENTENTE_SCENE_LAYER_STATES  = 1 << 1,
  ENTENTE_SCENE_LAYER_LABELS  = 1 << 2,
  ENTENTE_SCENE_LAYER_LEGEND  = 1 << 3,
  ENTENTE_SCENE_LAYER_ALL     = ENTENTE_SCENE_LAYER_NETWORK | ENTENTE_SCENE_LAYER_STATES |
                                ENTENTE_SCENE_LAYER_LABELS | ENTENTE_SCENE_LAYER_LEGEND,
} EntenteSceneLayers;

void          entente_scene_draw_layers      (EntenteScene              *self,
                                              cairo_t                   *cr,
                                              EntenteSceneLayers         layers);
/* Whether @a and @b draw @layers identically, so that a drawing of @a's
 * layers can stand for @b's. NETWORK and LABELS are compared; STATES only
 * when @a == @b. */
gboolean      entente_scene_same_layers      (EntenteScene              *a,
                                              EntenteScene              *b,
                                              EntenteSceneLayers         layers);
/* Draws one behaviour badge glyph centred at (x, y) with radius @r. */
void          entente_scene_draw_glyph       (cairo_t                   *cr,
                                              EntenteBehaviour           behaviour,
                                              double                     x,
                                              double                     y,
                                              double                     r);

/* SVG (entente-scene-svg.c). @scenario (nullable) is embedded in <metadata>.
 * @width_mm/@height_mm give the physical size. Deterministic bytes. */
GBytes       *entente_scene_write_svg        (EntenteScene              *self,
                                              EntenteScenario           *scenario,
                                              double                     width_mm,
                                              double                     height_mm);

/* Helpers shared by the back ends and the UI. */
const char   *entente_scene_behaviour_name   (EntenteBehaviour           behaviour);
const char   *entente_scene_behaviour_title  (EntenteBehaviour           behaviour);
const char   *entente_scene_bloc_name        (EntenteBloc                bloc);
/* Valid UTF-8 without the characters XML 1.0 forbids (controls, U+FFFE/F). */
char         *entente_scene_sanitize_text    (const char                *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteScene, entente_scene_unref)

G_END_DECLS
