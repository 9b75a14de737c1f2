/* entente-state-editor.c: the selected state's details, pair relations, rename and remove
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-state-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-format.h"
#include "entente-slider-row.h"
#include "entente-state-editor.h"

struct _EntenteStateEditor
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkWidget          *box;
  GtkLabel           *details_title;
  GtkEntry           *name_entry;
  GtkButton          *remove_button;
  EntenteSliderRow   *offence;
  EntenteSliderRow   *pop;
  EntenteSliderRow   *econ;
  EntenteSliderRow   *mil;
  EntenteSliderRow   *domestic;
  GtkDropDown        *gp_dropdown;
  GtkSwitch          *contained_switch;
  GtkDropDown        *partner_dropdown;
  EntenteSliderRow   *affinity;
  EntenteSliderRow   *commitment;
  EntenteSliderRow   *rivalry;
  EntenteSliderRow   *contiguity;

  GtkStringList      *partner_names;
  GPtrArray          *partner_ids;      /* of char*, parallel to partner_names */

  EntenteScenario    *scenario;
  char               *selected;         /* the state shown */
  char               *partner;          /* id of the state whose relations are shown */
  char               *renamed;          /* "id\nname" last asked for, so Enter then
                                         * leaving the entry asks once */

  /* > 0 while widgets are updated from the model: their handlers must not
   * report the change back as an edit. */
  guint               updating;
};

G_DEFINE_FINAL_TYPE (EntenteStateEditor, entente_state_editor, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ATTRIBUTE_CHANGED,
  SIGNAL_STATE_REMOVE_REQUESTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* gp-override values in the order of the drop-down's strings. */
static const int gp_values[] = { 0, 1, -1 };

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
emit_attribute (EntenteStateEditor  *self,
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
update_partners (EntenteStateEditor *self,
                 int                 selected)
{
  guint n = entente_scenario_get_n_states (self->scenario);
  guint partner_position = GTK_INVALID_LIST_POSITION;
  gboolean same = self->partner_ids->len + 1 == n;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  /* The partner list is every other state, in scenario order; rebuild it only
   * when it changed, so an open popover is not reset under the user. */
  for (guint i = 0, k = 0; same && i < n; i++)
    {
      const EntenteState *state = entente_scenario_get_state (self->scenario, i);

      if ((int) i == selected)
        continue;
      if (!g_str_equal (state->id, g_ptr_array_index (self->partner_ids, k)) ||
          g_strcmp0 (state->name,
                     gtk_string_list_get_string (self->partner_names, k)) != 0)
        same = FALSE;
      k++;
    }

  if (!same)
    {
      g_ptr_array_set_size (self->partner_ids, 0);
      for (guint i = 0; i < n; i++)
        {
          const EntenteState *state = entente_scenario_get_state (self->scenario, i);

          if ((int) i == selected)
            continue;
          g_ptr_array_add (self->partner_ids, g_strdup (state->id));
          g_ptr_array_add (names, state->name ? state->name : state->id);
        }
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->partner_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->partner_names)),
                              (const char * const *) names->pdata);
    }

  for (guint k = 0; k < self->partner_ids->len; k++)
    if (g_strcmp0 (self->partner, g_ptr_array_index (self->partner_ids, k)) == 0)
      partner_position = k;

  if (partner_position == GTK_INVALID_LIST_POSITION && self->partner_ids->len > 0)
    {
      partner_position = 0;
      set_str (&self->partner, g_ptr_array_index (self->partner_ids, 0));
    }
  else if (self->partner_ids->len == 0)
    g_clear_pointer (&self->partner, g_free);

  gtk_drop_down_set_selected (self->partner_dropdown, partner_position);
}

