/* test-scene.c: the diagram's display list, without a display
 * Copyright 2026 The Entente authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-scene"

#include "config.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "entente-model.h"
#include "entente-scenario-io.h"
#include "entente-scene.h"

static EntenteScenario *
load_test_scenario (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  EntenteScenario *scenario = entente_scenario_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (scenario);
  return scenario;
}

static void
set (EntenteScenario     *scenario,
     EntenteChangeTarget  target,
     const char          *a,
     const char          *b,
     const char          *key,
     double               value)
{
  g_autoptr (GError) error = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (buf, sizeof buf, value);
  entente_scenario_set_attribute (scenario, target, a, b, key, buf, &error);
  g_assert_no_error (error);
}

/* @n states on a deterministic pseudo-random map with @ties pairs. */
static EntenteScenario *
make_random (guint n,
             guint ties)
{
  EntenteScenario *scenario = entente_scenario_new ();
  GRand *rand = g_rand_new_with_seed (42);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("State %u", i);
      guint index = entente_scenario_add_state (scenario, name);
      EntenteState *st = entente_scenario_get_state (scenario, index);

      set (scenario, ENTENTE_CHANGE_STATE, st->id, NULL, "lat", g_rand_double_range (rand, -50, 60));
      set (scenario, ENTENTE_CHANGE_STATE, st->id, NULL, "lon", g_rand_double_range (rand, -120, 140));
      set (scenario, ENTENTE_CHANGE_STATE, st->id, NULL, "mil", g_rand_double_range (rand, 0.5, 40));
      set (scenario, ENTENTE_CHANGE_STATE, st->id, NULL, "intention", g_rand_double (rand));
    }
  for (i = 0; i < ties && n > 1; i++)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
      EntentePair *pair;

      if (a == b)
        continue;
      pair = entente_scenario_ensure_pair (scenario, a, b);
      pair->commitment = g_rand_double (rand) < 0.5 ? g_rand_double (rand) : 0;
      pair->rivalry = pair->commitment > 0 ? 0 : g_rand_double (rand);
    }
  g_rand_free (rand);
  return scenario;
}

static EntenteScene *
scene_for (EntenteScenario *scenario,
           EntenteResult   *result,
           double           width,
           double           height)
{
  EntenteSceneOptions options;
  EntenteScene *scene;

  entente_scene_options_init (&options);
  options.width = width;
  options.height = height;
  scene = entente_scene_new (scenario, result, &options);
  entente_scene_options_clear (&options);
  return scene;
}

