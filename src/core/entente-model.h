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

/* The same in a worker thread (GTask). Takes its own references. */
void           entente_model_solve_async  (EntenteScenario      *scenario,
                                           EntenteResult        *previous,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
EntenteResult *entente_model_solve_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
