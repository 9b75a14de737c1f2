/* entente-export-dialog.c: export the figure with a live preview of the file
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-export-dialog"

#include "config.h"

#include "entente-export-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "core/entente-scene.h"

struct _EntenteExportDialog
{
  GtkWindow         parent_instance;

  EntenteScenario  *scenario;
  EntenteResult    *result;
  GSettings        *settings;       /* NULL when the schema is not installed */
  EntenteScene     *scene;          /* what the file will hold, in points */
  GtkFileChooserNative *chooser;
  gboolean          updating;

  /* template */
  GtkDropDown      *format_dropdown;
  GtkDropDown      *preset_dropdown;
  GtkSpinButton    *width_spin;
  GtkDropDown      *unit_dropdown;
  GtkSpinButton    *height_spin;
  GtkLabel         *size_label;
  GtkDropDown      *theme_dropdown;
  GtkDropDown      *palette_dropdown;
  GtkLabel         *dpi_label;
  GtkSpinButton    *dpi_spin;
  GtkCheckButton   *transparent_check;
  GtkCheckButton   *threats_check;
  GtkCheckButton   *hulls_check;
  GtkCheckButton   *labels_check;
  GtkCheckButton   *legend_check;
  GtkEntry         *title_entry;
  GtkEntry         *caption_entry;
  GtkEntry         *font_entry;
  GtkSpinButton    *font_size_spin;
  GtkLabel         *error_label;
  GtkDrawingArea   *preview;
};

G_DEFINE_FINAL_TYPE (EntenteExportDialog, entente_export_dialog, GTK_TYPE_WINDOW)

/* Settings: every access checks the key, so an older or missing schema
 * never aborts. */

