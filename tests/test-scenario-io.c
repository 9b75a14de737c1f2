/* test-scenario-io.c: scenario files: bundled library, round trip, bad input
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "entente-scenario-io.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <string.h>
#include <unistd.h>

/* The bundled library (data/scenarios): the default scenario and V1–V12 of
 * model-theory.md §12. Every file of the directory is also checked. */
static const char * const bundled[] = {
  "default.entente",
  "v01-concert-of-europe.entente",
  "v02-concert-decay.entente",
  "v03-1945.entente",
  "v04-july-1914.entente",
  "v05-1930s-buck-passing.entente",
  "v06-cold-war.entente",
  "v07-unipolarity.entente",
  "v08-bosnia-contact-group.entente",
  "v09-libya.entente",
  "v10-csto.entente",
  "v11-greece-turkey.entente",
  "v12-isaf-caveats.entente",
};

static EntenteScenario *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return entente_scenario_load_file (file, NULL, error);
}

static void
assert_round_trip (EntenteScenario *scenario)
{
  g_autoptr (GBytes) first = entente_scenario_to_bytes (scenario);
  g_autoptr (EntenteScenario) again = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;

  again = entente_scenario_load_bytes (first, "round-trip", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_true (entente_scenario_equal (scenario, again));
  second = entente_scenario_to_bytes (again);
  if (!g_bytes_equal (first, second))
    {
      g_test_message ("first:\n%.*s", (int) g_bytes_get_size (first),
                      (const char *) g_bytes_get_data (first, NULL));
      g_test_message ("second:\n%.*s", (int) g_bytes_get_size (second),
                      (const char *) g_bytes_get_data (second, NULL));
    }
  g_assert_true (g_bytes_equal (first, second));
}

static void
test_bundled (gconstpointer data)
{
  const char *basename = data;
  g_autoptr (GFile) file = entente_scenario_get_bundled (basename);
  g_autoptr (EntenteScenario) scenario = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) saved = NULL;

  scenario = entente_scenario_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scenario);

  /* Each file says what it is, what a class should see, and where from. */
  g_assert_nonnull (scenario->title);
  g_assert_nonnull (scenario->description);
  g_assert_nonnull (scenario->sources);
  g_assert_cmpuint (strlen (scenario->description), >, 80);
  g_assert_cmpuint (entente_scenario_get_n_states (scenario), >=, 2);

  /* Positions are capitals: never the (0, 0) default. */
  for (guint i = 0; i < entente_scenario_get_n_states (scenario); i++)
    {
      EntenteState *state = entente_scenario_get_state (scenario, i);

      g_assert_false (state->lat == 0 && state->lon == 0);
    }

  /* Every step applies. */
  for (guint i = 0; i < scenario->steps->len; i++)
    {
      EntenteStep *step = g_ptr_array_index (scenario->steps, i);
      g_autoptr (EntenteScenario) at = entente_scenario_apply_step (scenario, step->name, &error);

      g_assert_no_error (error);
      g_assert_nonnull (at);
      g_assert_cmpstr (at->view.step, ==, step->name);
    }

  /* The bundled files are stored in canonical form, and round-trip. */
  assert_round_trip (scenario);
  original = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  saved = entente_scenario_to_bytes (scenario);
  if (!g_bytes_equal (original, saved))
    g_test_message ("%s is not in canonical form: load and save it once "
                    "(entente_scenario_to_bytes) and commit the result", basename);
  g_assert_true (g_bytes_equal (original, saved));
}

/* Files whose base scenario is the validation input and also a step of
 * the timeline: applying that step to the base must change nothing. */
static const char * const base_steps[][2] = {
  { "v01-concert-of-europe.entente", "1815" },
  { "v02-concert-decay.entente", "1818" },
  { "v04-july-1914.entente", "1914" },
  { "v06-cold-war.entente", "neutral" },
  { "v09-libya.entente", "2011-04" },
};

static void
test_base_is_step (gconstpointer data)
{
  const char * const *c = data;
  g_autoptr (GFile) file = entente_scenario_get_bundled (c[0]);
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = entente_scenario_load_file (file, NULL, &error);
  g_autoptr (EntenteScenario) at = NULL;

  g_assert_no_error (error);
  at = entente_scenario_apply_step (scenario, c[1], &error);
  g_assert_no_error (error);
  g_clear_pointer (&at->view.step, g_free);
  g_assert_true (entente_scenario_equal (scenario, at));
}

