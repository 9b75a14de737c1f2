/* entente-slider-row.c: a caption, a GtkScale and a GtkSpinButton on one adjustment
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-slider-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "entente-slider-row.h"

struct _EntenteSliderRow
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  GtkLabel      *label;
  GtkScale      *scale;
  GtkSpinButton *spin;
  GtkAdjustment *adjustment;

  char          *accessible_name;
  GtkSizeGroup  *caption_group;

  /* TRUE while a pointer button or a key is down on the scale: model updates
   * that arrive then are older than the user's hand and would make the knob
   * jump back, so they are dropped (the result of the last move follows). */
  gboolean       pressed;

  /* > 0 while the value is set programmatically. */
  guint          silent;
};

G_DEFINE_FINAL_TYPE (EntenteSliderRow, entente_slider_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_LOWER,
  PROP_UPPER,
  PROP_STEP,
  PROP_DIGITS,
  PROP_VALUE,
  PROP_CAPTION_CHARS,
  PROP_CAPTION_GROUP,
  N_PROPS,
};

enum {
  SIGNAL_VALUE_CHANGED,
  N_SIGNALS,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
value_changed_cb (EntenteSliderRow *self,
                  GtkAdjustment    *adjustment)
{
  g_assert (ENTENTE_IS_SLIDER_ROW (self));

  if (self->silent > 0)
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  g_signal_emit (self, signals[SIGNAL_VALUE_CHANGED], 0, gtk_adjustment_get_value (adjustment));
}

static gboolean
scale_event_cb (EntenteSliderRow         *self,
                GdkEvent                 *event,
                GtkEventControllerLegacy *controller)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
      self->pressed = TRUE;
      break;

    case GDK_KEY_PRESS:
      /* Only the keys that move the scale: Ctrl+Z must let its result in. */
      if ((gdk_event_get_modifier_state (event) & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
        {
          switch (gdk_key_event_get_keyval (event))
            {
            case GDK_KEY_Left: case GDK_KEY_Right: case GDK_KEY_Up: case GDK_KEY_Down:
            case GDK_KEY_KP_Left: case GDK_KEY_KP_Right: case GDK_KEY_KP_Up: case GDK_KEY_KP_Down:
            case GDK_KEY_Page_Up: case GDK_KEY_Page_Down: case GDK_KEY_Home: case GDK_KEY_End:
              self->pressed = TRUE;
              break;
            default:
              break;
            }
        }
      break;

    case GDK_BUTTON_RELEASE:
    case GDK_KEY_RELEASE:
    case GDK_TOUCH_END:
    case GDK_TOUCH_CANCEL:
    case GDK_GRAB_BROKEN:
      self->pressed = FALSE;
      break;

    default:
      break;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
scale_focus_leave_cb (EntenteSliderRow *self)
{
  self->pressed = FALSE;
}

static void
entente_slider_row_dispose (GObject *object)
{
  EntenteSliderRow *self = ENTENTE_SLIDER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ENTENTE_TYPE_SLIDER_ROW);
  g_clear_pointer (&self->accessible_name, g_free);
  g_clear_object (&self->caption_group);

  G_OBJECT_CLASS (entente_slider_row_parent_class)->dispose (object);
}

static void
entente_slider_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EntenteSliderRow *self = ENTENTE_SLIDER_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, entente_slider_row_get_label (self));
      break;

    case PROP_LOWER:
      g_value_set_double (value, gtk_adjustment_get_lower (self->adjustment));
      break;

    case PROP_UPPER:
      g_value_set_double (value, gtk_adjustment_get_upper (self->adjustment));
      break;

    case PROP_STEP:
      g_value_set_double (value, gtk_adjustment_get_step_increment (self->adjustment));
      break;

    case PROP_DIGITS:
      g_value_set_uint (value, gtk_spin_button_get_digits (self->spin));
      break;

    case PROP_VALUE:
      g_value_set_double (value, entente_slider_row_get_value (self));
      break;

    case PROP_CAPTION_CHARS:
      g_value_set_int (value, gtk_label_get_width_chars (self->label));
      break;

