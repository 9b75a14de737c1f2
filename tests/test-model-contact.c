/* test-model-contact.c: contact groups, Friends, viability and caveats (model-theory.md §10, §7.2)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-model-common.h"

/* Six allies, one great power outside the lead with a stake, one without. */
#define WORLD "S L1 30 30 30 0.8 0.2 40 -75\nS L2 8 8 8 0.5 0.1 50 0\nS L3 8 8 8 0.5 0.1 48 3\n" \
              "S L4 7 7 7 0.4 0.1 52 13\nS L5 6 6 6 0.3 0.1 42 12\nS L6 3 3 3 0.3 0.1 52 5\n" \
              "S Out 12 12 12 0.5 0.4 55 37\nS Far 15 15 15 0.4 0.3 40 116\n" \
              "S Reg 1 1 1 0.2 0.2 25 51\n" \
              "C x\nc x lat 44\nc x lon 18\nc x receptive 0.8\n" \
              "a x L1 lead true\na x L1 stake 0.6\na x L1 stance 0.8\n" \
              "a x L2 lead true\na x L2 stake 0.8\na x L2 stance 0.7\n" \
              "a x L3 lead true\na x L3 stake 0.8\na x L3 stance 0.7\n" \
              "a x L4 lead true\na x L4 stake 0.6\na x L4 stance 0.6\n" \
              "a x L5 lead true\na x L5 stake 0.7\na x L5 stance 0.7\n" \
              "a x L6 lead true\na x L6 stake 0.8\na x L6 stance 0.8\n" \
              "a x Out stake 0.8\na x Out stance -0.2\na x Out veto true\n" \
              "a x Far stake 0.1\na x Far stance 0\n" \
              "a x Reg stake 0.6\na x Reg stance 0.8\na x Reg regional true\n"

static gboolean
contains (EntenteResult *res,
          GArray        *set,
          const char    *id)
{
  int i = test_model_index (res, id);

  for (guint x = 0; x < set->len; x++)
    if (g_array_index (set, guint, x) == (guint) i)
      return TRUE;
  return FALSE;
}