static void
test_bundled_directory (void)
{
  g_autoptr (GFile) any = entente_scenario_get_bundled ("default.entente");
  g_autoptr (GFile) dir = g_file_get_parent (any);
  g_autoptr (GFileEnumerator) children = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      g_autoptr (EntenteScenario) scenario = NULL;

      g_assert_true (g_file_enumerator_iterate (children, &info, &child, NULL, &error));
      g_assert_no_error (error);
      if (info == NULL)
        break;
      if (!g_str_has_suffix (g_file_info_get_name (info), ".entente"))
        continue;
      scenario = entente_scenario_load_file (child, NULL, &error);
      g_assert_no_error (error);
      assert_round_trip (scenario);
      n++;
    }
  g_assert_cmpuint (n, >=, G_N_ELEMENTS (bundled));
}

typedef struct
{
  const char *file;
  int         code;
  int         line;     /* 0: no line expected */
} BadCase;

static const BadCase bad_cases[] = {
  { "malformed.entente", ENTENTE_SCENARIO_ERROR_MALFORMED, 6 },
  { "empty.entente", ENTENTE_SCENARIO_ERROR_MALFORMED, 0 },
  { "schema.entente", ENTENTE_SCENARIO_ERROR_SCHEMA, 4 },
  { "unknown-id.entente", ENTENTE_SCENARIO_ERROR_INVALID, 7 },
  { "duplicate-id.entente", ENTENTE_SCENARIO_ERROR_INVALID, 6 },
  { "missing-ref.entente", ENTENTE_SCENARIO_ERROR_INVALID, 8 },
  { "self-pair.entente", ENTENTE_SCENARIO_ERROR_INVALID, 8 },
  { "nan.entente", ENTENTE_SCENARIO_ERROR_INVALID, 4 },
  { "inf.entente", ENTENTE_SCENARIO_ERROR_INVALID, 4 },
  { "out-of-range.entente", ENTENTE_SCENARIO_ERROR_INVALID, 3 },
  { "bad-step-value.entente", ENTENTE_SCENARIO_ERROR_INVALID, 8 },
  { "bad-view-step.entente", ENTENTE_SCENARIO_ERROR_INVALID, 6 },
  { "dtd.entente", ENTENTE_SCENARIO_ERROR_FORBIDDEN, 2 },
  { "external-dtd.entente", ENTENTE_SCENARIO_ERROR_FORBIDDEN, 2 },
  { "xxe-file.entente", ENTENTE_SCENARIO_ERROR_FORBIDDEN, 2 },
  { "xxe-http.entente", ENTENTE_SCENARIO_ERROR_FORBIDDEN, 2 },
  { "billion-laughs.entente", ENTENTE_SCENARIO_ERROR_FORBIDDEN, 2 },
  { "entity-ref.entente", ENTENTE_SCENARIO_ERROR_FORBIDDEN, 3 },
  { "svg-bad-value.svg", ENTENTE_SCENARIO_ERROR_INVALID, 6 },
  { "svg-no-scenario.svg", ENTENTE_SCENARIO_ERROR_SCHEMA, 2 },
};

static void
assert_error_names (const GError *error,
                    const char   *name,
                    int           line)
{
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_true (g_str_has_prefix (error->message, name));
  if (line > 0)
    {
      g_autofree char *prefix = g_strdup_printf ("%s:%d: ", name, line);

      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
  else
    g_assert_true (g_str_has_prefix (error->message + strlen (name), ": "));
}

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", c->file, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr (EntenteScenario) scenario = NULL;
  g_autoptr (GError) error = NULL;

  scenario = entente_scenario_load_file (file, NULL, &error);
  g_assert_null (scenario);
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, c->code);
  assert_error_names (error, name, c->line);
}

