/* entente-scenario.c: a world of states, the inputs of the model
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scenario"

#include "config.h"

#include "entente-scenario.h"
#include "entente-scenario-io.h"
#include "entente-scenario-private.h"

#include <string.h>

G_DEFINE_QUARK (entente-scenario-error-quark, entente_scenario_error)

G_DEFINE_BOXED_TYPE (EntenteScenario, entente_scenario,
                     entente_scenario_ref, entente_scenario_unref)

/* Objects */

static void
state_init_defaults (EntenteState *state)
{
  *state = (EntenteState) {
    .pop = 1.0, .econ = 1.0, .mil = 1.0,
    .offence = 0.5,
    .intention = 0.2,
    .lat = 0.0, .lon = 0.0,
    .domestic = 0.3,
    .gp_override = 0,
    .contained = FALSE,
  };
}

static EntenteState *
state_new (const char *id,
           const char *name)
{
  EntenteState *state = g_new0 (EntenteState, 1);

  state_init_defaults (state);
  state->id = g_strdup (id);
  state->name = g_strdup (name != NULL ? name : id);
  return state;
}

static void
state_free (gpointer data)
{
  EntenteState *state = data;

  g_free (state->id);
  g_free (state->name);
  g_free (state->label);
  g_free (state);
}

static EntenteState *
state_copy (const EntenteState *state)
{
  EntenteState *copy = g_memdup2 (state, sizeof *state);

  copy->id = g_strdup (state->id);
  copy->name = g_strdup (state->name);
  copy->label = g_strdup (state->label);
  return copy;
}

static gboolean
state_equal (const EntenteState *a,
             const EntenteState *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 ||
      !a->single_capability != !b->single_capability ||
      !a->has_node_position != !b->has_node_position)
    return FALSE;
  if (a->has_node_position &&
      (a->node_lat != b->node_lat || a->node_lon != b->node_lon))
    return FALSE;
  return _entente_attrs_equal (ENTENTE_ATTRS_STATE, a, b);
}

void
_entente_pair_init_defaults (EntentePair *pair,
                             guint        a,
                             guint        b)
{
  *pair = (EntentePair) { .a = a, .b = b };
}

gboolean
_entente_pair_is_default (const EntentePair *pair)
{
  return pair->affinity == 0 && pair->commitment == 0 &&
         pair->rivalry == 0 && pair->contiguity == 0;
}

void
entente_system_init_defaults (EntenteSystem *system)
{
  g_return_if_fail (system != NULL);

  *system = (EntenteSystem) {
    .odb = 0.0,
    .antihegemonic = FALSE,
    .war_shock = 0.0,
    .years_since = 0.0,
    .half_life = 25.0,
    .cost_of_war = 0.3,
    .transparency = 0.5,
    .nu = 0.6,
    .nu_p = 0.8,
    .w_pop_raw = 1.0, .w_econ_raw = 1.0, .w_mil_raw = 1.0,
    .mode = ENTENTE_ALIGN_MODE_ENTENTE,
  };
  entente_system_normalise_weights (system);
}

void
_entente_actor_init_defaults (EntenteCrisisActor *actor,
                              guint               state)
{
  *actor = (EntenteCrisisActor) {
    .state = state,
    .lead = FALSE,
    .stake = -1.0,
    .stance = 0.0,
    .regional = FALSE,
    .veto = -1,
  };
}

EntenteCrisis *
entente_crisis_new (const char *id)
{
  EntenteCrisis *crisis = g_new0 (EntenteCrisis, 1);

  crisis->id = g_strdup (id);
  crisis->name = g_strdup (id);
  crisis->type = ENTENTE_CRISIS_MEDIATION;
  crisis->progress = 0.0;
  crisis->risk = 0.5;
  crisis->receptive = 0.5;
  crisis->actors = g_array_new (FALSE, TRUE, sizeof (EntenteCrisisActor));
  return crisis;
}

