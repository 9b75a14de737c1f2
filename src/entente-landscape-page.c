/* entente-landscape-page.c: the landscape's energy and its local minima
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-landscape-page"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-format.h"
#include "entente-landscape-page.h"

struct _EntenteLandscapePage
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkLabel   *energy;
  GtkLabel   *method;
  GtkLabel   *metastable;
  GtkListBox *minima;

  char       *signature;   /* what the rows show; rebuilt only when it changes */
  guint       n_rows;
  int         minimum;     /* -1 = current configuration */
  guint       updating;
};

G_DEFINE_FINAL_TYPE (EntenteLandscapePage, entente_landscape_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_MINIMUM_SELECTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

/* At most this many names per bloc in a row: a landscape of hundreds of
 * states stays readable (and cheap), the rest is counted. */
#define MAX_NAMES 12

/* "A: France, UK · B: Germany · unaligned: Italy" for one configuration. */
static char *
describe_config (EntenteScenario *scenario,
                 const guint8    *config,
                 guint            n)
{
  g_autoptr (GString) str = g_string_new (NULL);
  const char *names[3] = { _("A"), _("B"), _("unaligned") };

  for (guint bloc = 0; bloc < 3; bloc++)
    {
      guint count = 0;

      for (guint i = 0; i < n && i < scenario->states->len; i++)
        {
          if (config[i] != bloc)
            continue;
          if (count == 0)
            g_string_append_printf (str, "%s%s: ", str->len > 0 ? " · " : "", names[bloc]);
          else if (count < MAX_NAMES)
            g_string_append (str, ", ");
          if (count < MAX_NAMES)
            g_string_append (str, entente_scenario_get_state (scenario, i)->name);
          count++;
        }

      if (count > MAX_NAMES)
        {
          guint more = count - MAX_NAMES;

          /* Translators: after a list of state names cut short, "and 488 more". */
          g_string_append_printf (str, " ");
          g_string_append_printf (str, ngettext ("and %u more", "and %u more", more), more);
        }
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
add_row (EntenteLandscapePage *self,
         const char           *title,
         const char           *detail,
         const char           *config)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  g_autofree char *description = g_strdup_printf ("%s. %s", detail, config);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (detail);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (config);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_list_box_append (self->minima, row);
  self->n_rows++;
}

static void
select_minimum (EntenteLandscapePage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->minima, self->minimum + 1);

  self->updating++;
  if (row != NULL)
    gtk_list_box_select_row (self->minima, row);
  else
    gtk_list_box_unselect_all (self->minima);
  self->updating--;
}

static void
row_selected_cb (EntenteLandscapePage *self,
                 GtkListBoxRow        *row,
                 GtkListBox           *list_box)
{
  g_assert (ENTENTE_IS_LANDSCAPE_PAGE (self));

  if (self->updating > 0 || row == NULL)
    return;

  self->minimum = gtk_list_box_row_get_index (row) - 1;
  g_signal_emit (self, signals[SIGNAL_MINIMUM_SELECTED], 0, self->minimum);
}

static void
entente_landscape_page_dispose (GObject *object)
{
  EntenteLandscapePage *self = ENTENTE_LANDSCAPE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_LANDSCAPE_PAGE);

  G_OBJECT_CLASS (entente_landscape_page_parent_class)->dispose (object);
}

static void
entente_landscape_page_finalize (GObject *object)
{
  EntenteLandscapePage *self = ENTENTE_LANDSCAPE_PAGE (object);

  g_free (self->signature);

  G_OBJECT_CLASS (entente_landscape_page_parent_class)->finalize (object);
}

static void
entente_landscape_page_class_init (EntenteLandscapePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_landscape_page_dispose;
  object_class->finalize = entente_landscape_page_finalize;

  signals[SIGNAL_MINIMUM_SELECTED] =
    g_signal_new ("minimum-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-landscape-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteLandscapePage, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteLandscapePage, energy);
  gtk_widget_class_bind_template_child (widget_class, EntenteLandscapePage, method);
  gtk_widget_class_bind_template_child (widget_class, EntenteLandscapePage, metastable);
  gtk_widget_class_bind_template_child (widget_class, EntenteLandscapePage, minima);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "landscapepage");
}

static void
entente_landscape_page_init (EntenteLandscapePage *self)
{
  self->minimum = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
entente_landscape_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_LANDSCAPE_PAGE, NULL);
}

