/* test-model-disposition.c: the §5 cascade, §6.3 propensities and §6.6 reconciliation
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-model-common.h"

typedef struct
{
  const char       *name;
  const char       *text;
  const char       *state;
  EntenteBehaviour  disposition;
  const char       *target;       /* NULL: -1 */
  EntenteReason     reason;
} Case;

#define TRIAD "S P1 10 10 10 0.6 0.3 50 5\nS P2 10 10 10 0.6 0.3 50 10\nS P3 10 10 10 0.8 0.6 50 15\n" \
              "P P1 P2 0 1 0 1\nP P1 P3 0 0 0.8 0\nP P2 P3 0 0 0.8 1\n"

static const Case cases[] = {
  { "chain-gang", TRIAD "Y odb 0.7\n", "P1",
    ENTENTE_BEHAVIOUR_CHAIN_GANG, "P2", ENTENTE_REASON_CHAIN_GANG_OFFENCE },
  { "no-chain-gang-below-delta", TRIAD "Y odb 0.2\n", "P1",
    ENTENTE_BEHAVIOUR_BALANCE, "P3", ENTENTE_REASON_BALANCE_THREAT },
  { "buck-pass", TRIAD "Y odb -0.7\n", "P1",
    ENTENTE_BEHAVIOUR_BUCK_PASS, "P2", ENTENTE_REASON_BUCK_PASS_DEFENCE },
  /* The catcher itself borders the aggressor: it cannot pass the buck. */
  { "no-buck-pass-at-the-border", TRIAD "Y odb -0.7\n", "P2",
    ENTENTE_BEHAVIOUR_BALANCE, "P3", ENTENTE_REASON_BALANCE_THREAT },
  { "bandwagon-survival",
    "S Big 20 20 20 0.8 0.5 0 0\nS Tiny 1 1 1 0.1 0.1 0 3\nP Big Tiny 0 0 0 1\n", "Tiny",
    ENTENTE_BEHAVIOUR_BANDWAGON, "Big", ENTENTE_REASON_BANDWAGON_SURVIVAL },
  { "counterbalance-infeasible",
    "S Big 10 10 10 0.9 0.5 0 0\nS Mid 3 3 3 0.3 0.2 0 30\n", "Mid",
    ENTENTE_BEHAVIOUR_HIDE, NULL, ENTENTE_REASON_COUNTERBALANCE_INFEASIBLE },
  { "no-threat",
    "S Big 10 10 10 0.9 0.5 0 0\nS Mid 3 3 3 0.3 0.2 0 30\n", "Big",
    ENTENTE_BEHAVIOUR_HIDE, NULL, ENTENTE_REASON_NO_THREAT },
  { "revisionist-wolf",
    "S Wolf 10 10 10 0.8 0.9 50 10\nS Jackal 5 5 5 0.5 0.6 45 12\nS Lamb 8 8 8 0.3 0.1 48 2\n"
    "S Bear 9 9 9 0.5 0.3 55 37\nP Wolf Jackal 0.6 0.6 0 0\n", "Wolf",
    ENTENTE_BEHAVIOUR_REVISIONIST_LEAD, "Lamb", ENTENTE_REASON_REVISIONIST_WOLF },
  { "bandwagon-profit",
    "S Wolf 10 10 10 0.8 0.9 50 10\nS Jackal 5 5 5 0.5 0.6 45 12\nS Lamb 8 8 8 0.3 0.1 48 2\n"
    "S Bear 9 9 9 0.5 0.3 55 37\n", "Jackal",
    ENTENTE_BEHAVIOUR_BANDWAGON, "Wolf", ENTENTE_REASON_BANDWAGON_PROFIT },
  /* A jackal that is the wolf's rival balances it instead. */
  { "rival-jackal-balances",
    "S Wolf 10 10 10 0.8 0.9 50 10\nS Jackal 5 5 5 0.5 0.6 45 12\nS Lamb 8 8 8 0.3 0.1 48 2\n"
    "S Bear 9 9 9 0.5 0.3 55 37\nP Wolf Jackal 0 0 0.6 1\n", "Jackal",
    ENTENTE_BEHAVIOUR_BALANCE, "Wolf", ENTENTE_REASON_BALANCE_THREAT },
  { "tether",
    "S Big 30 30 30 0.5 0.2 38 -77\nS Far 25 25 25 0.7 0.5 55 37\n"
    "S Gr 1 1 1 0.2 0.2 38 23.7\nS Tr 4 3 3 0.3 0.25 40 32.9\n"
    "P Gr Tr 0.5 1 0.8 1\nP Big Gr 0.5 1 0 0\nP Big Tr 0.5 1 0 0\nP Far Big -0.8 0 0.8 0\n", "Gr",
    ENTENTE_BEHAVIOUR_TETHER, "Tr", ENTENTE_REASON_TETHER_RIVAL_ALLY },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (EntenteScenario) sc = test_model_scenario (c->text);
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  int i = test_model_index (res, c->state);
  const EntenteStateResult *st = &res->states[i];

  g_assert_cmpstr (entente_behaviour_to_string (st->disposition), ==,
                   entente_behaviour_to_string (c->disposition));
  g_assert_cmpint (st->disposition_target, ==, c->target ? test_model_index (res, c->target) : -1);
  g_assert_cmpstr (entente_reason_to_string (st->disposition_reason), ==,
                   entente_reason_to_string (c->reason));
}