/* Hostile input never expands: the title never holds the entity text. */
static void
test_bad_bytes_name (void)
{
  static const char doc[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE s [ <!ENTITY a \"aaaaaaaaaa\"> ]>\n"
    "<scenario xmlns=\"urn:io.github.entente:scenario:1\" version=\"1\">"
    "<title>&a;</title><states/></scenario>\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (doc, sizeof doc - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = entente_scenario_load_bytes (bytes, "memory.entente",
                                                                       &error);

  g_assert_null (scenario);
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_FORBIDDEN);
  assert_error_names (error, "memory.entente", 2);
}

static void
test_too_large (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (EntenteScenario) scenario = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *name = NULL;
  int fd;

  fd = g_file_open_tmp ("entente-large-XXXXXX.entente", &path, &error);
  g_assert_no_error (error);
  /* Sparse: no disk space used. */
  g_assert_cmpint (ftruncate (fd, (off_t) ENTENTE_SCENARIO_MAX_BYTES + 1), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  name = g_file_get_parse_name (file);
  scenario = entente_scenario_load_file (file, NULL, &error);
  g_assert_null (scenario);
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_TOO_LARGE);
  assert_error_names (error, name, 0);
  g_unlink (path);
}

static void
test_directory (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = load_path (path, &error);

  g_assert_null (scenario);
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_UNREADABLE);
  assert_error_names (error, path, 0);
}

static void
test_missing (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "no-such.entente", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = load_path (path, &error);

  g_assert_null (scenario);
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_UNREADABLE);
  assert_error_names (error, path, 0);
}

static void
test_unreadable (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (EntenteScenario) scenario = NULL;
  int fd;

  if (geteuid () == 0)
    {
      g_test_skip ("root can read a file with mode 000");
      return;
    }
  fd = g_file_open_tmp ("entente-unreadable-XXXXXX.entente", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  scenario = load_path (path, &error);
  g_assert_null (scenario);
  g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_UNREADABLE);
  assert_error_names (error, path, 0);
  g_unlink (path);
}

static void
test_svg_metadata (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "embedded.svg", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = load_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (scenario->title, ==, "Embedded");
  g_assert_cmpuint (entente_scenario_get_n_states (scenario), ==, 2);
  g_assert_cmpstr (entente_scenario_get_state (scenario, 0)->name, ==, "Alpha");
  g_assert_true (entente_scenario_get_state (scenario, 0)->single_capability);
}

/* The exporter's path: write_xml into an SVG's <metadata>, read it back. */
static void
test_svg_write_xml (void)
{
  g_autoptr (GFile) file = entente_scenario_get_bundled ("v04-july-1914.entente");
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = entente_scenario_load_file (file, NULL, &error);
  g_autoptr (EntenteScenario) back = NULL;
  g_autoptr (GBytes) bytes = NULL;
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);

  g_assert_no_error (error);
  xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElementNS (writer, NULL, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
  xmlTextWriterStartElement (writer, BAD_CAST "g");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "metadata");
  g_assert_true (entente_scenario_write_xml (scenario, writer));
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  back = entente_scenario_load_bytes (bytes, "export.svg", &error);
  g_assert_no_error (error);
  g_assert_true (entente_scenario_equal (scenario, back));
}

/* What libxml2's own xmlTextWriterWriteAttribute() writes for @value, in
 * a writer with (@document) or without a UTF-8 document declaration: the
 * reference the saver's own escaping must match byte for byte. */
static char *
libxml_attribute (const char *value,
                  gboolean    document)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  const char *content, *start, *end;
  char *escaped;

  if (document)
    xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST "e");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "v", BAD_CAST value);
  xmlTextWriterEndElement (writer);
  if (document)
    xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  content = (const char *) xmlBufferContent (buffer);
  start = strstr (content, "<e v=\"");
  g_assert_nonnull (start);
  start += strlen ("<e v=\"");
  end = strstr (start, "\"/>");
  g_assert_nonnull (end);
  escaped = g_strndup (start, end - start);
  xmlBufferFree (buffer);
  return escaped;
}

/* Hostile names and labels come out escaped exactly as libxml2 escapes
 * attribute values (the saver escapes ASCII itself), with and without a
 * document encoding (non-ASCII is then written as character references),
 * in to_bytes() and in write_xml() into another writer, and read back. */
