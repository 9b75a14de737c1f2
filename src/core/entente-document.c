/* entente-document.c: the open scenario, its file, dirty flag and undo history
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "entente-document.h"
#include "entente-scenario-io.h"

/* One entry of the undo or redo stack: the whole scenario as it was. Scenarios
 * are small (a 500-state world is a few hundred kilobytes), and snapshots make
 * every edit, structural or not, undoable the same way. */
typedef struct
{
  EntenteScenario *scenario;
  guint64          serial;
} Snapshot;

struct _EntenteDocument
{
  GObject          parent_instance;

  EntenteScenario *scenario;
  GFile           *file;
  GQueue           undo;          /* of Snapshot*, head = most recent */
  GQueue           redo;

  /* Every distinct content gets a serial: the document is dirty when the
   * current serial is not the one last saved or loaded. */
  guint64          serial;
  guint64          saved_serial;
  guint64          next_serial;

  /* The open coalescing group of apply_attribute(). */
  gboolean         group_open;
  EntenteChangeTarget group_target;
  char            *group_a;
  char            *group_b;
  char            *group_key;
};

G_DEFINE_FINAL_TYPE (EntenteDocument, entente_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_FILE,
  PROP_TITLE,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_STEP,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_RESET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Undo history is bounded so a long session of drags cannot grow without end. */
#define MAX_UNDO 200

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_clear_pointer (&snapshot->scenario, entente_scenario_unref);
  g_free (snapshot);
}

/* Takes ownership of @scenario. */
static Snapshot *
snapshot_new_take (EntenteScenario *scenario,
                   guint64          serial)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->scenario = scenario;
  snapshot->serial = serial;
  return snapshot;
}

static Snapshot *
snapshot_new (EntenteScenario *scenario,
              guint64          serial)
{
  return snapshot_new_take (entente_scenario_copy (scenario), serial);
}

static void
close_group (EntenteDocument *self)
{
  self->group_open = FALSE;
  g_clear_pointer (&self->group_a, g_free);
  g_clear_pointer (&self->group_b, g_free);
  g_clear_pointer (&self->group_key, g_free);
}

