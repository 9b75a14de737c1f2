/* bench-save.c: time of writing a scenario in its canonical form
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints the CPU time of entente_scenario_to_bytes() and of
 * entente_scenario_write_xml() into an SVG writer's <metadata> (as the SVG
 * export embeds the scenario), medians of many runs, for every bundled
 * scenario, for 200 states / 2 000 pairs and for a small scenario full of
 * hostile names (markup, quotes, control characters, RTL, emoji). Nothing
 * is asserted. `bench-save --dump DIR` writes both outputs of every case to
 * DIR/<case>.entente and DIR/<case>.svg instead, to compare two versions of
 * the writer byte for byte (extra arguments: more files to load and dump). ENTENTE_BENCH_RUNS sets the number of runs (default 41) and
 * ENTENTE_BENCH_ONLY (a part of a case name) the cases, e.g. under callgrind.
 */
#define G_LOG_DOMAIN "bench-save"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "entente-scenario-io.h"

#include <libxml/xmlwriter.h>

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
set (EntenteScenario     *scenario,
     EntenteChangeTarget  target,
     const char          *a,
     const char          *b,
     const char          *key,
     const char          *value)
{
  g_autoptr (GError) error = NULL;

  if (!entente_scenario_set_attribute (scenario, target, a, b, key, value, &error))
    g_error ("%s=%s: %s", key, value, error->message);
}

static void
set_double (EntenteScenario *scenario,
            const char      *id,
            const char      *key,
            double           value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, value);
  set (scenario, ENTENTE_CHANGE_STATE, id, NULL, key, buf);
}

/* @n states with random attributes, @ties random pairs with one to four
 * attributes off their defaults, a few crises, steps and node positions. */
static EntenteScenario *
make_large (guint n,
            guint ties)
{
  EntenteScenario *scenario = entente_scenario_new ();
  GRand *rand = g_rand_new_with_seed (2026);
  guint i, made = 0;

  entente_scenario_set_text (scenario, &scenario->title, "Large");
  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("State %u", i + 1);
      guint index = entente_scenario_add_state (scenario, name);
      const char *id = entente_scenario_get_state (scenario, index)->id;

      set_double (scenario, id, "lat", g_rand_double_range (rand, -50, 65));
      set_double (scenario, id, "lon", g_rand_double_range (rand, -130, 150));
      if (i % 5 == 0)
        set_double (scenario, id, "capability", g_rand_double_range (rand, 0.5, 50));
      else
        {
          set_double (scenario, id, "mil", g_rand_double_range (rand, 0.5, 50));
          set_double (scenario, id, "econ", g_rand_double_range (rand, 0.5, 50));
        }
      set_double (scenario, id, "intention", g_rand_double (rand));
      if (i % 7 == 0)
        set_double (scenario, id, "node-lat", g_rand_double_range (rand, -50, 65));
      if (i % 11 == 0)
        set (scenario, ENTENTE_CHANGE_STATE, id, NULL, "contained", "true");
    }
  while (made < ties)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
      EntentePair *pair;

      if (a == b || entente_scenario_get_pair (scenario, a, b) != NULL)
        continue;
      pair = entente_scenario_ensure_pair (scenario, a, b);
      if (g_rand_boolean (rand))
        pair->commitment = g_rand_double_range (rand, 0.3, 1);
      else
        pair->rivalry = g_rand_double_range (rand, 0.2, 1);
      if (made % 3 == 0)
        pair->affinity = g_rand_double_range (rand, -1, 1);
      if (made % 4 == 0)
        pair->contiguity = 1;
      made++;
    }
  for (i = 0; i < 5; i++)
    {
      g_autofree char *cid = g_strdup_printf ("c%u", i);
      EntenteCrisis *crisis = entente_crisis_new (cid);
      EntenteCrisisActor actor = { 0 };

      crisis->name = g_strdup_printf ("Crisis %u", i);
      crisis->risk = 0.25 * i;
      for (guint k = 0; k < 4; k++)
        {
          actor.state = (i * 13 + k * 7) % n;
          actor.lead = k == 0;
          actor.stake = k == 1 ? -1.0 : 0.1 * k;
          actor.stance = 0.5 - 0.25 * k;
          actor.veto = (int) k % 3 - 1;
          g_array_append_val (crisis->actors, actor);
        }
      g_ptr_array_add (scenario->crises, crisis);
    }
  for (i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u", 1900 + i);
      EntenteStep *step = entente_step_new (name);
      const char *a = entente_scenario_get_state (scenario, i)->id;
      const char *b = entente_scenario_get_state (scenario, i + 1)->id;

      g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_STATE, a, NULL,
                                                          "intention", "0.5"));
      g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_PAIR, a, b,
                                                          "commitment", "1"));
      g_ptr_array_add (step->changes, entente_change_new (ENTENTE_CHANGE_SYSTEM, NULL, NULL,
                                                          "odb", "0.25"));
      g_ptr_array_add (scenario->steps, step);
    }
  g_rand_free (rand);
  return scenario;
}