static void
update_pair (EntenteStateEditor *self,
             int                 selected)
{
  int partner = find_state (self->scenario, self->partner);
  const EntentePair *pair = NULL;
  const char *name, *other;
  g_autofree char *affinity = NULL;
  g_autofree char *commitment = NULL;
  g_autofree char *rivalry = NULL;
  g_autofree char *contiguity = NULL;
  gboolean sensitive = partner >= 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->affinity), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->commitment), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rivalry), sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contiguity), sensitive);

  if (partner < 0)
    return;

  pair = entente_scenario_get_pair (self->scenario, selected, partner);
  entente_slider_row_set_value (self->affinity, pair ? pair->affinity : 0.0);
  entente_slider_row_set_value (self->commitment, pair ? pair->commitment : 0.0);
  entente_slider_row_set_value (self->rivalry, pair ? pair->rivalry : 0.0);
  entente_slider_row_set_value (self->contiguity, pair ? pair->contiguity : 0.0);

  name = entente_scenario_get_state (self->scenario, selected)->name;
  other = entente_scenario_get_state (self->scenario, partner)->name;
  /* Translators: accessible names of the pair sliders, "Affinity of France and Russia". */
  affinity = g_strdup_printf (_("Affinity of %s and %s"), name, other);
  commitment = g_strdup_printf (_("Commitment of %s and %s"), name, other);
  rivalry = g_strdup_printf (_("Rivalry of %s and %s"), name, other);
  contiguity = g_strdup_printf (_("Contiguity of %s and %s"), name, other);
  entente_slider_row_set_accessible_name (self->affinity, affinity);
  entente_slider_row_set_accessible_name (self->commitment, commitment);
  entente_slider_row_set_accessible_name (self->rivalry, rivalry);
  entente_slider_row_set_accessible_name (self->contiguity, contiguity);
}