/* Notifies everything that may have changed after an edit, undo or reset. */
static void
emit_changed (EntenteDocument *self,
              gboolean         was_dirty,
              gboolean         could_undo,
              gboolean         could_redo,
              const char      *old_step)
{
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCENARIO]);
  if (was_dirty != entente_document_get_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  if (could_undo != entente_document_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != entente_document_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (g_strcmp0 (old_step, self->scenario->view.step) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  /* The title falls back to the scenario's own title when unsaved. */
  if (self->file == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

typedef struct
{
  gboolean  dirty;
  gboolean  can_undo;
  gboolean  can_redo;
  char     *step;
} Before;

static void
before_save (EntenteDocument *self,
             Before          *before)
{
  before->dirty = entente_document_get_dirty (self);
  before->can_undo = entente_document_get_can_undo (self);
  before->can_redo = entente_document_get_can_redo (self);
  before->step = g_strdup (self->scenario->view.step);
}

static void
before_emit (EntenteDocument *self,
             Before          *before)
{
  emit_changed (self, before->dirty, before->can_undo, before->can_redo, before->step);
  g_clear_pointer (&before->step, g_free);
}

/* Records @previous (owned), the scenario before an edit, as an undo step. */
static void
push_undo_take (EntenteDocument *self,
                EntenteScenario *previous)
{
  g_queue_push_head (&self->undo, snapshot_new_take (previous, self->serial));
  while (g_queue_get_length (&self->undo) > MAX_UNDO)
    snapshot_free (g_queue_pop_tail (&self->undo));
  g_queue_clear_full (&self->redo, snapshot_free);
}

/* Records the current scenario as an undo step before an edit changes it. */
static void
push_undo (EntenteDocument *self)
{
  push_undo_take (self, entente_scenario_copy (self->scenario));
}

static void
entente_document_finalize (GObject *object)
{
  EntenteDocument *self = (EntenteDocument *)object;

  close_group (self);
  g_queue_clear_full (&self->undo, snapshot_free);
  g_queue_clear_full (&self->redo, snapshot_free);
  g_clear_pointer (&self->scenario, entente_scenario_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (entente_document_parent_class)->finalize (object);
}

static void
entente_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  EntenteDocument *self = ENTENTE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_boxed (value, entente_document_get_scenario (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, entente_document_get_file (self));
      break;

    case PROP_TITLE:
      g_value_take_string (value, entente_document_dup_title (self));
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, entente_document_get_dirty (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, entente_document_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, entente_document_get_can_redo (self));
      break;

    case PROP_STEP:
      g_value_set_string (value, entente_document_get_step (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_document_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  EntenteDocument *self = ENTENTE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_STEP:
      entente_document_set_step (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
entente_document_class_init (EntenteDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = entente_document_finalize;
  object_class->get_property = entente_document_get_property;
  object_class->set_property = entente_document_set_property;

  properties[PROP_SCENARIO] =
    g_param_spec_boxed ("scenario", NULL, NULL, ENTENTE_TYPE_SCENARIO,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_RESET] =
    g_signal_new ("reset", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
entente_document_init (EntenteDocument *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->scenario = entente_scenario_new ();
  self->next_serial = 1;
}

/**
 * entente_document_new:
 *
 * Returns: (transfer full): a clean document holding an empty scenario
 */
EntenteDocument *
entente_document_new (void)
{
  return g_object_new (ENTENTE_TYPE_DOCUMENT, NULL);
}

/**
 * entente_document_get_scenario:
 *
 * Returns: (transfer none): the document's scenario, to read now, not to keep
 */
EntenteScenario *
entente_document_get_scenario (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), NULL);

  return self->scenario;
}

/**
 * entente_document_dup_snapshot:
 *
 * Returns: (transfer full): an immutable copy with the shown step applied
 */
EntenteScenario *
entente_document_dup_snapshot (EntenteDocument *self)
{
  EntenteScenario *snapshot;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), NULL);

  if (self->scenario->view.step != NULL)
    {
      g_autoptr (GError) error = NULL;

      snapshot = entente_scenario_apply_step (self->scenario, self->scenario->view.step, &error);
      if (snapshot != NULL)
        return snapshot;
      /* A step that no longer applies (its state was removed) shows the base. */
      g_debug ("Step %s does not apply: %s", self->scenario->view.step, error->message);
    }

  return entente_scenario_copy (self->scenario);
}

GFile *
entente_document_get_file (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), NULL);

  return self->file;
}

char *
entente_document_dup_title (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autoptr (GFileInfo) info = NULL;

      /* The display name is right for URIs and odd encodings; the basename is
       * the fallback when the file is gone. */
      info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        return g_strdup (g_file_info_get_display_name (info));
      return g_file_get_basename (self->file);
    }

  if (self->scenario->title != NULL && self->scenario->title[0] != '\0')
    return g_strdup (self->scenario->title);

  return g_strdup (_("Untitled"));
}

gboolean
entente_document_get_dirty (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);

  return self->serial != self->saved_serial;
}

gboolean
entente_document_get_can_undo (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);

  return self->undo.length > 0;
}

gboolean
entente_document_get_can_redo (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);

  return self->redo.length > 0;
}

guint
entente_document_get_n_undo (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), 0);

  return self->undo.length;
}

const char *
entente_document_get_step (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), NULL);

  return self->scenario->view.step;
}

gboolean
entente_document_set_step (EntenteDocument *self,
                           const char      *step)
{
  Before before;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);

  if (step != NULL && step[0] == '\0')
    step = NULL;
  if (g_strcmp0 (step, self->scenario->view.step) == 0)
    return TRUE;
  if (step != NULL && entente_scenario_find_step (self->scenario, step) < 0)
    return FALSE;

  before_save (self, &before);
  close_group (self);
  push_undo (self);
  entente_scenario_set_text (self->scenario, &self->scenario->view.step, step);
  self->serial = self->next_serial++;
  before_emit (self, &before);

  return TRUE;
}

