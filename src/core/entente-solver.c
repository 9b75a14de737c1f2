/* entente-solver.c: the model thread, latest request wins
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-solver"

#include "config.h"

#include "entente-model.h"
#include "entente-solver.h"

struct _EntenteSolver
{
  GObject          parent_instance;

  /* The running computation (at most one). */
  GCancellable    *running;
  guint            running_generation;
  /* The request waiting for it to finish (at most one: newer replace it). */
  EntenteScenario *pending;
  guint            pending_generation;

  guint            generation;
  EntenteResult   *result;

  guint            n_started;
  guint            n_dropped;
};

G_DEFINE_FINAL_TYPE (EntenteSolver, entente_solver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_GENERATION,
  PROP_RESULT,
  N_PROPS
};

enum {
  SIGNAL_RESULT,
  SIGNAL_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a computation needs to find its way back: the solver (a strong
 * reference: the solver outlives its computations, whose cancellable it
 * cancels in dispose) and its generation. */
typedef struct
{
  EntenteSolver *solver;
  GCancellable  *cancellable;
  guint          generation;
} Request;

static void start (EntenteSolver *self, EntenteScenario *snapshot, guint generation);

static void
request_free (Request *request)
{
  g_clear_object (&request->solver);
  g_clear_object (&request->cancellable);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
solve_cb (GObject      *object,
          GAsyncResult *async_result,
          gpointer      user_data)
{
  g_autoptr (Request) request = user_data;
  EntenteSolver *self = request->solver;
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean was_busy = entente_solver_get_busy (self);
  gboolean current;

  result = entente_model_solve_finish (async_result, &error);

  /* This computation is over: forget it if it is still the running one (a
   * cancelled one may finish after its successor started). */
  if (self->running == request->cancellable)
    g_clear_object (&self->running);

  current = request->generation == self->generation &&
            !g_cancellable_is_cancelled (request->cancellable);

  if (self->running == NULL && self->pending != NULL)
    {
      g_autoptr (EntenteScenario) snapshot = g_steal_pointer (&self->pending);

      start (self, snapshot, self->pending_generation);
    }

  if (!current)
    {
      self->n_dropped++;
    }
  else if (result != NULL)
    {
      g_clear_pointer (&self->result, entente_result_unref);
      self->result = entente_result_ref (result);
      g_signal_emit (self, signals[SIGNAL_RESULT], 0, result, request->generation);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, error, request->generation);
    }

  if (was_busy != entente_solver_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
start (EntenteSolver   *self,
       EntenteScenario *snapshot,
       guint            generation)
{
  Request *request;

  g_assert (self->running == NULL);

  request = g_new0 (Request, 1);
  request->solver = g_object_ref (self);
  request->cancellable = g_cancellable_new ();
  request->generation = generation;

  self->running = g_object_ref (request->cancellable);
  self->running_generation = generation;
  self->n_started++;

  /* The last result warm-starts the landscape descent, so a slider drag
   * moves smoothly from one minimum to the next. */
  entente_model_solve_async (snapshot, self->result, request->cancellable, solve_cb, request);
}

static void
entente_solver_dispose (GObject *object)
{
  EntenteSolver *self = (EntenteSolver *)object;

  /* Computations hold a reference, so dispose only runs once they are over
   * (or on an explicit g_object_run_dispose): cancel what may remain. */
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  g_clear_object (&self->running);
  g_clear_pointer (&self->pending, entente_scenario_unref);
  g_clear_pointer (&self->result, entente_result_unref);

  G_OBJECT_CLASS (entente_solver_parent_class)->dispose (object);
}

static void
entente_solver_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  EntenteSolver *self = ENTENTE_SOLVER (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, entente_solver_get_busy (self));
      break;

    case PROP_GENERATION:
      g_value_set_uint (value, entente_solver_get_generation (self));
      break;

    case PROP_RESULT:
      g_value_set_boxed (value, entente_solver_get_result (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_solver_class_init (EntenteSolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = entente_solver_dispose;
  object_class->get_property = entente_solver_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GENERATION] =
    g_param_spec_uint ("generation", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESULT] =
    g_param_spec_boxed ("result", NULL, NULL, ENTENTE_TYPE_RESULT,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_RESULT] =
    g_signal_new ("result", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  ENTENTE_TYPE_RESULT | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_UINT);
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE, G_TYPE_UINT);
}

static void
entente_solver_init (EntenteSolver *self)
{
}

EntenteSolver *
entente_solver_new (void)
{
  return g_object_new (ENTENTE_TYPE_SOLVER, NULL);
}

guint
entente_solver_request (EntenteSolver   *self,
                        EntenteScenario *snapshot)
{
  gboolean was_busy;

  g_return_val_if_fail (ENTENTE_IS_SOLVER (self), 0);
  g_return_val_if_fail (snapshot != NULL, 0);

  was_busy = entente_solver_get_busy (self);
  self->generation++;

  if (self->running == NULL)
    {
      start (self, snapshot, self->generation);
    }
  else
    {
      /* Supersede: the running one is cancelled, and this request replaces
       * whatever waited; it starts as soon as the running one returns. */
      g_cancellable_cancel (self->running);
      g_clear_pointer (&self->pending, entente_scenario_unref);
      self->pending = entente_scenario_ref (snapshot);
      self->pending_generation = self->generation;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATION]);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  return self->generation;
}

void
entente_solver_forget (EntenteSolver *self)
{
  g_return_if_fail (ENTENTE_IS_SOLVER (self));

  if (self->result == NULL)
    return;
  g_clear_pointer (&self->result, entente_result_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESULT]);
}

void
entente_solver_cancel (EntenteSolver *self)
{
  gboolean was_busy;

  g_return_if_fail (ENTENTE_IS_SOLVER (self));

  was_busy = entente_solver_get_busy (self);
  /* A new generation makes whatever still arrives stale. */
  self->generation++;
  if (self->running != NULL)
    g_cancellable_cancel (self->running);
  g_clear_pointer (&self->pending, entente_scenario_unref);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENERATION]);
  if (was_busy != entente_solver_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
entente_solver_get_busy (EntenteSolver *self)
{
  g_return_val_if_fail (ENTENTE_IS_SOLVER (self), FALSE);

  /* A cancelled computation still running is not "busy" for the user once
   * nothing current is on its way (after entente_solver_cancel()). */
  return self->pending != NULL ||
         (self->running != NULL && !g_cancellable_is_cancelled (self->running));
}

guint
entente_solver_get_generation (EntenteSolver *self)
{
  g_return_val_if_fail (ENTENTE_IS_SOLVER (self), 0);

  return self->generation;
}

/**
 * entente_solver_get_result:
 *
 * Returns: (transfer none) (nullable): the last result emitted
 */
EntenteResult *
entente_solver_get_result (EntenteSolver *self)
{
  g_return_val_if_fail (ENTENTE_IS_SOLVER (self), NULL);

  return self->result;
}

guint
entente_solver_get_n_started (EntenteSolver *self)
{
  g_return_val_if_fail (ENTENTE_IS_SOLVER (self), 0);

  return self->n_started;
}

guint
entente_solver_get_n_dropped (EntenteSolver *self)
{
  g_return_val_if_fail (ENTENTE_IS_SOLVER (self), 0);

  return self->n_dropped;
}
