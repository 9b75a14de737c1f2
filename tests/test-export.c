/* test-export.c: SVG, PDF and PNG figures and the export command, without a display
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <math.h>
#include <string.h>

#include "entente-export.h"
#include "entente-model.h"
#include "entente-scenario-io.h"

static char *
test_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static EntenteScenario *
load_test_scenario (void)
{
  g_autofree char *path = test_path ("figures-europe.entente");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EntenteScenario *scenario = entente_scenario_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return scenario;
}

static EntenteResult *
solve (EntenteScenario *scenario)
{
  g_autoptr (GError) error = NULL;
  EntenteResult *result = entente_model_solve (scenario, NULL, NULL, &error);

  g_assert_no_error (error);
  return result;
}

static GBytes *
export_bytes (EntenteScenario      *scenario,
              EntenteResult        *result,
              EntenteExportOptions *options)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = entente_export_to_bytes (scenario, result, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

/* Lengths and names */

typedef struct
{
  const char        *input;
  gboolean           ok;
  double             value;
  EntenteExportUnit  unit;
} LengthCase;

static const LengthCase length_cases[] = {
  { "85mm", TRUE, 85, ENTENTE_EXPORT_UNIT_MM },
  { "85", TRUE, 85, ENTENTE_EXPORT_UNIT_MM },
  { "7in", TRUE, 7, ENTENTE_EXPORT_UNIT_IN },
  { "1200px", TRUE, 1200, ENTENTE_EXPORT_UNIT_PX },
  { "3.5 in", TRUE, 3.5, ENTENTE_EXPORT_UNIT_IN },
  { "0mm", FALSE, 0, 0 },
  { "-5mm", FALSE, 0, 0 },
  { "mm", FALSE, 0, 0 },
  { "12cm", FALSE, 0, 0 },
  { "nan", FALSE, 0, 0 },
  { "", FALSE, 0, 0 },
};

static void
test_parse_length (gconstpointer data)
{
  const LengthCase *c = data;
  double value = -1;
  EntenteExportUnit unit = 99;

  g_assert_cmpint (entente_export_parse_length (c->input, &value, &unit), ==, c->ok);
  if (c->ok)
    {
      g_assert_cmpfloat (value, ==, c->value);
      g_assert_cmpint (unit, ==, c->unit);
    }
}

static void
test_format_for_path (void)
{
  EntenteExportFormat f;

  g_assert_true (entente_export_format_for_path ("a.svg", &f));
  g_assert_cmpint (f, ==, ENTENTE_EXPORT_SVG);
  g_assert_true (entente_export_format_for_path ("dir.x/b.PDF", &f));
  g_assert_cmpint (f, ==, ENTENTE_EXPORT_PDF);
  g_assert_true (entente_export_format_for_path ("c.png", &f));
  g_assert_cmpint (f, ==, ENTENTE_EXPORT_PNG);
  g_assert_false (entente_export_format_for_path ("d.jpeg", &f));
  g_assert_false (entente_export_format_for_path ("dir.svg/noext", &f));
  g_assert_false (entente_export_format_for_path ("none", &f));
}

/* Presets and the PNG size for the DPI. */
static void
test_sizes (void)
{
  EntenteExportOptions o;
  double w, h;
  int pw, ph;

  entente_export_options_init (&o);
  g_assert_cmpint (o.preset, ==, ENTENTE_EXPORT_PRESET_SINGLE_COLUMN);
  entente_export_get_size (&o, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 85 / 25.4 * 72, 1e-9);
  o.dpi = 300;
  entente_export_get_pixel_size (&o, &pw, &ph);
  g_assert_cmpint (pw, ==, 1004);   /* 85 mm at 300 dpi */
  o.dpi = 600;
  entente_export_get_pixel_size (&o, &pw, &ph);
  g_assert_cmpint (pw, ==, 2008);

  entente_export_options_set_preset (&o, ENTENTE_EXPORT_PRESET_DOUBLE_COLUMN);
  entente_export_get_size (&o, &w, &h);
  g_assert_cmpfloat_with_epsilon (w, 175 / 25.4 * 72, 1e-9);

  entente_export_options_set_preset (&o, ENTENTE_EXPORT_PRESET_SLIDE);
  entente_export_get_size (&o, &w, &h);
  g_assert_cmpfloat_with_epsilon (w / h, 16.0 / 9.0, 1e-3);
  g_assert_cmpfloat (entente_export_get_font_size (&o), >, 12);

  o.width = 1200;
  o.width_unit = ENTENTE_EXPORT_UNIT_PX;
  o.height = 800;
  o.height_unit = ENTENTE_EXPORT_UNIT_PX;
  o.dpi = 96;
  entente_export_get_pixel_size (&o, &pw, &ph);
  g_assert_cmpint (pw, ==, 1200);
  g_assert_cmpint (ph, ==, 800);
  entente_export_options_clear (&o);
}

