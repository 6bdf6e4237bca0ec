/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_store_fault.c - an I/O error at every write, the way SQLite tests
 * itself.
 *
 * A shim VFS, registered as the default in this test program only,
 * passes every call to the real one but makes the Nth open, write, sync
 * or truncate fail (SQLITE_IOERR, or SQLITE_FULL for a full disk).  A
 * scripted walk -- open a new file, create a session, agree stages, vote,
 * write a note, add an action, undo -- runs with N = 1, 2, ... until it
 * gets through without meeting the fault.  After each failure the file is
 * opened again normally: it passes integrity_check, every change reported
 * saved is there, and the change reported as failed is not.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "store.h"
#include "store_internal.h"
#include "testutil.h"

/* ------------------------------------------------------------ the shim */

typedef struct fault_file {
	sqlite3_file base;
	sqlite3_file *real;     /* the real VFS's file, allocated after this */
} fault_file;

static sqlite3_vfs *real_vfs;
static sqlite3_vfs fault_vfs;
static long fault_count;    /* calls that could fail, since armed */
static long fault_at;       /* the call that fails; 0: none */
static int fault_rc;        /* what it returns */
static int fault_hit;
static const char *fault_where;   /* the kind of call that failed */

/* Counts a call that could fail; true for the one chosen to. */
static int fault_now(const char *where)
{
	if (!fault_at)
		return 0;
	if (++fault_count == fault_at) {
		fault_hit = 1;
		fault_where = where;
		return 1;
	}
	return 0;
}

#define REAL(f) (((fault_file *)(f))->real)

static int f_close(sqlite3_file *f)
{
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;

	return rc;
}

static int f_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int f_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (fault_now("write"))
		return fault_rc == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_WRITE;
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int f_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (fault_now("truncate"))
		return fault_rc == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int f_sync(sqlite3_file *f, int flags)
{
	/* a failed sync is an I/O error, whatever the cause */
	if (fault_now("sync"))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int f_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int f_lock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xLock(REAL(f), level);
}

static int f_unlock(sqlite3_file *f, int level)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), level);
}

static int f_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int f_control(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int f_caps(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int f_shm_map(sqlite3_file *f, int pg, int size, int extend, void volatile **p)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, size, extend, p);
}

static int f_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void f_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int f_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

/* No memory mapping: every page goes through xRead and xWrite. */
static int f_fetch(sqlite3_file *f, sqlite3_int64 off, int n, void **p)
{
	(void)f; (void)off; (void)n;
	*p = NULL;
	return SQLITE_OK;
}

static int f_unfetch(sqlite3_file *f, sqlite3_int64 off, void *p)
{
	(void)f; (void)off; (void)p;
	return SQLITE_OK;
}

static const sqlite3_io_methods fault_methods = {
	3, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock,
	f_check, f_control, f_sector, f_caps, f_shm_map, f_shm_lock, f_shm_barrier,
	f_shm_unmap, f_fetch, f_unfetch
};

static int f_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
		  int *out_flags)
{
	fault_file *ff = (fault_file *)file;
	int rc;

	(void)vfs;
	ff->real = (sqlite3_file *)(ff + 1);
	ff->base.pMethods = NULL;
	if (fault_now("open"))
		return SQLITE_CANTOPEN;
	rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out_flags);
	if (rc == SQLITE_OK)
		ff->base.pMethods = &fault_methods;
	else if (ff->real->pMethods)
		ff->real->pMethods->xClose(ff->real);
	return rc;
}

static int v_delete(sqlite3_vfs *v, const char *name, int sync)
{
	(void)v;
	return real_vfs->xDelete(real_vfs, name, sync);
}

static int v_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
	(void)v;
	return real_vfs->xAccess(real_vfs, name, flags, out);
}

static int v_full(sqlite3_vfs *v, const char *name, int n, char *out)
{
	(void)v;
	return real_vfs->xFullPathname(real_vfs, name, n, out);
}

static int v_random(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real_vfs->xRandomness(real_vfs, n, out);
}

static int v_sleep(sqlite3_vfs *v, int us)
{
	(void)v;
	return real_vfs->xSleep(real_vfs, us);
}

static int v_time(sqlite3_vfs *v, double *out)
{
	(void)v;
	return real_vfs->xCurrentTime(real_vfs, out);
}

static int v_error(sqlite3_vfs *v, int n, char *out)
{
	(void)v;
	return real_vfs->xGetLastError(real_vfs, n, out);
}

