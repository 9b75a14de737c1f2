/* entente-model.h: the model pipeline of model-theory.md §2
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-result.h"
#include "entente-scenario.h"

G_BEGIN_DECLS

/* Runs the whole pipeline on @scenario, a snapshot nobody else mutates.
 * @previous (nullable) warm-starts the landscape descent: its blocs are
 * matched to @scenario's states by id, and new states start unaligned.
 * Deterministic: the same inputs give the same result, byte for byte once
 * serialised. Returns NULL with G_IO_ERROR_CANCELLED when cancelled. */
EntenteResult *entente_model_solve        (EntenteScenario      *scenario,
                                           EntenteResult        *previous,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* As entente_model_solve(), with the capability "at load" made explicit:
 * @baseline (nullable) is the scenario as loaded; §8's break risk compares
 * each state's share now with its share there (matched by id). With a NULL
 * @baseline the shares at load are inherited from @previous->baseline (by
 * id), and a run without @previous is its own baseline (break risk 0).
 * See src/core/MODEL.md. */
EntenteResult *entente_model_solve_full   (EntenteScenario      *scenario,
                                           EntenteScenario      *baseline,
                                           EntenteResult        *previous,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* The same in a worker thread (GTask). Takes its own references. */
void           entente_model_solve_async  (EntenteScenario      *scenario,
                                           EntenteResult        *previous,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
EntenteResult *entente_model_solve_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
