/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen.h - what every screen shares: the program state (`ui`), the
 * table of operations a screen provides, the screen stack, the status
 * line and the dirty flags that decide what is repainted.
 *
 * The screen is four windows that never overlap: a title bar, the body
 * (the screen's own), a status line and the key hint bar.  Each turn of the
 * loop repaints only the windows marked dirty, with one doupdate().
 */
#ifndef NEXTSTEPS_SCREEN_H
#define NEXTSTEPS_SCREEN_H

#include <curses.h>
#include <time.h>

#include "actions.h"
#include "cli.h"
#include "content.h"
#include "store.h"
#include "workshop.h"

/* The smallest terminal the screens are laid out for (documented in the
 * man page): the walk needs a line per stage plus its headings. */
#define UI_MIN_COLS 60
#define UI_MIN_LINES 16
/* From this width the walk shows the stage descriptors side by side. */
#define UI_WIDE_COLS 120

enum ui_dirty {
	DIRTY_TITLE = 1,
	DIRTY_BODY = 2,
	DIRTY_STATUS = 4,
	DIRTY_HINTS = 8,
	DIRTY_ALL = 15
};

typedef struct ui ui;

/* A screen.  Every operation may be NULL. */
typedef struct screen_ops {
	const char *name;
	unsigned scope;                      /* action_scope bits */
	size_t private_size;                 /* bytes of state the screen owns:
						zeroed on push, freed on pop;
						ui_private() finds them */
	int typing;                          /* a text field has the keyboard */
	int keeps_body;                      /* draws into the body itself (forms):
						not erased before draw */
	int quit_hint_only;                  /* the hint bar names only q (a
						projector: nothing else to read) */
	void (*enter)(ui *u);                /* pushed */
	void (*resume)(ui *u);               /* the screen above was closed */
	void (*leave)(ui *u);                /* popped */
	void (*draw)(ui *u);                 /* paint u->body */
	int (*input)(ui *u, int key);        /* raw key first; 1 when used */
	void (*action)(ui *u, enum action a, int arg);
	void (*resize)(ui *u);               /* windows were rebuilt */
	void (*tick)(ui *u, time_t now);     /* about once a second */
	WINDOW *(*cursor)(ui *u);            /* window holding a visible cursor */
	/* Actions the hint bar shows first because they are what comes next
	 * (the summary once every row is answered); ends with ACT_NONE. */
	const enum action *(*hints_first)(ui *u);
	void (*changed)(ui *u, unsigned what);  /* another terminal changed the
						   session or the room (live_change
						   bits); NULL: the reload waits
						   until a screen that has it */
	size_t (*stages)(ui *u);             /* the stages of the matrix it shows
						when no session is open in u->ws
						(scoring) */
} screen_ops;

#define UI_STACK_MAX 8

struct ui {
	const cli_options *opts;
	enum cli_mode mode;
	int utf8;                            /* UTF-8 drawing allowed */
	int color;
	unsigned text_flags;                 /* for text_clean: TEXT_ASCII or 0 */
	store *st;
	content_matrix *matrix;              /* for new sessions */
	workshop *ws;                        /* the open session, or NULL */
	const char *as_name;                 /* join, score: the participant's name */
	const char *score_session;           /* score: the session named */
	struct live *live;                   /* the live room (ui_live.c), or NULL */
	int live_stale;                      /* a reload waits for a screen that takes it */
	long long live_polled_ms;            /* when the file was last looked at */

	WINDOW *title, *body, *status, *hints;
	int lines, cols;                     /* the size the windows were built for */
	int too_small;
	unsigned dirty;
	char title_clock[80];                /* the pacing text last drawn */

	const screen_ops *stack[UI_STACK_MAX];
	void *private[UI_STACK_MAX];         /* each pushed screen's own state */
	int depth;

	char status_text[600];
	int status_error;
	void (*ask_yes)(ui *u, void *ctx);   /* pending y/n question */
	void (*ask_no)(ui *u, void *ctx);    /* its other answer, or NULL */
	void *ask_ctx;                       /* what both answers are given */

	int quit;
	int exit_status;                     /* non-zero: the run ends with it */
	char exit_text[200];                 /* and says this on stderr */
};

/* The screen on top of the stack. */
const screen_ops *ui_top(const ui *u);
void ui_push(ui *u, const screen_ops *s);
void ui_pop(ui *u);
/* The state (private_size bytes) of the topmost pushed copy of screen
 * `s`, or NULL when it is not on the stack.  A screen's ops and the
 * callbacks it hands to forms and questions reach their state this way,
 * so no screen keeps state in file-scope variables. */
void *ui_private(const ui *u, const screen_ops *s);
/* How many stages the digit keys choose from, for the hint bar and help:
 * the open session's matrix, else the one a screen below shows. */
int ui_stage_count(ui *u);
/* Replaces the whole stack with one screen. */
void ui_reset(ui *u, const screen_ops *s);
void ui_dirty(ui *u, unsigned what);

/* The status line: a short confirmation or an error, until the next key. */
void ui_say(ui *u, const char *fmt, ...);
void ui_error(ui *u, const store_error *err);
/* The status line as it is shown: under --kiosk every file path in it
 * (the database's, a report's, one in a store error) is cut to its last
 * part, so the room never learns where files live.  Returns u->status_text
 * itself or `buf`. */
const char *ui_status_shown(const ui *u, char *buf, size_t size);
/* After a change function returned `rc`: its error (Not saved: ...) or
 * the confirmation `fmt`, after reading the session again.  1 when both
 * the change and the reload worked. */
int ui_saved(ui *u, int rc, const store_error *err, const char *fmt, ...);
/* The same after a change to row `row_id` alone, reading only that row
 * again (workshop_refresh_row), so the key costs the same whatever the
 * size of the matrix. */
int ui_saved_row(ui *u, int rc, const store_error *err, const char *row_id,
		 const char *fmt, ...);
/* The matrix for new sessions (--content, else the built-in one loaded on
 * first use); NULL, with the reason on the status line, when it fails. */
const content_matrix *ui_matrix(ui *u);
/* Asks a y/n question on the status line; `yes` runs on 'y', given
 * `ctx` (what the question is about, kept by the caller until then). */
void ui_ask(ui *u, void (*yes)(ui *u, void *ctx), void *ctx, const char *fmt, ...);
/* The same, with `no` run on any other key instead of "Cancelled.", for
 * a question where that word would mislead. */
void ui_ask_either(ui *u, void (*yes)(ui *u, void *ctx), void (*no)(ui *u, void *ctx),
		   void *ctx, const char *fmt, ...);

/* Undo (u) or, with `redo`, redo (U, ^R) of this person's own change on
 * the screens that change answers: the walk first moves to
 * the undone change's row, then the status line names the row and the
 * change in the room's words (workshop_undo). */
void ui_undo_change(ui *u, int redo);

/* Opens a session in the walk (closing any open one); 0 on success. */
int ui_open_session(ui *u, const char *name_or_id);
void ui_close_session(ui *u);
/* Reloads the open session after a change; shows any error. */
void ui_reload(ui *u);

/* Restores the terminal, prints "nextsteps: MESSAGE" and exits 70. */
void ui_die(const char *fmt, ...);
void *ui_xmalloc(size_t n);
char *ui_xstrdup(const char *s);
char *ui_xprintf(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
void *ui_xgrow(void *v, size_t n, size_t *cap, size_t size, size_t first);

#endif
