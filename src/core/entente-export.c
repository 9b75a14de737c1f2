/* entente-export.c: figures for papers and slides: SVG, PDF and PNG files
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-export"

#include "config.h"

#include "entente-export.h"
#include "entente-model.h"
#include "entente-scenario-io.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define MM_PER_IN 25.4
#define PT_PER_IN 72.0
#define PX_PER_IN 96.0

/* Options */

void
entente_export_options_init (EntenteExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = ENTENTE_EXPORT_SVG;
  options->theme = ENTENTE_SCENE_THEME_LIGHT;
  options->palette = ENTENTE_SCENE_PALETTE_OKABE_ITO;
  options->dpi = 300;
  options->show_threats = TRUE;
  options->show_hulls = TRUE;
  options->show_labels = TRUE;
  options->show_legend = TRUE;
  options->minimum = -1;
  entente_export_options_set_preset (options, ENTENTE_EXPORT_PRESET_SINGLE_COLUMN);
}

void
entente_export_options_clear (EntenteExportOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->caption, g_free);
  g_clear_pointer (&options->font_family, g_free);
}

void
entente_export_options_copy (EntenteExportOptions       *dest,
                             const EntenteExportOptions *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  *dest = *src;
  dest->title = g_strdup (src->title);
  dest->caption = g_strdup (src->caption);
  dest->font_family = g_strdup (src->font_family);
}

void
entente_export_options_set_preset (EntenteExportOptions *options,
                                   EntenteExportPreset   preset)
{
  g_return_if_fail (options != NULL);

  options->preset = preset;
  switch (preset)
    {
    case ENTENTE_EXPORT_PRESET_SINGLE_COLUMN:
      options->width = 85;
      options->width_unit = ENTENTE_EXPORT_UNIT_MM;
      options->height = 0;
      break;
    case ENTENTE_EXPORT_PRESET_DOUBLE_COLUMN:
      options->width = 175;
      options->width_unit = ENTENTE_EXPORT_UNIT_MM;
      options->height = 0;
      break;
    case ENTENTE_EXPORT_PRESET_SLIDE:
      options->width = 13.333;
      options->width_unit = ENTENTE_EXPORT_UNIT_IN;
      options->height = 7.5;
      options->height_unit = ENTENTE_EXPORT_UNIT_IN;
      break;
    case ENTENTE_EXPORT_PRESET_CUSTOM:
    default:
      break;
    }
}

typedef struct
{
  int         value;
  const char *name;
} Name;

static const Name preset_names[] = {
  { ENTENTE_EXPORT_PRESET_CUSTOM, "custom" },
  { ENTENTE_EXPORT_PRESET_SINGLE_COLUMN, "single-column" },
  { ENTENTE_EXPORT_PRESET_DOUBLE_COLUMN, "double-column" },
  { ENTENTE_EXPORT_PRESET_SLIDE, "slide" },
  { 0, NULL },
};
static const Name theme_names[] = {
  { ENTENTE_SCENE_THEME_LIGHT, "light" },
  { ENTENTE_SCENE_THEME_DARK, "dark" },
  { ENTENTE_SCENE_THEME_PRINT, "print" },
  { ENTENTE_SCENE_THEME_GRAYSCALE, "grayscale" },
  { 0, NULL },
};
static const Name palette_names[] = {
  { ENTENTE_SCENE_PALETTE_OKABE_ITO, "okabe-ito" },
  { ENTENTE_SCENE_PALETTE_TOL_BRIGHT, "tol-bright" },
  { ENTENTE_SCENE_PALETTE_GRAYSCALE, "grayscale" },
  { 0, NULL },
};
static const Name unit_names[] = {
  { ENTENTE_EXPORT_UNIT_MM, "mm" },
  { ENTENTE_EXPORT_UNIT_IN, "in" },
  { ENTENTE_EXPORT_UNIT_PX, "px" },
  { 0, NULL },
};
static const Name format_names[] = {
  { ENTENTE_EXPORT_SVG, "svg" },
  { ENTENTE_EXPORT_PDF, "pdf" },
  { ENTENTE_EXPORT_PNG, "png" },
  { 0, NULL },
};

static gboolean
lookup (const Name *table,
        const char *string,
        int        *value)
{
  for (; string != NULL && table->name != NULL; table++)
    if (g_ascii_strcasecmp (table->name, string) == 0)
      {
        *value = table->value;
        return TRUE;
      }
  return FALSE;
}