static void
update_details (EntenteStateEditor *self)
{
  int index = find_state (self->scenario, self->selected);
  const EntenteState *state;
  double component_upper = 10.0;
  guint gp_position = 0;

  if (index < 0)
    return;

  state = entente_scenario_get_state (self->scenario, index);

  /* The rename asked for has landed: the same name may be asked again later. */
  if (self->renamed != NULL)
    {
      g_autofree char *current = g_strdup_printf ("%s\n%s", state->id, state->name);

      if (g_str_equal (current, self->renamed))
        g_clear_pointer (&self->renamed, g_free);
    }

  self->updating++;

  gtk_label_set_label (self->details_title, state->name);
  /* Do not overwrite a name the user is typing. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self->name_entry)) &&
      !gtk_widget_has_focus (gtk_widget_get_first_child (GTK_WIDGET (self->name_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), state->name);

  for (guint i = 0; i < entente_scenario_get_n_states (self->scenario); i++)
    {
      const EntenteState *other = entente_scenario_get_state (self->scenario, i);

      component_upper = MAX (component_upper,
                             entente_format_nice_upper (2.0 * MAX (other->pop,
                                                                   MAX (other->econ,
                                                                        other->mil))));
    }

  entente_slider_row_set_range (self->pop, 0.0, component_upper, component_upper > 50 ? 1 : 0.1);
  entente_slider_row_set_range (self->econ, 0.0, component_upper, component_upper > 50 ? 1 : 0.1);
  entente_slider_row_set_range (self->mil, 0.0, component_upper, component_upper > 50 ? 1 : 0.1);

  entente_slider_row_set_value (self->offence, state->offence);
  entente_slider_row_set_value (self->pop, state->pop);
  entente_slider_row_set_value (self->econ, state->econ);
  entente_slider_row_set_value (self->mil, state->mil);
  entente_slider_row_set_value (self->domestic, state->domestic);

  {
    g_autofree char *offence = g_strdup_printf (_("Offensive capability of %s"), state->name);
    g_autofree char *pop = g_strdup_printf (_("Population of %s"), state->name);
    g_autofree char *econ = g_strdup_printf (_("Economy of %s"), state->name);
    g_autofree char *mil = g_strdup_printf (_("Military of %s"), state->name);
    g_autofree char *domestic = g_strdup_printf (_("Domestic constraint of %s"), state->name);

    entente_slider_row_set_accessible_name (self->offence, offence);
    entente_slider_row_set_accessible_name (self->pop, pop);
    entente_slider_row_set_accessible_name (self->econ, econ);
    entente_slider_row_set_accessible_name (self->mil, mil);
    entente_slider_row_set_accessible_name (self->domestic, domestic);
  }

  for (guint k = 0; k < G_N_ELEMENTS (gp_values); k++)
    if (gp_values[k] == state->gp_override)
      gp_position = k;
  gtk_drop_down_set_selected (self->gp_dropdown, gp_position);
  gtk_switch_set_active (self->contained_switch, state->contained);

  update_partners (self, index);
  update_pair (self, index);

  self->updating--;
}

static void
detail_changed_cb (EntenteStateEditor *self,
                   double              value,
                   EntenteSliderRow   *row)
{
  const char *key;

  g_assert (ENTENTE_IS_STATE_EDITOR (self));

  if (self->updating > 0 || self->selected == NULL)
    return;

  if (row == self->offence)
    key = "offence";
  else if (row == self->pop)
    key = "pop";
  else if (row == self->econ)
    key = "econ";
  else if (row == self->mil)
    key = "mil";
  else if (row == self->domestic)
    key = "domestic";
  else
    g_return_if_reached ();

  emit_attribute (self, ENTENTE_CHANGE_STATE, self->selected, NULL, key, value);
}

static void
pair_changed_cb (EntenteStateEditor *self,
                 double              value,
                 EntenteSliderRow   *row)
{
  int i, j;
  const char *key;
  const char *a, *b;

  g_assert (ENTENTE_IS_STATE_EDITOR (self));

  i = find_state (self->scenario, self->selected);
  j = find_state (self->scenario, self->partner);
  if (self->updating > 0 || i < 0 || j < 0)
    return;

  if (row == self->affinity)
    key = "affinity";
  else if (row == self->commitment)
    key = "commitment";
  else if (row == self->rivalry)
    key = "rivalry";
  else if (row == self->contiguity)
    key = "contiguity";
  else
    g_return_if_reached ();

  /* Pairs are stored with a < b in scenario order; name them that way. */
  a = i < j ? self->selected : self->partner;
  b = i < j ? self->partner : self->selected;
  emit_attribute (self, ENTENTE_CHANGE_PAIR, a, b, key, value);
}

static void
gp_changed_cb (EntenteStateEditor *self,
               GParamSpec         *pspec,
               GtkDropDown        *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  g_assert (ENTENTE_IS_STATE_EDITOR (self));

  if (self->updating > 0 || self->selected == NULL || position >= G_N_ELEMENTS (gp_values))
    return;

  emit_attribute (self, ENTENTE_CHANGE_STATE, self->selected, NULL, "gp-override",
                  gp_values[position]);
}

static void
contained_changed_cb (EntenteStateEditor *self,
                      GParamSpec         *pspec,
                      GtkSwitch          *sw)
{
  g_assert (ENTENTE_IS_STATE_EDITOR (self));

  if (self->updating > 0 || self->selected == NULL)
    return;

  g_signal_emit (self, signals[SIGNAL_ATTRIBUTE_CHANGED], 0, (int) ENTENTE_CHANGE_STATE,
                 self->selected, NULL, "contained",
                 gtk_switch_get_active (sw) ? "true" : "false");
}

static void
partner_changed_cb (EntenteStateEditor *self,
                    GParamSpec         *pspec,
                    GtkDropDown        *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  g_assert (ENTENTE_IS_STATE_EDITOR (self));

  if (self->updating > 0 || position >= self->partner_ids->len)
    return;

  set_str (&self->partner, g_ptr_array_index (self->partner_ids, position));
  self->updating++;
  update_pair (self, find_state (self->scenario, self->selected));
  self->updating--;
}

