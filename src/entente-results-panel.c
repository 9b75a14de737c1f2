/* entente-results-panel.c: what the model computed: alignments, concert, contact groups, landscape, polarity
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-results-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "entente-alignment-page.h"
#include "entente-alliance-page.h"
#include "entente-concert-page.h"
#include "entente-contact-page.h"
#include "entente-format.h"
#include "entente-landscape-page.h"
#include "entente-results-panel.h"

struct _EntenteResultsPanel
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkStack             *stack;
  EntenteAlignmentPage *alignment_page;
  EntenteAlliancePage  *alliance_page;
  EntenteConcertPage   *concert_page;
  EntenteContactPage   *contact_page;
  EntenteLandscapePage *landscape_page;
  GtkLabel             *polarity;
  GtkLabel             *poles;
  GtkLabel             *lead;
  GtkLabel             *concentration;
  GtkLabel             *flags;
  GtkLabel             *bloc_a;
  GtkLabel             *bloc_b;
  GtkLabel             *counterbalancing;

  char                 *selected;

  /* The latest model, and which pages have not seen it yet: a page is
   * brought up to date when it is shown, so results arriving at drag rate
   * cost only the visible page. */
  EntenteScenario      *scenario;
  EntenteResult        *result;
  guint                 stale;          /* bit per Page */
};

typedef enum
{
  PAGE_ALIGNMENTS = 1 << 0,
  PAGE_CONCERT    = 1 << 1,
  PAGE_CONTACT    = 1 << 2,
  PAGE_LANDSCAPE  = 1 << 3,
  PAGE_POLARITY   = 1 << 4,
  PAGE_ALLIANCES  = 1 << 5,
  PAGE_ALL        = (1 << 6) - 1,
} Page;

G_DEFINE_FINAL_TYPE (EntenteResultsPanel, entente_results_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS,
};

