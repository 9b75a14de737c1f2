/* test-i18n.c: the window speaks the user's language, and English without a catalogue
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-test-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "entente-window.h"

/* The catalogues compiled by meson's i18n module into the build directory
 * (<TEST_LOCALEDIR>/<lang>/LC_MESSAGES/entente.mo). */
#ifndef TEST_LOCALEDIR
# error "TEST_LOCALEDIR must be defined"
#endif

/* Fewer translated strings than this on screen means the window is not
 * localised (a panel, a heading, a button or two is not enough). */
#define MIN_TRANSLATED 8

typedef struct
{
  /* Every msgstr (each plural form) that differs from its msgid. */
  GHashTable *translations;
  /* Every msgid (singular and plural) that has a different translation. */
  GHashTable *sources;
  /* Every msgid and msgid_plural, translated identically or not. */
  GHashTable *msgids;
  /* Plural entries: msgid → msgid_plural, and msgid → number of distinct
   * translated forms. */
  GHashTable *plurals;
  GHashTable *n_forms;
} Catalogue;

static void
catalogue_free (Catalogue *cat)
{
  g_hash_table_unref (cat->translations);
  g_hash_table_unref (cat->sources);
  g_hash_table_unref (cat->msgids);
  g_hash_table_unref (cat->plurals);
  g_hash_table_unref (cat->n_forms);
  g_free (cat);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Catalogue, catalogue_free)

static guint32
read_u32 (const guint8 *data,
          gsize         len,
          gsize         offset,
          gboolean      swap)
{
  guint32 v;

  g_assert_cmpuint (offset + 4, <=, len);
  memcpy (&v, data + offset, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Reads a GNU .mo file (magic, revision, count, table offsets, then
 * length/offset pairs for the originals and the translations). */
static Catalogue *
catalogue_load (const char *lang)
{
  g_autofree char *path = g_build_filename (TEST_LOCALEDIR, lang, "LC_MESSAGES",
                                            GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  const guint8 *data;
  gboolean swap;
  guint32 n, orig_table, trans_table;
  Catalogue *cat;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  data = (const guint8 *) contents;

  swap = read_u32 (data, len, 0, FALSE) != 0x950412de;
  g_assert_cmphex (read_u32 (data, len, 0, swap), ==, 0x950412de);
  n = read_u32 (data, len, 8, swap);
  orig_table = read_u32 (data, len, 12, swap);
  trans_table = read_u32 (data, len, 16, swap);

  cat = g_new0 (Catalogue, 1);
  cat->translations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cat->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cat->msgids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cat->plurals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  cat->n_forms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data, len, orig_table + 8 * i, swap);
      guint32 ooff = read_u32 (data, len, orig_table + 8 * i + 4, swap);
      guint32 tlen = read_u32 (data, len, trans_table + 8 * i, swap);
      guint32 toff = read_u32 (data, len, trans_table + 8 * i + 4, swap);
      const char *orig, *ctx_end, *plural = NULL;
      const char *msgid;
      g_autoptr (GHashTable) forms = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint ((gsize) ooff + olen, <, len);
      g_assert_cmpuint ((gsize) toff + tlen, <, len);
      if (olen == 0)
        continue; /* the header */

      orig = (const char *) data + ooff;
      ctx_end = memchr (orig, '\004', olen);
      msgid = ctx_end ? ctx_end + 1 : orig;
      if (strlen (orig) < olen)
        plural = orig + strlen (orig) + 1;
      g_hash_table_add (cat->msgids, g_strdup (msgid));
      if (plural != NULL)
        g_hash_table_add (cat->msgids, g_strdup (plural));

      for (const char *t = (const char *) data + toff;
           t < (const char *) data + toff + tlen;
           t += strlen (t) + 1)
        {
          g_hash_table_add (forms, (gpointer) t);
          if (g_strcmp0 (t, msgid) != 0 && g_strcmp0 (t, plural) != 0)
            {
              g_hash_table_add (cat->translations, g_strdup (t));
              g_hash_table_add (cat->sources, g_strdup (msgid));
              if (plural != NULL)
                g_hash_table_add (cat->sources, g_strdup (plural));
            }
        }
      if (plural != NULL)
        {
          g_hash_table_insert (cat->plurals, g_strdup (msgid), g_strdup (plural));
          g_hash_table_insert (cat->n_forms, g_strdup (msgid),
                               GUINT_TO_POINTER (g_hash_table_size (forms)));
        }
    }

  return cat;
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

static void
add_menu_labels (GPtrArray  *texts,
                 GMenuModel *model)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr (GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        add_text (texts, label);

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) link = g_menu_link_iter_get_value (links);

          add_menu_labels (texts, link);
        }
    }
}

/* Every text the window shows: labels (as written, with mnemonics, and as
 * displayed), tooltips, entry placeholders, menu items and the title. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    {
      add_text (texts, gtk_label_get_label (GTK_LABEL (widget)));
      add_text (texts, gtk_label_get_text (GTK_LABEL (widget)));
    }
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    add_menu_labels (texts, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_ENTRY (widget))
    add_text (texts, gtk_entry_get_placeholder_text (GTK_ENTRY (widget)));
  if (GTK_IS_STACK (widget))
    {
      g_autoptr (GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr (GObject) page = g_list_model_get_item (pages, i);

          add_text (texts, gtk_stack_page_get_title (GTK_STACK_PAGE (page)));
        }
    }
  add_text (texts, gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Opens the real window on the default scenario, waits (bounded) for its
 * first result, and returns every text it shows. */
