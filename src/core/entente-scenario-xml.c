/* entente-scenario-xml.c: parsing untrusted XML safely, and validating it against entente.rng
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-scenario-io"

#include "config.h"

#include "entente-scenario-io.h"
#include "entente-scenario-private.h"
#include "entente-xml-private.h"

#include <string.h>

#define SCHEMA_NAME "entente.rng"

/* Where data files are found: $ENTENTE_DATADIR (tests, development), then
 * the installed PKGDATADIR, then the source tree (uninstalled runs). The
 * schema is read from there rather than compiled in, so the file the
 * loader validates against is the very file that is installed and
 * documented; a missing schema is a clear load error, never a silent skip. */
static GPtrArray *
data_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const char *env = g_getenv ("ENTENTE_DATADIR");

  if (env != NULL && env[0] != '\0')
    g_ptr_array_add (dirs, g_strdup (env));
  g_ptr_array_add (dirs, g_strdup (PKGDATADIR));
  g_ptr_array_add (dirs, g_strdup (SOURCE_DATADIR));
  return dirs;
}

char *
_entente_scenario_find_data_file (const char *relative)
{
  g_autoptr (GPtrArray) dirs = data_dirs ();

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *path = g_build_filename (g_ptr_array_index (dirs, i), relative, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/* Errors */

void
_entente_scenario_set_error_at (GError     **error,
                                int          code,
                                const char  *name,
                                int          line,
                                const char  *format,
                                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* One line, whatever libxml2 or the caller put in. */
  g_strdelimit (message, "\r\n", ' ');
  g_strchomp (message);

  if (line > 0)
    g_set_error (error, ENTENTE_SCENARIO_ERROR, code, "%s:%d: %s", name, line, message);
  else
    g_set_error (error, ENTENTE_SCENARIO_ERROR, code, "%s: %s", name, message);
}

/* The first error libxml2 reports, captured by a structured handler so
 * nothing is ever printed to stderr. */
typedef struct
{
  int       code;       /* EntenteScenarioError */
  int       line;
  char     *message;
  gboolean  forbidden;
} Capture;

static void
capture_clear (Capture *capture)
{
  g_clear_pointer (&capture->message, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Capture, capture_clear)

static void
capture_set (Capture    *capture,
             int         code,
             int         line,
             const char *message)
{
  if (capture->message != NULL)
    return;
  capture->code = code;
  capture->line = line;
  capture->message = g_strdup (message);
}

static gboolean
is_entity_error (int code)
{
  switch (code)
    {
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_ENTITY_PE_INTERNAL:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_ERR_PEREF_IN_PROLOG:
    case XML_ERR_PEREF_IN_EPILOG:
    case XML_ERR_PEREF_IN_INT_SUBSET:
      return TRUE;
    default:
      return FALSE;
    }
}

static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  xmlParserCtxtPtr ctxt = user_data;
  Capture *capture = ctxt->_private;

  if (capture == NULL || xml_error == NULL || xml_error->level < XML_ERR_ERROR)
    return;
  if (is_entity_error (xml_error->code))
    capture_set (capture, ENTENTE_SCENARIO_ERROR_FORBIDDEN, xml_error->line,
                 "entity references are not allowed");
  else
    capture_set (capture, ENTENTE_SCENARIO_ERROR_MALFORMED, xml_error->line,
                 xml_error->message != NULL ? xml_error->message : "not well-formed XML");
}

/* A thread-level fallback, installed for the duration of a parse so that a
 * message libxml2 does not route through the context is still swallowed. */
static void
swallow_structured_cb (void        *user_data,
                       xmlErrorPtr  xml_error)
{
}

static void
swallow_generic_cb (void       *user_data,
                    const char *format,
                    ...)
{
}

typedef struct
{
  xmlStructuredErrorFunc structured;
  void                  *structured_data;
  xmlGenericErrorFunc    generic;
  void                  *generic_data;
} ErrorGuard;

static void
error_guard_push (ErrorGuard *guard)
{
  /* These are thread-local in libxml2 built with threads (Debian's is). */
  guard->structured = xmlStructuredError;
  guard->structured_data = xmlStructuredErrorContext;
  guard->generic = xmlGenericError;
  guard->generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (NULL, swallow_structured_cb);
  xmlSetGenericErrorFunc (NULL, swallow_generic_cb);
}

static void
error_guard_pop (ErrorGuard *guard)
{
  xmlSetStructuredErrorFunc (guard->structured_data, guard->structured);
  xmlSetGenericErrorFunc (guard->generic_data, guard->generic);
}

/* SAX hooks: any DOCTYPE (internal subset, external DTD) or entity is
 * refused on sight, and parsing stops there, before a single declaration
 * is read. Billion laughs and XXE therefore never get to expand. */
static void
forbid (xmlParserCtxtPtr  ctxt,
        const char       *message)
{
  Capture *capture = ctxt->_private;

  if (capture != NULL)
    {
      int line = ctxt->input != NULL ? ctxt->input->line : 0;

      capture->forbidden = TRUE;
      capture_set (capture, ENTENTE_SCENARIO_ERROR_FORBIDDEN, line, message);
    }
  xmlStopParser (ctxt);
}

static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  forbid (user_data, "a DOCTYPE (DTD) is not allowed in a scenario file");
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  forbid (user_data, "entity declarations are not allowed");
}

static void
reference_cb (void          *user_data,
              const xmlChar *name)
{
  forbid (user_data, "entity references are not allowed");
}

static xmlEntityPtr
get_entity_cb (void          *user_data,
               const xmlChar *name)
{
  /* Predefined entities (&amp; …) never get here. */
  forbid (user_data, "entity references are not allowed");
  return NULL;
}

static gsize parser_initialised;

gpointer
_entente_scenario_parse_xml (const char  *data,
                             gsize        size,
                             const char  *name,
                             GError     **error)
{
  g_autoptr (xmlParserCtxt) ctxt = NULL;
  g_auto (Capture) capture = { 0 };
  xmlDocPtr doc;
  ErrorGuard guard;

  /* main () does this first; the guard covers library users and tests. */
  if (g_once_init_enter (&parser_initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&parser_initialised, 1);
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_MALFORMED, name, 0, "out of memory");
      return NULL;
    }
  ctxt->_private = &capture;
  ctxt->sax->serror = parser_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->externalSubset = internal_subset_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->reference = reference_cb;
  ctxt->sax->getEntity = get_entity_cb;
  ctxt->sax->getParameterEntity = get_entity_cb;

  /* No XML_PARSE_NOENT (no substitution), no DTDLOAD/DTDATTR, and NONET.
   * The entity loader is process-global in libxml2 2.9, so it is not
   * swapped here: with the DOCTYPE refused above, nothing ever asks it. */
  error_guard_push (&guard);
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                           XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  error_guard_pop (&guard);

  if (capture.message != NULL || doc == NULL || !ctxt->wellFormed)
    {
      if (capture.message != NULL)
        _entente_scenario_set_error_at (error, capture.code, name, capture.line, "%s", capture.message);
      else
        _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_MALFORMED, name, 0, "not well-formed XML");
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_FORBIDDEN, name, 0,
                    "a DOCTYPE (DTD) is not allowed in a scenario file");
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/* The schema, parsed once and shared. libxml2's compiled RelaxNG is not
 * documented as safe for concurrent validation, so validations take a
 * lock; they are short next to parsing. */