/* SVG */

static xmlDocPtr
parse_svg (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlDocPtr doc = xmlReadMemory (data, size, "figure.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);

  g_assert_nonnull (doc);
  return doc;
}

static double
xpath_number (xmlDocPtr   doc,
              const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr obj;
  double v;

  xmlXPathRegisterNs (ctx, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
  xmlXPathRegisterNs (ctx, BAD_CAST "e", BAD_CAST "urn:io.github.entente:scenario:1");
  obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (obj);
  v = xmlXPathCastToNumber (obj);
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  return v;
}

static void
test_svg_structure (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ();
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (GBytes) bytes = NULL;
  EntenteExportOptions o;
  xmlDocPtr doc;
  double n = scenario->states->len;
  const char *data;
  gsize size;

  entente_export_options_init (&o);
  bytes = export_bytes (scenario, result, &o);
  doc = parse_svg (bytes);

  g_assert_cmpfloat (xpath_number (doc, "count(/s:svg)"), ==, 1);
  g_assert_cmpfloat (xpath_number (doc, "count(/s:svg[substring(@width, string-length(@width) - 1) = 'mm'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (doc, "count(/s:svg[@viewBox])"), ==, 1);
  g_assert_cmpfloat (xpath_number (doc, "count(/s:svg/s:title)"), ==, 1);
  g_assert_cmpfloat (xpath_number (doc, "count(/s:svg/s:desc)"), ==, 1);
  g_assert_cmpfloat (xpath_number (doc, "count(/s:svg/s:style)"), ==, 1);
  g_assert_cmpfloat (xpath_number (doc, "count(/s:svg/s:metadata/e:scenario)"), ==, 1);
  /* Every state a group with its id, classes, title and desc, and one
   * <text> for its label. */
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[starts-with(@id, 'state-')])"), ==, n);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[starts-with(@class, 'state bloc-')])"), ==, n);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[starts-with(@id, 'state-')]/s:title)"), ==, n);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[starts-with(@id, 'state-')]/s:desc)"), ==, n);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[starts-with(@id, 'state-')]/s:text)"), ==, n);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[@id = 'state-FR'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[@id = 'state-FR']/s:text[. = 'France'])"), ==, 1);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[@id = 'legend']/s:text)"), >, 4);
  /* No external references, no scripts, no raster images. */
  g_assert_cmpfloat (xpath_number (doc, "count(//s:script | //s:image | //s:foreignObject)"), ==, 0);
  g_assert_cmpfloat (xpath_number (doc, "count(//@*[local-name() = 'href'])"), ==, 0);
  g_assert_cmpfloat (xpath_number (doc, "count(//@*[contains(., 'url(') and not(starts-with(., 'url(#'))])"), ==, 0);
  xmlFreeDoc (doc);

  data = g_bytes_get_data (bytes, &size);
  /* GBytes data is not NUL-terminated. */
  g_assert_null (g_strstr_len (data, size, "http://www.w3.org/1999/xlink"));

  /* Without labels: no label text in the state groups. */
  o.show_labels = FALSE;
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = export_bytes (scenario, result, &o);
  doc = parse_svg (bytes);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[starts-with(@id, 'state-')]/s:text)"), ==, 0);
  xmlFreeDoc (doc);
  entente_export_options_clear (&o);
}