static gboolean
has_key (EntenteExportDialog *self,
         const char          *key)
{
  g_autoptr (GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return FALSE;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static char *
get_string (EntenteExportDialog *self,
            const char          *key)
{
  return has_key (self, key) ? g_settings_get_string (self->settings, key) : NULL;
}

static void
load_settings (EntenteExportDialog *self)
{
  g_autofree char *format = get_string (self, "export-format");
  g_autofree char *unit = get_string (self, "export-unit");
  g_autofree char *preset = get_string (self, "export-preset");
  g_autofree char *theme = get_string (self, "export-theme");
  g_autofree char *palette = get_string (self, "palette");
  g_autofree char *family = get_string (self, "export-font-family");
  g_autofree char *title = get_string (self, "export-title");
  g_autofree char *caption = get_string (self, "export-caption");
  EntenteExportFormat f;
  EntenteExportUnit u;
  EntenteExportPreset p;
  EntenteSceneTheme t;
  EntenteScenePalette pal;

  if (self->settings == NULL)
    return;
  self->updating = TRUE;
  if (format != NULL)
    {
      g_autofree char *path = g_strconcat ("x.", format, NULL);

      if (entente_export_format_for_path (path, &f))
        gtk_drop_down_set_selected (self->format_dropdown, f);
    }
  if (preset != NULL && entente_export_parse_preset (preset, &p))
    gtk_drop_down_set_selected (self->preset_dropdown, p);
  if (unit != NULL && entente_export_parse_unit (unit, &u))
    gtk_drop_down_set_selected (self->unit_dropdown, u);
  /* A corrupt value (GSettings lets NaN through a range) keeps the default. */
  if (has_key (self, "export-width") &&
      isfinite (g_settings_get_double (self->settings, "export-width")))
    gtk_spin_button_set_value (self->width_spin, g_settings_get_double (self->settings,
                                                                        "export-width"));
  if (theme != NULL && entente_export_parse_theme (theme, &t))
    gtk_drop_down_set_selected (self->theme_dropdown, t);
  if (palette != NULL && entente_export_parse_palette (palette, &pal))
    gtk_drop_down_set_selected (self->palette_dropdown, pal);
  if (has_key (self, "export-dpi"))
    gtk_spin_button_set_value (self->dpi_spin, g_settings_get_int (self->settings, "export-dpi"));
#define BOOL_KEY(key, check) \
  if (has_key (self, key)) \
    gtk_check_button_set_active (check, g_settings_get_boolean (self->settings, key))
  BOOL_KEY ("export-transparent", self->transparent_check);
  BOOL_KEY ("export-threats", self->threats_check);
  BOOL_KEY ("export-hulls", self->hulls_check);
  BOOL_KEY ("export-labels", self->labels_check);
  BOOL_KEY ("export-legend", self->legend_check);
#undef BOOL_KEY
  if (family != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->font_entry), family);
  if (has_key (self, "export-font-size") &&
      isfinite (g_settings_get_double (self->settings, "export-font-size")))
    gtk_spin_button_set_value (self->font_size_spin,
                               g_settings_get_double (self->settings, "export-font-size"));
  if (title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  if (caption != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->caption_entry), caption);
  self->updating = FALSE;
}

static void
save_settings (EntenteExportDialog        *self,
               const EntenteExportOptions *o)
{
  if (self->settings == NULL)
    return;
#define SET(kind, key, value) \
  if (has_key (self, key)) \
    g_settings_set_##kind (self->settings, key, value)
  SET (string, "export-format", entente_export_format_to_string (o->format));
  SET (string, "export-preset", entente_export_preset_to_string (o->preset));
  SET (string, "export-unit", entente_export_unit_to_string (o->width_unit));
  SET (double, "export-width", o->width);
  SET (string, "export-theme", entente_export_theme_to_string (o->theme));
  SET (int, "export-dpi", o->dpi);
  SET (boolean, "export-transparent", o->transparent);
  SET (boolean, "export-threats", o->show_threats);
  SET (boolean, "export-hulls", o->show_hulls);
  SET (boolean, "export-labels", o->show_labels);
  SET (boolean, "export-legend", o->show_legend);
  SET (string, "export-font-family", o->font_family != NULL ? o->font_family : "");
  SET (double, "export-font-size", o->font_size);
  SET (string, "export-title", o->title != NULL ? o->title : "");
  SET (string, "export-caption", o->caption != NULL ? o->caption : "");
#undef SET
}

/* Options */

static char *
entry_text (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return text != NULL && *text ? g_strstrip (g_strdup (text)) : NULL;
}

void
entente_export_dialog_get_options (EntenteExportDialog  *self,
                                   EntenteExportOptions *o)
{
  g_return_if_fail (ENTENTE_IS_EXPORT_DIALOG (self));

  entente_export_options_init (o);
  o->format = gtk_drop_down_get_selected (self->format_dropdown);
  o->preset = gtk_drop_down_get_selected (self->preset_dropdown);
  o->width = gtk_spin_button_get_value (self->width_spin);
  o->width_unit = gtk_drop_down_get_selected (self->unit_dropdown);
  o->height = gtk_spin_button_get_value (self->height_spin);
  o->height_unit = o->width_unit;
  o->theme = gtk_drop_down_get_selected (self->theme_dropdown);
  o->palette = gtk_drop_down_get_selected (self->palette_dropdown);
  o->dpi = gtk_spin_button_get_value_as_int (self->dpi_spin);
  o->transparent = gtk_check_button_get_active (self->transparent_check);
  o->show_threats = gtk_check_button_get_active (self->threats_check);
  o->show_hulls = gtk_check_button_get_active (self->hulls_check);
  o->show_labels = gtk_check_button_get_active (self->labels_check);
  o->show_legend = gtk_check_button_get_active (self->legend_check);
  o->title = entry_text (self->title_entry);
  o->caption = entry_text (self->caption_entry);
  o->font_family = entry_text (self->font_entry);
  o->font_size = gtk_spin_button_get_value (self->font_size_spin);
  /* The slide preset fixes the height unless the user gave one. */
  if (o->preset == ENTENTE_EXPORT_PRESET_SLIDE && o->height <= 0)
    o->height = o->width * 9 / 16;
}

static void
update_preview (EntenteExportDialog *self)
{
  EntenteExportOptions o;
  g_autofree char *size = NULL;
  double w, h;
  int pw, ph;

  entente_export_dialog_get_options (self, &o);
  g_clear_pointer (&self->scene, entente_scene_unref);
  if (self->scenario != NULL)
    self->scene = entente_export_build_scene (self->result != NULL ? self->result->scenario
                                                                   : self->scenario,
                                              self->result, &o);

  entente_export_get_size (&o, &w, &h);
  entente_export_get_pixel_size (&o, &pw, &ph);
  if (o.format == ENTENTE_EXPORT_PNG)
    /* Translators: the size of the exported figure, e.g. "85 × 61 mm, 1004 × 723 pixels" */
    size = g_strdup_printf (_("%.0f × %.0f mm, %d × %d pixels"), w / 72 * 25.4, h / 72 * 25.4,
                            pw, ph);
  else
    size = g_strdup_printf (_("%.0f × %.0f mm"), w / 72 * 25.4, h / 72 * 25.4);
  gtk_label_set_text (self->size_label, size);

  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_spin), o.format == ENTENTE_EXPORT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_label), o.format == ENTENTE_EXPORT_PNG);
  gtk_widget_set_sensitive (GTK_WIDGET (self->transparent_check), o.format != ENTENTE_EXPORT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", self->scenario != NULL);
  entente_export_options_clear (&o);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  EntenteExportDialog *self = user_data;
  double scale, x, y, pad = 24;

  if (self->scene == NULL)
    return;
  scale = MIN ((width - 2 * pad) / self->scene->width, (height - 2 * pad) / self->scene->height);
  scale = MAX (scale, 0.01);
  x = floor ((width - self->scene->width * scale) / 2);
  y = floor ((height - self->scene->height * scale) / 2);

  /* The page: a shadow, then a checkerboard where the figure is transparent. */
  cairo_rectangle (cr, x + 2, y + 3, self->scene->width * scale, self->scene->height * scale);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);
  if (self->scene->background.a < 1)
    {
      int cx, cy, step = 8;

      cairo_save (cr);
      cairo_rectangle (cr, x, y, self->scene->width * scale, self->scene->height * scale);
      cairo_clip (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      for (cy = 0; cy * step < self->scene->height * scale; cy++)
        for (cx = cy % 2; cx * step < self->scene->width * scale; cx += 2)
          cairo_rectangle (cr, x + cx * step, y + cy * step, step, step);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, self->scene->width, self->scene->height);
  cairo_clip (cr);
  entente_scene_draw (self->scene, cr);
  cairo_restore (cr);
}

