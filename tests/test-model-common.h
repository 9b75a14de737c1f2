/* test-model-common.h: build model test scenarios from a compact text, through the scenario API
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "entente-model.h"
#include "entente-scenario.h"

/* One command per line, fields separated by blanks:
 *   S id pop econ mil offence intention lat lon   a state
 *   s id key value                                one state attribute
 *   P a b affinity commitment rivalry contiguity  a pair
 *   Y key value                                   a system/model attribute
 *   C id                                          a new crisis
 *   c crisis key value                            a crisis attribute
 *   a crisis state key value                      a crisis actor attribute
 * Everything goes through entente_scenario_set_attribute(), the code path
 * of the loader, so a test scenario is a valid file scenario. */
static inline void
test_model_apply (EntenteScenario *sc,
                  const char      *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto (GStrv) f = g_strsplit_set (g_strstrip (lines[l]), " \t", -1);
      g_autoptr (GPtrArray) w = g_ptr_array_new ();
      g_autoptr (GError) error = NULL;

      for (guint x = 0; f[x] != NULL; x++)
        if (f[x][0] != '\0')
          g_ptr_array_add (w, f[x]);
      if (w->len == 0 || ((char *) w->pdata[0])[0] == '#')
        continue;
#define W(x) ((const char *) g_ptr_array_index (w, (x)))
      switch (W (0)[0])
        {
        case 'S':
          {
            static const char *keys[] = { "pop", "econ", "mil", "offence", "intention", "lat", "lon" };

            g_assert_cmpuint (w->len, ==, 9);
            if (entente_scenario_find_state (sc, W (1)) < 0)
              g_assert_cmpint (entente_scenario_insert_state (sc, W (1), NULL, &error), >=, 0);
            g_assert_no_error (error);
            for (guint x = 0; x < 7; x++)
              {
                entente_scenario_set_attribute (sc, ENTENTE_CHANGE_STATE, W (1), NULL,
                                                keys[x], W (2 + x), &error);
                g_assert_no_error (error);
              }
            break;
          }
        case 's':
          g_assert_cmpuint (w->len, ==, 4);
          entente_scenario_set_attribute (sc, ENTENTE_CHANGE_STATE, W (1), NULL, W (2), W (3), &error);
          break;
        case 'P':
          {
            static const char *keys[] = { "affinity", "commitment", "rivalry", "contiguity" };

            g_assert_cmpuint (w->len, ==, 7);
            for (guint x = 0; x < 4 && error == NULL; x++)
              entente_scenario_set_attribute (sc, ENTENTE_CHANGE_PAIR, W (1), W (2),
                                              keys[x], W (3 + x), &error);
            break;
          }
        case 'Y':
          g_assert_cmpuint (w->len, ==, 3);
          entente_scenario_set_attribute (sc, ENTENTE_CHANGE_SYSTEM, NULL, NULL, W (1), W (2), &error);
          break;
        case 'C':
          g_assert_cmpuint (w->len, ==, 2);
          g_ptr_array_add (sc->crises, entente_crisis_new (W (1)));
          break;
        case 'c':
          g_assert_cmpuint (w->len, ==, 4);
          entente_scenario_set_attribute (sc, ENTENTE_CHANGE_CRISIS, W (1), NULL, W (2), W (3), &error);
          break;
        case 'a':
          g_assert_cmpuint (w->len, ==, 5);
          entente_scenario_set_attribute (sc, ENTENTE_CHANGE_ACTOR, W (1), W (2), W (3), W (4), &error);
          break;
        default:
          g_assert_not_reached ();
        }
#undef W
      g_assert_no_error (error);
    }
}

static inline EntenteScenario *
test_model_scenario (const char *text)
{
  EntenteScenario *sc = entente_scenario_new ();

  test_model_apply (sc, text);
  return sc;
}

static inline int
test_model_index (EntenteResult *res,
                  const char    *id)
{
  int i = entente_scenario_find_state (res->scenario, id);

  g_assert_cmpint (i, >=, 0);
  return i;
}

static inline EntenteResult *
test_model_solve (EntenteScenario *sc)
{
  g_autoptr (GError) error = NULL;
  EntenteResult *res = entente_model_solve (sc, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (res);
  return res;
}