static void
test_svg_deterministic (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ();
  g_autoptr (EntenteResult) result1 = solve (scenario);
  g_autoptr (EntenteResult) result2 = solve (scenario);
  g_autoptr (GBytes) a = NULL;
  g_autoptr (GBytes) b = NULL;
  g_autoptr (GBytes) c = NULL;
  EntenteExportOptions o;

  entente_export_options_init (&o);
  o.title = g_strdup ("Europe");
  o.caption = g_strdup ("A caption long enough to be wrapped over more than one line of the figure.");
  a = export_bytes (scenario, result1, &o);
  b = export_bytes (scenario, result2, &o);
  g_assert_true (g_bytes_equal (a, b));
  o.theme = ENTENTE_SCENE_THEME_DARK;
  c = export_bytes (scenario, result1, &o);
  g_assert_false (g_bytes_equal (a, c));
  entente_export_options_clear (&o);
}

/* Opening the SVG gives back the scenario, with the step and the view. */
static void
test_svg_round_trip (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ();
  g_autoptr (EntenteScenario) shown = NULL;
  g_autoptr (EntenteScenario) embedded = NULL;
  g_autoptr (EntenteScenario) back = NULL;
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  EntenteExportOptions o;

  shown = entente_scenario_apply_step (scenario, "1818", &error);
  g_assert_no_error (error);
  result = solve (shown);
  entente_export_options_init (&o);
  o.show_threats = FALSE;
  embedded = entente_export_prepare_scenario (scenario, "1818", &o);
  bytes = export_bytes (embedded, result, &o);
  back = entente_scenario_load_bytes (bytes, "figure.svg", &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_true (entente_scenario_equal (back, embedded));
  g_assert_cmpstr (back->view.step, ==, "1818");
  g_assert_false (back->view.show_threats);
  g_assert_cmpuint (back->steps->len, ==, 2);
  entente_export_options_clear (&o);
}

static const char * const hostile_names[] = {
  "<script>alert(1)</script>",
  "Tom & Jerry",
  "\"double\" and 'single' quotes",
  "end ]]> of CDATA",
  "\xd7\x99\xd7\xa9\xd7\xa8\xd7\x90\xd7\x9c",            /* Hebrew, right to left */
  "\xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa7\xd9\x82 (Iraq)",  /* Arabic and Latin */
  "\xf0\x9f\x8c\x8d\xf0\x9f\x95\x8a\xef\xb8\x8f Peace",     /* emoji */
  NULL,                                                  /* 500 characters, filled in */
};

static EntenteScenario *
hostile_scenario (void)
{
  EntenteScenario *scenario = entente_scenario_new ();
  g_autofree char *long_name = g_strnfill (500, 'W');
  guint i;

  for (i = 0; i < G_N_ELEMENTS (hostile_names); i++)
    {
      const char *name = hostile_names[i] != NULL ? hostile_names[i] : long_name;
      guint index = entente_scenario_add_state (scenario, name);
      EntenteState *st = entente_scenario_get_state (scenario, index);

      st->lat = 10 * i;
      st->lon = 15 * i;
    }
  entente_scenario_set_text (scenario, &scenario->title, "<b>Title</b> & \"co\" ]]>");
  return scenario;
}

/* Hostile names are escaped (the SVG parses, the text reads back exactly)
 * and the scenario survives the round trip. */
static void
test_svg_hostile (void)
{
  g_autoptr (EntenteScenario) scenario = hostile_scenario ();
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (EntenteScenario) back = NULL;
  g_autoptr (GError) error = NULL;
  EntenteExportOptions o;
  xmlDocPtr doc;
  guint i;

  entente_export_options_init (&o);
  o.title = g_strdup ("Figure <1> & \"2\"");
  bytes = export_bytes (scenario, result, &o);
  doc = parse_svg (bytes);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:script)"), ==, 0);
  g_assert_cmpfloat (xpath_number (doc, "count(//s:g[starts-with(@id, 'state-')]/s:text)"), ==,
                     scenario->states->len);
  for (i = 0; i < 7; i++)
    {
      g_autofree char *expr = NULL;
      g_auto (GStrv) parts = g_strsplit (hostile_names[i], "'", -1);
      GString *lit = g_string_new ("concat(''");
      guint k;

      /* An XPath literal for any string: the pieces between apostrophes. */
      for (k = 0; parts[k] != NULL; k++)
        g_string_append_printf (lit, "%s, '%s'", k > 0 ? ", \"'\"" : "", parts[k]);
      g_string_append (lit, ")");
      expr = g_strdup_printf ("count(//s:g[starts-with(@id, 'state-')]/s:title[. = %s])", lit->str);
      g_assert_cmpfloat (xpath_number (doc, expr), ==, 1);
      g_string_free (lit, TRUE);
    }
  xmlFreeDoc (doc);

  back = entente_scenario_load_bytes (bytes, "hostile.svg", &error);
  g_assert_no_error (error);
  g_assert_true (entente_scenario_equal (back, scenario));
  entente_export_options_clear (&o);
}