static const char *
name_of (const Name *table,
         int         value)
{
  for (; table->name != NULL; table++)
    if (table->value == value)
      return table->name;
  return "unknown";
}

gboolean
entente_export_parse_preset (const char          *string,
                             EntenteExportPreset *preset)
{
  int v;

  if (!lookup (preset_names, string, &v))
    return FALSE;
  *preset = v;
  return TRUE;
}

const char *
entente_export_preset_to_string (EntenteExportPreset preset)
{
  return name_of (preset_names, preset);
}

gboolean
entente_export_parse_theme (const char        *string,
                            EntenteSceneTheme *theme)
{
  int v;

  if (!lookup (theme_names, string, &v))
    return FALSE;
  *theme = v;
  return TRUE;
}

const char *
entente_export_theme_to_string (EntenteSceneTheme theme)
{
  return name_of (theme_names, theme);
}

gboolean
entente_export_parse_palette (const char          *string,
                              EntenteScenePalette *palette)
{
  int v;

  if (!lookup (palette_names, string, &v))
    return FALSE;
  *palette = v;
  return TRUE;
}

const char *
entente_export_palette_to_string (EntenteScenePalette palette)
{
  return name_of (palette_names, palette);
}

gboolean
entente_export_parse_unit (const char        *string,
                           EntenteExportUnit *unit)
{
  int v;

  if (!lookup (unit_names, string, &v))
    return FALSE;
  *unit = v;
  return TRUE;
}

const char *
entente_export_unit_to_string (EntenteExportUnit unit)
{
  return name_of (unit_names, unit);
}

const char *
entente_export_format_to_string (EntenteExportFormat format)
{
  return name_of (format_names, format);
}

gboolean
entente_export_parse_length (const char        *string,
                             double            *value,
                             EntenteExportUnit *unit)
{
  char *end = NULL;
  double v;

  if (string == NULL)
    return FALSE;
  v = g_ascii_strtod (string, &end);
  if (end == string || !isfinite (v) || v <= 0)
    return FALSE;
  while (*end == ' ')
    end++;
  if (*end == '\0')
    *unit = ENTENTE_EXPORT_UNIT_MM;
  else if (!entente_export_parse_unit (end, unit))
    return FALSE;
  *value = v;
  return TRUE;
}

