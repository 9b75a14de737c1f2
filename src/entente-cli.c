/* entente-cli.c: the headless commands (solve, export, --help, --version)
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "entente-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "entente-cli.h"
#include "entente-export.h"
#include "entente-model.h"
#include "entente-result-json.h"
#include "entente-scenario-io.h"

/* Nothing here may call gtk_init(): main() dispatches before GTK starts, so
 * the commands run on a machine without a display. */

#define SOLVE_USAGE "entente solve FILE [--step NAME] [--compact]"

/* Not translated: a reference page whose commands, options and JSON keys are
 * English identifiers anyway (the short messages below are translated). */
static const char help_text[] =
"NAME\n"
"    entente - alliance explorer: who balances, bandwagons, passes the buck,\n"
"    chain-gangs, tethers or hides, and which coalitions and concerts result\n"
"\n"
"SYNOPSIS\n"
"    entente [FILE...]\n"
"    entente solve FILE [--step NAME] [--compact]\n"
"    entente export FILE -o OUT.svg|OUT.pdf|OUT.png [OPTION...]\n"
"    entente --help | --version\n"
"\n"
"DESCRIPTION\n"
"    Without a command, entente opens its window on each FILE (or on the\n"
"    default scenario). The commands below never open a window and need no\n"
"    display. FILE is a scenario (*.entente, see data/entente.rng) or an SVG\n"
"    exported by Entente, which carries its scenario; \"entente solve -\"\n"
"    reads the scenario from standard input.\n"
"\n"
"COMMANDS\n"
"    solve FILE\n"
"        Runs the model once and prints the whole result as JSON on standard\n"
"        output. The output is deterministic: numbers have 6 significant\n"
"        digits, keys come in a fixed order, and the same input gives the\n"
"        same bytes on every machine and in every locale (except the\n"
"        translated *_text sentences and citations).\n"
"\n"
"        -s, --step NAME\n"
"            Apply the timeline up to and including step NAME first (steps\n"
"            are cumulative). Break risks then compare each state's share at\n"
"            that step with its share in the file's base values.\n"
"        -c, --compact\n"
"            One line of JSON instead of two-space indentation.\n"
"\n"
"    export FILE -o OUT\n"
"        Draws the alliance figure to SVG (real text), PDF or PNG; see\n"
"        \"entente export --help\" for its options.\n"
"\n"
"    -h, --help     Print this help and exit.\n"
"    -V, --version  Print \"entente VERSION\" and exit.\n"
"\n"
"EXIT STATUS\n"
"    0   Success.\n"
"    1   Bad input: the file is missing, unreadable, a directory, over\n"
"        64 MiB, not well-formed XML, not valid against the schema, has a\n"
"        DTD or entity, an unknown or duplicate id, a NaN or out-of-range\n"
"        number; a --step NAME the file does not have or cannot apply; or\n"
"        the output cannot be written. Exactly one line on standard error:\n"
"            entente: FILE:LINE: message\n"
"        (LINE when it is known).\n"
"    2   Usage error: no file, an extra argument, an unknown option or an\n"
"        option without its value. The error and a usage line go to\n"
"        standard error.\n"
"\n"
"JSON OUTPUT (entente solve; every key is described in README.md)\n"
"    entente_version, title, step, steps[], mode (\"entente\" | \"ab1993\")\n"
"    states[]: id, name, share, great_power, pole, principal_threat,\n"
"        threat_level, feasibility, disposition, disposition_target,\n"
"        disposition_reason, disposition_reason_text, disposition_citation,\n"
"        label, label_target, reason, reason_text, citation, bloc (A|B|U),\n"
"        frustration, threats {id: T}\n"
"    blocs: A and B {members[], capability, largest}, unaligned[]\n"
"    landscape: energy, exact, method, minima[] {index, energy, basin,\n"
"        blocs {A[], B[], U[]}}, current, metastable, configuration\n"
"    polarity: kind, poles[], great_powers[], lead, unbalanced, hegemonic,\n"
"        concentration\n"
"    counterbalancing[]\n"
"    concert: j1..j4, index, forms, strong, members[], contained[],\n"
"        coverage, grand_coalition, grand_coalition_target,\n"
"        failing[] {condition, value, reason, reason_text, citation, states[]}\n"
"    contact_groups[]: crisis, name, type, mode, phase, core[], group[],\n"
"        friends[], v1..v5, viability, limited, caveats[] {state,\n"
"        participates, caveat_level, caveat}\n"
"    dyads[]: states[2], fear_abandonment[2], fear_entrapment[2],\n"
"        dominant[2], stance[2], tethered, asymmetric, major, ratio,\n"
"        net_major, net_minor, viable, break_risk\n"
"    States are named by id everywhere; [2] arrays hold the first state's\n"
"    view of the second, then the second's view of the first.\n"
"\n"
"EXAMPLES\n"
"    entente solve data/scenarios/v04-july-1914.entente --step 1914\n"
"    entente solve world.entente | jq '.states[] | {id, label, reason}'\n"
"    entente export world.entente -o figure.pdf --width 85mm --theme print\n";

