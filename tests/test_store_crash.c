/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_store_crash.c - the store's promise under kill -9 and under two
 * writers: what a change call reported as done is in the file, and the file
 * always opens cleanly.
 *
 * Each child reports a change's number on a pipe only after the store call
 * returned 0, so everything the parent read must be present after the
 * child is killed at a random moment (during open, in the middle of a
 * transaction, during fsync, between changes).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "store.h"
#include "store_internal.h"
#include "testutil.h"

#define SPAN 100000             /* change numbers reserved per child */
#define PEOPLE 8

static testutil_scratch fx;
static char session_id[40];

/* A database with one session of eight participants. */
static void setup(void)
{
	static const char *const people[PEOPLE] = { "P0", "P1", "P2", "P3", "P4",
						     "P5", "P6", "P7" };
	store_new_session spec = { "Crash", "Org", "", 0, people, PEOPLE, 0, 0, 0 };
	store_error err;
	store *st;

	testutil_scratch_begin(&fx, "ns-crash");
	st = testutil_open(fx.path);
	cr_assert_eq(store_session_create(st, &spec, fx.matrix, session_id, &err), 0, "%s",
		     err.message);
	store_close(st);
}

static void teardown(void)
{
	testutil_scratch_end(&fx);
}

/* How many times the writer is killed: NEXTSTEPS_TEST_KILLS, else 40;
 * `make check-long` (run by `make fuzz`) asks for 500. */
static int kills(void)
{
	const char *e = getenv("NEXTSTEPS_TEST_KILLS");
	int n = e ? atoi(e) : 0;

	return n > 0 ? n : 40;
}

TestSuite(store_crash, .init = setup, .fini = teardown, .timeout = 120);

/* ------------------------------------------------------------ changes */

/* Change number `seq`: an action, a note or a vote, each on its own row so
 * a later change never hides an earlier one. */
static int make_change(store *st, long seq, store_error *err)
{
	char row[32], text[32];

	snprintf(text, sizeof text, "seq %ld", seq);
	switch (seq % 3) {
	case 0:
		return store_action_add(st, session_id, "crash-actions", text, "", "",
					NULL, err);
	case 1:
		snprintf(row, sizeof row, "n%ld", seq);
		return store_set_note(st, session_id, row, text, err);
	default:
		snprintf(row, sizeof row, "v%ld", seq);
		return store_set_vote(st, session_id, row, (int)(seq % PEOPLE),
				      (int)(seq % 3), err);
	}
}

/* Marks in `found` (indexed by change number) every change in the file. */
static void scan(const store_answers *a, char *found, long max)
{
	long seq;
	size_t i;

	for (i = 0; i < a->n_actions; i++)
		if (sscanf(a->actions[i].text, "seq %ld", &seq) == 1 && seq < max)
			found[seq] = 1;
	for (i = 0; i < a->n_rows; i++) {
		const store_row_answer *r = &a->rows[i];

		if (sscanf(r->row_id, "n%ld", &seq) == 1 && seq < max &&
		    strncmp(r->note, "seq ", 4) == 0 && atol(r->note + 4) == seq)
			found[seq] = 1;
		if (sscanf(r->row_id, "v%ld", &seq) == 1 && seq < max &&
		    r->votes[seq % PEOPLE] == (int)(seq % 3))
			found[seq] = 1;
	}
}

/* The child: open, then change after change, reporting each one done. */
static void writer(int fd, long first)
{
	store_error err;
	store *st = store_open(fx.path, 0, &err);
	long seq;

	if (!st)
		_exit(2);
	for (seq = first; seq < first + SPAN; seq++) {
		if (make_change(st, seq, &err) != 0)
			_exit(3);
		if (write(fd, &seq, sizeof seq) != (ssize_t)sizeof seq)
			_exit(4);
	}
	store_close(st);
	_exit(0);
}

static void pause_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

static size_t collect(int fd, long *reported, size_t n, size_t cap)
{
	long seq;
	ssize_t got;

	while ((got = read(fd, &seq, sizeof seq)) == (ssize_t)sizeof seq)
		if (n < cap)
			reported[n++] = seq;
	return n;
}

static void verify(const long *reported, size_t n, char *found, long max, int kill_no)
{
	store_answers a;
	store_error err;
	store *st = store_open(fx.path, 0, &err);
	size_t i;

	cr_assert_not_null(st, "after kill %d: %s", kill_no, err.message);
	cr_assert_eq(store_answers_load(st, session_id, &a, &err), 0, "%s", err.message);
	memset(found, 0, (size_t)max);
	scan(&a, found, max);
	for (i = 0; i < n; i++)
		cr_assert(found[reported[i]], "after kill %d: change %ld reported but lost",
			  kill_no, reported[i]);
	store_answers_free(&a);
	store_close(st);
}

