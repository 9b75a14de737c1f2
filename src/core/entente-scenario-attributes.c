/* entente-scenario-attributes.c: every attribute of the file format, parsed, checked and formatted
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scenario"

#include "config.h"

#include "entente-scenario.h"
#include "entente-scenario-io.h"
#include "entente-scenario-private.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

/* Attribute tables
 *
 * Every attribute of the file format is described once here: its name in
 * the file, where it lives in the struct, how it is parsed and its range.
 * The setter, the getter (used by the saver), equality and the defaults all
 * go through these tables, so adding an attribute is one line.
 */

typedef enum
{
  KIND_DOUBLE,          /* finite double in [min, max] */
  KIND_DOUBLE_POS,      /* finite double in (min, max] */
  KIND_BOOL,            /* gboolean: true/false/1/0 */
  KIND_TRISTATE,        /* int -1, 0, +1 (gp-override) */
  KIND_DERIVED_BOOL,    /* int: -1 "derived", 0, 1 (veto) */
  KIND_DERIVED_DOUBLE,  /* double: < 0 "derived", else [min, max] (stake) */
  KIND_STRING,          /* char *, non-NULL */
  KIND_NSTRING,         /* char *, nullable; "" means NULL */
  KIND_MODE,            /* EntenteAlignMode */
  KIND_CRISIS_TYPE,     /* EntenteCrisisType */
  KIND_UINT,            /* guint in [min, max] */
  KIND_UINT64,          /* guint64 */
  KIND_WEIGHT,          /* raw capability weight: double >= 0, renormalises */
  KIND_CAPABILITY,      /* sets pop = econ = mil (virtual) */
  KIND_COMPONENT,       /* pop, econ, mil: double >= 0, clears single_capability */
} AttrKind;

typedef struct
{
  const char *name;
  AttrKind    kind;
  gsize       offset;
  double      min, max;
} Attr;

#define S(field) G_STRUCT_OFFSET (EntenteState, field)
#define P(field) G_STRUCT_OFFSET (EntentePair, field)
#define Y(field) G_STRUCT_OFFSET (EntenteSystem, field)
#define M(field) G_STRUCT_OFFSET (EntenteParams, field)
#define C(field) G_STRUCT_OFFSET (EntenteCrisis, field)
#define A(field) G_STRUCT_OFFSET (EntenteCrisisActor, field)

static const Attr state_attrs[] = {
  { "name",        KIND_STRING,     S (name),        0, 0 },
  { "label",       KIND_NSTRING,    S (label),       0, 0 },
  { "capability",  KIND_CAPABILITY, 0,               0, G_MAXDOUBLE },
  { "pop",         KIND_COMPONENT,  S (pop),         0, G_MAXDOUBLE },
  { "econ",        KIND_COMPONENT,  S (econ),        0, G_MAXDOUBLE },
  { "mil",         KIND_COMPONENT,  S (mil),         0, G_MAXDOUBLE },
  { "offence",     KIND_DOUBLE,     S (offence),     0, 1 },
  { "intention",   KIND_DOUBLE,     S (intention),   0, 1 },
  { "lat",         KIND_DOUBLE,     S (lat),         -90, 90 },
  { "lon",         KIND_DOUBLE,     S (lon),         -180, 180 },
  { "domestic",    KIND_DOUBLE,     S (domestic),    0, 1 },
  { "gp-override", KIND_TRISTATE,   S (gp_override), -1, 1 },
  { "contained",   KIND_BOOL,       S (contained),   0, 0 },
  { NULL, 0, 0, 0, 0 }
};

/* Display position of the node (<view><node state lat lon/>): settable by
 * name, but not a <state> attribute, so not in the table above. */
static const Attr node_attrs[] = {
  { "node-lat", KIND_DOUBLE, S (node_lat), -90, 90 },
  { "node-lon", KIND_DOUBLE, S (node_lon), -180, 180 },
  { NULL, 0, 0, 0, 0 }
};

static const Attr pair_attrs[] = {
  { "affinity",   KIND_DOUBLE, P (affinity),   -1, 1 },
  { "commitment", KIND_DOUBLE, P (commitment), 0, 1 },
  { "rivalry",    KIND_DOUBLE, P (rivalry),    0, 1 },
  { "contiguity", KIND_DOUBLE, P (contiguity), 0, 1 },
  { NULL, 0, 0, 0, 0 }
};