static EntenteResult *
solve (EntenteScenario *scenario)
{
  g_autoptr (GError) error = NULL;
  EntenteResult *result = entente_model_solve (scenario, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

typedef struct
{
  double x0, y0, x1, y1;
} Box;

static Box
label_box (const EntenteSceneNode *node)
{
  Box b = { node->x + node->label_dx, node->y + node->label_dy - node->label_ascent, 0, 0 };

  b.x1 = b.x0 + node->label_w;
  b.y1 = b.y0 + node->label_h;
  return b;
}

static double
overlap (const Box *a,
         const Box *b)
{
  double w = MIN (a->x1, b->x1) - MAX (a->x0, b->x0);
  double h = MIN (a->y1, b->y1) - MAX (a->y0, b->y0);

  return (w > 0 && h > 0) ? w * h : 0;
}

/* Everything drawn for the network lies inside the figure: nodes, their
 * rings and every visible label ("margins always include labels"). */
static void
assert_inside (EntenteScene *scene)
{
  guint i;

  for (i = 0; i < scene->nodes->len; i++)
    {
      const EntenteSceneNode *node = &g_array_index (scene->nodes, EntenteSceneNode, i);

      g_assert_cmpfloat (node->x - node->r, >=, -0.01);
      g_assert_cmpfloat (node->y - node->r, >=, -0.01);
      g_assert_cmpfloat (node->x + node->r, <=, scene->width + 0.01);
      g_assert_cmpfloat (node->y + node->r, <=, scene->height + 0.01);
      if (node->label_visible)
        {
          Box b = label_box (node);

          g_assert_cmpfloat (b.x0, >=, -0.01);
          g_assert_cmpfloat (b.y0, >=, -0.01);
          g_assert_cmpfloat (b.x1, <=, scene->width + 0.01);
          g_assert_cmpfloat (b.y1, <=, scene->height + 0.01);
        }
    }
}

static void
test_empty (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (EntenteScene) scene = scene_for (scenario, NULL, 400, 300);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (scene->nodes->len, ==, 0);
  g_assert_cmpuint (scene->ties->len, ==, 0);
  g_assert_cmpint (entente_scene_pick (scene, 200, 150), ==, -1);
  entente_scene_draw (scene, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* No section of the legend is a heading over nothing: with no states, the
 * result still solved, no "Alignment" or "Behaviour" is shown. */
static void
test_empty_legend (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) scene = scene_for (scenario, result, 400, 300);
  guint i;

  for (i = 0; i < scene->legend->len; i++)
    {
      const EntenteSceneLegendEntry *e = &g_array_index (scene->legend, EntenteSceneLegendEntry, i);

      if (e->kind == ENTENTE_SCENE_LEGEND_HEADING)
        {
          g_assert_cmpuint (i + 1, <, scene->legend->len);
          g_assert_cmpint (g_array_index (scene->legend, EntenteSceneLegendEntry, i + 1).kind, !=,
                           ENTENTE_SCENE_LEGEND_HEADING);
        }
    }
  g_assert_cmpuint (scene->legend->len, ==, 0);
}

static void
test_one_state (void)
{
  g_autoptr (EntenteScenario) scenario = make_random (1, 0);
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) scene = scene_for (scenario, result, 400, 300);

  g_assert_cmpuint (scene->nodes->len, ==, 1);
  assert_inside (scene);
  g_assert_true (g_array_index (scene->nodes, EntenteSceneNode, 0).label_visible);
}

/* States at the same place are drawn apart, none hidden under another. */
static void
test_identical_positions (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (EntenteScene) scene = NULL;
  guint i, j;

  for (i = 0; i < 12; i++)
    entente_scenario_add_state (scenario, "Same");
  scene = scene_for (scenario, NULL, 500, 400);
  for (i = 0; i < scene->nodes->len; i++)
    for (j = i + 1; j < scene->nodes->len; j++)
      {
        const EntenteSceneNode *a = &g_array_index (scene->nodes, EntenteSceneNode, i);
        const EntenteSceneNode *b = &g_array_index (scene->nodes, EntenteSceneNode, j);

        g_assert_cmpfloat (hypot (a->x - b->x, a->y - b->y), >=, (a->r + b->r) * 0.95);
      }
  assert_inside (scene);
}

/* Node area is proportional to capability (above the minimum radius). */
static void
test_area_capability (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) scene = scene_for (scenario, result, 800, 600);
  const EntenteSceneNode *big = NULL;
  double rmin = scene->font_size * 0.3 + 0.001;
  guint i;

  for (i = 0; i < scene->nodes->len; i++)
    {
      const EntenteSceneNode *node = &g_array_index (scene->nodes, EntenteSceneNode, i);

      g_assert_cmpfloat_with_epsilon (node->capability, result->states[i].share, 1e-12);
      if (big == NULL || node->capability > big->capability)
        big = node;
    }
  for (i = 0; i < scene->nodes->len; i++)
    {
      const EntenteSceneNode *node = &g_array_index (scene->nodes, EntenteSceneNode, i);

      if (node->r <= rmin)
        continue;
      g_assert_cmpfloat_with_epsilon ((node->r * node->r) / (big->r * big->r),
                                      node->capability / big->capability, 1e-9);
    }
}

/* Labels of a small scenario are all shown, never on each other nor on
 * another node, and inside the figure at every size and preset. */
static gboolean
box_meets_disc (const Box *box,
                double     cx,
                double     cy,
                double     r)
{
  double px = CLAMP (cx, box->x0, box->x1), py = CLAMP (cy, box->y0, box->y1);

  return (px - cx) * (px - cx) + (py - cy) * (py - cy) < r * r;
}

static void
test_labels (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteResult) result = solve (scenario);
  static const double sizes[][2] = { { 241, 173 }, { 496, 357 }, { 960, 540 }, { 1200, 800 } };
  guint s, i, j;

  for (s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr (EntenteScene) scene = NULL;
      EntenteSceneOptions options;

      entente_scene_options_init (&options);
      options.width = sizes[s][0];
      options.height = sizes[s][1];
      options.font_size = 7 + s;
      scene = entente_scene_new (scenario, result, &options);
      entente_scene_options_clear (&options);

      assert_inside (scene);
      for (i = 0; i < scene->nodes->len; i++)
        {
          const EntenteSceneNode *a = &g_array_index (scene->nodes, EntenteSceneNode, i);
          Box la = label_box (a);

          g_assert_true (a->label_visible);
          for (j = 0; j < scene->nodes->len; j++)
            {
              const EntenteSceneNode *b = &g_array_index (scene->nodes, EntenteSceneNode, j);
              Box lb = label_box (b);
              Box nb = { b->x - b->r, b->y - b->r, b->x + b->r, b->y + b->r };

              if (i != j)
                g_assert_cmpfloat (overlap (&la, &lb), <=, 0.05 * a->label_w * a->label_h);
              /* A label may graze the corner of a circle's box, not the disc. */
              g_assert_cmpfloat (overlap (&la, &nb), <=, 0.12 * b->r * b->r * 4);
              if (i != j)
                g_assert_false (box_meets_disc (&la, b->x, b->y, b->r));
            }
        }
    }
}

