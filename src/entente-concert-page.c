/* entente-concert-page.c: does a concert of great powers form, and what stops it
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-concert-page"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-concert-page.h"
#include "entente-format.h"

struct _EntenteConcertPage
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkLabel    *status;
  GtkLabel    *summary;
  GtkLabel    *members;
  GtkLabel    *contained;
  GtkLevelBar *j1_bar;
  GtkLevelBar *j2_bar;
  GtkLevelBar *j3_bar;
  GtkLevelBar *j4_bar;
  GtkLabel    *j1_value;
  GtkLabel    *j2_value;
  GtkLabel    *j3_value;
  GtkLabel    *j4_value;
  GtkLabel    *threshold;
  GtkWidget   *failures_heading;
  GtkListBox  *failures;

  GString     *failure_text;
};

G_DEFINE_FINAL_TYPE (EntenteConcertPage, entente_concert_page, GTK_TYPE_WIDGET)

static const char *
condition_name (guint condition)
{
  switch (condition)
    {
    case 1: return _("J1 Shock of war");
    case 2: return _("J2 Expansion does not pay");
    case 3: return _("J3 War seen as costly");
    case 4: return _("J4 Trust and transparency");
    default: return "";
    }
}

static void
clear_failures (EntenteConcertPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->failures))) != NULL)
    gtk_list_box_remove (self->failures, child);
  g_string_truncate (self->failure_text, 0);
}

static void
add_failure (EntenteConcertPage          *self,
             EntenteScenario             *scenario,
             const EntenteConcertFailure *failure)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *sentence, *who;
  g_autofree char *value = entente_format_number (failure->value);
  g_autofree char *title_text = NULL;
  g_autofree char *sentence_text = NULL;
  g_autoptr (GString) states = g_string_new (NULL);
  g_autofree char *who_text = NULL;

  /* Translators: a failing concert condition and its value, "J2 Expansion does not pay: 0.21". */
  title_text = g_strdup_printf (_("%s: %s"), condition_name (failure->condition), value);
  sentence_text = g_strdup_printf ("%s (%s)", entente_reason_get_sentence (failure->reason),
                                   entente_reason_get_citation (failure->reason));

  for (guint k = 0; k < G_N_ELEMENTS (failure->states); k++)
    if (failure->states[k] >= 0 && (guint) failure->states[k] < scenario->states->len)
      {
        if (states->len > 0)
          g_string_append (states, _(" and "));
        g_string_append (states, entente_scenario_get_state (scenario, failure->states[k])->name);
      }

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  title = gtk_label_new (title_text);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  sentence = gtk_label_new (sentence_text);
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_box_append (GTK_BOX (box), sentence);

  if (states->len > 0)
    {
      /* Translators: the states responsible for a failing condition. */
      who_text = g_strdup_printf (_("Responsible: %s"), states->str);
      who = gtk_label_new (who_text);
      gtk_label_set_xalign (GTK_LABEL (who), 0);
      gtk_label_set_wrap (GTK_LABEL (who), TRUE);
      gtk_widget_add_css_class (who, "dim-label");
      gtk_box_append (GTK_BOX (box), who);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->failures, row);

  g_string_append_printf (self->failure_text, "%s. %s.%s%s\n", title_text, sentence_text,
                          who_text ? " " : "", who_text ? who_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sentence_text,
                                  -1);
}

static void
set_gauge (GtkLevelBar *bar,
           GtkLabel    *label,
           double       value,
           double       theta,
           double       strong)
{
  g_autofree char *text = entente_format_number (value);

  /* The "low" offset is the threshold: a bar below it is styled as failing. */
  gtk_level_bar_add_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW, theta);
  gtk_level_bar_add_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH, strong);
  gtk_level_bar_add_offset_value (bar, GTK_LEVEL_BAR_OFFSET_FULL, 1.0);
  gtk_level_bar_set_value (bar, CLAMP (value, 0.0, 1.0));
  gtk_label_set_label (label, text);

  /* Below the threshold is failing: said in words by the failing list, in
   * red by the value, and by the bar's own colour. */
  if (value < theta)
    {
      gtk_widget_add_css_class (GTK_WIDGET (label), "entente-failing");
      gtk_widget_add_css_class (GTK_WIDGET (bar), "failing");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "entente-failing");
      gtk_widget_remove_css_class (GTK_WIDGET (bar), "failing");
    }
}

static void
entente_concert_page_dispose (GObject *object)
{
  EntenteConcertPage *self = ENTENTE_CONCERT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_CONCERT_PAGE);

  G_OBJECT_CLASS (entente_concert_page_parent_class)->dispose (object);
}