static const Attr system_attrs[] = {
  { "odb",           KIND_DOUBLE,     Y (odb),           -1, 1 },
  { "antihegemonic", KIND_BOOL,       Y (antihegemonic), 0, 0 },
  { "war-shock",     KIND_DOUBLE,     Y (war_shock),     0, 1 },
  { "years-since",   KIND_DOUBLE,     Y (years_since),   0, G_MAXDOUBLE },
  { "half-life",     KIND_DOUBLE_POS, Y (half_life),     0, G_MAXDOUBLE },
  { "cost-of-war",   KIND_DOUBLE,     Y (cost_of_war),   0, 1 },
  { "transparency",  KIND_DOUBLE,     Y (transparency),  0, 1 },
  { "nu",            KIND_DOUBLE,     Y (nu),            0, 1 },
  { "nu-p",          KIND_DOUBLE,     Y (nu_p),          0, 1 },
  { "w-pop",         KIND_WEIGHT,     Y (w_pop_raw),     0, G_MAXDOUBLE },
  { "w-econ",        KIND_WEIGHT,     Y (w_econ_raw),    0, G_MAXDOUBLE },
  { "w-mil",         KIND_WEIGHT,     Y (w_mil_raw),     0, G_MAXDOUBLE },
  { "mode",          KIND_MODE,       Y (mode),          0, 0 },
  { NULL, 0, 0, 0, 0 }
};

/* <model>: EntenteParams, attribute = field name with '-' for '_'. */
static const Attr params_attrs[] = {
  { "r0",          KIND_DOUBLE_POS, M (r0),          0, 1e5 },
  { "theta-low",   KIND_DOUBLE,     M (theta_low),   0, 1 },
  { "theta-high",  KIND_DOUBLE,     M (theta_high),  0, 1 },
  { "w-weak",      KIND_DOUBLE,     M (w_weak),      0, 1 },
  { "phi-feas",    KIND_DOUBLE,     M (phi_feas),    0, 1e6 },
  { "delta-odb",   KIND_DOUBLE,     M (delta_odb),   0, 1 },
  { "k-cg",        KIND_DOUBLE,     M (k_cg),        0, 1 },
  { "theta-rev",   KIND_DOUBLE,     M (theta_rev),   0, 1 },
  { "theta-wolf",  KIND_DOUBLE,     M (theta_wolf),  0, 1 },
  { "pole-frac",   KIND_DOUBLE,     M (pole_frac),   0, 1 },
  { "gp-frac",     KIND_DOUBLE,     M (gp_frac),     0, 1 },
  { "ph-ratio",    KIND_DOUBLE,     M (ph_ratio),    0, 1e6 },
  { "psi-r",       KIND_DOUBLE,     M (psi_r),       0, 1e6 },
  { "psi-a",       KIND_DOUBLE,     M (psi_a),       0, 1e6 },
  { "w-a",         KIND_DOUBLE,     M (w_a),         0, 1e6 },
  { "w-k",         KIND_DOUBLE,     M (w_k),         0, 1e6 },
  { "w-r",         KIND_DOUBLE,     M (w_r),         0, 1e6 },
  { "w-t",         KIND_DOUBLE,     M (w_t),         0, 1e6 },
  { "w-s",         KIND_DOUBLE,     M (w_s),         0, 1e6 },
  { "w-cg",        KIND_DOUBLE,     M (w_cg),        0, 1e6 },
  { "w-bw",        KIND_DOUBLE,     M (w_bw),        0, 1e6 },
  { "beta-bp",     KIND_DOUBLE,     M (beta_bp),     0, 1e6 },
  { "kappa0",      KIND_DOUBLE,     M (kappa0),      0, 1e6 },
  { "kappa-hide",  KIND_DOUBLE,     M (kappa_hide),  0, 1e6 },
  { "kappa-bp",    KIND_DOUBLE,     M (kappa_bp),    0, 1e6 },
  { "theta-j",     KIND_DOUBLE,     M (theta_j),     0, 1 },
  { "theta-b",     KIND_DOUBLE,     M (theta_b),     0, 1 },
  { "strong-j",    KIND_DOUBLE,     M (strong_j),    0, 1 },
  { "lambda-inst", KIND_DOUBLE,     M (lambda_inst), 0, 1e6 },
  { "exact-n3",    KIND_UINT,       M (exact_n3),    0, 64 },
  { "exact-n2",    KIND_UINT,       M (exact_n2),    0, 64 },
  { "restarts",    KIND_UINT,       M (restarts),    0, 1e6 },
  { "seed",        KIND_UINT64,     M (seed),        0, 0 },
  { NULL, 0, 0, 0, 0 }
};

static const Attr crisis_attrs[] = {
  { "name",      KIND_STRING,      C (name),      0, 0 },
  { "lat",       KIND_DOUBLE,      C (lat),       -90, 90 },
  { "lon",       KIND_DOUBLE,      C (lon),       -180, 180 },
  { "type",      KIND_CRISIS_TYPE, C (type),      0, 0 },
  { "progress",  KIND_DOUBLE,      C (progress),  0, 1 },
  { "risk",      KIND_DOUBLE,      C (risk),      0, 1 },
  { "receptive", KIND_DOUBLE,      C (receptive), 0, 1 },
  { NULL, 0, 0, 0, 0 }
};

