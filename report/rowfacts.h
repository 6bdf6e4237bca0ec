/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* rowfacts.h - what every reader says about one row: its state in words,
 * whether a secret ballot still hides its votes, and the spread of those
 * votes with the sentences that describe it.
 *
 * The walk, the votes screen, the summary, watch and join, the line mode
 * and the text report all take these facts from here, so no two of them
 * can disagree on what a row holds.  Each place keeps its own sentence
 * shape (a tag in brackets, a heading, a line of the report), but the
 * shapes are all in this module's phrase table.
 *
 * No text here has been cleaned: stage labels come from the matrix, so a
 * caller passes what it shows through text_clean() (the screens' drawing
 * and the line mode do).
 */
#ifndef NEXTSTEPS_ROWFACTS_H
#define NEXTSTEPS_ROWFACTS_H

#include <stddef.h>

#include "content.h"
#include "store.h"

/* The row's state as every reader treats it: nothing recorded, or an
 * agreed stage this matrix does not have, reads as open. */
typedef struct rowfacts_state {
	enum store_row_state state;
	int stage;                 /* agreed stage index, else -1 */
} rowfacts_state;

rowfacts_state rowfacts_state_of(const content_matrix *m, const store_row_answer *a);

/* The four states a row can be in, named once for every reader:
 *   STORE_ROW_OPEN            "not reached yet"  not_reached
 *   STORE_ROW_NOT_DISCUSSED   "parked"           parked (skipped on purpose)
 *   STORE_ROW_AGREED          "agreed"           agreed
 *   STORE_ROW_NOT_APPLICABLE  "not applicable"   not_applicable
 * rowfacts_state_words() gives the words the screens and the text report
 * use, rowfacts_state_word() the token CSV and JSON carry. */
const char *rowfacts_state_words(enum store_row_state st);
const char *rowfacts_state_word(enum store_row_state st);

/* Where the state is shown; each has its own sentence shape. */
enum rowfacts_phrase {
	ROWFACTS_TAG,       /* the walk's "[agreed: Build]"; "not reached yet" */
	ROWFACTS_HEADING,   /* watch and join: "Agreed: 2 Build"; "Not reached yet" */
	ROWFACTS_VOTES,     /* the votes screen: "Agreed now: Build"; "Marked not applicable" */
	ROWFACTS_BARE,      /* the label or the state alone: "Build", "not applicable"; "not reached yet" */
	ROWFACTS_REPORT,    /* the text report's "Agreed stage: ": "Build"; "not reached yet" */
	ROWFACTS_CHANGE     /* the summary's "Start -> Build"; "not reached yet" */
};

/* The state in words for `ph`, written to `buf` (returned). */
const char *rowfacts_state_text(const content_matrix *m, rowfacts_state s,
				enum rowfacts_phrase ph, char *buf, size_t size);

/* Whether the row's votes are hidden: the session's ballot is secret, or
 * the row holds a private score given before the workshop (store.h,
 * "private scores"), and the facilitator has not revealed this row.
 * Every reader (screens, watch, join, line mode, reports) asks here;
 * answers_v in the store says the same in SQL. */
int rowfacts_ballot_hides(const store_session *s, const store_row_answer *a);

/* How many of the row's first `n_participants` votes are scores given
 * before the workshop ("3 scored" on the walk's vote line). */
int rowfacts_scored(const store_row_answer *a, size_t n_participants);
/* "before" or "during": when participant's vote on the row was given,
 * the word CSV and JSON carry. */
const char *rowfacts_when_word(const store_row_answer *a, size_t participant);

/* Who has scored how many rows, never the values: what the facilitator's
 * screens and every report show of the private scores. */
typedef struct rowfacts_progress {
	size_t n_participants;
	int *rows;          /* per participant: rows of the session scored */
	int total;          /* rows of the session (its matrix and type) */
	int scorers;        /* participants with any row scored */
	int votes_before;   /* every vote given before the workshop */
	int gone;           /* rows holding scores that the session's matrix
			       does not have (or not for its type): kept,
			       reported, never shown as rows */
} rowfacts_progress;
void rowfacts_score_progress(const content_matrix *m, const store_session *s,
			     const store_answers *ans, rowfacts_progress *out);
void rowfacts_progress_free(rowfacts_progress *pr);
/* "Elm Practice 36/36, Oak Surgery 12/36" (participants with a score, in
 * their order; "" when nobody has scored); malloc'd, NULL when out of
 * memory.  Not cleaned: names are user text. */
