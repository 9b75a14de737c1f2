/* entente-alliance-page.c: allied dyads: abandonment and entrapment, asymmetry, durability
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-alliance-page"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-alliance-page.h"
#include "entente-format.h"

struct _EntenteAlliancePage
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkListBox *dyads;
  GtkLabel   *empty;

  GPtrArray  *texts;       /* accessible label per row */
  char       *signature;   /* what the rows show; rebuilt only when it changes */
};

G_DEFINE_FINAL_TYPE (EntenteAlliancePage, entente_alliance_page, GTK_TYPE_WIDGET)

static const char *
state_name (EntenteScenario *scenario,
            guint            index)
{
  return index < scenario->states->len ? entente_scenario_get_state (scenario, index)->name : "?";
}

/* "France fears abandonment (0.42): tighten and support" */
static char *
describe_fear (EntenteScenario         *scenario,
               const EntenteDyadResult *dyad,
               guint                    side)
{
  const char *who = state_name (scenario, side == 0 ? dyad->i : dyad->j);
  g_autofree char *fa = entente_format_number (dyad->fear_abandonment[side]);
  g_autofree char *fe = entente_format_number (dyad->fear_entrapment[side]);

  switch (dyad->dominant[side])
    {
    case ENTENTE_FEAR_ABANDONMENT:
      /* Translators: Snyder's alliance dilemma, "France fears abandonment (0.42 against
       * entrapment 0.10): tighten and support". */
      return g_strdup_printf (_("%s fears abandonment (%s against entrapment %s): "
                                "tighten and support"), who, fa, fe);
    case ENTENTE_FEAR_ENTRAPMENT:
      return g_strdup_printf (_("%s fears entrapment (%s against abandonment %s): "
                                "distance and restrain"), who, fe, fa);
    case ENTENTE_FEAR_NONE:
    default:
      return g_strdup_printf (_("%s fears neither abandonment nor entrapment"), who);
    }
}

static void
add_label (GtkBox     *box,
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
add_dyad (EntenteAlliancePage     *self,
          EntenteScenario         *scenario,
          const EntenteDyadResult *dyad)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = NULL;
  g_autofree char *fear_i = describe_fear (scenario, dyad, 0);
  g_autofree char *fear_j = describe_fear (scenario, dyad, 1);
  g_autofree char *risk = entente_format_percent (dyad->break_risk);
  g_autofree char *risk_text = NULL;
  g_autoptr (GString) tags = g_string_new (NULL);
  g_autoptr (GString) description = g_string_new (NULL);

  /* Translators: an alliance, "France and Russia". */
  title = g_strdup_printf (_("%s and %s"), state_name (scenario, dyad->i),
                           state_name (scenario, dyad->j));
  if (dyad->tethered)
    g_string_append (tags, _("tethered: rivals held together"));
  if (dyad->asymmetric)
    g_string_append_printf (tags, "%s%s", tags->len ? ", " : "",
                            dyad->viable ? _("asymmetric") : _("asymmetric, not viable"));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  add_label (GTK_BOX (box), title, "heading");
  if (tags->len > 0)
    add_label (GTK_BOX (box), tags->str, "dim-label");
  add_label (GTK_BOX (box), fear_i, NULL);
  add_label (GTK_BOX (box), fear_j, NULL);
  g_string_append_printf (description, "%s. %s.", fear_i, fear_j);

  if (dyad->asymmetric)
    {
      g_autofree char *ratio = entente_format_number (dyad->ratio);
      g_autofree char *net_major = entente_format_number (dyad->net_major);
      g_autofree char *net_minor = entente_format_number (dyad->net_minor);
      guint minor = dyad->major == dyad->i ? dyad->j : dyad->i;
      /* Translators: Morrow's autonomy–security trade in an asymmetric alliance. */
      g_autofree char *trade = g_strdup_printf (_("%s gains autonomy (net %s), %s security "
                                                  "(net %s); capability ratio %s"),
                                                state_name (scenario, dyad->major), net_major,
                                                state_name (scenario, minor), net_minor, ratio);

      add_label (GTK_BOX (box), trade, "caption");
      g_string_append_printf (description, " %s.", trade);
    }

  /* Translators: the risk that an alliance breaks as capabilities shift (Morrow 1991). */
  risk_text = g_strdup_printf (_("Break risk %s (Morrow 1991)"), risk);
  add_label (GTK_BOX (box), risk_text, dyad->break_risk >= 0.5 ? "entente-failing" : "caption");
  g_string_append_printf (description, " %s.", risk_text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (tags->len > 0)
    g_ptr_array_add (self->texts, g_strdup_printf ("%s: %s", title, tags->str));
  else
    g_ptr_array_add (self->texts, g_strdup (title));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_ptr_array_index (self->texts, self->texts->len - 1),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_list_box_append (self->dyads, row);
}

static void
entente_alliance_page_dispose (GObject *object)
{
  EntenteAlliancePage *self = ENTENTE_ALLIANCE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_ALLIANCE_PAGE);

  G_OBJECT_CLASS (entente_alliance_page_parent_class)->dispose (object);
}

