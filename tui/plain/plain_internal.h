/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain_internal.h - shared by the files of the plain mode: plain.c (line
 * input and output, the run), plain_sessions.c (the session picker),
 * plain_walk.c (the walk) and plain_answers.c (votes, notes, actions);
 * the set-up (i) is in plain_sessions.c, the review of last session's
 * actions (B) in plain_brought.c.
 * Not for other modules: they use plain.h. */
#ifndef NEXTSTEPS_PLAIN_INTERNAL_H
#define NEXTSTEPS_PLAIN_INTERNAL_H

#include <stddef.h>

#include "cli.h"
#include "content.h"
#include "store.h"
#include "workshop.h"

/* Longest input line kept; the rest of a longer line is left out. */
#define PLAIN_LINE_MAX (64u * 1024u)
#define PLAIN_NO_SECTION ((size_t)-1)

typedef struct plain {
	const cli_options *o;
	store *st;
	content_matrix *matrix;    /* the matrix new sessions are run against */
	workshop *ws;              /* the open session, NULL before one */
	struct live *lv;           /* the walk's presence in the live room */
	unsigned flags;            /* text_clean flags for this terminal */
	size_t width;              /* no output line is wider */
	int echo;                  /* input is not a terminal: repeat answers */
	int eof;                   /* input has ended */
	int cut;                   /* the last line read was cut short */
	int input_utf8;            /* lines are UTF-8 (else the locale's encoding) */
	size_t bad;                /* bytes of the last line that could not be read */
	int warned;                /* ... and the user has been told once */
	char *line;                /* the last line read, without its newline */
	size_t cap;
	size_t shown_section;      /* section whose heading was printed last */
	int full_prompt;           /* the next walk prompt lists every answer */
	int failed;                /* exit status of the last write that failed */
	size_t n_failed;           /* writes that failed */
	char failure[512];         /* ... and what the last one said */
} plain;

/* Output: all text is cleaned (text_clean) and wrapped to p->width. */
void plain_say(const plain *p, const char *fmt, ...);
/* `text` after `prefix`, wrapped with a hanging indent under the prefix;
 * `flags` may add TEXT_KEEP_NEWLINES for notes. */
void plain_show(const plain *p, const char *prefix, const char *text,
		unsigned flags);
/* A malloc'd printf result (exits on out of memory). */
char *plain_format(const char *fmt, ...);
/* Prints a prompt ending in " > " and reads one answer, trimmed; NULL when
 * input has ended or a signal asked the program to stop. */
const char *plain_ask(plain *p, const char *fmt, ...);
/* Prints a prompt ending in " > " and returns at once (the caller reads
 * the answer when it comes); the column after it is returned. */
size_t plain_prompt(plain *p, const char *fmt, ...);
/* Like plain_ask, but a malloc'd copy. */
char *plain_ask_copy(plain *p, const char *fmt, ...);
/* One raw line (not trimmed) into p->line; -1 at the end of input. */
int plain_read(plain *p);
/* Repeats a line read from a pipe and reports a cut line. */
void plain_echo(plain *p, size_t col);
/* Answers by number: 0 when `s` is a whole number from lo to hi. */
int plain_number(const char *s, long lo, long hi, long *out);
/* The lower-case letter when `s` is one ASCII letter (or '?'), else 0. */
int plain_letter(const char *s);
/* Whether a signal asked the program to stop. */
int plain_stopped(void);
/* Prints a store error as one line; a write that failed (not a refused
 * answer) is remembered, so the run never ends saying all is saved. */
void plain_error(plain *p, const char *what, const store_error *err);
/* Exits with "out of memory": nothing is lost, the store has it all. */
void plain_oom(void);

/* Blanks around an answer removed, in place. */
char *plain_trim(char *s);

/* The session picker (plain_sessions.c): returns an exit status; `id`
 * stays "" when the user quit. */
int plain_pick(plain *p, char id[40]);

/* The walk (plain_walk.c): returns an exit status. */
int plain_walk(plain *p);
/* Reads the session again after a change (or another process's). */
void plain_reload(plain *p);

/* The clock (plain_pacing.c): "Time: 12/15 min · 48/90 min, 4 behind.";
 * a section's time against its plan ("10/30 min", "+5 min" when over,
 * ", minutes set" when the facilitator set them; malloc'd); asking and
 * storing a section's minutes; and storing the section's time once a
 * minute, as the screens do, so a kill loses at most that. */
void plain_pacing(const plain *p);
char *plain_section_time(const plain *p, size_t section);
void plain_section_minutes(plain *p, size_t section);
void plain_keep_time(plain *p);
/* The current row's votes as words (or how many, in a secret ballot). */
void plain_show_votes(const plain *p);
/* The range and the suggested stage after the votes (nothing while a
 * secret ballot hides them). */
void plain_show_suggestion(const plain *p);

/* The current row of `ws` (p->ws, or a scorer's own), its stages numbered
 * as they are answered, each with its descriptor: the walk, watch, join
 * and private scoring read them alike. */
void plain_show_stages(const plain *p, const workshop *ws);
/* Moves to a step (storing the position) and reads the row out. */
void plain_step(plain *p, size_t step);

/* The longer answers (plain_answers.c), each stored as it is given. */
void plain_votes(plain *p);
void plain_note(plain *p);
void plain_action(plain *p);

/* watch and join (plain_follow.c): `join` set reads votes as `as_name`;
 * returns an exit status. */
int plain_follow_run(plain *p, int join, const char *session,
		     const char *as_name);

/* Private scoring before the workshop (plain_score.c): returns an exit
 * status. */
int plain_score_run(plain *p, const char *session, const char *as_name);

/* The whole session and the row's actions (plain_more.c). */
void plain_overview(plain *p);
void plain_summary(plain *p);
void plain_history(plain *p);
void plain_reveal(plain *p);
void plain_reveal_all(plain *p);
void plain_report(plain *p);
void plain_actions(plain *p);
/* Last session's actions (plain_brought.c): the walk's line under a row
 * that has some, the count said once before the first row of a session
 * no row of which is answered yet, and B, their review. */
void plain_show_brought(const plain *p);
void plain_brought_opening(const plain *p);
void plain_brought(plain *p);
/* "d done, i in progress, x dropped, c carried forward, 0 not yet
 * reviewed": the outcome prompt's choices, from the shared keys, which
 * `?` also gives (malloc'd). */
char *plain_outcome_choices(void);
/* The session's set-up (plain_sessions.c). */
void plain_setup(plain *p);

#endif