/* Callbacks */

static void
option_changed_cb (EntenteExportDialog *self)
{
  if (!self->updating)
    update_preview (self);
}

static void
format_changed_cb (EntenteExportDialog *self)
{
  option_changed_cb (self);
}

static void
size_changed_cb (EntenteExportDialog *self)
{
  if (self->updating)
    return;
  /* Typing a size leaves the preset. */
  self->updating = TRUE;
  if (gtk_drop_down_get_selected (self->preset_dropdown) != ENTENTE_EXPORT_PRESET_SLIDE)
    gtk_drop_down_set_selected (self->preset_dropdown, ENTENTE_EXPORT_PRESET_CUSTOM);
  self->updating = FALSE;
  update_preview (self);
}

static void
unit_changed_cb (EntenteExportDialog *self)
{
  size_changed_cb (self);
}

static void
preset_changed_cb (EntenteExportDialog *self)
{
  EntenteExportOptions o;
  EntenteExportPreset preset = gtk_drop_down_get_selected (self->preset_dropdown);

  if (self->updating)
    return;
  if (preset != ENTENTE_EXPORT_PRESET_CUSTOM)
    {
      entente_export_options_init (&o);
      entente_export_options_set_preset (&o, preset);
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->unit_dropdown, o.width_unit);
      gtk_spin_button_set_value (self->width_spin, o.width);
      gtk_spin_button_set_value (self->height_spin, o.height > 0 ? o.height : 0);
      /* Slides are read from afar, journals ask for 7–9 pt. */
      gtk_spin_button_set_value (self->font_size_spin, entente_export_get_font_size (&o));
      self->updating = FALSE;
      entente_export_options_clear (&o);
    }
  update_preview (self);
}

/* A height of 0 (the height follows from the width) reads as a dash. */
static gboolean
height_output_cb (GtkSpinButton *spin)
{
  double value = gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));

  if (value > 0)
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (spin), "—");
  return TRUE;
}

static int
height_input_cb (GtkSpinButton *spin,
                 double        *new_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double v;

  v = g_strtod (text, &end);
  if (end == text)
    {
      /* The dash, or anything that is not a number. */
      *new_value = 0;
      return TRUE;
    }
  *new_value = MAX (v, 0);
  return TRUE;
}