static void
test_escaping (void)
{
  static const char * const hostile[] = {
    "<script>alert(1)</script>", "Tom & Jerry", "\"double\" 'single'", "]]> end",
    "new\nline", "tab\there", "cr\rhere", "עברית والعربية", "🦄 emoji",
    "&amp; already", "a > b", "mixed\t<&>\"'\r\n", "del\x7f", "é & <ß>", NULL,
  };
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (EntenteScenario) back = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  guint i;

  for (i = 0; hostile[i] != NULL; i++)
    {
      guint index = entente_scenario_add_state (scenario, hostile[i]);
      const char *id = entente_scenario_get_state (scenario, index)->id;

      g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_STATE, id, NULL,
                                                     "label", hostile[(i + 1) % 14], &error));
      g_assert_no_error (error);
    }

  for (int document = 0; document < 2; document++)
    {
      xmlBufferPtr buffer = xmlBufferCreate ();
      xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
      const char *content;

      if (document)
        {
          xmlTextWriterSetIndent (writer, 1);
          xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL);
        }
      xmlTextWriterStartElement (writer, BAD_CAST "metadata");
      g_assert_true (entente_scenario_write_xml (scenario, writer));
      xmlTextWriterEndElement (writer);
      if (document)
        xmlTextWriterEndDocument (writer);
      xmlFreeTextWriter (writer);
      content = (const char *) xmlBufferContent (buffer);
      for (i = 0; hostile[i] != NULL; i++)
        {
          g_autofree char *name = libxml_attribute (hostile[i], document);
          g_autofree char *label = libxml_attribute (hostile[(i + 1) % 14], document);
          g_autofree char *expected = g_strdup_printf (" name=\"%s\" label=\"%s\"", name,
                                                       label);

          if (strstr (content, expected) == NULL)
            g_error ("%s not in\n%s", expected, content);
        }
      xmlBufferFree (buffer);
    }

  bytes = entente_scenario_to_bytes (scenario);
  back = entente_scenario_load_bytes (bytes, "hostile.entente", &error);
  g_assert_no_error (error);
  g_assert_true (entente_scenario_equal (scenario, back));
  for (i = 0; hostile[i] != NULL; i++)
    {
      g_autofree char *name = libxml_attribute (hostile[i], TRUE);

      g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      name));
      g_assert_cmpstr (entente_scenario_get_state (back, i)->name, ==, hostile[i]);
    }
}

static void
test_round_trip_synthetic (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (GError) error = NULL;
  EntenteStep *step;
  static const struct { EntenteChangeTarget t; const char *a, *b, *key, *value; } sets[] = {
    { ENTENTE_CHANGE_STATE, "A", NULL, "pop", "0.30000000000000004" },
    { ENTENTE_CHANGE_STATE, "A", NULL, "econ", "0.3333333333333333" },
    { ENTENTE_CHANGE_STATE, "A", NULL, "mil", "1e-300" },
    { ENTENTE_CHANGE_STATE, "A", NULL, "label", "Å & <b>" },
    { ENTENTE_CHANGE_STATE, "A", NULL, "lat", "-33.8688" },
    { ENTENTE_CHANGE_STATE, "A", NULL, "gp-override", "-1" },
    { ENTENTE_CHANGE_STATE, "B", NULL, "capability", "1" },
    { ENTENTE_CHANGE_STATE, "B", NULL, "node-lat", "12.5" },
    { ENTENTE_CHANGE_PAIR, "B", "A", "affinity", "-0.1" },
    { ENTENTE_CHANGE_SYSTEM, NULL, NULL, "w-pop", "2" },
    { ENTENTE_CHANGE_SYSTEM, NULL, NULL, "mode", "ab1993" },
    { ENTENTE_CHANGE_SYSTEM, NULL, NULL, "seed", "18446744073709551615" },
    { ENTENTE_CHANGE_SYSTEM, NULL, NULL, "kappa0", "0.125" },
    { ENTENTE_CHANGE_CRISIS, "k", NULL, "receptive", "0.75" },
    { ENTENTE_CHANGE_ACTOR, "k", "B", "stake", "0" },
    { ENTENTE_CHANGE_ACTOR, "k", "A", "veto", "false" },
  };

  entente_scenario_insert_state (scenario, "A", "Alpha \"quoted\"", &error);
  entente_scenario_insert_state (scenario, "B", NULL, &error);
  g_assert_no_error (error);
  g_ptr_array_add (scenario->crises, entente_crisis_new ("k"));
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      entente_scenario_set_attribute (scenario, sets[i].t, sets[i].a, sets[i].b,
                                      sets[i].key, sets[i].value, &error);
      g_assert_no_error (error);
    }
  entente_scenario_set_text (scenario, &scenario->description, "line one\n\nline two");
  step = entente_step_new ("s1");
  step->description = g_strdup ("first");
  g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_STATE, "A", NULL,
                                                      "intention", "0.5"));
  g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_STATE, "A", NULL,
                                                      "intention", "0.6"));
  g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_SYSTEM, NULL, NULL,
                                                      "theta-low", "0.2"));
  g_ptr_array_add (scenario->steps, step);
  scenario->view.show_hulls = FALSE;
  entente_scenario_set_text (scenario, &scenario->view.step, "s1");

  assert_round_trip (scenario);
}

