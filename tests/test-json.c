/* test-json.c: the JSON output of entente solve
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "entente-model.h"
#include "entente-result-json.h"
#include "entente-scenario-io.h"

/* Short names for the json-glib getters the assertions use a lot. */
#define get_obj  json_object_get_object_member
#define get_arr  json_object_get_array_member
#define get_str  json_object_get_string_member
#define get_dbl  json_object_get_double_member
#define get_bool json_object_get_boolean_member
#define at_obj   json_array_get_object_element
#define at_str   json_array_get_string_element
#define len      json_array_get_length

/* A known world: single capabilities 6, 3, 1 give shares 0.6, 0.3, 0.1, so
 * two poles (bipolar, A ≥ 0.5·0.6), a hegemonic lead and CON = √0.19. */
static EntenteScenario *
make_known (void)
{
  EntenteScenario *scenario = entente_scenario_new ();
  static const struct
  {
    const char *name, *capability, *intention, *lat, *lon;
  } states[] = {
    { "Big \"One\"", "6", "0.7", "52.5", "13.4" },
    { "Middle", "3", "0.2", "48.9", "2.3" },
    { "Small", "1", "0.1", "50.8", "4.4" },
  };

  entente_scenario_set_text (scenario, &scenario->title, "Known world");
  for (guint k = 0; k < G_N_ELEMENTS (states); k++)
    {
      guint i = entente_scenario_add_state (scenario, states[k].name);
      const char *id = entente_scenario_get_state (scenario, i)->id;
      g_autoptr (GError) error = NULL;

      g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL,
                                                     "capability", states[k].capability, &error));
      g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL,
                                                     "intention", states[k].intention, &error));
      g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL,
                                                     "lat", states[k].lat, &error));
      g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL,
                                                     "lon", states[k].lon, &error));
      g_assert_no_error (error);
    }
  /* Middle and Small allied against Big. */
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "state2",
                                                   "state3", "commitment", "0.8", &error));
    g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "state2",
                                                   "state3", "affinity", "0.6", &error));
    g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_PAIR, "state1",
                                                   "state2", "rivalry", "0.7", &error));
    g_assert_no_error (error);
  }
  return scenario;
}

