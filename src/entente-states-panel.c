/* entente-states-panel.c: every state with its capability and intention sliders
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-states-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-format.h"
#include "entente-slider-row.h"
#include "entente-state-editor.h"
#include "entente-state-item.h"
#include "entente-state-row.h"
#include "entente-states-panel.h"

struct _EntenteStatesPanel
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkWidget          *box;
  GtkListView        *list_view;
  GtkRevealer        *details_revealer;
  EntenteStateEditor *editor;

  GListStore         *store;
  GtkSingleSelection *selection;

  EntenteScenario    *scenario;
  char               *selected;

  /* > 0 while widgets are updated from the model: their handlers must not
   * report the change back as an edit. */
  guint               updating;
};

G_DEFINE_FINAL_TYPE (EntenteStatesPanel, entente_states_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS,
};

enum {
  SIGNAL_ATTRIBUTE_CHANGED,
  SIGNAL_STATE_REMOVE_REQUESTED,
  SIGNAL_STATE_SELECTED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
set_str (char       **dest,
         const char  *src)
{
  if (g_strcmp0 (*dest, src) == 0)
    return FALSE;

  g_free (*dest);
  *dest = g_strdup (src);
  return TRUE;
}

static int
find_state (EntenteScenario *scenario,
            const char      *id)
{
  if (scenario == NULL || id == NULL)
    return -1;

  return entente_scenario_find_state (scenario, id);
}

static void
emit_attribute (EntenteStatesPanel  *self,
                EntenteChangeTarget  target,
                const char          *a,
                const char          *b,
                const char          *key,
                double               value)
{
  g_autofree char *text = entente_format_attribute (value);

  g_signal_emit (self, signals[SIGNAL_ATTRIBUTE_CHANGED], 0, (int) target, a, b, key, text);
}

static void
emit_capability (EntenteStatesPanel *self,
                 const char         *id,
                 double              value)
{
  int index = find_state (self->scenario, id);
  const EntenteState *state;
  double old;

  if (index < 0)
    return;

  state = entente_scenario_get_state (self->scenario, index);
  if (state->single_capability)
    {
      emit_attribute (self, ENTENTE_CHANGE_STATE, id, NULL, "capability", value);
      return;
    }

  /* Scale the three components together, so their proportions (what makes a
   * state populous or well armed) survive a change of overall capability. */
  old = entente_format_capability (state, &self->scenario->system);
  if (old > 0.0)
    {
      double factor = value / old;

      emit_attribute (self, ENTENTE_CHANGE_STATE, id, NULL, "pop",
                      entente_format_round (state->pop * factor, 6));
      emit_attribute (self, ENTENTE_CHANGE_STATE, id, NULL, "econ",
                      entente_format_round (state->econ * factor, 6));
      emit_attribute (self, ENTENTE_CHANGE_STATE, id, NULL, "mil",
                      entente_format_round (state->mil * factor, 6));
    }
  else
    {
      emit_attribute (self, ENTENTE_CHANGE_STATE, id, NULL, "pop", value);
      emit_attribute (self, ENTENTE_CHANGE_STATE, id, NULL, "econ", value);
      emit_attribute (self, ENTENTE_CHANGE_STATE, id, NULL, "mil", value);
    }
}

static void
row_value_changed_cb (EntenteStatesPanel *self,
                      const char         *key,
                      double              value,
                      EntenteStateRow    *row)
{
  EntenteStateItem *item = entente_state_row_get_item (row);
  const char *id;

  g_assert (ENTENTE_IS_STATES_PANEL (self));

  if (item == NULL || self->updating > 0)
    return;

  id = entente_state_item_get_id (item);

  if (g_str_equal (key, "capability"))
    {
      emit_capability (self, id, value);
      entente_state_item_set_capability (item, value);
    }
  else
    {
      emit_attribute (self, ENTENTE_CHANGE_STATE, id, NULL, key, value);
      if (g_str_equal (key, "intention"))
        entente_state_item_set_intention (item, value);
    }
}

static void
setup_cb (EntenteStatesPanel       *self,
          GtkListItem              *list_item,
          GtkSignalListItemFactory *factory)
{
  GtkWidget *row = entente_state_row_new ();

  g_signal_connect_object (row, "value-changed", G_CALLBACK (row_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_cb (EntenteStatesPanel       *self,
         GtkListItem              *list_item,
         GtkSignalListItemFactory *factory)
{
  entente_state_row_bind (ENTENTE_STATE_ROW (gtk_list_item_get_child (list_item)),
                          gtk_list_item_get_item (list_item));
}

static void
unbind_cb (EntenteStatesPanel       *self,
           GtkListItem              *list_item,
           GtkSignalListItemFactory *factory)
{
  entente_state_row_bind (ENTENTE_STATE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* The selected state expands into the editor below the list. */
static void
update_details (EntenteStatesPanel *self)
{
  gboolean shown = find_state (self->scenario, self->selected) >= 0;

  if (self->scenario != NULL)
    entente_state_editor_set_model (self->editor, self->scenario, shown ? self->selected : NULL);
  gtk_revealer_set_reveal_child (self->details_revealer, shown);
}

static void
editor_attribute_changed_cb (EntenteStatesPanel *self,
                             int                 target,
                             const char         *a,
                             const char         *b,
                             const char         *key,
                             const char         *value)
{
  g_assert (ENTENTE_IS_STATES_PANEL (self));

  g_signal_emit (self, signals[SIGNAL_ATTRIBUTE_CHANGED], 0, target, a, b, key, value);
}

static void
editor_remove_requested_cb (EntenteStatesPanel *self,
                            const char         *id)
{
  g_assert (ENTENTE_IS_STATES_PANEL (self));

  g_signal_emit (self, signals[SIGNAL_STATE_REMOVE_REQUESTED], 0, id);
}

static void
sync_selection (EntenteStatesPanel *self,
                gboolean            scroll)
{
  guint position = GTK_INVALID_LIST_POSITION;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; self->selected != NULL && i < n; i++)
    {
      g_autoptr (EntenteStateItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (g_str_equal (entente_state_item_get_id (item), self->selected))
        {
          position = i;
          break;
        }
    }

  self->updating++;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating--;

  /* A state picked on the canvas comes into view (GTK 4.8 has no
   * gtk_list_view_scroll_to(); the list's own action does it). */
  if (scroll && position != GTK_INVALID_LIST_POSITION &&
      gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
selection_changed_cb (EntenteStatesPanel *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  EntenteStateItem *item;
  const char *id = NULL;

  g_assert (ENTENTE_IS_STATES_PANEL (self));

  if (self->updating > 0)
    return;

  item = gtk_single_selection_get_selected_item (selection);
  if (item != NULL)
    id = entente_state_item_get_id (item);

  if (!set_str (&self->selected, id))
    return;

  update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_signal_emit (self, signals[SIGNAL_STATE_SELECTED], 0, id);
}

static gboolean
item_is (EntenteStatesPanel *self,
         guint               position,
         EntenteScenario    *scenario,
         guint               index)
{
  g_autoptr (EntenteStateItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  return g_str_equal (entente_state_item_get_id (item),
                      entente_scenario_get_state (scenario, index)->id);
}

static gboolean
same_states (EntenteStatesPanel *self,
             EntenteScenario    *scenario)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (n != entente_scenario_get_n_states (scenario))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EntenteStateItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (!g_str_equal (entente_state_item_get_id (item),
                        entente_scenario_get_state (scenario, i)->id))
        return FALSE;
    }

  return TRUE;
}

static void
entente_states_panel_dispose (GObject *object)
{
  EntenteStatesPanel *self = ENTENTE_STATES_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_STATES_PANEL);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->scenario, entente_scenario_unref);

  G_OBJECT_CLASS (entente_states_panel_parent_class)->dispose (object);
}

static void
entente_states_panel_finalize (GObject *object)
{
  EntenteStatesPanel *self = ENTENTE_STATES_PANEL (object);

  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (entente_states_panel_parent_class)->finalize (object);
}

static void
entente_states_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  EntenteStatesPanel *self = ENTENTE_STATES_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, entente_states_panel_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_states_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  EntenteStatesPanel *self = ENTENTE_STATES_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      entente_states_panel_set_selected (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_states_panel_class_init (EntenteStatesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_states_panel_dispose;
  object_class->finalize = entente_states_panel_finalize;
  object_class->get_property = entente_states_panel_get_property;
  object_class->set_property = entente_states_panel_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  signals[SIGNAL_STATE_REMOVE_REQUESTED] =
    g_signal_new ("state-remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_STATE_SELECTED] =
    g_signal_new ("state-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ENTENTE_TYPE_STATE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-states-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteStatesPanel, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteStatesPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, EntenteStatesPanel, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, EntenteStatesPanel, editor);
  gtk_widget_class_bind_template_callback (widget_class, editor_attribute_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_remove_requested_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statespanel");
}

static void
entente_states_panel_init (EntenteStatesPanel *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (ENTENTE_TYPE_STATE_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

GtkWidget *
entente_states_panel_new (void)
{
  return g_object_new (ENTENTE_TYPE_STATES_PANEL, NULL);
}

void
entente_states_panel_set_model (EntenteStatesPanel *self,
                                EntenteScenario    *scenario,
                                EntenteResult      *result)
{
  guint n;
  double max_capability = 0.0;
  double upper;
  gboolean with_result;

  g_return_if_fail (ENTENTE_IS_STATES_PANEL (self));
  g_return_if_fail (scenario != NULL);

  if (self->scenario != scenario)
    {
      g_clear_pointer (&self->scenario, entente_scenario_unref);
      self->scenario = entente_scenario_ref (scenario);
    }

  n = entente_scenario_get_n_states (scenario);
  with_result = result != NULL && result->n == n;

  for (guint i = 0; i < n; i++)
    max_capability = MAX (max_capability,
                          entente_format_capability (entente_scenario_get_state (scenario, i),
                                                     &scenario->system));
  /* Room to double the strongest state: a spin button cannot go past its
   * adjustment, and the range grows again as results come back. */
  upper = entente_format_nice_upper (2.0 * max_capability);

  self->updating++;

  if (!same_states (self, scenario))
    {
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      guint old_n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
      guint prefix = 0, suffix = 0;

      /* Replace only the states that changed (one added, one removed), so
       * the other rows, and the list's scroll position, stay. */
      while (prefix < old_n && prefix < n && item_is (self, prefix, scenario, prefix))
        prefix++;
      while (suffix < old_n - prefix && suffix < n - prefix &&
             item_is (self, old_n - 1 - suffix, scenario, n - 1 - suffix))
        suffix++;

      for (guint i = prefix; i < n - suffix; i++)
        g_ptr_array_add (items,
                         entente_state_item_new (entente_scenario_get_state (scenario, i)->id));

      g_list_store_splice (self->store, prefix, old_n - prefix - suffix,
                           items->pdata, items->len);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (EntenteStateItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const EntenteState *state = entente_scenario_get_state (scenario, i);

      entente_state_item_set_name (item, state->name);
      entente_state_item_set_capability_upper (item, upper);
      entente_state_item_set_capability (item, entente_format_capability (state,
                                                                          &scenario->system));
      entente_state_item_set_intention (item, state->intention);
      entente_state_item_set_behaviour (item, with_result ? (int) result->states[i].label : -1);
      entente_state_item_set_bloc (item, with_result ? (int) result->states[i].bloc : 2);
    }

  self->updating--;

  if (find_state (scenario, self->selected) < 0 && self->selected != NULL)
    {
      g_clear_pointer (&self->selected, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }

  /* Results must not scroll the list: the user may be looking elsewhere. */
  sync_selection (self, FALSE);
  update_details (self);
}

const char *
entente_states_panel_get_selected (EntenteStatesPanel *self)
{
  g_return_val_if_fail (ENTENTE_IS_STATES_PANEL (self), NULL);

  return self->selected;
}

void
entente_states_panel_set_selected (EntenteStatesPanel *self,
                                   const char         *id)
{
  g_return_if_fail (ENTENTE_IS_STATES_PANEL (self));

  if (!set_str (&self->selected, id))
    return;

  sync_selection (self, TRUE);
  update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}