gboolean
entente_export_format_for_path (const char          *path,
                                EntenteExportFormat *format)
{
  const char *dot;
  int v;

  if (path == NULL || (dot = strrchr (path, '.')) == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  if (!lookup (format_names, dot + 1, &v))
    return FALSE;
  *format = v;
  return TRUE;
}

static double
to_pt (double            value,
       EntenteExportUnit unit)
{
  switch (unit)
    {
    case ENTENTE_EXPORT_UNIT_IN: return value * PT_PER_IN;
    case ENTENTE_EXPORT_UNIT_PX: return value / PX_PER_IN * PT_PER_IN;
    case ENTENTE_EXPORT_UNIT_MM:
    default:
      return value / MM_PER_IN * PT_PER_IN;
    }
}

void
entente_export_get_size (const EntenteExportOptions *options,
                         double                     *width_pt,
                         double                     *height_pt)
{
  double w, h;

  g_return_if_fail (options != NULL);

  w = to_pt (options->width > 0 ? options->width : 85, options->width_unit);
  if (options->height > 0)
    h = to_pt (options->height, options->height_unit);
  else if (options->preset == ENTENTE_EXPORT_PRESET_SLIDE)
    h = w * 9 / 16;
  else
    h = w * 0.72;
  /* Keep sizes sane: 1 cm to 2 m. */
  *width_pt = CLAMP (w, 28, 5670);
  *height_pt = CLAMP (h, 28, 5670);
}

void
entente_export_get_pixel_size (const EntenteExportOptions *options,
                               int                        *width_px,
                               int                        *height_px)
{
  double w, h;
  int dpi = CLAMP (options->dpi, ENTENTE_EXPORT_MIN_DPI, ENTENTE_EXPORT_MAX_DPI);

  entente_export_get_size (options, &w, &h);
  *width_px = MAX (1, (int) lround (w / PT_PER_IN * dpi));
  *height_px = MAX (1, (int) lround (h / PT_PER_IN * dpi));
}

double
entente_export_get_font_size (const EntenteExportOptions *options)
{
  double w, h;

  if (options->font_size > 0)
    return CLAMP (options->font_size, 4, 72);
  entente_export_get_size (options, &w, &h);
  /* Journals ask for 7–9 pt at final size; slides need more. */
  if (w <= 300)
    return 7;
  if (w <= 600)
    return 8;
  return MIN (w / 60, 24);
}

/* Building and writing */

EntenteScene *
entente_export_build_scene (EntenteScenario            *scenario,
                            EntenteResult              *result,
                            const EntenteExportOptions *options)
{
  EntenteSceneOptions so;
  EntenteScene *scene;
  double w, h;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  entente_export_get_size (options, &w, &h);
  entente_scene_options_init (&so);
  so.width = w;
  so.height = h;
  so.theme = options->theme;
  so.palette = options->palette;
  so.transparent = options->transparent && options->format != ENTENTE_EXPORT_PDF;
  so.show_threats = options->show_threats;
  so.show_hulls = options->show_hulls;
  so.show_labels = options->show_labels;
  so.show_legend = options->show_legend;
  so.minimum = options->minimum;
  so.title = g_strdup (options->title);
  so.caption = g_strdup (options->caption);
  so.font_family = g_strdup (options->font_family);
  so.font_size = entente_export_get_font_size (options);
  scene = entente_scene_new (scenario, result, &so);
  entente_scene_options_clear (&so);

  return scene;
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
surface_error (cairo_status_t   status,
               GError         **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the figure: %s"),
               cairo_status_to_string (status));
  return NULL;
}

GBytes *
entente_export_to_bytes (EntenteScenario            *scenario,
                         EntenteResult              *result,
                         const EntenteExportOptions *options,
                         GError                    **error)
{
  g_autoptr (EntenteScene) scene = NULL;
  g_autoptr (GByteArray) out = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double w, h;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  scene = entente_export_build_scene (result != NULL ? result->scenario : scenario, result,
                                      options);
  entente_export_get_size (options, &w, &h);

  switch (options->format)
    {
    case ENTENTE_EXPORT_SVG:
      return entente_scene_write_svg (scene, scenario, w / PT_PER_IN * MM_PER_IN,
                                      h / PT_PER_IN * MM_PER_IN);

    case ENTENTE_EXPORT_PDF:
      out = g_byte_array_new ();
      surface = cairo_pdf_surface_create_for_stream (append_to_array, out, w, h);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Entente");
      if (scenario->title != NULL)
        {
          g_autofree char *title = entente_scene_sanitize_text (scenario->title);

          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
        }
      /* A fixed date keeps two exports of the same figure identical. */
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                      "2000-01-01T00:00:00Z");
      cr = cairo_create (surface);
      entente_scene_draw (scene, cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
      if (status != CAIRO_STATUS_SUCCESS)
        return surface_error (status, error);
      return g_byte_array_free_to_bytes (g_steal_pointer (&out));

    case ENTENTE_EXPORT_PNG:
    default:
      {
        int pw, ph;

        entente_export_get_pixel_size (options, &pw, &ph);
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
        status = cairo_surface_status (surface);
        if (status != CAIRO_STATUS_SUCCESS)
          {
            cairo_surface_destroy (surface);
            return surface_error (status, error);
          }
        cr = cairo_create (surface);
        cairo_scale (cr, (double) pw / w, (double) ph / h);
        entente_scene_draw (scene, cr);
        cairo_destroy (cr);
        out = g_byte_array_new ();
        status = cairo_surface_write_to_png_stream (surface, append_to_array, out);
        cairo_surface_destroy (surface);
        if (status != CAIRO_STATUS_SUCCESS)
          return surface_error (status, error);
        return g_byte_array_free_to_bytes (g_steal_pointer (&out));
      }
    }
}

gboolean
entente_export_to_file (EntenteScenario            *scenario,
                        EntenteResult              *result,
                        const EntenteExportOptions *options,
                        GFile                      *file,
                        GError                    **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = entente_export_to_bytes (scenario, result, options, error);
  if (bytes == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

EntenteScenario *
entente_export_prepare_scenario (EntenteScenario            *scenario,
                                 const char                 *step,
                                 const EntenteExportOptions *options)
{
  EntenteScenario *copy;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  copy = entente_scenario_copy (scenario);
  g_free (copy->view.step);
  copy->view.step = g_strdup (step);
  copy->view.show_threats = options->show_threats;
  copy->view.show_hulls = options->show_hulls;
  copy->view.show_labels = options->show_labels;
  copy->view.show_legend = options->show_legend;

  return copy;
}

/* The command */

static const char usage[] =
  "Usage: entente export FILE -o OUT.svg|.pdf|.png [--step NAME] [--all-steps]\n"
  "         [--width 85mm|7in|1200px] [--height LENGTH]\n"
  "         [--preset single-column|double-column|slide]\n"
  "         [--theme light|dark|print|grayscale] [--palette okabe-ito|tol-bright]\n"
  "         [--dpi N] [--transparent] [--no-threats] [--no-hulls] [--no-labels]\n"
  "         [--no-legend] [--title T] [--caption C] [--font FAMILY] [--font-size PT]\n"
  "Lengths without a unit are millimetres; px is 1/96 in. A PNG has\n"
  "(width in inches × dpi) pixels.\n";

static int
usage_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static int
usage_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("entente: export: %s\n"
              "Usage: entente export FILE -o OUT.svg|OUT.pdf|OUT.png [OPTION…]\n"
              "Try “entente --help” for more information.\n", message);
  return 2;
}

/* A step name safe in a file name. */
static char *
file_safe (const char *name)
{
  GString *s = g_string_new (NULL);
  const char *p;

  for (p = name; *p && s->len < 40; p++)
    g_string_append_c (s, g_ascii_isalnum (*p) || *p == '-' || *p == '_' ? *p : '_');
  if (s->len == 0)
    g_string_append (s, "step");
  return g_string_free (s, FALSE);
}

static char *
numbered_path (const char *out,
               guint       number,
               const char *step)
{
  const char *dot = strrchr (out, '.');
  g_autofree char *base = g_strndup (out, dot - out);
  g_autofree char *safe = file_safe (step);

  return g_strdup_printf ("%s-%02u-%s%s", base, number, safe, dot);
}

static int
export_one (EntenteScenario            *base,
            const char                 *input,
            const char                 *step,
            const EntenteExportOptions *options,
            const char                 *out)
{
  g_autoptr (EntenteScenario) shown = NULL;
  g_autoptr (EntenteScenario) embedded = NULL;
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  shown = entente_scenario_apply_step (base, step, &error);
  if (shown == NULL)
    {
      g_printerr ("entente: %s: %s\n", input, error->message);
      return 1;
    }
  result = entente_model_solve (shown, NULL, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("entente: %s: %s\n", input, error->message);
      return 1;
    }
  embedded = entente_export_prepare_scenario (base, step, options);
  file = g_file_new_for_commandline_arg (out);
  if (!entente_export_to_file (embedded, result, options, file, &error))
    {
      g_printerr ("entente: %s: %s\n", out, error->message);
      return 1;
    }
  return 0;
}

int
entente_export_main (int    argc,
                     char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = NULL;
  g_autoptr (GFile) input = NULL;
  g_auto (GStrv) rest = NULL;
  g_autofree char *out = NULL;
  g_autofree char *step = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  g_autofree char *preset = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *palette = NULL;
  g_autofree char *title = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *font = NULL;
  g_autofree char **args = NULL;
  double font_size = 0;
  int dpi = 300;
  gboolean all_steps = FALSE, transparent = FALSE, help = FALSE;
  gboolean threats = TRUE, hulls = TRUE, labels = TRUE, legend = TRUE;
  EntenteExportOptions options;
  int status = 0, n_args = argc, i;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, NULL, NULL },
    { "step", 0, 0, G_OPTION_ARG_STRING, &step, NULL, NULL },
    { "all-steps", 0, 0, G_OPTION_ARG_NONE, &all_steps, NULL, NULL },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width, NULL, NULL },
    { "height", 0, 0, G_OPTION_ARG_STRING, &height, NULL, NULL },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, NULL, NULL },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme, NULL, NULL },
    { "palette", 0, 0, G_OPTION_ARG_STRING, &palette, NULL, NULL },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, NULL, NULL },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent, NULL, NULL },
    { "no-threats", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &threats, NULL, NULL },
    { "no-hulls", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &hulls, NULL, NULL },
    { "no-labels", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &labels, NULL, NULL },
    { "no-legend", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &legend, NULL, NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, NULL, NULL },
    { "caption", 0, 0, G_OPTION_ARG_STRING, &caption, NULL, NULL },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font, NULL, NULL },
    { "font-size", 0, 0, G_OPTION_ARG_DOUBLE, &font_size, NULL, NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  /* GOptionContext rearranges its argument vector: work on a copy. */
  args = g_new0 (char *, argc + 1);
  for (i = 0; i < argc; i++)
    args[i] = argv[i];
  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &n_args, &args, &error))
    return usage_error ("%s", error->message);
  if (help)
    {
      g_print ("%s", usage);
      return 0;
    }
  if (rest == NULL || rest[0] == NULL)
    return usage_error ("no scenario file given");
  if (rest[1] != NULL)
    return usage_error ("unexpected argument “%s”", rest[1]);
  if (out == NULL)
    return usage_error ("no output file: give -o OUT.svg, OUT.pdf or OUT.png");

  entente_export_options_init (&options);
  if (!entente_export_format_for_path (out, &options.format))
    {
      entente_export_options_clear (&options);
      return usage_error ("%s: the output must end in .svg, .pdf or .png", out);
    }
