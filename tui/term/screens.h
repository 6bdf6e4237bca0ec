/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screens.h - the screens, one file each (screen_*.c), and the few entry
 * points one screen uses to open another with arguments. */
#ifndef NEXTSTEPS_SCREENS_H
#define NEXTSTEPS_SCREENS_H

#include "screen.h"

extern const screen_ops screen_sessions;   /* screen_sessions.c */
extern const screen_ops screen_walk;       /* screen_walk.c */
extern const screen_ops screen_overview;   /* screen_overview.c */
extern const screen_ops screen_votes;      /* screen_votes.c */
extern const screen_ops screen_note;       /* screen_note.c */
extern const screen_ops screen_actions;    /* screen_actions.c */
extern const screen_ops screen_help;       /* screen_help.c */
extern const screen_ops screen_form;       /* screen_form.c */
extern const screen_ops screen_summary;    /* screen_summary.c */
extern const screen_ops screen_watch;      /* screen_watch.c */
extern const screen_ops screen_join;       /* screen_join.c */
extern const screen_ops screen_score;      /* screen_score.c */
extern const screen_ops screen_history;    /* screen_history.c */
extern const screen_ops screen_settings;   /* screen_settings.c */
extern const screen_ops screen_brought;    /* screen_brought.c */

/* Opens the settings of session `session_id` (screen_settings.c). */
void screen_settings_open(ui *u, const char *session_id);

/* Opens the review of the actions brought from the organisation's
 * previous session, or says there are none (screen_brought.c). */
void screen_brought_open(ui *u);
/* What the walk offers when it opens on a session that has brought
 * actions not yet reviewed and no row answered: "5 actions from Camden
 * 2025 to review: B" (not yet cleaned); 0 and "" otherwise. */
int screen_brought_offer(const ui *u, char *buf, size_t size);

/* ------------------------------------------------------------ forms */

#define FORM_MAX_FIELDS 8

typedef struct form_field_spec {
	const char *label;
	const char *value;              /* initial text (copied) */
	const char *const *choices;     /* NULL-terminated: a choice field */
	int max_len;                    /* cells, for ASCII fields such as a
					   date; 0: no limit (the store
					   refuses what is too long) */
} form_field_spec;

/* What a form does when it is submitted: `values` holds each field's
 * text, trimmed.  Return 0 to close the form (then `after`, if any, runs
 * once the form is gone), or non-zero to keep it open (say why with
 * ui_say/ui_error). */
typedef struct form_spec {
	const char *title;
	const char *intro;              /* one line above the fields, may be NULL */
	form_field_spec fields[FORM_MAX_FIELDS];
	size_t n_fields;
	int (*submit)(ui *u, char **values, void *ctx);
	void (*after)(ui *u, void *ctx);
	void *ctx;
} form_spec;

/* Pushes a form screen built from `spec` (copied). */
void screen_form_open(ui *u, const form_spec *spec);

/* The add-a-participant form, whose `submit` gets the name (screen_settings.c,
 * also used by the votes screen). */
void screen_participant_form(ui *u, int (*submit)(ui *u, char **values, void *ctx),
			     void *ctx);
/* Adds `name` to session `session_id` (its place in *index when index is
 * not NULL); 0 when added, else 1 with the refusal on the status line. */
int screen_participant_add(ui *u, const char *session_id, const char *name,
			   int *index);

#endif
