/* entente-document.h: the open scenario, its file, dirty flag and undo history
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_DOCUMENT (entente_document_get_type ())
G_DECLARE_FINAL_TYPE (EntenteDocument, entente_document, ENTENTE, DOCUMENT, GObject)

/* An EntenteDocument owns one mutable scenario (the base, without timeline
 * steps applied) and never hands it out for keeping: readers get it
 * (transfer none) for the duration of a call, and the model and the widgets
 * get snapshots from entente_document_dup_snapshot().
 *
 * Every edit goes through the document, which records the previous scenario
 * as an undo step. Consecutive entente_document_apply_attribute() calls with
 * the same (target, a, b, key) coalesce into one step (a whole slider drag is
 * one undo step) until entente_document_close_group() or any other edit.
 *
 * Properties: "scenario" (boxed, read-only), "file" (GFile, nullable),
 * "title" (string: file name or scenario title), "dirty", "can-undo",
 * "can-redo" (booleans), "step" (string, nullable: the timeline step shown).
 * Signal "changed": the scenario changed (edit, undo, redo, step, reset).
 * Signal "reset": a different scenario replaced the document (New, Open),
 * emitted just before "changed".
 */

EntenteDocument *entente_document_new             (void);

EntenteScenario *entente_document_get_scenario    (EntenteDocument     *self);
/* A new immutable snapshot: a copy of the scenario with the steps up to the
 * shown one applied (or a plain copy when no step is shown). */
EntenteScenario *entente_document_dup_snapshot    (EntenteDocument     *self);
GFile           *entente_document_get_file        (EntenteDocument     *self);
/* The file's basename, else the scenario's title, else "Untitled". */
char            *entente_document_dup_title       (EntenteDocument     *self);
gboolean         entente_document_get_dirty       (EntenteDocument     *self);
gboolean         entente_document_get_can_undo    (EntenteDocument     *self);
gboolean         entente_document_get_can_redo    (EntenteDocument     *self);
const char      *entente_document_get_step        (EntenteDocument     *self);
/* Undoable; NULL shows the base scenario. FALSE when @step is unknown. */
gboolean         entente_document_set_step        (EntenteDocument     *self,
                                                   const char          *step);

/* Replaces the whole document (New, Open): takes a reference on @scenario,
 * which the caller must not modify afterwards; clears the history; the
 * document is clean. @file may be NULL (a new, unsaved scenario). */
void             entente_document_reset           (EntenteDocument     *self,
                                                   EntenteScenario     *scenario,
                                                   GFile               *file);

/* Edits, each one undoable. Same arguments as entente_scenario_set_attribute();
 * on error the document is unchanged. */
gboolean         entente_document_apply_attribute (EntenteDocument     *self,
                                                   EntenteChangeTarget  target,
                                                   const char          *a,
                                                   const char          *b,
                                                   const char          *key,
                                                   const char          *value,
                                                   GError             **error);
/* Ends the current coalescing group: the next edit is a new undo step. */
void             entente_document_close_group     (EntenteDocument     *self);
/* Returns the new state's index. */
guint            entente_document_add_state       (EntenteDocument     *self,
                                                   const char          *name);
gboolean         entente_document_remove_state    (EntenteDocument     *self,
                                                   const char          *id);
/* The display position the user dragged a node to (map degrees). */
gboolean         entente_document_move_node       (EntenteDocument     *self,
                                                   const char          *id,
                                                   double               lat,
                                                   double               lon);
/* The canvas toggles (threats, hulls, labels, legend) saved in <view>: not
 * undoable, but they make the document dirty. @key: "threats", "hulls",
 * "labels" or "legend". */
void             entente_document_set_view_flag   (EntenteDocument     *self,
                                                   const char          *key,
                                                   gboolean             value);

gboolean         entente_document_undo            (EntenteDocument     *self);
gboolean         entente_document_redo            (EntenteDocument     *self);
guint            entente_document_get_n_undo      (EntenteDocument     *self);

/* Loads @file in a worker thread; on success the document is reset to it,
 * on failure (the loader's one-line message) the document is untouched. */
void             entente_document_load_async      (EntenteDocument     *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean         entente_document_load_finish     (EntenteDocument     *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* Saves atomically (entente_scenario_save_file) to @file, or to the
 * document's file when @file is NULL; on success the document is clean and
 * its file is @file. */
gboolean         entente_document_save            (EntenteDocument     *self,
                                                   GFile               *file,
                                                   GError             **error);

G_END_DECLS
