/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* live.c - see live.h. */
#include "live.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* After a failed heartbeat (a read-only file), try again this rarely. */
#define LIVE_RETRY_SECONDS 30

/* Writes the heartbeat; a failure only means others cannot see us. */
static void beat(live *lv, time_t now)
{
	store_error err;

	lv->last_beat = now;
	lv->beat_failed = store_presence_beat(lv->st, lv->sid, &lv->me,
					      (long long)now, &err) != 0;
}

/* Reads the presence rows again; the old list stays on failure. */
static void read_people(live *lv)
{
	store_presence *list;
	store_error err;
	size_t n;

	if (store_presence_list(lv->st, lv->sid, &list, &n, &err) != 0)
		return;
	store_presence_free(lv->people, lv->n_people);
	lv->people = list;
	lv->n_people = n;
}

/* FNV-1a over who is here (not when they last beat): heartbeats alone
 * never count as a change. */
static unsigned long long people_hash(const live *lv, time_t now, int *fac)
{
	unsigned long long h = 1469598103934665603ULL;
	size_t i;

	*fac = 0;
	for (i = 0; i < lv->n_people; i++) {
		const store_presence *p = &lv->people[i];
		const char *c;

		if (!live_is_here(lv, p, now))
			continue;
		if (p->role == STORE_ROLE_FACILITATOR)
			*fac = 1;
		h = (h ^ (unsigned long long)(p->role + 1)) * 1099511628211ULL;
		for (c = p->name; *c; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211ULL;
		h = (h ^ 0xffu) * 1099511628211ULL;
	}
	return h;
}

live *live_start(store *st, const char *session_id, int role, const char *name,
		 time_t now)
{
	live *lv = calloc(1, sizeof *lv);
	store_error err;
	int fac;

	if (!lv)
		return NULL;
	lv->st = st;
	snprintf(lv->sid, sizeof lv->sid, "%s", session_id);
	lv->participant = -1;
	lv->me.role = role;
	lv->me.pid = (long long)getpid();
	if (gethostname(lv->me.host, sizeof lv->me.host - 1) != 0)
		snprintf(lv->me.host, sizeof lv->me.host, "localhost");
	lv->me.name = strdup(name ? name : "");
	if (!lv->me.name) {
		free(lv);
		return NULL;
	}
	lv->version = store_data_version(st);
	store_session_stamp(st, lv->sid, &lv->stamp, &err);
	read_people(lv);
	lv->people_sig = people_hash(lv, now, &fac);
	lv->facilitator_here = fac;
	return lv;
}

void live_stop(live *lv)
{
	store_error err;

	if (!lv)
		return;
	store_presence_leave(lv->st, lv->sid, lv->me.host, lv->me.pid, &err);
	store_presence_free(lv->people, lv->n_people);
	free(lv->me.name);
	free(lv);
}

/* One look at the file; the presence rows and the stamp are read only
 * when another process committed something. */
unsigned live_poll(live *lv, time_t now)
{
	unsigned changed = 0;
	unsigned long long sig;
	long long v, stamp;
	store_error err;
	int fac, first = !lv->last_beat;

	if (first || now - lv->last_beat >= (lv->beat_failed ? LIVE_RETRY_SECONDS
							     : LIVE_BEAT_SECONDS))
		beat(lv, now);
	v = store_data_version(lv->st);
	/* Our own first heartbeat does not move data_version: read the
	 * rows again so this process counts itself. */
	if (first && v == lv->version)
		read_people(lv);
	if (v != lv->version) {
		lv->version = v;
		read_people(lv);
		if (store_session_stamp(lv->st, lv->sid, &stamp, &err) == 0 &&
		    stamp != lv->stamp) {
			lv->stamp = stamp;
			changed |= LIVE_SESSION;
		}
	}
	sig = people_hash(lv, now, &fac);
	if (sig != lv->people_sig) {
		lv->people_sig = sig;
		changed |= LIVE_PEOPLE;
	}
	if (fac != lv->facilitator_here) {
		lv->facilitator_here = fac;
		changed |= LIVE_AWAY;
	}
	return changed;
}

/* A process on this host that no longer exists is away at once. */
int live_is_here(const live *lv, const store_presence *p, time_t now)
{
	long long age = (long long)now - p->last_seen;

	if (age > LIVE_AWAY_SECONDS)
		return 0;
	if (p->pid == lv->me.pid && strcmp(p->host, lv->me.host) == 0)
		return 1;
	if (strcmp(p->host, lv->me.host) == 0 && p->pid > 0 &&
	    kill((pid_t)p->pid, 0) != 0 && errno == ESRCH)
		return 0;
	return 1;
}

size_t live_count(const live *lv, enum store_role role, time_t now)
{
	size_t i, n = 0;

	for (i = 0; i < lv->n_people; i++) {
		const store_presence *p = &lv->people[i];

		if (p->role == role && live_is_here(lv, p, now) &&
		    !(p->pid == lv->me.pid && strcmp(p->host, lv->me.host) == 0))
			n++;
	}
	return n;
}

int live_has_joined(const live *lv, const char *name, time_t now)
{
	size_t i;

	for (i = 0; i < lv->n_people; i++) {
		const store_presence *p = &lv->people[i];

		if (p->role == STORE_ROLE_PARTICIPANT && strcmp(p->name, name) == 0 &&
		    live_is_here(lv, p, now))
			return 1;
	}
	return 0;
}

int live_participant_index(const store_session *s, const char *name)
{
	size_t i;

	for (i = 0; name && i < s->n_participants; i++)
		if (strcmp(s->participants[i], name) == 0)
			return (int)i;
	return -1;
}

int live_reseat(live *lv, const store_session *s)
{
	int index;

	if (lv->participant < 0)
		return 0;
	index = live_participant_index(s, lv->me.name);
	if (index < 0)
		return -1;
	if (index != lv->participant) {
		lv->participant = index;
		store_set_actor(lv->st, index);
	}
	return 0;
}

int live_must_ask(const store_session *s, const char *name)
{
	return !s->open_join && live_participant_index(s, name) < 0;
}

/* Reads the rows as last polled: the facilitator's walk pays nothing more
 * for a request than for any other presence row. */
const store_presence *live_asking(const live *lv, const store_session *s,
				  time_t now, size_t *n)
{
	const store_presence *first = NULL;
	size_t i, k = 0;

	for (i = 0; i < lv->n_people; i++) {
		const store_presence *p = &lv->people[i];

		if (p->role != STORE_ROLE_ASKING || !live_is_here(lv, p, now) ||
		    live_participant_index(s, p->name) >= 0)
			continue;
		if (!first)
			first = p;
		k++;
	}
	if (n)
		*n = k;
	return first;
}

int live_refused(const live *lv)
{
	size_t i;

	for (i = 0; i < lv->n_people; i++) {
		const store_presence *p = &lv->people[i];

		if (p->pid == lv->me.pid && strcmp(p->host, lv->me.host) == 0)
			return p->role == STORE_ROLE_REFUSED;
	}
	return 0;
}

void live_admitted(live *lv, int index)
{
	lv->me.role = STORE_ROLE_PARTICIPANT;
	lv->participant = index;
	lv->last_beat = 0;
}