static void
entente_alliance_page_finalize (GObject *object)
{
  EntenteAlliancePage *self = ENTENTE_ALLIANCE_PAGE (object);

  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);

  G_OBJECT_CLASS (entente_alliance_page_parent_class)->finalize (object);
}

static void
entente_alliance_page_class_init (EntenteAlliancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_alliance_page_dispose;
  object_class->finalize = entente_alliance_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-alliance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteAlliancePage, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteAlliancePage, dyads);
  gtk_widget_class_bind_template_child (widget_class, EntenteAlliancePage, empty);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "alliancepage");
}

static void
entente_alliance_page_init (EntenteAlliancePage *self)
{
  self->texts = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
entente_alliance_page_new (void)
{
  return g_object_new (ENTENTE_TYPE_ALLIANCE_PAGE, NULL);
}

void
entente_alliance_page_set_model (EntenteAlliancePage *self,
                                 EntenteScenario     *scenario,
                                 EntenteResult       *result)
{
  g_autoptr (GString) signature = NULL;
  GtkWidget *child;
  guint n;

  g_return_if_fail (ENTENTE_IS_ALLIANCE_PAGE (self));
  g_return_if_fail (scenario != NULL);

  if (result == NULL)
    return;

  n = result->dyads ? result->dyads->len : 0;

  /* Rebuilt only when what the rows show (to two decimals) changed. */
  signature = g_string_new (NULL);
  for (guint i = 0; i < scenario->states->len; i++)
    g_string_append_printf (signature, "%s|", entente_scenario_get_state (scenario, i)->name);
  for (guint k = 0; k < n; k++)
    {
      const EntenteDyadResult *d = &g_array_index (result->dyads, EntenteDyadResult, k);

      g_string_append_printf (signature, "#%u %u %.2f %.2f %.2f %.2f %d %d %d %d %d %u %.2f %.2f "
                              "%.2f %d %.2f", d->i, d->j, d->fear_abandonment[0],
                              d->fear_abandonment[1], d->fear_entrapment[0],
                              d->fear_entrapment[1], d->dominant[0], d->dominant[1], d->tethered,
                              d->asymmetric, d->viable, d->major, d->ratio, d->net_major,
                              d->net_minor, d->viable, d->break_risk);
    }

  if (g_strcmp0 (signature->str, self->signature) == 0)
    return;
  g_free (self->signature);
  self->signature = g_strdup (signature->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->dyads))) != NULL)
    gtk_list_box_remove (self->dyads, child);
  g_ptr_array_set_size (self->texts, 0);

  for (guint k = 0; k < n; k++)
    add_dyad (self, scenario, &g_array_index (result->dyads, EntenteDyadResult, k));

  gtk_widget_set_visible (GTK_WIDGET (self->empty), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->dyads), n > 0);
}

const char *
entente_alliance_page_get_row_text (EntenteAlliancePage *self,
                                    guint                index)
{
  g_return_val_if_fail (ENTENTE_IS_ALLIANCE_PAGE (self), NULL);

  if (index >= self->texts->len)
    return NULL;

  return g_ptr_array_index (self->texts, index);
}
