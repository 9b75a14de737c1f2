/* entente-application.c: the GtkApplication: single instance, files, app actions
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-application"

#include "config.h"

#include <epoxy/gl.h>
#include <glib/gi18n.h>

#include "entente-application.h"
#include "entente-window.h"

struct _EntenteApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  gboolean        exit_after_startup;
};

G_DEFINE_FINAL_TYPE (EntenteApplication, entente_application, GTK_TYPE_APPLICATION)

GSettings *
entente_settings_new_or_null (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/* The GL renderer string of @display, NULL without GL. */
static char *
dup_gl_renderer (GdkDisplay *display)
{
  g_autoptr (GdkGLContext) context = NULL;
  const char *renderer;
  char *copy;

  if (!gdk_display_prepare_gl (display, NULL))
    return NULL;
  context = gdk_display_create_gl_context (display, NULL);
  if (context == NULL || !gdk_gl_context_realize (context, NULL))
    return NULL;

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  copy = g_strdup (renderer);
  gdk_gl_context_clear_current ();

  return copy;
}

const char *
entente_choose_renderer (GdkDisplay *display)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "swrast", "Software Rasterizer" };
  g_autofree char *renderer = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;

  /* GTK 4.8's GL renderer on a software rasteriser (a virtual machine, a
   * remote session, Xvfb) is slower than its cairo renderer at everything
   * this window draws, and holds far more memory: measured under Xvfb with
   * llvmpipe, first frame 520 → 280 ms, a frame of the window 37 → 7 ms,
   * 200 states 240 → 157 MB. GSK reads the variable when the first window
   * is realised. */
  renderer = dup_gl_renderer (display);
  if (renderer == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (renderer, software[i]) != NULL)
      {
        g_debug ("GL renderer “%s” is a software rasteriser: drawing with cairo", renderer);
        g_setenv ("GSK_RENDERER", "cairo", TRUE);
        return "cairo";
      }

  return NULL;
}

static void
apply_style (EntenteApplication *self)
{
  g_autofree char *style = NULL;
  GtkSettings *gtk_settings = gtk_settings_get_default ();

  if (self->settings == NULL || gtk_settings == NULL)
    return;

  /* 'system' leaves GTK's own choice (the desktop's preference) alone. */
  style = g_settings_get_string (self->settings, "style");
  if (g_str_equal (style, "dark"))
    g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  else if (g_str_equal (style, "light"))
    g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
  else
    gtk_settings_reset_property (gtk_settings, "gtk-application-prefer-dark-theme");
}

static void
style_changed_cb (EntenteApplication *self)
{
  apply_style (self);
}

/* For --exit-after-startup: quit once the first window has drawn a frame, so
 * a smoke test (and the startup benchmark) covers the whole way to pixels. */
static void
after_paint_cb (GdkFrameClock *frame_clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, app);
  if (g_getenv ("ENTENTE_PRINT_STARTUP") != NULL)
    g_print ("first frame after %.1f ms\n", g_get_monotonic_time () / 1000.0);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_handlers_disconnect_by_func (window, window_mapped_cb, app);
  g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), app, 0);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
present (EntenteApplication *self,
         GtkWindow          *window)
{
  if (self->exit_after_startup)
    g_signal_connect_object (window, "map", G_CALLBACK (window_mapped_cb), self, G_CONNECT_AFTER);
  gtk_window_present (window);
}

static EntenteWindow *
new_window (EntenteApplication *self)
{
  return entente_window_new (GTK_APPLICATION (self));
}

static void
entente_application_activate (GApplication *app)
{
  EntenteApplication *self = ENTENTE_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self));
  present (self, window);
}

