/* entente-scenario-save.c: writing scenario files in their canonical form
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scenario-io"

#include "config.h"

#include "entente-scenario-io.h"
#include "entente-scenario-private.h"
#include "entente-xml-private.h"

#include <math.h>
#include <string.h>

/* Writing: the canonical form
 *
 * Elements in the fixed order of the schema; states, crises and steps in
 * document order; pairs sorted by (a, b), only those off their defaults;
 * attributes in the fixed order of entente_scenario_attribute_names();
 * every attribute at its default omitted, except the ids and the names of
 * states and crises; numbers in the shortest form that reads back exactly.
 */

static const char * const system_keys[] = {
  "odb", "antihegemonic", "war-shock", "years-since", "half-life", "cost-of-war",
  "transparency", "nu", "nu-p", "w-pop", "w-econ", "w-mil", "mode", NULL
};

static gboolean
is_system_key (const char *key)
{
  return g_strv_contains (system_keys, key);
}

/* Elements without children (state, pair, actor, node, ...) are most of a
 * file, and xmlTextWriterWriteAttribute() once per attribute was most of
 * the rest of the time. So the start tag of the element last started is
 * kept back in @tag, its attribute values escaped here exactly as
 * xmlTextWriterWriteAttribute() escapes them (xmlBufAttrSerializeTxtContent:
 * & < > " as entities, \n \r \t as character references, anything else
 * as is, with the writer's default '"' quotes). When the element ends
 * without children, the whole tag goes to the writer as the element name
 * of one xmlTextWriterStartElement(), so the writer still does the
 * indentation and the "/>" itself. When a child or text comes first, or a
 * value has a byte >= 0x80 (which the writer escapes as &#x...; or not,
 * depending on its document's encoding), the element is replayed from
 * @replay through the writer's own calls instead, so the output is the
 * same for any writer. */
/* A growable byte buffer, appended to inline (GString's calls were a
 * good part of the time for these short pieces). */
typedef struct
{
  char  *data;
  gsize  len;
  gsize  size;
} Buf;

static void
buf_grow (Buf   *buf,
          gsize  extra)
{
  while (buf->len + extra > buf->size)
    buf->size = MAX (2 * buf->size, 256);
  buf->data = g_realloc (buf->data, buf->size);
}

static inline void
buf_append (Buf        *buf,
            const char *data,
            gsize       len)
{
  if (G_UNLIKELY (buf->len + len > buf->size))
    buf_grow (buf, len);
  memcpy (buf->data + buf->len, data, len);
  buf->len += len;
}

typedef struct
{
  xmlTextWriterPtr  writer;
  EntenteScenario  *self;
  EntenteScenario  *defaults;   /* one default state "s", crisis "c" with actor "s" */
  gboolean          ok;
  gboolean          pending;    /* an element's start tag is kept back */
  gboolean          plain;      /* its values are ASCII only */
  Buf               tag;        /* "name a=\"v\" b=\"w\"\0", escaped */
  Buf               replay;     /* "name\0a\0v\0b\0w\0", as given */
  /* entente_scenario_to_bytes() owns its writer, so it knows the depth
   * (@open elements) and the indentation ("  "): there, a run of elements
   * without children after the first is appended to @raw with the indent
   * the writer would write, and given to xmlTextWriterWriteRaw() in one go
   * before the next call to the writer (WriteRaw leaves the writer's
   * "indent before the next end tag" off, so the indent of the parent's
   * end tag is appended too when that comes next). */
  gboolean          known_depth;
  int               open;
  gboolean          raw_ok;     /* the writer is where a leaf may go raw */
  Buf               raw;
} Writer;

static void
w_check (Writer *w,
         int     rc);

static void
buf_indent (Buf *buf,
            int  depth)
{
  for (int i = 0; i < depth; i++)
    buf_append (buf, "  ", 2);
}

/* Gives the run of raw elements to the writer; @closing when the next
 * call ends their parent. */
static void
w_raw_flush (Writer   *w,
             gboolean  closing)
{
  w->raw_ok = FALSE;
  if (w->raw.len == 0)
    return;
  if (closing)
    buf_indent (&w->raw, w->open - 1);
  w_check (w, xmlTextWriterWriteRawLen (w->writer, BAD_CAST w->raw.data, (int) w->raw.len));
  w->raw.len = 0;
}

/* Fast attribute access
 *
 * Looking every attribute up by name (entente_scenario_get_attribute())
 * and formatting the default object's value to compare it was most of the
 * time of writing. Instead, the names of entente_scenario_attribute_names()
 * are resolved once to the fields below, read and compared directly, and
 * formatted as attr_get() of entente-scenario-attributes.c formats them
 * (only values that differ from the default are formatted at all). A name
 * not listed here (an attribute added to the table later) still goes
 * through entente_scenario_get_attribute(), so nothing is ever left out.
 */

