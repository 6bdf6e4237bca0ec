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

/* The type by number or by name; Enter keeps `keep`, the session's type
 * in the set-up (0 for a new session: the usual LGPO).  0 when input
 * ended. */
static unsigned plain_ask_track(plain *p, unsigned keep)
{
	for (;;) {
		const char *a = plain_ask(p, "Type: 1. LGPO (larger-scale GP "
					  "organisation), 2. PCN (primary care "
					  "network) [1-2, Enter %s]", !keep ? "for 1"
					  : keep == CONTENT_TRACK_PCN ? "keeps 2" : "keeps 1");
		long k;

		if (!a)
			return 0;
		if (!*a)
			return keep ? keep : CONTENT_TRACK_LGPO;
		if (strcmp(a, "1") == 0)
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
	    !(track = plain_ask_track(p, 0)) ||
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

/* ------------------------------------------------------------ set-up */

static void plain_setup_show(const plain *p)
{
	const store_session *s = &p->ws->s;
	char *people = plain_format("%s", ""), *t;
	size_t i;

	for (i = 0; i < s->n_participants; i++) {
		t = plain_format("%s%s%s", people, i ? ", " : "", s->participants[i]);
		free(people);
		people = t;
	}
	plain_show(p, "Session:      ", s->name, 0);
	plain_show(p, "Organisation: ", *s->organisation ? s->organisation : "(not given)", 0);
	plain_show(p, "Facilitator:  ", *s->facilitator ? s->facilitator : "(not given)", 0);
	plain_say(p, "Type:         %s (%d rows apply).",
		  s->track == CONTENT_TRACK_PCN ? "PCN" : "LGPO", s->rows_total);
	plain_say(p, "Minutes:      %d planned.", s->planned_minutes);
	plain_show(p, "Participants: ", *people ? people : "(none)", 0);
	plain_say(p, "Secret ballot: %s.", s->secret_ballot ? "on" : "off");
	free(people);
}

/* A refusal in the command line's words, named by the field. */
static void plain_setup_refused(plain *p, const char *field, const store_error *err)
{
	store_error named = *err;

	snprintf(named.message, sizeof named.message, "%s: %.400s", field, err->message);
	plain_error(p, "Not saved", &named);
}

static void plain_setup_rename(plain *p)
{
	char *name = plain_ask_copy(p, "New name (Enter keeps '%s')", p->ws->s.name);
	store_error err;

	if (!name || !*name)
		plain_say(p, "Not saved: the name is unchanged.");
	else if (store_session_rename(p->st, p->ws->s.id, name, &err) != 0)
		plain_setup_refused(p, "Name", &err);
	else
		plain_say(p, "Saved: the session is now '%s'.", name);
	free(name);
	plain_reload(p);
}

/* The organisation or the facilitator; "-" empties it. */
static void plain_setup_text(plain *p, enum store_session_text field)
{
	const char *what = field == STORE_SESSION_ORG ? "Organisation" : "Facilitator";
	char *v = plain_ask_copy(p, "%s (Enter keeps it, - for none)", what);
	store_error err;

	if (!v || !*v)
		plain_say(p, "Not saved: the %s is unchanged.", field == STORE_SESSION_ORG
			  ? "organisation" : "facilitator");
	else if (store_session_set_text(p->st, p->ws->s.id, field,
					strcmp(v, "-") == 0 ? "" : v, &err) != 0)
		plain_setup_refused(p, what, &err);
	else
		plain_say(p, "Saved: %s %s.", what, strcmp(v, "-") == 0 ? "cleared"
			  : "changed");
	free(v);
	plain_reload(p);
}

static void plain_setup_track(plain *p)
{
	unsigned track = plain_ask_track(p, p->ws->s.track);
	store_error err;

	if (!track)
		return;
	if (track == p->ws->s.track)
		plain_say(p, "Not saved: the type is unchanged.");
	else if (store_session_set_track(p->st, p->ws->s.id, track, &err) != 0)
		plain_setup_refused(p, "Type", &err);
	else
		plain_say(p, "Saved: the type is %s; answers on rows outside it are kept "
			  "and come back if the type changes back.",
			  track == CONTENT_TRACK_PCN ? "PCN" : "LGPO");
	plain_reload(p);
}

static void plain_setup_minutes(plain *p)
{
	const char *a = plain_ask(p, "Planned minutes [%d-%d, Enter keeps %d]",
				  STORE_MINUTES_MIN, STORE_MINUTES_MAX,
				  p->ws->s.planned_minutes);
	store_error err;
	long m;

	if (!a || !*a)
		plain_say(p, "Not saved: the minutes are unchanged.");
	else if (plain_number(a, STORE_MINUTES_MIN, STORE_MINUTES_MAX, &m) != 0)
		plain_say(p, "Not saved: Minutes takes a number from %d to %d, not '%s'.",
			  STORE_MINUTES_MIN, STORE_MINUTES_MAX, a);
	else if (store_session_set_minutes(p->st, p->ws->s.id, (int)m, &err) != 0)
		plain_setup_refused(p, "Minutes", &err);
	else
		plain_say(p, "Saved: %ld minutes planned.", m);
	plain_reload(p);
}

static void plain_setup_secret(plain *p)
{
	int on = !p->ws->s.secret_ballot;
	store_error err;

	if (store_session_set_secret(p->st, p->ws->s.id, on, &err) != 0)
		plain_error(p, "Not saved", &err);
	else
		plain_say(p, "Saved: secret ballot %s.", on ? "on: votes are hidden "
			  "until you reveal them (r)" : "off");
	plain_reload(p);
}

static void plain_setup_participant(plain *p)
{
	char *name = plain_ask_copy(p, "Participant's name (Enter cancels)");
	store_error err;
	int index;

	if (!name || text_is_blank(name))
		plain_say(p, "Not saved: no participant added.");
	else if (store_participant_add(p->st, p->ws->s.id, name, &index, &err) != 0)
		plain_setup_refused(p, "Add participant", &err);
	else
		plain_say(p, "Saved: %s is participant %d.", name, index + 1);
	free(name);
	plain_reload(p);
}

static void plain_setup_rename_participant(plain *p)
{
	char *old = plain_ask_copy(p, "Participant to rename (Enter cancels)"), *name;
	store_error err;

	if (!old || !*old) {
		plain_say(p, "Not saved: no participant renamed.");
		free(old);
		return;
	}
	name = plain_ask_copy(p, "New name for '%s'", old);
	/* a blank name is the store's to refuse, in its words */
	if (!name)
		plain_say(p, "Not saved: no participant renamed.");
	else if (store_participant_rename(p->st, p->ws->s.id, old, name, &err) != 0)
		plain_setup_refused(p, "Rename participant", &err);
	else
		plain_say(p, "Saved: '%s' is now '%s'; their votes stay theirs.", old, name);
	free(old);
	free(name);
	plain_reload(p);
}

/* Removing someone who has voted asks first, saying how many votes go. */
static void plain_setup_remove(plain *p)
{
	char *name = plain_ask_copy(p, "Participant to remove (Enter cancels)");
	store_error err;
	const char *a;
	int votes = 0;

	if (!name || !*name) {
		plain_say(p, "Not saved: no participant removed.");
		free(name);
		return;
	}
	if (store_participant_votes(p->st, p->ws->s.id, name, &votes, &err) != 0) {
		plain_setup_refused(p, "Remove participant", &err);
		free(name);
		return;
	}
	a = votes ? plain_ask(p, "Remove %s and their %d vote%s? [y/n]", name, votes,
			      votes == 1 ? "" : "s")
		  : plain_ask(p, "Remove %s? [y/n]", name);
	if (!a || plain_letter(a) != 'y')
		plain_say(p, "Not saved: %s stays.", name);
	else if (store_participant_remove(p->st, p->ws->s.id, name, 1, NULL, &err) != 0)
		plain_setup_refused(p, "Remove participant", &err);
	else
		plain_say(p, "Saved: %s removed; undo (u) puts them back.", name);
	free(name);
	plain_reload(p);
}

static const struct {
	const char *key;
	void (*fn)(plain *p);
} plain_setup_cmds[] = {
	{ "n", plain_setup_rename },
	{ "t", plain_setup_track },
	{ "m", plain_setup_minutes },
	{ "b", plain_setup_secret },
	{ "+", plain_setup_participant },
	{ "r", plain_setup_rename_participant },
	{ "D", plain_setup_remove },
};

/* i: the session's set-up, and what can change once it runs: its name,
 * organisation, facilitator, type, minutes, the secret ballot and the
 * participants, each change as the screens' settings and `nextsteps
 * edit` make it (one history entry, undone by u). */
void plain_setup(plain *p)
{
	plain_setup_show(p);
	for (;;) {
		const char *a = plain_ask(p, "Set-up [n rename, o organisation, f "
					  "facilitator, t type, m minutes, b secret "
					  "ballot on/off, + add, r rename, D remove a "
					  "participant, Enter back]");
		size_t i;

		if (!a || !*a || strcmp(a, "q") == 0)
			return;
		if (strcmp(a, "o") == 0 || strcmp(a, "f") == 0) {
			plain_setup_text(p, *a == 'o' ? STORE_SESSION_ORG
						      : STORE_SESSION_FACILITATOR);
			continue;
		}
		for (i = 0; i < sizeof plain_setup_cmds / sizeof plain_setup_cmds[0]; i++)
			if (strcmp(a, plain_setup_cmds[i].key) == 0)
				break;
		if (i < sizeof plain_setup_cmds / sizeof plain_setup_cmds[0])
			plain_setup_cmds[i].fn(p);
		else
			plain_say(p, "Type n, o, f, t, m, b, +, r, D or Enter.");
	}
}