static GPtrArray *
window_texts (void)
{
  g_autoptr (GtkApplication) app = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  EntenteWindow *window;

  app = gtk_application_new (APP_ID ".TestI18n", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = entente_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 5000 && entente_window_get_result (window) == NULL; i++)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_nonnull (entente_window_get_result (window));
  /* Let the views lay out and fill their rows. */
  for (int i = 0; i < 200; i++)
    g_main_context_iteration (NULL, FALSE);

  add_text (texts, gtk_window_get_title (GTK_WINDOW (window)));
  collect_texts (GTK_WIDGET (window), texts);

  gtk_window_destroy (GTK_WINDOW (window));
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);

  return texts;
}

static void
use_language (const char *lang)
{
  g_setenv ("LANGUAGE", lang, TRUE);
  /* A new textdomain() call makes gettext forget the previous language. */
  textdomain (GETTEXT_PACKAGE);
}

/* The catalogue is built and loaded: a string of the desktop entry. */
static void
test_catalogue (gconstpointer data)
{
  const char *lang = data;
  g_autoptr (Catalogue) cat = catalogue_load (lang);

  use_language (lang);
  g_assert_cmpuint (g_hash_table_size (cat->translations), >, 0);
  g_assert_cmpstr (_("Alliance Explorer"), !=, "Alliance Explorer");
  g_assert_true (g_hash_table_contains (cat->translations, _("Alliance Explorer")));
}

/* ngettext picks each plural form the catalogue has (three in Russian). */
static void
test_plurals (gconstpointer data)
{
  const char *lang = data;
  g_autoptr (Catalogue) cat = catalogue_load (lang);
  static const gulong ns[] = { 1, 2, 5, 11, 21, 22, 25, 101 };
  GHashTableIter iter;
  gpointer key, value;
  guint checked = 0;

  use_language (lang);
  g_hash_table_iter_init (&iter, cat->plurals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr (GHashTable) forms = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (ns); i++)
        {
          const char *form = ngettext (key, value, ns[i]);

          g_hash_table_add (forms, (gpointer) form);
        }
      /* The sample reaches every form: 1, 2, 5 fall in the three Russian
       * classes (one, few, many). Russian must have three distinct forms. */
      g_assert_cmpuint (g_hash_table_size (forms), ==,
                        GPOINTER_TO_UINT (g_hash_table_lookup (cat->n_forms, key)));
      if (g_str_equal (lang, "ru"))
        g_assert_cmpuint (g_hash_table_size (forms), ==, 3);
      checked++;
    }
  if (checked == 0)
    g_test_skip ("no plural message in the catalogue yet");
}

static void
check_window_language (const char *lang)
{
  g_autoptr (Catalogue) cat = catalogue_load (lang);
  g_autoptr (GPtrArray) texts = NULL;
  g_autoptr (GString) untranslated = g_string_new (NULL);
  guint translated = 0;

  use_language (lang);
  texts = window_texts ();
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      /* A translation that is not also an English message. */
      if (g_hash_table_contains (cat->translations, text)
          && !g_hash_table_contains (cat->msgids, text))
        translated++;
      /* English shown although the catalogue translates it. */
      else if (g_hash_table_contains (cat->sources, text) && !g_str_equal (_(text), text))
        g_string_append_printf (untranslated, "“%s” ", text);
    }
  g_test_message ("%s: %u of %u texts translated", lang, translated, texts->len);
  g_assert_cmpstr (untranslated->str, ==, "");
  g_assert_cmpuint (translated, >=, MIN_TRANSLATED);
}

static void
test_window (gconstpointer data)
{
  const char *lang = data;

  /* A child process per language, so no translation is cached across. */
  if (g_test_subprocess ())
    {
      check_window_language (lang);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* No catalogue for the language: every text falls back to English. */
static void
test_window_fallback (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (Catalogue) fr = catalogue_load ("fr");
      g_autoptr (GPtrArray) texts = NULL;
      g_autoptr (GString) french = g_string_new (NULL);
      guint english = 0;

      use_language ("xx");
      texts = window_texts ();
      for (guint i = 0; i < texts->len; i++)
        {
          const char *text = g_ptr_array_index (texts, i);

          if (g_hash_table_contains (fr->translations, text)
              && !g_hash_table_contains (fr->msgids, text))
            g_string_append_printf (french, "“%s” ", text);
          if (g_hash_table_contains (fr->sources, text))
            english++;
        }
      g_test_message ("fallback: %u of %u texts are English sources", english, texts->len);
      g_assert_cmpstr (french->str, ==, "");
      g_assert_cmpuint (english, >=, MIN_TRANSLATED);
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  static const char * const langs[] = { "fr", "de", "ru" };

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() asks for en_US.UTF-8, which may not exist (it falls back
   * to "C", where gettext ignores LANGUAGE): use the environment's locale,
   * C.UTF-8 in the test environment. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *catalogue = g_strdup_printf ("/entente/i18n/catalogue/%s", langs[i]);
      g_autofree char *plurals = g_strdup_printf ("/entente/i18n/plurals/%s", langs[i]);
      g_autofree char *window = g_strdup_printf ("/entente/i18n/window/%s", langs[i]);

      g_test_add_data_func (catalogue, langs[i], test_catalogue);
      g_test_add_data_func (plurals, langs[i], test_plurals);
      g_test_add_data_func (window, langs[i], test_window);
    }
  g_test_add_func ("/entente/i18n/window/fallback", test_window_fallback);

  return g_test_run ();
}