static const Attr actor_attrs[] = {
  { "lead",     KIND_BOOL,           A (lead),     0, 0 },
  { "stake",    KIND_DERIVED_DOUBLE, A (stake),    0, 1 },
  { "stance",   KIND_DOUBLE,         A (stance),   -1, 1 },
  { "regional", KIND_BOOL,           A (regional), 0, 0 },
  { "veto",     KIND_DERIVED_BOOL,   A (veto),     0, 0 },
  { NULL, 0, 0, 0, 0 }
};

#undef S
#undef P
#undef Y
#undef M
#undef C
#undef A

#define FIELD(base, attr, type) ((type *) (gpointer) ((guint8 *) (base) + (attr)->offset))

static const Attr *
find_attr (const Attr *table,
           const char *name)
{
  for (const Attr *attr = table; attr->name != NULL; attr++)
    if (strcmp (attr->name, name) == 0)
      return attr;
  return NULL;
}

static const char * const *
names_of (const Attr *table,
          const Attr *more)
{
  /* Built once, leaked on purpose: a static, NULL-terminated list. */
  GPtrArray *names = g_ptr_array_new ();

  for (const Attr *attr = table; attr->name != NULL; attr++)
    g_ptr_array_add (names, (gpointer) attr->name);
  if (more != NULL)
    for (const Attr *attr = more; attr->name != NULL; attr++)
      g_ptr_array_add (names, (gpointer) attr->name);
  g_ptr_array_add (names, NULL);
  return (const char * const *) g_ptr_array_free (names, FALSE);
}

const char * const *
entente_scenario_attribute_names (EntenteChangeTarget target)
{
  static const char * const *lists[5];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      lists[ENTENTE_CHANGE_STATE] = names_of (state_attrs, NULL);
      lists[ENTENTE_CHANGE_PAIR] = names_of (pair_attrs, NULL);
      lists[ENTENTE_CHANGE_SYSTEM] = names_of (system_attrs, params_attrs);
      lists[ENTENTE_CHANGE_CRISIS] = names_of (crisis_attrs, NULL);
      lists[ENTENTE_CHANGE_ACTOR] = names_of (actor_attrs, NULL);
      g_once_init_leave (&initialised, 1);
    }

  g_return_val_if_fail (target <= ENTENTE_CHANGE_ACTOR, NULL);

  return lists[target];
}

/* Numbers */

