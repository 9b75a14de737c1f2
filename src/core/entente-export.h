/* entente-export.h: figures for papers and slides: SVG, PDF and PNG files
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "entente-result.h"
#include "entente-scenario.h"
#include "entente-scene.h"

G_BEGIN_DECLS

typedef enum
{
  ENTENTE_EXPORT_SVG,
  ENTENTE_EXPORT_PDF,
  ENTENTE_EXPORT_PNG,
} EntenteExportFormat;

typedef enum
{
  ENTENTE_EXPORT_UNIT_MM,
  ENTENTE_EXPORT_UNIT_IN,
  ENTENTE_EXPORT_UNIT_PX,       /* CSS pixel, 1/96 in */
} EntenteExportUnit;

typedef enum
{
  ENTENTE_EXPORT_PRESET_CUSTOM,
  ENTENTE_EXPORT_PRESET_SINGLE_COLUMN,  /* 85 mm wide */
  ENTENTE_EXPORT_PRESET_DOUBLE_COLUMN,  /* 175 mm wide */
  ENTENTE_EXPORT_PRESET_SLIDE,          /* 13.33 × 7.5 in, 16:9 */
} EntenteExportPreset;

typedef struct
{
  EntenteExportFormat  format;
  EntenteExportPreset  preset;
  double               width;           /* in width_unit */
  EntenteExportUnit    width_unit;
  double               height;          /* <= 0: from the preset or the width */
  EntenteExportUnit    height_unit;
  EntenteSceneTheme    theme;
  EntenteScenePalette  palette;
  int                  dpi;             /* PNG, 96–600 */
  gboolean             transparent;     /* PNG/SVG: no background */
  gboolean             show_threats;
  gboolean             show_hulls;
  gboolean             show_labels;
  gboolean             show_legend;
  char                *title;           /* nullable */
  char                *caption;         /* nullable */
  char                *font_family;     /* nullable: Sans */
  double               font_size;       /* points; <= 0: chosen for the size */
  int                  minimum;         /* -1: current configuration */
} EntenteExportOptions;

#define ENTENTE_EXPORT_MIN_DPI 96
#define ENTENTE_EXPORT_MAX_DPI 600

void          entente_export_options_init       (EntenteExportOptions       *options);
void          entente_export_options_clear      (EntenteExportOptions       *options);
void          entente_export_options_copy       (EntenteExportOptions       *dest,
                                                 const EntenteExportOptions *src);
/* Sets the preset and its width (and, for a slide, its height). */
void          entente_export_options_set_preset (EntenteExportOptions       *options,
                                                 EntenteExportPreset         preset);

gboolean      entente_export_parse_preset       (const char          *string,
                                                 EntenteExportPreset *preset);
const char   *entente_export_preset_to_string   (EntenteExportPreset  preset);
gboolean      entente_export_parse_theme        (const char          *string,
                                                 EntenteSceneTheme   *theme);
const char   *entente_export_theme_to_string    (EntenteSceneTheme    theme);
gboolean      entente_export_parse_palette      (const char          *string,
                                                 EntenteScenePalette *palette);
const char   *entente_export_palette_to_string  (EntenteScenePalette  palette);
gboolean      entente_export_parse_unit         (const char          *string,
                                                 EntenteExportUnit   *unit);
const char   *entente_export_unit_to_string     (EntenteExportUnit    unit);
const char   *entente_export_format_to_string   (EntenteExportFormat  format);
/* "85mm", "7in", "1200px", "85" (mm). FALSE for anything else or <= 0. */
gboolean      entente_export_parse_length       (const char          *string,
                                                 double              *value,
                                                 EntenteExportUnit   *unit);
/* From the file name's extension (.svg, .pdf, .png, any case). */
gboolean      entente_export_format_for_path    (const char          *path,
                                                 EntenteExportFormat *format);

/* The physical size in points (1/72 in), and the PNG size in pixels. */
void          entente_export_get_size           (const EntenteExportOptions *options,
                                                 double                     *width_pt,
                                                 double                     *height_pt);
void          entente_export_get_pixel_size     (const EntenteExportOptions *options,
                                                 int                        *width_px,
                                                 int                        *height_px);
double        entente_export_get_font_size      (const EntenteExportOptions *options);

/* The scene an export draws, in points: the dialog previews exactly this. */
EntenteScene *entente_export_build_scene        (EntenteScenario            *scenario,
                                                 EntenteResult              *result,
                                                 const EntenteExportOptions *options);

/* The file's bytes. @scenario is embedded in SVG metadata as given (set its
 * view first: entente_export_prepare_scenario). */
GBytes       *entente_export_to_bytes           (EntenteScenario            *scenario,
                                                 EntenteResult              *result,
                                                 const EntenteExportOptions *options,
                                                 GError                    **error);
/* Writes atomically (temporary file + rename). */
gboolean      entente_export_to_file            (EntenteScenario            *scenario,
                                                 EntenteResult              *result,
                                                 const EntenteExportOptions *options,
                                                 GFile                      *file,
                                                 GError                    **error);
/* A copy of @scenario whose view records @step and the layers of @options,
 * the form embedded in an SVG so that opening it restores what was shown. */
EntenteScenario *entente_export_prepare_scenario (EntenteScenario           *scenario,
                                                  const char                *step,
                                                  const EntenteExportOptions *options);

/* The headless command: argv[0] = "export". Returns 0, 1 (bad input: one
 * line naming the file) or 2 (usage). Needs no display. */
int           entente_export_main               (int                         argc,
                                                 char                      **argv);

G_END_DECLS
