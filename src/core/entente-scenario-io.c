/* entente-scenario-io.c: loading *.entente files (and SVGs exported by Entente) into scenarios
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scenario-io"

#include "config.h"

#include "entente-scenario-io.h"
#include "entente-scenario-private.h"
#include "entente-xml-private.h"

#include <string.h>

/**
 * entente_scenario_get_bundled:
 * @basename: a file name in data/scenarios, e.g. "default.entente"
 *
 * Returns: (transfer full): the bundled scenario file; when it is found
 *   nowhere, its installed location (loading it then fails with
 *   ENTENTE_SCENARIO_ERROR_UNREADABLE)
 */
GFile *
entente_scenario_get_bundled (const char *basename)
{
  g_autofree char *relative = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (basename != NULL, NULL);

  relative = g_build_filename ("scenarios", basename, NULL);
  path = _entente_scenario_find_data_file (relative);
  if (path == NULL)
    path = g_build_filename (PKGDATADIR, relative, NULL);
  return g_file_new_for_path (path);
}

/* From the document to a scenario */

static gboolean
is_element (xmlNodePtr  node,
            const char *ns,
            const char *local)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         (local == NULL || xmlStrEqual (node->name, BAD_CAST local)) &&
         (ns == NULL || (node->ns != NULL && xmlStrEqual (node->ns->href, BAD_CAST ns)));
}

static int
line_of (xmlNodePtr node)
{
  long line = xmlGetLineNo (node);

  return line > 0 && line < G_MAXINT ? (int) line : 0;
}

static char *
get_prop (xmlNodePtr  node,
          const char *attr)
{
  g_autoptr (xmlChar) value = xmlGetNoNsProp (node, BAD_CAST attr);

  return value != NULL ? g_strdup ((const char *) value) : NULL;
}

/* Text content with each line stripped and leading/trailing blank lines
 * dropped: files can indent their prose, and saving stays canonical. */
static char *
element_text (xmlNodePtr node)
{
  g_autoptr (xmlChar) content = xmlNodeGetContent (node);
  g_auto (GStrv) lines = NULL;
  GString *out = g_string_new (NULL);
  guint pending_blank = 0;

  lines = g_strsplit (content != NULL ? (const char *) content : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0')
        {
          pending_blank++;
          continue;
        }
      if (out->len > 0)
        for (guint k = 0; k <= pending_blank; k++)
          g_string_append_c (out, '\n');
      pending_blank = 0;
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  EntenteScenario *scenario;
  const char      *name;     /* for error messages */
  EntenteScenario *scratch;  /* the base with the steps so far applied */
} Loader;

static gboolean
loader_fail (Loader      *loader,
             xmlNodePtr   node,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (4, 5);

static gboolean
loader_fail (Loader      *loader,
             xmlNodePtr   node,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_INVALID, loader->name, line_of (node),
                "%s", message);
  return FALSE;
}

static gboolean
is_ref_attribute (EntenteChangeTarget  target,
                  const char          *attr)
{
  switch (target)
    {
    case ENTENTE_CHANGE_STATE:
      return strcmp (attr, "state") == 0 || strcmp (attr, "id") == 0;
    case ENTENTE_CHANGE_PAIR:
      return strcmp (attr, "a") == 0 || strcmp (attr, "b") == 0;
    case ENTENTE_CHANGE_CRISIS:
      return strcmp (attr, "crisis") == 0 || strcmp (attr, "id") == 0;
    case ENTENTE_CHANGE_ACTOR:
      return strcmp (attr, "crisis") == 0 || strcmp (attr, "state") == 0;
    case ENTENTE_CHANGE_SYSTEM:
    default:
      return FALSE;
    }
}

static const char *
target_noun (EntenteChangeTarget target)
{
  switch (target)
    {
    case ENTENTE_CHANGE_STATE: return "state";
    case ENTENTE_CHANGE_PAIR: return "pair";
    case ENTENTE_CHANGE_CRISIS: return "crisis";
    case ENTENTE_CHANGE_ACTOR: return "actor";
    case ENTENTE_CHANGE_SYSTEM:
    default: return "system";
    }
}

/* Sets every non-reference attribute of @node on @scenario, or, with
 * @step, records each as a change and applies it to the scratch copy. */
static gboolean
load_attributes (Loader               *loader,
                 EntenteScenario      *scenario,
                 EntenteStep          *step,
                 xmlNodePtr            node,
                 EntenteChangeTarget   target,
                 const char           *a,
                 const char           *b,
                 GError              **error)
{
  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *key = (const char *) attr->name;
      g_autoptr (xmlChar) value = NULL;
      g_autoptr (GError) local_error = NULL;

      if (attr->ns != NULL || is_ref_attribute (target, key) ||
          (target == ENTENTE_CHANGE_STATE && step == NULL && strcmp (key, "name") == 0))
        continue;
      value = xmlNodeListGetString (node->doc, attr->children, 1);
      if (!entente_scenario_set_attribute (scenario, target, a, b, key,
                                           value != NULL ? (const char *) value : "",
                                           &local_error))
        {
          if (b != NULL)
            return loader_fail (loader, node, error, "%s \"%s\"–\"%s\": %s",
                                target_noun (target), a, b, local_error->message);
          if (a != NULL)
            return loader_fail (loader, node, error, "%s \"%s\": %s",
                                target_noun (target), a, local_error->message);
          return loader_fail (loader, node, error, "%s: %s",
                              (const char *) node->name, local_error->message);
        }
      if (step != NULL)
        g_ptr_array_add (step->changes,
                         entente_change_new (target, a, b, key,
                                             value != NULL ? (const char *) value : ""));
    }
  return TRUE;
}