static void
test_concert_type (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (WORLD "c x type mediation\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteContactResult *c = &g_array_index (res->contacts, EntenteContactResult, 0);
  double g;

  g_assert_cmpint (c->mode, ==, ENTENTE_CONTACT_CONCERT_TYPE);
  g_assert_cmpuint (c->phase, ==, 1);
  g_assert_cmpuint (c->core->len, ==, 5);
  g_assert_false (contains (res, c->core, "L6"));        /* smallest ω */
  g_assert_true (contains (res, c->group, "Out"));
  g_assert_false (contains (res, c->group, "Far"));
  g_assert_false (contains (res, c->group, "Reg"));
  g_assert_cmpuint (c->group->len, ==, 6);
  g_assert_cmpuint (c->friends->len, ==, 0);
  g_assert_cmpuint (c->caveats->len, ==, 0);             /* mediation */
  /* V3 = 1 − (0.8 − (−0.2)) / 2 = 0.5; V2 = receptive. */
  g_assert_cmpfloat_with_epsilon (c->v[2], 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->v[1], 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->v[0], 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->v[4], 1.0, 1e-12);
  g = pow (c->v[0] * c->v[1] * c->v[2] * c->v[3] * c->v[4], 0.2);
  g_assert_cmpfloat_with_epsilon (c->viability, sqrt (0.5 * g), 1e-12);
  g_assert_false (c->limited);
}

static void
test_two_phase (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (WORLD "c x type coercive\nc x progress 0.59\n");
  g_autoptr (EntenteResult) p1 = test_model_solve (sc);
  g_autoptr (EntenteResult) p2 = NULL;
  const EntenteContactResult *c1 = &g_array_index (p1->contacts, EntenteContactResult, 0);
  const EntenteContactResult *c2;

  g_assert_cmpint (c1->mode, ==, ENTENTE_CONTACT_TWO_PHASE);
  g_assert_cmpuint (c1->phase, ==, 1);
  g_assert_true (contains (p1, c1->group, "Reg"));
  g_assert_true (contains (p1, c1->group, "L6"));
  g_assert_false (contains (p1, c1->group, "Out"));
  g_assert_cmpuint (c1->friends->len, ==, 0);
  /* The great power outside, opposed, weighs on the external context. */
  g_assert_cmpfloat (c1->v[0], <, 1.0);

  test_model_apply (sc, "c x progress 0.61\n");
  p2 = test_model_solve (sc);
  c2 = &g_array_index (p2->contacts, EntenteContactResult, 0);
  g_assert_cmpuint (c2->phase, ==, 2);
  g_assert_true (contains (p2, c2->friends, "Out"));
  g_assert_true (contains (p2, c2->group, "Out"));
  g_assert_false (contains (p2, c2->group, "Far"));
  g_assert_cmpfloat_with_epsilon (c2->v[0], 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (c2->v[4], 1.0, 1e-12);
}

/* §7.2: caveats rise with the domestic constraint; a distant non-ally abstains. */
static void
test_caveats (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S Lead 30 30 30 0.9 0.25 38.9 -77\nS Low 6 6 6 0.5 0.1 51.5 0\nS High 8 8 8 0.3 0.1 52.5 13.4\n"
    "S Foe 3 1 1 0.2 0.6 34.5 69.2\nS Away 1 1 1 0.1 0.1 -35 -60\nS Opp 5 5 5 0.5 0.5 55 37\n"
    "s Low domestic 0.2\ns High domestic 0.8\n"
    "P Lead Low 0.6 1 0 0\nP Lead High 0.5 1 0 0\n"
    "C op\nc op lat 34.5\nc op lon 69.2\nc op type coercive\nc op risk 0.7\n"
    "a op Lead lead true\na op Lead stance 1\n"
    "a op Low stake 0.5\na op Low stance 0.8\na op High stake 0.3\na op High stance 0.6\n"
    "a op Away stake 0.1\na op Away stance 0.2\na op Opp stake 0.5\na op Opp stance -0.5\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  const EntenteContactResult *c = &g_array_index (res->contacts, EntenteContactResult, 0);

  g_assert_cmpuint (c->caveats->len, ==, 4);
  for (guint x = 0; x < c->caveats->len; x++)
    {
      const EntenteCaveatResult *cv = &g_array_index (c->caveats, EntenteCaveatResult, x);

      if (cv->state == (guint) test_model_index (res, "Low"))
        {
          g_assert_true (cv->participates);
          g_assert_cmpfloat_with_epsilon (cv->caveat_level, 0.1, 1e-12);
          g_assert_cmpint (cv->caveat, ==, ENTENTE_CAVEAT_NONE);
        }
      else if (cv->state == (guint) test_model_index (res, "High"))
        {
          g_assert_true (cv->participates);
          g_assert_cmpfloat_with_epsilon (cv->caveat_level, 0.4, 1e-12);
          g_assert_cmpint (cv->caveat, ==, ENTENTE_CAVEAT_EXTENSIVE);
        }
      else
        {
          g_assert_false (cv->participates);
          g_assert_cmpint (cv->caveat, ==, ENTENTE_CAVEAT_ABSTAIN);
        }
    }
}

/* Fermann's H3 and H2 (as reconstructed in §7.2): with no stake in a risky
 * operation, entrapment fear wins and the ally abstains; with some stake it
 * joins with the caveats that cap its entrapment, c* = 1 − (FA + σ + norm) / FEop. */
static void
test_caveat_entrapment (void)
{
  g_autoptr (EntenteScenario) sc = test_model_scenario (
    "S Lead 30 30 30 0.9 0.25 38.9 -77\nS Ally 20 20 20 0.5 0.1 51.5 0\nS X 20 20 20 0.5 0.1 -30 100\n"
    "S Y 20 20 20 0.5 0.1 40 116\n"
    "s Ally domestic 0\nP Lead Ally 0 1 0 0\n"
    "C op\nc op lat 0\nc op lon 0\nc op type coercive\nc op risk 1\n"
    "a op Lead lead true\na op Lead stance 1\na op Ally stake 0\na op Ally stance 0.5\n");
  g_autoptr (EntenteResult) res = test_model_solve (sc);
  g_autoptr (EntenteResult) res2 = NULL;
  const EntenteContactResult *c = &g_array_index (res->contacts, EntenteContactResult, 0);
  const EntenteCaveatResult *cv = &g_array_index (c->caveats, EntenteCaveatResult, 0);
  double fa;

  g_assert_cmpint (res->polarity, ==, ENTENTE_POLARITY_MULTIPOLAR);
  g_assert_cmpfloat (res->states[1].threat_level, <, 0.05);     /* FA ≈ 0 */
  g_assert_false (cv->participates);
  g_assert_cmpint (cv->caveat, ==, ENTENTE_CAVEAT_ABSTAIN);

  test_model_apply (sc, "a op Ally stake 0.3\n");
  res2 = test_model_solve (sc);
  c = &g_array_index (res2->contacts, EntenteContactResult, 0);
  cv = &g_array_index (c->caveats, EntenteCaveatResult, 0);
  fa = g_array_index (res2->dyads, EntenteDyadResult, 0).fear_abandonment[1];
  g_assert_cmpuint (g_array_index (res2->dyads, EntenteDyadResult, 0).i, ==, 0);
  g_assert_true (cv->participates);
  g_assert_cmpfloat_with_epsilon (cv->caveat_level, 1 - (fa + 0.3 + 0.1) / (1.0 * 1 * 1 * 0.7), 1e-12);
  g_assert_cmpint (cv->caveat, ==, ENTENTE_CAVEAT_EXTENSIVE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/model-contact/concert-type", test_concert_type);
  g_test_add_func ("/entente/model-contact/two-phase", test_two_phase);
  g_test_add_func ("/entente/model-contact/caveats", test_caveats);
  g_test_add_func ("/entente/model-contact/caveat-entrapment", test_caveat_entrapment);
  return g_test_run ();
}