char *rowfacts_progress_text(const rowfacts_progress *pr, const store_session *s);
/* The sentences every reader shows (the summary screen, the line mode's
 * summary, the text report): "4 votes were given before the workshop
 * (Elm Practice 2/2, Oak Surgery 2/2)." and, when pr->gone, "1 row
 * scored before the workshop is not in this matrix; the scores are kept,
 * not counted." (else "").  malloc'd, NULL when out of memory. */
char *rowfacts_progress_sentence(const rowfacts_progress *pr, const store_session *s);
char *rowfacts_gone_sentence(const rowfacts_progress *pr);

/* The spread of the votes on one row. */
typedef struct rowfacts_spread {
	int count[CONTENT_MAX_STAGES];  /* votes per stage index */
	int dont_know;
	int total;          /* votes on a stage (not counting don't know) */
	int voted;          /* participants with any vote */
	int lowest;         /* stage index, -1 when total == 0 */
	int highest;        /* stage index, -1 when total == 0 */
	int median;         /* lower median stage index, -1 when total == 0 */
	int suggested;      /* the lower stage where views differ; -1 when total == 0 */
	int differ;         /* highest - lowest >= 1 */
	int flag;           /* highest - lowest >= 2: views differ widely */
	int hidden;         /* the ballot hides votes someone has cast: only
			       `voted` and `scored` are counted */
	int scored;         /* votes that are scores given before the workshop */
} rowfacts_spread;

/* Who has voted, never what: "3 scored" when every vote is a score given
 * before the workshop, "3 scored, 4 of 5 voted" when some are not, else
 * "2 of 3 voted". */
void rowfacts_voted_text(const rowfacts_spread *sp, size_t n_participants,
			 char *buf, size_t size);
/* Whether the facilitator's reveal (r) applies to the row: a secret
 * ballot, or scores given before the workshop. */
int rowfacts_reveal_applies(const store_session *s, const store_row_answer *a);

/* Counts the first `n_participants` votes of `a` (may be NULL).  The
 * median of an even count is the lower middle vote, and the suggestion
 * the lowest stage voted, following the published advice to record the
 * lower score where views differ; the facilitator decides. */
void rowfacts_spread_of(const content_matrix *m, const store_session *s,
			const store_row_answer *a, size_t n_participants,
			rowfacts_spread *out);

/* Where the agreed stage sits against the stage votes: 1 above every
 * vote, -1 below every vote, 0 among them, or when the row is not agreed,
 * has no stage votes, or the ballot hides them. */
int rowfacts_agreed_outside(rowfacts_state st, const rowfacts_spread *sp);
/* "agreed above all votes", "agreed below all votes", or NULL for 0. */
const char *rowfacts_outside_text(int outside);
/* "Views differ" when the votes span two or more stages apart (sp->flag),
 * else NULL. */
const char *rowfacts_differ_text(const rowfacts_spread *sp);
/* Whether the row belongs in the lists of disagreements: views differ
 * widely, or the agreed stage lies outside every vote. */
int rowfacts_disagrees(rowfacts_state st, const rowfacts_spread *sp);
/* The two sentences above joined for one line, e.g. "Views differ;
 * agreed above all votes", or "" when neither applies; returns buf. */
const char *rowfacts_disagreement_text(rowfacts_state st, const rowfacts_spread *sp,
				       char *buf, size_t size);

/* "Start 2<sep>Build 5<sep>Enhance 1<sep>don't know 1": every stage's
 * count, then don't know. */
void rowfacts_counts_text(const content_matrix *m, const rowfacts_spread *sp,
			  const char *sep, char *buf, size_t size);
/* The range in one sentence: "All agree: Build.", "Every stage vote:
 * Build.", "Lowest Start, highest Enhance." or "No stage votes yet.". */
void rowfacts_range_text(const content_matrix *m, const rowfacts_spread *sp,
			 char *buf, size_t size);
/* The spread as the reports write it, e.g. "Start 2, Build 5, Enhance 1;
 * don't know 1; range Start-Enhance" ("No votes recorded" / "Votes not
 * revealed").  Returns malloc'd text, NULL when out of memory. */
char *rowfacts_spread_text(const content_matrix *m, const rowfacts_spread *sp);

#endif