void
entente_crisis_free (EntenteCrisis *crisis)
{
  if (crisis == NULL)
    return;
  g_free (crisis->id);
  g_free (crisis->name);
  g_clear_pointer (&crisis->actors, g_array_unref);
  g_free (crisis);
}

static EntenteCrisis *
crisis_copy (const EntenteCrisis *crisis)
{
  EntenteCrisis *copy = g_memdup2 (crisis, sizeof *crisis);

  copy->id = g_strdup (crisis->id);
  copy->name = g_strdup (crisis->name);
  copy->actors = g_array_copy (crisis->actors);
  return copy;
}

static gboolean
crisis_equal (const EntenteCrisis *a,
              const EntenteCrisis *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 ||
      !_entente_attrs_equal (ENTENTE_ATTRS_CRISIS, a, b) ||
      a->actors->len != b->actors->len)
    return FALSE;
  for (guint i = 0; i < a->actors->len; i++)
    {
      const EntenteCrisisActor *x = &g_array_index (a->actors, EntenteCrisisActor, i);
      const EntenteCrisisActor *y = &g_array_index (b->actors, EntenteCrisisActor, i);

      if (x->state != y->state || !_entente_attrs_equal (ENTENTE_ATTRS_ACTOR, x, y))
        return FALSE;
    }
  return TRUE;
}

EntenteChange *
entente_change_new (EntenteChangeTarget  target,
                    const char          *a,
                    const char          *b,
                    const char          *key,
                    const char          *value)
{
  EntenteChange *change = g_new0 (EntenteChange, 1);

  change->target = target;
  change->a = g_strdup (a);
  change->b = g_strdup (b);
  change->key = g_strdup (key);
  change->value = g_strdup (value);
  return change;
}

void
entente_change_free (EntenteChange *change)
{
  if (change == NULL)
    return;
  g_free (change->a);
  g_free (change->b);
  g_free (change->key);
  g_free (change->value);
  g_free (change);
}

static gpointer
change_copy (gconstpointer src,
             gpointer      user_data)
{
  const EntenteChange *change = src;

  return entente_change_new (change->target, change->a, change->b,
                             change->key, change->value);
}

static gboolean
change_equal (const EntenteChange *a,
              const EntenteChange *b)
{
  return a->target == b->target &&
         g_strcmp0 (a->a, b->a) == 0 &&
         g_strcmp0 (a->b, b->b) == 0 &&
         g_strcmp0 (a->key, b->key) == 0 &&
         g_strcmp0 (a->value, b->value) == 0;
}

EntenteStep *
entente_step_new (const char *name)
{
  EntenteStep *step = g_new0 (EntenteStep, 1);

  step->name = g_strdup (name);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_change_free);
  return step;
}

void
entente_step_free (EntenteStep *step)
{
  if (step == NULL)
    return;
  g_free (step->name);
  g_free (step->description);
  g_clear_pointer (&step->changes, g_ptr_array_unref);
  g_free (step);
}

static gpointer
step_copy (gconstpointer src,
           gpointer      user_data)
{
  const EntenteStep *step = src;
  EntenteStep *copy = entente_step_new (step->name);

  copy->description = g_strdup (step->description);
  g_ptr_array_extend (copy->changes, step->changes, change_copy, NULL);
  return copy;
}

static gboolean
step_equal (const EntenteStep *a,
            const EntenteStep *b)
{
  if (g_strcmp0 (a->name, b->name) != 0 ||
      g_strcmp0 (a->description, b->description) != 0 ||
      a->changes->len != b->changes->len)
    return FALSE;
  for (guint i = 0; i < a->changes->len; i++)
    if (!change_equal (g_ptr_array_index (a->changes, i), g_ptr_array_index (b->changes, i)))
      return FALSE;
  return TRUE;
}

/* The scenario */

