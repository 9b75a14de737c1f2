/* entente-result-json.c: a model result as JSON (entente solve), stable to the byte
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-result-json"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "entente-result-json.h"

/* Machine names ---------------------------------------------------------- */

const char *
entente_polarity_to_string (EntentePolarity polarity)
{
  switch (polarity)
    {
    case ENTENTE_POLARITY_UNIPOLAR:
      return "unipolar";
    case ENTENTE_POLARITY_BIPOLAR:
      return "bipolar";
    case ENTENTE_POLARITY_MULTIPOLAR:
      return "multipolar";
    default:
      return "unknown";
    }
}

const char *
entente_fear_to_string (EntenteFear fear)
{
  switch (fear)
    {
    case ENTENTE_FEAR_NONE:
      return "none";
    case ENTENTE_FEAR_ABANDONMENT:
      return "abandonment";
    case ENTENTE_FEAR_ENTRAPMENT:
      return "entrapment";
    default:
      return "unknown";
    }
}

const char *
entente_caveat_to_string (EntenteCaveat caveat)
{
  switch (caveat)
    {
    case ENTENTE_CAVEAT_NONE:
      return "none";
    case ENTENTE_CAVEAT_LIMITED:
      return "limited";
    case ENTENTE_CAVEAT_EXTENSIVE:
      return "extensive";
    case ENTENTE_CAVEAT_ABSTAIN:
      return "abstain";
    default:
      return "unknown";
    }
}

const char *
entente_contact_mode_to_string (EntenteContactMode mode)
{
  switch (mode)
    {
    case ENTENTE_CONTACT_CONCERT_TYPE:
      return "concert-type";
    case ENTENTE_CONTACT_TWO_PHASE:
      return "two-phase";
    default:
      return "unknown";
    }
}

const char *
entente_bloc_to_string (EntenteBloc bloc)
{
  switch (bloc)
    {
    case ENTENTE_BLOC_A:
      return "A";
    case ENTENTE_BLOC_B:
      return "B";
    case ENTENTE_BLOC_U:
      return "U";
    default:
      return "unknown";
    }
}

/* Numbers ---------------------------------------------------------------- */

double
entente_json_round (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return value;
  if (fabs (value) < 1e-9)
    return 0.0;
  g_ascii_formatd (buf, sizeof buf, "%." G_STRINGIFY (ENTENTE_JSON_DIGITS) "g", value);
  return g_ascii_strtod (buf, NULL);
}