Test(store_crash, sigkill_never_loses_a_reported_change)
{
	const int n_kills = kills();
	const long max = (long)(n_kills + 1) * SPAN;
	size_t cap = 200000, n = 0, before;
	long *reported = malloc(cap * sizeof *reported);
	char *found = malloc((size_t)max);
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	int k, fds[2], status, mid_run = 0;
	long first;
	pid_t pid;

	cr_assert(reported && found);
	cr_log_info("seed %u", seed);
	srand(seed);
	for (k = 0; k < n_kills; k++) {
		before = n;
		cr_assert_eq(pipe(fds), 0);
		pid = fork();
		cr_assert_neq(pid, -1);
		if (pid == 0) {
			close(fds[0]);
			writer(fds[1], (long)(k + 1) * SPAN);
		}
		close(fds[1]);
		/* One kill in eight lands at once, in the open; the rest after
		 * the first reported change plus 0..15 ms, so they land among
		 * changes however slow the build (sanitizers) or machine. */
		if (k % 8 != 0 && read(fds[0], &first, sizeof first) == (ssize_t)sizeof first) {
			if (n < cap)
				reported[n++] = first;
			pause_us(rand() % 15000);
		}
		kill(pid, SIGKILL);
		cr_assert_eq(waitpid(pid, &status, 0), pid);
		cr_assert(WIFSIGNALED(status) || WEXITSTATUS(status) == 0,
			  "writer failed with status %d", WEXITSTATUS(status));
		n = collect(fds[0], reported, n, cap);
		close(fds[0]);
		mid_run += n > before;
		verify(reported, n, found, max, k + 1);
	}
	cr_log_info("%zu changes reported over %d kills", n, n_kills);
	cr_assert_gt(mid_run, n_kills / 2, "most kills should land among changes");
	free(reported);
	free(found);
}

/* ------------------------------------------------------------ two writers */

static size_t query_history(store *st)
{
	store_change *h;
	store_error err;
	size_t n = 0;

	cr_assert_eq(store_history(st, session_id, 0, &h, &n, &err), 0, "%s", err.message);
	store_history_free(h, n);
	return n;
}

/* Waits for the start signal, then makes `count` changes; exits non-zero
 * on the first error, after printing it. */
static void racer(int start_fd, long first, int count)
{
	store_error err;
	store *st;
	char c;
	int i;

	if (read(start_fd, &c, 1) < 0)
		_exit(5);
	st = store_open(fx.path, 0, &err);
	if (!st) {
		fprintf(stderr, "open: %s\n", err.message);
		_exit(2);
	}
	for (i = 0; i < count; i++) {
		if (make_change(st, first + i, &err) != 0) {
			fprintf(stderr, "change %ld: %s\n", first + i, err.message);
			_exit(3);
		}
	}
	store_close(st);
	_exit(0);
}

Test(store_crash, two_writers_on_one_session_lose_nothing)
{
	const int count = 150, writers = 2;
	const long max = 3L * SPAN;
	char *found = malloc((size_t)max);
	store_answers a;
	store_error err;
	store *st;
	int fds[2], w, status;
	pid_t pids[2];
	long seq;

	cr_assert_not_null(found);
	cr_assert_eq(pipe(fds), 0);
	for (w = 0; w < writers; w++) {
		pids[w] = fork();
		cr_assert_neq(pids[w], -1);
		if (pids[w] == 0) {
			close(fds[1]);
			racer(fds[0], (long)(w + 1) * SPAN, count);
		}
	}
	close(fds[0]);
	close(fds[1]);          /* both start now */
	for (w = 0; w < writers; w++) {
		cr_assert_eq(waitpid(pids[w], &status, 0), pids[w]);
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			  "writer %d surfaced an error (status %d)", w, status);
	}
	st = store_open(fx.path, 0, &err);
	cr_assert_not_null(st, "%s", err.message);
	cr_assert_eq(store_answers_load(st, session_id, &a, &err), 0);
	memset(found, 0, (size_t)max);
	scan(&a, found, max);
	for (w = 0; w < writers; w++)
		for (seq = (w + 1) * SPAN; seq < (w + 1) * SPAN + count; seq++)
			cr_assert(found[seq], "change %ld of writer %d is missing", seq, w);
	cr_assert_eq(query_history(st), (size_t)(1 + writers * count));
	store_answers_free(&a);
	store_close(st);
	free(found);
}

/* Several processes opening a brand-new file at once: one migrates, the
 * others wait and find the schema ready. */
Test(store_crash, concurrent_first_open_migrates_once)
{
	static const char *names[] = { "A", "B", "C", "D" };
	char fresh[200];
	int fds[2], w, status;
	pid_t pids[4];

	snprintf(fresh, sizeof fresh, "%s/fresh.db", fx.dir);
	cr_assert_eq(pipe(fds), 0);
	for (w = 0; w < 4; w++) {
		pids[w] = fork();
		if (pids[w] == 0) {
			store_new_session spec = { names[w], NULL, NULL, 0, NULL, 0, 0, 0, 0 };
			store_error err;
			store *st;
			char c;

			close(fds[1]);
			if (read(fds[0], &c, 1) < 0)
				_exit(5);
			st = store_open(fresh, STORE_OPEN_CREATE, &err);
			if (!st || store_session_create(st, &spec, fx.matrix, NULL, &err) != 0) {
				fprintf(stderr, "%s\n", err.message);
				_exit(1);
			}
			store_close(st);
			_exit(0);
		}
	}
	close(fds[0]);
	close(fds[1]);
	for (w = 0; w < 4; w++) {
		cr_assert_eq(waitpid(pids[w], &status, 0), pids[w]);
		cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0,
			  "opener %d failed", w);
	}
}