typedef enum
{
  FAST_SLOW,            /* unknown here: by name, as before */
  FAST_SKIP,            /* written separately (name, capability) */
  FAST_DOUBLE,
  FAST_DERIVED_DOUBLE,  /* < 0: "derived" */
  FAST_BOOL,
  FAST_DERIVED_BOOL,    /* < 0: "derived" */
  FAST_INT,
  FAST_UINT,
  FAST_UINT64,
  FAST_NSTRING,         /* NULL: not written */
  FAST_MODE,
  FAST_CRISIS_TYPE,
} FastKind;

typedef enum
{
  ON_STATE,
  ON_PAIR,
  ON_SYSTEM,
  ON_PARAMS,
  ON_CRISIS,
  ON_ACTOR,
} FastOn;

typedef struct
{
  const char *name;
  FastOn      on;
  FastKind    kind;
  gsize       offset;
} FastField;

#define S(f, k) ON_STATE, FAST_##k, G_STRUCT_OFFSET (EntenteState, f)
#define P(f, k) ON_PAIR, FAST_##k, G_STRUCT_OFFSET (EntentePair, f)
#define Y(f, k) ON_SYSTEM, FAST_##k, G_STRUCT_OFFSET (EntenteSystem, f)
#define M(f, k) ON_PARAMS, FAST_##k, G_STRUCT_OFFSET (EntenteParams, f)
#define C(f, k) ON_CRISIS, FAST_##k, G_STRUCT_OFFSET (EntenteCrisis, f)
#define A(f, k) ON_ACTOR, FAST_##k, G_STRUCT_OFFSET (EntenteCrisisActor, f)

static const FastField state_fields[] = {
  { "name",        ON_STATE, FAST_SKIP, 0 },
  { "capability",  ON_STATE, FAST_SKIP, 0 },
  { "label",       S (label, NSTRING),       },
  { "pop",         S (pop, DOUBLE),         },
  { "econ",        S (econ, DOUBLE),        },
  { "mil",         S (mil, DOUBLE),         },
  { "offence",     S (offence, DOUBLE),     },
  { "intention",   S (intention, DOUBLE),   },
  { "lat",         S (lat, DOUBLE),         },
  { "lon",         S (lon, DOUBLE),         },
  { "domestic",    S (domestic, DOUBLE),    },
  { "gp-override", S (gp_override, INT), },
  { "contained",   S (contained, BOOL),   },
  { NULL, 0, 0, 0 }
};

static const FastField pair_fields[] = {
  { "affinity",   P (affinity, DOUBLE),   },
  { "commitment", P (commitment, DOUBLE), },
  { "rivalry",    P (rivalry, DOUBLE),    },
  { "contiguity", P (contiguity, DOUBLE), },
  { NULL, 0, 0, 0 }
};

static const FastField system_fields[] = {
  { "odb",           Y (odb, DOUBLE),           },
  { "antihegemonic", Y (antihegemonic, BOOL), },
  { "war-shock",     Y (war_shock, DOUBLE),     },
  { "years-since",   Y (years_since, DOUBLE),   },
  { "half-life",     Y (half_life, DOUBLE),     },
  { "cost-of-war",   Y (cost_of_war, DOUBLE),   },
  { "transparency",  Y (transparency, DOUBLE),  },
  { "nu",            Y (nu, DOUBLE),            },
  { "nu-p",          Y (nu_p, DOUBLE),          },
  { "w-pop",         Y (w_pop_raw, DOUBLE),     },
  { "w-econ",        Y (w_econ_raw, DOUBLE),    },
  { "w-mil",         Y (w_mil_raw, DOUBLE),     },
  { "mode",          Y (mode, MODE),          },
  { "r0",            M (r0, DOUBLE),            },
  { "theta-low",     M (theta_low, DOUBLE),     },
  { "theta-high",    M (theta_high, DOUBLE),    },
  { "w-weak",        M (w_weak, DOUBLE),        },
  { "phi-feas",      M (phi_feas, DOUBLE),      },
  { "delta-odb",     M (delta_odb, DOUBLE),     },
  { "k-cg",          M (k_cg, DOUBLE),          },
  { "theta-rev",     M (theta_rev, DOUBLE),     },
  { "theta-wolf",    M (theta_wolf, DOUBLE),    },
  { "pole-frac",     M (pole_frac, DOUBLE),     },
  { "gp-frac",       M (gp_frac, DOUBLE),       },
  { "ph-ratio",      M (ph_ratio, DOUBLE),      },
  { "psi-r",         M (psi_r, DOUBLE),         },
  { "psi-a",         M (psi_a, DOUBLE),         },
  { "w-a",           M (w_a, DOUBLE),           },
  { "w-k",           M (w_k, DOUBLE),           },
  { "w-r",           M (w_r, DOUBLE),           },
  { "w-t",           M (w_t, DOUBLE),           },
  { "w-s",           M (w_s, DOUBLE),           },
  { "w-cg",          M (w_cg, DOUBLE),          },
  { "w-bw",          M (w_bw, DOUBLE),          },
  { "beta-bp",       M (beta_bp, DOUBLE),       },
  { "kappa0",        M (kappa0, DOUBLE),        },
  { "kappa-hide",    M (kappa_hide, DOUBLE),    },
  { "kappa-bp",      M (kappa_bp, DOUBLE),      },
  { "theta-j",       M (theta_j, DOUBLE),       },
  { "theta-b",       M (theta_b, DOUBLE),       },
  { "strong-j",      M (strong_j, DOUBLE),      },
  { "lambda-inst",   M (lambda_inst, DOUBLE),   },
  { "exact-n3",      M (exact_n3, UINT),      },
  { "exact-n2",      M (exact_n2, UINT),      },
  { "restarts",      M (restarts, UINT),      },
  { "seed",          M (seed, UINT64),          },
  { NULL, 0, 0, 0 }
};

