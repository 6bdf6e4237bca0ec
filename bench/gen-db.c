/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* gen-db.c - the store benchmark's generator and stopwatch.
 *
 *   gen-db fill FILE [SESSIONS [FIRST]]
 *                                 fill FILE with realistic workshops,
 *                                 numbered from FIRST (default 0)
 *   gen-db sessions FILE SESSIONS [FIRST]
 *                                 the same count of sessions with a few
 *                                 answers each: the scale of the sessions
 *                                 table without the file's bulk
 *   gen-db measure FILE           time open, list, opening one session and
 *                                 changes per second (synchronous=FULL)
 *   gen-db merge FILE OTHER...    time merging each OTHER into FILE
 *
 * Filling goes through the public store functions, so the file holds what
 * real workshops leave behind (history included); only syncing is turned
 * off and each session is one transaction, or 2,000 sessions would take an
 * hour of fsyncs.  Measuring uses the store exactly as the program does.
 * Run by bench/store.sh; see bench/README.md.
 */
#include "content.h"
#include "store.h"
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PEOPLE 8

static const char *const boroughs[] = {
	"Camden", "Islington", "Hackney", "Lambeth", "Southwark", "Barnet",
	"Brent", "Ealing", "Haringey", "Lewisham", "Newham", "Croydon",
};

static const char *const note_words[] = {
	"Shared HR support is in place for three of the eight practices.",
	"The federation holds the contract; practices are not yet clear on roles.",
	"Agreed to revisit once the PCN clinical director is confirmed.",
	"Estates work is blocked on the ICB capital bid.",
	"Two practices already share a pharmacist; others want to join.",
	"Data sharing agreement exists but is out of date.",
};

static const char *const action_words[] = {
	"Draft a memorandum of understanding for shared back office",
	"Ask the LMC for a view on the workforce proposal",
	"Map current IT contracts and renewal dates",
	"Arrange a visit to a federation that shares HR",
	"Write up the estates options for the next board",
};

static unsigned long long rng = 88172645463325252ULL;

/* xorshift64: the same file on every run, no libc differences. */
static unsigned pick(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const store_error *err)
{
	fprintf(stderr, "gen-db: %s: %s\n", what, err ? err->message : "failed");
	exit(1);
}

/* ------------------------------------------------------------ fill */

/* Votes, the agreement, a note and sometimes an action, as a room would. */
static void fill_row(store *st, const char *sid, const content_row *row,
		     store_error *err)
{
	int p, agreed = (int)pick(3), r = (int)pick(10);
	char due[16];

	for (p = 0; p < PEOPLE; p++) {
		int vote = pick(8) == 0 ? STORE_VOTE_DONT_KNOW : (int)pick(3);

		if (store_set_vote(st, sid, row->id, p, vote, err))
			die("vote", err);
	}
	if (store_set_agreed(st, sid, row->id, r == 0 ? STORE_ROW_NOT_APPLICABLE
				 : r == 1 ? STORE_ROW_NOT_DISCUSSED : STORE_ROW_AGREED,
				 agreed, err))
		die("agree", err);
	if (pick(10) < 6 &&
	    store_set_note(st, sid, row->id, note_words[pick(6)], err))
		die("note", err);
	if (pick(4) == 0) {
		snprintf(due, sizeof due, "2026-%02u-%02u", 1 + pick(12), 1 + pick(28));
		if (store_action_add(st, sid, row->id, action_words[pick(5)],
				     "Practice manager", due, NULL, err))
			die("action", err);
	}
}

/* A workshop every few hours, so "previous session" has history. */
static void session_clock(int i)
{
	char when[32];

	snprintf(when, sizeof when, "%lld", 1735689600LL + (long long)i * 10800);
	setenv("NEXTSTEPS_NOW", when, 1);
}

static void fill_session(store *st, const content_matrix *m, int i, int light,
			 store_error *err)
{
	static const char *const people[PEOPLE] = { "Ash Practice", "Birch Surgery",
		"Cedar Medical Centre", "Dove Health", "Elm Street Surgery",
		"Fern Practice", "Gorse Group Practice", "Holly Surgery" };
	const char *borough = boroughs[(i % 12 + 12) % 12];
	store_new_session spec = { NULL, NULL, "Facilitator", 0, people, PEOPLE, 0, 0, 0 };
	char name[80], org[80], sid[40];
	size_t s, r;

	session_clock(i);
	snprintf(name, sizeof name, "%s workshop %04d", borough, i);
	snprintf(org, sizeof org, "%s GP Federation", borough);
	spec.name = name;
	spec.organisation = org;
	spec.track = i % 2 ? CONTENT_TRACK_PCN : CONTENT_TRACK_LGPO;
	if (store_session_create(st, &spec, m, sid, err))
		die("create", err);
	if (light) {
		for (r = 0; r < 3 && r < m->sections[0].n_rows; r++)
			if (store_set_agreed(st, sid, m->sections[0].rows[r].id,
					     STORE_ROW_AGREED, (int)pick(3), err))
				die("agree", err);
		return;
	}
	for (s = 0; s < m->n_sections; s++) {
		const content_section *sec = &m->sections[s];

		for (r = 0; r < sec->n_rows; r++)
			if (content_row_applies(&sec->rows[r], spec.track))
				fill_row(st, sid, &sec->rows[r], err);
		if (store_session_add_time(st, sid, sec->id, 300 + pick(900), err))
			die("time", err);
	}
	if (store_session_set_position(st, sid, m->sections[0].id,
				       m->sections[0].rows[0].id, err))
		die("position", err);
}