/* In a dense cluster (Libya 2011: a dozen allies close together) no label
 * covers another state: a free place is found, if need be away from the
 * node with a leader line. */
static void
test_labels_dense (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                 "v09-libya.entente", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (EntenteScenario) scenario = entente_scenario_load_file (file, NULL, &error);
  g_autoptr (EntenteResult) result = NULL;
  g_autoptr (EntenteScene) scene = NULL;
  EntenteSceneOptions options;
  guint i, j;

  g_assert_no_error (error);
  result = solve (scenario);
  entente_scene_options_init (&options);
  options.width = 241;
  options.height = 173;
  options.font_size = 7;
  scene = entente_scene_new (scenario, result, &options);
  entente_scene_options_clear (&options);
  for (i = 0; i < scene->nodes->len; i++)
    {
      const EntenteSceneNode *a = &g_array_index (scene->nodes, EntenteSceneNode, i);
      Box la = label_box (a);

      if (!a->label_visible)
        continue;
      for (j = 0; j < scene->nodes->len; j++)
        {
          const EntenteSceneNode *b = &g_array_index (scene->nodes, EntenteSceneNode, j);

          if (i != j)
            g_assert_false (box_meets_disc (&la, b->x, b->y, b->r));
        }
    }
}

/* 200 states and 2 000 ties: still everything inside the figure. */
static void
test_large (void)
{
  g_autoptr (EntenteScenario) scenario = make_random (200, 2000);
  g_autoptr (EntenteScene) scene = scene_for (scenario, NULL, 1024, 768);

  g_assert_cmpuint (scene->nodes->len, ==, 200);
  g_assert_cmpuint (scene->ties->len, >, 500);
  assert_inside (scene);
}

static gboolean
legend_has (EntenteScene           *scene,
            EntenteSceneLegendKind  kind,
            int                     value)
{
  guint i;

  for (i = 0; i < scene->legend->len; i++)
    {
      const EntenteSceneLegendEntry *e = &g_array_index (scene->legend, EntenteSceneLegendEntry, i);

      if (e->kind == kind && (value < 0 || e->value == value))
        return TRUE;
    }
  return FALSE;
}

