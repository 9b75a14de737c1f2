/* entente-scenario.h: a world of states, the inputs of the model
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-params.h"

G_BEGIN_DECLS

/* Every value here is on the scale of model-theory.md §1. Loaders and
 * setters clamp on entry, so the model never sees a value out of range.
 *
 * An EntenteScenario is reference counted. It is mutable only through the
 * entente_scenario_* setters, and only while its owner holds the sole
 * reference; the window hands the model thread a copy
 * (entente_scenario_copy()), which is therefore an immutable snapshot.
 */

typedef enum
{
  ENTENTE_ALIGN_MODE_ENTENTE,   /* blocs A/B + unaligned U, alignment cost κ */
  ENTENTE_ALIGN_MODE_AB1993,    /* Axelrod–Bennett as published: two blocs, κ ≡ 0 */
} EntenteAlignMode;

typedef enum
{
  ENTENTE_CRISIS_MEDIATION,
  ENTENTE_CRISIS_COERCIVE,
} EntenteCrisisType;

typedef struct
{
  char     *id;                 /* unique, XML NCName */
  char     *name;               /* display name, any UTF-8 */
  char     *label;              /* nullable short label for the canvas */
  double    pop, econ, mil;     /* capability components, >= 0, any unit */
  double    offence;            /* O, [0,1] */
  double    intention;          /* I, [0,1] */
  double    lat, lon;           /* degrees */
  double    domestic;           /* delta, [0,1] */
  int       gp_override;        /* -1, 0, +1 */
  gboolean  contained;
  /* The file gave one `capability` value instead of components: then
   * pop = econ = mil = capability and the saver writes it back as one value. */
  gboolean  single_capability;
  /* Display hint: where the user dragged the node, as a map position in
   * degrees (drawn as if the state were there; the model ignores it). */
  gboolean  has_node_position;
  double    node_lat, node_lon;
} EntenteState;

typedef struct
{
  guint  a, b;                  /* state indices, a < b */
  double affinity;              /* a_ij, [-1,1] */
  double commitment;            /* k_ij, [0,1] */
  double rivalry;               /* r_ij, [0,1] */
  double contiguity;            /* g_ij, [0,1] */
} EntentePair;

typedef struct
{
  double           odb;            /* perceived offence–defence balance, [-1,1] */
  gboolean         antihegemonic;  /* H */
  double           war_shock;      /* W, [0,1] */
  double           years_since;    /* dt, >= 0 */
  double           half_life;      /* half, > 0 */
  double           cost_of_war;    /* chi, [0,1] */
  double           transparency;   /* tau, [0,1] */
  double           nu;             /* weight of intentions, [0,1]: 0 = Waltz, 1 = Walt */
  double           nu_p;           /* weight of proximity, [0,1] */
  double           w_pop, w_econ, w_mil;   /* capability weights, normalised to sum 1 */
  EntenteAlignMode mode;
} EntenteSystem;

typedef struct
{
  guint    state;               /* state index */
  gboolean lead;                /* member of the leading alliance */
  double   stake;               /* sigma, [0,1]; < 0 means derived (§1.4) */
  double   stance;              /* rho, [-1,1] */
  gboolean regional;
  int      veto;                /* -1 derived (great power), 0, 1 */
} EntenteCrisisActor;

typedef struct
{
  char              *id;
  char              *name;
  double             lat, lon;
  EntenteCrisisType  type;
  double             progress;   /* [0,1] */
  double             risk;       /* omega, [0,1] */
  double             receptive;  /* [0,1] */
  GArray            *actors;     /* of EntenteCrisisActor */
} EntenteCrisis;

typedef enum
{
  ENTENTE_CHANGE_STATE,
  ENTENTE_CHANGE_PAIR,
  ENTENTE_CHANGE_SYSTEM,
  ENTENTE_CHANGE_CRISIS,
  ENTENTE_CHANGE_ACTOR,
} EntenteChangeTarget;

