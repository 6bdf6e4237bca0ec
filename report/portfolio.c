/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* portfolio.c - the commissioners' view across organisations: for the
 * latest session of each organisation on each matrix, how many are at each
 * stage, per row and per section, and which organisations those are.
 *
 * Choices: like is compared with like.  Sessions are grouped by matrix id,
 * one part of the report per matrix, the matrix of the most recently
 * updated matching session first (so the portfolio leads with current
 * work); "latest" per organisation means most recently created on that
 * matrix; sessions with no organisation are left out (they cannot be told
 * apart).  Within a matrix, rows and stages are matched by id against the
 * snapshot of the newest chosen session, so sessions run on older versions
 * still count, and each organisation's version is named wherever it is not
 * the reference version.  Bars are scaled to the largest count drawn with
 * them.  Only one session's answers are in memory at a time.
 */
#include "report.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_doc.h"
#include "report_table.h"
#include "text.h"

enum { CELL_OFF_TRACK = -3, CELL_NOT_YET = -2, CELL_NA = -1 };

typedef struct portfolio {
	store_session **orgs;     /* chosen sessions, by organisation name */
	size_t n_orgs;
	content_matrix *ref;      /* the reference snapshot */
	const content_row **rows; /* every row of ref, in order */
	size_t *row_section;
	size_t n_rows;
	int *cell;                /* n_rows x n_orgs: stage index or CELL_* */
} portfolio;

