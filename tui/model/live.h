/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* live.h - the live room as one process sees it: its own
 * heartbeat, who else has the session open, whether the facilitator is
 * here, and whether another process changed the session.
 *
 * No curses here.  Every few turns of the loop the screens call
 * live_poll(), which costs one `PRAGMA data_version` when nothing happened
 * (no disk read, nothing drawn), and a heartbeat write every
 * LIVE_BEAT_SECONDS.  A process counts as here while its heartbeat is
 * younger than LIVE_AWAY_SECONDS and, on this host, while its pid lives,
 * so a facilitator killed with kill -9 is seen as away at once.
 */
#ifndef NEXTSTEPS_LIVE_H
#define NEXTSTEPS_LIVE_H

#include <stddef.h>
#include <time.h>

#include "store.h"

#define LIVE_BEAT_SECONDS 3
#define LIVE_AWAY_SECONDS 10

/* What live_poll found. */
enum live_change {
	LIVE_SESSION = 1,     /* the session or its answers changed: reload */
	LIVE_PEOPLE = 2,      /* someone came or went */
	LIVE_AWAY = 4         /* the facilitator came or went */
};

typedef struct live {
	store *st;                 /* borrowed */
	char sid[40];
	store_presence me;         /* this process; me.name is owned */
	int participant;           /* join: the participant's position, else -1 */
	time_t last_beat;          /* 0: never */
	int beat_failed;           /* a read-only file: beat again only rarely */
	long long version;         /* data_version at the last look */
	long long stamp;           /* the session's stamp at the last look */
	store_presence *people;    /* every presence row, as last read */
	size_t n_people;
	unsigned long long people_sig;   /* who is here, hashed */
	int facilitator_here;
} live;

/* Starts this process's presence in a session (role: store_role), reading
 * who is here; it writes nothing, so the first screen comes before any
 * sync: the first heartbeat is the first live_poll's.  NULL only when out
 * of memory. */
live *live_start(store *st, const char *session_id, int role, const char *name,
		 time_t now);
/* Removes this process's row and frees everything; safe on NULL. */
void live_stop(live *lv);
/* Beats when due and notices other processes' changes; live_change bits. */
unsigned live_poll(live *lv, time_t now);
/* Whether a presence row belongs to someone here now. */
int live_is_here(const live *lv, const store_presence *p, time_t now);
/* How many other processes of `role` are here. */
size_t live_count(const live *lv, enum store_role role, time_t now);
/* Whether participant `name` has a terminal open in the room. */
int live_has_joined(const live *lv, const char *name, time_t now);

/* Asking to join: `join --as` a name that is not a participant of a
 * session that is not open to anyone waits in the role STORE_ROLE_ASKING
 * until the facilitator admits it (makes it a participant: `+` on the
 * walk) or refuses it (`-`).  The position of `name` among the session's
 * participants, or -1. */
int live_participant_index(const store_session *s, const char *name);
/* Whether `join --as name` must ask the facilitator first. */
int live_must_ask(const store_session *s, const char *name);
/* The first request to join that is waiting here now (a name that is not
 * yet a participant of `s`), or NULL; *n (may be NULL) counts them. */
const store_presence *live_asking(const live *lv, const store_session *s,
				  time_t now, size_t *n);
/* Whether the facilitator refused this process's request. */
int live_refused(const live *lv);
/* This process was admitted as participant `index`: it says so with its
 * next heartbeat, at once. */
void live_admitted(live *lv, int index);
/* After a reload, a participant's number again: removing someone before
 * them in the list moves them up, and votes and undo go by that number
 * (the store's actor follows).  -1 when they were removed themselves. */
int live_reseat(live *lv, const store_session *s);

#endif