/* PDF and PNG */

/* PDF holds binary streams: search past NUL bytes. */
static gboolean
contains_bytes (const char *data,
                gsize       size,
                const char *needle)
{
  gsize n = strlen (needle), i;

  for (i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ();
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (GBytes) bytes = NULL;
  EntenteExportOptions o;
  gsize size;
  const char *data;

  entente_export_options_init (&o);
  o.format = ENTENTE_EXPORT_PDF;
  o.width = 120;
  o.height = 80;
  o.height_unit = ENTENTE_EXPORT_UNIT_MM;
  bytes = export_bytes (scenario, result, &o);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  /* 120 × 80 mm = 340.157 × 226.772 pt */
  g_assert_true (contains_bytes (data, size, "/MediaBox [ 0 0 340.15"));
  entente_export_options_clear (&o);
}

typedef struct
{
  GBytes *bytes;
  gsize   offset;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *r = closure;
  gsize size;
  const guchar *src = g_bytes_get_data (r->bytes, &size);

  if (r->offset + length > size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, src + r->offset, length);
  r->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  Reader r = { bytes, 0 };
  cairo_surface_t *s = cairo_image_surface_create_from_png_stream (read_cb, &r);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  return s;
}

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  cairo_surface_flush (s);
  return *(guint32 *) (cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s) + x * 4);
}

static void
test_png (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ();
  g_autoptr (EntenteResult) result = solve (scenario);
  static const int dpis[] = { 96, 150, 300 };
  EntenteExportOptions o;
  guint i;

  entente_export_options_init (&o);
  o.format = ENTENTE_EXPORT_PNG;
  for (i = 0; i < G_N_ELEMENTS (dpis); i++)
    {
      g_autoptr (GBytes) bytes = NULL;
      cairo_surface_t *s;
      int w, h, x, y, dark = 0;

      o.dpi = dpis[i];
      bytes = export_bytes (scenario, result, &o);
      s = decode_png (bytes);
      entente_export_get_pixel_size (&o, &w, &h);
      g_assert_cmpint (cairo_image_surface_get_width (s), ==, w);
      g_assert_cmpint (cairo_image_surface_get_height (s), ==, h);
      g_assert_cmpint (w, ==, (int) lround (85 / 25.4 * dpis[i]));
      /* Opaque white corner, and something drawn. */
      g_assert_cmphex (pixel (s, 0, 0), ==, 0xffffffff);
      for (y = 0; y < h; y += 3)
        for (x = 0; x < w; x += 3)
          dark += (pixel (s, x, y) & 0xff) < 0x80;
      g_assert_cmpint (dark, >, 50);
      cairo_surface_destroy (s);
    }

  o.transparent = TRUE;
  o.dpi = 96;
  {
    g_autoptr (GBytes) bytes = export_bytes (scenario, result, &o);
    cairo_surface_t *s = decode_png (bytes);

    g_assert_cmphex (pixel (s, 0, 0) >> 24, ==, 0);
    cairo_surface_destroy (s);
  }
  entente_export_options_clear (&o);
}