/* The legend lists exactly the encodings the figure uses. */
static void
test_legend (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) scene = scene_for (scenario, result, 800, 600);
  g_autoptr (EntenteScene) without = NULL;
  EntenteSceneOptions options;
  guint b, i;

  for (b = 0; b < ENTENTE_N_BEHAVIOURS; b++)
    {
      gboolean used = FALSE;

      for (i = 0; i < scene->nodes->len; i++)
        used |= g_array_index (scene->nodes, EntenteSceneNode, i).behaviour == b;
      g_assert_cmpint (legend_has (scene, ENTENTE_SCENE_LEGEND_BEHAVIOUR, b), ==, used);
    }
  g_assert_true (legend_has (scene, ENTENTE_SCENE_LEGEND_TIE, ENTENTE_SCENE_TIE_COMMITMENT));
  g_assert_true (legend_has (scene, ENTENTE_SCENE_LEGEND_TIE, ENTENTE_SCENE_TIE_RIVALRY));
  g_assert_cmpint (legend_has (scene, ENTENTE_SCENE_LEGEND_THREAT, -1), ==,
                   scene->arrows->len > 0);
  g_assert_cmpint (legend_has (scene, ENTENTE_SCENE_LEGEND_HULL, -1), ==, scene->hulls->len > 0);

  entente_scene_options_init (&options);
  options.width = 800;
  options.height = 600;
  options.show_threats = FALSE;
  options.show_hulls = FALSE;
  without = entente_scene_new (scenario, result, &options);
  entente_scene_options_clear (&options);
  g_assert_cmpuint (without->arrows->len, ==, 0);
  g_assert_cmpuint (without->hulls->len, ==, 0);
  g_assert_false (legend_has (without, ENTENTE_SCENE_LEGEND_THREAT, -1));
  g_assert_false (legend_has (without, ENTENTE_SCENE_LEGEND_HULL, -1));
}

/* In grayscale the blocs differ by pattern or outline, not only by colour. */
static void
test_grayscale (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (EntenteScene) scene = NULL;
  EntenteSceneOptions options;
  guint a, b;

  entente_scenario_add_state (scenario, "X");
  entente_scene_options_init (&options);
  options.theme = ENTENTE_SCENE_THEME_GRAYSCALE;
  scene = entente_scene_new (scenario, NULL, &options);
  entente_scene_options_clear (&options);
  for (a = 0; a < 3; a++)
    {
      const EntenteSceneColor *c = &scene->bloc_fill[a];

      /* No hue: r = g = b. */
      g_assert_cmpfloat_with_epsilon (c->r, c->g, 1e-9);
      g_assert_cmpfloat_with_epsilon (c->g, c->b, 1e-9);
      for (b = a + 1; b < 3; b++)
        {
          gboolean differ = scene->bloc_pattern[a] != scene->bloc_pattern[b] ||
                            (a == ENTENTE_BLOC_U || b == ENTENTE_BLOC_U) /* dashed outline */ ||
                            fabs (scene->bloc_fill[a].r - scene->bloc_fill[b].r) > 0.5;

          g_assert_true (differ);
        }
    }
  g_assert_cmpint (scene->bloc_pattern[ENTENTE_BLOC_A], !=, scene->bloc_pattern[ENTENTE_BLOC_B]);
}

/* Even-odd test over the hull's loops. */
static gboolean
point_in_polygon (const EntenteSceneHull *hull,
                  double                  x,
                  double                  y)
{
  guint l, start = 0, i, j;
  gboolean inside = FALSE;

  for (l = 0; l < hull->loops->len; l++)
    {
      guint n = g_array_index (hull->loops, guint, l);
      const double *p = &g_array_index (hull->points, double, 2 * start);

      for (i = 0, j = n - 1; i < n; j = i++)
        {
          double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];

          if (((yi > y) != (yj > y)) && (x < (xj - xi) * (y - yi) / (yj - yi) + xi))
            inside = !inside;
        }
      start += n;
    }
  return inside;
}

