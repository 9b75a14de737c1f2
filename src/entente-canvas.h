/* entente-canvas.h: the live alliance network, drawn from the scene
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/entente-result.h"
#include "core/entente-scenario.h"
#include "core/entente-scene.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_CANVAS (entente_canvas_get_type ())
G_DECLARE_FINAL_TYPE (EntenteCanvas, entente_canvas, ENTENTE, CANVAS, GtkWidget)

/* Properties: "selected" (string, nullable state id), "show-threats",
 * "show-hulls", "show-labels", "show-legend" (booleans), "minimum" (int,
 * -1 = the current configuration, else an index into the landscape's minima),
 * "computing" (boolean: shows a discreet busy mark).
 *
 * Signals:
 *   "state-moved" (const char *id, double lat, double lon): the user finished
 *     dragging a node; the window records it (undoable) as the state's node
 *     position, in map degrees.
 *   "state-activated" (const char *id): double click or Enter on a state.
 */

GtkWidget   *entente_canvas_new           (void);
/* @result may be NULL while the first result is computed. A new result
 * animates nodes and hulls to their new look in about 200 ms. */
void         entente_canvas_set_model     (EntenteCanvas   *self,
                                           EntenteScenario *scenario,
                                           EntenteResult   *result);
const char  *entente_canvas_get_selected  (EntenteCanvas   *self);
void         entente_canvas_set_selected  (EntenteCanvas   *self,
                                           const char      *id);
void         entente_canvas_set_minimum   (EntenteCanvas   *self,
                                           int              minimum);
void         entente_canvas_set_computing (EntenteCanvas   *self,
                                           gboolean         computing);
void         entente_canvas_zoom_fit      (EntenteCanvas   *self);
void         entente_canvas_zoom_in       (EntenteCanvas   *self);
void         entente_canvas_zoom_out      (EntenteCanvas   *self);
/* The scene drawn now (borrowed; NULL before the first draw), in widget
 * coordinates at zoom 1 without panning; its legend is drawn fixed there. */
EntenteScene *entente_canvas_get_scene    (EntenteCanvas   *self);

G_END_DECLS