static const FastField crisis_fields[] = {
  { "name",      ON_CRISIS, FAST_SKIP, 0 },
  { "lat",       C (lat, DOUBLE),       },
  { "lon",       C (lon, DOUBLE),       },
  { "type",      C (type, CRISIS_TYPE),      },
  { "progress",  C (progress, DOUBLE),  },
  { "risk",      C (risk, DOUBLE),      },
  { "receptive", C (receptive, DOUBLE), },
  { NULL, 0, 0, 0 }
};

static const FastField actor_fields[] = {
  { "lead",     A (lead, BOOL),     },
  { "stake",    A (stake, DERIVED_DOUBLE),    },
  { "stance",   A (stance, DOUBLE),   },
  { "regional", A (regional, BOOL), },
  { "veto",     A (veto, DERIVED_BOOL),     },
  { NULL, 0, 0, 0 }
};

#undef S
#undef P
#undef Y
#undef M
#undef C
#undef A

static const FastField *
find_field (const FastField *fields,
            const char      *name)
{
  for (const FastField *f = fields; f->name != NULL; f++)
    if (strcmp (f->name, name) == 0)
      return f;
  return NULL;
}

/* For @target, one field per name of entente_scenario_attribute_names(),
 * in its order; NULL where the name is not known here. Built once. */
static const FastField * const *
resolved_fields (EntenteChangeTarget target)
{
  static const FastField **lists[ENTENTE_CHANGE_ACTOR + 1];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      static const FastField * const tables[] = {
        [ENTENTE_CHANGE_STATE] = state_fields,
        [ENTENTE_CHANGE_PAIR] = pair_fields,
        [ENTENTE_CHANGE_SYSTEM] = system_fields,
        [ENTENTE_CHANGE_CRISIS] = crisis_fields,
        [ENTENTE_CHANGE_ACTOR] = actor_fields,
      };

      for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
        {
          const char * const *names = entente_scenario_attribute_names (t);
          guint n = g_strv_length ((char **) names);

          /* Leaked on purpose, like the name lists. */
          lists[t] = g_new0 (const FastField *, n + 1);
          for (guint k = 0; k < n; k++)
            lists[t][k] = find_field (tables[t], names[k]);
        }
      g_once_init_leave (&initialised, 1);
    }
  return lists[target];
}

#define FIELD(base, f, type) (*(const type *) (gconstpointer) ((const guint8 *) (base) + (f)->offset))

static gconstpointer
field_base (const FastField *f,
            EntenteScenario *scenario,
            gconstpointer    object)
{
  switch (f->on)
    {
    case ON_SYSTEM: return &scenario->system;
    case ON_PARAMS: return &scenario->params;
    case ON_STATE:
    case ON_PAIR:
    case ON_CRISIS:
    case ON_ACTOR:
    default: return object;
    }
}

static int
derived_bool (int value)
{
  return value < 0 ? -1 : value != 0;
}