/* The concert's hull surrounds every member; tethered dyads are marked. */
static void
test_hulls_and_tethers (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) scene = NULL;
  EntenteDyadResult *dyad;
  const EntenteSceneHull *hull = NULL;
  gboolean tether = FALSE;
  guint h, m, t;

  /* The result is ours: mark one allied dyad tethered, as the model would
   * for rivals in one bloc, and make the concert form. */
  g_assert_cmpuint (result->dyads->len, >, 0);
  dyad = &g_array_index (result->dyads, EntenteDyadResult, 0);
  dyad->tethered = TRUE;
  if (!result->concert.forms)
    {
      guint members[] = { 0, 1, 2, 3 };

      result->concert.forms = TRUE;
      g_array_set_size (result->concert.members, 0);
      g_array_append_vals (result->concert.members, members, 4);
    }
  scene = scene_for (scenario, result, 800, 600);

  for (h = 0; h < scene->hulls->len; h++)
    if (((EntenteSceneHull *) g_ptr_array_index (scene->hulls, h))->kind == ENTENTE_SCENE_HULL_CONCERT)
      hull = g_ptr_array_index (scene->hulls, h);
  g_assert_nonnull (hull);
  g_assert_cmpuint (hull->members->len, ==, result->concert.members->len);
  g_assert_cmpuint (hull->points->len, >=, 6);
  for (m = 0; m < hull->members->len; m++)
    {
      const EntenteSceneNode *node = &g_array_index (scene->nodes, EntenteSceneNode,
                                                     g_array_index (hull->members, guint, m));

      g_assert_true (point_in_polygon (hull, node->x, node->y));
      g_assert_true (point_in_polygon (hull, node->x + node->r, node->y));
      g_assert_true (point_in_polygon (hull, node->x, node->y - node->r));
    }
  /* The outline does not enclose states outside the group. */
  for (t = 0; t < scene->nodes->len; t++)
    {
      const EntenteSceneNode *node = &g_array_index (scene->nodes, EntenteSceneNode, t);
      gboolean in_group = FALSE;

      for (m = 0; m < hull->members->len; m++)
        in_group |= g_array_index (hull->members, guint, m) == t;
      if (!in_group)
        g_assert_false (point_in_polygon (hull, node->x, node->y));
    }
  {
    guint total = 0;

    for (m = 0; m < hull->loops->len; m++)
      total += g_array_index (hull->loops, guint, m);
    g_assert_cmpuint (2 * total, ==, hull->points->len);
  }

  for (t = 0; t < scene->ties->len; t++)
    {
      const EntenteSceneTie *tie = &g_array_index (scene->ties, EntenteSceneTie, t);

      if (tie->kind == ENTENTE_SCENE_TIE_TETHER)
        {
          g_assert_cmpuint (tie->a, ==, dyad->i);
          g_assert_cmpuint (tie->b, ==, dyad->j);
          tether = TRUE;
        }
    }
  g_assert_true (tether);
  g_assert_true (legend_has (scene, ENTENTE_SCENE_LEGEND_TIE, ENTENTE_SCENE_TIE_TETHER));
}

/* Commitments get wider with strength; rivalries are their own kind. */
static void
test_ties (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (EntenteScene) scene = NULL;
  const EntenteSceneTie *weak = NULL, *strong = NULL, *rival = NULL;
  guint i;

  for (i = 0; i < 4; i++)
    entente_scenario_add_state (scenario, "S");
  entente_scenario_ensure_pair (scenario, 0, 1)->commitment = 0.3;
  entente_scenario_ensure_pair (scenario, 2, 3)->commitment = 1.0;
  entente_scenario_ensure_pair (scenario, 0, 3)->rivalry = 0.8;
  scene = scene_for (scenario, NULL, 500, 400);
  g_assert_cmpuint (scene->ties->len, ==, 3);
  for (i = 0; i < scene->ties->len; i++)
    {
      const EntenteSceneTie *tie = &g_array_index (scene->ties, EntenteSceneTie, i);

      if (tie->kind == ENTENTE_SCENE_TIE_RIVALRY)
        rival = tie;
      else if (tie->strength < 0.5)
        weak = tie;
      else
        strong = tie;
    }
  g_assert_nonnull (weak);
  g_assert_nonnull (strong);
  g_assert_nonnull (rival);
  g_assert_cmpfloat (strong->width, >, weak->width);
}

/* A node the user dragged is drawn where it was dropped: the inverse
 * projection of its position gives back its map position. */
static void
test_to_map (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteScene) scene = NULL;
  g_autoptr (EntenteScene) again = NULL;
  const EntenteSceneNode *node;
  EntenteState *st = entente_scenario_get_state (scenario, 4);
  double lat, lon;

  scene = scene_for (scenario, NULL, 800, 600);
  node = &g_array_index (scene->nodes, EntenteSceneNode, 4);
  entente_scene_to_map (scene, node->x + 30, node->y - 20, &lat, &lon);
  st->has_node_position = TRUE;
  st->node_lat = lat;
  st->node_lon = lon;
  again = scene_for (scenario, NULL, 800, 600);
  node = &g_array_index (again->nodes, EntenteSceneNode, 4);
  {
    double lat2, lon2;

    entente_scene_to_map (again, node->x, node->y, &lat2, &lon2);
    g_assert_cmpfloat_with_epsilon (lat2, lat, 1e-6);
    g_assert_cmpfloat_with_epsilon (lon2, lon, 1e-6);
  }
}