/* The schema and the code know the same attributes: every attribute the
 * setter accepts is declared in entente.rng, for its element and, but for
 * names and crisis types, in the matching change element. */
static void
test_schema_in_sync (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("ENTENTE_DATADIR"), "entente.rng", NULL);
  g_autofree char *rng = NULL;
  g_autoptr (GError) error = NULL;
  static const EntenteChangeTarget targets[] = {
    ENTENTE_CHANGE_STATE, ENTENTE_CHANGE_PAIR, ENTENTE_CHANGE_SYSTEM,
    ENTENTE_CHANGE_CRISIS, ENTENTE_CHANGE_ACTOR,
  };

  g_file_get_contents (path, &rng, NULL, &error);
  g_assert_no_error (error);
  for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
    {
      const char * const *names = entente_scenario_attribute_names (targets[t]);

      g_assert_nonnull (names);
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *decl = g_strdup_printf ("<attribute name=\"%s\">", names[i]);

          if (strstr (rng, decl) == NULL)
            g_test_message ("attribute %s is not in entente.rng", names[i]);
          g_assert_nonnull (strstr (rng, decl));
        }
    }
}

/* Every attribute, set to a value off its default, survives save and load. */
static void
test_round_trip_every_attribute (void)
{
  static const char * const candidates[] = {
    "0.25", "3", "true", "false", "ab1993", "coercive", "1", "-1", "Zed",
  };
  static const struct { EntenteChangeTarget target; const char *a, *b; } objects[] = {
    { ENTENTE_CHANGE_STATE, "A", NULL },
    { ENTENTE_CHANGE_PAIR, "A", "B" },
    { ENTENTE_CHANGE_SYSTEM, NULL, NULL },
    { ENTENTE_CHANGE_CRISIS, "k", NULL },
    { ENTENTE_CHANGE_ACTOR, "k", "B" },
  };

  for (guint o = 0; o < G_N_ELEMENTS (objects); o++)
    {
      const char * const *names = entente_scenario_attribute_names (objects[o].target);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
          g_autofree char *before = NULL;
          gboolean changed = FALSE;

          entente_scenario_insert_state (scenario, "A", NULL, NULL);
          entente_scenario_insert_state (scenario, "B", NULL, NULL);
          g_ptr_array_add (scenario->crises, entente_crisis_new ("k"));
          /* The actor must exist for get_attribute to see it. */
          g_assert_true (entente_scenario_set_attribute (scenario, ENTENTE_CHANGE_ACTOR, "k", "B",
                                                         "stance", "0", NULL));
          before = entente_scenario_get_attribute (scenario, objects[o].target, objects[o].a,
                                                   objects[o].b, names[i]);
          for (guint c = 0; c < G_N_ELEMENTS (candidates) && !changed; c++)
            {
              g_autofree char *after = NULL;

              if (!entente_scenario_set_attribute (scenario, objects[o].target, objects[o].a,
                                                   objects[o].b, names[i], candidates[c], NULL))
                continue;
              after = entente_scenario_get_attribute (scenario, objects[o].target, objects[o].a,
                                                      objects[o].b, names[i]);
              changed = g_strcmp0 (before, after) != 0;
            }
          if (!changed)
            g_test_message ("no candidate value changes %s", names[i]);
          g_assert_true (changed);
          assert_round_trip (scenario);
        }
    }
}