/* Whether attr_get() formats the field of @a and @b the same. */
static gboolean
field_equal (const FastField *f,
             gconstpointer    a,
             gconstpointer    b)
{
  double x, y;

  switch (f->kind)
    {
    case FAST_DOUBLE:
      x = FIELD (a, f, double);
      y = FIELD (b, f, double);
      return x == y || (isnan (x) && isnan (y));
    case FAST_DERIVED_DOUBLE:
      x = FIELD (a, f, double);
      y = FIELD (b, f, double);
      return (x < 0 && y < 0) || x == y || (isnan (x) && isnan (y));
    case FAST_BOOL:
      return !FIELD (a, f, gboolean) == !FIELD (b, f, gboolean);
    case FAST_DERIVED_BOOL:
      return derived_bool (FIELD (a, f, int)) == derived_bool (FIELD (b, f, int));
    case FAST_INT:
      return FIELD (a, f, int) == FIELD (b, f, int);
    case FAST_UINT:
      return FIELD (a, f, guint) == FIELD (b, f, guint);
    case FAST_UINT64:
      return FIELD (a, f, guint64) == FIELD (b, f, guint64);
    case FAST_NSTRING:
      return g_strcmp0 (FIELD (a, f, char *), FIELD (b, f, char *)) == 0;
    case FAST_MODE:
      return (FIELD (a, f, EntenteAlignMode) == ENTENTE_ALIGN_MODE_AB1993) ==
             (FIELD (b, f, EntenteAlignMode) == ENTENTE_ALIGN_MODE_AB1993);
    case FAST_CRISIS_TYPE:
      return (FIELD (a, f, EntenteCrisisType) == ENTENTE_CRISIS_COERCIVE) ==
             (FIELD (b, f, EntenteCrisisType) == ENTENTE_CRISIS_COERCIVE);
    case FAST_SLOW:
    case FAST_SKIP:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* The value as attr_get() formats it; NULL for an unset string. */
static char *
field_format (const FastField *f,
              gconstpointer    base)
{
  switch (f->kind)
    {
    case FAST_DOUBLE:
      return entente_format_double (FIELD (base, f, double));
    case FAST_DERIVED_DOUBLE:
      if (FIELD (base, f, double) < 0)
        return g_strdup ("derived");
      return entente_format_double (FIELD (base, f, double));
    case FAST_BOOL:
      return g_strdup (FIELD (base, f, gboolean) ? "true" : "false");
    case FAST_DERIVED_BOOL:
      if (FIELD (base, f, int) < 0)
        return g_strdup ("derived");
      return g_strdup (FIELD (base, f, int) ? "true" : "false");
    case FAST_INT:
      return g_strdup_printf ("%d", FIELD (base, f, int));
    case FAST_UINT:
      return g_strdup_printf ("%u", FIELD (base, f, guint));
    case FAST_UINT64:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, FIELD (base, f, guint64));
    case FAST_NSTRING:
      return g_strdup (FIELD (base, f, char *));
    case FAST_MODE:
      return g_strdup (FIELD (base, f, EntenteAlignMode) == ENTENTE_ALIGN_MODE_AB1993
                       ? "ab1993" : "entente");
    case FAST_CRISIS_TYPE:
      return g_strdup (FIELD (base, f, EntenteCrisisType) == ENTENTE_CRISIS_COERCIVE
                       ? "coercive" : "mediation");
    case FAST_SLOW:
    case FAST_SKIP:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
w_check (Writer *w,
         int     rc)
{
  if (rc < 0)
    w->ok = FALSE;
}

/* Writes the kept-back start tag through the writer's own calls, and
 * leaves the element open. */
static void
w_flush (Writer *w)
{
  const char *p, *end;

  if (!w->pending)
    return;
  w->pending = FALSE;
  w_raw_flush (w, FALSE);
  p = w->replay.data;
  end = p + w->replay.len;
  w_check (w, xmlTextWriterStartElement (w->writer, BAD_CAST p));
  w->open++;
  p += strlen (p) + 1;
  while (p < end)
    {
      const char *value = p + strlen (p) + 1;

      w_check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST p, BAD_CAST value));
      p = value + strlen (value) + 1;
    }
}

static void
w_start (Writer     *w,
         const char *element)
{
  gsize len = strlen (element);

  w_flush (w);
  w->pending = TRUE;
  w->plain = TRUE;
  w->tag.len = 0;
  buf_append (&w->tag, element, len);
  w->replay.len = 0;
  buf_append (&w->replay, element, len + 1);
}

static void
w_end (Writer *w)
{
  if (w->pending && w->plain && w->raw_ok)
    {
      /* What the writer would write: indent, "<", the tag, "/>", "\n". */
      w->pending = FALSE;
      buf_indent (&w->raw, w->open);
      buf_append (&w->raw, "<", 1);
      buf_append (&w->raw, w->tag.data, w->tag.len);
      buf_append (&w->raw, "/>\n", 3);
      return;
    }
  if (w->pending && w->plain)
    {
      w->pending = FALSE;
      w_raw_flush (w, FALSE);
      buf_append (&w->tag, "", 1);
      w_check (w, xmlTextWriterStartElement (w->writer, BAD_CAST w->tag.data));
      w->open++;
    }
  else if (w->pending)
    w_flush (w);
  else
    w_raw_flush (w, TRUE);
  w_check (w, xmlTextWriterEndElement (w->writer));
  w->open--;
  w->raw_ok = w->known_depth;
}

/* What xmlBufAttrSerializeTxtContent() writes for each ASCII byte, when
 * not the byte itself. */
static const char * const attribute_escapes[128] = {
  ['\n'] = "&#10;", ['\r'] = "&#13;", ['\t'] = "&#9;", ['"'] = "&quot;",
  ['<'] = "&lt;", ['>'] = "&gt;", ['&'] = "&amp;",
};

/* Appends @value escaped as xmlBufAttrSerializeTxtContent() does for ASCII;
 * returns FALSE at a byte >= 0x80. */
static gboolean
escape_attribute (Buf        *out,
                  const char *value,
                  gsize       len)
{
  const guchar *base = (const guchar *) value;
  const guchar *cur, *end = base + len;

  for (cur = base; cur < end; cur++)
    {
      const char *entity;

      if (*cur >= 0x80)
        return FALSE;
      if (G_LIKELY ((entity = attribute_escapes[*cur]) == NULL))
        continue;
      buf_append (out, (const char *) base, cur - base);
      buf_append (out, entity, strlen (entity));
      base = cur + 1;
    }
  buf_append (out, (const char *) base, cur - base);
  return TRUE;
}

/* @safe: @value is known to need no escaping (a number, a keyword). */
static void
w_attr_full (Writer     *w,
             const char *attr,
             const char *value,
             gboolean    safe)
{
  gsize attr_len, value_len;

  if (!w->pending)
    {
      w_raw_flush (w, FALSE);
      w_check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST attr, BAD_CAST value));
      return;
    }
  if (value == NULL)
    {
      /* Makes the writer fail as it would have. */
      w_flush (w);
      w_check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST attr, NULL));
      return;
    }
  attr_len = strlen (attr);
  value_len = strlen (value);
  buf_append (&w->replay, attr, attr_len + 1);
  buf_append (&w->replay, value, value_len + 1);
  if (w->plain)
    {
      buf_append (&w->tag, " ", 1);
      buf_append (&w->tag, attr, attr_len);
      buf_append (&w->tag, "=\"", 2);
      if (safe)
        buf_append (&w->tag, value, value_len);
      else
        w->plain = escape_attribute (&w->tag, value, value_len);
      buf_append (&w->tag, "\"", 1);
    }
}