static gboolean
load_states (Loader      *loader,
             xmlNodePtr   parent,
             GError     **error)
{
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *state_name = NULL;
      g_autoptr (GError) local_error = NULL;

      if (!is_element (node, ENTENTE_SCENARIO_NS, "state"))
        continue;
      id = get_prop (node, "id");
      state_name = get_prop (node, "name");
      if (entente_scenario_insert_state (loader->scenario, id != NULL ? id : "", state_name,
                                         &local_error) < 0)
        return loader_fail (loader, node, error, "%s", local_error->message);
      if (!load_attributes (loader, loader->scenario, NULL, node,
                            ENTENTE_CHANGE_STATE, id, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_state_ref (Loader      *loader,
                 xmlNodePtr   node,
                 const char  *id,
                 int         *index,
                 GError     **error)
{
  *index = entente_scenario_find_state (loader->scenario, id);
  if (*index < 0)
    return loader_fail (loader, node, error, "unknown state \"%s\"", id != NULL ? id : "");
  return TRUE;
}

static gboolean
check_crisis_ref (Loader      *loader,
                  xmlNodePtr   node,
                  const char  *id,
                  int         *index,
                  GError     **error)
{
  *index = entente_scenario_find_crisis (loader->scenario, id);
  if (*index < 0)
    return loader_fail (loader, node, error, "unknown crisis \"%s\"", id != NULL ? id : "");
  return TRUE;
}

static gboolean
load_pairs (Loader      *loader,
            xmlNodePtr   parent,
            GError     **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      int i, j;
      char *key;

      if (!is_element (node, ENTENTE_SCENARIO_NS, "pair"))
        continue;
      a = get_prop (node, "a");
      b = get_prop (node, "b");
      if (!check_state_ref (loader, node, a, &i, error) ||
          !check_state_ref (loader, node, b, &j, error))
        return FALSE;
      if (i == j)
        return loader_fail (loader, node, error, "pair of state \"%s\" with itself", a);
      key = g_strdup_printf ("%d:%d", MIN (i, j), MAX (i, j));
      if (!g_hash_table_add (seen, key))
        return loader_fail (loader, node, error, "duplicate pair \"%s\"–\"%s\"", a, b);
      if (!load_attributes (loader, loader->scenario, NULL, node,
                            ENTENTE_CHANGE_PAIR, a, b, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_crises (Loader      *loader,
             xmlNodePtr   parent,
             GError     **error)
{
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      int c;

      if (!is_element (node, ENTENTE_SCENARIO_NS, "crisis"))
        continue;
      id = get_prop (node, "id");
      if (entente_scenario_find_crisis (loader->scenario, id) >= 0)
        return loader_fail (loader, node, error, "duplicate crisis id \"%s\"", id);
      g_ptr_array_add (loader->scenario->crises, entente_crisis_new (id));
      c = (int) loader->scenario->crises->len - 1;
      if (!load_attributes (loader, loader->scenario, NULL, node,
                            ENTENTE_CHANGE_CRISIS, id, NULL, error))
        return FALSE;

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        {
          g_autofree char *state = NULL;
          EntenteCrisis *crisis = g_ptr_array_index (loader->scenario->crises, c);
          EntenteCrisisActor actor = { 0 };
          int s;

          if (!is_element (child, ENTENTE_SCENARIO_NS, "actor"))
            continue;
          state = get_prop (child, "state");
          if (!check_state_ref (loader, child, state, &s, error))
            return FALSE;
          if (entente_scenario_find_actor (loader->scenario, c, s) >= 0)
            return loader_fail (loader, child, error,
                                "state \"%s\" is twice an actor of crisis \"%s\"", state, id);
          /* Add the actor with its defaults, then set the attributes. */
          actor.state = (guint) s;
          actor.stake = -1.0;
          actor.veto = -1;
          g_array_append_val (crisis->actors, actor);
          if (!load_attributes (loader, loader->scenario, NULL, child,
                                ENTENTE_CHANGE_ACTOR, id, state, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_step (Loader       *loader,
           EntenteStep  *step,
           xmlNodePtr    node,
           GError      **error)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      EntenteChangeTarget target;
      int index;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (child, ENTENTE_SCENARIO_NS, "change-state"))
        {
          target = ENTENTE_CHANGE_STATE;
          a = get_prop (child, "state");
          if (!check_state_ref (loader, child, a, &index, error))
            return FALSE;
        }
      else if (is_element (child, ENTENTE_SCENARIO_NS, "change-pair"))
        {
          target = ENTENTE_CHANGE_PAIR;
          a = get_prop (child, "a");
          b = get_prop (child, "b");
          if (!check_state_ref (loader, child, a, &index, error) ||
              !check_state_ref (loader, child, b, &index, error))
            return FALSE;
          if (g_strcmp0 (a, b) == 0)
            return loader_fail (loader, child, error, "pair of state \"%s\" with itself", a);
        }
      else if (is_element (child, ENTENTE_SCENARIO_NS, "change-system"))
        target = ENTENTE_CHANGE_SYSTEM;
      else if (is_element (child, ENTENTE_SCENARIO_NS, "change-crisis"))
        {
          target = ENTENTE_CHANGE_CRISIS;
          a = get_prop (child, "crisis");
          if (!check_crisis_ref (loader, child, a, &index, error))
            return FALSE;
        }
      else if (is_element (child, ENTENTE_SCENARIO_NS, "change-actor"))
        {
          target = ENTENTE_CHANGE_ACTOR;
          a = get_prop (child, "crisis");
          b = get_prop (child, "state");
          if (!check_crisis_ref (loader, child, a, &index, error) ||
              !check_state_ref (loader, child, b, &index, error))
            return FALSE;
        }
      else
        continue;

      /* Applied to the scratch copy as they are read: a bad value in a
       * step is reported at its line, not when the step is shown. */
      if (!load_attributes (loader, loader->scratch, step, child, target, a, b, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_timeline (Loader      *loader,
               xmlNodePtr   parent,
               GError     **error)
{
  loader->scratch = entente_scenario_copy (loader->scenario);

  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    {
      g_autoptr (EntenteStep) step = NULL;
      g_autofree char *step_name = NULL;

      if (!is_element (node, ENTENTE_SCENARIO_NS, "step"))
        continue;
      step_name = get_prop (node, "name");
      if (step_name == NULL || step_name[0] == '\0')
        return loader_fail (loader, node, error, "a step needs a name");
      if (entente_scenario_find_step (loader->scenario, step_name) >= 0)
        return loader_fail (loader, node, error, "duplicate step \"%s\"", step_name);
      step = entente_step_new (step_name);
      step->description = get_prop (node, "description");
      if (!load_step (loader, step, node, error))
        return FALSE;
      g_ptr_array_add (loader->scenario->steps, g_steal_pointer (&step));
    }
  return TRUE;
}

static gboolean
load_bool_prop (Loader      *loader,
                xmlNodePtr   node,
                const char  *attr,
                gboolean    *out,
                GError     **error)
{
  g_autofree char *value = get_prop (node, attr);

  if (value == NULL)
    return TRUE;
  g_strstrip (value);
  if (strcmp (value, "true") == 0 || strcmp (value, "1") == 0)
    *out = TRUE;
  else if (strcmp (value, "false") == 0 || strcmp (value, "0") == 0)
    *out = FALSE;
  else
    return loader_fail (loader, node, error, "%s=\"%s\" is not a boolean", attr, value);
  return TRUE;
}

static gboolean
load_view (Loader      *loader,
           xmlNodePtr   node,
           GError     **error)
{
  EntenteView *view = &loader->scenario->view;
  g_autofree char *step = get_prop (node, "step");

  if (step != NULL)
    {
      if (entente_scenario_find_step (loader->scenario, step) < 0)
        return loader_fail (loader, node, error, "view of unknown step \"%s\"", step);
      view->step = g_steal_pointer (&step);
    }
  if (!load_bool_prop (loader, node, "threats", &view->show_threats, error) ||
      !load_bool_prop (loader, node, "hulls", &view->show_hulls, error) ||
      !load_bool_prop (loader, node, "labels", &view->show_labels, error) ||
      !load_bool_prop (loader, node, "legend", &view->show_legend, error))
    return FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *state = NULL;
      g_autofree char *lat = NULL;
      g_autofree char *lon = NULL;
      g_autoptr (GError) local_error = NULL;
      int index;

      if (!is_element (child, ENTENTE_SCENARIO_NS, "node"))
        continue;
      state = get_prop (child, "state");
      lat = get_prop (child, "lat");
      lon = get_prop (child, "lon");
      if (!check_state_ref (loader, child, state, &index, error))
        return FALSE;
      if (entente_scenario_get_state (loader->scenario, index)->has_node_position)
        return loader_fail (loader, child, error, "duplicate node of state \"%s\"", state);
      if (!entente_scenario_set_attribute (loader->scenario, ENTENTE_CHANGE_STATE, state, NULL,
                                           "node-lat", lat, &local_error) ||
          !entente_scenario_set_attribute (loader->scenario, ENTENTE_CHANGE_STATE, state, NULL,
                                           "node-lon", lon, &local_error))
        return loader_fail (loader, child, error, "node \"%s\": %s", state, local_error->message);
    }
  return TRUE;
}

static EntenteScenario *
scenario_from_root (xmlNodePtr   root,
                    const char  *name,
                    GError     **error)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  Loader loader = { scenario, name, NULL };
  gboolean ok = TRUE;

  for (xmlNodePtr node = root->children; ok && node != NULL; node = node->next)
    {
      if (!is_element (node, ENTENTE_SCENARIO_NS, NULL))
        continue;
      if (is_element (node, NULL, "title"))
        scenario->title = element_text (node);
      else if (is_element (node, NULL, "description"))
        scenario->description = element_text (node);
      else if (is_element (node, NULL, "sources"))
        scenario->sources = element_text (node);
      else if (is_element (node, NULL, "system") || is_element (node, NULL, "model"))
        ok = load_attributes (&loader, scenario, NULL, node, ENTENTE_CHANGE_SYSTEM,
                              NULL, NULL, error);
      else if (is_element (node, NULL, "states"))
        ok = load_states (&loader, node, error);
      else if (is_element (node, NULL, "pairs"))
        ok = load_pairs (&loader, node, error);
      else if (is_element (node, NULL, "crises"))
        ok = load_crises (&loader, node, error);
      else if (is_element (node, NULL, "timeline"))
        ok = load_timeline (&loader, node, error);
      else if (is_element (node, NULL, "view"))
        ok = load_view (&loader, node, error);
    }
  g_clear_pointer (&loader.scratch, entente_scenario_unref);

  return ok ? g_steal_pointer (&scenario) : NULL;
}

/* An SVG exported by Entente carries the scenario in <metadata>. */
static xmlNodePtr
find_embedded_scenario (xmlNodePtr node)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      xmlNodePtr found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (child, NULL, "metadata"))
        {
          for (xmlNodePtr inner = child->children; inner != NULL; inner = inner->next)
            if (is_element (inner, ENTENTE_SCENARIO_NS, "scenario"))
              return inner;
        }
      if ((found = find_embedded_scenario (child)) != NULL)
        return found;
    }
  return NULL;
}

/**
 * entente_scenario_load_bytes:
 * @bytes: the file contents
 * @name: the file name to use in error messages
 * @error: return location for an error
 *
 * Parses (no network, no entities, no DTD), validates against entente.rng
 * and checks a scenario. An SVG exported by Entente is accepted: the
 * scenario is read from its <metadata>.
 *
 * Returns: (transfer full): the scenario, or NULL with an
 *   ENTENTE_SCENARIO_ERROR whose message is "NAME:LINE: what is wrong"
 */
EntenteScenario *
entente_scenario_load_bytes (GBytes      *bytes,
                             const char  *name,
                             GError     **error)
{
  g_autoptr (xmlDoc) doc = NULL;
  g_autoptr (xmlDoc) embedded = NULL;
  xmlDocPtr target;
  xmlNodePtr root;
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    name = "(scenario)";

  data = g_bytes_get_data (bytes, &size);
  if (size > ENTENTE_SCENARIO_MAX_BYTES)
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_TOO_LARGE, name, 0,
                    "file too large (%" G_GSIZE_FORMAT " bytes, at most %d)",
                    size, ENTENTE_SCENARIO_MAX_BYTES);
      return NULL;
    }
  if (size == 0)
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_MALFORMED, name, 0, "empty file");
      return NULL;
    }

  doc = _entente_scenario_parse_xml (data, size, name, error);
  if (doc == NULL)
    return NULL;

  target = doc;
  root = xmlDocGetRootElement (doc);
  if (root != NULL && is_element (root, NULL, "svg") && !is_element (root, ENTENTE_SCENARIO_NS, NULL))
    {
      xmlNodePtr scenario = find_embedded_scenario (root);

      if (scenario == NULL)
        {
          _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_SCHEMA, name, line_of (root),
                        "this SVG holds no Entente scenario in its <metadata>");
          return NULL;
        }
      /* A document of its own for validation; the copy keeps line numbers
       * and re-declares the namespaces it needs. */
      embedded = xmlNewDoc (BAD_CAST "1.0");
      xmlDocSetRootElement (embedded, xmlDocCopyNode (scenario, embedded, 1));
      target = embedded;
    }

  if (!_entente_scenario_validate (target, name, error))
    return NULL;

  return scenario_from_root (xmlDocGetRootElement (target), name, error);
}

/* Files */

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

/* GIO's messages repeat the path; ours already starts with it. */
static void
propagate_read_error (GError     **error,
                      const char  *name,
                      GError      *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, io_error);
      return;
    }
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_UNREADABLE, name, 0, "no such file");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_UNREADABLE, name, 0, "permission denied");
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_UNREADABLE, name, 0,
                  "is a directory, not a scenario file");
  else
    _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_UNREADABLE, name, 0, "cannot read: %s",
                  io_error->message);
  g_error_free (io_error);
}

