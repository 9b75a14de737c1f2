/* entente-slider-row.h: a caption, a GtkScale and a GtkSpinButton on one adjustment
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ENTENTE_TYPE_SLIDER_ROW (entente_slider_row_get_type ())
G_DECLARE_FINAL_TYPE (EntenteSliderRow, entente_slider_row, ENTENTE, SLIDER_ROW, GtkWidget)

/* Properties: "label" (the visible caption), "lower", "upper", "step" (the
 * adjustment's range and step increment), "digits", "value", "caption-chars"
 * (the caption's minimum width in characters, 12 by default; the caption
 * is never cut at it), "caption-group" (a horizontal GtkSizeGroup shared by
 * the rows of a panel, so that their scales line up).
 *
 * Signals:
 *   "value-changed" (double value): the user moved the scale or typed in the
 *     spin button. Never emitted by entente_slider_row_set_value() or by
 *     setting the "value" property, so a panel can follow the model without
 *     echoing its own updates back. */

GtkWidget     *entente_slider_row_new                (void);
const char    *entente_slider_row_get_label          (EntenteSliderRow *self);
void           entente_slider_row_set_label          (EntenteSliderRow *self,
                                                      const char       *label);
/* Sets the accessible label of the scale to @name and of the spin button to
 * "@name value": assistive technology finds sliders by these names. */
void           entente_slider_row_set_accessible_name (EntenteSliderRow *self,
                                                       const char       *name);
/* The name last given to entente_slider_row_set_accessible_name(), or NULL. */
const char    *entente_slider_row_get_accessible_name (EntenteSliderRow *self);
void           entente_slider_row_set_range          (EntenteSliderRow *self,
                                                      double            lower,
                                                      double            upper,
                                                      double            step);
void           entente_slider_row_set_digits         (EntenteSliderRow *self,
                                                      guint             digits);
double         entente_slider_row_get_value          (EntenteSliderRow *self);
/* Silent: does not emit "value-changed". Ignored while the user holds the
 * scale: a model update then is older than the pointer. */
void           entente_slider_row_set_value          (EntenteSliderRow *self,
                                                      double            value);
GtkAdjustment *entente_slider_row_get_adjustment     (EntenteSliderRow *self);
GtkWidget     *entente_slider_row_get_scale          (EntenteSliderRow *self);
GtkWidget     *entente_slider_row_get_spin_button    (EntenteSliderRow *self);
void           entente_slider_row_set_caption_group  (EntenteSliderRow *self,
                                                      GtkSizeGroup     *group);

G_END_DECLS