static void
w_attr (Writer     *w,
        const char *attr,
        const char *value)
{
  w_attr_full (w, attr, value, FALSE);
}

/* For the output of entente_format_double() and the like: digits, '-',
 * '+', '.', 'e' and ASCII letters only. */
static void
w_attr_safe (Writer     *w,
             const char *attr,
             const char *value)
{
  w_attr_full (w, attr, value, TRUE);
}

static void
w_attr_take (Writer     *w,
             const char *attr,
             char       *value)
{
  w_attr_safe (w, attr, value);
  g_free (value);
}

static void
w_text_element (Writer     *w,
                const char *element,
                const char *text)
{
  if (text == NULL)
    return;
  w_flush (w);
  w_raw_flush (w, FALSE);
  w_check (w, xmlTextWriterWriteElement (w->writer, BAD_CAST element, BAD_CAST text));
  w->raw_ok = w->known_depth;
}

/* Writes @key of the object (@a, @b) when it differs from the default
 * object (@da, @db); returns whether it wrote. */
static gboolean
w_attr_if_changed (Writer              *w,
                   EntenteChangeTarget  target,
                   const char          *a,
                   const char          *b,
                   const char          *da,
                   const char          *db,
                   const char          *key)
{
  g_autofree char *value = entente_scenario_get_attribute (w->self, target, a, b, key);
  g_autofree char *def = entente_scenario_get_attribute (w->defaults, target, da, db, key);

  if (value == NULL || g_strcmp0 (value, def) == 0)
    return FALSE;
  w_attr (w, key, value);
  return TRUE;
}

/* The same for a field known here: @object and @def are the object and
 * the default object (unused for the system and the model). */
static void
w_field_if_changed (Writer              *w,
                    const FastField     *f,
                    gconstpointer        object,
                    gconstpointer        def,
                    EntenteChangeTarget  target,
                    const char          *a,
                    const char          *b,
                    const char          *da,
                    const char          *db,
                    const char          *key)
{
  gconstpointer base;
  g_autofree char *value = NULL;

  if (f == NULL)
    {
      w_attr_if_changed (w, target, a, b, da, db, key);
      return;
    }
  if (f->kind == FAST_SKIP)
    return;
  base = field_base (f, w->self, object);
  if (field_equal (f, base, field_base (f, w->defaults, def)))
    return;
  value = field_format (f, base);
  if (value != NULL)
    w_attr_full (w, key, value, f->kind != FAST_NSTRING);
}

