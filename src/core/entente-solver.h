/* entente-solver.h: the model thread, latest request wins
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-result.h"
#include "entente-scenario.h"

G_BEGIN_DECLS

#define ENTENTE_TYPE_SOLVER (entente_solver_get_type ())
G_DECLARE_FINAL_TYPE (EntenteSolver, entente_solver, ENTENTE, SOLVER, GObject)

/* Runs entente_model_solve() in a worker thread on snapshots handed over by
 * the UI. Only the newest request matters: a new request cancels the running
 * computation (its GCancellable) and replaces any waiting one, so at most one
 * runs and at most one waits. Results are delivered on the main context the
 * solver was created in, tagged with the generation of their request; a
 * result whose generation is not the latest is dropped, never emitted.
 *
 * Signal "result" (EntenteResult *result, guint generation): the newest
 * request's result. "failed" (GError *error, guint generation): the newest
 * request failed (not emitted for cancellation).
 * Properties: "busy" (a computation runs or waits), "generation" (of the
 * newest request), "result" (the last emitted result, nullable).
 */

EntenteSolver *entente_solver_new            (void);
/* Takes a reference on @snapshot, which nobody may modify afterwards (hand
 * over entente_scenario_copy() or entente_document_dup_snapshot()).
 * Returns the request's generation. */
guint          entente_solver_request        (EntenteSolver   *self,
                                              EntenteScenario *snapshot);
/* Forgets the last result, so the next computation does not warm-start from
 * it (use when a different scenario is opened). */
void           entente_solver_forget         (EntenteSolver   *self);
/* Cancels the running and the waiting request; no result is emitted for them. */
void           entente_solver_cancel         (EntenteSolver   *self);
gboolean       entente_solver_get_busy       (EntenteSolver   *self);
guint          entente_solver_get_generation (EntenteSolver   *self);
EntenteResult *entente_solver_get_result     (EntenteSolver   *self);

/* Statistics for tests and benchmarks: computations started, and results
 * that arrived but were dropped as stale or cancelled. */
guint          entente_solver_get_n_started  (EntenteSolver   *self);
guint          entente_solver_get_n_dropped  (EntenteSolver   *self);

G_END_DECLS