static int v_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
	(void)v;
	return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

static void fault_install(void)
{
	if (real_vfs)
		return;
	real_vfs = sqlite3_vfs_find(NULL);
	cr_assert_not_null(real_vfs);
	memset(&fault_vfs, 0, sizeof fault_vfs);
	fault_vfs.iVersion = 2;
	fault_vfs.szOsFile = (int)sizeof(fault_file) + real_vfs->szOsFile;
	fault_vfs.mxPathname = real_vfs->mxPathname;
	fault_vfs.zName = "nextsteps-fault";
	fault_vfs.xOpen = f_open;
	fault_vfs.xDelete = v_delete;
	fault_vfs.xAccess = v_access;
	fault_vfs.xFullPathname = v_full;
	fault_vfs.xRandomness = v_random;
	fault_vfs.xSleep = v_sleep;
	fault_vfs.xCurrentTime = v_time;
	fault_vfs.xGetLastError = v_error;
	fault_vfs.xCurrentTimeInt64 = v_time64;
	cr_assert_eq(sqlite3_vfs_register(&fault_vfs, 1), SQLITE_OK);
}

static void fault_arm(long at, int rc)
{
	fault_count = 0;
	fault_at = at;
	fault_rc = rc;
	fault_hit = 0;
	fault_where = "";
}

/* ------------------------------------------------------------ the walk */

static char dir[64];
static char path[128];
static content_matrix *matrix;

static void setup(void)
{
	testutil_dir_make(dir, sizeof dir, "ns-fault");
	snprintf(path, sizeof path, "%s/ns.db", dir);
	matrix = testutil_builtin();
	setenv("NEXTSTEPS_NOW", "1767225600", 1);
	setenv("NEXTSTEPS_BUSY_TIMEOUT", "200", 1);
	fault_install();
	fault_arm(0, 0);
}

static void teardown(void)
{
	fault_arm(0, 0);
	content_free(matrix);
	testutil_dir_remove(dir);
}

TestSuite(fault, .init = setup, .fini = teardown, .timeout = 300);

static const char *row(size_t i)
{
	return matrix->sections[0].rows[i].id;
}

#define WALK_STEPS 10

/* Step k of the walk (0 is opening a new file): 0, or the status of the
 * failure reported to the caller. */
static int walk_step(store **st, char sid[40], int k, store_error *err)
{
	static const char *const people[] = { "Ash", "Birch" };
	store_new_session spec = { "Camden", "Camden GP Fed", "Fay", CONTENT_TRACK_LGPO,
				   people, 2, 0, 0, 0 };
	long long action;
	int undone;
	char what[200];

	switch (k) {
	case 0:
		*st = store_open(path, STORE_OPEN_CREATE, err);
		return *st ? 0 : err->status;
	case 1: return store_session_create(*st, &spec, matrix, sid, err);
	case 2: return store_set_agreed(*st, sid, row(0), STORE_ROW_AGREED, 1, err);
	case 3: return store_set_agreed(*st, sid, row(1), STORE_ROW_AGREED, 2, err);
	case 4: return store_set_vote(*st, sid, row(2), 0, 1, err);
	case 5: return store_set_vote(*st, sid, row(2), 1, 0, err);
	case 6: return store_set_note(*st, sid, row(0), "a note that must survive", err);
	case 7: return store_action_add(*st, sid, row(1), "Book the room", "Fay",
				       "2026-02-01", &action, err);
	case 8: return store_set_agreed(*st, sid, row(0), STORE_ROW_AGREED, 0, err);
	case 9: return store_undo(*st, sid, &undone, what, sizeof what, err);
	default: return 0;
	}
}

/* What the walk has stored, in words: the same after the same steps. */
static char *state_of(sqlite3 *db)
{
	static const char sql[] =
		"SELECT 'session ' || name || ' ' || rows_answered FROM sessions"
		" UNION ALL SELECT 'answer ' || row_id || ' ' || state || ' ' || stage"
		"  || ' ' || quote(note) FROM answers"
		" UNION ALL SELECT 'vote ' || row_id || ' ' || participant || ' ' || vote"
		"  FROM votes"
		" UNION ALL SELECT 'action ' || row_id || ' ' || quote(text) FROM actions"
		" UNION ALL SELECT 'history ' || kind || ' ' || quote(summary) FROM history"
		" ORDER BY 1";
	sqlite3_stmt *stmt;
	size_t len = 0, cap = 256;
	char *out = malloc(cap);
	int rc;

	cr_assert_not_null(out);
	out[0] = '\0';
	rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);
	if (rc != SQLITE_OK) {      /* no tables yet: nothing stored */
		sqlite3_finalize(stmt);
		return out;
	}
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(stmt, 0);
		size_t n = strlen(line ? line : "");

		while (len + n + 2 > cap)
			cr_assert_not_null(out = realloc(out, cap *= 2));
		memcpy(out + len, line ? line : "", n);
		len += n;
		out[len++] = '\n';
		out[len] = '\0';
	}
	sqlite3_finalize(stmt);
	return out;
}