static gboolean
system_is_default (Writer   *w,
                   gboolean  model)
{
  const char * const *keys = entente_scenario_attribute_names (ENTENTE_CHANGE_SYSTEM);
  const FastField * const *fields = resolved_fields (ENTENTE_CHANGE_SYSTEM);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *value = NULL;
      g_autofree char *def = NULL;

      if (is_system_key (keys[i]) == model)
        continue;
      if (fields[i] != NULL && fields[i]->kind != FAST_SKIP)
        {
          if (!field_equal (fields[i], field_base (fields[i], w->self, NULL),
                            field_base (fields[i], w->defaults, NULL)))
            return FALSE;
          continue;
        }
      value = entente_scenario_get_attribute (w->self, ENTENTE_CHANGE_SYSTEM, NULL, NULL, keys[i]);
      def = entente_scenario_get_attribute (w->defaults, ENTENTE_CHANGE_SYSTEM, NULL, NULL,
                                            keys[i]);
      if (g_strcmp0 (value, def) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
write_system (Writer   *w,
              gboolean  model)
{
  const char * const *keys = entente_scenario_attribute_names (ENTENTE_CHANGE_SYSTEM);
  const FastField * const *fields = resolved_fields (ENTENTE_CHANGE_SYSTEM);

  if (system_is_default (w, model))
    return;
  w_start (w, model ? "model" : "system");
  for (guint i = 0; keys[i] != NULL; i++)
    if (is_system_key (keys[i]) != model)
      w_field_if_changed (w, fields[i], NULL, NULL, ENTENTE_CHANGE_SYSTEM, NULL, NULL, NULL, NULL,
                          keys[i]);
  w_end (w);
}

static void
write_states (Writer *w)
{
  const char * const *keys = entente_scenario_attribute_names (ENTENTE_CHANGE_STATE);
  const FastField * const *fields = resolved_fields (ENTENTE_CHANGE_STATE);
  const EntenteState *def = g_ptr_array_index (w->defaults->states, 0);

  w_start (w, "states");
  for (guint i = 0; i < w->self->states->len; i++)
    {
      EntenteState *state = g_ptr_array_index (w->self->states, i);

      w_start (w, "state");
      w_attr (w, "id", state->id);
      w_attr (w, "name", state->name != NULL ? state->name : state->id);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          const char *key = keys[k];

          if (strcmp (key, "name") == 0)
            continue;
          if (strcmp (key, "capability") == 0)
            {
              /* Always written when used, so it reads back as one value. */
              if (state->single_capability)
                {
                  g_autofree char *value = entente_format_double (state->pop);

                  w_attr_safe (w, "capability", value);
                }
              continue;
            }
          if (state->single_capability &&
              (strcmp (key, "pop") == 0 || strcmp (key, "econ") == 0 || strcmp (key, "mil") == 0))
            continue;
          w_field_if_changed (w, fields[k], state, def, ENTENTE_CHANGE_STATE, state->id, NULL,
                              "s", NULL, key);
        }
      w_end (w);
    }
  w_end (w);
}

static void
write_pairs (Writer *w)
{
  const char * const *keys = entente_scenario_attribute_names (ENTENTE_CHANGE_PAIR);
  const FastField * const *fields = resolved_fields (ENTENTE_CHANGE_PAIR);
  gboolean started = FALSE;

  for (guint i = 0; i < w->self->pairs->len; i++)
    {
      const EntentePair *pair = &g_array_index (w->self->pairs, EntentePair, i);
      const char *a, *b;

      /* As entente_scenario_get_pair() == NULL, without the search. */
      if (pair->a == pair->b || _entente_pair_is_default (pair))
        continue;  /* all at defaults */
      if (!started)
        {
          w_start (w, "pairs");
          started = TRUE;
        }
      a = entente_scenario_get_state (w->self, pair->a)->id;
      b = entente_scenario_get_state (w->self, pair->b)->id;
      w_start (w, "pair");
      w_attr (w, "a", a);
      w_attr (w, "b", b);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *value = NULL;

          if (fields[k] != NULL && fields[k]->kind == FAST_DOUBLE)
            {
              /* Written unless it formats as "0" (0 and -0). */
              if (FIELD (pair, fields[k], double) != 0.0)
                w_attr_take (w, keys[k], entente_format_double (FIELD (pair, fields[k], double)));
              continue;
            }
          value = entente_scenario_get_attribute (w->self, ENTENTE_CHANGE_PAIR, a, b, keys[k]);
          if (value != NULL && strcmp (value, "0") != 0)
            w_attr (w, keys[k], value);
        }
      w_end (w);
    }
  if (started)
    w_end (w);
}