static void
name_activate_cb (EntenteStateEditor *self,
                  GtkEntry           *entry)
{
  g_autofree char *name = NULL;
  int index;

  g_assert (ENTENTE_IS_STATE_EDITOR (self));

  index = find_state (self->scenario, self->selected);
  if (index < 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  if (name[0] == '\0' ||
      g_strcmp0 (name, entente_scenario_get_state (self->scenario, index)->name) == 0)
    return;

  {
    g_autofree char *renamed = g_strdup_printf ("%s\n%s", self->selected, name);

    if (!set_str (&self->renamed, renamed))
      return;
  }

  g_signal_emit (self, signals[SIGNAL_ATTRIBUTE_CHANGED], 0, (int) ENTENTE_CHANGE_STATE,
                 self->selected, NULL, "name", name);
}

static void
name_focus_leave_cb (EntenteStateEditor *self)
{
  g_assert (ENTENTE_IS_STATE_EDITOR (self));

  name_activate_cb (self, self->name_entry);
}

static void
remove_clicked_cb (EntenteStateEditor *self,
                   GtkButton          *button)
{
  g_autofree char *id = NULL;

  g_assert (ENTENTE_IS_STATE_EDITOR (self));

  if (self->selected == NULL)
    return;

  id = g_strdup (self->selected);
  g_signal_emit (self, signals[SIGNAL_STATE_REMOVE_REQUESTED], 0, id);
}

static void
entente_state_editor_dispose (GObject *object)
{
  EntenteStateEditor *self = ENTENTE_STATE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_STATE_EDITOR);

  g_clear_object (&self->partner_names);
  g_clear_pointer (&self->scenario, entente_scenario_unref);

  G_OBJECT_CLASS (entente_state_editor_parent_class)->dispose (object);
}

static void
entente_state_editor_finalize (GObject *object)
{
  EntenteStateEditor *self = ENTENTE_STATE_EDITOR (object);

  g_clear_pointer (&self->partner_ids, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_free);
  g_clear_pointer (&self->partner, g_free);
  g_clear_pointer (&self->renamed, g_free);

  G_OBJECT_CLASS (entente_state_editor_parent_class)->finalize (object);
}

static void
entente_state_editor_class_init (EntenteStateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_state_editor_dispose;
  object_class->finalize = entente_state_editor_finalize;

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

  g_type_ensure (ENTENTE_TYPE_SLIDER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-state-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, details_title);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, remove_button);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, offence);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, pop);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, econ);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, mil);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, domestic);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, gp_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, contained_switch);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, partner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, affinity);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, commitment);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, rivalry);
  gtk_widget_class_bind_template_child (widget_class, EntenteStateEditor, contiguity);
  gtk_widget_class_bind_template_callback (widget_class, detail_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pair_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, gp_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, contained_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, partner_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stateeditor");
}

static void
entente_state_editor_init (EntenteStateEditor *self)
{
  GtkEventController *focus;
  GtkExpression *expression;

  self->partner_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* A new name applies on Enter and when focus leaves the entry, as in
   * GNOME's property panels. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (name_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_entry), focus);

  self->partner_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->partner_dropdown, G_LIST_MODEL (self->partner_names));
  /* Typing a name in the open list finds the state. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->partner_dropdown, expression);
  gtk_expression_unref (expression);
}

GtkWidget *
entente_state_editor_new (void)
{
  return g_object_new (ENTENTE_TYPE_STATE_EDITOR, NULL);
}

void
entente_state_editor_set_model (EntenteStateEditor *self,
                                EntenteScenario    *scenario,
                                const char         *id)
{
  g_return_if_fail (ENTENTE_IS_STATE_EDITOR (self));
  g_return_if_fail (scenario != NULL);

  if (self->scenario != scenario)
    {
      g_clear_pointer (&self->scenario, entente_scenario_unref);
      self->scenario = entente_scenario_ref (scenario);
    }
  set_str (&self->selected, id);

  update_details (self);
}
