/* entente-result.h: everything one model run computed, immutable
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "entente-landscape.h"
#include "entente-reason.h"
#include "entente-scenario.h"

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_POLARITY_UNIPOLAR,
  ENTENTE_POLARITY_BIPOLAR,
  ENTENTE_POLARITY_MULTIPOLAR,
} EntentePolarity;

typedef enum
{
  ENTENTE_FEAR_NONE,
  ENTENTE_FEAR_ABANDONMENT,
  ENTENTE_FEAR_ENTRAPMENT,
} EntenteFear;

typedef enum
{
  ENTENTE_CAVEAT_NONE,
  ENTENTE_CAVEAT_LIMITED,
  ENTENTE_CAVEAT_EXTENSIVE,
  ENTENTE_CAVEAT_ABSTAIN,
} EntenteCaveat;

typedef enum
{
  ENTENTE_CONTACT_CONCERT_TYPE,   /* Bosnia 1994 */
  ENTENTE_CONTACT_TWO_PHASE,      /* Libya 2011 */
} EntenteContactMode;

typedef struct
{
  double            share;              /* A_i */
  gboolean          great_power;
  gboolean          pole;
  int               threat;             /* m(i), state index, -1 when n = 1 */
  double            threat_level;       /* θ_i */
  double            feasibility;        /* F_i, local feasibility (§5.1) */
  EntenteBehaviour  disposition;        /* §5 strategy */
  int               disposition_target; /* state index or -1 */
  EntenteReason     disposition_reason;
  EntenteBehaviour  label;              /* §6.6 final label */
  int               label_target;
  EntenteReason     label_reason;
  EntenteBloc       bloc;               /* in the current configuration */
  double            frustration;        /* F_i(current) of the landscape */
} EntenteStateResult;

typedef struct
{
  guint         i, j;                  /* i < j, with k_ij >= 0.3 */
  double        fear_abandonment[2];   /* [0] i about j, [1] j about i */
  double        fear_entrapment[2];
  EntenteFear   dominant[2];
  gboolean      tethered;              /* same bloc, r >= 0.5, k >= 0.5 */
  gboolean      asymmetric;
  guint         major;                 /* state index of the stronger partner */
  double        ratio;                 /* A_minor / A_major */
  double        net_major, net_minor;
  gboolean      viable;
  double        break_risk;
} EntenteDyadResult;

typedef struct
{
  EntenteReason reason;                /* which condition fails */
  guint         condition;             /* 1..4 */
  double        value;
  int           states[2];             /* responsible states, -1 when none */
} EntenteConcertFailure;

typedef struct
{
  double    j[4];                      /* J1..J4 */
  double    index;                     /* CI, geometric mean */
  gboolean  forms;
  gboolean  strong;
  gboolean  grand_coalition;           /* coverage < 2/3: "grand coalition against X" */
  int       grand_coalition_target;    /* X, or -1 */
  double    coverage;
  GArray   *members;                   /* of guint */
  GArray   *contained;                 /* of guint */
  GArray   *failures;                  /* of EntenteConcertFailure, ascending by value */
} EntenteConcertResult;

typedef struct
{
  guint          state;
  gboolean       participates;
  double         caveat_level;         /* CV_i */
  EntenteCaveat  caveat;
} EntenteCaveatResult;

typedef struct
{
  guint               crisis;          /* index into scenario->crises */
  EntenteContactMode  mode;
  guint               phase;           /* 1 or 2 (always 1 for concert_type) */
  GArray             *core;            /* of guint */
  GArray             *group;           /* of guint: the group in the current phase */
  GArray             *friends;         /* of guint: phase-2 additions, empty in phase 1 */
  double              v[5];            /* V1..V5 */
  double              viability;       /* V */
  gboolean            limited;         /* V < 0.5 */
  GArray             *caveats;         /* of EntenteCaveatResult, for coercive operations */
} EntenteContactResult;

typedef struct
{
  GArray   *members;                   /* of guint */
  double    capability;
  int       largest;                   /* -1 if empty */
} EntenteBlocResult;

typedef struct _EntenteResult EntenteResult;

struct _EntenteResult
{
  /*< private >*/
  gatomicrefcount ref_count;
  /*< public, read-only >*/
  EntenteScenario          *scenario;     /* the snapshot this result was computed from */
  guint                     n;
  EntenteStateResult       *states;       /* n entries, scenario order */
  double                   *threat;       /* n*n, T[i*n+j]: threat j poses to i */
  EntentePolarity           polarity;
  GArray                   *poles;        /* of guint */
  int                       lead;
  gboolean                  unbalanced;
  gboolean                  hegemonic;
  double                    concentration; /* CON */
  EntenteBlocResult         blocs[2];     /* A, B */
  GArray                   *counterbalancing; /* of guint: BALANCE/CHAIN_GANG against lead in a bloc without it */
  EntenteLandscapeSolution *landscape;
  GArray                   *dyads;        /* of EntenteDyadResult */
  EntenteConcertResult      concert;
  GArray                   *contacts;     /* of EntenteContactResult, one per crisis */
  /* Added by the model: the capability shares at load, A⁰ of §8's break risk
   * (n entries). Inherited from @previous by state id, else the run's own
   * shares; see entente_model_solve_full() and src/core/MODEL.md. */
  double                   *baseline;
  double                   *propensity;   /* n*n, the p_ij handed to the landscape */
  double                   *kappa;        /* n, alignment costs κ_i */
};

GType           entente_result_get_type (void) G_GNUC_CONST;
#define ENTENTE_TYPE_RESULT (entente_result_get_type ())

EntenteResult  *entente_result_ref      (EntenteResult *self);
void            entente_result_unref    (EntenteResult *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EntenteResult, entente_result_unref)

G_END_DECLS