/* Powers of ten that doubles hold exactly. */
static const double pow10_exact[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* What "%.15g" would print for @value, without printf: 1 when @buf holds
 * it and it reads back exactly; 0 when "%.15g" does not read back exactly;
 * -1 when not decided here (then ask printf). 15 significant digits N fit
 * a double exactly, so N / 10^k is correctly rounded: it equals @value
 * exactly when some 15-digit decimal reads back as @value, and that
 * decimal is then the one printf rounds to (two 15-digit decimals are more
 * than a double's spacing apart). Plain notation only (-4 <= exponent < 15). */
static int
format_15 (double  value,
           char   *buf)
{
  double a = fabs (value);
  long long n = 0;
  int k, x, i, point, len;
  char digits[16];
  char *p = buf;
  gboolean found = FALSE;

  if (!(a >= 1e-4 && a < 1e15))
    return -1;
  x = (int) floor (log10 (a));
  k = 14 - x;
  /* log10 may be one off near powers of ten: bring N to 15 digits. */
  if (k >= 0 && k <= 22 && llround (a * pow10_exact[k]) >= 1000000000000000LL)
    k--;
  else if (k >= 0 && k <= 22 && llround (a * pow10_exact[k]) < 100000000000000LL)
    k++;
  if (k < 0 || k > 18)
    return -1;
  for (i = -1; i <= 1 && !found; i++)
    {
      n = llround (a * pow10_exact[k]) + i;
      if (n >= 100000000000000LL && n < 1000000000000000LL && (double) n / pow10_exact[k] == a)
        found = TRUE;
    }
  if (!found)
    return 0;
  for (i = 14; i >= 0; i--)
    {
      digits[i] = (char) ('0' + n % 10);
      n /= 10;
    }
  len = 15;
  point = 15 - k;       /* digits before the decimal point */
  while (len > point && len > 0 && digits[len - 1] == '0')
    len--;
  if (value < 0)
    *p++ = '-';
  if (point <= 0)
    {
      *p++ = '0';
      *p++ = '.';
      for (i = point; i < 0; i++)
        *p++ = '0';
      memcpy (p, digits, len);
      p += len;
    }
  else
    {
      memcpy (p, digits, point);
      p += point;
      if (len > point)
        {
          *p++ = '.';
          memcpy (p, digits + point, len - point);
          p += len - point;
        }
    }
  *p = '\0';
  return 1;
}

#if defined (LDBL_MANT_DIG) && LDBL_MANT_DIG >= 64
/* Powers of ten that a long double of 64 mantissa bits holds exactly. */
static const long double pow10_long[] = {
  1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L, 1e11L, 1e12L, 1e13L,
  1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L, 1e21L, 1e22L, 1e23L, 1e24L, 1e25L,
  1e26L, 1e27L
};

/* What "%.<prec>g" prints for @value (prec 16 or 17), without printf,
 * or FALSE when it cannot tell. value × 10^k in a long double is within
 * 0.006 of the exact product, so its rounding to an integer is printf's
 * unless the product is within 0.05 of a half. Plain notation only. */
static gboolean
format_prec (double  value,
             int     prec,
             char   *buf)
{
  double a = fabs (value);
  long double y, whole;
  long long n;
  int k, i, point, len;
  char digits[20];
  char *p = buf;

  if (!(a >= 1e-4 && a < 1e15))
    return FALSE;
  k = prec - 1 - (int) floor (log10 (a));
  if (k < 0 || k > 27)
    return FALSE;
  y = (long double) a * pow10_long[k];
  if (y >= pow10_long[prec] && k > 0)
    y = (long double) a * pow10_long[--k];
  else if (y < pow10_long[prec - 1] && k < 27)
    y = (long double) a * pow10_long[++k];
  if (y < pow10_long[prec - 1] || y >= pow10_long[prec])
    return FALSE;
  whole = floorl (y);
  if (fabsl (y - whole - 0.5L) < 0.05L)
    return FALSE;
  n = (long long) whole + (y - whole > 0.5L ? 1 : 0);
  if ((long double) n == pow10_long[prec])
    {
      /* Rounded up to the next power of ten. */
      n /= 10;
      k--;
      if (k < 0)
        return FALSE;
    }
  for (i = prec - 1; i >= 0; i--)
    {
      digits[i] = (char) ('0' + n % 10);
      n /= 10;
    }
  len = prec;
  point = prec - k;
  if (point > prec)
    return FALSE;
  while (len > point && len > 0 && digits[len - 1] == '0')
    len--;
  if (value < 0)
    *p++ = '-';
  if (point <= 0)
    {
      *p++ = '0';
      *p++ = '.';
      for (i = point; i < 0; i++)
        *p++ = '0';
      memcpy (p, digits, len);
      p += len;
    }
  else
    {
      memcpy (p, digits, point);
      p += point;
      if (len > point)
        {
          *p++ = '.';
          memcpy (p, digits + point, len - point);
          p += len - point;
        }
    }
  *p = '\0';
  return TRUE;
}
#else
static gboolean
format_prec (double  value,
             int     prec,
             char   *buf)
{
  return FALSE;
}
#endif

/* The first of "%.15g", "%.16g", "%.17g" that reads back exactly (the
 * bytes files have always had), with printf asked only in the rare cases
 * format_15() and format_prec() cannot decide. */
char *
entente_format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  int r;

  if (value == 0.0)
    return g_strdup ("0");  /* also folds -0 */

  r = format_15 (value, buf);
  if (r == 1)
    return g_strdup (buf);
  if (r < 0)
    {
      g_ascii_formatd (buf, sizeof buf, "%.15g", value);
      if (g_ascii_strtod (buf, NULL) == value)
        return g_strdup (buf);
    }
  if (!format_prec (value, 16, buf))
    g_ascii_formatd (buf, sizeof buf, "%.16g", value);
  if (g_ascii_strtod (buf, NULL) == value)
    return g_strdup (buf);
  if (!format_prec (value, 17, buf))
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);  /* always reads back */
  return g_strdup (buf);
}

static gboolean
parse_double (const char  *key,
              const char  *value,
              double      *out,
              GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));
  char *end = NULL;
  double v;

  if (copy[0] == '\0')
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "%s: empty value, expected a number", key);
      return FALSE;
    }

  errno = 0;
  v = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0')
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "%s=\"%s\" is not a number", key, value);
      return FALSE;
    }
  if (isnan (v) || isinf (v) || errno == ERANGE)
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "%s=\"%s\" is not a finite number", key, value);
      return FALSE;
    }
  *out = v == 0.0 ? 0.0 : v;  /* no -0 */
  return TRUE;
}