static void
write_crises (Writer *w)
{
  const char * const *keys = entente_scenario_attribute_names (ENTENTE_CHANGE_CRISIS);
  const char * const *actor_keys = entente_scenario_attribute_names (ENTENTE_CHANGE_ACTOR);
  const FastField * const *fields = resolved_fields (ENTENTE_CHANGE_CRISIS);
  const FastField * const *actor_fields_ = resolved_fields (ENTENTE_CHANGE_ACTOR);
  const EntenteCrisis *def = g_ptr_array_index (w->defaults->crises, 0);
  const EntenteCrisisActor *def_actor = &g_array_index (def->actors, EntenteCrisisActor, 0);

  if (w->self->crises->len == 0)
    return;
  w_start (w, "crises");
  for (guint c = 0; c < w->self->crises->len; c++)
    {
      EntenteCrisis *crisis = g_ptr_array_index (w->self->crises, c);

      w_start (w, "crisis");
      w_attr (w, "id", crisis->id);
      w_attr (w, "name", crisis->name != NULL ? crisis->name : crisis->id);
      for (guint k = 0; keys[k] != NULL; k++)
        if (strcmp (keys[k], "name") != 0)
          w_field_if_changed (w, fields[k], crisis, def, ENTENTE_CHANGE_CRISIS, crisis->id, NULL,
                              "c", NULL, keys[k]);
      for (guint i = 0; i < crisis->actors->len; i++)
        {
          const EntenteCrisisActor *actor = &g_array_index (crisis->actors, EntenteCrisisActor, i);
          const char *state = entente_scenario_get_state (w->self, actor->state)->id;

          w_start (w, "actor");
          w_attr (w, "state", state);
          for (guint k = 0; actor_keys[k] != NULL; k++)
            w_field_if_changed (w, actor_fields_[k], actor, def_actor, ENTENTE_CHANGE_ACTOR,
                                crisis->id, state, "c", "s", actor_keys[k]);
          w_end (w);
        }
      w_end (w);
    }
  w_end (w);
}

static const char *
change_element (EntenteChangeTarget target)
{
  switch (target)
    {
    case ENTENTE_CHANGE_STATE: return "change-state";
    case ENTENTE_CHANGE_PAIR: return "change-pair";
    case ENTENTE_CHANGE_CRISIS: return "change-crisis";
    case ENTENTE_CHANGE_ACTOR: return "change-actor";
    case ENTENTE_CHANGE_SYSTEM:
    default: return "change-system";
    }
}

static void
write_change_refs (Writer              *w,
                   const EntenteChange *change)
{
  switch (change->target)
    {
    case ENTENTE_CHANGE_STATE:
      w_attr (w, "state", change->a);
      break;
    case ENTENTE_CHANGE_PAIR:
      w_attr (w, "a", change->a);
      w_attr (w, "b", change->b);
      break;
    case ENTENTE_CHANGE_CRISIS:
      w_attr (w, "crisis", change->a);
      break;
    case ENTENTE_CHANGE_ACTOR:
      w_attr (w, "crisis", change->a);
      w_attr (w, "state", change->b);
      break;
    case ENTENTE_CHANGE_SYSTEM:
    default:
      break;
    }
}

static void
write_timeline (Writer *w)
{
  if (w->self->steps->len == 0)
    return;
  w_start (w, "timeline");
  for (guint s = 0; s < w->self->steps->len; s++)
    {
      EntenteStep *step = g_ptr_array_index (w->self->steps, s);
      g_autoptr (GPtrArray) keys = g_ptr_array_new ();
      const EntenteChange *group = NULL;

      w_start (w, "step");
      w_attr (w, "name", step->name);
      if (step->description != NULL)
        w_attr (w, "description", step->description);
      /* Consecutive changes of one object share an element, in order; a
       * key repeated starts a new element (XML has one value per name). */
      for (guint i = 0; i < step->changes->len; i++)
        {
          const EntenteChange *change = g_ptr_array_index (step->changes, i);

          if (group == NULL || group->target != change->target ||
              g_strcmp0 (group->a, change->a) != 0 || g_strcmp0 (group->b, change->b) != 0 ||
              g_ptr_array_find_with_equal_func (keys, change->key, g_str_equal, NULL))
            {
              if (group != NULL)
                w_end (w);
              w_start (w, change_element (change->target));
              write_change_refs (w, change);
              g_ptr_array_set_size (keys, 0);
              group = change;
            }
          w_attr (w, change->key, change->value);
          g_ptr_array_add (keys, change->key);
        }
      if (group != NULL)
        w_end (w);
      w_end (w);
    }
  w_end (w);
}