static void
rebuild_index (EntenteScenario *self)
{
  g_hash_table_remove_all (self->state_index);
  for (guint i = 0; i < self->states->len; i++)
    {
      EntenteState *state = g_ptr_array_index (self->states, i);

      g_hash_table_insert (self->state_index, g_strdup (state->id), GUINT_TO_POINTER (i + 1));
    }
}

EntenteScenario *
entente_scenario_new (void)
{
  EntenteScenario *self = g_new0 (EntenteScenario, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->state_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->states = g_ptr_array_new_with_free_func (state_free);
  self->pairs = g_array_new (FALSE, TRUE, sizeof (EntentePair));
  entente_system_init_defaults (&self->system);
  entente_params_init_defaults (&self->params);
  self->crises = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_crisis_free);
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) entente_step_free);
  self->view.show_threats = TRUE;
  self->view.show_hulls = TRUE;
  self->view.show_labels = TRUE;
  self->view.show_legend = TRUE;
  return self;
}

EntenteScenario *
entente_scenario_ref (EntenteScenario *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
entente_scenario_unref (EntenteScenario *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->description);
  g_free (self->sources);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->state_index, g_hash_table_unref);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->crises, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_free (self->view.step);
  g_free (self);
}

static gpointer
state_copy_func (gconstpointer src,
                 gpointer      user_data)
{
  return state_copy (src);
}

static gpointer
crisis_copy_func (gconstpointer src,
                  gpointer      user_data)
{
  return crisis_copy (src);
}

/**
 * entente_scenario_copy:
 * @self: a scenario
 *
 * A deep copy: nothing is shared with @self.
 *
 * Returns: (transfer full): the copy
 */
EntenteScenario *
entente_scenario_copy (EntenteScenario *self)
{
  EntenteScenario *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = entente_scenario_new ();
  copy->title = g_strdup (self->title);
  copy->description = g_strdup (self->description);
  copy->sources = g_strdup (self->sources);
  g_ptr_array_extend (copy->states, self->states, state_copy_func, NULL);
  rebuild_index (copy);
  g_array_append_vals (copy->pairs, self->pairs->data, self->pairs->len);
  copy->system = self->system;
  copy->params = self->params;
  g_ptr_array_extend (copy->crises, self->crises, crisis_copy_func, NULL);
  g_ptr_array_extend (copy->steps, self->steps, step_copy, NULL);
  copy->view = self->view;
  copy->view.step = g_strdup (self->view.step);
  return copy;
}

static gboolean
pairs_equal (EntenteScenario *a,
             EntenteScenario *b)
{
  guint i = 0, j = 0;

  /* Both sorted; stored pairs at their defaults do not count. */
  for (;;)
    {
      const EntentePair *x = NULL, *y = NULL;

      while (i < a->pairs->len &&
             _entente_pair_is_default (&g_array_index (a->pairs, EntentePair, i)))
        i++;
      while (j < b->pairs->len &&
             _entente_pair_is_default (&g_array_index (b->pairs, EntentePair, j)))
        j++;
      if (i == a->pairs->len || j == b->pairs->len)
        return i == a->pairs->len && j == b->pairs->len;
      x = &g_array_index (a->pairs, EntentePair, i++);
      y = &g_array_index (b->pairs, EntentePair, j++);
      if (x->a != y->a || x->b != y->b || !_entente_attrs_equal (ENTENTE_ATTRS_PAIR, x, y))
        return FALSE;
    }
}

/**
 * entente_scenario_equal:
 * @a: a scenario
 * @b: another scenario
 *
 * Whether the two scenarios hold the same values, field by field (numbers
 * compared exactly), including the timeline and the view.
 */