static void
append_double (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  value = entente_json_round (value);
  if (value == 0.0)
    value = 0.0;                /* no "-0" */
  g_ascii_formatd (buf, sizeof buf, "%." G_STRINGIFY (ENTENTE_JSON_DIGITS) "g", value);
  g_string_append (out, buf);
  /* Keep the type visible: 1 is written 1.0. */
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

/* The writer ------------------------------------------------------------- */

static void
append_string (GString    *out,
               const char *string)
{
  const char *p;

  g_string_append_c (out, '"');
  for (p = string; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

static void
append_newline (GString  *out,
                gboolean  pretty,
                guint     depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint k = 0; k < depth; k++)
    g_string_append (out, "  ");
}

static void append_node (GString  *out,
                         JsonNode *node,
                         gboolean  pretty,
                         guint     depth);

static void
append_value (GString  *out,
              JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      append_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      append_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
      break;
    }
}

static void
append_node (GString  *out,
             JsonNode *node,
             gboolean  pretty,
             guint     depth)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        GList *members = json_object_get_members (object);  /* insertion order */
        gboolean first = TRUE;

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_newline (out, pretty, depth + 1);
            append_string (out, l->data);
            g_string_append (out, pretty ? ": " : ":");
            append_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
          }
        append_newline (out, pretty, depth);
        g_string_append_c (out, '}');
        g_list_free (members);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);
        gboolean scalars = TRUE;

        if (length == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        /* Arrays of plain values (ids, numbers) stay on one line. */
        for (guint k = 0; k < length; k++)
          {
            JsonNodeType type = json_node_get_node_type (json_array_get_element (array, k));

            if (type == JSON_NODE_OBJECT || type == JSON_NODE_ARRAY)
              scalars = FALSE;
          }
        g_string_append_c (out, '[');
        for (guint k = 0; k < length; k++)
          {
            if (k > 0)
              g_string_append (out, scalars && pretty ? ", " : ",");
            if (!scalars)
              append_newline (out, pretty, depth + 1);
            append_node (out, json_array_get_element (array, k), pretty, depth + 1);
          }
        if (!scalars)
          append_newline (out, pretty, depth);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_VALUE:
      append_value (out, node);
      break;
    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

char *
entente_json_to_string (JsonNode *node,
                        gboolean  pretty)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  append_node (out, node, pretty, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* Building the tree ------------------------------------------------------ */

static const char *
state_id (EntenteResult *result,
          int            index)
{
  if (index < 0 || (guint) index >= result->n || result->scenario == NULL)
    return NULL;
  return entente_scenario_get_state (result->scenario, (guint) index)->id;
}

static void
set_double (JsonObject *object,
            const char *key,
            double      value)
{
  if (isfinite (value))
    json_object_set_double_member (object, key, entente_json_round (value));
  else
    json_object_set_null_member (object, key);
}

static void
set_string (JsonObject *object,
            const char *key,
            const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

static void
set_state (JsonObject    *object,
           const char    *key,
           EntenteResult *result,
           int            index)
{
  set_string (object, key, state_id (result, index));
}

static JsonArray *
id_array (EntenteResult *result,
          GArray        *indices)
{
  JsonArray *array = json_array_new ();

  if (indices == NULL)
    return array;
  for (guint k = 0; k < indices->len; k++)
    {
      const char *id = state_id (result, (int) g_array_index (indices, guint, k));

      if (id != NULL)
        json_array_add_string_element (array, id);
      else
        json_array_add_null_element (array);
    }
  return array;
}

static JsonArray *
double_array (const double *values,
              guint         n_values)
{
  JsonArray *array = json_array_new ();

  for (guint k = 0; k < n_values; k++)
    {
      if (isfinite (values[k]))
        json_array_add_double_element (array, entente_json_round (values[k]));
      else
        json_array_add_null_element (array);
    }
  return array;
}

/* "reason", "reason_text", "citation" (with @prefix, e.g. "disposition_"). */
static void
set_reason (JsonObject    *object,
            const char    *prefix,
            EntenteReason  reason)
{
  g_autofree char *key = g_strconcat (prefix, "reason", NULL);
  g_autofree char *text_key = g_strconcat (prefix, "reason_text", NULL);
  g_autofree char *citation_key = g_strconcat (prefix, "citation", NULL);

  if (reason == ENTENTE_REASON_NONE)
    {
      json_object_set_null_member (object, key);
      json_object_set_null_member (object, text_key);
      json_object_set_null_member (object, citation_key);
      return;
    }
  set_string (object, key, entente_reason_to_string (reason));
  set_string (object, text_key, entente_reason_get_sentence (reason));
  set_string (object, citation_key, entente_reason_get_citation (reason));
}

static JsonObject *
state_to_json (EntenteResult *result,
               guint          i)
{
  const EntenteState *state = entente_scenario_get_state (result->scenario, i);
  const EntenteStateResult *sr = &result->states[i];
  JsonObject *object = json_object_new ();
  JsonObject *threats = json_object_new ();
  EntenteReason reason;

  set_string (object, "id", state->id);
  set_string (object, "name", state->name);
  set_double (object, "share", sr->share);
  json_object_set_boolean_member (object, "great_power", sr->great_power);
  json_object_set_boolean_member (object, "pole", sr->pole);
  set_state (object, "principal_threat", result, sr->threat);
  set_double (object, "threat_level", sr->threat_level);
  set_double (object, "feasibility", sr->feasibility);
  set_string (object, "disposition", entente_behaviour_to_string (sr->disposition));
  set_state (object, "disposition_target", result, sr->disposition_target);
  set_reason (object, "disposition_", sr->disposition_reason);
  set_string (object, "label", entente_behaviour_to_string (sr->label));
  set_state (object, "label_target", result, sr->label_target);
  /* The reason of the final label; when reconciliation kept the
   * disposition as it was, that is the disposition's reason. */
  reason = sr->label_reason != ENTENTE_REASON_NONE ? sr->label_reason : sr->disposition_reason;
  set_reason (object, "", reason);
  set_string (object, "bloc", entente_bloc_to_string (sr->bloc));
  set_double (object, "frustration", sr->frustration);

  /* Row i of the threat matrix: the threat each other state poses to i,
   * non-zero entries only, in scenario order. */
  if (result->threat != NULL)
    for (guint j = 0; j < result->n; j++)
      {
        double t = entente_json_round (result->threat[(gsize) i * result->n + j]);

        if (j != i && isfinite (t) && t != 0.0)
          set_double (threats, state_id (result, (int) j), t);
      }
  json_object_set_object_member (object, "threats", threats);

  return object;
}

static JsonObject *
bloc_to_json (EntenteResult           *result,
              const EntenteBlocResult *bloc)
{
  JsonObject *object = json_object_new ();

  json_object_set_array_member (object, "members", id_array (result, bloc->members));
  set_double (object, "capability", bloc->capability);
  set_state (object, "largest", result, bloc->largest);
  return object;
}

/* {"A": [ids], "B": [ids], "U": [ids]} of a configuration. */
static JsonObject *
config_to_json (EntenteResult *result,
                const guint8  *config,
                guint          n)
{
  JsonObject *object = json_object_new ();
  JsonArray *blocs[3];

  for (guint b = 0; b < 3; b++)
    blocs[b] = json_array_new ();
  for (guint i = 0; i < n && config != NULL; i++)
    if (config[i] <= ENTENTE_BLOC_U)
      json_array_add_string_element (blocs[config[i]], state_id (result, (int) i));
  for (guint b = 0; b < 3; b++)
    json_object_set_array_member (object, entente_bloc_to_string ((EntenteBloc) b), blocs[b]);
  return object;
}

static JsonObject *
landscape_to_json (EntenteResult *result)
{
  const EntenteLandscapeSolution *solution = result->landscape;
  JsonObject *object = json_object_new ();
  JsonArray *minima = json_array_new ();
  guint n;

  if (solution == NULL)
    {
      json_object_set_null_member (object, "energy");
      json_object_set_boolean_member (object, "exact", TRUE);
      json_object_set_string_member (object, "method", "exact");
      json_object_set_array_member (object, "minima", minima);
      json_object_set_null_member (object, "current");
      json_object_set_boolean_member (object, "metastable", FALSE);
      json_object_set_object_member (object, "configuration", config_to_json (result, NULL, 0));
      return object;
    }

  n = MIN (solution->n, result->n);
  set_double (object, "energy", solution->current_energy);
  json_object_set_boolean_member (object, "exact", solution->exact);
  json_object_set_string_member (object, "method", solution->exact ? "exact" : "heuristic");
  for (guint k = 0; solution->minima != NULL && k < solution->minima->len; k++)
    {
      const EntenteLandscapeMinimum *minimum =
        &g_array_index (solution->minima, EntenteLandscapeMinimum, k);
      JsonObject *entry = json_object_new ();

      json_object_set_int_member (entry, "index", k);
      set_double (entry, "energy", minimum->energy);
      set_double (entry, "basin", minimum->basin);
      json_object_set_object_member (entry, "blocs", config_to_json (result, minimum->config, n));
      json_array_add_object_element (minima, entry);
    }
  json_object_set_array_member (object, "minima", minima);
  if (solution->current_minimum >= 0)
    json_object_set_int_member (object, "current", solution->current_minimum);
  else
    json_object_set_null_member (object, "current");
  json_object_set_boolean_member (object, "metastable", solution->metastable);
  json_object_set_object_member (object, "configuration",
                                 config_to_json (result, solution->current, n));
  return object;
}

static JsonObject *
polarity_to_json (EntenteResult *result)
{
  JsonObject *object = json_object_new ();
  JsonArray *great_powers = json_array_new ();

  for (guint i = 0; i < result->n; i++)
    if (result->states[i].great_power)
      json_array_add_string_element (great_powers, state_id (result, (int) i));

  json_object_set_string_member (object, "kind", entente_polarity_to_string (result->polarity));
  json_object_set_array_member (object, "poles", id_array (result, result->poles));
  json_object_set_array_member (object, "great_powers", great_powers);
  set_state (object, "lead", result, result->lead);
  json_object_set_boolean_member (object, "unbalanced", result->unbalanced);
  json_object_set_boolean_member (object, "hegemonic", result->hegemonic);
  set_double (object, "concentration", result->concentration);
  return object;
}

static JsonObject *
concert_to_json (EntenteResult *result)
{
  const EntenteConcertResult *concert = &result->concert;
  JsonObject *object = json_object_new ();
  JsonArray *failing = json_array_new ();
  static const char * const j_keys[4] = { "j1", "j2", "j3", "j4" };

  for (guint k = 0; k < 4; k++)
    set_double (object, j_keys[k], concert->j[k]);
  set_double (object, "index", concert->index);
  json_object_set_boolean_member (object, "forms", concert->forms);
  json_object_set_boolean_member (object, "strong", concert->strong);
  json_object_set_array_member (object, "members", id_array (result, concert->members));
  json_object_set_array_member (object, "contained", id_array (result, concert->contained));
  set_double (object, "coverage", concert->coverage);
  json_object_set_boolean_member (object, "grand_coalition", concert->grand_coalition);
  set_state (object, "grand_coalition_target", result, concert->grand_coalition_target);

  for (guint k = 0; concert->failures != NULL && k < concert->failures->len; k++)
    {
      const EntenteConcertFailure *failure =
        &g_array_index (concert->failures, EntenteConcertFailure, k);
      JsonObject *entry = json_object_new ();
      JsonArray *states = json_array_new ();

      json_object_set_int_member (entry, "condition", failure->condition);
      set_double (entry, "value", failure->value);
      set_reason (entry, "", failure->reason);
      for (guint s = 0; s < 2; s++)
        if (state_id (result, failure->states[s]) != NULL)
          json_array_add_string_element (states, state_id (result, failure->states[s]));
      json_object_set_array_member (entry, "states", states);
      json_array_add_object_element (failing, entry);
    }
  json_object_set_array_member (object, "failing", failing);
  return object;
}

static JsonObject *
contact_to_json (EntenteResult              *result,
                 const EntenteContactResult *contact)
{
  JsonObject *object = json_object_new ();
  JsonArray *caveats = json_array_new ();
  const EntenteCrisis *crisis = NULL;
  static const char * const v_keys[5] = { "v1", "v2", "v3", "v4", "v5" };

  if (result->scenario != NULL && result->scenario->crises != NULL &&
      contact->crisis < result->scenario->crises->len)
    crisis = g_ptr_array_index (result->scenario->crises, contact->crisis);

  set_string (object, "crisis", crisis != NULL ? crisis->id : NULL);
  set_string (object, "name", crisis != NULL ? crisis->name : NULL);
  set_string (object, "type", crisis == NULL ? NULL :
              crisis->type == ENTENTE_CRISIS_COERCIVE ? "coercive" : "mediation");
  json_object_set_string_member (object, "mode", entente_contact_mode_to_string (contact->mode));
  json_object_set_int_member (object, "phase", contact->phase);
  json_object_set_array_member (object, "core", id_array (result, contact->core));
  json_object_set_array_member (object, "group", id_array (result, contact->group));
  json_object_set_array_member (object, "friends", id_array (result, contact->friends));
  for (guint k = 0; k < 5; k++)
    set_double (object, v_keys[k], contact->v[k]);
  set_double (object, "viability", contact->viability);
  json_object_set_boolean_member (object, "limited", contact->limited);

  for (guint k = 0; contact->caveats != NULL && k < contact->caveats->len; k++)
    {
      const EntenteCaveatResult *caveat = &g_array_index (contact->caveats, EntenteCaveatResult, k);
      JsonObject *entry = json_object_new ();

      set_state (entry, "state", result, (int) caveat->state);
      json_object_set_boolean_member (entry, "participates", caveat->participates);
      if (caveat->participates)
        set_double (entry, "caveat_level", caveat->caveat_level);
      else
        json_object_set_null_member (entry, "caveat_level");
      json_object_set_string_member (entry, "caveat", entente_caveat_to_string (caveat->caveat));
      json_array_add_object_element (caveats, entry);
    }
  json_object_set_array_member (object, "caveats", caveats);
  return object;
}

static const char *
stance_for (EntenteFear dominant)
{
  switch (dominant)
    {
    case ENTENTE_FEAR_ABANDONMENT:
      return "tighten and support";
    case ENTENTE_FEAR_ENTRAPMENT:
      return "distance and restrain";
    case ENTENTE_FEAR_NONE:
    default:
      return NULL;
    }
}

static JsonObject *
dyad_to_json (EntenteResult           *result,
              const EntenteDyadResult *dyad)
{
  JsonObject *object = json_object_new ();
  JsonArray *states = json_array_new ();
  JsonArray *dominant = json_array_new ();
  JsonArray *stance = json_array_new ();

  json_array_add_string_element (states, state_id (result, (int) dyad->i));
  json_array_add_string_element (states, state_id (result, (int) dyad->j));
  json_object_set_array_member (object, "states", states);
  json_object_set_array_member (object, "fear_abandonment",
                                double_array (dyad->fear_abandonment, 2));
  json_object_set_array_member (object, "fear_entrapment",
                                double_array (dyad->fear_entrapment, 2));
  for (guint d = 0; d < 2; d++)
    {
      const char *s = stance_for (dyad->dominant[d]);

      json_array_add_string_element (dominant, entente_fear_to_string (dyad->dominant[d]));
      if (s != NULL)
        json_array_add_string_element (stance, s);
      else
        json_array_add_null_element (stance);
    }
  json_object_set_array_member (object, "dominant", dominant);
  json_object_set_array_member (object, "stance", stance);
  json_object_set_boolean_member (object, "tethered", dyad->tethered);
  json_object_set_boolean_member (object, "asymmetric", dyad->asymmetric);
  set_state (object, "major", result, (int) dyad->major);
  set_double (object, "ratio", dyad->ratio);
  set_double (object, "net_major", dyad->net_major);
  set_double (object, "net_minor", dyad->net_minor);
  json_object_set_boolean_member (object, "viable", dyad->viable);
  set_double (object, "break_risk", dyad->break_risk);
  return object;
}

JsonNode *
entente_result_to_json_node (EntenteResult *result,
                             const char    *step)
{
  EntenteScenario *scenario;
  JsonObject *root;
  JsonObject *blocs;
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (result->scenario != NULL, NULL);

  scenario = result->scenario;
  root = json_object_new ();

  json_object_set_string_member (root, "entente_version", PACKAGE_VERSION);
  set_string (root, "title", scenario->title);
  set_string (root, "step", step);
  array = json_array_new ();
  for (guint k = 0; scenario->steps != NULL && k < scenario->steps->len; k++)
    json_array_add_string_element (array,
                                   ((EntenteStep *) g_ptr_array_index (scenario->steps, k))->name);
  json_object_set_array_member (root, "steps", array);
  json_object_set_string_member (root, "mode",
                                 scenario->system.mode == ENTENTE_ALIGN_MODE_AB1993 ?
                                 "ab1993" : "entente");

  array = json_array_new ();
  for (guint i = 0; i < result->n; i++)
    json_array_add_object_element (array, state_to_json (result, i));
  json_object_set_array_member (root, "states", array);

  blocs = json_object_new ();
  json_object_set_object_member (blocs, "A", bloc_to_json (result, &result->blocs[0]));
  json_object_set_object_member (blocs, "B", bloc_to_json (result, &result->blocs[1]));
  array = json_array_new ();
  for (guint i = 0; i < result->n; i++)
    if (result->states[i].bloc == ENTENTE_BLOC_U)
      json_array_add_string_element (array, state_id (result, (int) i));
  json_object_set_array_member (blocs, "unaligned", array);
  json_object_set_object_member (root, "blocs", blocs);

  json_object_set_object_member (root, "landscape", landscape_to_json (result));
  json_object_set_object_member (root, "polarity", polarity_to_json (result));
  json_object_set_array_member (root, "counterbalancing",
                                id_array (result, result->counterbalancing));
  json_object_set_object_member (root, "concert", concert_to_json (result));

  array = json_array_new ();
  for (guint k = 0; result->contacts != NULL && k < result->contacts->len; k++)
    json_array_add_object_element (array,
                                   contact_to_json (result, &g_array_index (result->contacts,
                                                                            EntenteContactResult,
                                                                            k)));
  json_object_set_array_member (root, "contact_groups", array);

  array = json_array_new ();
  for (guint k = 0; result->dyads != NULL && k < result->dyads->len; k++)
    json_array_add_object_element (array,
                                   dyad_to_json (result, &g_array_index (result->dyads,
                                                                         EntenteDyadResult, k)));
  json_object_set_array_member (root, "dyads", array);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, root);
  return node;
}

char *
entente_result_to_json (EntenteResult *result,
                        const char    *step,
                        gboolean       pretty)
{
  g_autoptr (JsonNode) node = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  node = entente_result_to_json_node (result, step);
  return entente_json_to_string (node, pretty);
}