#define FAIL(...) G_STMT_START { status = usage_error (__VA_ARGS__); goto done; } G_STMT_END
  if (preset != NULL)
    {
      EntenteExportPreset p;

      if (!entente_export_parse_preset (preset, &p))
        FAIL ("unknown preset “%s” (single-column, double-column, slide)", preset);
      entente_export_options_set_preset (&options, p);
    }
  if (width != NULL)
    {
      if (!entente_export_parse_length (width, &options.width, &options.width_unit))
        FAIL ("bad width “%s” (e.g. 85mm, 7in, 1200px)", width);
      if (options.preset != ENTENTE_EXPORT_PRESET_SLIDE)
        options.preset = ENTENTE_EXPORT_PRESET_CUSTOM;
    }
  if (height != NULL &&
      !entente_export_parse_length (height, &options.height, &options.height_unit))
    FAIL ("bad height “%s” (e.g. 60mm, 3in, 800px)", height);
  if (theme != NULL && !entente_export_parse_theme (theme, &options.theme))
    FAIL ("unknown theme “%s” (light, dark, print, grayscale)", theme);
  if (palette != NULL && !entente_export_parse_palette (palette, &options.palette))
    FAIL ("unknown palette “%s” (okabe-ito, tol-bright, grayscale)", palette);
  if (dpi < ENTENTE_EXPORT_MIN_DPI || dpi > ENTENTE_EXPORT_MAX_DPI)
    FAIL ("--dpi must be between %d and %d", ENTENTE_EXPORT_MIN_DPI, ENTENTE_EXPORT_MAX_DPI);
  if (font_size < 0 || font_size > 72)
    FAIL ("--font-size must be between 4 and 72 points");
  if (all_steps && step != NULL)
    FAIL ("--step and --all-steps exclude each other");