static void
test_pick (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteScene) scene = scene_for (scenario, NULL, 800, 600);
  guint i;

  for (i = 0; i < scene->nodes->len; i++)
    {
      const EntenteSceneNode *node = &g_array_index (scene->nodes, EntenteSceneNode, i);

      g_assert_cmpint (entente_scene_pick (scene, node->x, node->y), ==, i);
      g_assert_cmpint (entente_scene_find_node (scene, node->id), ==, i);
    }
  g_assert_cmpint (entente_scene_pick (scene, -100, -100), ==, -1);
  g_assert_cmpint (entente_scene_find_node (scene, "no-such-state"), ==, -1);
}

static void
test_interpolate (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) from = scene_for (scenario, NULL, 800, 600);
  g_autoptr (EntenteScene) to = scene_for (scenario, result, 800, 600);
  g_autoptr (EntenteScene) start = entente_scene_interpolate (from, to, 0);
  g_autoptr (EntenteScene) mid = entente_scene_interpolate (from, to, 0.5);
  g_autoptr (EntenteScene) end = entente_scene_interpolate (from, to, 1);
  guint i;

  for (i = 0; i < to->nodes->len; i++)
    {
      const EntenteSceneNode *a = &g_array_index (from->nodes, EntenteSceneNode, i);
      const EntenteSceneNode *b = &g_array_index (to->nodes, EntenteSceneNode, i);
      const EntenteSceneNode *s = &g_array_index (start->nodes, EntenteSceneNode, i);
      const EntenteSceneNode *m = &g_array_index (mid->nodes, EntenteSceneNode, i);
      const EntenteSceneNode *e = &g_array_index (end->nodes, EntenteSceneNode, i);

      g_assert_cmpfloat_with_epsilon (s->x, a->x, 1e-9);
      g_assert_cmpfloat_with_epsilon (s->r, a->r, 1e-9);
      g_assert_cmpfloat_with_epsilon (e->x, b->x, 1e-9);
      g_assert_cmpfloat_with_epsilon (e->fill.r, b->fill.r, 1e-9);
      g_assert_cmpfloat (m->r, >=, MIN (a->r, b->r) - 1e-9);
      g_assert_cmpfloat (m->r, <=, MAX (a->r, b->r) + 1e-9);
    }
  g_assert_cmpuint (end->hulls->len, ==, to->hulls->len);
}

typedef struct
{
  const char *input;
  const char *expected;
} SanitizeCase;

static const SanitizeCase sanitize_cases[] = {
  { "France", "France" },
  { "a\tb\nc", "a b c" },
  { "bell\x07", "bell" },
  { "nul\x01\x1f", "nul" },
  { "<script>&\"'", "<script>&\"'" },
  { "\xef\xbf\xbe", "" },                   /* U+FFFE */
  { "\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa", "\xd7\xa2\xd7\x91\xd7\xa8\xd7\x99\xd7\xaa" },
  { "\xf0\x9f\x8c\x8d", "\xf0\x9f\x8c\x8d" },   /* emoji kept */
};

static void
test_sanitize (gconstpointer data)
{
  const SanitizeCase *c = data;
  g_autofree char *out = entente_scene_sanitize_text (c->input);

  g_assert_cmpstr (out, ==, c->expected);
}

static void
test_sanitize_invalid_utf8 (void)
{
  g_autofree char *out = entente_scene_sanitize_text ("ab\xff\xfe" "cd");

  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_true (g_str_has_prefix (out, "ab"));
  g_assert_true (g_str_has_suffix (out, "cd"));
}

/* Long names are ellipsized on the figure, kept whole for <title>. */
static void
test_long_name (void)
{
  g_autoptr (EntenteScenario) scenario = entente_scenario_new ();
  g_autoptr (EntenteScene) scene = NULL;
  g_autofree char *name = g_strnfill (500, 'x');
  const EntenteSceneNode *node;

  entente_scenario_add_state (scenario, name);
  scene = scene_for (scenario, NULL, 400, 300);
  node = &g_array_index (scene->nodes, EntenteSceneNode, 0);
  g_assert_cmpuint (strlen (node->name), ==, 500);
  g_assert_cmpint (g_utf8_strlen (node->label, -1), <=, 28);
  g_assert_true (g_str_has_suffix (node->label, "…"));
  assert_inside (scene);
}

