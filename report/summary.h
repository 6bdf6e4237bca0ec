/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* summary.h - the summary model of one session: what every reader of a
 * session's results (the summary screen, the text report, the CSV and JSON
 * exports) computes from, so they can never disagree with each other.
 *
 * It is computed from the matrix snapshot the session was run against, the
 * session, its answers and, when there is one, the previous session of the
 * same organisation on the same matrix.  It holds plain structs with
 * pointers into those inputs; no text in it has been cleaned, so a reader
 * must pass every string through text_clean() before showing it.
 *
 * Decisions (documented here because screens and writers rely on them):
 * - Only rows that apply to the session's track are in the model.
 * - A row's state is its store state; a row with nothing recorded is OPEN.
 *   "Not discussed" counts rows explicitly marked so; "not agreed" counts
 *   OPEN rows (talked about or not, but without an agreed stage).
 * - Votes: lowest/highest/median are stage indexes of the votes on a stage
 *   ("don't know" is counted apart).  The median of an even count is the
 *   lower middle vote, following the published advice to record the lower
 *   score where views differ.  `differ` is set when highest - lowest >= 1;
 *   `flag` (views differ widely) when highest - lowest >= 2, i.e. the votes
 *   span at least three adjacent stages such as Start and Enhance.
 * - In a secret-ballot session, the votes of a row not yet revealed are not
 *   in the model at all (`hidden` is set): no writer can leak them.
 * - Change since the previous session is matched by row id and compared by
 *   stage id (looked up in this session's stages), so a newer version of the
 *   matrix still compares correctly; a stage id unknown to this matrix falls
 *   back to its position.  A row the previous session did not have (new in
 *   this version of the matrix, or not on the previous session's track) is
 *   SUMMARY_CHANGE_NOT_IN_PREVIOUS whatever its state: there is nothing to
 *   compare it with, so it is never counted as a move or as new.
 */
#ifndef NEXTSTEPS_SUMMARY_H
#define NEXTSTEPS_SUMMARY_H

#include <stddef.h>

#include "content.h"
#include "rowfacts.h"
#include "store.h"

/* A row's vote spread, computed by rowfacts_spread_of. */
typedef rowfacts_spread summary_votes;

/* What happened to a row since the previous session. */
enum summary_change {
	SUMMARY_CHANGE_NONE = 0,   /* no previous session, or agreed in neither */
	SUMMARY_CHANGE_NEW,        /* agreed now, not agreed (or absent) before */
	SUMMARY_CHANGE_UP,
	SUMMARY_CHANGE_DOWN,
	SUMMARY_CHANGE_SAME,
	SUMMARY_CHANGE_DROPPED,    /* agreed before, not agreed now */
	SUMMARY_CHANGE_NOT_IN_PREVIOUS, /* the previous session had no such row */
	SUMMARY_CHANGE_NOT_REACHED /* agreed before; not yet discussed now */
};

/* A trend entry for a row the matrix of that session did not have. */
#define SUMMARY_NOT_IN_VERSION (-2)
/* Other organisations needed before a benchmark is shown. */
#define SUMMARY_BENCHMARK_MIN 3
/* Earlier sessions needed before the text report shows the trend, and
 * the most it shows (the latest ones), so a report stays readable and its
 * cost does not grow with the years. */
#define SUMMARY_TREND_MIN 2
#define SUMMARY_TREND_MAX 4

/* An earlier session with what it was run against (see summary_input). */
typedef struct summary_past {
	const store_session *session;
	const content_matrix *matrix;
	const store_answers *answers;
} summary_past;

/* The organisation's sessions on this matrix, oldest first, this one last.
 * stages[i * n + k] is row i's stage (an index into this matrix's stages)
 * in session k, -1 when not agreed, or SUMMARY_NOT_IN_VERSION;
 * section_stages[j * n + k] likewise for section j (-1: none agreed). */
typedef struct summary_trend {
	size_t n;
	const store_session **sessions;
	const content_matrix **matrices;
	int *stages;
	int *section_stages;
} summary_trend;

/* Where the other organisations stand on one section. */
typedef struct summary_benchmark {
	int organisations;               /* with an agreed stage in the section */
	int median;                      /* stage index, -1 when organisations 0 */
} summary_benchmark;

typedef struct summary_row {
	const content_row *row;          /* in the snapshot */
	size_t section;                  /* index into report_summary.sections */
	const store_row_answer *answer;  /* NULL when nothing is recorded */
	enum store_row_state state;
	int stage;                       /* agreed stage index, else -1 */
	const char *note;                /* never NULL; "" when none */
	summary_votes votes;
	const store_action **actions;    /* this row's, in creation order */
	size_t n_actions;
	enum summary_change change;
	const char *prev_stage_id;       /* agreed stage before, else NULL */
	const char *prev_stage_label;
} summary_row;

typedef struct summary_counts {
	int at_stage[CONTENT_MAX_STAGES];
	int not_applicable;
	int not_discussed;
	int not_agreed;                  /* OPEN: no decision yet */
	int rows;                        /* rows that apply to the track */
	int flagged;                     /* rows whose views differ widely */
} summary_counts;

typedef struct summary_section {
	const content_section *section;
	size_t first_row;                /* into report_summary.rows */
	size_t n_rows;                   /* may be 0 */
	summary_counts counts;
} summary_section;

/* One entry of the action plan. */
typedef struct summary_action {
	const store_action *action;
	const summary_row *row;          /* NULL when its row is not in the model */
} summary_action;

typedef struct summary_changes {
	int up, down, same, added, dropped;
	int not_in_previous;             /* rows with nothing to compare */
	int not_reached;                 /* agreed before, not yet discussed */
} summary_changes;

typedef struct report_summary {
	const content_matrix *matrix;
	const store_session *session;
	const store_answers *answers;
	summary_section *sections;       /* one per matrix section, in order */
	size_t n_sections;
	summary_row *rows;               /* applicable rows, in matrix order */
	size_t n_rows;
	summary_action *plan;            /* sorted by due date (undated last),
					    then row order, then creation */
	size_t n_plan;
	const store_action **row_actions; /* storage behind rows[].actions */
	summary_counts totals;
	int max_section_rows;            /* largest section, to scale bars */
	/* The previous session of the organisation on this matrix, or NULL. */
	const store_session *previous;
	const content_matrix *prev_matrix;
	summary_changes changes;
	summary_trend trend;             /* n is at least 1: this session */
	int other_organisations;         /* found for the benchmark */
	summary_benchmark *benchmark;    /* per section; NULL when fewer than
					    SUMMARY_BENCHMARK_MIN others */
	void *owned;                     /* what report_summary_load allocated */
} report_summary;

/* The inputs of summary_build; they must outlive the summary. */
typedef struct summary_input {
	const content_matrix *matrix;
	const store_session *session;
	const store_answers *answers;
	const store_session *previous;       /* NULL when there is none */
	const content_matrix *prev_matrix;
	const store_answers *prev_answers;
	/* Rows agreed at some point in this session, sorted by strcmp. */
	const char *const *ever_agreed;
	size_t n_ever_agreed;
	const summary_past *past;            /* earlier sessions, oldest first */
	size_t n_past;
	const summary_past *others;          /* latest of each other organisation */
	size_t n_others;
} summary_input;

/* Computes the model from inputs the caller keeps; NULL when out of memory. */
report_summary *summary_build(const summary_input *in);

/* Loads the session's snapshot, answers and previous session from the store
 * and builds the model, which then owns all of them.  The session `s` is
 * copied and need not outlive the summary. */
int report_summary_load(store *st, const store_session *s, report_summary **out,
			store_error *err);
void report_summary_free(report_summary *sm);

/* Name of a change for a reader ("up", "down", "same", "new", "dropped",
 * "new-row", "not-yet"). */
const char *summary_change_name(enum summary_change change);
/* The change in the report's words: "moved up", "moved down", "unchanged",
 * "agreed for the first time", "no longer agreed", "not in the previous
 * session", "not yet discussed"; "" for SUMMARY_CHANGE_NONE. */
const char *summary_change_words(enum summary_change change);
/* A trend entry's session as a column head: its created year, or
 * YYYY-MM-DD when another session of the trend shares that year. */
void summary_trend_label(const report_summary *sm, size_t k, char out[16]);
/* A trend or benchmark stage in words: the stage's label, "-" for
 * SUMMARY_NOT_IN_VERSION, "none" when not agreed.  Not yet cleaned. */
const char *summary_stage_words(const report_summary *sm, int stage);
/* Whether the trend is shown: this session and at least SUMMARY_TREND_MIN
 * earlier ones. */
int summary_trend_shown(const report_summary *sm);
/* One row's or section's trend, oldest first, as every front end words
 * it: "2024 Start  2025 -  2026 Build" for trend.stages + i * trend.n (or
 * section_stages + j * trend.n).  Returns malloc'd text, not yet cleaned;
 * NULL when out of memory. */
char *summary_trend_text(const report_summary *sm, const int *stages);
/* Section j against the other organisations, never by name: "others Build
 * (4 organisations); here Start", or "no other organisation agreed a
 * stage here; here Start".  Only when sm->benchmark is set; malloc'd,
 * not yet cleaned, NULL when out of memory. */
char *summary_benchmark_text(const report_summary *sm, size_t j);
/* What is said instead of a benchmark when sm->benchmark is NULL. */
#define SUMMARY_NO_BENCHMARK \
	"Benchmark: fewer than three other organisations on this matrix."
/* Why a SUMMARY_CHANGE_NOT_IN_PREVIOUS row has no comparison, in words:
 * "not in version 1.0" (the previous session's matrix version), or "not in
 * the previous session" when that version had the row on another track.
 * Writes at most `size` bytes to `out` and returns it; not yet cleaned. */
char *summary_not_in_previous_text(const report_summary *sm,
				   const summary_row *r, char *out, size_t size);
/* Seconds spent in section `k` (the stored section time), and its
 * planned seconds (report/plan.h: the minutes set for it, else its share
 * of the applicable rows in what the set minutes leave). */
long long summary_section_seconds(const report_summary *sm, size_t k);
long long summary_section_planned_seconds(const report_summary *sm, size_t k);

/* The name of the session the brought actions came from (the previous
 * session whose open actions this one reviews), or NULL when none were
 * brought.  Not yet cleaned. */
const char *summary_brought_from(const report_summary *sm);
/* The row of the model a brought action belongs to, or NULL when its row
 * is not in this session (gone from the matrix, or on the other track). */
const summary_row *summary_brought_row(const report_summary *sm,
				       const store_brought *b);
/* How many brought actions have no outcome yet. */
size_t summary_brought_open(const report_summary *sm);
/* A brought action's owner, due date and row, as every reader words
 * them: "Owner: Dr Ada. Due: 2026-03-01. Row: 1.2 Title." ("not named",
 * "no date" when empty), or "... Row ROW is not in this session's
 * matrix."  Malloc'd, not yet cleaned; NULL when out of memory. */
char *summary_brought_details(const report_summary *sm, const store_brought *b);

/* The state as the exports name it: "agreed", "not_applicable",
 * "parked" or "not_reached" (rowfacts_state_word). */
const char *summary_state_name(enum store_row_state state);
/* The vote spread in words, not yet cleaned, e.g.
 * "Start 2, Build 5, Enhance 1; don't know 1; range Start-Enhance"
 * ("No votes recorded" / "Votes not revealed").  Returns malloc'd text. */
char *summary_votes_text(const report_summary *sm, const summary_votes *v);

#endif