static const char * const hostile[] = {
  "<script>alert(1)</script>", "Tom & Jerry", "\"double\" 'single'", "]]> end",
  "new\nline", "tab\there", "cr\rhere", "עברית والعربية", "🦄 emoji 🇪🇺",
  "&amp; already", "<![CDATA[x]]>", "a > b", "mixed\t<&>\"'\r\n", "  spaces  ",
  "é ß ø", "\xc2\xa0nbsp", "--> comment", NULL,
};

/* Every string field that is written as an attribute or text, hostile. */
static EntenteScenario *
make_hostile (void)
{
  EntenteScenario *scenario = entente_scenario_new ();
  EntenteCrisis *crisis;
  EntenteCrisisActor actor = { 0 };
  EntenteStep *step;
  guint i;

  entente_scenario_set_text (scenario, &scenario->title, "<b>Title</b> & \"more\"\n\tnext");
  entente_scenario_set_text (scenario, &scenario->description, "]]> <!-- & \r\n 🦄 עברית");
  entente_scenario_set_text (scenario, &scenario->sources, "'quoted' > \"quoted\" & more");
  for (i = 0; hostile[i] != NULL; i++)
    {
      guint index = entente_scenario_add_state (scenario, hostile[i]);
      const char *id = entente_scenario_get_state (scenario, index)->id;

      set (scenario, ENTENTE_CHANGE_STATE, id, NULL, "label", hostile[(i + 3) % 17]);
      set_double (scenario, id, "offence", i / 17.0);
      set (scenario, ENTENTE_CHANGE_STATE, id, NULL, "gp-override", i % 2 ? "1" : "-1");
    }
  crisis = entente_crisis_new ("crisis-1");
  crisis->name = g_strdup ("<crisis> & \"co\"\n");
  crisis->type = ENTENTE_CRISIS_COERCIVE;
  actor.stake = -1.0;
  actor.veto = 1;
  actor.regional = TRUE;
  g_array_append_val (crisis->actors, actor);
  g_ptr_array_add (scenario->crises, crisis);
  step = entente_step_new ("<step> & \"1\"");
  step->description = g_strdup ("desc\twith\ntabs & <tags> ]]>");
  g_ptr_array_add (step->changes,
                   entente_change_new (ENTENTE_CHANGE_STATE,
                                       entente_scenario_get_state (scenario, 0)->id, NULL,
                                       "label", "<new> & \"label\"\t🦄"));
  g_ptr_array_add (step->changes,
                   entente_change_new (ENTENTE_CHANGE_STATE,
                                       entente_scenario_get_state (scenario, 0)->id, NULL,
                                       "label", "again"));
  g_ptr_array_add (scenario->steps, step);
  set (scenario, ENTENTE_CHANGE_SYSTEM, NULL, NULL, "mode", "ab1993");
  set (scenario, ENTENTE_CHANGE_SYSTEM, NULL, NULL, "seed", "18446744073709551615");
  set (scenario, ENTENTE_CHANGE_SYSTEM, NULL, NULL, "restarts", "7");
  set (scenario, ENTENTE_CHANGE_SYSTEM, NULL, NULL, "w-pop", "2");
  scenario->view.step = g_strdup ("<step> & \"1\"");
  scenario->view.show_hulls = FALSE;
  return scenario;
}

/* As the SVG export embeds it: entente_scenario_write_xml() into another
 * writer, inside <svg><metadata>. Returns the bytes written. */