/* Ties are written as text into the SVG (not through the XML writer): the
 * group must still parse, with one <line> per drawn tie and the tether's
 * marks, in the writer's indentation. */
static void
test_svg_ties (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) scene = NULL;
  g_autoptr (GBytes) svg = NULL;
  xmlDocPtr doc;
  xmlNodePtr node, group = NULL, child;
  guint lines = 0, marks = 0, tethers = 0, drawn = 0, t;

  g_array_index (result->dyads, EntenteDyadResult, 0).tethered = TRUE;
  scene = scene_for (scenario, result, 800, 600);
  for (t = 0; t < scene->ties->len; t++)
    {
      const EntenteSceneTie *tie = &g_array_index (scene->ties, EntenteSceneTie, t);
      const EntenteSceneNode *a = &g_array_index (scene->nodes, EntenteSceneNode, tie->a);
      const EntenteSceneNode *b = &g_array_index (scene->nodes, EntenteSceneNode, tie->b);

      if (hypot (a->x - b->x, a->y - b->y) > a->r + b->r + 0.5)
        drawn++;
    }
  g_assert_cmpuint (drawn, >, 1);

  svg = entente_scene_write_svg (scene, scenario, 200, 150);
  g_assert_nonnull (strstr (g_bytes_get_data (svg, NULL), "\n  <g id=\"ties\">\n    <line class=\"tie "));
  doc = xmlReadMemory (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "scene.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  for (node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    {
      xmlChar *id = node->type == XML_ELEMENT_NODE ? xmlGetProp (node, BAD_CAST "id") : NULL;

      if (id != NULL && xmlStrEqual (id, BAD_CAST "ties"))
        group = node;
      xmlFree (id);
    }
  g_assert_nonnull (group);
  for (child = group->children; child != NULL; child = child->next)
    {
      xmlChar *cls;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      cls = xmlGetProp (child, BAD_CAST "class");
      g_assert_nonnull (cls);
      if (xmlStrEqual (child->name, BAD_CAST "line"))
        {
          xmlChar *x2 = xmlGetProp (child, BAD_CAST "x2");

          g_assert_nonnull (x2);
          g_assert_cmpfloat (g_ascii_strtod ((const char *) x2, NULL), >, 0);
          xmlFree (x2);
          lines++;
          if (xmlStrEqual (cls, BAD_CAST "tie tether"))
            tethers++;
        }
      else if (xmlStrEqual (child->name, BAD_CAST "path") &&
               xmlStrEqual (cls, BAD_CAST "tether-mark"))
        marks++;
      xmlFree (cls);
    }
  g_assert_cmpuint (lines, ==, drawn);
  g_assert_cmpuint (tethers, ==, 1);
  g_assert_cmpuint (marks, ==, 1);
  xmlFreeDoc (doc);
}

/* Layers drawn one after the other make the whole drawing, pixel for pixel. */
static void
test_draw_layers (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) scene = scene_for (scenario, result, 320, 240);
  cairo_surface_t *whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 240);
  cairo_surface_t *layered = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 320, 240);
  cairo_t *cr;
  int y, stride = cairo_image_surface_get_stride (whole);
  guint inked = 0, k;

  cr = cairo_create (whole);
  entente_scene_draw (scene, cr);
  cairo_destroy (cr);
  cr = cairo_create (layered);
  entente_scene_draw_layers (scene, cr, ENTENTE_SCENE_LAYER_NETWORK);
  entente_scene_draw_layers (scene, cr, ENTENTE_SCENE_LAYER_STATES);
  entente_scene_draw_layers (scene, cr, ENTENTE_SCENE_LAYER_LABELS);
  entente_scene_draw_layers (scene, cr, ENTENTE_SCENE_LAYER_LEGEND);
  cairo_destroy (cr);
  cairo_surface_flush (whole);
  cairo_surface_flush (layered);
  for (y = 0; y < 240; y++)
    {
      const guint8 *a = cairo_image_surface_get_data (whole) + y * stride;
      const guint8 *b = cairo_image_surface_get_data (layered) + y * stride;

      g_assert_cmpmem (a, 320 * 4, b, 320 * 4);
      for (k = 0; k < 320 * 4; k++)
        inked += a[k] != 0;
    }
  g_assert_cmpuint (inked, >, 1000);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (layered);
}

