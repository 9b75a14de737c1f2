/* entente-system-panel.c: the system-wide inputs: offence–defence balance, war shock, theory
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-system-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-format.h"
#include "entente-slider-row.h"
#include "entente-system-panel.h"

struct _EntenteSystemPanel
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  EntenteSliderRow *odb;
  GtkSwitch        *antihegemonic_switch;
  EntenteSliderRow *war_shock;
  EntenteSliderRow *years_since;
  EntenteSliderRow *half_life;
  EntenteSliderRow *transparency;
  EntenteSliderRow *cost_of_war;
  EntenteSliderRow *nu;
  EntenteSliderRow *nu_p;
  GtkDropDown      *mode_dropdown;
  GtkWidget        *timeline_box;
  GtkDropDown      *step_dropdown;
  GtkLabel         *step_description;

  GtkStringList    *step_names;     /* "Base scenario", then every step */
  guint             updating;
};

G_DEFINE_FINAL_TYPE (EntenteSystemPanel, entente_system_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ATTRIBUTE_CHANGED,
  SIGNAL_STEP_SELECTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
emit_attribute (EntenteSystemPanel *self,
                const char         *key,
                const char         *value)
{
  g_signal_emit (self, signals[SIGNAL_ATTRIBUTE_CHANGED], 0,
                 (int) ENTENTE_CHANGE_SYSTEM, NULL, NULL, key, value);
}

static void
slider_changed_cb (EntenteSystemPanel *self,
                   double              value,
                   EntenteSliderRow   *row)
{
  g_autofree char *text = NULL;
  const char *key;

  g_assert (ENTENTE_IS_SYSTEM_PANEL (self));

  if (self->updating > 0)
    return;

  if (row == self->odb)
    key = "odb";
  else if (row == self->war_shock)
    key = "war-shock";
  else if (row == self->years_since)
    key = "years-since";
  else if (row == self->half_life)
    key = "half-life";
  else if (row == self->transparency)
    key = "transparency";
  else if (row == self->cost_of_war)
    key = "cost-of-war";
  else if (row == self->nu)
    key = "nu";
  else if (row == self->nu_p)
    key = "nu-p";
  else
    g_return_if_reached ();

  text = entente_format_attribute (value);
  emit_attribute (self, key, text);
}

static void
antihegemonic_changed_cb (EntenteSystemPanel *self,
                          GParamSpec         *pspec,
                          GtkSwitch          *sw)
{
  g_assert (ENTENTE_IS_SYSTEM_PANEL (self));

  if (self->updating == 0)
    emit_attribute (self, "antihegemonic", gtk_switch_get_active (sw) ? "true" : "false");
}

static void
mode_changed_cb (EntenteSystemPanel *self,
                 GParamSpec         *pspec,
                 GtkDropDown        *dropdown)
{
  g_assert (ENTENTE_IS_SYSTEM_PANEL (self));

  if (self->updating == 0)
    emit_attribute (self, "mode",
                    gtk_drop_down_get_selected (dropdown) == 1 ? "ab1993" : "entente");
}

static void
step_changed_cb (EntenteSystemPanel *self,
                 GParamSpec         *pspec,
                 GtkDropDown        *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  g_assert (ENTENTE_IS_SYSTEM_PANEL (self));

  if (self->updating > 0 || position == GTK_INVALID_LIST_POSITION)
    return;

  g_signal_emit (self, signals[SIGNAL_STEP_SELECTED], 0,
                 position == 0 ? NULL : gtk_string_list_get_string (self->step_names, position));
}

static void
update_steps (EntenteSystemPanel *self,
              EntenteScenario    *scenario)
{
  guint n_steps = scenario->steps ? scenario->steps->len : 0;
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->step_names));
  gboolean same = n_names == n_steps + 1;
  guint position = 0;
  const char *description = NULL;

  for (guint i = 0; same && i < n_steps; i++)
    {
      const EntenteStep *step = g_ptr_array_index (scenario->steps, i);

      same = g_strcmp0 (step->name, gtk_string_list_get_string (self->step_names, i + 1)) == 0;
    }

  if (!same)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      g_ptr_array_add (names, (gpointer) _("Base scenario"));
      for (guint i = 0; i < n_steps; i++)
        g_ptr_array_add (names, ((EntenteStep *) g_ptr_array_index (scenario->steps, i))->name);
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->step_names, 0, n_names, (const char * const *) names->pdata);
    }

  for (guint i = 0; scenario->view.step != NULL && i < n_steps; i++)
    {
      const EntenteStep *step = g_ptr_array_index (scenario->steps, i);

      if (g_strcmp0 (step->name, scenario->view.step) == 0)
        {
          position = i + 1;
          description = step->description;
        }
    }

  gtk_drop_down_set_selected (self->step_dropdown, position);
  gtk_label_set_label (self->step_description, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->step_description), description != NULL);
  gtk_widget_set_visible (self->timeline_box, n_steps > 0);
}