static gboolean
parse_bool (const char  *key,
            const char  *value,
            gboolean    *out,
            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));

  if (strcmp (copy, "true") == 0 || strcmp (copy, "1") == 0)
    *out = TRUE;
  else if (strcmp (copy, "false") == 0 || strcmp (copy, "0") == 0)
    *out = FALSE;
  else
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "%s=\"%s\" is not a boolean (true or false)", key, value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
out_of_range (const Attr  *attr,
              const char  *value,
              GError     **error)
{
  g_autofree char *lo = entente_format_double (attr->min);
  g_autofree char *hi = entente_format_double (attr->max);

  if (attr->kind == KIND_DOUBLE_POS)
    g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                 "%s=\"%s\" is out of range: must be > %s", attr->name, value, lo);
  else if (attr->max == G_MAXDOUBLE)
    g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                 "%s=\"%s\" is out of range: must be >= %s", attr->name, value, lo);
  else
    g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                 "%s=\"%s\" is out of range [%s, %s]", attr->name, value, lo, hi);
  return FALSE;
}

static void
normalise_weights (EntenteSystem *system)
{
  double sum = system->w_pop_raw + system->w_econ_raw + system->w_mil_raw;
  double unit = 1.0;

  if (sum <= 1e-12)
    {
      system->w_pop = system->w_econ = system->w_mil = 1.0 / 3.0;
      return;
    }
  /* Raw weights may each be up to G_MAXDOUBLE: a sum that overflows is
   * taken in units of the largest (inf would make every weight 0). */
  if (!isfinite (sum))
    {
      unit = MAX (system->w_pop_raw, MAX (system->w_econ_raw, system->w_mil_raw));
      sum = system->w_pop_raw / unit + system->w_econ_raw / unit + system->w_mil_raw / unit;
    }
  system->w_pop = system->w_pop_raw / unit / sum;
  system->w_econ = system->w_econ_raw / unit / sum;
  system->w_mil = system->w_mil_raw / unit / sum;
}

void
entente_system_normalise_weights (EntenteSystem *system)
{
  g_return_if_fail (system != NULL);

  normalise_weights (system);
}

/* Parses and validates @value for @attr, then stores it in @base. Nothing
 * is written when the value is rejected. */