gboolean
entente_scenario_equal (EntenteScenario *a,
                        EntenteScenario *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;
  if (g_strcmp0 (a->title, b->title) != 0 ||
      g_strcmp0 (a->description, b->description) != 0 ||
      g_strcmp0 (a->sources, b->sources) != 0)
    return FALSE;
  if (a->states->len != b->states->len)
    return FALSE;
  for (guint i = 0; i < a->states->len; i++)
    if (!state_equal (g_ptr_array_index (a->states, i), g_ptr_array_index (b->states, i)))
      return FALSE;
  if (!pairs_equal (a, b))
    return FALSE;
  if (!_entente_attrs_equal (ENTENTE_ATTRS_SYSTEM, &a->system, &b->system) ||
      !_entente_attrs_equal (ENTENTE_ATTRS_PARAMS, &a->params, &b->params))
    return FALSE;
  if (a->crises->len != b->crises->len || a->steps->len != b->steps->len)
    return FALSE;
  for (guint i = 0; i < a->crises->len; i++)
    if (!crisis_equal (g_ptr_array_index (a->crises, i), g_ptr_array_index (b->crises, i)))
      return FALSE;
  for (guint i = 0; i < a->steps->len; i++)
    if (!step_equal (g_ptr_array_index (a->steps, i), g_ptr_array_index (b->steps, i)))
      return FALSE;
  return g_strcmp0 (a->view.step, b->view.step) == 0 &&
         !a->view.show_threats == !b->view.show_threats &&
         !a->view.show_hulls == !b->view.show_hulls &&
         !a->view.show_labels == !b->view.show_labels &&
         !a->view.show_legend == !b->view.show_legend;
}

guint
entente_scenario_get_n_states (EntenteScenario *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->states->len;
}

EntenteState *
entente_scenario_get_state (EntenteScenario *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->states->len, NULL);

  return g_ptr_array_index (self->states, index);
}

/**
 * entente_scenario_find_state:
 * @self: a scenario
 * @id: a state id
 *
 * Constant time: the id index is kept in sync by every function that adds,
 * removes or copies states, so concurrent lookups on a snapshot are safe.
 *
 * Returns: the index of the state with @id, or -1
 */
int
entente_scenario_find_state (EntenteScenario *self,
                             const char      *id)
{
  gpointer value;

  g_return_val_if_fail (self != NULL, -1);

  if (id == NULL)
    return -1;

  value = g_hash_table_lookup (self->state_index, id);
  if (value != NULL)
    {
      guint index = GPOINTER_TO_UINT (value) - 1;

      /* Cheap guard against an id changed behind our back. */
      if (index < self->states->len &&
          g_strcmp0 (((EntenteState *) g_ptr_array_index (self->states, index))->id, id) == 0)
        return (int) index;
    }
  else if (g_hash_table_size (self->state_index) == self->states->len)
    return -1;

  for (guint i = 0; i < self->states->len; i++)
    if (g_strcmp0 (((EntenteState *) g_ptr_array_index (self->states, i))->id, id) == 0)
      return (int) i;
  return -1;
}

/* Binary search in the sorted pairs: the position of (a, b), or where it
 * would be inserted, and whether it is there. */
gboolean
_entente_scenario_pair_search (EntenteScenario *self,
                               guint            a,
                               guint            b,
                               guint           *position)
{
  guint lo = 0, hi = self->pairs->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const EntentePair *pair = &g_array_index (self->pairs, EntentePair, mid);

      if (pair->a < a || (pair->a == a && pair->b < b))
        lo = mid + 1;
      else
        hi = mid;
    }
  *position = lo;
  if (lo < self->pairs->len)
    {
      const EntentePair *pair = &g_array_index (self->pairs, EntentePair, lo);

      return pair->a == a && pair->b == b;
    }
  return FALSE;
}

const EntentePair *
entente_scenario_get_pair (EntenteScenario *self,
                           guint            i,
                           guint            j)
{
  guint position;
  const EntentePair *pair;

  g_return_val_if_fail (self != NULL, NULL);

  if (i == j)
    return NULL;
  if (!_entente_scenario_pair_search (self, MIN (i, j), MAX (i, j), &position))
    return NULL;
  pair = &g_array_index (self->pairs, EntentePair, position);
  return _entente_pair_is_default (pair) ? NULL : pair;
}