/* §5.1 by hand: Tiny's feasibility against Big with one ally. */
static void
test_feasibility_by_hand (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S Big 8 8 8 0.8 0.5 0 0\nS Tiny 1 1 1 0.1 0.1 0 3\nS Friend 1 1 1 0.1 0.1 0 40\n"
    "P Tiny Friend 0 0.5 0 0\nP Big Tiny 0 0 0 1\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);

  /* allies(Tiny) = {Friend}; side_cap(Big) = A_Big: F = (0.1 + 0.1) / 0.8. */
  g_assert_cmpint (res->states[1].threat, ==, 0);
  g_assert_cmpfloat_with_epsilon (res->states[1].feasibility, 0.25, 1e-12);
}

/* §6.3 in AB 1993 mode: κ ≡ 0, two blocs only, propensities = the inputs. */
static void
test_ab1993 (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (TRIAD "Y mode ab1993\nY odb 0.7\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteParams *par = &sc->params;

  for (guint i = 0; i < res->n; i++)
    {
      g_assert_cmpfloat (res->kappa[i], ==, 0.0);
      g_assert_cmpint (res->states[i].bloc, !=, ENTENTE_BLOC_U);
    }
  g_assert_cmpfloat_with_epsilon (res->propensity[0 * 3 + 1], par->w_k * 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (res->propensity[1 * 3 + 2], -par->w_r * 0.8, 1e-12);
}

/* §6.3 in Entente mode, P1–P2 by hand: chain-gang bonus, shared threat P3. */
static void
test_propensity_by_hand (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (TRIAD "Y odb 0.7\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteParams *par = &sc->params;
  double t12 = res->threat[0 * 3 + 1], t21 = res->threat[1 * 3 + 0];
  double s12 = MIN (res->threat[0 * 3 + 2], res->threat[1 * 3 + 2]);
  double expect = par->w_k * 1.0 + par->w_s * s12 - par->w_t * (t12 + t21) / 2 + par->w_cg;

  g_assert_cmpfloat_with_epsilon (res->propensity[0 * 3 + 1], expect, 1e-12);
  g_assert_cmpfloat_with_epsilon (res->propensity[1 * 3 + 0], expect, 1e-12);
  /* κ: kappa0 minus kappa0·min (1, max k) = 0 for the allies. */
  g_assert_cmpfloat_with_epsilon (res->kappa[0], 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (res->kappa[2], par->kappa0, 1e-12);
}

/* §6.6: the chain-gangers share a bloc against P3 and keep their label;
 * the tethered dyad is flagged. */
static void
test_reconciliation (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (TRIAD "Y odb 0.7\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  g_autoptr (EntenteScenario) tsc = test_model_scenario (cases[G_N_ELEMENTS (cases) - 1].text);
  g_autoptr (EntenteResult) tres = test_model_solve (tsc);
  int gr = test_model_index (tres, "Gr"), tr = test_model_index (tres, "Tr");
  gboolean flagged = FALSE;

  g_assert_cmpint (res->states[0].bloc, ==, res->states[1].bloc);
  g_assert_cmpint (res->states[0].bloc, !=, ENTENTE_BLOC_U);
  g_assert_cmpint (res->states[2].bloc, !=, res->states[0].bloc);
  g_assert_cmpint (res->states[0].label, ==, ENTENTE_BEHAVIOUR_CHAIN_GANG);
  g_assert_cmpint (res->states[1].label, ==, ENTENTE_BEHAVIOUR_CHAIN_GANG);

  g_assert_cmpint (tres->states[gr].bloc, ==, tres->states[tr].bloc);
  g_assert_cmpint (tres->states[gr].label, ==, ENTENTE_BEHAVIOUR_TETHER);
  for (guint x = 0; x < tres->dyads->len; x++)
    {
      const EntenteDyadResult *d = &g_array_index (tres->dyads, EntenteDyadResult, x);

      if ((int) d->i == MIN (gr, tr) && (int) d->j == MAX (gr, tr))
        flagged = d->tethered;
      else
        g_assert_false (d->tethered);
    }
  g_assert_true (flagged);
}

static double
pair_value (EntenteResult *res,
            guint          i,
            guint          j,
            char           what)
{
  const EntentePair *pair = entente_scenario_get_pair (res->scenario, i, j);

  if (pair == NULL)
    return 0;
  return what == 'k' ? pair->commitment : pair->rivalry;
}

static gboolean
same (EntenteResult *res,
      int            i,
      int            j)
{
  return i >= 0 && j >= 0 && res->states[i].bloc != ENTENTE_BLOC_U &&
         res->states[i].bloc == res->states[j].bloc;
}

/* §6.6 as invariants over random scenarios: every final label is one of the
 * table's rows applied to the disposition and the configuration. */
static void
test_reconciliation_invariants (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (1993);

  for (guint trial = 0; trial < 60; trial++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (EntenteScenario) sc = NULL;
      g_autoptr (EntenteResult) res = NULL;
      guint n = 3 + trial % 8;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "S s%u %.2f %.2f %.2f %.2f %.2f %.1f %.1f\n", i,
                                g_rand_double_range (rand, 0.1, 10), g_rand_double_range (rand, 0.1, 10),
                                g_rand_double_range (rand, 0.1, 10), g_rand_double (rand),
                                g_rand_double (rand), g_rand_double_range (rand, 35, 60),
                                g_rand_double_range (rand, -10, 40));
      for (guint i = 0; i < n; i++)
        for (guint j = i + 1; j < n; j++)
          if (g_rand_int_range (rand, 0, 2) == 0)
            g_string_append_printf (text, "P s%u s%u %.1f %.1f %.1f %.0f\n", i, j,
                                    g_rand_double_range (rand, -1, 1), g_rand_double (rand),
                                    g_rand_double (rand), g_rand_boolean (rand) ? 1.0 : 0.0);
      g_string_append_printf (text, "Y odb %.1f\n", g_rand_double_range (rand, -1, 1));
      sc = test_model_scenario (text->str);
      res = test_model_solve (sc);

      for (guint i = 0; i < res->n; i++)
        {
          const EntenteStateResult *s = &res->states[i];
          int m = s->threat, t = s->disposition_target;

          if (s->disposition == ENTENTE_BEHAVIOUR_HIDE ||
              s->disposition == ENTENTE_BEHAVIOUR_REVISIONIST_LEAD ||
              s->disposition == ENTENTE_BEHAVIOUR_BUCK_PASS)
            {
              g_assert_cmpint (s->label, ==, s->disposition);
              g_assert_cmpint (s->label_reason, ==, s->disposition_reason);
              continue;
            }
          switch (s->label)
            {
            case ENTENTE_BEHAVIOUR_TETHER:
              g_assert_true (same (res, i, s->label_target));
              g_assert_cmpint (s->label_target, ==, m);
              g_assert_cmpfloat (pair_value (res, i, m, 'k'), >=, 0.5);
              g_assert_cmpfloat (pair_value (res, i, m, 'r'), >=, 0.5);
              break;
            case ENTENTE_BEHAVIOUR_CHAIN_GANG:
              g_assert_true (same (res, i, t));
              g_assert_false (same (res, i, m));
              break;
            case ENTENTE_BEHAVIOUR_HIDE:
              g_assert_cmpint (s->disposition, ==, ENTENTE_BEHAVIOUR_BANDWAGON);
              g_assert_cmpint (s->label_reason, ==, ENTENTE_REASON_BANDWAGON_UNALIGNED);
              g_assert_true (s->bloc == ENTENTE_BLOC_U || res->states[t].bloc == ENTENTE_BLOC_U);
              break;
            case ENTENTE_BEHAVIOUR_BANDWAGON:
              if (s->disposition == ENTENTE_BEHAVIOUR_BANDWAGON)
                g_assert_true (same (res, i, t));
              else
                {
                  g_assert_cmpint (s->label_reason, ==, ENTENTE_REASON_PULLED_TO_THREAT);
                  g_assert_true (same (res, i, m));
                }
              break;
            case ENTENTE_BEHAVIOUR_BALANCE:
              if (s->label_reason == ENTENTE_REASON_INTERNAL_BALANCING)
                g_assert_cmpint (s->bloc, ==, ENTENTE_BLOC_U);
              if (s->disposition == ENTENTE_BEHAVIOUR_BALANCE)
                g_assert_false (same (res, i, m));
              break;
            case ENTENTE_BEHAVIOUR_BUCK_PASS:
            case ENTENTE_BEHAVIOUR_REVISIONIST_LEAD:
            case ENTENTE_N_BEHAVIOURS:
            default:
              g_assert_not_reached ();
            }
        }

      for (guint b = 0; b < 2; b++)
        {
          double cap = 0;

          for (guint x = 0; x < res->blocs[b].members->len; x++)
            {
              guint i = g_array_index (res->blocs[b].members, guint, x);

              g_assert_cmpint (res->states[i].bloc, ==, b);
              cap += res->states[i].share;
            }
          g_assert_cmpfloat_with_epsilon (res->blocs[b].capability, cap, 1e-12);
        }
      for (guint x = 0; x < res->dyads->len; x++)
        {
          const EntenteDyadResult *d = &g_array_index (res->dyads, EntenteDyadResult, x);

          g_assert_cmpint (d->tethered, ==, same (res, d->i, d->j) &&
                           pair_value (res, d->i, d->j, 'k') >= 0.5 &&
                           pair_value (res, d->i, d->j, 'r') >= 0.5);
        }
    }
}

static void
test_reason_strings (void)
{
  EntenteBehaviour b;

  for (guint x = 0; x < ENTENTE_N_BEHAVIOURS; x++)
    {
      g_assert_true (entente_behaviour_from_string (entente_behaviour_to_string (x), &b));
      g_assert_cmpint (b, ==, x);
      g_assert_cmpstr (entente_behaviour_get_title (x), !=, "");
    }
  g_assert_false (entente_behaviour_from_string ("appease", &b));
  for (guint x = 1; x < ENTENTE_N_REASONS; x++)
    {
      g_assert_nonnull (entente_reason_to_string (x));
      g_assert_cmpstr (entente_reason_get_sentence (x), !=, "");
      g_assert_cmpstr (entente_reason_get_citation (x), !=, "");
      for (guint y = 0; y < x; y++)
        g_assert_cmpstr (entente_reason_to_string (x), !=, entente_reason_to_string (y));
    }
  g_assert_cmpstr (entente_reason_to_string (ENTENTE_REASON_COUNTERBALANCE_INFEASIBLE), ==,
                   "counterbalance-infeasible");
  g_assert_cmpstr (entente_reason_get_citation (ENTENTE_REASON_CHAIN_GANG_OFFENCE), ==,
                   "Christensen & Snyder 1990");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  for (guint x = 0; x < G_N_ELEMENTS (cases); x++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/model-disposition/%s", cases[x].name);

      g_test_add_data_func (path, &cases[x], test_case);
    }
  g_test_add_func ("/entente/model-disposition/feasibility-by-hand", test_feasibility_by_hand);
  g_test_add_func ("/entente/model-disposition/ab1993", test_ab1993);
  g_test_add_func ("/entente/model-disposition/propensity-by-hand", test_propensity_by_hand);
  g_test_add_func ("/entente/model-disposition/reconciliation", test_reconciliation);
  g_test_add_func ("/entente/model-disposition/reconciliation-invariants",
                   test_reconciliation_invariants);
  g_test_add_func ("/entente/model-disposition/reason-strings", test_reason_strings);
  return g_test_run ();
}