#undef FAIL
  options.dpi = dpi;
  options.transparent = transparent;
  options.show_threats = threats;
  options.show_hulls = hulls;
  options.show_labels = labels;
  options.show_legend = legend;
  options.title = g_steal_pointer (&title);
  options.caption = g_steal_pointer (&caption);
  options.font_family = g_steal_pointer (&font);
  options.font_size = font_size;

  input = g_file_new_for_commandline_arg (rest[0]);
  scenario = entente_scenario_load_file (input, NULL, &error);
  if (scenario == NULL)
    {
      /* The loader's messages already name the file and line. */
      g_printerr ("entente: %s\n", error->message);
      status = 1;
      goto done;
    }

  if (all_steps)
    {
      guint s;

      if (scenario->steps->len == 0)
        {
          g_printerr ("entente: %s: the scenario has no timeline steps\n", rest[0]);
          status = 1;
          goto done;
        }
      for (s = 0; s < scenario->steps->len && status == 0; s++)
        {
          EntenteStep *st = g_ptr_array_index (scenario->steps, s);
          g_autofree char *path = numbered_path (out, s + 1, st->name);

          status = export_one (scenario, rest[0], st->name, &options, path);
        }
    }
  else
    {
      if (step != NULL && entente_scenario_find_step (scenario, step) < 0)
        {
          g_printerr ("entente: %s: no timeline step named “%s”\n", rest[0], step);
          status = 1;
          goto done;
        }
      status = export_one (scenario, rest[0], step, &options, out);
    }

done:
  entente_export_options_clear (&options);
  return status;
}