static void
entente_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  EntenteApplication *self = ENTENTE_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
      EntenteWindow *window;

      /* A window that only shows the untouched default scenario is reused;
       * any other gets a new window beside it, so nothing is replaced. */
      if (ENTENTE_IS_WINDOW (active) && entente_window_is_pristine (ENTENTE_WINDOW (active)))
        {
          window = ENTENTE_WINDOW (active);
          entente_window_open_file (window, files[i]);
        }
      else
        window = entente_window_new_for_file (GTK_APPLICATION (self), files[i]);

      present (self, GTK_WINDOW (window));
    }
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing asks about unsaved changes in each window; the application ends
   * when the last window is gone, and not before. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  EntenteApplication *self = user_data;

  present (self, GTK_WINDOW (new_window (self)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  GtkWidget *dialog;
  static const char *authors[] = {
    "The Entente authors",
    NULL
  };
  /* The theories Entente computes, with their authors: the model is theirs. */
  static const char *theory[] = {
    "Stephen M. Walt (balance of threat, 1985, 1987)",
    "Kenneth N. Waltz (balance of power, 1979)",
    "Robert Axelrod and D. Scott Bennett (landscape theory of aggregation, 1993)",
    "Thomas J. Christensen and Jack Snyder (chain gangs and passed bucks, 1990)",
    "Robert Jervis (from balance to concert, 1985)",
    "Glenn H. Snyder (the security dilemma in alliance politics, 1984)",
    "Randall L. Schweller (bandwagoning for profit, 1994)",
    "James D. Morrow (alliances and asymmetry, 1991)",
    "Patricia A. Weitsman (dangerous alliances, 2004)",
    "John J. Mearsheimer (buck-passing, 2001)",
    "Sten Rynning and Olivier Schmitt (alliances; contact groups, 2018)",
    "Gunnar Fermann (caveats in coalition warfare, 2019)",
    "Igor Istomin (asymmetric alliances, 2021)",
    "Teresa Whitfield (groups of friends, 2007)",
    NULL
  };

  dialog = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                         "transient-for", parent,
                         "modal", TRUE,
                         "program-name", "Entente",
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments",
                         _("Explore how states form alliances: balancing, bandwagoning, "
                           "buck-passing and chain-ganging, concerts of great powers and "
                           "contact groups, recomputed live."),
                         "website", "https://github.com/entente/entente",
                         "website-label", _("Website"),
                         "copyright", "© 2026 The Entente authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
  gtk_about_dialog_add_credit_section (GTK_ABOUT_DIALOG (dialog), _("Theory"), theory);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "new-window", new_window_action },
};

static void
entente_application_startup (GApplication *app)
{
  EntenteApplication *self = ENTENTE_APPLICATION (app);
  g_autoptr (GtkCssProvider) provider = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Shift><Control>n", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  /* Explicit, so a differently named build (a .Devel id) keeps its resources. */
  g_application_set_resource_base_path (app, RESOURCE_BASE);

  G_APPLICATION_CLASS (entente_application_parent_class)->startup (app);

  entente_choose_renderer (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  /* A plain GtkApplication does not load style.css by itself. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");

  self->settings = entente_settings_new_or_null ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::style",
                               G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
      apply_style (self);
    }
}

static int
entente_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  EntenteApplication *self = ENTENTE_APPLICATION (app);

  if (g_variant_dict_contains (options, "exit-after-startup"))
    {
      self->exit_after_startup = TRUE;
      /* A smoke test must start its own instance, not talk to a running one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
entente_application_dispose (GObject *object)
{
  EntenteApplication *self = (EntenteApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (entente_application_parent_class)->dispose (object);
}

static void
entente_application_class_init (EntenteApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = entente_application_dispose;
  app_class->activate = entente_application_activate;
  app_class->open = entente_application_open;
  app_class->startup = entente_application_startup;
  app_class->handle_local_options = entente_application_handle_local_options;
}

static void
entente_application_init (EntenteApplication *self)
{
  static const GOptionEntry entries[] = {
    { "exit-after-startup", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
      "Quit once the window has drawn its first frame (for tests)", NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

EntenteApplication *
entente_application_new (void)
{
  return g_object_new (ENTENTE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/**
 * entente_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, NULL without the schema
 */
GSettings *
entente_application_get_settings (EntenteApplication *self)
{
  g_return_val_if_fail (ENTENTE_IS_APPLICATION (self), NULL);

  return self->settings;
}