static int cmp_candidates(const void *pa, const void *pb)
{
	const store_session *a = *(store_session *const *)pa;
	const store_session *b = *(store_session *const *)pb;
	int c = strcmp(a->organisation, b->organisation);

	if (c)
		return c;
	if (a->created != b->created)
		return a->created > b->created ? -1 : 1;
	if (a->updated != b->updated)
		return a->updated > b->updated ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Whether session `s` takes part: it has an organisation matching. */
static int candidate(const store_session *s, const char *pattern)
{
	const char *org = s->organisation ? s->organisation : "";

	return *org && (!pattern || fnmatch(pattern, org, 0) == 0);
}

/* The latest session of each organisation on matrix `matrix_id`. */
static int choose_sessions(portfolio *pf, store_session *list, size_t n,
			   const char *pattern, const char *matrix_id)
{
	size_t i, k = 0;

	if (!(pf->orgs = calloc(n + 1, sizeof *pf->orgs)))
		return -1;
	for (i = 0; i < n; i++)
		if (candidate(&list[i], pattern) &&
		    strcmp(list[i].matrix_id, matrix_id) == 0)
			pf->orgs[k++] = &list[i];
	qsort(pf->orgs, k, sizeof *pf->orgs, cmp_candidates);
	for (i = 0; i < k; i++)
		if (!pf->n_orgs || strcmp(pf->orgs[pf->n_orgs - 1]->organisation,
					  pf->orgs[i]->organisation) != 0)
			pf->orgs[pf->n_orgs++] = pf->orgs[i];
	return 0;
}

static int oom(store_error *err)
{
	err->status = STORE_EOS;
	snprintf(err->message, sizeof err->message, "out of memory");
	return STORE_EOS;
}

static content_matrix *load_matrix(store *st, const store_session *s,
				   store_error *err)
{
	content_error cerr;
	content_matrix *m;
	char *text = NULL;

	if (store_session_matrix(st, s->id, &text, err) != 0)
		return NULL;
	m = content_load_text(text, strlen(text), "session matrix", &cerr);
	free(text);
	if (!m) {
		err->status = STORE_EDATA;
		snprintf(err->message, sizeof err->message, "session '%s': %.400s",
			 s->id, cerr.message);
	}
	return m;
}

/* The newest chosen session's snapshot is the reference for row ids. */
static int load_reference(store *st, portfolio *pf, store_error *err)
{
	const store_session *newest = pf->orgs[0];
	size_t i, j, k = 0;

	for (i = 1; i < pf->n_orgs; i++)
		if (pf->orgs[i]->created > newest->created)
			newest = pf->orgs[i];
	if (!(pf->ref = load_matrix(st, newest, err)))
		return err->status;
	pf->n_rows = content_count_rows(pf->ref, CONTENT_TRACK_BOTH);
	pf->rows = calloc(pf->n_rows + 1, sizeof *pf->rows);
	pf->row_section = calloc(pf->n_rows + 1, sizeof *pf->row_section);
	pf->cell = calloc(pf->n_rows * pf->n_orgs + 1, sizeof *pf->cell);
	if (!pf->rows || !pf->row_section || !pf->cell)
		return oom(err);
	for (i = 0; i < pf->ref->n_sections; i++)
		for (j = 0; j < pf->ref->sections[i].n_rows; j++) {
			pf->row_section[k] = i;
			pf->rows[k++] = &pf->ref->sections[i].rows[j];
		}
	return 0;
}

/* The cell of one organisation for one reference row. */
static int cell_of(const portfolio *pf, const report_summary *sm,
		   const content_row *row)
{
	size_t i;
	int k;

	for (i = 0; i < sm->n_rows; i++) {
		const summary_row *r = &sm->rows[i];

		if (strcmp(r->row->id, row->id) != 0)
			continue;
		if (r->state == STORE_ROW_NOT_APPLICABLE)
			return CELL_NA;
		if (r->state != STORE_ROW_AGREED)
			return CELL_NOT_YET;
		k = content_find_stage(pf->ref, sm->matrix->stages[r->stage].id);
		return k >= 0 ? k : CELL_NOT_YET;
	}
	return CELL_OFF_TRACK;
}

/* Loads one organisation's session at a time and keeps only its cells. */
static int fill_cells(store *st, portfolio *pf, store_error *err)
{
	size_t o, r;

	for (o = 0; o < pf->n_orgs; o++) {
		store_answers an;
		summary_input in;
		report_summary *sm;
		content_matrix *m = load_matrix(st, pf->orgs[o], err);

		if (!m)
			return err->status;
		if (store_answers_load(st, pf->orgs[o]->id, &an, err) != 0) {
			content_free(m);
			return err->status;
		}
		memset(&in, 0, sizeof in);
		in.matrix = m;
		in.session = pf->orgs[o];
		in.answers = &an;
		if ((sm = summary_build(&in)))
			for (r = 0; r < pf->n_rows; r++)
				pf->cell[r * pf->n_orgs + o] = cell_of(pf, sm, pf->rows[r]);
		report_summary_free(sm);
		store_answers_free(&an);
		content_free(m);
		if (!sm)
			return oom(err);
	}
	return 0;
}

static void free_portfolio(portfolio *pf)
{
	free(pf->orgs);
	content_free(pf->ref);
	free(pf->rows);
	free(pf->row_section);
	free(pf->cell);
}

/* ---------------------------------------------------------- writing */

typedef struct portfolio_job {
	portfolio *pfs;           /* one per matrix id */
	size_t n_pfs;
	const report_options *o;
	const char *pattern;
	size_t skipped_no_org;
} portfolio_job;

static void para_owned(report_doc *d, size_t indent, const char *lead, char *s)
{
	report_doc_para(d, indent, lead, s ? s : "?", 0);
	free(s);
}

static void write_orgs(report_doc *d, const portfolio *pf)
{
	size_t o, r;

	report_doc_blank(d);
	report_doc_heading(d, "Organisations", '=');
	for (o = 0; o < pf->n_orgs; o++) {
		const store_session *s = pf->orgs[o];
		time_t t = (time_t)s->created;
		struct tm tm;
		char date[16] = "unknown";
		int agreed = 0, rows = 0;

		if (localtime_r(&t, &tm))
			strftime(date, sizeof date, "%Y-%m-%d", &tm);
		for (r = 0; r < pf->n_rows; r++) {
			int c = pf->cell[r * pf->n_orgs + o];

			rows += c != CELL_OFF_TRACK;
			agreed += c >= 0;
		}
		para_owned(d, 0, "- ", report_doc_strf("%s: session '%s' of %s, %s, "
			   "version %s, %d of %d rows agreed.", s->organisation, s->name,
			   date, s->track == CONTENT_TRACK_PCN ? "PCN" : "LGPO",
			   s->matrix_version, agreed, rows));
	}
}

/* One "Label  count ####" line, the bar scaled to `max` over `bar_w`. */
static void count_line(report_doc *d, const char *label, int count, int max,
		       size_t bar_w)
{
	size_t bars = max > 0 ? ((size_t)count * bar_w + (size_t)max - 1) / (size_t)max : 0;
	char *lab = report_doc_clean(d, label);
	size_t fit = text_fit(lab, 16), w, len;
	char *line = malloc(fit + bar_w + 64);

	if (line) {
		memcpy(line, "  ", 2);
		memcpy(line + 2, lab, fit);
		len = 2 + fit;
		line[len] = '\0';
		for (w = text_width(line); w < 18; w++)
			line[len++] = ' ';
		len += (size_t)sprintf(line + len, " %5d  ", count);
		memset(line + len, '#', bars);
		line[len + bars] = '\0';
		report_doc_line(d, line);
	}
	free(line);
	free(lab);
}

/* Which bucket of a count a cell goes in: stage, then N/A, then not yet. */
static size_t bucket(const portfolio *pf, int c)
{
	if (c >= 0)
		return (size_t)c;
	return c == CELL_NA ? pf->ref->n_stages : pf->ref->n_stages + 1;
}

static void write_profile(report_doc *d, const portfolio *pf)
{
	size_t i, r, k, bar_w = (size_t)report_doc_width(d) - 27;

	report_doc_blank(d);
	report_doc_heading(d, "Profile by section", '=');
	report_doc_para(d, 0, NULL, "Rows of all organisations at each agreed stage.", 0);
	for (i = 0; i < pf->ref->n_sections; i++) {
		int at[CONTENT_MAX_STAGES + 2] = { 0 }, max;

		for (r = 0; r < pf->n_rows; r++)
			for (k = 0; pf->row_section[r] == i && k < pf->n_orgs; k++) {
				int c = pf->cell[r * pf->n_orgs + k];

				if (c != CELL_OFF_TRACK)
					at[bucket(pf, c)]++;
			}
		report_doc_blank(d);
		report_doc_para(d, 0, NULL, pf->ref->sections[i].title, 0);
		report_doc_keep(d, 2);
		/* the longest bar is the largest count, so counts that differ
		 * draw bars that differ */
		for (k = 0, max = 0; k < pf->ref->n_stages + 2; k++)
			max = at[k] > max ? at[k] : max;
		for (k = 0; k < pf->ref->n_stages; k++)
			count_line(d, pf->ref->stages[k].label, at[k], max, bar_w);
		count_line(d, "Not applicable", at[k], max, bar_w);
		count_line(d, "Not yet agreed", at[k + 1], max, bar_w);
	}
}

/* "Label (n): Org A, Org B" for the organisations in one bucket. */
static void bucket_line(report_doc *d, const portfolio *pf, size_t r,
			size_t b, const char *label)
{
	size_t o, len = 1, n = 0;
	char *names, *lead;

	for (o = 0; o < pf->n_orgs; o++)
		if (pf->cell[r * pf->n_orgs + o] != CELL_OFF_TRACK &&
		    bucket(pf, pf->cell[r * pf->n_orgs + o]) == b)
			len += strlen(pf->orgs[o]->organisation) +
			       strlen(pf->orgs[o]->matrix_version) + 16, n++;
	if (!n || !(names = calloc(len, 1)))
		return;
	for (o = 0; o < pf->n_orgs; o++)
		if (pf->cell[r * pf->n_orgs + o] != CELL_OFF_TRACK &&
		    bucket(pf, pf->cell[r * pf->n_orgs + o]) == b) {
			const char *v = pf->orgs[o]->matrix_version;

			if (*names)
				strcat(names, ", ");
			strcat(names, pf->orgs[o]->organisation);
			if (strcmp(v, pf->ref->version) != 0) {
				strcat(names, " (version ");
				strcat(names, v);
				strcat(names, ")");
			}
		}
	lead = report_doc_strf("%s (%zu): ", label, n);
	report_doc_para(d, 4, lead ? lead : "", names, 0);
	free(lead);
	free(names);
}

static void write_rows(report_doc *d, const portfolio *pf)
{
	size_t r, k;

	report_doc_blank(d);
	report_doc_heading(d, "By row", '=');
	for (r = 0; r < pf->n_rows; r++) {
		report_doc_blank(d);
		report_doc_para(d, 0, NULL, pf->rows[r]->title, 0);
		report_doc_keep(d, 1);
		for (k = 0; k < pf->ref->n_stages; k++)
			bucket_line(d, pf, r, k, pf->ref->stages[k].label);
		bucket_line(d, pf, r, k, "Not applicable");
		bucket_line(d, pf, r, k + 1, "Not yet agreed");
	}
}

/* "1.1 (3), 1.0 (1)": how many organisations are on each version. */
static char *versions_text(const portfolio *pf)
{
	size_t o, p, len = 1, n;
	char *out;

	for (o = 0; o < pf->n_orgs; o++)
		len += strlen(pf->orgs[o]->matrix_version) + 32;
	if (!(out = calloc(len, 1)))
		return NULL;
	for (o = 0; o < pf->n_orgs; o++) {
		const char *v = pf->orgs[o]->matrix_version;

		for (p = 0; p < o && strcmp(pf->orgs[p]->matrix_version, v) != 0; p++)
			;
		if (p < o)
			continue;
		for (p = o, n = 0; p < pf->n_orgs; p++)
			n += strcmp(pf->orgs[p]->matrix_version, v) == 0;
		sprintf(out + strlen(out), "%s%s (%zu)", *out ? ", " : "", v, n);
	}
	return out;
}

/* One matrix's part: its organisations, profile and rows. */
static void write_part(report_doc *d, const portfolio *pf, const portfolio_job *job)
{
	report_doc_blank(d);
	para_owned(d, 0, "Matrix:         ", report_doc_strf("%s, version %s (%s)",
		   pf->ref->title, pf->ref->version, pf->ref->id));
	para_owned(d, 0, "Versions:       ", versions_text(pf));
	para_owned(d, 0, "Organisations:  ", report_doc_strf("%zu, the latest "
		   "session of each on this matrix%s%s%s.", pf->n_orgs,
		   job->pattern ? ", matching '" : "", job->pattern ? job->pattern : "",
		   job->pattern ? "'" : ""));
	write_orgs(d, pf);
	write_profile(d, pf);
	write_rows(d, pf);
}

static int write_portfolio(void *ctx, FILE *out, store_error *err)
{
	portfolio_job *job = ctx;
	report_doc *d = report_doc_new(job->o->width, job->o->utf8);
	size_t i;
	int rc;

	if (!d)
		return oom(err);
	report_doc_heading(d, "Portfolio", '=');
	if (job->n_pfs > 1)
		para_owned(d, 0, NULL, report_doc_strf("Sessions on %zu different "
			   "matrices: each has its own part, and rows are compared only "
			   "within one matrix.", job->n_pfs));
	if (job->skipped_no_org)
		para_owned(d, 0, NULL, report_doc_strf("%zu sessions with no "
			   "organisation are not included.", job->skipped_no_org));
	for (i = 0; i < job->n_pfs; i++)
		write_part(d, &job->pfs[i], job);
	rc = report_doc_write(d, out, job->o->page_length, "Portfolio");
	report_doc_free(d);
	if (rc != 0 || fflush(out) != 0) {
		err->status = STORE_EIO;
		snprintf(err->message, sizeof err->message, "cannot write the portfolio");
		return STORE_EIO;
	}
	return 0;
}

/* The state of a cell as the portfolio table names it. */
static const char *cell_state(int c)
{
	switch (c) {
	case CELL_OFF_TRACK: return "not_in_track";
	case CELL_NOT_YET: return "not_agreed";
	case CELL_NA: return "not_applicable";
	default: return "agreed";
	}
}

/* CSV and JSON: one line per organisation x row of the reference matrix,
 * organisations in name order, rows in matrix order. */
static int write_portfolio_table(void *ctx, FILE *out, store_error *err)
{
	portfolio_job *job = ctx;
	report_table *t = report_table_new(REPORT_TABLE_PORTFOLIO, err);
	size_t i, o, r;
	int rc = t ? 0 : err->status;

	for (i = 0; i < job->n_pfs && rc == 0; i++) {
		const portfolio *pf = &job->pfs[i];

		for (o = 0; o < pf->n_orgs && rc == 0; o++)
			for (r = 0; r < pf->n_rows && rc == 0; r++) {
				int c = pf->cell[r * pf->n_orgs + o];

				rc = report_table_add_portfolio(t, pf->orgs[o], pf->ref,
					pf->ref->sections[pf->row_section[r]].id,
					pf->rows[r]->id, c, cell_state(c), err);
			}
	}
	if (rc == 0 && (report_table_write(t, job->o, out) != 0 || fflush(out) != 0)) {
		err->status = rc = STORE_EIO;
		snprintf(err->message, sizeof err->message, "cannot write the portfolio");
	}
	report_table_free(t);
	return rc;
}

/* The matrix ids of the matching sessions, in list order (the most
 * recently updated first); NULL when out of memory. */
static const char **matrix_ids(store_session *list, size_t n, const char *pattern,
			       size_t *n_ids, size_t *skipped)
{
	const char **ids = calloc(n + 1, sizeof *ids);
	size_t i, k;

	*n_ids = 0;
	*skipped = 0;
	for (i = 0; ids && i < n; i++) {
		if (!*(list[i].organisation ? list[i].organisation : "")) {
			++*skipped;
			continue;
		}
		if (!candidate(&list[i], pattern))
			continue;
		for (k = 0; k < *n_ids && strcmp(ids[k], list[i].matrix_id) != 0; k++)
			;
		if (k == *n_ids)
			ids[(*n_ids)++] = list[i].matrix_id;
	}
	return ids;
}

/* Every matrix's portfolio, each filled. */
static int build_parts(store *st, portfolio_job *job, store_session *list,
		       size_t n, store_error *err)
{
	const char **ids = matrix_ids(list, n, job->pattern, &job->n_pfs,
				      &job->skipped_no_org);
	size_t i;
	int rc = 0;

	if (!ids || !(job->pfs = calloc(job->n_pfs + 1, sizeof *job->pfs))) {
		free(ids);
		job->n_pfs = 0;
		return oom(err);
	}
	for (i = 0; i < job->n_pfs && !rc; i++) {
		portfolio *pf = &job->pfs[i];

		if (choose_sessions(pf, list, n, job->pattern, ids[i]) < 0)
			rc = oom(err);
		else if ((rc = load_reference(st, pf, err)) == 0)
			rc = fill_cells(st, pf, err);
	}
	free(ids);
	return rc;
}

int report_portfolio_to_path(store *st, const char *org_pattern,
			     const report_options *o, const char *path,
			     store_error *err)
{
	portfolio_job job;
	store_session *list = NULL;
	size_t i, n = 0;
	int rc;

	if ((rc = report_check_options(o, err)) != 0)
		return rc;
	memset(&job, 0, sizeof job);
	job.o = o;
	job.pattern = org_pattern;
	if ((rc = store_session_list(st, &list, &n, err)) != 0)
		return rc;
	rc = build_parts(st, &job, list, n, err);
	if (!rc && !job.n_pfs) {
		err->status = rc = STORE_ENOINPUT;
		snprintf(err->message, sizeof err->message, "no session of an "
			 "organisation%s%.400s%s", org_pattern ? " matching '" : "",
			 org_pattern ? org_pattern : "", org_pattern ? "'" : "");
	}
	if (!rc)
		rc = report_write_file(path, 1, o->format == REPORT_TEXT ?
				       write_portfolio : write_portfolio_table, &job, err);
	for (i = 0; i < job.n_pfs; i++)
		free_portfolio(&job.pfs[i]);
	free(job.pfs);
	store_session_list_free(list, n);
	return rc;
}