/* A timeline step changes attributes by name, with the same attribute names
 * and value syntax as the file; applying a step goes through the loader's
 * own attribute setter. */
typedef struct
{
  EntenteChangeTarget target;
  char *a;                      /* state id, first state of a pair, or crisis id */
  char *b;                      /* second state of a pair, or actor state id; else NULL */
  char *key;                    /* attribute name */
  char *value;                  /* attribute value as written in the file */
} EntenteChange;

typedef struct
{
  char      *name;              /* e.g. "1818" */
  char      *description;       /* nullable */
  GPtrArray *changes;           /* of EntenteChange* */
} EntenteStep;

typedef struct
{
  char     *step;               /* nullable: the step being shown */
  gboolean  show_threats;
  gboolean  show_hulls;
  gboolean  show_labels;
  gboolean  show_legend;
} EntenteView;

typedef struct _EntenteScenario EntenteScenario;

struct _EntenteScenario
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only outside entente-scenario.c >*/
  char          *title;         /* nullable */
  char          *description;   /* nullable */
  char          *sources;       /* nullable */
  GPtrArray     *states;        /* of EntenteState*, file order */
  GArray        *pairs;         /* of EntentePair, sorted by (a, b), only non-default pairs */
  EntenteSystem  system;
  EntenteParams  params;
  GPtrArray     *crises;        /* of EntenteCrisis* */
  GPtrArray     *steps;         /* of EntenteStep*, in timeline order */
  EntenteView    view;
};

GType             entente_scenario_get_type        (void) G_GNUC_CONST;
#define ENTENTE_TYPE_SCENARIO (entente_scenario_get_type ())

EntenteScenario  *entente_scenario_new             (void);
EntenteScenario  *entente_scenario_ref             (EntenteScenario  *self);
void              entente_scenario_unref           (EntenteScenario  *self);
EntenteScenario  *entente_scenario_copy            (EntenteScenario  *self);
gboolean          entente_scenario_equal           (EntenteScenario  *a,
                                                    EntenteScenario  *b);

guint             entente_scenario_get_n_states    (EntenteScenario  *self);
EntenteState     *entente_scenario_get_state       (EntenteScenario  *self,
                                                    guint             index);
int               entente_scenario_find_state      (EntenteScenario  *self,
                                                    const char       *id);
/* Returns the stored pair or NULL when all four values are at their defaults. */
const EntentePair *entente_scenario_get_pair       (EntenteScenario  *self,
                                                    guint             i,
                                                    guint             j);
/* Creates the pair if needed; i != j, order does not matter. */
EntentePair      *entente_scenario_ensure_pair     (EntenteScenario  *self,
                                                    guint             i,
                                                    guint             j);

/* Adds a state with §1.1 defaults and a fresh unique id; returns its index. */
guint             entente_scenario_add_state       (EntenteScenario  *self,
                                                    const char       *name);
/* Removes the state and every pair, crisis actor and change that names it. */
void              entente_scenario_remove_state    (EntenteScenario  *self,
                                                    guint             index);

/* Sets one attribute by its file name ("intention", "mil", "lat", …) on a
 * state, pair, the system, a crisis or an actor: the single code path used by
 * the loader, timeline steps and the UI. Values are parsed with
 * g_ascii_strtod and validated; errors are ENTENTE_SCENARIO_ERROR_INVALID. */
gboolean          entente_scenario_set_attribute   (EntenteScenario     *self,
                                                    EntenteChangeTarget  target,
                                                    const char          *a,
                                                    const char          *b,
                                                    const char          *key,
                                                    const char          *value,
                                                    GError             **error);

/* A new scenario with the steps up to and including @step applied in
 * timeline order (steps are cumulative). NULL step: the base scenario. */
EntenteScenario  *entente_scenario_apply_step      (EntenteScenario  *self,
                                                    const char       *step,
                                                    GError          **error);
int               entente_scenario_find_step       (EntenteScenario  *self,
                                                    const char       *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteScenario, entente_scenario_unref)

G_END_DECLS