/**
 * entente_scenario_ensure_pair:
 * @self: a scenario
 * @i: a state index
 * @j: another state index
 *
 * The pointer stays valid until the next call that adds or removes pairs
 * or states.
 *
 * Returns: (transfer none): the pair of @i and @j, created with default
 *   values if needed
 */
EntentePair *
entente_scenario_ensure_pair (EntenteScenario *self,
                              guint            i,
                              guint            j)
{
  guint position;
  guint a, b;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i != j, NULL);
  g_return_val_if_fail (i < self->states->len && j < self->states->len, NULL);

  a = MIN (i, j);
  b = MAX (i, j);
  if (!_entente_scenario_pair_search (self, a, b, &position))
    {
      EntentePair pair;

      _entente_pair_init_defaults (&pair, a, b);
      g_array_insert_val (self->pairs, position, pair);
    }
  return &g_array_index (self->pairs, EntentePair, position);
}

static gboolean
is_ncname (const char *id)
{
  const guchar *p = (const guchar *) id;

  /* ASCII subset of an XML NCName; non-ASCII letters are accepted as is. */
  if (*p == '\0' || g_ascii_isdigit (*p) || *p == '-' || *p == '.')
    return FALSE;
  for (; *p != '\0'; p++)
    if (*p < 0x80 && !g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return g_utf8_validate (id, -1, NULL);
}

int
entente_scenario_insert_state (EntenteScenario  *self,
                               const char       *id,
                               const char       *name,
                               GError          **error)
{
  EntenteState *state;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!is_ncname (id))
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "state id \"%s\" is not a valid identifier", id);
      return -1;
    }
  if (entente_scenario_find_state (self, id) >= 0)
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "duplicate state id \"%s\"", id);
      return -1;
    }
  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "name of state \"%s\" is not valid UTF-8", id);
      return -1;
    }

  state = state_new (id, name);
  g_ptr_array_add (self->states, state);
  g_hash_table_insert (self->state_index, g_strdup (id),
                       GUINT_TO_POINTER (self->states->len));
  return (int) self->states->len - 1;
}

guint
entente_scenario_add_state (EntenteScenario *self,
                            const char      *name)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (self != NULL, 0);

  for (guint k = self->states->len + 1; ; k++)
    {
      g_free (id);
      id = g_strdup_printf ("state%u", k);
      if (entente_scenario_find_state (self, id) < 0)
        break;
    }
  return (guint) entente_scenario_insert_state (self, id, name, NULL);
}

static gboolean
change_names_state (const EntenteChange *change,
                    const char          *id)
{
  switch (change->target)
    {
    case ENTENTE_CHANGE_STATE:
      return g_strcmp0 (change->a, id) == 0;
    case ENTENTE_CHANGE_PAIR:
      return g_strcmp0 (change->a, id) == 0 || g_strcmp0 (change->b, id) == 0;
    case ENTENTE_CHANGE_ACTOR:
      return g_strcmp0 (change->b, id) == 0;
    case ENTENTE_CHANGE_SYSTEM:
    case ENTENTE_CHANGE_CRISIS:
    default:
      return FALSE;
    }
}