/* The command */

static int
run_main (const char *first,
          ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) "export");
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return entente_export_main (args->len - 1, (char **) args->pdata);
}

static void
test_main (void)
{
  g_autofree char *input = test_path ("figures-europe.entente");
  g_autofree char *dir = g_dir_make_tmp ("entente-export-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "out.png", NULL);
  g_autofree char *step1 = g_build_filename (dir, "out-01-1815.svg", NULL);
  g_autofree char *step2 = g_build_filename (dir, "out-02-1818.svg", NULL);
  g_autofree char *missing = test_path ("no-such-file.entente");
  g_autofree char *bad = g_build_filename (dir, "bad.entente", NULL);

  if (g_test_subprocess ())
    {
      /* Usage errors: 2 */
      g_assert_cmpint (run_main (NULL), ==, 2);
      g_assert_cmpint (run_main (input, NULL), ==, 2);
      g_assert_cmpint (run_main (input, "-o", "out.jpeg", NULL), ==, 2);
      g_assert_cmpint (run_main (input, "-o", svg, "--width", "12cm", NULL), ==, 2);
      g_assert_cmpint (run_main (input, "-o", svg, "--theme", "neon", NULL), ==, 2);
      g_assert_cmpint (run_main (input, "-o", svg, "--dpi", "20", NULL), ==, 2);
      g_assert_cmpint (run_main (input, "-o", svg, "--bogus", NULL), ==, 2);
      /* Bad input: 1 */
      g_assert_cmpint (run_main (missing, "-o", svg, NULL), ==, 1);
      g_assert_true (g_file_set_contents (bad, "<scenario", -1, NULL));
      g_assert_cmpint (run_main (bad, "-o", svg, NULL), ==, 1);
      g_assert_cmpint (run_main (input, "-o", svg, "--step", "1900", NULL), ==, 1);
      /* Success */
      g_assert_cmpint (run_main (input, "-o", svg, "--theme", "print", "--width", "7in",
                                 "--title", "T", "--caption", "C", "--font-size", "9", NULL), ==, 0);
      g_assert_cmpint (run_main (input, "-o", pdf, "--preset", "slide", NULL), ==, 0);
      g_assert_cmpint (run_main (input, "-o", png, "--dpi", "150", "--transparent",
                                 "--no-legend", "--no-threats", NULL), ==, 0);
      g_assert_cmpint (run_main (input, "-o", svg, "--all-steps", NULL), ==, 0);
      g_assert_true (g_file_test (step1, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (step2, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  /* Errors are one line each, naming the file. */
  g_test_trap_assert_stderr ("*entente: *no-such-file.entente*");
  g_test_trap_assert_stderr ("*no timeline step named*1900*");
  g_test_trap_assert_stderr ("*out.jpeg: the output must end in .svg, .pdf or .png*");

  g_unlink (svg);
  g_unlink (pdf);
  g_unlink (png);
  g_unlink (step1);
  g_unlink (step2);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  guint i;

  xmlInitParser ();
  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (length_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/export/parse-length/%u", i);

      g_test_add_data_func (path, &length_cases[i], test_parse_length);
    }
  g_test_add_func ("/entente/export/format-for-path", test_format_for_path);
  g_test_add_func ("/entente/export/sizes", test_sizes);
  g_test_add_func ("/entente/export/svg-structure", test_svg_structure);
  g_test_add_func ("/entente/export/svg-deterministic", test_svg_deterministic);
  g_test_add_func ("/entente/export/svg-round-trip", test_svg_round_trip);
  g_test_add_func ("/entente/export/svg-hostile", test_svg_hostile);
  g_test_add_func ("/entente/export/pdf", test_pdf);
  g_test_add_func ("/entente/export/png", test_png);
  g_test_add_func ("/entente/export/main", test_main);

  return g_test_run ();
}