enum {
  SIGNAL_STATE_SELECTED,
  SIGNAL_MINIMUM_SELECTED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
state_selected_cb (EntenteResultsPanel *self,
                   const char          *id)
{
  g_assert (ENTENTE_IS_RESULTS_PANEL (self));

  if (g_strcmp0 (self->selected, id) != 0)
    {
      g_free (self->selected);
      self->selected = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  g_signal_emit (self, signals[SIGNAL_STATE_SELECTED], 0, id);
}

static void
minimum_selected_cb (EntenteResultsPanel *self,
                     int                  index)
{
  g_assert (ENTENTE_IS_RESULTS_PANEL (self));

  g_signal_emit (self, signals[SIGNAL_MINIMUM_SELECTED], 0, index);
}

static void
set_bloc (GtkLabel                *label,
          EntenteScenario         *scenario,
          const EntenteBlocResult *bloc,
          const char              *name)
{
  g_autofree char *members = entente_format_state_list (scenario, bloc->members);
  g_autofree char *capability = entente_format_percent (bloc->capability);
  /* Translators: "Bloc A (capability 55%): France, Russia". */
  g_autofree char *text = g_strdup_printf (_("%s (capability %s): %s"), name, capability, members);

  gtk_label_set_label (label, text);
}

static void
update_polarity (EntenteResultsPanel *self,
                 EntenteScenario     *scenario,
                 EntenteResult       *result)
{
  g_autofree char *poles = entente_format_state_list (scenario, result->poles);
  g_autofree char *poles_text = g_strdup_printf (_("Poles: %s"), poles);
  g_autofree char *concentration = entente_format_number (result->concentration);
  g_autofree char *concentration_text = NULL;
  g_autofree char *counter = entente_format_state_list (scenario, result->counterbalancing);
  g_autofree char *counter_text = NULL;
  g_autoptr (GString) flags = g_string_new (NULL);

  /* The model calls an empty system unipolar (no second pole); with no
   * state at all, "Unipolar" above "Poles: none" reads as a contradiction. */
  if (result->n == 0)
    gtk_label_set_label (self->polarity, _("No states"));
  else
    gtk_label_set_label (self->polarity, entente_format_polarity (result->polarity));
  gtk_label_set_label (self->poles, poles_text);

  if (result->lead >= 0 && (guint) result->lead < scenario->states->len)
    {
      g_autofree char *lead = g_strdup_printf (_("Leading state: %s"),
                                               entente_scenario_get_state (scenario,
                                                                           result->lead)->name);
      gtk_label_set_label (self->lead, lead);
    }
  else
    gtk_label_set_label (self->lead, _("No leading state"));

  /* Translators: the concentration of capability, CON. */
  concentration_text = g_strdup_printf (_("Concentration %s"), concentration);
  gtk_label_set_label (self->concentration, concentration_text);

  if (result->hegemonic)
    g_string_append (flags, _("A hegemon dominates the system."));
  if (result->unbalanced)
    g_string_append_printf (flags, "%s%s", flags->len ? " " : "",
                            _("The leading state outweighs any other pole: unbalanced."));
  gtk_label_set_label (self->flags, flags->str);
  gtk_widget_set_visible (GTK_WIDGET (self->flags), flags->len > 0);

  set_bloc (self->bloc_a, scenario, &result->blocs[0], _("Bloc A"));
  set_bloc (self->bloc_b, scenario, &result->blocs[1], _("Bloc B"));

  counter_text = g_strdup_printf (_("Counterbalancing the leading state: %s"), counter);
  gtk_label_set_label (self->counterbalancing, counter_text);
}

static Page
page_from_name (const char *name)
{
  if (g_strcmp0 (name, "alignments") == 0)
    return PAGE_ALIGNMENTS;
  if (g_strcmp0 (name, "concert") == 0)
    return PAGE_CONCERT;
  if (g_strcmp0 (name, "contact") == 0)
    return PAGE_CONTACT;
  if (g_strcmp0 (name, "landscape") == 0)
    return PAGE_LANDSCAPE;
  if (g_strcmp0 (name, "polarity") == 0)
    return PAGE_POLARITY;
  if (g_strcmp0 (name, "alliances") == 0)
    return PAGE_ALLIANCES;
  return 0;
}

/* Brings the pages in @pages up to date with the latest model. */
static void
flush (EntenteResultsPanel *self,
       Page                 pages)
{
  Page todo = self->stale & pages;

  if (todo == 0 || self->scenario == NULL)
    return;

  self->stale &= ~todo;

  if (todo & PAGE_ALIGNMENTS)
    {
      entente_alignment_page_set_model (self->alignment_page, self->scenario, self->result);
      /* Rows may have been rebuilt (states added or removed): select again. */
      entente_alignment_page_set_selected (self->alignment_page, self->selected);
    }
  if (todo & PAGE_CONCERT)
    entente_concert_page_set_model (self->concert_page, self->scenario, self->result);
  if (todo & PAGE_CONTACT)
    entente_contact_page_set_model (self->contact_page, self->scenario, self->result);
  if (todo & PAGE_LANDSCAPE)
    entente_landscape_page_set_model (self->landscape_page, self->scenario, self->result);
  if (todo & PAGE_ALLIANCES)
    entente_alliance_page_set_model (self->alliance_page, self->scenario, self->result);
  if ((todo & PAGE_POLARITY) && self->result != NULL)
    update_polarity (self, self->scenario, self->result);
}

static void
visible_child_cb (EntenteResultsPanel *self,
                  GParamSpec          *pspec,
                  GtkStack            *stack)
{
  g_assert (ENTENTE_IS_RESULTS_PANEL (self));

  flush (self, page_from_name (gtk_stack_get_visible_child_name (stack)));
}

static void
entente_results_panel_dispose (GObject *object)
{
  EntenteResultsPanel *self = ENTENTE_RESULTS_PANEL (object);

  g_clear_pointer (&self->result, entente_result_unref);
  g_clear_pointer (&self->scenario, entente_scenario_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_RESULTS_PANEL);

  G_OBJECT_CLASS (entente_results_panel_parent_class)->dispose (object);
}

static void
entente_results_panel_finalize (GObject *object)
{
  EntenteResultsPanel *self = ENTENTE_RESULTS_PANEL (object);

  g_clear_pointer (&self->selected, g_free);

  G_OBJECT_CLASS (entente_results_panel_parent_class)->finalize (object);
}

static void
entente_results_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  EntenteResultsPanel *self = ENTENTE_RESULTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, entente_results_panel_get_selected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_results_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  EntenteResultsPanel *self = ENTENTE_RESULTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      entente_results_panel_set_selected (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_results_panel_class_init (EntenteResultsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_results_panel_dispose;
  object_class->finalize = entente_results_panel_finalize;
  object_class->get_property = entente_results_panel_get_property;
  object_class->set_property = entente_results_panel_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_STATE_SELECTED] =
    g_signal_new ("state-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_MINIMUM_SELECTED] =
    g_signal_new ("minimum-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (ENTENTE_TYPE_ALIGNMENT_PAGE);
  g_type_ensure (ENTENTE_TYPE_ALLIANCE_PAGE);
  g_type_ensure (ENTENTE_TYPE_CONCERT_PAGE);
  g_type_ensure (ENTENTE_TYPE_CONTACT_PAGE);
  g_type_ensure (ENTENTE_TYPE_LANDSCAPE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-results-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, alignment_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, alliance_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, concert_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, contact_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, landscape_page);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, polarity);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, poles);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, lead);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, concentration);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, flags);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, bloc_a);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, bloc_b);
  gtk_widget_class_bind_template_child (widget_class, EntenteResultsPanel, counterbalancing);
  gtk_widget_class_bind_template_callback (widget_class, state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, minimum_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_child_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "resultspanel");
}