void
entente_landscape_page_set_model (EntenteLandscapePage *self,
                                  EntenteScenario      *scenario,
                                  EntenteResult        *result)
{
  const EntenteLandscapeSolution *solution;
  g_autoptr (GString) signature = NULL;
  g_autofree char *energy = NULL;
  g_autofree char *energy_text = NULL;

  g_return_if_fail (ENTENTE_IS_LANDSCAPE_PAGE (self));
  g_return_if_fail (scenario != NULL);

  if (result == NULL || result->landscape == NULL)
    return;

  solution = result->landscape;

  energy = entente_format_number (solution->current_energy);
  /* Translators: the energy of the current configuration, "Energy −3.21". */
  energy_text = g_strdup_printf (_("Energy %s"), energy);
  gtk_label_set_label (self->energy, energy_text);
  gtk_label_set_label (self->method,
                       solution->exact ? _("Every configuration was enumerated.")
                                       : _("Minima found by repeated descents; "
                                           "basin shares are shares of the starts."));
  gtk_widget_set_visible (GTK_WIDGET (self->metastable), solution->metastable);

  /* Rebuild the rows only when what they show changed: results arrive at
   * slider-drag rate and most leave the landscape as it was. */
  signature = g_string_new (NULL);
  g_string_append_printf (signature, "%u %d %.6g|", solution->n, solution->current_minimum,
                          solution->current_energy);
  for (guint i = 0; i < solution->n; i++)
    g_string_append_c (signature, '0' + solution->current[i]);
  for (guint k = 0; solution->minima != NULL && k < solution->minima->len; k++)
    {
      const EntenteLandscapeMinimum *m = &g_array_index (solution->minima,
                                                         EntenteLandscapeMinimum, k);

      g_string_append_printf (signature, "|%.6g %.4g ", m->energy, m->basin);
      for (guint i = 0; i < solution->n; i++)
        g_string_append_c (signature, '0' + m->config[i]);
    }
  for (guint i = 0; i < scenario->states->len; i++)
    g_string_append_printf (signature, "|%s", entente_scenario_get_state (scenario, i)->name);

  if (g_strcmp0 (signature->str, self->signature) == 0)
    return;

  g_free (self->signature);
  self->signature = g_strdup (signature->str);

  self->updating++;
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->minima))) != NULL)
      gtk_list_box_remove (self->minima, child);
    self->n_rows = 0;
  }

  {
    g_autofree char *config = describe_config (scenario, solution->current, solution->n);
    g_autofree char *detail = NULL;

    if (solution->current_minimum >= 0)
      /* Translators: the current configuration is local minimum number %u. */
      detail = g_strdup_printf (_("Energy %s · minimum %d"), energy,
                                solution->current_minimum + 1);
    else
      detail = g_strdup_printf (_("Energy %s"), energy);
    add_row (self, _("Current configuration"), detail, config);
  }

  for (guint k = 0; solution->minima != NULL && k < solution->minima->len; k++)
    {
      const EntenteLandscapeMinimum *m = &g_array_index (solution->minima,
                                                         EntenteLandscapeMinimum, k);
      g_autofree char *title = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *value = entente_format_number (m->energy);
      g_autofree char *basin = entente_format_percent (m->basin);
      g_autofree char *config = describe_config (scenario, m->config, solution->n);

      if ((int) k == solution->current_minimum)
        /* Translators: "Minimum 2 (current)". */
        title = g_strdup_printf (_("Minimum %u (current)"), k + 1);
      else
        title = g_strdup_printf (_("Minimum %u"), k + 1);
      /* Translators: "Energy −3.21 · basin 42%". */
      detail = g_strdup_printf (_("Energy %s · basin %s"), value, basin);
      add_row (self, title, detail, config);
    }

  if (self->minimum + 1 >= (int) self->n_rows)
    self->minimum = -1;
  self->updating--;

  select_minimum (self);
}

void
entente_landscape_page_set_minimum (EntenteLandscapePage *self,
                                    int                   index)
{
  g_return_if_fail (ENTENTE_IS_LANDSCAPE_PAGE (self));
  g_return_if_fail (index >= -1);

  self->minimum = index;
  select_minimum (self);
}

int
entente_landscape_page_get_minimum (EntenteLandscapePage *self)
{
  g_return_val_if_fail (ENTENTE_IS_LANDSCAPE_PAGE (self), -1);

  return self->minimum;
}

guint
entente_landscape_page_get_n_rows (EntenteLandscapePage *self)
{
  g_return_val_if_fail (ENTENTE_IS_LANDSCAPE_PAGE (self), 0);

  return self->n_rows;
}

void
entente_landscape_page_activate_row (EntenteLandscapePage *self,
                                     guint                 row)
{
  GtkListBoxRow *list_row;

  g_return_if_fail (ENTENTE_IS_LANDSCAPE_PAGE (self));

  list_row = gtk_list_box_get_row_at_index (self->minima, row);
  g_return_if_fail (list_row != NULL);

  gtk_list_box_select_row (self->minima, list_row);
}