static GBytes *
write_in_svg (EntenteScenario *scenario)
{
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);
  GBytes *bytes;

  xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST "svg");
  xmlTextWriterStartElement (writer, BAD_CAST "metadata");
  if (!entente_scenario_write_xml (scenario, writer))
    g_error ("entente_scenario_write_xml failed");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);
  bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

typedef struct
{
  char            *name;
  EntenteScenario *scenario;
} Case;

static void
add_case (GPtrArray       *cases,
          const char      *name,
          EntenteScenario *scenario)
{
  Case *c = g_new0 (Case, 1);

  c->name = g_strdup (name);
  c->scenario = scenario;
  g_ptr_array_add (cases, c);
}

static void
add_file (GPtrArray  *cases,
          const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *base = g_path_get_basename (path);
  EntenteScenario *scenario = entente_scenario_load_file (file, NULL, &error);

  if (scenario == NULL)
    g_error ("%s: %s", path, error->message);
  add_case (cases, base, scenario);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GPtrArray) cases = g_ptr_array_new ();
  const char *dump = NULL;
  const char *env = g_getenv ("ENTENTE_BENCH_RUNS");
  const char *only = g_getenv ("ENTENTE_BENCH_ONLY");
  int runs = env != NULL ? CLAMP (atoi (env), 1, 1001) : 41;
  g_autofree char *dir = g_build_filename (SOURCE_DATADIR, "scenarios", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;
  int first = 1;

  if (argc >= 3 && strcmp (argv[1], "--dump") == 0)
    {
      dump = argv[2];
      first = 3;
    }

  g_assert (d != NULL);
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".entente"))
      g_ptr_array_add (names, g_build_filename (dir, entry, NULL));
  /* In name order, so the output does not depend on the directory. */
  for (guint i = 0; i < names->len; i++)
    for (guint j = i + 1; j < names->len; j++)
      if (strcmp (g_ptr_array_index (names, i), g_ptr_array_index (names, j)) > 0)
        {
          gpointer t = names->pdata[i];

          names->pdata[i] = names->pdata[j];
          names->pdata[j] = t;
        }
  for (guint i = 0; i < names->len; i++)
    add_file (cases, g_ptr_array_index (names, i));
  for (int i = first; i < argc; i++)
    add_file (cases, argv[i]);
  add_case (cases, "large-200-2000.entente", make_large (200, 2000));
  add_case (cases, "large-60-300.entente", make_large (60, 300));
  add_case (cases, "hostile.entente", make_hostile ());

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);

      if (only != NULL && strstr (c->name, only) == NULL)
        ;
      else if (dump != NULL)
        {
          g_autoptr (GBytes) bytes = entente_scenario_to_bytes (c->scenario);
          g_autofree char *path = g_build_filename (dump, c->name, NULL);
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          g_autoptr (GBytes) svg = write_in_svg (c->scenario);
          g_autofree char *svg_path = g_strconcat (path, ".svg", NULL);

          if (!g_file_set_contents (path, data, size, NULL))
            g_error ("cannot write %s", path);
          data = g_bytes_get_data (svg, &size);
          if (!g_file_set_contents (svg_path, data, size, NULL))
            g_error ("cannot write %s", svg_path);
        }
      else
        {
          double *t = g_new (double, runs);
          double *u = g_new (double, runs);
          gsize size = 0;

          for (int r = 0; r < runs; r++)
            {
              double t0 = cpu_ms ();
              g_autoptr (GBytes) bytes = entente_scenario_to_bytes (c->scenario);

              t[r] = cpu_ms () - t0;
              size = g_bytes_get_size (bytes);
              t0 = cpu_ms ();
              g_bytes_unref (write_in_svg (c->scenario));
              u[r] = cpu_ms () - t0;
            }
          qsort (t, runs, sizeof (double), cmp_double);
          qsort (u, runs, sizeof (double), cmp_double);
          printf ("%-36s %8" G_GSIZE_FORMAT " bytes  to_bytes %8.3f ms  write_xml in svg %8.3f ms"
                  " (medians of %d)\n", c->name, size, t[runs / 2], u[runs / 2], runs);
          g_free (t);
          g_free (u);
        }
      entente_scenario_unref (c->scenario);
      g_free (c->name);
      g_free (c);
    }
  return 0;
}
