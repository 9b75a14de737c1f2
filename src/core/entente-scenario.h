/* entente-scenario.h: a world of states, the inputs of the model
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-params.h"

G_BEGIN_DECLS

/* Every value here is on the scale of model-theory.md §1. The loader and
 * entente_scenario_set_attribute() reject a value out of range (an error
 * naming the attribute), so the model never sees one.
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
  /* The weights as written in the file (w-pop, w-econ, w-mil, default 1):
   * w_pop, w_econ, w_mil above are these divided by their sum (1/3 each
   * when the sum is 0). Kept so that saving writes back what was read. */
  double           w_pop_raw, w_econ_raw, w_mil_raw;
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
  GHashTable     *state_index;  /* id → index + 1, kept in sync by the setters */
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
 * g_ascii_strtod and validated; errors are ENTENTE_SCENARIO_ERROR_INVALID
 * naming the attribute and the value, and a rejected value changes nothing.
 * Besides the file's attributes (entente_scenario_attribute_names()), a
 * state takes "node-lat"/"node-lon" (the dragged display position), and
 * ENTENTE_CHANGE_SYSTEM also takes the <model> (EntenteParams) attributes.
 * An actor that does not exist yet is added to its crisis. */
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

/* Appends a state with §1.1 defaults and the given @id (a non-empty XML
 * NCName not yet used); @name NULL means the id. Returns its index, or -1
 * with ENTENTE_SCENARIO_ERROR_INVALID. Used by the loader. */
int               entente_scenario_insert_state    (EntenteScenario  *self,
                                                    const char       *id,
                                                    const char       *name,
                                                    GError          **error);
/* Index of the crisis with @id, or -1. */
int               entente_scenario_find_crisis     (EntenteScenario  *self,
                                                    const char       *id);
/* Index of the actor for state @state in crisis @crisis, or -1. */
int               entente_scenario_find_actor      (EntenteScenario  *self,
                                                    guint             crisis,
                                                    guint             state);
/* Replaces a nullable string field of the scenario (title, description,
 * sources): a small helper since g_set_str is GLib 2.76. */
void              entente_scenario_set_text        (EntenteScenario  *self,
                                                    char            **field,
                                                    const char       *value);

/* Initialises @system to the §1.3 defaults. */
void              entente_system_init_defaults     (EntenteSystem    *system);
/* Recomputes w_pop, w_econ, w_mil from the raw weights. */
void              entente_system_normalise_weights (EntenteSystem    *system);

EntenteCrisis    *entente_crisis_new               (const char       *id);
void              entente_crisis_free              (EntenteCrisis    *crisis);
EntenteStep      *entente_step_new                 (const char       *name);
void              entente_step_free                (EntenteStep      *step);
EntenteChange    *entente_change_new               (EntenteChangeTarget  target,
                                                    const char          *a,
                                                    const char          *b,
                                                    const char          *key,
                                                    const char          *value);
void              entente_change_free              (EntenteChange    *change);

/* The attribute names entente_scenario_set_attribute() accepts for
 * @target, NULL-terminated, in the canonical order the saver writes them.
 * For ENTENTE_CHANGE_SYSTEM this is the <system> attributes followed by
 * the <model> (EntenteParams) ones. */
const char * const *entente_scenario_attribute_names (EntenteChangeTarget target);
/* The current value of an attribute in the file syntax (shortest
 * round-tripping number), or NULL when the object or key is unknown. */
char             *entente_scenario_get_attribute   (EntenteScenario     *self,
                                                    EntenteChangeTarget  target,
                                                    const char          *a,
                                                    const char          *b,
                                                    const char          *key);
/* Shortest decimal form of @value that g_ascii_strtod reads back exactly. */
char             *entente_format_double            (double            value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteScenario, entente_scenario_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteCrisis, entente_crisis_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteStep, entente_step_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteChange, entente_change_free)

G_END_DECLS