/* A new result that moves no state keeps the network and the labels; a
 * moved state or another theme does not. */
static void
test_same_layers (void)
{
  g_autoptr (EntenteScenario) scenario = load_test_scenario ("figures-europe.entente");
  g_autoptr (EntenteResult) result = solve (scenario);
  g_autoptr (EntenteScene) a = scene_for (scenario, result, 800, 600);
  g_autoptr (EntenteScene) b = scene_for (scenario, result, 800, 600);
  g_autoptr (EntenteScene) wider = scene_for (scenario, result, 900, 600);
  g_autoptr (EntenteScene) dark = NULL;
  EntenteSceneOptions options;
  EntenteSceneNode *node;

  g_assert_true (entente_scene_same_layers (a, a, ENTENTE_SCENE_LAYER_ALL));
  g_assert_true (entente_scene_same_layers (a, b, ENTENTE_SCENE_LAYER_NETWORK));
  g_assert_true (entente_scene_same_layers (a, b, ENTENTE_SCENE_LAYER_LABELS));
  g_assert_false (entente_scene_same_layers (a, b, ENTENTE_SCENE_LAYER_STATES));
  g_assert_false (entente_scene_same_layers (a, wider, ENTENTE_SCENE_LAYER_NETWORK));

  entente_scene_options_init (&options);
  options.width = 800;
  options.height = 600;
  options.theme = ENTENTE_SCENE_THEME_DARK;
  dark = entente_scene_new (scenario, result, &options);
  entente_scene_options_clear (&options);
  g_assert_false (entente_scene_same_layers (a, dark, ENTENTE_SCENE_LAYER_NETWORK));
  g_assert_false (entente_scene_same_layers (a, dark, ENTENTE_SCENE_LAYER_LABELS));

  node = &g_array_index (b->nodes, EntenteSceneNode, 0);
  node->x += 3;
  g_assert_false (entente_scene_same_layers (a, b, ENTENTE_SCENE_LAYER_NETWORK));
  g_assert_false (entente_scene_same_layers (a, b, ENTENTE_SCENE_LAYER_LABELS));
}

int
main (int   argc,
      char *argv[])
{
  guint i;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/entente/scene/empty", test_empty);
  g_test_add_func ("/entente/scene/empty-legend", test_empty_legend);
  g_test_add_func ("/entente/scene/one-state", test_one_state);
  g_test_add_func ("/entente/scene/identical-positions", test_identical_positions);
  g_test_add_func ("/entente/scene/area-capability", test_area_capability);
  g_test_add_func ("/entente/scene/labels", test_labels);
  g_test_add_func ("/entente/scene/labels-dense", test_labels_dense);
  g_test_add_func ("/entente/scene/large", test_large);
  g_test_add_func ("/entente/scene/legend", test_legend);
  g_test_add_func ("/entente/scene/grayscale", test_grayscale);
  g_test_add_func ("/entente/scene/hulls-and-tethers", test_hulls_and_tethers);
  g_test_add_func ("/entente/scene/ties", test_ties);
  g_test_add_func ("/entente/scene/to-map", test_to_map);
  g_test_add_func ("/entente/scene/pick", test_pick);
  g_test_add_func ("/entente/scene/interpolate", test_interpolate);
  g_test_add_func ("/entente/scene/svg-ties", test_svg_ties);
  g_test_add_func ("/entente/scene/draw-layers", test_draw_layers);
  g_test_add_func ("/entente/scene/same-layers", test_same_layers);
  for (i = 0; i < G_N_ELEMENTS (sanitize_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/entente/scene/sanitize/%u", i);

      g_test_add_data_func (path, &sanitize_cases[i], test_sanitize);
    }
  g_test_add_func ("/entente/scene/sanitize-invalid-utf8", test_sanitize_invalid_utf8);
  g_test_add_func ("/entente/scene/long-name", test_long_name);

  return g_test_run ();
}