static GMutex schema_lock;
static xmlRelaxNGPtr schema;
static char *schema_error;

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  xml_error)
{
  Capture *capture = user_data;

  if (xml_error != NULL && xml_error->level >= XML_ERR_ERROR)
    capture_set (capture, ENTENTE_SCENARIO_ERROR_SCHEMA, xml_error->line,
                 xml_error->message != NULL ? xml_error->message : "invalid schema");
}

/* Called with schema_lock held. */
static gboolean
ensure_schema (GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (xmlRelaxNGParserCtxt) pctxt = NULL;
  g_autoptr (GError) local_error = NULL;
  g_auto (Capture) capture = { 0 };
  gsize length = 0;
  ErrorGuard guard;

  if (schema != NULL)
    return TRUE;
  if (schema_error != NULL)
    goto fail;

  path = _entente_scenario_find_data_file (SCHEMA_NAME);
  if (path == NULL)
    {
      schema_error = g_strdup ("cannot find the schema " SCHEMA_NAME
                               " (looked in $ENTENTE_DATADIR, " PKGDATADIR ", "
                               SOURCE_DATADIR ")");
      goto fail;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      schema_error = g_strdup_printf ("cannot read the schema: %s", local_error->message);
      goto fail;
    }

  error_guard_push (&guard);
  pctxt = xmlRelaxNGNewMemParserCtxt (contents, (int) length);
  if (pctxt != NULL)
    {
      xmlRelaxNGSetParserStructuredErrors (pctxt, schema_error_cb, &capture);
      schema = xmlRelaxNGParse (pctxt);
    }
  error_guard_pop (&guard);

  if (schema == NULL)
    {
      schema_error = g_strdup_printf ("%s:%d: invalid schema: %s", path, capture.line,
                                      capture.message != NULL ? capture.message : "?");
      goto fail;
    }
  return TRUE;

fail:
  g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_SCHEMA, "%s", schema_error);
  return FALSE;
}

gboolean
_entente_scenario_validate (gpointer     doc,
                            const char  *name,
                            GError     **error)
{
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&schema_lock);
  g_autoptr (xmlRelaxNGValidCtxt) vctxt = NULL;
  g_autoptr (GError) local_error = NULL;
  g_auto (Capture) capture = { 0 };
  ErrorGuard guard;
  int ret;

  if (!ensure_schema (&local_error))
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_SCHEMA, name, 0, "%s", local_error->message);
      return FALSE;
    }

  error_guard_push (&guard);
  vctxt = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (vctxt, schema_error_cb, &capture);
  ret = xmlRelaxNGValidateDoc (vctxt, doc);
  error_guard_pop (&guard);

  if (ret != 0)
    {
      _entente_scenario_set_error_at (error, ENTENTE_SCENARIO_ERROR_SCHEMA, name, capture.line,
                    "does not match the scenario schema: %s",
                    capture.message != NULL ? capture.message : "invalid document");
      return FALSE;
    }
  return TRUE;
}

