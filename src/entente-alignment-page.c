/* entente-alignment-page.c: every state's behaviour, bloc, threat and reason, as a list
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-alignment-page"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-alignment-page.h"
#include "entente-format.h"

typedef struct
{
  char       *id;
  GtkWidget  *row;        /* GtkListBoxRow, owned by the list box */
  GtkLabel   *mark;
  GtkLabel   *name;
  GtkLabel   *bloc;
  GtkLabel   *summary;
  GtkLabel   *reason;
  char       *text;       /* accessible label */
  char       *css_class;  /* behaviour class on the row */
} AlignmentRow;

struct _EntenteAlignmentPage
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkListBox *list_box;
  GtkLabel   *status;

  GPtrArray  *rows;       /* of AlignmentRow* */
  guint       updating;
};

G_DEFINE_FINAL_TYPE (EntenteAlignmentPage, entente_alignment_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_STATE_SELECTED,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
alignment_row_free (AlignmentRow *row)
{
  g_free (row->id);
  g_free (row->text);
  g_free (row->css_class);
  g_free (row);
}

static GtkLabel *
add_label (GtkBox     *box,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);

  return GTK_LABEL (label);
}

static AlignmentRow *
alignment_row_new (const char *id)
{
  AlignmentRow *row = g_new0 (AlignmentRow, 1);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->id = g_strdup (id);
  row->row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row->row, "entente-alignment-row");

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);

  row->mark = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_valign (GTK_WIDGET (row->mark), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (row->mark), "behaviour-mark");
  gtk_label_set_width_chars (row->mark, 2);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row->mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (row->mark), 0, 0, 1, 1);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  row->name = add_label (GTK_BOX (title), "heading", FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (row->name), TRUE);
  row->bloc = add_label (GTK_BOX (title), "bloc-tag", FALSE);
  /* Single lines: with hundreds of states, wrapped labels make every result
   * re-measure the whole list (height-for-width). The full reason is in the
   * tooltip and the row's accessible description. */
  row->summary = add_label (GTK_BOX (text), NULL, FALSE);
  row->reason = add_label (GTK_BOX (text), "dim-label", FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row->reason), "caption");
  gtk_grid_attach (GTK_GRID (grid), text, 1, 0, 1, 1);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), grid);

  return row;
}

static void
alignment_row_update (AlignmentRow    *row,
                      EntenteScenario *scenario,
                      EntenteResult   *result,
                      guint            index)
{
  const EntenteState *state = entente_scenario_get_state (scenario, index);
  const EntenteStateResult *sr;
  const char *title;
  const char *threat = NULL;
  const char *bloc_class;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;

  gtk_label_set_label (row->name, state->name);

  /* While computing, a row keeps what it showed: results follow each other
   * at drag rate and the text must not flicker. A new row says it waits. */
  if (result == NULL || index >= result->n)
    {
      if (row->text == NULL)
        gtk_label_set_label (row->summary, _("Computing…"));
      return;
    }

  sr = &result->states[index];
  title = entente_behaviour_get_title (sr->label);
  if (sr->threat >= 0 && (guint) sr->threat < scenario->states->len)
    threat = entente_scenario_get_state (scenario, sr->threat)->name;

  text = entente_format_alignment (state->name, title, sr->bloc, threat);
  if (g_strcmp0 (text, row->text) != 0)
    {
      g_free (row->text);
      row->text = g_steal_pointer (&text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, row->text,
                                      -1);
    }

  if (threat != NULL)
    /* Translators: "Balancing · threat: France". */
    summary = g_strdup_printf (_("%s · threat: %s"), title, threat);
  else
    summary = g_strdup (title);
  gtk_label_set_label (row->summary, summary);

  if (sr->label_reason != ENTENTE_REASON_NONE)
    reason = g_strdup_printf ("%s (%s)", entente_reason_get_sentence (sr->label_reason),
                              entente_reason_get_citation (sr->label_reason));
  else
    reason = g_strdup ("");

  /* When the coalitions overrode the state's own strategy (§6.6), say what
   * it first chose and why: the label alone hides the reconciliation. */
  if (sr->disposition != sr->label && sr->disposition_reason != ENTENTE_REASON_NONE)
    {
      g_autofree char *label_reason = g_steal_pointer (&reason);

      /* Translators: the final label's reason, then the state's own strategy
       * before the coalitions reconciled it: "…; its own strategy: Balancing
       * (It balances against its principal threat)". */
      reason = g_strdup_printf (_("%s; its own strategy: %s (%s)"), label_reason,
                                entente_behaviour_get_title (sr->disposition),
                                entente_reason_get_sentence (sr->disposition_reason));
    }
  if (g_strcmp0 (reason, gtk_label_get_label (row->reason)) != 0)
    {
      gtk_label_set_label (row->reason, reason);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row->reason), reason);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reason,
                                      -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (row->reason), reason[0] != '\0');

  gtk_label_set_label (row->mark, entente_format_behaviour_symbol (sr->label));
  gtk_label_set_label (row->bloc, entente_format_bloc (sr->bloc));

  if (g_strcmp0 (row->css_class, entente_behaviour_to_string (sr->label)) != 0)
    {
      if (row->css_class != NULL)
        gtk_widget_remove_css_class (row->row, row->css_class);
      g_free (row->css_class);
      row->css_class = g_strdup (entente_behaviour_to_string (sr->label));
      gtk_widget_add_css_class (row->row, row->css_class);
    }

  bloc_class = sr->bloc == ENTENTE_BLOC_A ? "bloc-a" : sr->bloc == ENTENTE_BLOC_B ? "bloc-b" : "bloc-u";
  gtk_widget_remove_css_class (GTK_WIDGET (row->bloc), "bloc-a");
  gtk_widget_remove_css_class (GTK_WIDGET (row->bloc), "bloc-b");
  gtk_widget_remove_css_class (GTK_WIDGET (row->bloc), "bloc-u");
  gtk_widget_add_css_class (GTK_WIDGET (row->bloc), bloc_class);
}