static void
write_view (Writer *w)
{
  const EntenteView *view = &w->self->view;
  gboolean nodes = FALSE;

  for (guint i = 0; i < w->self->states->len; i++)
    if (((EntenteState *) g_ptr_array_index (w->self->states, i))->has_node_position)
      nodes = TRUE;
  if (view->step == NULL && view->show_threats && view->show_hulls &&
      view->show_labels && view->show_legend && !nodes)
    return;

  w_start (w, "view");
  if (view->step != NULL)
    w_attr (w, "step", view->step);
  if (!view->show_threats)
    w_attr (w, "threats", "false");
  if (!view->show_hulls)
    w_attr (w, "hulls", "false");
  if (!view->show_labels)
    w_attr (w, "labels", "false");
  if (!view->show_legend)
    w_attr (w, "legend", "false");
  for (guint i = 0; i < w->self->states->len; i++)
    {
      EntenteState *state = g_ptr_array_index (w->self->states, i);
      g_autofree char *lat = NULL;
      g_autofree char *lon = NULL;

      if (!state->has_node_position)
        continue;
      lat = entente_format_double (state->node_lat);
      lon = entente_format_double (state->node_lon);
      w_start (w, "node");
      w_attr (w, "state", state->id);
      w_attr_safe (w, "lat", lat);
      w_attr_safe (w, "lon", lon);
      w_end (w);
    }
  w_end (w);
}

static gboolean write_scenario (EntenteScenario *self,
                                gpointer         xml_text_writer,
                                gboolean         known_depth);

/**
 * entente_scenario_write_xml:
 * @self: a scenario
 * @xml_text_writer: an xmlTextWriterPtr
 *
 * Writes the canonical <scenario> element (with its namespace) into the
 * writer, e.g. inside an SVG <metadata>. The writer's indentation
 * settings are left as they are.
 *
 * Returns: whether every write succeeded
 */
gboolean
entente_scenario_write_xml (EntenteScenario *self,
                            gpointer         xml_text_writer)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (xml_text_writer != NULL, FALSE);

  return write_scenario (self, xml_text_writer, FALSE);
}

/* @known_depth: @xml_text_writer is at the top level, indented by "  ". */
static gboolean
write_scenario (EntenteScenario *self,
                gpointer         xml_text_writer,
                gboolean         known_depth)
{
  g_autoptr (EntenteScenario) defaults = entente_scenario_new ();
  Writer w = { xml_text_writer, self, defaults, TRUE, FALSE, FALSE, { 0 }, { 0 },
               known_depth, 0, FALSE, { 0 } };
  EntenteCrisis *crisis;
  EntenteCrisisActor actor = { 0 };

  entente_scenario_insert_state (defaults, "s", NULL, NULL);
  crisis = entente_crisis_new ("c");
  actor.stake = -1.0;
  actor.veto = -1;
  g_array_append_val (crisis->actors, actor);
  g_ptr_array_add (defaults->crises, crisis);

  w_check (&w, xmlTextWriterStartElementNS (w.writer, NULL, BAD_CAST "scenario",
                                            BAD_CAST ENTENTE_SCENARIO_NS));
  w.open = 1;
  w_attr (&w, "version", "1");
  w_text_element (&w, "title", self->title);
  w_text_element (&w, "description", self->description);
  w_text_element (&w, "sources", self->sources);
  write_system (&w, FALSE);
  write_system (&w, TRUE);
  write_states (&w);
  write_pairs (&w);
  write_crises (&w);
  write_timeline (&w);
  write_view (&w);
  w_end (&w);
  g_assert (w.raw.len == 0);
  g_free (w.tag.data);
  g_free (w.replay.data);
  g_free (w.raw.data);
  return w.ok;
}

/**
 * entente_scenario_to_bytes:
 * @self: a scenario
 *
 * Returns: (transfer full): the canonical file contents (UTF-8, indented
 *   by two spaces, ending in a newline)
 */
GBytes *
entente_scenario_to_bytes (EntenteScenario *self)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  GBytes *bytes;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, BAD_CAST "  ");
  ok = xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL) >= 0;
  ok = write_scenario (self, writer, TRUE) && ok;
  ok = xmlTextWriterEndDocument (writer) >= 0 && ok;
  xmlFreeTextWriter (writer);  /* flushes into the buffer */
  g_assert (ok);
  bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

/**
 * entente_scenario_save_file:
 * @self: a scenario
 * @file: where to save
 * @cancellable: (nullable): a cancellable
 * @error: return location for a G_IO_ERROR
 *
 * Writes the canonical form atomically: g_file_replace_contents() writes a
 * temporary file and renames it over @file (no backup is kept).
 */
gboolean
entente_scenario_save_file (EntenteScenario  *self,
                            GFile            *file,
                            GCancellable     *cancellable,
                            GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = entente_scenario_to_bytes (self);
  data = g_bytes_get_data (bytes, &size);
  return g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}