static void
test_save_file (void)
{
  g_autoptr (GFile) file = entente_scenario_get_bundled ("default.entente");
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = entente_scenario_load_file (file, NULL, &error);
  g_autoptr (EntenteScenario) back = NULL;
  g_autofree char *dir = g_dir_make_tmp ("entente-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.entente", NULL);
  g_autoptr (GFile) out = g_file_new_for_path (path);

  g_assert_no_error (error);
  g_assert_true (entente_scenario_save_file (scenario, out, NULL, &error));
  g_assert_no_error (error);
  /* Again over the existing file: replaced, no backup left. */
  g_assert_true (entente_scenario_save_file (scenario, out, NULL, &error));
  g_assert_false (g_file_test (path + 0, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
  back = entente_scenario_load_file (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (entente_scenario_equal (scenario, back));
  g_unlink (path);
  g_rmdir (dir);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  EntenteScenario **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = entente_scenario_load_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autoptr (GFile) file = entente_scenario_get_bundled ("default.entente");
  g_autoptr (EntenteScenario) scenario = NULL;

  entente_scenario_load_file_async (file, NULL, load_done_cb, &scenario);
  while (scenario == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (entente_scenario_get_n_states (scenario), >=, 2);
}

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = entente_scenario_load_file_finish (result, &error);

  g_assert_null (scenario);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_async_cancelled (void)
{
  g_autoptr (GFile) file = entente_scenario_get_bundled ("default.entente");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  g_cancellable_cancel (cancellable);
  entente_scenario_load_file_async (file, cancellable, cancelled_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Loads from several threads at once, good and bad files mixed: the
 * error capture is per parser context, so messages never cross. */
static gpointer
load_many_thread (gpointer data)
{
  const char *bad_path = data;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (GFile) file = entente_scenario_get_bundled ("v04-july-1914.entente");
      g_autoptr (GError) error = NULL;
      g_autoptr (EntenteScenario) good = entente_scenario_load_file (file, NULL, &error);
      g_autoptr (EntenteScenario) bad = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (good);
      bad = load_path (bad_path, &error);
      g_assert_null (bad);
      g_assert_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, "malformed.entente:6:"));
    }
  return NULL;
}

static void
test_threads (void)
{
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                     "malformed.entente", NULL);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("load", load_many_thread, bad_path);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  xmlInitParser ();
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bundled); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/scenario-io/bundled/%s", bundled[i]);

      g_test_add_data_func (path, bundled[i], test_bundled);
    }
  g_test_add_func ("/entente/scenario-io/bundled-directory", test_bundled_directory);
  for (guint i = 0; i < G_N_ELEMENTS (base_steps); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/scenario-io/base-is-step/%s",
                                               base_steps[i][0]);

      g_test_add_data_func (path, base_steps[i], test_base_is_step);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/scenario-io/bad/%s", bad_cases[i].file);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  g_test_add_func ("/entente/scenario-io/bad/bytes-entity", test_bad_bytes_name);
  g_test_add_func ("/entente/scenario-io/bad/too-large", test_too_large);
  g_test_add_func ("/entente/scenario-io/bad/directory", test_directory);
  g_test_add_func ("/entente/scenario-io/bad/missing", test_missing);
  g_test_add_func ("/entente/scenario-io/bad/unreadable", test_unreadable);
  g_test_add_func ("/entente/scenario-io/svg-metadata", test_svg_metadata);
  g_test_add_func ("/entente/scenario-io/svg-write-xml", test_svg_write_xml);
  g_test_add_func ("/entente/scenario-io/escaping", test_escaping);
  g_test_add_func ("/entente/scenario-io/round-trip", test_round_trip_synthetic);
  g_test_add_func ("/entente/scenario-io/round-trip-every-attribute",
                   test_round_trip_every_attribute);
  g_test_add_func ("/entente/scenario-io/schema-in-sync", test_schema_in_sync);
  g_test_add_func ("/entente/scenario-io/save-file", test_save_file);
  g_test_add_func ("/entente/scenario-io/async", test_async);
  g_test_add_func ("/entente/scenario-io/async-cancelled", test_async_cancelled);
  g_test_add_func ("/entente/scenario-io/threads", test_threads);
  return g_test_run ();
}