static gboolean
attr_set (gpointer     base,
          const Attr  *attr,
          const char  *value,
          GError     **error)
{
  double d = 0;
  gboolean b = FALSE;

  g_assert (base != NULL);
  g_assert (attr != NULL);

  if (value == NULL)
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "%s: missing value", attr->name);
      return FALSE;
    }

  switch (attr->kind)
    {
    case KIND_DOUBLE:
    case KIND_COMPONENT:
    case KIND_WEIGHT:
      if (!parse_double (attr->name, value, &d, error))
        return FALSE;
      if (d < attr->min || d > attr->max)
        return out_of_range (attr, value, error);
      *FIELD (base, attr, double) = d;
      if (attr->kind == KIND_COMPONENT)
        ((EntenteState *) base)->single_capability = FALSE;
      if (attr->kind == KIND_WEIGHT)
        normalise_weights (base);
      return TRUE;

    case KIND_DOUBLE_POS:
      if (!parse_double (attr->name, value, &d, error))
        return FALSE;
      if (d <= attr->min || d > attr->max)
        return out_of_range (attr, value, error);
      *FIELD (base, attr, double) = d;
      return TRUE;

    case KIND_CAPABILITY:
      {
        EntenteState *state = base;

        if (!parse_double (attr->name, value, &d, error))
          return FALSE;
        if (d < attr->min || d > attr->max)
          return out_of_range (attr, value, error);
        state->pop = state->econ = state->mil = d;
        state->single_capability = TRUE;
        return TRUE;
      }

    case KIND_DERIVED_DOUBLE:
      if (strcmp (value, "derived") == 0)
        {
          *FIELD (base, attr, double) = -1.0;
          return TRUE;
        }
      if (!parse_double (attr->name, value, &d, error))
        return FALSE;
      if (d < attr->min || d > attr->max)
        return out_of_range (attr, value, error);
      *FIELD (base, attr, double) = d;
      return TRUE;

    case KIND_BOOL:
      if (!parse_bool (attr->name, value, &b, error))
        return FALSE;
      *FIELD (base, attr, gboolean) = b;
      return TRUE;

    case KIND_DERIVED_BOOL:
      if (strcmp (value, "derived") == 0)
        {
          *FIELD (base, attr, int) = -1;
          return TRUE;
        }
      if (!parse_bool (attr->name, value, &b, NULL))
        {
          g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                       "%s=\"%s\" must be true, false or derived", attr->name, value);
          return FALSE;
        }
      *FIELD (base, attr, int) = b ? 1 : 0;
      return TRUE;

    case KIND_TRISTATE:
      {
        gint64 v = 0;

        if (!g_ascii_string_to_signed (value, 10, -1, 1, &v, NULL))
          {
            g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                         "%s=\"%s\" must be -1, 0 or 1", attr->name, value);
            return FALSE;
          }
        *FIELD (base, attr, int) = (int) v;
        return TRUE;
      }

    case KIND_UINT:
      {
        guint64 v = 0;

        if (!g_ascii_string_to_unsigned (value, 10, (guint64) attr->min,
                                         (guint64) attr->max, &v, NULL))
          {
            g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                         "%s=\"%s\" must be an integer in [%u, %u]", attr->name, value,
                         (guint) attr->min, (guint) attr->max);
            return FALSE;
          }
        *FIELD (base, attr, guint) = (guint) v;
        return TRUE;
      }

    case KIND_UINT64:
      {
        guint64 v = 0;

        if (!g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT64, &v, NULL))
          {
            g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                         "%s=\"%s\" must be a non-negative decimal integer",
                         attr->name, value);
            return FALSE;
          }
        *FIELD (base, attr, guint64) = v;
        return TRUE;
      }

    case KIND_STRING:
      if (!g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                       "%s: not valid UTF-8", attr->name);
          return FALSE;
        }
      g_free (*FIELD (base, attr, char *));
      *FIELD (base, attr, char *) = g_strdup (value);
      return TRUE;

    case KIND_NSTRING:
      if (!g_utf8_validate (value, -1, NULL))
        {
          g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                       "%s: not valid UTF-8", attr->name);
          return FALSE;
        }
      g_free (*FIELD (base, attr, char *));
      *FIELD (base, attr, char *) = value[0] != '\0' ? g_strdup (value) : NULL;
      return TRUE;

    case KIND_MODE:
      if (strcmp (value, "entente") == 0)
        *FIELD (base, attr, EntenteAlignMode) = ENTENTE_ALIGN_MODE_ENTENTE;
      else if (strcmp (value, "ab1993") == 0)
        *FIELD (base, attr, EntenteAlignMode) = ENTENTE_ALIGN_MODE_AB1993;
      else
        {
          g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                       "%s=\"%s\" must be entente or ab1993", attr->name, value);
          return FALSE;
        }
      return TRUE;

    case KIND_CRISIS_TYPE:
      if (strcmp (value, "mediation") == 0)
        *FIELD (base, attr, EntenteCrisisType) = ENTENTE_CRISIS_MEDIATION;
      else if (strcmp (value, "coercive") == 0)
        *FIELD (base, attr, EntenteCrisisType) = ENTENTE_CRISIS_COERCIVE;
      else
        {
          g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                       "%s=\"%s\" must be mediation or coercive", attr->name, value);
          return FALSE;
        }
      return TRUE;

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* The value in file syntax; NULL for an unset nullable string. */
static char *
attr_get (gconstpointer  base,
          const Attr    *attr)
{
  g_assert (base != NULL);

  switch (attr->kind)
    {
    case KIND_DOUBLE:
    case KIND_DOUBLE_POS:
    case KIND_COMPONENT:
    case KIND_WEIGHT:
      return entente_format_double (*FIELD (base, attr, double));

    case KIND_CAPABILITY:
      return entente_format_double (((const EntenteState *) base)->pop);

    case KIND_DERIVED_DOUBLE:
      if (*FIELD (base, attr, double) < 0)
        return g_strdup ("derived");
      return entente_format_double (*FIELD (base, attr, double));

    case KIND_BOOL:
      return g_strdup (*FIELD (base, attr, gboolean) ? "true" : "false");

    case KIND_DERIVED_BOOL:
      if (*FIELD (base, attr, int) < 0)
        return g_strdup ("derived");
      return g_strdup (*FIELD (base, attr, int) ? "true" : "false");

    case KIND_TRISTATE:
      return g_strdup_printf ("%d", *FIELD (base, attr, int));

    case KIND_UINT:
      return g_strdup_printf ("%u", *FIELD (base, attr, guint));

    case KIND_UINT64:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, *FIELD (base, attr, guint64));

    case KIND_STRING:
    case KIND_NSTRING:
      return g_strdup (*FIELD (base, attr, char *));

    case KIND_MODE:
      return g_strdup (*FIELD (base, attr, EntenteAlignMode) == ENTENTE_ALIGN_MODE_AB1993
                       ? "ab1993" : "entente");

    case KIND_CRISIS_TYPE:
      return g_strdup (*FIELD (base, attr, EntenteCrisisType) == ENTENTE_CRISIS_COERCIVE
                       ? "coercive" : "mediation");

    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static gboolean
attr_equal (gconstpointer  a,
            gconstpointer  b,
            const Attr    *attr)
{
  switch (attr->kind)
    {
    case KIND_DOUBLE:
    case KIND_DOUBLE_POS:
    case KIND_COMPONENT:
    case KIND_WEIGHT:
    case KIND_DERIVED_DOUBLE:
      return *FIELD (a, attr, double) == *FIELD (b, attr, double);

    case KIND_CAPABILITY:
      return TRUE;  /* virtual: pop, econ, mil and single_capability say it all */

    case KIND_BOOL:
      return !*FIELD (a, attr, gboolean) == !*FIELD (b, attr, gboolean);

    case KIND_DERIVED_BOOL:
    case KIND_TRISTATE:
      return *FIELD (a, attr, int) == *FIELD (b, attr, int);

    case KIND_UINT:
      return *FIELD (a, attr, guint) == *FIELD (b, attr, guint);

    case KIND_UINT64:
      return *FIELD (a, attr, guint64) == *FIELD (b, attr, guint64);

    case KIND_STRING:
    case KIND_NSTRING:
      return g_strcmp0 (*FIELD (a, attr, char *), *FIELD (b, attr, char *)) == 0;

    case KIND_MODE:
      return *FIELD (a, attr, EntenteAlignMode) == *FIELD (b, attr, EntenteAlignMode);

    case KIND_CRISIS_TYPE:
      return *FIELD (a, attr, EntenteCrisisType) == *FIELD (b, attr, EntenteCrisisType);

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static gboolean
table_equal (gconstpointer  a,
             gconstpointer  b,
             const Attr    *table)
{
  for (const Attr *attr = table; attr->name != NULL; attr++)
    if (!attr_equal (a, b, attr))
      return FALSE;
  return TRUE;
}

static int
lookup_state (EntenteScenario  *self,
              const char       *id,
              GError          **error)
{
  int index = entente_scenario_find_state (self, id);

  if (index < 0)
    g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                 "unknown state \"%s\"", id != NULL ? id : "(none)");
  return index;
}

static int
lookup_crisis (EntenteScenario  *self,
               const char       *id,
               GError          **error)
{
  int index = entente_scenario_find_crisis (self, id);

  if (index < 0)
    g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                 "unknown crisis \"%s\"", id != NULL ? id : "(none)");
  return index;
}

static gboolean
unknown_attribute (const char  *key,
                   const char  *what,
                   GError     **error)
{
  g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
               "unknown attribute \"%s\" for %s", key, what);
  return FALSE;
}

