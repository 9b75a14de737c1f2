/* entente-contact-page.c: contact groups and groups of Friends, one per crisis
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-contact-page"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-contact-page.h"
#include "entente-format.h"

struct _EntenteContactPage
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkBox    *crises;
  GtkLabel  *empty;

  char      *signature;   /* what the page shows; rebuilt only when it changes */
};

G_DEFINE_FINAL_TYPE (EntenteContactPage, entente_contact_page, GTK_TYPE_WIDGET)

static const char *
factor_name (guint k)
{
  switch (k)
    {
    case 0: return _("V1 External context");
    case 1: return _("V2 Parties");
    case 2: return _("V3 Members’ interests");
    case 3: return _("V4 Leadership");
    case 4: return _("V5 Phase fit");
    default: return "";
    }
}

static void
add_line (GtkBox     *box,
          const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
}

static void
add_crisis (EntenteContactPage         *self,
            EntenteScenario            *scenario,
            const EntenteContactResult *contact)
{
  const EntenteCrisis *crisis = contact->crisis < scenario->crises->len ?
                                g_ptr_array_index (scenario->crises, contact->crisis) : NULL;
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *mode = NULL;
  g_autofree char *core = entente_format_state_list (scenario, contact->core);
  g_autofree char *group = entente_format_state_list (scenario, contact->group);
  g_autofree char *core_text = NULL;
  g_autofree char *group_text = NULL;
  g_autofree char *viability = entente_format_number (contact->viability);
  g_autofree char *viability_text = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "entente-crisis");

  add_line (GTK_BOX (card), crisis && crisis->name ? crisis->name : _("Crisis"), "heading");

  /* Translators: "Two-phase (Libya 2011), phase 2". */
  mode = g_strdup_printf (_("%s, phase %u"), entente_format_contact_mode (contact->mode),
                          contact->phase);
  add_line (GTK_BOX (card), mode, "dim-label");

  core_text = g_strdup_printf (_("Core: %s"), core);
  add_line (GTK_BOX (card), core_text, NULL);
  group_text = g_strdup_printf (_("Group: %s"), group);
  add_line (GTK_BOX (card), group_text, NULL);
  if (contact->friends != NULL && contact->friends->len > 0)
    {
      g_autofree char *friends = entente_format_state_list (scenario, contact->friends);
      g_autofree char *friends_text = g_strdup_printf (_("Friends: %s"), friends);

      add_line (GTK_BOX (card), friends_text, NULL);
    }

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  for (guint k = 0; k < G_N_ELEMENTS (contact->v); k++)
    {
      GtkWidget *name = gtk_label_new (factor_name (k));
      GtkWidget *bar = gtk_level_bar_new_for_interval (0.0, 1.0);
      g_autofree char *value_text = entente_format_number (contact->v[k]);
      GtkWidget *value = gtk_label_new (value_text);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (contact->v[k], 0.0, 1.0));
      gtk_level_bar_add_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW, 0.5);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, factor_name (k),
                                      -1);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "numeric");
      gtk_grid_attach (GTK_GRID (grid), name, 0, k, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), bar, 1, k, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value, 2, k, 1, 1);
    }
  gtk_box_append (GTK_BOX (card), grid);

  if (contact->limited)
    /* Translators: "Viability 0.42: limited success". */
    viability_text = g_strdup_printf (_("Viability %s: limited success"), viability);
  else
    viability_text = g_strdup_printf (_("Viability %s"), viability);
  add_line (GTK_BOX (card), viability_text, contact->limited ? "warning" : "heading");

  if (contact->caveats != NULL && contact->caveats->len > 0)
    add_line (GTK_BOX (card), _("Caveats in the operation"), "heading");

  for (guint k = 0; contact->caveats != NULL && k < contact->caveats->len; k++)
    {
      const EntenteCaveatResult *caveat = &g_array_index (contact->caveats,
                                                          EntenteCaveatResult, k);
      g_autofree char *text = NULL;

      if (caveat->state >= scenario->states->len)
        continue;
      /* Translators: a state's caveats in a coercive operation, "Germany: abstains". */
      text = g_strdup_printf (_("%s: %s"),
                              entente_scenario_get_state (scenario, caveat->state)->name,
                              caveat->participates ? entente_format_caveat (caveat->caveat)
                                                   : _("does not take part"));
      add_line (GTK_BOX (card), text, "caption");
    }

  gtk_box_append (self->crises, card);
}

static void
entente_contact_page_dispose (GObject *object)
{
  EntenteContactPage *self = ENTENTE_CONTACT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_CONTACT_PAGE);

  G_OBJECT_CLASS (entente_contact_page_parent_class)->dispose (object);
}

static void
entente_contact_page_finalize (GObject *object)
{
  EntenteContactPage *self = ENTENTE_CONTACT_PAGE (object);

  g_free (self->signature);

  G_OBJECT_CLASS (entente_contact_page_parent_class)->finalize (object);
}

static void
entente_contact_page_class_init (EntenteContactPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_contact_page_dispose;
  object_class->finalize = entente_contact_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-contact-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteContactPage, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteContactPage, crises);
  gtk_widget_class_bind_template_child (widget_class, EntenteContactPage, empty);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "contactpage");
}

static void
entente_contact_page_init (EntenteContactPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
entente_contact_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_CONTACT_PAGE, NULL);
}

void
entente_contact_page_set_model (EntenteContactPage *self,
                                EntenteScenario    *scenario,
                                EntenteResult      *result)
{
  g_autoptr (GString) signature = NULL;
  GtkWidget *child;
  guint n;

  g_return_if_fail (ENTENTE_IS_CONTACT_PAGE (self));
  g_return_if_fail (scenario != NULL);

  if (result == NULL)
    return;

  n = result->contacts ? result->contacts->len : 0;

  /* Crises are few, so the cards are rebuilt, but only when what they show
   * changed: most results during a drag leave them as they were. */
  signature = g_string_new (NULL);
  for (guint i = 0; i < scenario->states->len; i++)
    g_string_append_printf (signature, "%s|", entente_scenario_get_state (scenario, i)->name);
  for (guint k = 0; k < n; k++)
    {
      const EntenteContactResult *c = &g_array_index (result->contacts, EntenteContactResult, k);
      GArray *lists[] = { c->core, c->group, c->friends };

      g_string_append_printf (signature, "#%u %d %u %.2f %.2f %.2f %.2f %.2f %.2f", c->crisis,
                              c->mode, c->phase, c->v[0], c->v[1], c->v[2], c->v[3], c->v[4],
                              c->viability);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint m = 0; lists[l] != NULL && m < lists[l]->len; m++)
          g_string_append_printf (signature, "%c%u", 'a' + l, g_array_index (lists[l], guint, m));
      for (guint m = 0; c->caveats != NULL && m < c->caveats->len; m++)
        {
          const EntenteCaveatResult *cv = &g_array_index (c->caveats, EntenteCaveatResult, m);

          g_string_append_printf (signature, "c%u/%d/%d", cv->state, cv->participates,
                                  cv->caveat);
        }
    }

  if (g_strcmp0 (signature->str, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_strdup (signature->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->crises))) != NULL)
    gtk_box_remove (self->crises, child);

  for (guint k = 0; k < n; k++)
    add_crisis (self, scenario, &g_array_index (result->contacts, EntenteContactResult, k));

  gtk_widget_set_visible (GTK_WIDGET (self->empty), n == 0);
}