/* The file as a normal open finds it (no fault): integrity, then state. */
static char *reopened_state(void)
{
	store_error err;
	sqlite3_stmt *stmt;
	store *st;
	char *s;

	fault_arm(0, 0);
	st = store_open(path, STORE_OPEN_CREATE, &err);
	cr_assert_not_null(st, "reopening after a fault: %s", err.message);
	cr_assert_eq(sqlite3_prepare_v2(store_db(st), "PRAGMA integrity_check", -1,
					&stmt, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
	cr_assert_str_eq((const char *)sqlite3_column_text(stmt, 0), "ok");
	sqlite3_finalize(stmt);
	s = state_of(store_db(st));
	store_close(st);
	return s;
}

static void remove_db(void)
{
	char side[160];

	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* The state after each step of a walk with no fault. */
static void reference(char *after[WALK_STEPS])
{
	store_error err;
	store *st = NULL;
	char sid[40] = "";
	int k;

	remove_db();
	for (k = 0; k < WALK_STEPS; k++) {
		cr_assert_eq(walk_step(&st, sid, k, &err), 0, "step %d: %s", k, err.message);
		after[k] = state_of(store_db(st));
	}
	store_close(st);
}

/* Runs the walk with the Nth call failing; 1 when the fault was met. */
static int walk_with_fault(long at, int rc, char *const after[WALK_STEPS])
{
	store_error err;
	store *st = NULL;
	char sid[40] = "", *got;
	const char *where;
	int k, hit, status = 0;

	remove_db();
	fault_arm(at, rc);
	for (k = 0; k < WALK_STEPS; k++) {
		status = walk_step(&st, sid, k, &err);
		if (status)
			break;
	}
	hit = fault_hit;
	where = fault_where;
	fault_arm(0, 0);
	store_close(st);
	if (k == WALK_STEPS) {
		/* a fault SQLite absorbed (a failed sync of a file it then
		 * deleted, say) must still leave the whole walk stored */
		got = reopened_state();
		cr_assert_str_eq(got, after[WALK_STEPS - 1], "fault %ld, absorbed", at);
		free(got);
		return hit;
	}
	cr_assert(hit, "step %d failed with no fault: %s", k, err.message);
	cr_assert_neq(status, STORE_OK);
	cr_assert_null(strchr(err.message, '\n'), "%s", err.message);
	if (rc == SQLITE_FULL && (strcmp(where, "write") == 0 ||
				  strcmp(where, "truncate") == 0))
		cr_assert_not_null(strstr(err.message, "disk full"), "fault %ld (%s): %s",
				   at, where, err.message);
	got = reopened_state();
	/* every step before k was reported saved and is there; step k was
	 * reported as failed and is not */
	cr_assert_str_eq(got, k > 0 ? after[k - 1] : "",
			 "fault %ld (%s, %s) at step %d (%s): the file holds\n%s", at,
			 where, rc == SQLITE_FULL ? "full" : "I/O error", k, err.message, got);
	free(got);
	return 1;
}

static void every_fault(int rc)
{
	char *after[WALK_STEPS];
	long at;
	int k;

	reference(after);
	for (at = 1; walk_with_fault(at, rc, after); at++)
		cr_assert_lt(at, 100000, "the walk never gets through");
	cr_log_info("%ld calls could fail; each was made to", at - 1);
	cr_assert_gt(at, WALK_STEPS, "too few calls were counted: %ld", at);
	for (k = 0; k < WALK_STEPS; k++)
		free(after[k]);
}

Test(fault, an_io_error_at_every_write_loses_nothing_saved)
{
	every_fault(SQLITE_IOERR);
}

Test(fault, a_full_disk_at_every_write_loses_nothing_saved)
{
	every_fault(SQLITE_FULL);
}