static GBytes *
read_limited (GFile         *file,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  goffset size;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      propagate_read_error (error, name, g_steal_pointer (&local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_UNREADABLE, name, 0,
                    "is a directory, not a scenario file");
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR &&
      g_file_info_get_file_type (info) != G_FILE_TYPE_SYMBOLIC_LINK)
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_UNREADABLE, name, 0,
                    "not a regular file");
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > ENTENTE_SCENARIO_MAX_BYTES)
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_TOO_LARGE, name, 0,
                    "file too large (%" G_GOFFSET_FORMAT " bytes, at most %d)",
                    size, ENTENTE_SCENARIO_MAX_BYTES);
      return NULL;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      propagate_read_error (error, name, g_steal_pointer (&local_error));
      return NULL;
    }
  /* Read until the end, but never more than one byte past the limit: the
   * file may have grown since the size check, and memory stays bounded.
   * The buffer starts at the size seen, so the usual case is one read. */
  buffer = g_byte_array_sized_new ((guint) size + 1);
  for (;;)
    {
      gsize chunk = MIN ((gsize) 64 * 1024, (gsize) ENTENTE_SCENARIO_MAX_BYTES + 1 - buffer->len);
      gsize offset = buffer->len;
      gssize n;

      if (chunk == 0)
        {
          _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_TOO_LARGE, name, 0,
                        "file too large (more than %d bytes)", ENTENTE_SCENARIO_MAX_BYTES);
          return NULL;
        }
      if (offset + chunk < (gsize) size + 1)
        chunk = (gsize) size + 1 - offset;
      g_byte_array_set_size (buffer, (guint) (offset + chunk));
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer->data + offset, chunk,
                               cancellable, &local_error);
      if (n < 0)
        {
          propagate_read_error (error, name, g_steal_pointer (&local_error));
          return NULL;
        }
      g_byte_array_set_size (buffer, (guint) (offset + (gsize) n));
      if (n == 0)
        break;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return g_steal_pointer (&bytes);
}

/**
 * entente_scenario_load_file:
 * @file: a scenario file (or an SVG exported by Entente)
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Errors name the file by its parse name (the path for local files).
 * Cancellation is G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the scenario, or NULL
 */
EntenteScenario *
entente_scenario_load_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = display_name (file);
  bytes = read_limited (file, name, cancellable, error);
  if (bytes == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return entente_scenario_load_bytes (bytes, name, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  EntenteScenario *scenario;

  scenario = entente_scenario_load_file (file, cancellable, &error);
  if (scenario == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, scenario, (GDestroyNotify) entente_scenario_unref);
}

void
entente_scenario_load_file_async (GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, entente_scenario_load_file_async);
  /* GFile is immutable and thread-safe: a reference is as good as a copy. */
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

EntenteScenario *
entente_scenario_load_file_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        entente_scenario_load_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