static gboolean
resolve_pair (EntenteScenario  *self,
              const char       *a,
              const char       *b,
              int              *i,
              int              *j,
              GError          **error)
{
  if ((*i = lookup_state (self, a, error)) < 0 ||
      (*j = lookup_state (self, b, error)) < 0)
    return FALSE;
  if (*i == *j)
    {
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "pair of state \"%s\" with itself", a);
      return FALSE;
    }
  return TRUE;
}

gboolean
entente_scenario_set_attribute (EntenteScenario     *self,
                                EntenteChangeTarget  target,
                                const char          *a,
                                const char          *b,
                                const char          *key,
                                const char          *value,
                                GError             **error)
{
  const Attr *attr;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (target)
    {
    case ENTENTE_CHANGE_STATE:
      {
        int index = lookup_state (self, a, error);
        EntenteState *state;

        if (index < 0)
          return FALSE;
        state = g_ptr_array_index (self->states, index);
        if ((attr = find_attr (state_attrs, key)) != NULL)
          return attr_set (state, attr, value, error);
        if ((attr = find_attr (node_attrs, key)) != NULL)
          {
            if (!state->has_node_position)
              {
                state->node_lat = state->lat;
                state->node_lon = state->lon;
              }
            if (!attr_set (state, attr, value, error))
              return FALSE;
            state->has_node_position = TRUE;
            return TRUE;
          }
        return unknown_attribute (key, "a state", error);
      }

    case ENTENTE_CHANGE_PAIR:
      {
        int i, j;
        guint position;
        EntentePair pair;

        if ((attr = find_attr (pair_attrs, key)) == NULL)
          return unknown_attribute (key, "a pair", error);
        if (!resolve_pair (self, a, b, &i, &j, error))
          return FALSE;
        /* Work on a copy so that only non-default pairs are ever stored. */
        if (_entente_scenario_pair_search (self, MIN (i, j), MAX (i, j), &position))
          pair = g_array_index (self->pairs, EntentePair, position);
        else
          _entente_pair_init_defaults (&pair, MIN (i, j), MAX (i, j));
        if (!attr_set (&pair, attr, value, error))
          return FALSE;
        if (_entente_scenario_pair_search (self, pair.a, pair.b, &position))
          {
            if (_entente_pair_is_default (&pair))
              g_array_remove_index (self->pairs, position);
            else
              g_array_index (self->pairs, EntentePair, position) = pair;
          }
        else if (!_entente_pair_is_default (&pair))
          g_array_insert_val (self->pairs, position, pair);
        return TRUE;
      }

    case ENTENTE_CHANGE_SYSTEM:
      if ((attr = find_attr (system_attrs, key)) != NULL)
        return attr_set (&self->system, attr, value, error);
      if ((attr = find_attr (params_attrs, key)) != NULL)
        return attr_set (&self->params, attr, value, error);
      return unknown_attribute (key, "the system", error);

    case ENTENTE_CHANGE_CRISIS:
      {
        int index;

        if ((attr = find_attr (crisis_attrs, key)) == NULL)
          return unknown_attribute (key, "a crisis", error);
        if ((index = lookup_crisis (self, a, error)) < 0)
          return FALSE;
        return attr_set (g_ptr_array_index (self->crises, index), attr, value, error);
      }

    case ENTENTE_CHANGE_ACTOR:
      {
        int c, s, k;
        EntenteCrisis *crisis;
        EntenteCrisisActor actor;

        if ((attr = find_attr (actor_attrs, key)) == NULL)
          return unknown_attribute (key, "a crisis actor", error);
        if ((c = lookup_crisis (self, a, error)) < 0 ||
            (s = lookup_state (self, b, error)) < 0)
          return FALSE;
        crisis = g_ptr_array_index (self->crises, c);
        /* An unknown actor is added: a step may bring a state into a crisis. */
        k = entente_scenario_find_actor (self, c, s);
        if (k >= 0)
          actor = g_array_index (crisis->actors, EntenteCrisisActor, k);
        else
          _entente_actor_init_defaults (&actor, s);
        if (!attr_set (&actor, attr, value, error))
          return FALSE;
        if (k >= 0)
          g_array_index (crisis->actors, EntenteCrisisActor, k) = actor;
        else
          g_array_append_val (crisis->actors, actor);
        return TRUE;
      }

    default:
      g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_INVALID,
                   "unknown change target %d", (int) target);
      return FALSE;
    }
}