/* Strips the newlines a message might carry: bad input is one line. */
static void
print_error_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_strchomp (line);
  g_printerr ("entente: %s\n", line);
}

/* The loader names the file by its absolute path; the user wrote @arg. */
static void
print_file_error (GFile      *file,
                  const char *arg,
                  const char *message)
{
  const char *full = g_file_peek_path (file);

  if (full != NULL && !g_str_equal (full, arg) && g_str_has_prefix (message, full) &&
      message[strlen (full)] == ':')
    {
      g_autofree char *line = g_strconcat (arg, message + strlen (full), NULL);

      print_error_line (line);
      return;
    }
  print_error_line (message);
}

static int
usage_error (const char *command,
             const char *usage,
             const char *message)
{
  g_printerr ("entente: %s: %s\n", command, message);
  g_printerr (_("Usage: %s\n"), usage);
  g_printerr (_("Try “entente --help” for more information.\n"));
  return 2;
}

/* g_print() converts to the locale's charset; JSON is always UTF-8. */
static gboolean
write_stdout (const char  *data,
              gsize        length,
              GError     **error)
{
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("cannot write the output: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* "-" as FILE: the scenario on standard input, with the loader's size cap. */
static GBytes *
read_stdin (GError **error)
{
  GByteArray *data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_byte_array_append (data, buffer, (guint) n);
      if (data->len > ENTENTE_SCENARIO_MAX_BYTES)
        {
          g_byte_array_unref (data);
          g_set_error (error, ENTENTE_SCENARIO_ERROR, ENTENTE_SCENARIO_ERROR_TOO_LARGE,
                       _("<stdin>: larger than %d MiB"), ENTENTE_SCENARIO_MAX_BYTES >> 20);
          return NULL;
        }
    }
  if (ferror (stdin))
    {
      int saved_errno = errno;

      g_byte_array_unref (data);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("<stdin>: cannot read: %s"), g_strerror (saved_errno));
      return NULL;
    }
  return g_byte_array_free_to_bytes (data);
}

static char *
step_names (EntenteScenario *scenario)
{
  GString *names = g_string_new (NULL);

  for (guint k = 0; scenario->steps != NULL && k < scenario->steps->len; k++)
    {
      const EntenteStep *step = g_ptr_array_index (scenario->steps, k);

      if (k > 0)
        g_string_append (names, ", ");
      g_string_append (names, step->name);
    }
  return g_string_free (names, FALSE);
}

