/* entente-state-row.c: one state in the states panel: name, capability and intention
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-state-row"

#include "config.h"

#include <glib/gi18n.h>

#include "core/entente-reason.h"
#include "entente-format.h"
#include "entente-slider-row.h"
#include "entente-state-row.h"

struct _EntenteStateRow
{
  GtkWidget         parent_instance;

  GtkWidget        *box;
  GtkLabel         *mark;
  GtkLabel         *name;
  GtkLabel         *behaviour;
  EntenteSliderRow *capability;
  EntenteSliderRow *intention;

  EntenteStateItem *item;
  char             *behaviour_class;
};

G_DEFINE_FINAL_TYPE (EntenteStateRow, entente_state_row, GTK_TYPE_WIDGET)

enum {
  SIGNAL_VALUE_CHANGED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* The row as a group named for assistive technology: "Germany, Revisionist lead". */
static void
sync_accessible (EntenteStateRow *self)
{
  int behaviour = entente_state_item_get_behaviour (self->item);
  const char *name = entente_state_item_get_name (self->item);
  g_autofree char *label = NULL;

  if (behaviour >= 0 && behaviour < ENTENTE_N_BEHAVIOURS)
    /* Translators: a state's row in the states panel, "Germany, Revisionist lead". */
    label = g_strdup_printf (_("%s, %s"), name, entente_behaviour_get_title (behaviour));
  else
    label = g_strdup (name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
sync_name (EntenteStateRow *self)
{
  const char *name = entente_state_item_get_name (self->item);
  g_autofree char *capability = g_strdup_printf (_("Capability of %s"), name);
  g_autofree char *intention = g_strdup_printf (_("Intention of %s"), name);

  gtk_label_set_label (self->name, name);
  entente_slider_row_set_accessible_name (self->capability, capability);
  entente_slider_row_set_accessible_name (self->intention, intention);
  sync_accessible (self);
}

static void
sync_values (EntenteStateRow *self)
{
  double upper = entente_state_item_get_capability_upper (self->item);

  entente_slider_row_set_range (self->capability, 0.0, upper, upper > 50 ? 1.0 : 0.1);
  entente_slider_row_set_value (self->capability, entente_state_item_get_capability (self->item));
  entente_slider_row_set_value (self->intention, entente_state_item_get_intention (self->item));
}

static void
sync_behaviour (EntenteStateRow *self)
{
  int behaviour = entente_state_item_get_behaviour (self->item);
  int bloc = entente_state_item_get_bloc (self->item);

  if (self->behaviour_class != NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), self->behaviour_class);
      g_clear_pointer (&self->behaviour_class, g_free);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self), "bloc-a");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "bloc-b");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "bloc-u");

  if (behaviour < 0 || behaviour >= ENTENTE_N_BEHAVIOURS)
    {
      gtk_label_set_label (self->mark, "");
      gtk_label_set_label (self->behaviour, "");
      sync_accessible (self);
      return;
    }

  self->behaviour_class = g_strdup (entente_behaviour_to_string (behaviour));
  gtk_widget_add_css_class (GTK_WIDGET (self), self->behaviour_class);
  gtk_widget_add_css_class (GTK_WIDGET (self),
                            bloc == ENTENTE_BLOC_A ? "bloc-a" :
                            bloc == ENTENTE_BLOC_B ? "bloc-b" : "bloc-u");
  gtk_label_set_label (self->mark, entente_format_behaviour_symbol (behaviour));
  gtk_label_set_label (self->behaviour, entente_behaviour_get_title (behaviour));
  sync_accessible (self);
}

static void
item_notify_cb (EntenteStateRow  *self,
                GParamSpec       *pspec,
                EntenteStateItem *item)
{
  const char *name = g_param_spec_get_name (pspec);

  g_assert (ENTENTE_IS_STATE_ROW (self));

  if (g_str_equal (name, "name"))
    sync_name (self);
  else if (g_str_equal (name, "behaviour") || g_str_equal (name, "bloc"))
    sync_behaviour (self);
  else
    sync_values (self);
}

static void
capability_changed_cb (EntenteStateRow *self,
                       double           value)
{
  g_assert (ENTENTE_IS_STATE_ROW (self));

  if (self->item != NULL)
    g_signal_emit (self, signals[SIGNAL_VALUE_CHANGED], 0, "capability", value);
}

static void
intention_changed_cb (EntenteStateRow *self,
                      double           value)
{
  g_assert (ENTENTE_IS_STATE_ROW (self));

  if (self->item != NULL)
    g_signal_emit (self, signals[SIGNAL_VALUE_CHANGED], 0, "intention", value);
}

static void
entente_state_row_dispose (GObject *object)
{
  EntenteStateRow *self = ENTENTE_STATE_ROW (object);

  entente_state_row_bind (self, NULL);
  g_clear_pointer (&self->behaviour_class, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_STATE_ROW);

  G_OBJECT_CLASS (entente_state_row_parent_class)->dispose (object);
}

static void
entente_state_row_class_init (EntenteStateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_state_row_dispose;

  signals[SIGNAL_VALUE_CHANGED] =
    g_signal_new ("value-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_DOUBLE);

  g_type_ensure (ENTENTE_TYPE_SLIDER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-state-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteStateRow, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateRow, mark);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateRow, name);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateRow, behaviour);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateRow, capability);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateRow, intention);
  gtk_widget_class_bind_template_callback (widget_class, capability_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, intention_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "staterow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
entente_state_row_init (EntenteStateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The mark repeats the behaviour named in words next to it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->mark),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
}

GtkWidget *
entente_state_row_new (void)
{
  return g_object_new (ENTENTE_TYPE_STATE_ROW, NULL);
}

void
entente_state_row_bind (EntenteStateRow  *self,
                        EntenteStateItem *item)
{
  g_return_if_fail (ENTENTE_IS_STATE_ROW (self));
  g_return_if_fail (item == NULL || ENTENTE_IS_STATE_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->item, item_notify_cb, self);
      g_clear_object (&self->item);
    }

  if (item == NULL)
    return;

  self->item = g_object_ref (item);
  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), self,
                           G_CONNECT_SWAPPED);
  sync_name (self);
  sync_values (self);
  sync_behaviour (self);
}

EntenteStateItem *
entente_state_row_get_item (EntenteStateRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_STATE_ROW (self), NULL);

  return self->item;
}