static int fill(const char *path, int n, int first, int light)
{
	content_error cerr;
	content_matrix *m = content_load_builtin(&cerr);
	store_error err;
	store *st;
	double t0 = now_s();
	int i;

	if (!m) {
		fprintf(stderr, "gen-db: %s\n", cerr.message);
		return 1;
	}
	st = store_open(path, STORE_OPEN_CREATE, &err);
	if (!st || store_set_synchronous_off(st, &err))
		die("open", &err);
	for (i = first; i < first + n; i++) {
		if (store_batch_begin(st, &err))
			die("batch", &err);
		fill_session(st, m, i, light, &err);
		if (store_batch_commit(st, &err))
			die("batch", &err);
	}
	unsetenv("NEXTSTEPS_NOW");
	store_close(st);
	content_free(m);
	printf("filled %s with %d sessions in %.1f s\n", path, n, now_s() - t0);
	return 0;
}

/* ------------------------------------------------------------ measure */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Median of `runs` timings of one operation, in milliseconds. */
typedef void (*timed_fn)(store *st, const char *arg);

static double median_ms(store *st, const char *arg, timed_fn fn, int runs)
{
	double t[64];
	int i;

	if (runs > 64)
		runs = 64;
	for (i = 0; i < runs; i++) {
		double t0 = now_s();

		fn(st, arg);
		t[i] = (now_s() - t0) * 1000.0;
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp_double);
	return t[runs / 2];
}

static void do_list(store *st, const char *arg)
{
	store_session *list;
	store_error err;
	size_t n;

	(void)arg;
	if (store_session_list(st, &list, &n, &err))
		die("list", &err);
	store_session_list_free(list, n);
}

/* What the program does to resume a session: find it, load its answers. */
static void do_open_session(store *st, const char *name)
{
	store_session s;
	store_answers a;
	store_error err;

	if (store_session_find(st, name, &s, &err))
		die("find", &err);
	if (store_answers_load(st, s.id, &a, &err))
		die("load", &err);
	store_answers_free(&a);
	store_session_clear(&s);
}

static double changes_per_second(store *st, const char *sid, const content_matrix *m,
				 int count)
{
	const content_section *sec = &m->sections[0];
	store_error err;
	double t0 = now_s();
	int i;

	for (i = 0; i < count; i++) {
		const char *row = sec->rows[(size_t)i % sec->n_rows].id;
		int rc = i % 2 ? store_set_vote(st, sid, row, i % PEOPLE, i % 3, &err)
			: store_set_agreed(st, sid, row, STORE_ROW_AGREED, i % 3, &err);

		if (rc)
			die("change", &err);
	}
	return count / (now_s() - t0);
}

static int measure(const char *path)
{
	content_error cerr;
	content_matrix *m = content_load_builtin(&cerr);
	store_session *list, pick_one;
	store_error err;
	store *st;
	size_t n;
	double t0 = now_s(), open_ms;
	char name[200];

	st = store_open(path, 0, &err);
	if (!st || !m)
		die("open", &err);
	open_ms = (now_s() - t0) * 1000.0;
	if (store_session_list(st, &list, &n, &err) || n == 0)
		die("list", &err);
	snprintf(name, sizeof name, "%s", list[n / 2].name);
	store_session_list_free(list, n);
	printf("%-28s %zu sessions\n", path, n);
	printf("  open the file              %8.2f ms  (identity and schema)\n", open_ms);
	printf("  list                       %8.3f ms\n", median_ms(st, NULL, do_list, 9));
	printf("  open one session           %8.3f ms  (find + load answers)\n",
	       median_ms(st, name, do_open_session, 51));
	if (store_session_find(st, name, &pick_one, &err))
		die("find", &err);
	printf("  changes, synchronous=FULL  %8.0f /s\n",
	       changes_per_second(st, pick_one.id, m, 200));
	store_session_clear(&pick_one);
	store_close(st);
	content_free(m);
	return 0;
}

/* ------------------------------------------------------------ merge */

/* Each OTHER merged in turn, as `nextsteps merge` does; the figures are
 * the merges alone (the file is open already), median and slowest. */
static int merge_each(const char *path, char **others, int n)
{
	double t[64];
	store_merge_result res;
	store_error err;
	store *st = store_open(path, 0, &err);
	int i;

	if (!st)
		die("open", &err);
	if (n > 64)
		n = 64;
	for (i = 0; i < n; i++) {
		double t0 = now_s();

		if (store_merge(st, others[i], &res, &err))
			die("merge", &err);
		t[i] = (now_s() - t0) * 1000.0;
		if (res.added + res.updated != 1)
			die("merge: not one session added", NULL);
	}
	store_close(st);
	qsort(t, (size_t)n, sizeof t[0], cmp_double);
	printf("merge one session: median %.2f ms, max %.2f ms over %d merges\n",
	       t[n / 2], t[n - 1], n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "fill") == 0)
		return fill(argv[2], argc > 3 ? atoi(argv[3]) : 2000,
			    argc > 4 ? atoi(argv[4]) : 0, 0);
	if (argc >= 4 && strcmp(argv[1], "sessions") == 0)
		return fill(argv[2], atoi(argv[3]), argc > 4 ? atoi(argv[4]) : 0, 1);
	if (argc >= 4 && strcmp(argv[1], "merge") == 0)
		return merge_each(argv[2], argv + 3, argc - 3);
	if (argc == 3 && strcmp(argv[1], "measure") == 0)
		return measure(argv[2]);
	fprintf(stderr, "usage: gen-db fill FILE [SESSIONS [FIRST]] | gen-db sessions"
		" FILE SESSIONS [FIRST] | gen-db measure FILE | gen-db merge FILE OTHER...\n");
	return 64;
}