void
entente_scenario_remove_state (EntenteScenario *self,
                               guint            index)
{
  g_autofree char *id = NULL;
  guint k = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->states->len);

  id = g_strdup (((EntenteState *) g_ptr_array_index (self->states, index))->id);

  /* Pairs: drop those naming the state, shift higher indices down. The
   * shift is monotonic, so the array stays sorted. */
  for (guint i = 0; i < self->pairs->len; i++)
    {
      EntentePair pair = g_array_index (self->pairs, EntentePair, i);

      if (pair.a == index || pair.b == index)
        continue;
      if (pair.a > index)
        pair.a--;
      if (pair.b > index)
        pair.b--;
      g_array_index (self->pairs, EntentePair, k++) = pair;
    }
  g_array_set_size (self->pairs, k);

  for (guint c = 0; c < self->crises->len; c++)
    {
      EntenteCrisis *crisis = g_ptr_array_index (self->crises, c);

      k = 0;
      for (guint i = 0; i < crisis->actors->len; i++)
        {
          EntenteCrisisActor actor = g_array_index (crisis->actors, EntenteCrisisActor, i);

          if (actor.state == index)
            continue;
          if (actor.state > index)
            actor.state--;
          g_array_index (crisis->actors, EntenteCrisisActor, k++) = actor;
        }
      g_array_set_size (crisis->actors, k);
    }

  for (guint s = 0; s < self->steps->len; s++)
    {
      EntenteStep *step = g_ptr_array_index (self->steps, s);

      for (guint i = step->changes->len; i > 0; i--)
        if (change_names_state (g_ptr_array_index (step->changes, i - 1), id))
          g_ptr_array_remove_index (step->changes, i - 1);
    }

  g_ptr_array_remove_index (self->states, index);
  rebuild_index (self);
}

int
entente_scenario_find_crisis (EntenteScenario *self,
                              const char      *id)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->crises->len; i++)
    if (g_strcmp0 (((EntenteCrisis *) g_ptr_array_index (self->crises, i))->id, id) == 0)
      return (int) i;
  return -1;
}

int
entente_scenario_find_actor (EntenteScenario *self,
                             guint            crisis,
                             guint            state)
{
  EntenteCrisis *c;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (crisis < self->crises->len, -1);

  c = g_ptr_array_index (self->crises, crisis);
  for (guint i = 0; i < c->actors->len; i++)
    if (g_array_index (c->actors, EntenteCrisisActor, i).state == state)
      return (int) i;
  return -1;
}

void
entente_scenario_set_text (EntenteScenario  *self,
                           char            **field,
                           const char       *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field != NULL);

  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

int
entente_scenario_find_step (EntenteScenario *self,
                            const char      *name)
{
  g_return_val_if_fail (self != NULL, -1);

  if (name == NULL)
    return -1;
  for (guint i = 0; i < self->steps->len; i++)
    if (g_strcmp0 (((EntenteStep *) g_ptr_array_index (self->steps, i))->name, name) == 0)
      return (int) i;
  return -1;
}

/**
 * entente_scenario_apply_step:
 * @self: a scenario
 * @step: (nullable): a step name
 *
 * Applies the changes of every step up to and including @step, in timeline
 * order, to a copy of @self. The copy keeps the timeline, and its
 * view.step is @step.
 *
 * Returns: (transfer full): the scenario at @step, or NULL with
 *   ENTENTE_SCENARIO_ERROR_INVALID for an unknown step or a bad change
 */
EntenteScenario *
entente_scenario_apply_step (EntenteScenario  *self,
                             const char       *step,
                             GError          **error)
{
  g_autoptr (EntenteScenario) copy = NULL;
  int last;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = entente_scenario_copy (self);
  if (step == NULL)
    {
      g_clear_pointer (&copy->view.step, g_free);
      return g_steal_pointer (&copy);
    }

  last = entente_scenario_find_step (self, step);
  if (last < 0)
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "unknown step \"%s\"", step);
      return NULL;
    }

  for (int s = 0; s <= last; s++)
    {
      EntenteStep *st = g_ptr_array_index (self->steps, s);

      for (guint i = 0; i < st->changes->len; i++)
        {
          EntenteChange *change = g_ptr_array_index (st->changes, i);
          g_autoptr (GError) local_error = NULL;

          if (!entente_scenario_set_attribute (copy, change->target, change->a, change->b,
                                               change->key, change->value, &local_error))
            {
              g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                           "step \"%s\": %s", st->name, local_error->message);
              return NULL;
            }
        }
    }

  entente_scenario_set_text (copy, &copy->view.step, step);
  return g_steal_pointer (&copy);
}