static void
entente_concert_page_finalize (GObject *object)
{
  EntenteConcertPage *self = ENTENTE_CONCERT_PAGE (object);

  g_string_free (self->failure_text, TRUE);

  G_OBJECT_CLASS (entente_concert_page_parent_class)->finalize (object);
}

static void
entente_concert_page_class_init (EntenteConcertPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_concert_page_dispose;
  object_class->finalize = entente_concert_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-concert-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, status);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, summary);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, members);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, contained);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, j1_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, j2_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, j3_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, j4_bar);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, j1_value);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, j2_value);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, j3_value);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, j4_value);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, threshold);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, failures_heading);
  gtk_widget_class_bind_template_child (widget_class, EntenteConcertPage, failures);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "concertpage");
}

static void
entente_concert_page_init (EntenteConcertPage *self)
{
  self->failure_text = g_string_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
entente_concert_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_CONCERT_PAGE, NULL);
}

void
entente_concert_page_set_model (EntenteConcertPage *self,
                                EntenteScenario    *scenario,
                                EntenteResult      *result)
{
  const EntenteConcertResult *concert;
  double theta, strong;
  g_autofree char *index = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *members = NULL;
  g_autofree char *members_text = NULL;
  g_autofree char *contained = NULL;
  g_autofree char *contained_text = NULL;
  g_autofree char *threshold = NULL;
  g_autofree char *theta_text = NULL;
  g_autofree char *strong_text = NULL;

  g_return_if_fail (ENTENTE_IS_CONCERT_PAGE (self));
  g_return_if_fail (scenario != NULL);

  if (result == NULL)
    {
      gtk_widget_add_css_class (self->box, "computing");
      return;
    }
  gtk_widget_remove_css_class (self->box, "computing");

  concert = &result->concert;
  theta = scenario->params.theta_j;
  strong = scenario->params.strong_j;

  if (concert->forms && concert->grand_coalition)
    {
      const char *target = concert->grand_coalition_target >= 0 &&
                           (guint) concert->grand_coalition_target < scenario->states->len ?
                           entente_scenario_get_state (scenario,
                                                       concert->grand_coalition_target)->name :
                           _("the strongest");
      g_autofree char *text = g_strdup_printf (_("A grand coalition against %s"), target);

      gtk_label_set_label (self->status, text);
    }
  else if (concert->forms && concert->strong)
    gtk_label_set_label (self->status, _("A strong concert forms"));
  else if (concert->forms)
    gtk_label_set_label (self->status, _("A concert forms"));
  else
    gtk_label_set_label (self->status, _("No concert"));

  index = entente_format_number (concert->index);
  {
    g_autofree char *coverage = entente_format_percent (concert->coverage);

    /* Translators: "Concert index 0.52 · coverage 80%". */
    summary = g_strdup_printf (_("Concert index %s · coverage %s"), index, coverage);
  }
  gtk_label_set_label (self->summary, summary);

  members = entente_format_state_list (scenario, concert->members);
  members_text = g_strdup_printf (_("Members: %s"), members);
  gtk_label_set_label (self->members, members_text);

  contained = entente_format_state_list (scenario, concert->contained);
  contained_text = g_strdup_printf (_("Outside, contained: %s"), contained);
  gtk_label_set_label (self->contained, contained_text);
  gtk_widget_set_visible (GTK_WIDGET (self->contained),
                          concert->contained != NULL && concert->contained->len > 0);

  set_gauge (self->j1_bar, self->j1_value, concert->j[0], theta, strong);
  set_gauge (self->j2_bar, self->j2_value, concert->j[1], theta, strong);
  set_gauge (self->j3_bar, self->j3_value, concert->j[2], theta, strong);
  set_gauge (self->j4_bar, self->j4_value, concert->j[3], theta, strong);

  theta_text = entente_format_number (theta);
  strong_text = entente_format_number (strong);
  /* Translators: "A concert forms when every condition is at least 0.40; strong from 0.60". */
  threshold = g_strdup_printf (_("A concert forms when every condition is at least %s; "
                                 "strong from %s."), theta_text, strong_text);
  gtk_label_set_label (self->threshold, threshold);

  clear_failures (self);
  for (guint k = 0; concert->failures != NULL && k < concert->failures->len; k++)
    add_failure (self, scenario,
                 &g_array_index (concert->failures, EntenteConcertFailure, k));
  gtk_widget_set_visible (self->failures_heading, self->failure_text->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->failures), self->failure_text->len > 0);
}

const char *
entente_concert_page_get_status (EntenteConcertPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_CONCERT_PAGE (self), NULL);

  return gtk_label_get_label (self->status);
}

char *
entente_concert_page_dup_failure_text (EntenteConcertPage *self)
{
  g_return_val_if_fail (ENTENTE_IS_CONCERT_PAGE (self), NULL);

  return g_strdup (self->failure_text->str);
}