static void
row_selected_cb (EntenteAlignmentPage *self,
                 GtkListBoxRow        *list_row,
                 GtkListBox           *list_box)
{
  int index;

  g_assert (ENTENTE_IS_ALIGNMENT_PAGE (self));

  if (self->updating > 0 || list_row == NULL)
    return;

  index = gtk_list_box_row_get_index (list_row);
  if (index < 0 || (guint) index >= self->rows->len)
    return;

  g_signal_emit (self, signals[SIGNAL_STATE_SELECTED], 0,
                 ((AlignmentRow *) g_ptr_array_index (self->rows, index))->id);
}

static gboolean
row_is (EntenteAlignmentPage *self,
        guint                 position,
        EntenteScenario      *scenario,
        guint                 index)
{
  return g_str_equal (((AlignmentRow *) g_ptr_array_index (self->rows, position))->id,
                      entente_scenario_get_state (scenario, index)->id);
}

static gboolean
same_states (EntenteAlignmentPage *self,
             EntenteScenario      *scenario)
{
  if (self->rows->len != entente_scenario_get_n_states (scenario))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    if (!g_str_equal (((AlignmentRow *) g_ptr_array_index (self->rows, i))->id,
                      entente_scenario_get_state (scenario, i)->id))
      return FALSE;

  return TRUE;
}

static void
entente_alignment_page_dispose (GObject *object)
{
  EntenteAlignmentPage *self = ENTENTE_ALIGNMENT_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_ALIGNMENT_PAGE);

  G_OBJECT_CLASS (entente_alignment_page_parent_class)->dispose (object);
}

static void
entente_alignment_page_finalize (GObject *object)
{
  EntenteAlignmentPage *self = ENTENTE_ALIGNMENT_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (entente_alignment_page_parent_class)->finalize (object);
}

static void
entente_alignment_page_class_init (EntenteAlignmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_alignment_page_dispose;
  object_class->finalize = entente_alignment_page_finalize;

  signals[SIGNAL_STATE_SELECTED] =
    g_signal_new ("state-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-alignment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteAlignmentPage, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteAlignmentPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, EntenteAlignmentPage, status);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "alignmentpage");
}

static void
entente_alignment_page_init (EntenteAlignmentPage *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) alignment_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
entente_alignment_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_ALIGNMENT_PAGE, NULL);
}

void
entente_alignment_page_set_model (EntenteAlignmentPage *self,
                                  EntenteScenario      *scenario,
                                  EntenteResult        *result)
{
  guint n;

  g_return_if_fail (ENTENTE_IS_ALIGNMENT_PAGE (self));
  g_return_if_fail (scenario != NULL);

  n = entente_scenario_get_n_states (scenario);
  if (result != NULL && result->n != n)
    result = NULL;

  self->updating++;

  if (!same_states (self, scenario))
    {
      guint old_n = self->rows->len;
      guint prefix = 0, suffix = 0;

      /* Replace only the rows of states that changed (one added, one
       * removed): rebuilding hundreds of rows would stall the window. */
      while (prefix < old_n && prefix < n && row_is (self, prefix, scenario, prefix))
        prefix++;
      while (suffix < old_n - prefix && suffix < n - prefix &&
             row_is (self, old_n - 1 - suffix, scenario, n - 1 - suffix))
        suffix++;

      for (guint k = prefix; k < old_n - suffix; k++)
        gtk_list_box_remove (self->list_box,
                             ((AlignmentRow *) g_ptr_array_index (self->rows, k))->row);
      g_ptr_array_remove_range (self->rows, prefix, old_n - prefix - suffix);

      for (guint i = prefix; i < n - suffix; i++)
        {
          AlignmentRow *row = alignment_row_new (entente_scenario_get_state (scenario, i)->id);

          g_ptr_array_insert (self->rows, i, row);
          gtk_list_box_insert (self->list_box, row->row, i);
        }
    }

  for (guint i = 0; i < n; i++)
    alignment_row_update (g_ptr_array_index (self->rows, i), scenario, result, i);

  self->updating--;

  gtk_widget_set_visible (GTK_WIDGET (self->status), n == 0);
}

void
entente_alignment_page_set_selected (EntenteAlignmentPage *self,
                                     const char           *id)
{
  GtkListBoxRow *target = NULL;

  g_return_if_fail (ENTENTE_IS_ALIGNMENT_PAGE (self));

  for (guint i = 0; id != NULL && i < self->rows->len; i++)
    {
      AlignmentRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (row->id, id))
        target = GTK_LIST_BOX_ROW (row->row);
    }

  self->updating++;
  if (target != NULL)
    gtk_list_box_select_row (self->list_box, target);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->updating--;
}

const char *
entente_alignment_page_get_row_text (EntenteAlignmentPage *self,
                                     guint                 index)
{
  g_return_val_if_fail (ENTENTE_IS_ALIGNMENT_PAGE (self), NULL);

  if (index >= self->rows->len)
    return NULL;

  return ((AlignmentRow *) g_ptr_array_index (self->rows, index))->text;
}