static void
entente_results_panel_init (EntenteResultsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
entente_results_panel_new (void)
{
  return g_object_new (ENTENTE_TYPE_RESULTS_PANEL, NULL);
}

void
entente_results_panel_set_model (EntenteResultsPanel *self,
                                 EntenteScenario     *scenario,
                                 EntenteResult       *result)
{
  g_return_if_fail (ENTENTE_IS_RESULTS_PANEL (self));
  g_return_if_fail (scenario != NULL);

  /* A result computed for another set of states (the scenario changed
   * structurally since) would index out of bounds: treat it as pending. */
  if (result != NULL && result->n != entente_scenario_get_n_states (scenario))
    result = NULL;

  if (self->scenario != scenario)
    {
      g_clear_pointer (&self->scenario, entente_scenario_unref);
      self->scenario = entente_scenario_ref (scenario);
    }
  if (self->result != result)
    {
      g_clear_pointer (&self->result, entente_result_unref);
      self->result = result ? entente_result_ref (result) : NULL;
    }

  self->stale = PAGE_ALL;
  flush (self, page_from_name (gtk_stack_get_visible_child_name (self->stack)));
}

const char *
entente_results_panel_get_selected (EntenteResultsPanel *self)
{
  g_return_val_if_fail (ENTENTE_IS_RESULTS_PANEL (self), NULL);

  return self->selected;
}

void
entente_results_panel_set_selected (EntenteResultsPanel *self,
                                    const char          *id)
{
  g_return_if_fail (ENTENTE_IS_RESULTS_PANEL (self));

  if (g_strcmp0 (self->selected, id) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (id);
  entente_alignment_page_set_selected (self->alignment_page, id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
entente_results_panel_set_minimum (EntenteResultsPanel *self,
                                   int                  index)
{
  g_return_if_fail (ENTENTE_IS_RESULTS_PANEL (self));

  entente_landscape_page_set_minimum (self->landscape_page, index);
}

const char *
entente_results_panel_get_page (EntenteResultsPanel *self)
{
  g_return_val_if_fail (ENTENTE_IS_RESULTS_PANEL (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
entente_results_panel_set_page (EntenteResultsPanel *self,
                                const char          *name)
{
  g_return_if_fail (ENTENTE_IS_RESULTS_PANEL (self));
  g_return_if_fail (name != NULL);

  gtk_stack_set_visible_child_name (self->stack, name);
}

GtkWidget *
entente_results_panel_get_page_widget (EntenteResultsPanel *self,
                                       const char          *name)
{
  g_return_val_if_fail (ENTENTE_IS_RESULTS_PANEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Whoever asks for a page gets it up to date, shown or not. */
  flush (self, page_from_name (name));

  return gtk_stack_get_child_by_name (self->stack, name);
}