static int
cli_solve (int    argc,
           char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (EntenteScenario) scenario = NULL;
  g_autoptr (EntenteScenario) stepped = NULL;
  g_autoptr (EntenteResult) result = NULL;
  g_auto (GStrv) args = NULL;
  g_autofree char *step = NULL;
  g_autofree char *json = NULL;
  gboolean compact = FALSE;
  const char *path;
  GOptionEntry entries[] = {
    { "step", 's', 0, G_OPTION_ARG_STRING, &step,
      N_("Apply the timeline up to and including step NAME"), N_("NAME") },
    { "compact", 'c', 0, G_OPTION_ARG_NONE, &compact,
      N_("Print one line of JSON instead of indented JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  /* GOptionContext names the program after argv[0]. */
  args = g_new0 (char *, argc + 1);
  args[0] = g_strdup ("entente solve");
  for (int k = 1; k < argc; k++)
    args[k] = g_strdup (argv[k]);

  context = g_option_context_new (_("FILE"));
  g_option_context_set_summary (context, _("Print the model's result for a scenario as JSON."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Exit status: 0 success, 1 bad input, 2 usage error.\n"
                                      "The JSON keys are listed by “entente --help”."));
  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error ("solve", SOLVE_USAGE, error->message);

  if (g_strv_length (args) < 2)
    return usage_error ("solve", SOLVE_USAGE, _("no scenario file given"));
  if (g_strv_length (args) > 2)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), args[2]);

      return usage_error ("solve", SOLVE_USAGE, message);
    }
  if (step != NULL && *step == '\0')
    return usage_error ("solve", SOLVE_USAGE, _("--step needs a step name"));

  path = args[1];
  if (g_str_equal (path, "-"))
    {
      g_autoptr (GBytes) bytes = read_stdin (&error);

      path = "<stdin>";
      if (bytes != NULL)
        scenario = entente_scenario_load_bytes (bytes, path, &error);
      if (scenario == NULL)
        {
          print_error_line (error->message);
          return 1;
        }
    }
  else
    {
      file = g_file_new_for_commandline_arg (path);
      scenario = entente_scenario_load_file (file, NULL, &error);
      if (scenario == NULL)
        {
          print_file_error (file, path, error->message);
          return 1;
        }
    }

  if (step != NULL)
    {
      /* Bad input (1), as in `entente export`: the file has no such step. */
      if (entente_scenario_find_step (scenario, step) < 0)
        {
          g_autofree char *names = step_names (scenario);
          g_autofree char *message = NULL;

          if (*names != '\0')
            message = g_strdup_printf (_("%s: no timeline step named “%s” (its steps: %s)"),
                                       path, step, names);
          else
            message = g_strdup_printf (_("%s: no timeline step named “%s” (no timeline)"),
                                       path, step);
          print_error_line (message);
          return 1;
        }
      stepped = entente_scenario_apply_step (scenario, step, &error);
      if (stepped == NULL)
        {
          g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);

          print_error_line (message);
          return 1;
        }
    }
  else
    {
      stepped = entente_scenario_ref (scenario);
    }

  /* The break risk of §8 compares with the file as loaded (its base values). */
  result = entente_model_solve_full (stepped, scenario, NULL, NULL, &error);
  if (result == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);

      print_error_line (message);
      return 1;
    }

  json = entente_result_to_json (result, step, !compact);
  if (!write_stdout (json, strlen (json), &error))
    {
      print_error_line (error->message);
      return 1;
    }
  return 0;
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "help");
}

static gboolean
is_version (const char *arg)
{
  return g_str_equal (arg, "--version") || g_str_equal (arg, "-V");
}

gboolean
entente_cli_handles (int    argc,
                     char **argv)
{
  if (argc < 2 || argv[1] == NULL)
    return FALSE;
  return g_str_equal (argv[1], "solve") || g_str_equal (argv[1], "export") ||
         is_help (argv[1]) || is_version (argv[1]);
}

int
entente_cli_run (int    argc,
                 char **argv)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (entente_cli_handles (argc, argv), 2);

  if (is_version (argv[1]))
    {
      g_autofree char *line = g_strdup_printf ("entente %s\n", PACKAGE_VERSION);

      if (!write_stdout (line, strlen (line), &error))
        {
          print_error_line (error->message);
          return 1;
        }
      return 0;
    }
  if (is_help (argv[1]))
    {
      if (!write_stdout (help_text, strlen (help_text), &error))
        {
          print_error_line (error->message);
          return 1;
        }
      return 0;
    }
  if (g_str_equal (argv[1], "solve"))
    return cli_solve (argc - 1, argv + 1);
  /* The figures exporter parses its own options (argv[0] = "export"). */
  return entente_export_main (argc - 1, argv + 1);
}