static EntenteResult *
solve (EntenteScenario *scenario)
{
  g_autoptr (GError) error = NULL;
  EntenteResult *result = entente_model_solve (scenario, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static JsonNode *
parse (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_keys (JsonObject         *object,
             const char * const *keys)
{
  g_autoptr (GList) members = json_object_get_members (object);
  GList *l = members;

  /* Every documented key, in the documented order, and nothing else. */
  for (guint k = 0; keys[k] != NULL; k++, l = l->next)
    {
      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, keys[k]);
    }
  g_assert_null (l);
}

/* An id anywhere must name a state of the scenario. */
static void
assert_ids (JsonArray  *array,
            GHashTable *ids)
{
  for (guint k = 0; k < len (array); k++)
    g_assert_true (g_hash_table_contains (ids, at_str (array, k)));
}

/* Every double in the tree is already rounded as written. */
static void
assert_rounded (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr (GList) members = json_object_get_members (json_node_get_object (node));

        for (GList *l = members; l != NULL; l = l->next)
          assert_rounded (json_object_get_member (json_node_get_object (node), l->data));
      }
      break;
    case JSON_NODE_ARRAY:
      for (guint k = 0; k < len (json_node_get_array (node)); k++)
        assert_rounded (json_array_get_element (json_node_get_array (node), k));
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          double value = json_node_get_double (node);

          g_assert_true (isfinite (value));
          g_assert_cmpfloat (value, ==, entente_json_round (value));
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static void
test_round (void)
{
  g_assert_cmpfloat (entente_json_round (0.1234567), ==, 0.123457);
  g_assert_cmpfloat (entente_json_round (1.0 / 3.0), ==, 0.333333);
  g_assert_cmpfloat (entente_json_round (123456789.0), ==, 123457000.0);
  g_assert_cmpfloat (entente_json_round (-2.5e-3), ==, -0.0025);
  g_assert_cmpfloat (entente_json_round (1e-12), ==, 0.0);
  g_assert_false (signbit (entente_json_round (-1e-12)));
  g_assert_true (isnan (entente_json_round (NAN)));
}

static void
test_writer (void)
{
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *compact = NULL;
  JsonObject *object = json_object_new ();
  JsonArray *numbers = json_array_new ();

  json_object_set_string_member (object, "text", "a \"quoted\"\\ line\n\t\001é");
  json_object_set_double_member (object, "one", 1.0);
  json_object_set_double_member (object, "third", 1.0 / 3.0);
  json_object_set_double_member (object, "tiny", -1e-15);
  json_object_set_double_member (object, "big", 1.5e12);
  json_object_set_double_member (object, "nan", NAN);
  json_object_set_int_member (object, "int", 42);
  json_object_set_boolean_member (object, "yes", TRUE);
  json_object_set_null_member (object, "none");
  json_array_add_double_element (numbers, 0.25);
  json_array_add_string_element (numbers, "x");
  json_object_set_array_member (object, "list", numbers);
  json_object_set_array_member (object, "empty", json_array_new ());
  json_object_set_object_member (object, "nothing", json_object_new ());
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  compact = entente_json_to_string (node, FALSE);
  g_assert_cmpstr (compact, ==,
                   "{\"text\":\"a \\\"quoted\\\"\\\\ line\\n\\t\\u0001é\",\"one\":1.0,"
                   "\"third\":0.333333,\"tiny\":0.0,\"big\":1.5e+12,\"nan\":null,\"int\":42,"
                   "\"yes\":true,\"none\":null,\"list\":[0.25,\"x\"],\"empty\":[],"
                   "\"nothing\":{}}\n");

  pretty = entente_json_to_string (node, TRUE);
  g_assert_true (g_str_has_prefix (pretty, "{\n  \"text\": \"a "));
  g_assert_nonnull (strstr (pretty, "\n  \"list\": [0.25, \"x\"],\n"));
  g_assert_true (g_str_has_suffix (pretty, "\n}\n"));

  /* What we write, json-glib reads back. */
  {
    g_autoptr (JsonNode) back = parse (pretty);
    JsonObject *o = json_node_get_object (back);

    g_assert_cmpstr (get_str (o, "text"), ==, "a \"quoted\"\\ line\n\t\001é");
    g_assert_cmpfloat (get_dbl (o, "third"), ==, 0.333333);
    g_assert_true (json_object_get_null_member (o, "nan"));
  }
}

static void
test_structure (void)
{
  g_autoptr (EntenteScenario) scenario = make_known ();
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (JsonNode) node = entente_result_to_json_node (result, NULL);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *root;
  JsonArray *states;
  static const char * const root_keys[] = {
    "entente_version", "title", "step", "steps", "mode", "states", "blocs", "landscape",
    "polarity", "counterbalancing", "concert", "contact_groups", "dyads", NULL
  };
  static const char * const state_keys[] = {
    "id", "name", "share", "great_power", "pole", "principal_threat", "threat_level",
    "feasibility", "disposition", "disposition_target", "disposition_reason",
    "disposition_reason_text", "disposition_citation", "label", "label_target", "reason",
    "reason_text", "citation", "bloc", "frustration", "threats", NULL
  };
  static const char * const landscape_keys[] = {
    "energy", "exact", "method", "minima", "current", "metastable", "configuration", NULL
  };
  static const char * const minimum_keys[] = { "index", "energy", "basin", "blocs", NULL };
  static const char * const polarity_keys[] = {
    "kind", "poles", "great_powers", "lead", "unbalanced", "hegemonic", "concentration", NULL
  };
  static const char * const concert_keys[] = {
    "j1", "j2", "j3", "j4", "index", "forms", "strong", "members", "contained", "coverage",
    "grand_coalition", "grand_coalition_target", "failing", NULL
  };
  static const char * const failing_keys[] = {
    "condition", "value", "reason", "reason_text", "citation", "states", NULL
  };
  static const char * const dyad_keys[] = {
    "states", "fear_abandonment", "fear_entrapment", "dominant", "stance", "tethered",
    "asymmetric", "major", "ratio", "net_major", "net_minor", "viable", "break_risk", NULL
  };
  static const char * const bloc_keys[] = { "members", "capability", "largest", NULL };
  static const char * const abu_keys[] = { "A", "B", "U", NULL };

  g_assert_nonnull (node);
  root = json_node_get_object (node);
  assert_keys (root, root_keys);
  g_assert_cmpstr (get_str (root, "entente_version"), ==, PACKAGE_VERSION);
  g_assert_cmpstr (get_str (root, "title"), ==, "Known world");
  g_assert_true (json_object_get_null_member (root, "step"));
  g_assert_cmpstr (get_str (root, "mode"), ==, "entente");

  states = get_arr (root, "states");
  g_assert_cmpuint (len (states), ==, 3);
  for (guint k = 0; k < len (states); k++)
    g_hash_table_add (ids, (gpointer) get_str (at_obj (states, k), "id"));
  g_assert_cmpuint (g_hash_table_size (ids), ==, 3);

  for (guint k = 0; k < len (states); k++)
    {
      JsonObject *state = at_obj (states, k);
      JsonObject *threats = get_obj (state, "threats");
      g_autoptr (GList) threat_ids = json_object_get_members (threats);
      const char *bloc = get_str (state, "bloc");
      EntenteBehaviour behaviour;

      assert_keys (state, state_keys);
      g_assert_true (entente_behaviour_from_string (get_str (state, "label"), &behaviour));
      g_assert_true (entente_behaviour_from_string (get_str (state, "disposition"), &behaviour));
      /* The English key is always there with its sentence and citation. */
      g_assert_nonnull (get_str (state, "reason"));
      g_assert_cmpstr (get_str (state, "reason_text"), !=, "");
      g_assert_cmpstr (get_str (state, "citation"), !=, "");
      g_assert_true (g_str_equal (bloc, "A") || g_str_equal (bloc, "B") || g_str_equal (bloc, "U"));
      if (!json_object_get_null_member (state, "principal_threat"))
        g_assert_true (g_hash_table_contains (ids, get_str (state, "principal_threat")));
      for (GList *l = threat_ids; l != NULL; l = l->next)
        {
          g_assert_true (g_hash_table_contains (ids, l->data));
          g_assert_cmpstr (l->data, !=, get_str (state, "id"));
        }
    }

  {
    JsonObject *blocs = get_obj (root, "blocs");

    assert_keys (get_obj (blocs, "A"), bloc_keys);
    assert_keys (get_obj (blocs, "B"), bloc_keys);
    assert_ids (get_arr (get_obj (blocs, "A"), "members"), ids);
    assert_ids (get_arr (blocs, "unaligned"), ids);
  }

  {
    JsonObject *landscape = get_obj (root, "landscape");
    JsonArray *minima = get_arr (landscape, "minima");
    guint total = 0;

    assert_keys (landscape, landscape_keys);
    /* n = 3: exact enumeration, at least one minimum, each a full partition. */
    g_assert_true (get_bool (landscape, "exact"));
    g_assert_cmpstr (get_str (landscape, "method"), ==, "exact");
    g_assert_cmpuint (len (minima), >=, 1);
    for (guint k = 0; k < len (minima); k++)
      {
        JsonObject *minimum = at_obj (minima, k);
        JsonObject *blocs = get_obj (minimum, "blocs");

        assert_keys (minimum, minimum_keys);
        assert_keys (blocs, abu_keys);
        g_assert_cmpint (json_object_get_int_member (minimum, "index"), ==, k);
        total = 0;
        for (guint b = 0; abu_keys[b] != NULL; b++)
          {
            assert_ids (get_arr (blocs, abu_keys[b]), ids);
            total += len (get_arr (blocs, abu_keys[b]));
          }
        g_assert_cmpuint (total, ==, 3);
      }
    assert_keys (get_obj (landscape, "configuration"), abu_keys);
  }

  assert_keys (get_obj (root, "polarity"), polarity_keys);
  assert_keys (get_obj (root, "concert"), concert_keys);
  {
    JsonArray *failing = get_arr (get_obj (root, "concert"), "failing");

    for (guint k = 0; k < len (failing); k++)
      {
        JsonObject *failure = at_obj (failing, k);
        gint64 condition = json_object_get_int_member (failure, "condition");

        assert_keys (failure, failing_keys);
        g_assert_cmpint (condition, >=, 1);
        g_assert_cmpint (condition, <=, 4);
        assert_ids (get_arr (failure, "states"), ids);
      }
  }

  /* Middle–Small has k = 0.8 ≥ 0.3: one dyad, both directions. */
  {
    JsonArray *dyads = get_arr (root, "dyads");
    JsonObject *dyad;
    JsonArray *stance;

    g_assert_cmpuint (len (dyads), ==, 1);
    dyad = at_obj (dyads, 0);
    assert_keys (dyad, dyad_keys);
    g_assert_cmpstr (at_str (get_arr (dyad, "states"), 0), ==, "state2");
    g_assert_cmpstr (at_str (get_arr (dyad, "states"), 1), ==, "state3");
    g_assert_cmpstr (get_str (dyad, "major"), ==, "state2");
    g_assert_cmpfloat_with_epsilon (get_dbl (dyad, "ratio"), 1.0 / 3.0, 1e-5);
    g_assert_cmpuint (len (get_arr (dyad, "fear_abandonment")), ==, 2);
    stance = get_arr (dyad, "stance");
    g_assert_cmpuint (len (stance), ==, 2);
    for (guint d = 0; d < 2; d++)
      {
        const char *dominant = at_str (get_arr (dyad, "dominant"), d);

        if (g_str_equal (dominant, "abandonment"))
          g_assert_cmpstr (at_str (stance, d), ==, "tighten and support");
        else if (g_str_equal (dominant, "entrapment"))
          g_assert_cmpstr (at_str (stance, d), ==, "distance and restrain");
        else
          g_assert_true (json_array_get_null_element (stance, d));
      }
  }

  assert_rounded (node);
}

static void
test_known_values (void)
{
  g_autoptr (EntenteScenario) scenario = make_known ();
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (JsonNode) node = entente_result_to_json_node (result, NULL);
  JsonObject *root = json_node_get_object (node);
  JsonArray *states = get_arr (root, "states");
  JsonObject *polarity = get_obj (root, "polarity");
  JsonObject *big = at_obj (states, 0);
  JsonArray *poles = get_arr (polarity, "poles");
  static const double shares[] = { 0.6, 0.3, 0.1 };

  for (guint k = 0; k < 3; k++)
    g_assert_cmpfloat (get_dbl (at_obj (states, k), "share"), ==, shares[k]);
  g_assert_cmpstr (get_str (big, "id"), ==, "state1");
  g_assert_cmpstr (get_str (big, "name"), ==, "Big \"One\"");
  g_assert_true (get_bool (big, "great_power"));
  g_assert_true (get_bool (big, "pole"));
  g_assert_false (get_bool (at_obj (states, 2), "pole"));

  g_assert_cmpstr (get_str (polarity, "kind"), ==, "bipolar");
  g_assert_cmpuint (len (poles), ==, 2);
  g_assert_cmpstr (at_str (poles, 0), ==, "state1");
  g_assert_cmpstr (at_str (poles, 1), ==, "state2");
  g_assert_cmpstr (get_str (polarity, "lead"), ==, "state1");
  g_assert_true (get_bool (polarity, "hegemonic"));
  g_assert_cmpfloat (get_dbl (polarity, "concentration"), ==, entente_json_round (sqrt (0.19)));
  g_assert_cmpfloat (get_dbl (polarity, "concentration"), ==, 0.43589);

  /* The values are the result's, rounded, in scenario order. */
  for (guint i = 0; i < result->n; i++)
    {
      JsonObject *state = at_obj (states, i);

      g_assert_cmpfloat (get_dbl (state, "threat_level"), ==,
                         entente_json_round (result->states[i].threat_level));
      g_assert_cmpstr (get_str (state, "label"), ==,
                       entente_behaviour_to_string (result->states[i].label));
    }
}

static void
test_step (void)
{
  g_autoptr (EntenteScenario) scenario = make_known ();
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (JsonNode) node = entente_result_to_json_node (result, "1914");

  g_assert_cmpstr (get_str (json_node_get_object (node), "step"), ==, "1914");
}

static void
test_determinism (void)
{
  g_autoptr (EntenteScenario) scenario = make_known ();
  g_autoptr (EntenteScenario) copy = entente_scenario_copy (scenario);
  g_autoptr (EntenteResult) first = solve (scenario);
  g_autoptr (EntenteResult) second = solve (copy);
  g_autofree char *a = entente_result_to_json (first, NULL, TRUE);
  g_autofree char *b = entente_result_to_json (second, NULL, TRUE);
  g_autofree char *compact = entente_result_to_json (first, NULL, FALSE);
  g_autofree char *again = NULL;
  g_autofree char *compact_again = NULL;
  g_autoptr (JsonNode) back = NULL;
  g_autoptr (JsonNode) back_compact = NULL;

  g_assert_cmpstr (a, ==, b);

  /* Compact is the same tree on one line. */
  g_assert_true (strchr (compact, '\n') == compact + strlen (compact) - 1);

  /* Read back and written again: identical bytes (the number format is a
   * fixed point of parse → write). */
  back = parse (a);
  again = entente_json_to_string (back, TRUE);
  g_assert_cmpstr (again, ==, a);
  back_compact = parse (compact);
  compact_again = entente_json_to_string (back_compact, TRUE);
  g_assert_cmpstr (compact_again, ==, a);
}

/* The decimal separator of the locale never leaks into the output. */
static void
test_locale (void)
{
  g_autoptr (EntenteScenario) scenario = make_known ();
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autofree char *c_output = entente_result_to_json (result, NULL, TRUE);
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autofree char *other = NULL;
  const char *locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE.utf8", "fr_FR.utf8", NULL };
  const char *used = NULL;

  for (guint k = 0; locales[k] != NULL && used == NULL; k++)
    if (setlocale (LC_NUMERIC, locales[k]) != NULL)
      used = locales[k];
  if (used == NULL)
    {
      g_test_skip ("no locale with a decimal comma installed");
      return;
    }
  other = entente_result_to_json (result, NULL, TRUE);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (other, ==, c_output);
}

/* A coercive crisis: the contact group with its caveats, by id. */
static const char contact_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<scenario xmlns=\"urn:io.github.entente:scenario:1\" version=\"1\">\n"
  "  <states>\n"
  "    <state id=\"US\" capability=\"40\" intention=\"0.2\" lat=\"38.9\" lon=\"-77\"/>\n"
  "    <state id=\"UK\" capability=\"10\" intention=\"0.2\" lat=\"51.5\" lon=\"-0.1\"/>\n"
  "    <state id=\"FR\" capability=\"10\" intention=\"0.2\" lat=\"48.9\" lon=\"2.3\"/>\n"
  "    <state id=\"IT\" capability=\"6\" intention=\"0.2\" lat=\"41.9\" lon=\"12.5\"/>\n"
  "    <state id=\"RU\" capability=\"15\" intention=\"0.5\" lat=\"55.8\" lon=\"37.6\"/>\n"
  "    <state id=\"CN\" capability=\"25\" intention=\"0.4\" lat=\"39.9\" lon=\"116.4\"/>\n"
  "  </states>\n"
  "  <pairs>\n"
  "    <pair a=\"US\" b=\"UK\" affinity=\"0.8\" commitment=\"0.9\"/>\n"
  "    <pair a=\"US\" b=\"FR\" affinity=\"0.6\" commitment=\"0.9\"/>\n"
  "    <pair a=\"US\" b=\"IT\" affinity=\"0.6\" commitment=\"0.9\"/>\n"
  "  </pairs>\n"
  "  <crises>\n"
  "    <crisis id=\"libya\" name=\"Libya 2011\" lat=\"32.9\" lon=\"13.2\" type=\"coercive\"\n"
  "            progress=\"0.2\" risk=\"0.6\" receptive=\"0.5\">\n"
  "      <actor state=\"US\" lead=\"true\" stake=\"0.5\" stance=\"0.8\"/>\n"
  "      <actor state=\"UK\" lead=\"true\" stake=\"0.7\" stance=\"0.9\"/>\n"
  "      <actor state=\"FR\" lead=\"true\" stake=\"0.8\" stance=\"0.9\"/>\n"
  "      <actor state=\"IT\" lead=\"true\" stake=\"0.6\" stance=\"0.3\"/>\n"
  "      <actor state=\"RU\" stake=\"0.5\" stance=\"-0.4\"/>\n"
  "      <actor state=\"CN\" stake=\"0.4\" stance=\"-0.3\"/>\n"
  "    </crisis>\n"
  "  </crises>\n"
  "</scenario>\n";

static void
test_contact_groups (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (contact_xml, sizeof contact_xml - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = entente_scenario_load_bytes (bytes, "contact.entente",
                                                                      &error);
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *groups;
  JsonObject *group;
  JsonArray *caveats;
  static const char * const contact_keys[] = {
    "crisis", "name", "type", "mode", "phase", "core", "group", "friends", "v1", "v2", "v3", "v4",
    "v5", "viability", "limited", "caveats", NULL
  };
  static const char * const caveat_keys[] = {
    "state", "participates", "caveat_level", "caveat", NULL
  };
  static const char * const id_list[] = { "US", "UK", "FR", "IT", "RU", "CN" };

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  for (guint k = 0; k < G_N_ELEMENTS (id_list); k++)
    g_hash_table_add (ids, (gpointer) id_list[k]);
  result = solve (scenario);
  node = entente_result_to_json_node (result, NULL);

  groups = get_arr (json_node_get_object (node), "contact_groups");
  g_assert_cmpuint (len (groups), ==, 1);
  group = at_obj (groups, 0);
  assert_keys (group, contact_keys);
  g_assert_cmpstr (get_str (group, "crisis"), ==, "libya");
  g_assert_cmpstr (get_str (group, "name"), ==, "Libya 2011");
  g_assert_cmpstr (get_str (group, "type"), ==, "coercive");
  g_assert_true (g_str_equal (get_str (group, "mode"), "two-phase") ||
                 g_str_equal (get_str (group, "mode"), "concert-type"));
  g_assert_cmpint (json_object_get_int_member (group, "phase"), ==,
                   g_array_index (result->contacts, EntenteContactResult, 0).phase);
  assert_ids (get_arr (group, "core"), ids);
  assert_ids (get_arr (group, "group"), ids);
  assert_ids (get_arr (group, "friends"), ids);
  g_assert_cmpuint (len (get_arr (group, "group")), >=, 1);
  g_assert_cmpfloat (get_dbl (group, "viability"), ==,
                     entente_json_round (g_array_index (result->contacts, EntenteContactResult,
                                                        0).viability));
  g_assert_true (get_bool (group, "limited") == (get_dbl (group, "viability") < 0.5));

  /* Coercive: every actor but the lead gets a caveat entry. */
  caveats = get_arr (group, "caveats");
  g_assert_cmpuint (len (caveats), >=, 1);
  for (guint k = 0; k < len (caveats); k++)
    {
      JsonObject *caveat = at_obj (caveats, k);
      const char *kind = get_str (caveat, "caveat");

      assert_keys (caveat, caveat_keys);
      g_assert_true (g_hash_table_contains (ids, get_str (caveat, "state")));
      if (get_bool (caveat, "participates"))
        {
          g_assert_false (json_object_get_null_member (caveat, "caveat_level"));
          g_assert_cmpstr (kind, !=, "abstain");
        }
      else
        {
          g_assert_true (json_object_get_null_member (caveat, "caveat_level"));
          g_assert_cmpstr (kind, ==, "abstain");
        }
    }
  assert_rounded (node);
}

/* n = 0 and n = 1 still give a complete, parseable document. */
static void
test_small (void)
{
  for (guint n = 0; n <= 1; n++)
    {
      g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
      g_autoptr (EntenteResult) result = NULL;
      g_autofree char *json = NULL;
      g_autoptr (JsonNode) back = NULL;

      if (n == 1)
        entente_scenario_add_state (scenario, "Alone");
      result = solve (scenario);
      json = entente_result_to_json (result, NULL, TRUE);
      back = parse (json);
      g_assert_cmpuint (len (get_arr (json_node_get_object (back), "states")), ==, n);
      assert_rounded (back);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/entente/json/round", test_round);
  g_test_add_func ("/entente/json/writer", test_writer);
  g_test_add_func ("/entente/json/structure", test_structure);
  g_test_add_func ("/entente/json/known-values", test_known_values);
  g_test_add_func ("/entente/json/step", test_step);
  g_test_add_func ("/entente/json/determinism", test_determinism);
  g_test_add_func ("/entente/json/locale", test_locale);
  g_test_add_func ("/entente/json/contact-groups", test_contact_groups);
  g_test_add_func ("/entente/json/small", test_small);
  return g_test_run ();
}
