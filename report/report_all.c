/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_all.c - every session in one table, for analysts (`report
 * --all`), and the sessions list as data (`list --format csv|json`).
 *
 * Sessions are read one at a time: only one session's answers are in
 * memory, however many the file holds; the rows go into the table as
 * they are read. */
#include "report.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_table.h"

static int fail(store_error *err, int status, const char *msg)
{
	err->status = status;
	snprintf(err->message, sizeof err->message, "%s", msg);
	return status;
}

/* Oldest first: the order in which the workshops happened. */
static int cmp_created(const void *pa, const void *pb)
{
	const store_session *a = pa, *b = pb;

	if (a->created != b->created)
		return a->created < b->created ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int matches(const store_session *s, const char *org, const char *since)
{
	time_t tt = (time_t)s->created;
	struct tm tm;
	char date[16];

	if (org && fnmatch(org, s->organisation, 0) != 0)
		return 0;
	if (!since)
		return 1;
	if (!localtime_r(&tt, &tm) || !strftime(date, sizeof date, "%Y-%m-%d", &tm))
		return 0;
	return strcmp(date, since) >= 0;
}

typedef struct all_job {
	store *st;
	const char *org, *since;
	const report_options *o;
	report_table *t;
} all_job;

/* One session's rows into the table: found again by id for its
 * participants, summarised, then let go. */
static int add_one(all_job *job, const store_session *listed, store_error *err)
{
	store_session s;
	report_summary *sm;
	int rc;

	memset(&s, 0, sizeof s);
	if ((rc = store_session_find(job->st, listed->id, &s, err)) != 0)
		return rc;
	if ((rc = report_summary_load(job->st, &s, &sm, err)) == 0) {
		rc = report_table_add_summary(job->t, sm, err);
		report_summary_free(sm);
	}
	store_session_clear(&s);
	return rc;
}

static int fill(all_job *job, store_error *err)
{
	store_session *list = NULL;
	size_t n = 0, i, found = 0;
	int rc;

	if ((rc = store_session_list(job->st, &list, &n, err)) != 0)
		return rc;
	qsort(list, n, sizeof *list, cmp_created);
	for (i = 0; i < n && rc == 0; i++)
		if (matches(&list[i], job->org, job->since)) {
			found++;
			rc = add_one(job, &list[i], err);
		}
	store_session_list_free(list, n);
	if (rc == 0 && !found)
		return fail(err, STORE_ENOINPUT, "no session matches");
	return rc;
}

static int write_all(void *ctx, FILE *out, store_error *err)
{
	all_job *job = ctx;

	if (report_table_write(job->t, job->o, out) != 0 || fflush(out) != 0)
		return fail(err, STORE_EIO, "cannot write the report");
	return 0;
}

int report_all_to_path(store *st, const char *org_pattern, const char *since,
		       const report_options *o, const char *path,
		       store_error *err)
{
	all_job job = { st, org_pattern, since, o, NULL };
	int rc;

	if (o->format == REPORT_TEXT)
		return fail(err, STORE_EUSAGE, "--all writes csv or json, not text");
	if (!(job.t = report_table_new(o->table, err)))
		return err->status;
	/* Everything is read before any file is created. */
	if ((rc = fill(&job, err)) == 0)
		rc = report_write_file(path, 1, write_all, &job, err);
	report_table_free(job.t);
	return rc;
}

int report_list_write(const store_session *list, size_t n,
		      const report_options *o, FILE *out, store_error *err)
{
	report_table *t = report_table_new(REPORT_TABLE_LIST, err);
	size_t i;
	int rc = t ? 0 : err->status;

	for (i = 0; i < n && rc == 0; i++)
		rc = report_table_add_listed(t, &list[i], err);
	if (rc == 0 && (report_table_write(t, o, out) != 0 || fflush(out) != 0))
		rc = fail(err, STORE_EIO, "cannot write the list");
	report_table_free(t);
	return rc;
}