void
entente_document_reset (EntenteDocument *self,
                        EntenteScenario *scenario,
                        GFile           *file)
{
  Before before;

  g_return_if_fail (ENTENTE_IS_DOCUMENT (self));
  g_return_if_fail (scenario != NULL);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  before_save (self, &before);
  close_group (self);
  g_queue_clear_full (&self->undo, snapshot_free);
  g_queue_clear_full (&self->redo, snapshot_free);

  /* A private copy: the caller may still hold @scenario, and the document
   * edits its own in place. */
  g_clear_pointer (&self->scenario, entente_scenario_unref);
  self->scenario = entente_scenario_copy (scenario);
  self->serial = self->next_serial++;
  self->saved_serial = self->serial;

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  g_signal_emit (self, signals[SIGNAL_RESET], 0);
  before_emit (self, &before);
}

/* The capability slider moves "pop", "econ" and "mil" together, as three
 * attribute changes per step of the drag: they are one attribute for undo. */
static const char *
key_family (const char *key)
{
  static const char * const capability[] = { "pop", "econ", "mil", "capability" };

  for (guint i = 0; i < G_N_ELEMENTS (capability); i++)
    if (g_strcmp0 (key, capability[i]) == 0)
      return "capability";

  return key;
}

static gboolean
same_group (EntenteDocument     *self,
            EntenteChangeTarget  target,
            const char          *a,
            const char          *b,
            const char          *key)
{
  return self->group_open &&
         self->group_target == target &&
         g_strcmp0 (self->group_a, a) == 0 &&
         g_strcmp0 (self->group_b, b) == 0 &&
         g_strcmp0 (key_family (self->group_key), key_family (key)) == 0;
}

gboolean
entente_document_apply_attribute (EntenteDocument      *self,
                                  EntenteChangeTarget   target,
                                  const char           *a,
                                  const char           *b,
                                  const char           *key,
                                  const char           *value,
                                  GError              **error)
{
  g_autoptr (EntenteScenario) previous = NULL;
  g_autofree char *old_value = NULL;
  gboolean coalesce;
  Before before;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  /* Setting an attribute to the value it has is not an edit: a panel that
   * echoes a programmatic update must not dirty the document. */
  old_value = entente_scenario_get_attribute (self->scenario, target, a, b, key);
  if (old_value != NULL && g_strcmp0 (old_value, value) == 0)
    return TRUE;

  coalesce = same_group (self, target, a, b, key);
  if (!coalesce)
    previous = entente_scenario_copy (self->scenario);

  if (!entente_scenario_set_attribute (self->scenario, target, a, b, key, value, error))
    return FALSE;

  before_save (self, &before);
  /* before_save ran after the change: the flags that depend on the stacks
   * are still those of before, since the stacks have not moved yet. */
  if (!coalesce)
    {
      push_undo_take (self, g_steal_pointer (&previous));
      close_group (self);
      self->group_open = TRUE;
      self->group_target = target;
      self->group_a = g_strdup (a);
      self->group_b = g_strdup (b);
      self->group_key = g_strdup (key);
    }
  self->serial = self->next_serial++;
  before_emit (self, &before);

  return TRUE;
}

void
entente_document_close_group (EntenteDocument *self)
{
  g_return_if_fail (ENTENTE_IS_DOCUMENT (self));

  close_group (self);
}

guint
entente_document_add_state (EntenteDocument *self,
                            const char      *name)
{
  Before before;
  guint index;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), 0);

  before_save (self, &before);
  close_group (self);
  push_undo (self);
  index = entente_scenario_add_state (self->scenario, name);
  self->serial = self->next_serial++;
  before_emit (self, &before);

  return index;
}