static void
entente_system_panel_dispose (GObject *object)
{
  EntenteSystemPanel *self = ENTENTE_SYSTEM_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_SYSTEM_PANEL);
  g_clear_object (&self->step_names);

  G_OBJECT_CLASS (entente_system_panel_parent_class)->dispose (object);
}

static void
entente_system_panel_class_init (EntenteSystemPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_system_panel_dispose;

  signals[SIGNAL_ATTRIBUTE_CHANGED] =
    g_signal_new ("attribute-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 5,
                  G_TYPE_INT,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[SIGNAL_STEP_SELECTED] =
    g_signal_new ("step-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ENTENTE_TYPE_SLIDER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-system-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, odb);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, antihegemonic_switch);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, war_shock);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, years_since);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, half_life);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, transparency);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, cost_of_war);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, nu);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, nu_p);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, step_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteSystemPanel, step_description);
  gtk_widget_class_bind_template_callback (widget_class, slider_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, antihegemonic_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "systempanel");
}

static void
entente_system_panel_init (EntenteSystemPanel *self)
{
  struct { EntenteSliderRow **row; const char *name; } names[] = {
    { &self->odb, N_("Offence–defence balance") },
    { &self->war_shock, N_("War shock") },
    { &self->years_since, N_("Years since the war") },
    { &self->half_life, N_("Half-life of the war shock") },
    { &self->transparency, N_("Transparency") },
    { &self->cost_of_war, N_("Cost of war") },
    { &self->nu, N_("Weight of intentions") },
    { &self->nu_p, N_("Weight of proximity") },
  };

  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    entente_slider_row_set_accessible_name (*names[i].row, _(names[i].name));

  self->step_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->step_dropdown, G_LIST_MODEL (self->step_names));
  self->updating--;
}

GtkWidget *
entente_system_panel_new (void)
{
  return g_object_new (ENTENTE_TYPE_SYSTEM_PANEL, NULL);
}

void
entente_system_panel_set_model (EntenteSystemPanel *self,
                                EntenteScenario    *scenario,
                                EntenteResult      *result)
{
  const EntenteSystem *system;

  g_return_if_fail (ENTENTE_IS_SYSTEM_PANEL (self));
  g_return_if_fail (scenario != NULL);

  system = &scenario->system;

  self->updating++;

  entente_slider_row_set_value (self->odb, system->odb);
  gtk_switch_set_active (self->antihegemonic_switch, system->antihegemonic);
  entente_slider_row_set_value (self->war_shock, system->war_shock);
  entente_slider_row_set_value (self->years_since, system->years_since);
  entente_slider_row_set_value (self->half_life, system->half_life);
  entente_slider_row_set_value (self->transparency, system->transparency);
  entente_slider_row_set_value (self->cost_of_war, system->cost_of_war);
  entente_slider_row_set_value (self->nu, system->nu);
  entente_slider_row_set_value (self->nu_p, system->nu_p);
  gtk_drop_down_set_selected (self->mode_dropdown,
                              system->mode == ENTENTE_ALIGN_MODE_AB1993 ? 1 : 0);
  update_steps (self, scenario);

  self->updating--;
}