gboolean
entente_export_dialog_export_to (EntenteExportDialog  *self,
                                 GFile                *file,
                                 GError              **error)
{
  g_autoptr (EntenteScenario) embedded = NULL;
  EntenteExportOptions o;
  gboolean ok;

  g_return_val_if_fail (ENTENTE_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->scenario == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is nothing to export"));
      return FALSE;
    }
  entente_export_dialog_get_options (self, &o);
  /* The format follows the name the user typed, if it says one. */
  {
    g_autofree char *path = g_file_get_basename (file);

    entente_export_format_for_path (path, &o.format);
  }
  embedded = entente_export_prepare_scenario (self->scenario, self->scenario->view.step, &o);
  ok = entente_export_to_file (embedded, self->result, &o, file, error);
  if (ok)
    save_settings (self, &o);
  entente_export_options_clear (&o);

  return ok;
}

static void
chooser_response_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     EntenteExportDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (!entente_export_dialog_export_to (self, file, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not export to “%s”: %s"), name,
                                                  error->message);

      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static char *
suggested_name (EntenteExportDialog *self,
                EntenteExportFormat  format)
{
  GString *s = g_string_new (NULL);
  const char *title = self->scenario != NULL ? self->scenario->title : NULL;
  const char *p;

  for (p = title != NULL ? title : ""; *p && s->len < 48; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (s, g_unichar_tolower (c));
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "figure");
  g_string_append_printf (s, ".%s", entente_export_format_to_string (format));
  return g_string_free (s, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EntenteExportDialog *self = ENTENTE_EXPORT_DIALOG (widget);
  EntenteExportFormat format = gtk_drop_down_get_selected (self->format_dropdown);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self, format);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  switch (format)
    {
    case ENTENTE_EXPORT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case ENTENTE_EXPORT_PNG:
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    case ENTENTE_EXPORT_SVG:
    default:
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

static void
entente_export_dialog_dispose (GObject *object)
{
  EntenteExportDialog *self = ENTENTE_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->scene, entente_scene_unref);
  g_clear_pointer (&self->scenario, entente_scenario_unref);
  g_clear_pointer (&self->result, entente_result_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (entente_export_dialog_parent_class)->dispose (object);
}

static void
entente_export_dialog_class_init (EntenteExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, size_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, palette_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, dpi_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, transparent_check);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, threats_check);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, hulls_check);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, labels_check);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, legend_check);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, caption_entry);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, font_entry);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, EntenteExportDialog, preview);
  gtk_widget_class_bind_template_callback (widget_class, option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, size_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "gtk_window_close",
                                                G_CALLBACK (gtk_window_close));

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
entente_export_dialog_init (EntenteExportDialog *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  g_signal_connect (self->height_spin, "output", G_CALLBACK (height_output_cb), NULL);
  g_signal_connect (self->height_spin, "input", G_CALLBACK (height_input_cb), NULL);
  gtk_spin_button_update (self->height_spin);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APP_ID);

  /* Defaults when nothing is remembered: a single-column journal figure. */
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->preset_dropdown, ENTENTE_EXPORT_PRESET_SINGLE_COLUMN);
  gtk_spin_button_set_value (self->font_size_spin, 7);
  self->updating = FALSE;
  load_settings (self);
}

GtkWindow *
entente_export_dialog_new (GtkWindow       *parent,
                           EntenteScenario *scenario,
                           EntenteResult   *result)
{
  EntenteExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (ENTENTE_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  entente_export_dialog_set_model (self, scenario, result);

  return GTK_WINDOW (self);
}

void
entente_export_dialog_set_model (EntenteExportDialog *self,
                                 EntenteScenario     *scenario,
                                 EntenteResult       *result)
{
  g_return_if_fail (ENTENTE_IS_EXPORT_DIALOG (self));

  if (scenario != NULL)
    entente_scenario_ref (scenario);
  g_clear_pointer (&self->scenario, entente_scenario_unref);
  self->scenario = scenario;
  if (result != NULL)
    entente_result_ref (result);
  g_clear_pointer (&self->result, entente_result_unref);
  self->result = result;
  update_preview (self);
}