    case PROP_CAPTION_GROUP:
      g_value_set_object (value, self->caption_group);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_slider_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EntenteSliderRow *self = ENTENTE_SLIDER_ROW (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      entente_slider_row_set_label (self, g_value_get_string (value));
      break;

    case PROP_LOWER:
      self->silent++;
      gtk_adjustment_set_lower (self->adjustment, g_value_get_double (value));
      self->silent--;
      break;

    case PROP_UPPER:
      self->silent++;
      gtk_adjustment_set_upper (self->adjustment, g_value_get_double (value));
      self->silent--;
      break;

    case PROP_STEP:
      gtk_adjustment_set_step_increment (self->adjustment, g_value_get_double (value));
      gtk_adjustment_set_page_increment (self->adjustment, 10 * g_value_get_double (value));
      break;

    case PROP_DIGITS:
      entente_slider_row_set_digits (self, g_value_get_uint (value));
      break;

    case PROP_VALUE:
      entente_slider_row_set_value (self, g_value_get_double (value));
      break;

    case PROP_CAPTION_CHARS:
      /* A minimum width. The caption is not cut at it: a fixed width in
       * "average characters" ellipsised "Capability" to "Capabil…" in the
       * states list. The scales of a panel line up through the
       * caption-group instead. */
      gtk_label_set_width_chars (self->label, g_value_get_int (value));
      break;

    case PROP_CAPTION_GROUP:
      entente_slider_row_set_caption_group (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_slider_row_class_init (EntenteSliderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = entente_slider_row_dispose;
  object_class->get_property = entente_slider_row_get_property;
  object_class->set_property = entente_slider_row_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOWER] =
    g_param_spec_double ("lower", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPPER] =
    g_param_spec_double ("upper", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_double ("step", NULL, NULL, 0.0, G_MAXDOUBLE, 0.01,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIGITS] =
    g_param_spec_uint ("digits", NULL, NULL, 0, 6, 2,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION_CHARS] =
    g_param_spec_int ("caption-chars", NULL, NULL, 0, 40, 12,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION_GROUP] =
    g_param_spec_object ("caption-group", NULL, NULL, GTK_TYPE_SIZE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_VALUE_CHANGED] =
    g_signal_new ("value-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_DOUBLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/entente-slider-row.ui");
  gtk_widget_class_bind_template_child (widget_class, EntenteSliderRow, box);
  gtk_widget_class_bind_template_child (widget_class, EntenteSliderRow, label);
  gtk_widget_class_bind_template_child (widget_class, EntenteSliderRow, scale);
  gtk_widget_class_bind_template_child (widget_class, EntenteSliderRow, spin);
  gtk_widget_class_bind_template_child (widget_class, EntenteSliderRow, adjustment);
  gtk_widget_class_bind_template_callback (widget_class, value_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sliderrow");
}

/* The numeric entry is as wide as the longest number of its range ("1500.0"
 * was cut to "1500.(" at the 4 characters that suit 0.00–1.00). */
static void
update_spin_width (EntenteSliderRow *self)
{
  double top = MAX (fabs (gtk_adjustment_get_lower (self->adjustment)),
                    fabs (gtk_adjustment_get_upper (self->adjustment)));
  guint digits = gtk_spin_button_get_digits (self->spin);
  int chars = 1;

  for (double x = 10; x <= top && chars < 12; x *= 10)
    chars++;
  if (digits > 0)
    chars += 1 + (int) digits;
  if (gtk_adjustment_get_lower (self->adjustment) < 0)
    chars++;
  chars = CLAMP (chars, 4, 12);
  if (gtk_editable_get_width_chars (GTK_EDITABLE (self->spin)) != chars)
    gtk_editable_set_width_chars (GTK_EDITABLE (self->spin), chars);
}

static void
entente_slider_row_init (EntenteSliderRow *self)
{
  GtkEventController *legacy;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect_object (legacy, "event", G_CALLBACK (scale_event_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scale), legacy);

  /* A release that goes elsewhere must not leave the slider deaf. */
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (scale_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scale), focus);

  g_signal_connect_object (self->adjustment, "changed", G_CALLBACK (update_spin_width), self,
                           G_CONNECT_SWAPPED);
  update_spin_width (self);
}

GtkWidget *
entente_slider_row_new (void)
{
  return g_object_new (ENTENTE_TYPE_SLIDER_ROW, NULL);
}

const char *
entente_slider_row_get_label (EntenteSliderRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SLIDER_ROW (self), NULL);

  return gtk_label_get_label (self->label);
}

void
entente_slider_row_set_label (EntenteSliderRow *self,
                              const char       *label)
{
  g_return_if_fail (ENTENTE_IS_SLIDER_ROW (self));

  if (g_strcmp0 (label, gtk_label_get_label (self->label)) == 0)
    return;

  gtk_label_set_label (self->label, label ? label : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
entente_slider_row_set_accessible_name (EntenteSliderRow *self,
                                        const char       *name)
{
  g_autofree char *spin_name = NULL;

  g_return_if_fail (ENTENTE_IS_SLIDER_ROW (self));
  g_return_if_fail (name != NULL);

  /* Assistive technology is told only when the name really changes: this
   * runs for every result while a slider is dragged. */
  if (g_strcmp0 (self->accessible_name, name) == 0)
    return;
  g_free (self->accessible_name);
  self->accessible_name = g_strdup (name);

  /* Translators: the accessible name of the numeric entry next to a slider,
   * e.g. "Intention of Germany value". */
  spin_name = g_strdup_printf (_("%s value"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spin_name,
                                  -1);
}

const char *
entente_slider_row_get_accessible_name (EntenteSliderRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SLIDER_ROW (self), NULL);

  return self->accessible_name;
}

void
entente_slider_row_set_range (EntenteSliderRow *self,
                              double            lower,
                              double            upper,
                              double            step)
{
  double value;

  g_return_if_fail (ENTENTE_IS_SLIDER_ROW (self));
  g_return_if_fail (lower <= upper);

  lower = CLAMP (lower, -G_MAXDOUBLE, G_MAXDOUBLE);
  upper = CLAMP (upper, -G_MAXDOUBLE, G_MAXDOUBLE);
  value = CLAMP (gtk_adjustment_get_value (self->adjustment), lower, upper);

  self->silent++;
  gtk_adjustment_configure (self->adjustment, value, lower, upper, step, 10 * step, 0.0);
  self->silent--;
}

void
entente_slider_row_set_digits (EntenteSliderRow *self,
                               guint             digits)
{
  g_return_if_fail (ENTENTE_IS_SLIDER_ROW (self));

  gtk_spin_button_set_digits (self->spin, digits);
  update_spin_width (self);
  gtk_scale_set_digits (self->scale, digits);
}

double
entente_slider_row_get_value (EntenteSliderRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SLIDER_ROW (self), 0.0);

  return gtk_adjustment_get_value (self->adjustment);
}

void
entente_slider_row_set_value (EntenteSliderRow *self,
                              double            value)
{
  g_return_if_fail (ENTENTE_IS_SLIDER_ROW (self));

  if (self->pressed)
    return;
  /* An adjustment (and the accessible value range built from it) cannot
   * hold NaN or inf: GTK's a11y code aborts on "Invalid numeric value". */
  if (isnan (value))
    return;
  value = CLAMP (value, -G_MAXDOUBLE, G_MAXDOUBLE);

  /* A model value beyond the current range (a capability larger than any
   * before) widens the range rather than being clamped away. */
  self->silent++;
  if (value > gtk_adjustment_get_upper (self->adjustment))
    gtk_adjustment_set_upper (self->adjustment, value);
  if (value < gtk_adjustment_get_lower (self->adjustment))
    gtk_adjustment_set_lower (self->adjustment, value);
  gtk_adjustment_set_value (self->adjustment, value);
  self->silent--;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

GtkAdjustment *
entente_slider_row_get_adjustment (EntenteSliderRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SLIDER_ROW (self), NULL);

  return self->adjustment;
}

GtkWidget *
entente_slider_row_get_scale (EntenteSliderRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SLIDER_ROW (self), NULL);

  return GTK_WIDGET (self->scale);
}

GtkWidget *
entente_slider_row_get_spin_button (EntenteSliderRow *self)
{
  g_return_val_if_fail (ENTENTE_IS_SLIDER_ROW (self), NULL);

  return GTK_WIDGET (self->spin);
}

/* The horizontal size group of the numeric entries that goes with a
 * caption group, created on first use and owned by it. */
static GtkSizeGroup *
entry_group (GtkSizeGroup *caption_group)
{
  GtkSizeGroup *group = g_object_get_data (G_OBJECT (caption_group), "entente-entry-group");

  if (group == NULL)
    {
      group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
      g_object_set_data_full (G_OBJECT (caption_group), "entente-entry-group", group,
                              g_object_unref);
    }
  return group;
}

/**
 * entente_slider_row_set_caption_group:
 * @group: (nullable): a horizontal size group, shared by the slider rows of
 *   one panel
 *
 * Puts the caption in @group, so that every caption of the group is as wide
 * as the widest one, whatever the language, and the scales line up without
 * cutting a caption short.
 */
void
entente_slider_row_set_caption_group (EntenteSliderRow *self,
                                      GtkSizeGroup     *group)
{
  g_return_if_fail (ENTENTE_IS_SLIDER_ROW (self));
  g_return_if_fail (group == NULL || GTK_IS_SIZE_GROUP (group));

  if (self->caption_group == group)
    return;
  if (self->caption_group != NULL)
    {
      gtk_size_group_remove_widget (self->caption_group, GTK_WIDGET (self->label));
      gtk_size_group_remove_widget (entry_group (self->caption_group), GTK_WIDGET (self->spin));
    }
  g_set_object (&self->caption_group, group);
  if (group != NULL)
    {
      gtk_size_group_add_widget (group, GTK_WIDGET (self->label));
      /* The numeric entries of the group share one width too (it follows
       * each row's range), so the scales end at the same place. */
      gtk_size_group_add_widget (entry_group (group), GTK_WIDGET (self->spin));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION_GROUP]);
}