gboolean
entente_document_remove_state (EntenteDocument *self,
                               const char      *id)
{
  Before before;
  int index;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  index = entente_scenario_find_state (self->scenario, id);
  if (index < 0)
    return FALSE;

  before_save (self, &before);
  close_group (self);
  push_undo (self);
  entente_scenario_remove_state (self->scenario, index);
  self->serial = self->next_serial++;
  before_emit (self, &before);

  return TRUE;
}

gboolean
entente_document_move_node (EntenteDocument *self,
                            const char      *id,
                            double           lat,
                            double           lon)
{
  EntenteState *state;
  Before before;
  int index;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  index = entente_scenario_find_state (self->scenario, id);
  if (index < 0 || !isfinite (lat) || !isfinite (lon))
    return FALSE;

  before_save (self, &before);
  close_group (self);
  push_undo (self);
  /* The node position is a display hint with no attribute of its own in
   * entente_scenario_set_attribute(): the document is the scenario's sole
   * owner, so it sets the fields directly. */
  state = entente_scenario_get_state (self->scenario, index);
  state->has_node_position = TRUE;
  state->node_lat = CLAMP (lat, -90.0, 90.0);
  state->node_lon = CLAMP (lon, -180.0, 180.0);
  self->serial = self->next_serial++;
  before_emit (self, &before);

  return TRUE;
}

void
entente_document_set_view_flag (EntenteDocument *self,
                                const char      *key,
                                gboolean         value)
{
  EntenteView *view;
  gboolean *flag = NULL;
  Before before;

  g_return_if_fail (ENTENTE_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  view = &self->scenario->view;
  if (g_str_equal (key, "threats"))
    flag = &view->show_threats;
  else if (g_str_equal (key, "hulls"))
    flag = &view->show_hulls;
  else if (g_str_equal (key, "labels"))
    flag = &view->show_labels;
  else if (g_str_equal (key, "legend"))
    flag = &view->show_legend;
  g_return_if_fail (flag != NULL);

  value = !!value;
  if (*flag == value)
    return;

  before_save (self, &before);
  close_group (self);
  push_undo (self);
  *flag = value;
  self->serial = self->next_serial++;
  before_emit (self, &before);
}

static gboolean
move_snapshot (EntenteDocument *self,
               GQueue          *from,
               GQueue          *to)
{
  Snapshot *snapshot;
  Before before;

  if (from->length == 0)
    return FALSE;

  before_save (self, &before);
  close_group (self);
  snapshot = g_queue_pop_head (from);
  g_queue_push_head (to, snapshot_new (self->scenario, self->serial));
  g_clear_pointer (&self->scenario, entente_scenario_unref);
  self->scenario = g_steal_pointer (&snapshot->scenario);
  self->serial = snapshot->serial;
  snapshot_free (snapshot);
  before_emit (self, &before);

  return TRUE;
}

gboolean
entente_document_undo (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);

  return move_snapshot (self, &self->undo, &self->redo);
}

gboolean
entente_document_redo (EntenteDocument *self)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);

  return move_snapshot (self, &self->redo, &self->undo);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (EntenteScenario) scenario = NULL;
  GError *error = NULL;

  scenario = entente_scenario_load_file_finish (result, &error);
  if (scenario == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  entente_document_reset (g_task_get_source_object (task), scenario, g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

void
entente_document_load_async (EntenteDocument     *self,
                             GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ENTENTE_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, entente_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  entente_scenario_load_file_async (file, cancellable, load_cb, g_steal_pointer (&task));
}

gboolean
entente_document_load_finish (EntenteDocument  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
entente_document_save (EntenteDocument  *self,
                       GFile            *file,
                       GError          **error)
{
  Before before;

  g_return_val_if_fail (ENTENTE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    file = self->file;
  if (file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The scenario has no file yet"));
      return FALSE;
    }

  if (!entente_scenario_save_file (self->scenario, file, NULL, error))
    return FALSE;

  before_save (self, &before);
  close_group (self);
  self->saved_serial = self->serial;
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  if (before.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_clear_pointer (&before.step, g_free);

  return TRUE;
}