char *
entente_scenario_get_attribute (EntenteScenario     *self,
                                EntenteChangeTarget  target,
                                const char          *a,
                                const char          *b,
                                const char          *key)
{
  const Attr *attr;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  switch (target)
    {
    case ENTENTE_CHANGE_STATE:
      {
        int index = entente_scenario_find_state (self, a);

        if (index < 0)
          return NULL;
        if ((attr = find_attr (state_attrs, key)) == NULL &&
            (attr = find_attr (node_attrs, key)) == NULL)
          return NULL;
        return attr_get (g_ptr_array_index (self->states, index), attr);
      }

    case ENTENTE_CHANGE_PAIR:
      {
        int i = entente_scenario_find_state (self, a);
        int j = entente_scenario_find_state (self, b);
        const EntentePair *pair;
        EntentePair def;

        if (i < 0 || j < 0 || i == j || (attr = find_attr (pair_attrs, key)) == NULL)
          return NULL;
        pair = entente_scenario_get_pair (self, i, j);
        if (pair == NULL)
          {
            _entente_pair_init_defaults (&def, MIN (i, j), MAX (i, j));
            pair = &def;
          }
        return attr_get (pair, attr);
      }

    case ENTENTE_CHANGE_SYSTEM:
      if ((attr = find_attr (system_attrs, key)) != NULL)
        return attr_get (&self->system, attr);
      if ((attr = find_attr (params_attrs, key)) != NULL)
        return attr_get (&self->params, attr);
      return NULL;

    case ENTENTE_CHANGE_CRISIS:
      {
        int index = entente_scenario_find_crisis (self, a);

        if (index < 0 || (attr = find_attr (crisis_attrs, key)) == NULL)
          return NULL;
        return attr_get (g_ptr_array_index (self->crises, index), attr);
      }

    case ENTENTE_CHANGE_ACTOR:
      {
        int c = entente_scenario_find_crisis (self, a);
        int s = entente_scenario_find_state (self, b);
        int k;
        EntenteCrisis *crisis;

        if (c < 0 || s < 0 || (attr = find_attr (actor_attrs, key)) == NULL)
          return NULL;
        if ((k = entente_scenario_find_actor (self, c, s)) < 0)
          return NULL;
        crisis = g_ptr_array_index (self->crises, c);
        return attr_get (&g_array_index (crisis->actors, EntenteCrisisActor, k), attr);
      }

    default:
      return NULL;
    }
}

gboolean
_entente_attrs_equal (EntenteAttrs  table,
                      gconstpointer a,
                      gconstpointer b)
{
  static const Attr * const tables[] = {
    [ENTENTE_ATTRS_STATE] = state_attrs,
    [ENTENTE_ATTRS_PAIR] = pair_attrs,
    [ENTENTE_ATTRS_SYSTEM] = system_attrs,
    [ENTENTE_ATTRS_PARAMS] = params_attrs,
    [ENTENTE_ATTRS_CRISIS] = crisis_attrs,
    [ENTENTE_ATTRS_ACTOR] = actor_attrs,
  };

  g_assert (table < G_N_ELEMENTS (tables));

  return table_equal (a, b, tables[table]);
}
