/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain_sessions.c - the plain session picker: the sessions by number,
 * or the new-session form as a row of questions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plain_internal.h"
#include "text.h"

/* Sessions listed by number; older ones are opened by typing a name, so a
 * file of thousands of sessions costs one screenful on a slow link. */
#define PLAIN_LIST_MAX 20

/* "A, B,C" into trimmed, non-empty names pointing into `buf`. */
static const char **plain_split(char *buf, size_t *n)
{
	size_t cap = 1, k = 0;
	const char **out;
	char *s, *e;

	for (s = buf; *s; s++)
		cap += *s == ',';
	if (!(out = calloc(cap, sizeof *out)))
		plain_oom();
	for (s = buf; s; s = e) {
		if ((e = strchr(s, ',')) != NULL)
			*e++ = '\0';
		s = plain_trim(s);
		if (*s)
			out[k++] = s;
	}
	*n = k;
	return out;
}

/* The type by number or by name; Enter keeps the usual LGPO.  0 when
 * input ended. */
static unsigned plain_ask_track(plain *p)
{
	for (;;) {
		const char *a = plain_ask(p, "Type: 1. LGPO (larger-scale GP "
					  "organisation), 2. PCN (primary care "
					  "network) [1-2, Enter for 1]");
		long k;

		if (!a)
			return 0;
		if (!*a || strcmp(a, "1") == 0)
			return CONTENT_TRACK_LGPO;
		if (plain_number(a, 2, 2, &k) == 0)
			return CONTENT_TRACK_PCN;
		if (content_track_parse(a))
			return content_track_parse(a);
		plain_say(p, "Type 1 for LGPO or 2 for PCN.");
	}
}

/* The session name, asked again while it is blank. */
static char *plain_ask_name(plain *p)
{
	for (;;) {
		char *name = plain_ask_copy(p, "Session name");

		if (!name || !text_is_blank(name))
			return name;
		free(name);
		plain_say(p, "The session needs a name.");
	}
}

/* Stores the answers to the new-session questions. */
static int plain_create(plain *p, char *const f[4], unsigned track,
			char id[40])
{
	store_new_session spec;
	store_error err;
	const char **names;
	int rc;

	memset(&spec, 0, sizeof spec);
	spec.name = f[0];
	spec.organisation = f[1];
	spec.facilitator = f[2];
	spec.track = track;
	names = plain_split(f[3], &spec.n_participants);
	spec.participants = names;
	rc = store_session_create(p->st, &spec, p->matrix, id, &err);
	if (rc != 0)
		plain_error(p, "Not created", &err);
	else
		plain_say(p, "Saved: session '%s' created (%s, %zu rows, %zu "
			  "participants).", f[0], track == CONTENT_TRACK_PCN ?
			  "PCN" : "LGPO", content_count_rows(p->matrix, track),
			  spec.n_participants);
	free(names);
	return rc;
}

/* The new-session form as a row of questions.  0 when created (id
 * filled), 1 when input ended, -1 when the store refused it. */
static int plain_new_session(plain *p, char id[40])
{
	char *f[4] = { NULL, NULL, NULL, NULL };
	unsigned track = 0;
	int rc = 1;

	plain_say(p, "New session: Enter leaves a question empty.");
	if (!(f[0] = plain_ask_name(p)) ||
	    !(f[1] = plain_ask_copy(p, "Organisation")) ||
	    !(track = plain_ask_track(p)) ||
	    !(f[2] = plain_ask_copy(p, "Facilitator")) ||
	    !(f[3] = plain_ask_copy(p, "Participants, separated by commas")))
		goto out;
	rc = plain_create(p, f, track, id) == 0 ? 0 : -1;
out:
	free(f[0]);
	free(f[1]);
	free(f[2]);
	free(f[3]);
	return rc;
}

/* The most recent sessions, numbered from 1 as they are picked. */
static void plain_list_sessions(const plain *p, const store_session *list,
				size_t n, size_t shown)
{
	size_t i;

	plain_say(p, "Sessions, most recently changed first:");
	for (i = 0; i < shown; i++) {
		const store_session *s = &list[i];
		char num[32];
		char *t = plain_format("%s%s%s, %s, %d of %d rows answered",
				       s->name, *s->organisation ? " -- " : "",
				       s->organisation, s->track == CONTENT_TRACK_PCN ?
				       "PCN" : "LGPO", s->rows_answered, s->rows_total);

		snprintf(num, sizeof num, "%4zu. ", i + 1);
		plain_show(p, num, t, 0);
		free(t);
	}
	if (n > shown)
		plain_say(p, "... and %zu older sessions: type a name to open one.",
			  n - shown);
}

/* One answer at the session prompt: 0 when chosen (id filled), 1 to
 * quit, -1 to ask again. */
static int plain_pick_answer(plain *p, const char *a, const store_session *list,
			     size_t shown, char id[40])
{
	store_session s;
	store_error err;
	long k;

	if (!a || plain_letter(a) == 'q')
		return 1;
	if (plain_letter(a) == 'n')
		return plain_new_session(p, id);
	if (plain_number(a, 1, (long)shown, &k) == 0) {
		snprintf(id, 40, "%s", list[k - 1].id);
		return 0;
	}
	memset(&s, 0, sizeof s);
	if (*a && store_session_find(p->st, a, &s, &err) == 0) {
		snprintf(id, 40, "%s", s.id);
		store_session_clear(&s);
		return 0;
	}
	plain_say(p, "Type a number from 1 to %zu, n or q.", shown);
	return -1;
}

/* The session to open, picked by number or created; on an empty database
 * straight to the questions.  Returns an exit status; id stays "" when the
 * user quit. */
int plain_pick(plain *p, char id[40])
{
	int r;

	do {
		store_session *list = NULL;
		size_t n = 0, shown;
		store_error err;

		id[0] = '\0';
		if (store_session_list(p->st, &list, &n, &err) != 0) {
			cli_error("%s", err.message);
			return err.status;
		}
		shown = n < PLAIN_LIST_MAX ? n : PLAIN_LIST_MAX;
		if (n == 0) {
			plain_say(p, "There are no sessions yet: answer these "
				  "questions to create one.");
			r = plain_new_session(p, id);
		} else {
			plain_list_sessions(p, list, n, shown);
			r = plain_pick_answer(p, plain_ask(p, "Open a session "
				"[1-%zu], n new session, q quit", shown),
				list, shown, id);
		}
		store_session_list_free(list, n);
		if (r > 0)
			id[0] = '\0';
	} while (r < 0);
	return CLI_OK;
}
