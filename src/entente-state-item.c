/* entente-state-item.c: one state as a list item of the states panel
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-state-item"

#include "config.h"

#include "entente-state-item.h"

struct _EntenteStateItem
{
  GObject  parent_instance;

  char    *id;
  char    *name;
  double   capability;
  double   capability_upper;
  double   intention;
  int      behaviour;
  int      bloc;
};

G_DEFINE_FINAL_TYPE (EntenteStateItem, entente_state_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CAPABILITY,
  PROP_CAPABILITY_UPPER,
  PROP_INTENTION,
  PROP_BEHAVIOUR,
  PROP_BLOC,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
entente_state_item_finalize (GObject *object)
{
  EntenteStateItem *self = ENTENTE_STATE_ITEM (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (entente_state_item_parent_class)->finalize (object);
}

static void
entente_state_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  EntenteStateItem *self = ENTENTE_STATE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CAPABILITY:
      g_value_set_double (value, self->capability);
      break;
    case PROP_CAPABILITY_UPPER:
      g_value_set_double (value, self->capability_upper);
      break;
    case PROP_INTENTION:
      g_value_set_double (value, self->intention);
      break;
    case PROP_BEHAVIOUR:
      g_value_set_int (value, self->behaviour);
      break;
    case PROP_BLOC:
      g_value_set_int (value, self->bloc);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_state_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  EntenteStateItem *self = ENTENTE_STATE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      entente_state_item_set_name (self, g_value_get_string (value));
      break;
    case PROP_CAPABILITY:
      entente_state_item_set_capability (self, g_value_get_double (value));
      break;
    case PROP_CAPABILITY_UPPER:
      entente_state_item_set_capability_upper (self, g_value_get_double (value));
      break;
    case PROP_INTENTION:
      entente_state_item_set_intention (self, g_value_get_double (value));
      break;
    case PROP_BEHAVIOUR:
      entente_state_item_set_behaviour (self, g_value_get_int (value));
      break;
    case PROP_BLOC:
      entente_state_item_set_bloc (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_state_item_class_init (EntenteStateItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = entente_state_item_finalize;
  object_class->get_property = entente_state_item_get_property;
  object_class->set_property = entente_state_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CAPABILITY] =
    g_param_spec_double ("capability", NULL, NULL, 0.0, G_MAXDOUBLE, 1.0, flags);
  properties[PROP_CAPABILITY_UPPER] =
    g_param_spec_double ("capability-upper", NULL, NULL, 0.0, G_MAXDOUBLE, 10.0, flags);
  properties[PROP_INTENTION] =
    g_param_spec_double ("intention", NULL, NULL, 0.0, 1.0, 0.2, flags);
  properties[PROP_BEHAVIOUR] = g_param_spec_int ("behaviour", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_BLOC] = g_param_spec_int ("bloc", NULL, NULL, 0, 2, 2, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
entente_state_item_init (EntenteStateItem *self)
{
  self->capability = 1.0;
  self->capability_upper = 10.0;
  self->intention = 0.2;
  self->behaviour = -1;
  self->bloc = 2;
}

EntenteStateItem *
entente_state_item_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (ENTENTE_TYPE_STATE_ITEM, "id", id, NULL);
}

const char *
entente_state_item_get_id (EntenteStateItem *self)
{
  g_return_val_if_fail (ENTENTE_IS_STATE_ITEM (self), NULL);

  return self->id;
}

const char *
entente_state_item_get_name (EntenteStateItem *self)
{
  g_return_val_if_fail (ENTENTE_IS_STATE_ITEM (self), NULL);

  return self->name ? self->name : self->id;
}

void
entente_state_item_set_name (EntenteStateItem *self,
                             const char       *name)
{
  g_return_if_fail (ENTENTE_IS_STATE_ITEM (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

#define DEFINE_DOUBLE_SETTER(field, PROP)                                 \
  double                                                                  \
  entente_state_item_get_##field (EntenteStateItem *self)                 \
  {                                                                       \
    g_return_val_if_fail (ENTENTE_IS_STATE_ITEM (self), 0.0);             \
    return self->field;                                                   \
  }                                                                       \
  void                                                                    \
  entente_state_item_set_##field (EntenteStateItem *self,                 \
                                  double            value)                \
  {                                                                       \
    g_return_if_fail (ENTENTE_IS_STATE_ITEM (self));                      \
    if (self->field == value)                                             \
      return;                                                             \
    self->field = value;                                                  \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);         \
  }

DEFINE_DOUBLE_SETTER (capability, PROP_CAPABILITY)
DEFINE_DOUBLE_SETTER (capability_upper, PROP_CAPABILITY_UPPER)
DEFINE_DOUBLE_SETTER (intention, PROP_INTENTION)

int
entente_state_item_get_behaviour (EntenteStateItem *self)
{
  g_return_val_if_fail (ENTENTE_IS_STATE_ITEM (self), -1);

  return self->behaviour;
}

void
entente_state_item_set_behaviour (EntenteStateItem *self,
                                  int               behaviour)
{
  g_return_if_fail (ENTENTE_IS_STATE_ITEM (self));

  if (self->behaviour == behaviour)
    return;

  self->behaviour = behaviour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BEHAVIOUR]);
}

int
entente_state_item_get_bloc (EntenteStateItem *self)
{
  g_return_val_if_fail (ENTENTE_IS_STATE_ITEM (self), 2);

  return self->bloc;
}

void
entente_state_item_set_bloc (EntenteStateItem *self,
                             int               bloc)
{
  g_return_if_fail (ENTENTE_IS_STATE_ITEM (self));

  if (self->bloc == bloc)
    return;

  self->bloc = bloc;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOC]);
}
