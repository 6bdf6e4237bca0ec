/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_report.c - the summary model, the text report, the CSV and JSON
 * exports and safe file writing.
 *
 * Most tests build the model from hand-made sessions and answers, so they
 * need no database; the last ones go through a real store.  Golden files
 * live in tests/data/report/; run with NEXTSTEPS_REGEN=1 to rewrite them
 * (then read the diff before committing it).
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "history.h"
#include "report.h"
#include "summary.h"
#include "testutil.h"
#include "text.h"

#define RDATA TEST_DATA "/report/"
#define CHECKER TEST_DATA "/../report_check.py"

enum { SP, FG, SV, WP, ST, LONG };   /* the LGPO rows of matrix.cfg */
enum { A_LONG, A_FG, A_SP, A_ST, A_SV, A_WP };   /* their answers */

typedef struct fixture {
	content_matrix *m;
	store_session s, prev;
	store_answers a, pa;
	store_row_answer rows[8], prows[8];
	int votes[8][4];
	store_action actions[8];
	char *participants[4];
	report_summary *sm;
} fixture;

static fixture fx;

static void set_row(store_row_answer *r, const char *id, int state, int stage,
		    const char *note, int *votes)
{
	r->row_id = (char *)id;
	r->state = state;
	r->stage = stage;
	r->note = (char *)note;
	r->votes = votes;
	r->revealed = 1;
}

static void set_action(store_action *a, long long id, const char *row,
		       const char *text, const char *owner, const char *due,
		       int done)
{
	a->id = id;
	a->row_id = (char *)row;
	a->text = (char *)text;
	a->owner = (char *)owner;
	a->due = (char *)due;
	a->done = done;
}

static void load_matrix(void)
{
	content_error err;

	setenv("TZ", "UTC", 1);
	tzset();
	fx.m = content_load_file(RDATA "matrix.cfg", &err);
	cr_assert_not_null(fx.m, "%s", err.message);
}

static void fill_votes(int *v, int a, int b, int c, int d)
{
	v[0] = a, v[1] = b, v[2] = c, v[3] = d;
}

/* The session every golden file shows: an LGPO with four participants. */
static void make_session(void)
{
	static char *names[] = { "Dr A. Patel", "Zo\xc3\xab Smith", "Practice C",
				 "Practice D" };
	store_session *s = &fx.s;

	strcpy(s->id, "0001-report-test");
	s->name = "Spring 2026 review";
	s->organisation = "North Camden GP Federation";
	s->facilitator = "Sam O'Neill";
	s->track = CONTENT_TRACK_LGPO;
	s->matrix_id = "report-test";
	s->matrix_version = "2.1";
	s->created = 1773480600;   /* 2026-03-14 09:30 UTC */
	s->updated = 1773493200;
	memcpy(fx.participants, names, sizeof names);
	s->participants = fx.participants;
	s->n_participants = 4;
	s->planned_minutes = 90;
}

static void make_answers(void)
{
	static store_section_time times[] = { { (char *)"leadership", 1200, 0 } };
	store_answers *a = &fx.a;

	fill_votes(fx.votes[0], 0, 1, 2, STORE_VOTE_DONT_KNOW);
	fill_votes(fx.votes[1], 1, 1, STORE_VOTE_NONE, STORE_VOTE_NONE);
	fill_votes(fx.votes[2], 1, 1, 1, 2);
	/* In row id order, as the store keeps them (store_answers_row
	 * searches by bisection). */
	set_row(&fx.rows[A_LONG], "extremelylongwordrowwithoutanyspacesatallthatmustbe"
		"splitsomewhereeventually", STORE_ROW_AGREED, 0, "", NULL);
	set_row(&fx.rows[A_FG], "formal-governance", STORE_ROW_NOT_APPLICABLE, -1,
		"", NULL);
	set_row(&fx.rows[A_SP], "shared-purpose", STORE_ROW_AGREED, 1,
		"Board to review the statement in May.\nSecond line: \"quoted\", "
		"with a comma.", fx.votes[0]);
	set_row(&fx.rows[A_ST], "shared-training", STORE_ROW_NOT_DISCUSSED, -1, "",
		NULL);
	set_row(&fx.rows[A_SV], "system-voice", STORE_ROW_OPEN, -1,
		"Needs the LMC view first.", fx.votes[1]);
	set_row(&fx.rows[A_WP], "workforce-planning", STORE_ROW_AGREED, 1, "",
		fx.votes[2]);
	set_action(&fx.actions[0], 1, "shared-purpose", "Draft a one-page "
		   "statement of shared aims for the federation board to sign off",
		   "Dr A. Patel", "2026-04-30", 0);
	set_action(&fx.actions[1], 2, "shared-purpose", "Circulate to partners",
		   "", "", 0);
	set_action(&fx.actions[2], 3, "workforce-planning", "Collect vacancy "
		   "data", "Practice C", "2026-03-31", 1);
	set_action(&fx.actions[3], 4, "gone-row", "Orphan action", "Nobody",
		   "2026-04-30", 0);
	a->n_participants = 4;
	a->rows = fx.rows;
	a->n_rows = 6;
	a->actions = fx.actions;
	a->n_actions = 4;
	/* 20 minutes in the first section, against its plan of 45. */
	a->times = times;
	a->n_times = 1;
}

/* The organisation's earlier session on the same matrix. */
static void make_previous(void)
{
	strcpy(fx.prev.id, "0000-report-test");
	fx.prev.name = "Autumn 2025 review";
	fx.prev.organisation = fx.s.organisation;
	fx.prev.facilitator = "";
	fx.prev.track = CONTENT_TRACK_LGPO;
	fx.prev.created = 1759395600;   /* 2025-10-02 09:00 UTC */
	set_row(&fx.prows[0], "shared-purpose", STORE_ROW_AGREED, 0, "", NULL);
	set_row(&fx.prows[1], "system-voice", STORE_ROW_AGREED, 1, "", NULL);
	set_row(&fx.prows[2], "workforce-planning", STORE_ROW_AGREED, 2, "", NULL);
	fx.pa.rows = fx.prows;
	fx.pa.n_rows = 3;
}

static report_summary *build(int with_previous)
{
	summary_input in;

	memset(&in, 0, sizeof in);
	in.matrix = fx.m;
	in.session = &fx.s;
	in.answers = &fx.a;
	if (with_previous) {
		in.previous = &fx.prev;
		in.prev_matrix = fx.m;
		in.prev_answers = &fx.pa;
	}
	return summary_build(&in);
}

static void setup(void)
{
	memset(&fx, 0, sizeof fx);
	load_matrix();
	make_session();
	make_answers();
	make_previous();
	fx.sm = build(1);
	cr_assert_not_null(fx.sm);
}

static void teardown(void)
{
	report_summary_free(fx.sm);
	content_free(fx.m);
}

/* Runs a writer with options `o` into memory; the caller frees. */
static char *render_with(const report_summary *sm, const report_options *o,
			 size_t *len)
{
	store_error err;
	char *buf = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);

	cr_assert_not_null(out);
	cr_assert_eq(report_summary_write(sm, o, out, &err), 0, "%s", err.message);
	fclose(out);
	if (len)
		*len = n;
	return buf;
}

static char *render(const report_summary *sm, report_format f, int width,
		    int page_length, int utf8, size_t *len)
{
	report_options o = { .format = f, .width = width, .page_length = page_length,
			     .utf8 = utf8 };

	return render_with(sm, &o, len);
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* One of the tidy tables of a session, as CSV. */
static char *render_table(const report_summary *sm, report_table_kind table)
{
	report_options o = { .format = REPORT_CSV, .table = table };

	return render_with(sm, &o, NULL);
}

/* ---------------------------------------------------------- the model */

TestSuite(summary, .init = setup, .fini = teardown);

Test(summary, only_rows_of_the_track_in_matrix_order)
{
	report_summary *sm = fx.sm;

	cr_assert_eq(sm->n_rows, 6);
	cr_assert_str_eq(sm->rows[SP].row->id, "shared-purpose");
	cr_assert_str_eq(sm->rows[SV].row->id, "system-voice");
	cr_assert_eq(sm->n_sections, 3);
	cr_assert_eq(sm->sections[0].n_rows, 3);
	cr_assert_eq(sm->sections[1].first_row, 3);
	cr_assert_eq(sm->sections[2].n_rows, 0, "the PCN-only section is empty");
	cr_assert_eq(sm->max_section_rows, 3);
}

Test(summary, counts_per_section_and_in_total)
{
	const summary_counts *c0 = &fx.sm->sections[0].counts;
	const summary_counts *t = &fx.sm->totals;

	cr_assert_eq(c0->at_stage[1], 1);
	cr_assert_eq(c0->not_applicable, 1);
	cr_assert_eq(c0->not_agreed, 1);
	cr_assert_eq(c0->not_discussed, 0);
	cr_assert_eq(c0->rows, 3);
	cr_assert_eq(t->at_stage[0], 1);
	cr_assert_eq(t->at_stage[1], 2);
	cr_assert_eq(t->at_stage[2], 0);
	cr_assert_eq(t->not_discussed, 1);
	cr_assert_eq(t->not_agreed, 1);
	cr_assert_eq(t->rows, 6);
	cr_assert_eq(t->flagged, 1);
}

Test(summary, vote_spread_median_and_flags)
{
	const summary_votes *v = &fx.sm->rows[SP].votes;

	cr_assert_eq(v->total, 3);
	cr_assert_eq(v->dont_know, 1);
	cr_assert_eq(v->lowest, 0);
	cr_assert_eq(v->highest, 2);
	cr_assert_eq(v->median, 1);
	cr_assert(v->differ && v->flag);
	v = &fx.sm->rows[WP].votes;
	cr_assert_eq(v->median, 1);
	cr_assert(v->differ && !v->flag, "Build and Enhance differ, not widely");
	v = &fx.sm->rows[SV].votes;
	cr_assert_eq(v->total, 2);
	cr_assert(!v->differ);
	v = &fx.sm->rows[LONG].votes;
	cr_assert_eq(v->total, 0);
	cr_assert_eq(v->median, -1);
}

Test(summary, even_count_takes_the_lower_median)
{
	report_summary *sm;

	fill_votes(fx.votes[2], 0, 0, 2, 2);
	sm = build(0);
	cr_assert_eq(sm->rows[WP].votes.median, 0);
	cr_assert(sm->rows[WP].votes.flag);
	report_summary_free(sm);
}

Test(summary, votes_text_reads_as_words)
{
	char *t = summary_votes_text(fx.sm, &fx.sm->rows[SP].votes);

	cr_assert_str_eq(t, "Start 1, Build 1, Enhance 1; don't know 1; "
			 "range Start-Enhance");
	free(t);
	t = summary_votes_text(fx.sm, &fx.sm->rows[LONG].votes);
	cr_assert_str_eq(t, "No votes recorded");
	free(t);
}

Test(summary, secret_ballot_hides_unrevealed_votes)
{
	report_summary *sm;
	char *t;

	fx.s.secret_ballot = 1;
	fx.rows[A_SP].revealed = 0;
	sm = build(0);
	cr_assert(sm->rows[SP].votes.hidden);
	cr_assert_eq(sm->rows[SP].votes.total, 0);
	cr_assert(!sm->rows[WP].votes.hidden);
	t = render(sm, REPORT_CSV, 80, 0, 0, NULL);
	cr_assert_null(strstr(t, ",shared-purpose,Dr A. Patel,"),
		       "a hidden vote leaked:\n%s", t);
	cr_assert_not_null(strstr(t, ",workforce-planning,Dr A. Patel,2,build,"),
			   "a revealed row keeps its votes:\n%s", t);
	free(t);
	report_summary_free(sm);
}

/* An open row agreed last time is "not yet discussed" unless this
 * session agreed it and then withdrew the agreement. */
Test(summary, withdrawn_agreement_is_no_longer_agreed)
{
	const char *ever[] = { "system-voice" };
	summary_input in;
	report_summary *sm;
	char *t;

	memset(&in, 0, sizeof in);
	in.matrix = fx.m;
	in.session = &fx.s;
	in.answers = &fx.a;
	in.previous = &fx.prev;
	in.prev_matrix = fx.m;
	in.prev_answers = &fx.pa;
	t = render(fx.sm, REPORT_TEXT, 200, 0, 0, NULL);
	cr_assert_not_null(strstr(t, "No longer agreed: 0. Not yet discussed: 1."),
			   "%s", t);
	cr_assert_not_null(strstr(t, "\nNot yet discussed (agreed last time)\n"),
			   "%s", t);
	free(t);
	in.ever_agreed = ever;
	in.n_ever_agreed = 1;
	sm = summary_build(&in);
	cr_assert_not_null(sm);
	cr_assert_eq(sm->rows[SV].change, SUMMARY_CHANGE_DROPPED);
	cr_assert_eq(sm->changes.dropped, 1);
	cr_assert_eq(sm->changes.not_reached, 0);
	cr_assert_str_eq(summary_change_words(SUMMARY_CHANGE_DROPPED),
			 "no longer agreed");
	cr_assert_str_eq(summary_change_words(SUMMARY_CHANGE_NOT_REACHED),
			 "not yet discussed");
	t = render(sm, REPORT_TEXT, 200, 0, 0, NULL);
	cr_assert_not_null(strstr(t, "No longer agreed: 1.\n"), "%s", t);
	cr_assert_null(strstr(t, "Not yet discussed (agreed last time)"), "%s", t);
	free(t);
	report_summary_free(sm);
}

Test(summary, actions_per_row_and_plan_by_due_date)
{
	const report_summary *sm = fx.sm;

	cr_assert_eq(sm->rows[SP].n_actions, 2);
	cr_assert_eq(sm->rows[SP].actions[0]->id, 1);
	cr_assert_eq(sm->rows[SP].actions[1]->id, 2);
	cr_assert_eq(sm->rows[WP].n_actions, 1);
	cr_assert_eq(sm->n_plan, 4);
	cr_assert_eq(sm->plan[0].action->id, 3, "earliest due first");
	cr_assert_eq(sm->plan[1].action->id, 1, "same date: row order");
	cr_assert_eq(sm->plan[2].action->id, 4, "same date, unknown row last");
	cr_assert_null(sm->plan[2].row);
	cr_assert_eq(sm->plan[3].action->id, 2, "undated last");
}

/* The words a brought action's details have on the summary screen and in
 * the text report alike. */
Test(summary, brought_action_details_in_words)
{
	store_brought b = { .row_id = "shared-purpose", .text = "Write the rota",
			    .owner = "Dr Ada", .due = "2026-03-01" };
	char *t = summary_brought_details(fx.sm, &b);

	cr_assert_str_eq(t, "Owner: Dr Ada. Due: 2026-03-01. Row: 1.1 Shared purpose "
			 "and priorities.");
	free(t);
	b.owner = b.due = "";
	b.row_id = "gone-row";
	t = summary_brought_details(fx.sm, &b);
	cr_assert_str_eq(t, "Owner: not named. Due: no date. Row gone-row is not in "
			 "this session's matrix.");
	free(t);
	b.row_id = "shared-purpose";
	b.row_gone = 1;
	t = summary_brought_details(fx.sm, &b);
	cr_assert(strstr(t, "Row shared-purpose is not in this session's matrix."), "%s", t);
	free(t);
}

Test(summary, change_since_previous_session)
{
	const report_summary *sm = fx.sm;

	cr_assert_eq(sm->rows[SP].change, SUMMARY_CHANGE_UP);
	cr_assert_str_eq(sm->rows[SP].prev_stage_id, "start");
	cr_assert_eq(sm->rows[WP].change, SUMMARY_CHANGE_DOWN);
	cr_assert_eq(sm->rows[SV].change, SUMMARY_CHANGE_NOT_REACHED,
		     "open, never agreed in this session: not reached yet");
	cr_assert_eq(sm->rows[LONG].change, SUMMARY_CHANGE_NEW);
	cr_assert_eq(sm->rows[FG].change, SUMMARY_CHANGE_NONE);
	cr_assert_eq(sm->changes.up, 1);
	cr_assert_eq(sm->changes.down, 1);
	cr_assert_eq(sm->changes.dropped, 0);
	cr_assert_eq(sm->changes.not_reached, 1);
	cr_assert_eq(sm->changes.added, 1);
	cr_assert_eq(sm->changes.same, 0);
	cr_assert_str_eq(summary_change_name(SUMMARY_CHANGE_UP), "up");
}

Test(summary, change_compares_stage_ids_not_positions)
{
	content_matrix *old;
	content_error err;
	report_summary *sm;
	summary_input in;
	/* The old version listed the stages in another order. */
	const char *text = "matrix: { id = \"report-test\"; title = \"t\"; "
		"version = \"1\"; source = \"s\"; stages = ( { id = \"enhance\"; "
		"label = \"E\"; }, { id = \"start\"; label = \"S\"; } ); sections = "
		"( { id = \"leadership\"; title = \"L\"; intro = \"\"; rows = ( { "
		"id = \"shared-purpose\"; title = \"SP\"; descriptors = ( \"e\", "
		"\"s\" ); } ); } ); };";

	old = content_load_text(text, strlen(text), "old", &err);
	cr_assert_not_null(old, "%s", err.message);
	fx.prows[0].stage = 0;              /* "enhance" in the old matrix */
	memset(&in, 0, sizeof in);
	in.matrix = fx.m;
	in.session = &fx.s;
	in.answers = &fx.a;
	in.previous = &fx.prev;
	in.prev_matrix = old;
	in.prev_answers = &fx.pa;
	sm = summary_build(&in);
	cr_assert_eq(sm->rows[SP].change, SUMMARY_CHANGE_DOWN, "Enhance -> Build");
	cr_assert_str_eq(sm->rows[SP].prev_stage_label, "E");
	report_summary_free(sm);
	content_free(old);
}

Test(summary, no_previous_session_means_no_change)
{
	report_summary *sm = build(0);
	size_t i;

	cr_assert_null(sm->previous);
	for (i = 0; i < sm->n_rows; i++)
		cr_assert_eq(sm->rows[i].change, SUMMARY_CHANGE_NONE);
	report_summary_free(sm);
}

Test(summary, pcn_session_sees_pcn_rows)
{
	report_summary *sm;

	fx.s.track = CONTENT_TRACK_PCN;
	sm = build(0);
	cr_assert_eq(sm->n_rows, 7);
	cr_assert_eq(sm->sections[2].n_rows, 1);
	cr_assert_eq(sm->sections[0].counts.not_applicable, 0,
		     "the LGPO-only row is not in a PCN model");
	report_summary_free(sm);
}

Test(summary, agreed_stage_out_of_range_is_not_trusted)
{
	report_summary *sm;

	fx.rows[A_SP].stage = 7;
	sm = build(0);
	cr_assert_eq(sm->rows[SP].state, STORE_ROW_OPEN);
	cr_assert_eq(sm->rows[SP].stage, -1);
	report_summary_free(sm);
}

/* ---------------------------------------------------------- text report */

TestSuite(text, .init = setup, .fini = teardown);

/* Compares with a golden file byte for byte, or rewrites it on request. */
static void golden(const char *name, const char *got, size_t len)
{
	char path[512], *want = NULL;
	size_t n = 0;
	FILE *f;

	snprintf(path, sizeof path, RDATA "%s", name);
	if (getenv("NEXTSTEPS_REGEN") && *getenv("NEXTSTEPS_REGEN")) {
		cr_assert_not_null(f = fopen(path, "wb"), "%s: %s", path, strerror(errno));
		fwrite(got, 1, len, f);
		fclose(f);
		return;
	}
	cr_assert_not_null(f = fopen(path, "rb"), "%s missing: run with "
			   "NEXTSTEPS_REGEN=1", path);
	want = malloc(len + 2);
	n = fread(want, 1, len + 1, f);
	fclose(f);
	cr_assert(n == len && memcmp(want, got, len) == 0,
		  "%s differs (got %zu bytes, want %zu); got:\n%s", name, len, n, got);
	free(want);
}

static void check_golden(const char *name, int width, int page_length, int prev)
{
	report_summary *sm = prev ? fx.sm : build(0);
	size_t len;
	char *t = render(sm, REPORT_TEXT, width, page_length, 0, &len);

	golden(name, t, len);
	free(t);
	if (!prev)
		report_summary_free(sm);
}

Test(text, golden_width_60_paged) { check_golden("report-60-paged.txt", 60, 66, 1); }
Test(text, golden_width_80_paged) { check_golden("report-80-paged.txt", 80, 66, 1); }
Test(text, golden_width_132_paged) { check_golden("report-132-paged.txt", 132, 66, 1); }
Test(text, golden_width_60_continuous) { check_golden("report-60.txt", 60, 0, 1); }
Test(text, golden_width_80_continuous) { check_golden("report-80.txt", 80, 0, 1); }
Test(text, golden_width_132_continuous) { check_golden("report-132.txt", 132, 0, 1); }
Test(text, golden_no_previous) { check_golden("report-80-first.txt", 80, 0, 0); }

/* Every line fits; pages are exactly page_length lines, separated by form
 * feeds, each ending in its own "Page N of M". */
static void check_layout(const char *t, int width, int page_length, int utf8)
{
	size_t lines = 0, pages = 1, line_in_page = 0;
	const char *p = t, *nl;
	char footer[64];

	for (; *p; p = nl + 1) {
		char *line;

		cr_assert_not_null(nl = strchr(p, '\n'), "no final newline");
		if (*p == '\f') {
			cr_assert(page_length > 0 && line_in_page == 0, "stray form feed");
			p++;
		}
		line = strndup(p, (size_t)(nl - p));
		cr_assert(text_width(line) <= (size_t)width, "line wider than %d: "
			  "'%s'", width, line);
		cr_assert(!utf8 ? !strpbrk(line, "\x7f") : 1);
		cr_assert(!*line || line[strlen(line) - 1] != ' ', "trailing space");
		for (const char *c = line; *c; c++)
			cr_assert(utf8 ? (unsigned char)*c >= 0x20 :
				  (*c >= 0x20 && *c < 0x7f), "bad byte in '%s'", line);
		lines++;
		line_in_page++;
		if (page_length > 0 && line_in_page == (size_t)page_length) {
			snprintf(footer, sizeof footer, "Page %zu of ", pages);
			cr_assert_not_null(strstr(line, footer), "page %zu ends '%s'",
					   pages, line);
			line_in_page = 0;
			if (nl[1])
				pages++;
		}
		free(line);
	}
	if (page_length > 0) {
		cr_assert_eq(line_in_page, 0, "last page short");
		cr_assert_eq(lines, pages * (size_t)page_length);
		snprintf(footer, sizeof footer, "Page %zu of %zu\n", pages, pages);
		cr_assert(strlen(t) > strlen(footer) &&
			  strcmp(t + strlen(t) - strlen(footer), footer) == 0);
	} else {
		cr_assert_null(strchr(t, '\f'));
		cr_assert_null(strstr(t, "Page 1 of"));
	}
}

Test(text, every_width_and_page_length_keeps_the_layout)
{
	static const int widths[] = { 60, 61, 80, 100, 132, 200 };
	static const int pages[] = { 0, 20, 23, 66 };
	size_t w, p;

	for (w = 0; w < sizeof widths / sizeof *widths; w++)
		for (p = 0; p < sizeof pages / sizeof *pages; p++) {
			char *t = render(fx.sm, REPORT_TEXT, widths[w], pages[p], 0, NULL);

			check_layout(t, widths[w], pages[p], 0);
			free(t);
			t = render(fx.sm, REPORT_TEXT, widths[w], pages[p], 1, NULL);
			check_layout(t, widths[w], pages[p], 1);
			free(t);
		}
}

static int is_rule(const char *line)
{
	return *line == '=' && strspn(line, "=") == strlen(line);
}

/* On each page, a heading's rule is followed by at least two lines. */
static void check_no_widowed_heading(char *t, int page_length)
{
	char *page, *save = NULL;
	size_t n_pages = 0;

	for (page = strtok_r(t, "\f", &save); page; page = strtok_r(NULL, "\f", &save)) {
		char *lines[256], *ls = NULL, *l;
		int n = 0, last = -1, i;

		for (l = strtok_r(page, "\n", &ls); l && n < 256; l = strtok_r(NULL, "\n", &ls))
			lines[n++] = l;   /* empty lines vanish: only text counts */
		for (i = 0; i < n; i++)
			if (!strstr(lines[i], "Page ") || i + 1 < n)
				last = i;
		for (i = 2; i < n; i++)   /* past the page header and its rule */
			if (is_rule(lines[i]))
				cr_assert(i + 2 <= last, "page %zu: heading '%s' at the "
					  "bottom", n_pages + 1, lines[i - 1]);
		n_pages++;
	}
	cr_assert(n_pages >= 4, "only %zu pages of %d lines", n_pages, page_length);
}

Test(text, short_pages_keep_headings_with_their_text)
{
	int len;

	for (len = 20; len <= 30; len++) {
		char *t = render(fx.sm, REPORT_TEXT, 60, len, 0, NULL);

		check_no_widowed_heading(t, len);
		free(t);
	}
}

/* A large matrix with nothing answered yet: rows are short blocks that
 * follow each other.  Keeping a row together once made every row of the
 * section one unbreakable chain, and the pager then put each row on a page
 * of its own (10,000 rows gave 10,352 pages).  Pages must stay full. */
Test(text, many_short_rows_fill_their_pages)
{
	static const char head[] = "matrix: { id = \"big\"; title = \"Big\"; "
		"version = \"1\"; source = \"t\"; stages = ( { id = \"a\"; "
		"label = \"A\"; }, { id = \"b\"; label = \"B\"; } ); sections = (";
	size_t cap = 200000, len = 0, pages = 1, lines = 0, i, k;
	char *text = malloc(cap), *out, *p;
	content_matrix *m;
	content_error cerr;
	report_summary *sm;
	summary_input in;
	store_answers a;

	cr_assert_not_null(text);
	len += (size_t)snprintf(text + len, cap - len, "%s", head);
	for (i = 0; i < 10; i++) {
		len += (size_t)snprintf(text + len, cap - len, "%s{ id = \"s%zu\"; "
			"title = \"Section %zu\"; intro = \"An intro.\"; rows = (",
			i ? "," : "", i, i);
		for (k = 0; k < 30; k++)
			len += (size_t)snprintf(text + len, cap - len, "%s{ id = "
				"\"r%zu-%zu\"; title = \"Row %zu\"; descriptors = "
				"( \"x\", \"y\" ); }", k ? "," : "", i, k, k);
		len += (size_t)snprintf(text + len, cap - len, "); }");
	}
	len += (size_t)snprintf(text + len, cap - len, "); };");
	m = content_load_text(text, len, "big", &cerr);
	cr_assert_not_null(m, "%s", cerr.message);
	memset(&a, 0, sizeof a);
	memset(&in, 0, sizeof in);
	in.matrix = m;
	in.session = &fx.s;
	in.answers = &a;
	cr_assert_not_null(sm = summary_build(&in));
	out = render(sm, REPORT_TEXT, 80, 66, 0, NULL);
	for (p = out; *p; p++) {
		pages += *p == '\f';
		lines += *p == '\n';
	}
	/* 300 rows of 3 lines, plus the profile and the not-agreed list:
	 * about 1,300 lines of text; 60 body lines a page. */
	cr_assert_lt(pages, lines / 40 + 2, "%zu pages for %zu lines", pages, lines);
	check_no_widowed_heading(out, 66);
	free(out);
	report_summary_free(sm);
	content_free(m);
	free(text);
}

Test(text, ascii_by_default_utf8_on_request)
{
	char *a = render(fx.sm, REPORT_TEXT, 80, 0, 0, NULL);
	char *u = render(fx.sm, REPORT_TEXT, 80, 0, 1, NULL);

	cr_assert_not_null(strstr(a, "Zoe Smith"));
	cr_assert_not_null(strstr(u, "Zo\xc3\xab Smith"));
	free(a);
	free(u);
}

Test(text, contents_in_order)
{
	char *t = render(fx.sm, REPORT_TEXT, 80, 0, 0, NULL);
	static const char *const parts[] = { "Workshop report", "Organisation:",
		"North Camden GP Federation", "Larger-scale general practice "
		"organisation (LGPO)", "2026-03-14", "Sam O'Neill", "Report test "
		"matrix", "version 2.1", "Written for the nextsteps tests", "Profile",
		"1. Leadership", "[!] Views differ widely", "Board to review",
		"2. Workforce", "Action plan", "2026-03-31  Collect vacancy data",
		"Changes since the previous session", "Autumn 2025 review",
		"Moved up", "Start -> Build", "Rows parked or not reached yet" };
	const char *p = t;
	size_t i;

	for (i = 0; i < sizeof parts / sizeof *parts; i++) {
		const char *q = strstr(p, parts[i]);

		cr_assert_not_null(q, "'%s' missing or out of order", parts[i]);
		p = q;
	}
	cr_assert_null(strstr(t, "generated"), "no clock in the report");
	free(t);
}

Test(text, deterministic)
{
	char *a = render(fx.sm, REPORT_TEXT, 80, 66, 0, NULL);
	char *b = render(fx.sm, REPORT_TEXT, 80, 66, 0, NULL);

	cr_assert_str_eq(a, b);
	free(a);
	free(b);
}

Test(text, bad_options_are_usage_errors)
{
	report_options o = { .format = REPORT_TEXT, .width = 59 };
	store_error err;

	cr_assert_eq(report_summary_write(fx.sm, &o, stdout, &err), STORE_EUSAGE);
	o.width = 201;
	cr_assert_eq(report_summary_write(fx.sm, &o, stdout, &err), STORE_EUSAGE);
	o.width = 80;
	o.page_length = 19;
	cr_assert_eq(report_summary_write(fx.sm, &o, stdout, &err), STORE_EUSAGE);
}

Test(text, without_a_previous_session_says_so)
{
	report_summary *sm = build(0);
	char *t = render(sm, REPORT_TEXT, 80, 0, 0, NULL);

	cr_assert_not_null(strstr(t, "No earlier session of North Camden GP "
				  "Federation on this matrix."));
	free(t);
	report_summary_free(sm);
}

/* ---------------------------------------------------------- exports */

TestSuite(exports, .init = setup, .fini = teardown);

/* Exports waiting for the Python checker, which reads them all back in one
 * run (each start of python3 costs more than the checks). */
typedef struct export_checks {
	char paths[16][32];
	char cmd[2048];
	size_t n;
} export_checks;

static void checks_begin(export_checks *c)
{
	c->n = 0;
	snprintf(c->cmd, sizeof c->cmd, "python3 '%s'", CHECKER);
}

/* Writes `data` to a temporary file the checker will read as `kind`
 * with `count` records or rows. */
static void checks_add(export_checks *c, const char *kind, const char *data, size_t len,
		       size_t count)
{
	char *path = c->paths[c->n];
	size_t used = strlen(c->cmd);
	int fd;

	cr_assert_lt(c->n, sizeof c->paths / sizeof *c->paths);
	strcpy(path, "/tmp/nextsteps-report-XXXXXX");
	fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
	c->n++;
	snprintf(c->cmd + used, sizeof c->cmd - used, " %s '%s' %zu", kind, path, count);
}

static void checks_run(export_checks *c)
{
	int rc = -1;
	size_t i;

	if (system("python3 -c '' 2>/dev/null") == 0)
		rc = system(c->cmd);
	for (i = 0; i < c->n; i++)
		unlink(c->paths[i]);
	if (rc == -1)
		cr_skip_test("python3 is needed to read the exports back");
	cr_assert_eq(rc, 0, "an export was rejected by the checker");
}

/* One export read back on its own. */
static void python_check(const char *kind, const char *data, size_t len,
			 size_t count)
{
	export_checks c;

	checks_begin(&c);
	checks_add(&c, kind, data, len, count);
	checks_run(&c);
}

Test(exports, csv_reads_back_with_a_real_parser)
{
	size_t len;
	char *t = render(fx.sm, REPORT_CSV, 80, 0, 0, &len);

	/* 6 agreed-stage lines + votes: 4 + 2 + 4 */
	python_check("csv", t, len, 16);
	cr_assert(starts_with(t, "session_id,session,organisation,type,date,"
			      "matrix_id,matrix_version,section_id,row_id,"
			      "participant,stage_number,stage_id,stage_label,"
			      "state,when,note\r\n0001-report-test,Spring 2026 "
			      "review,North Camden GP Federation,lgpo,2026-03-14,"
			      "report-test,2.1,leadership,shared-purpose,,2,build,"
			      "Build,agreed,during,"),
		  "the answers table, the same columns as report --all:\n%s", t);
	cr_assert_not_null(strstr(t, "\"Board to review the statement in May.\n"
				  "Second line: \"\"quoted\"\", with a comma.\"\r\n"));
	cr_assert_not_null(strstr(t, ",shared-purpose,Practice D,,,,dont_know,"
				  "during,\r\n"));
	cr_assert_not_null(strstr(t, ",workforce,shared-training,,,,,parked,"));
	cr_assert_not_null(strstr(t, ",leadership,system-voice,,,,,not_reached,"
				  "during,Needs the LMC view first.\r\n"),
			   "a row not reached yet says so, not parked");
	cr_assert_not_null(strstr(t, ",Zo\xc3\xab Smith,2,build,"), "UTF-8 kept as typed");
	cr_assert_null(strstr(t, "Circulate to partners"),
		       "actions are a table of their own");
	free(t);
}

/* The actions of one session: one line each, never packed into a cell. */
Test(exports, csv_actions_table_has_one_line_per_action)
{
	char *t = render_table(fx.sm, REPORT_TABLE_ACTIONS);

	cr_assert(starts_with(t, "session_id,session,organisation,row_id,text,"
			      "owner,due,status,brought_from,brought_from_id\r\n"), "%s", t);
	cr_assert_not_null(strstr(t, "\r\n0001-report-test,Spring 2026 review,"
				  "North Camden GP Federation,shared-purpose,"
				  "Draft a one-page statement of shared aims for "
				  "the federation board to sign off,Dr A. Patel,"
				  "2026-04-30,open,"), "%s", t);
	cr_assert_not_null(strstr(t, ",shared-purpose,Circulate to partners,,,open,"),
			   "%s", t);
	cr_assert_not_null(strstr(t, ",workforce-planning,Collect vacancy data,"
				  "Practice C,2026-03-31,done,"), "%s", t);
	free(t);
	t = render_table(fx.sm, REPORT_TABLE_SESSIONS);
	cr_assert_not_null(strstr(t, "\r\n0001-report-test,Spring 2026 review,"
				  "North Camden GP Federation,lgpo,Sam O'Neill,"), "%s", t);
	free(t);
}

Test(rowfacts, the_four_states_have_one_name_each)
{
	cr_assert_str_eq(rowfacts_state_words(STORE_ROW_OPEN), "not reached yet");
	cr_assert_str_eq(rowfacts_state_words(STORE_ROW_NOT_DISCUSSED), "parked");
	cr_assert_str_eq(rowfacts_state_words(STORE_ROW_AGREED), "agreed");
	cr_assert_str_eq(rowfacts_state_words(STORE_ROW_NOT_APPLICABLE), "not applicable");
	cr_assert_str_eq(rowfacts_state_word(STORE_ROW_OPEN), "not_reached");
	cr_assert_str_eq(rowfacts_state_word(STORE_ROW_NOT_DISCUSSED), "parked");
	cr_assert_str_eq(rowfacts_state_word(STORE_ROW_NOT_APPLICABLE), "not_applicable");
	cr_assert_str_eq(summary_state_name(STORE_ROW_OPEN), "not_reached",
			 "CSV and JSON take the token from rowfacts");
}

Test(rowfacts, agreed_outside_every_vote)
{
	rowfacts_spread sp;
	rowfacts_state agreed_enhance = { STORE_ROW_AGREED, 2 };
	rowfacts_state agreed_start = { STORE_ROW_AGREED, 0 };
	rowfacts_state agreed_build = { STORE_ROW_AGREED, 1 };
	rowfacts_state open = { STORE_ROW_OPEN, -1 };
	char buf[64];

	memset(&sp, 0, sizeof sp);
	sp.count[1] = 2, sp.total = 2, sp.lowest = sp.highest = 1;
	cr_assert_eq(rowfacts_agreed_outside(agreed_enhance, &sp), 1);
	cr_assert_eq(rowfacts_agreed_outside(agreed_start, &sp), -1);
	cr_assert_eq(rowfacts_agreed_outside(agreed_build, &sp), 0);
	cr_assert_eq(rowfacts_agreed_outside(open, &sp), 0);
	cr_assert_str_eq(rowfacts_outside_text(1), "agreed above all votes");
	cr_assert_str_eq(rowfacts_outside_text(-1), "agreed below all votes");
	cr_assert_null(rowfacts_outside_text(0));
	cr_assert_null(rowfacts_differ_text(&sp));
	cr_assert_str_eq(rowfacts_disagreement_text(agreed_build, &sp, buf, sizeof buf), "");
	cr_assert_not(rowfacts_disagrees(agreed_build, &sp));

	sp.count[0] = 1, sp.count[2] = 1, sp.count[1] = 0;
	sp.lowest = 0, sp.highest = 2, sp.flag = 1;
	cr_assert_str_eq(rowfacts_differ_text(&sp), "Views differ");
	cr_assert(rowfacts_disagrees(open, &sp));
	cr_assert_str_eq(rowfacts_disagreement_text(open, &sp, buf, sizeof buf),
			 "Views differ");
	sp.hidden = 1;
	cr_assert_null(rowfacts_differ_text(&sp), "a hidden ballot shows no spread");
	cr_assert_eq(rowfacts_agreed_outside(agreed_enhance, &sp), 0);
}

Test(exports, csv_guards_against_formulas)
{
	report_summary *sm;
	char *t;

	fx.rows[A_SP].note = "=HYPERLINK(\"http://x\")";
	fx.actions[0].text = "+1";
	fx.participants[2] = "@SUM(A1)";
	fx.s.name = "-2+3";
	sm = build(0);
	t = render(sm, REPORT_CSV, 80, 0, 0, NULL);
	cr_assert_not_null(strstr(t, "\"'=HYPERLINK(\"\"http://x\"\")\""));
	cr_assert_not_null(strstr(t, ",'@SUM(A1),"));
	cr_assert_not_null(strstr(t, "\r\n0001-report-test,'-2+3,"));
	free(t);
	t = render_table(sm, REPORT_TABLE_ACTIONS);
	cr_assert_not_null(strstr(t, ",shared-purpose,'+1,Dr A. Patel,2026-04-30,"),
			   "%s", t);
	free(t);
	report_summary_free(sm);
}

Test(exports, json_is_valid_and_complete)
{
	size_t len;
	char *t = render(fx.sm, REPORT_JSON, 80, 0, 0, &len);

	python_check("json", t, len, 6);
	cr_assert_not_null(strstr(t, "\"type\":\"lgpo\""));
	cr_assert_not_null(strstr(t, "\"created\":\"2026-03-14T09:30:00Z\""));
	cr_assert_not_null(strstr(t, "\"agreed\":{\"id\":\"build\",\"label\":\"Build\"}"));
	cr_assert_not_null(strstr(t, "{\"participant\":\"Practice D\",\"vote\":\"dont_know\",\"when\":\"during\"}"));
	cr_assert_not_null(strstr(t, "\"note\":\"Board to review the statement in "
				  "May.\\nSecond line: \\\"quoted\\\", with a comma.\""));
	cr_assert_not_null(strstr(t, "\"previous\":{\"id\":\"0000-report-test\""));
	cr_assert_not_null(strstr(t, "\"done\":true"));
	free(t);
}

/* Hostile text in every field a user can type. */
static const char *const hostile[] = {
	"A\033[2Jcleared",
	"B\033]0;pwned\007title",
	"C\rover\bwrite",
	"D\xe2\x80\xae" "reversed",
	"E\xc2\x9b" "31mcsi\x7f",
	"F\xff\xfe invalid",
	"G\033P+q\033\\ dcs",
};

static void make_hostile(int k)
{
	const char *h = hostile[k];

	fx.s.name = (char *)h;
	fx.s.organisation = (char *)h;
	fx.s.facilitator = (char *)h;
	fx.participants[0] = (char *)h;
	fx.participants[3] = (char *)h;
	fx.rows[A_SP].note = (char *)h;
	fx.rows[A_SV].note = (char *)h;
	fx.actions[0].text = (char *)h;
	fx.actions[0].owner = (char *)h;
	fx.actions[1].text = (char *)h;
	fx.prev.name = (char *)h;
}

/* Nothing a terminal acts on: no C0 control except LF (and CR before LF,
 * and FF in text), no DEL, no C1, no bidi controls, valid UTF-8. */
static void assert_inert(const char *t, size_t len, const char *what)
{
	size_t i;

	cr_assert(text_utf8_valid(t, len), "%s: invalid UTF-8", what);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c == '\n' || c == '\f' || (c == '\r' && t[i + 1] == '\n'))
			continue;
		cr_assert(c >= 0x20 && c != 0x7f, "%s: byte 0x%02x at %zu", what, c, i);
		if (c == 0xc2)
			cr_assert((unsigned char)t[i + 1] >= 0xa0, "%s: C1 control", what);
	}
	cr_assert_null(strstr(t, "\xe2\x80\xae"), "%s: bidi override", what);
}

Test(exports, control_characters_never_reach_any_output)
{
	export_checks c;
	size_t k;

	checks_begin(&c);
	for (k = 0; k < sizeof hostile / sizeof *hostile; k++) {
		report_summary *sm;
		report_format f;

		make_hostile((int)k);
		sm = build(1);
		for (f = REPORT_TEXT; f <= REPORT_JSON; f++) {
			size_t len;
			char *t = render(sm, f, 60, f == REPORT_TEXT ? 20 : 0, 1, &len);

			assert_inert(t, len, f == REPORT_TEXT ? "text" :
				     f == REPORT_CSV ? "csv" : "json");
			if (f == REPORT_TEXT)
				check_layout(t, 60, 20, 1);
			else
				checks_add(&c, f == REPORT_CSV ? "csv" : "json", t, len,
					   f == REPORT_CSV ? 16 : 6);
			free(t);
			t = render_table(sm, REPORT_TABLE_ACTIONS);
			assert_inert(t, strlen(t), "actions csv");
			free(t);
			t = render(sm, REPORT_TEXT, 80, 0, 0, &len);
			assert_inert(t, len, "ascii text");
			check_layout(t, 80, 0, 0);
			free(t);
		}
		report_summary_free(sm);
	}
	checks_run(&c);
}

Test(exports, json_escapes_quotes_and_backslashes)
{
	report_summary *sm;
	char *t;
	size_t len;

	fx.rows[A_SP].note = "back\\slash \"quote\" /slash\ttab";
	sm = build(0);
	t = render(sm, REPORT_JSON, 80, 0, 0, &len);
	/* exactly as typed: the tab is an escape, not a space */
	cr_assert_not_null(strstr(t, "\"note\":\"back\\\\slash \\\"quote\\\" /slash\\ttab\""));
	cr_assert_not_null(strstr(t, "{\"format_version\":1,"));
	python_check("json", t, len, 6);
	free(t);
	report_summary_free(sm);
}

/* ---------------------------------------------------------- files */

static char dir[64];

static void make_dir(void)
{
	testutil_dir_make(dir, sizeof dir, "ns-report");
}

static void remove_dir(void)
{
	testutil_dir_remove(dir);
}

static size_t count_entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;

	while (d && (e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	if (d)
		closedir(d);
	return n;
}

static int write_hello(void *ctx, FILE *out, store_error *err)
{
	(void)err;
	fputs(ctx, out);
	return 0;
}

static int write_then_fail(void *ctx, FILE *out, store_error *err)
{
	fputs(ctx, out);
	err->status = STORE_EIO;
	snprintf(err->message, sizeof err->message, "disk full");
	return STORE_EIO;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 4096);

	cr_assert_not_null(f);
	cr_assert(fread(buf, 1, 4095, f) < 4095);
	fclose(f);
	return buf;
}

/* The file holds exactly `text`, and is the folder's only entry. */
static void expect_only_file(const char *path, const char *text)
{
	char *got = slurp(path);

	cr_assert_str_eq(got, text);
	free(got);
	cr_assert_eq(count_entries(), 1, "no temporary file left behind");
}

/* "report.txt" in the test's folder, written once with `text`. */
static void written(char path[128], const char *text)
{
	store_error err;

	snprintf(path, 128, "%s/report.txt", dir);
	cr_assert_eq(report_write_file(path, 0, write_hello, (void *)text, &err), 0,
		     "%s", err.message);
}

/* Writing `text` to `path` fails with `status`, and the message says
 * `words`. */
static void refused(const char *path, int overwrite,
		    int (*writer)(void *, FILE *, store_error *), const char *text,
		    int status, const char *words)
{
	store_error err;

	cr_assert_eq(report_write_file(path, overwrite, writer, (void *)text, &err), status,
		     "%s", err.message);
	cr_assert_not_null(strstr(err.message, words), "%s", err.message);
}

TestSuite(files, .init = make_dir, .fini = remove_dir);

Test(files, writes_through_a_temporary_file)
{
	char path[128];

	written(path, "one\n");
	expect_only_file(path, "one\n");
}

Test(files, existing_file_needs_overwrite)
{
	char path[128];
	store_error err;

	written(path, "one\n");
	refused(path, 0, write_hello, "two\n", STORE_ECANTCREAT, "exists");
	cr_assert_eq(report_write_file(path, 1, write_hello, "two\n", &err), 0);
	expect_only_file(path, "two\n");
}

Test(files, refuses_a_symlink)
{
	char path[128], target[128];
	struct stat sb;

	snprintf(path, sizeof path, "%s/link.txt", dir);
	snprintf(target, sizeof target, "%s/target.txt", dir);
	cr_assert_eq(symlink(target, path), 0);
	refused(path, 1, write_hello, "x\n", STORE_ECANTCREAT, "symbolic link");
	cr_assert_neq(stat(target, &sb), 0, "nothing written through the link");
	unlink(path);
}

Test(files, failed_write_leaves_the_old_file)
{
	char path[128];

	written(path, "old\n");
	refused(path, 1, write_then_fail, "half", STORE_EIO, path);
	expect_only_file(path, "old\n");
}

Test(files, missing_folder_cannot_create)
{
	char path[128];
	store_error err;

	snprintf(path, sizeof path, "%s/no/such/report.txt", dir);
	cr_assert_eq(report_write_file(path, 0, write_hello, "x\n", &err),
		     STORE_ECANTCREAT);
	cr_assert(strncmp(err.message, path, strlen(path)) == 0, "%s", err.message);
}

Test(files, full_disk_is_an_io_error)
{
	store_error err;

	if (access("/dev/full", W_OK) != 0)
		cr_skip_test("no /dev/full");
	/* /dev/full is not a regular file: refused before writing. */
	cr_assert_eq(report_write_file("/dev/full", 1, write_hello, "x\n", &err),
		     STORE_ECANTCREAT);
}

/* ---------------------------------------------------------- with a store */

static store *st;
static content_matrix *sm_matrix;

static void open_store(void)
{
	char path[128];
	content_error cerr;

	make_dir();
	setenv("TZ", "UTC", 1);
	tzset();
	testutil_set_now(TESTUTIL_NOW);
	snprintf(path, sizeof path, "%s/test.db", dir);
	st = testutil_open(path);
	sm_matrix = content_load_file(RDATA "matrix.cfg", &cerr);
	cr_assert_not_null(sm_matrix, "%s", cerr.message);
}

static void close_store(void)
{
	store_close(st);
	content_free(sm_matrix);
	remove_dir();
}

/* A session with a few answers; its id goes to `id`. */
static void new_session(const char *name, const char *org, int stage,
			char id[40])
{
	static const char *const people[] = { "Ann", "Bob\033[2J", "Cy" };
	store_new_session spec;
	store_error err;

	memset(&spec, 0, sizeof spec);
	spec.name = name;
	spec.organisation = org;
	spec.facilitator = "Fay";
	spec.track = CONTENT_TRACK_LGPO;
	spec.participants = people;
	spec.n_participants = 3;
	cr_assert_eq(store_session_create(st, &spec, sm_matrix, id, &err), 0,
		     "%s", err.message);
	cr_assert_eq(store_set_agreed(st, id, "shared-purpose", STORE_ROW_AGREED,
				      stage, &err), 0, "%s", err.message);
	cr_assert_eq(store_set_vote(st, id, "shared-purpose", 1, 2, &err), 0);
	cr_assert_eq(store_set_note(st, id, "shared-purpose", "a\033]0;x\007b",
				    &err), 0);
	cr_assert_eq(store_action_add(st, id, "system-voice", "Ask the LMC", "Ann",
				      "2026-05-01", NULL, &err), 0, "%s", err.message);
}

TestSuite(store, .init = open_store, .fini = close_store);

Test(store, loads_the_model_with_its_previous_session)
{
	char old[40], now[40];
	store_session s;
	store_error err;
	report_summary *sm;

	new_session("Autumn", "Camden", 0, old);
	testutil_set_now(TESTUTIL_NOW + 60);   /* "previous" is by creation time */
	new_session("Spring", "Camden", 2, now);
	cr_assert_eq(store_session_find(st, "Spring", &s, &err), 0, "%s", err.message);
	cr_assert_eq(report_summary_load(st, &s, &sm, &err), 0, "%s", err.message);
	cr_assert_eq(sm->session->n_participants, 3);
	cr_assert_eq(sm->rows[SP].stage, 2);
	cr_assert_eq(sm->rows[SP].votes.count[2], 1);
	cr_assert_eq(sm->rows[SV].n_actions, 1);
	cr_assert_not_null(sm->previous);
	cr_assert_eq(sm->rows[SP].change, SUMMARY_CHANGE_UP);
	report_summary_free(sm);
	store_session_clear(&s);
}

Test(store, writes_every_format_to_a_file)
{
	char id[40], path[128], *t;
	store_session s;
	store_error err;
	report_options o = { .format = REPORT_TEXT, .width = 80, .page_length = 66 };
	FILE *f;
	size_t len;

	new_session("Solo", "", 1, id);
	cr_assert_eq(store_session_latest(st, &s, &err), 0, "%s", err.message);
	for (o.format = REPORT_TEXT; o.format <= REPORT_JSON; o.format++) {
		snprintf(path, sizeof path, "%s/out.%d", dir, (int)o.format);
		cr_assert_eq(report_session_to_path(st, &s, &o, path, 0, &err), 0,
			     "%s", err.message);
		cr_assert_eq(report_session_to_path(st, &s, &o, path, 0, &err),
			     STORE_ECANTCREAT);
		cr_assert_not_null(f = fopen(path, "rb"));
		t = calloc(1, 65536);
		len = fread(t, 1, 65535, f);
		fclose(f);
		assert_inert(t, len, path);
		if (o.format == REPORT_TEXT) {
			check_layout(t, 80, 66, 0);
			cr_assert_not_null(strstr(t, "No earlier session of this "
						  "organisation on this matrix."));
		} else {
			python_check(o.format == REPORT_CSV ? "csv" : "json", t, len,
				     o.format == REPORT_CSV ? 7 : 6);
		}
		free(t);
	}
	store_session_clear(&s);
}

Test(store, portfolio_across_organisations)
{
	char id[40], path[128], *t;
	report_options o = { .format = REPORT_TEXT, .width = 80 };
	store_error err;
	FILE *f;
	size_t len;

	new_session("Camden 1", "Camden", 0, id);
	testutil_set_now(TESTUTIL_NOW + 60);
	new_session("Camden 2", "Camden", 2, id);
	new_session("Hackney 1", "Hackney", 2, id);
	new_session("Islington 1", "Islington\033[2J", 1, id);
	snprintf(path, sizeof path, "%s/portfolio.txt", dir);
	cr_assert_eq(report_portfolio_to_path(st, NULL, &o, path, &err), 0,
		     "%s", err.message);
	cr_assert_not_null(f = fopen(path, "rb"));
	t = calloc(1, 65536);
	len = fread(t, 1, 65535, f);
	fclose(f);
	assert_inert(t, len, "portfolio");
	check_layout(t, 80, 0, 0);
	cr_assert_not_null(strstr(t, "Organisations:  3,"), "%s", t);
	cr_assert_not_null(strstr(t, "Enhance (2): Camden, Hackney"), "%s", t);
	cr_assert_not_null(strstr(t, "Build (1): Islington^[[2J"), "%s", t);
	cr_assert_null(strstr(t, "Camden 1"), "only the latest session per org");
	free(t);
	o.page_length = 20;
	cr_assert_eq(report_portfolio_to_path(st, "H*", &o, path, &err), 0);
	o.format = REPORT_CSV;
	cr_assert_eq(report_portfolio_to_path(st, "H*", &o, path, &err), 0, "%s",
		     err.message);
	o.format = REPORT_TEXT;
	cr_assert_eq(report_portfolio_to_path(st, "Nowhere*", &o, path, &err),
		     STORE_ENOINPUT);
}

/* A session on one version of the matrix. */
static void versioned_session(const char *name, content_matrix *m, char id[40])
{
	store_new_session spec;
	store_error err;

	memset(&spec, 0, sizeof spec);
	spec.name = name;
	spec.organisation = "Camden";
	spec.track = CONTENT_TRACK_LGPO;
	cr_assert_eq(store_session_create(st, &spec, m, id, &err), 0, "%s",
		     err.message);
}

static void agree(const char *id, const char *row, int stage)
{
	store_error err;

	cr_assert_eq(store_set_agreed(st, id, row, STORE_ROW_AGREED, stage, &err),
		     0, "%s: %s", row, err.message);
}

static const summary_row *model_row(const report_summary *sm, const char *id)
{
	size_t i;

	for (i = 0; i < sm->n_rows; i++)
		if (strcmp(sm->rows[i].row->id, id) == 0)
			return &sm->rows[i];
	return NULL;
}

/* A matrix from a test file; the test fails if it does not load. */
static content_matrix *load_matrix_file(const char *path)
{
	content_error cerr;
	content_matrix *m = content_load_file(path, &cerr);

	cr_assert_not_null(m, "%s: %s", path, cerr.message);
	return m;
}

/* Sessions on 1.0 and on 1.1 of the built-in matrix compare by row id: a
 * row new in 1.1 says so and is never a change of stage, and a row 1.1
 * dropped is simply not in the model. */
Test(store, compares_across_matrix_versions)
{
	content_matrix *v10 = load_matrix_file(TEST_DATA "/content/nextsteps-1.0.cfg");
	content_matrix *v11 = testutil_builtin();
	char old[40], now[40], *t;
	const summary_row *r;
	size_t len;
	report_summary *sm;
	store_session s;
	store_error err;

	cr_assert_str_eq(v10->version, "1.0");
	cr_assert_str_eq(v11->version, "1.1");
	versioned_session("Autumn", v10, old);
	agree(old, "shared-purpose", 0);
	agree(old, "extended-access", 1);
	agree(old, "workforce-planning", 2);
	versioned_session("Spring", v11, now);
	agree(now, "shared-purpose", 2);
	agree(now, "enhanced-access", 2);
	agree(now, "staff-engagement", 0);
	agree(now, "workforce-planning", 2);
	cr_assert_eq(store_session_find(st, "Spring", &s, &err), 0, "%s", err.message);
	cr_assert_eq(report_summary_load(st, &s, &sm, &err), 0, "%s", err.message);
	cr_assert_not_null(sm->previous);
	cr_assert_str_eq(sm->prev_matrix->version, "1.0");
	cr_assert_eq(model_row(sm, "shared-purpose")->change, SUMMARY_CHANGE_UP);
	cr_assert_eq(model_row(sm, "workforce-planning")->change, SUMMARY_CHANGE_SAME);
	r = model_row(sm, "enhanced-access");
	cr_assert_eq(r->change, SUMMARY_CHANGE_NOT_IN_PREVIOUS);
	cr_assert_null(r->prev_stage_label);
	cr_assert_eq(model_row(sm, "staff-engagement")->change,
		     SUMMARY_CHANGE_NOT_IN_PREVIOUS);
	cr_assert_eq(model_row(sm, "continuity-of-care")->change,
		     SUMMARY_CHANGE_NOT_IN_PREVIOUS, "open rows are not compared either");
	cr_assert_null(model_row(sm, "extended-access"));
	cr_assert_eq(sm->changes.up, 1);
	cr_assert_eq(sm->changes.same, 1);
	cr_assert_eq(sm->changes.added, 0, "a new row is not 'agreed for the first time'");
	cr_assert_eq(sm->changes.not_in_previous, 11);
	t = render(sm, REPORT_TEXT, 200, 0, 0, &len);
	cr_assert_not_null(strstr(t, "Agreed for the first time: 0."), "%s", t);
	cr_assert_not_null(strstr(t, "Enhanced access: evening and Saturday "
				  "appointments: not in version 1.0"), "%s", t);
	cr_assert_null(strstr(t, "\nAgreed for the first time\n"), "%s", t);
	cr_assert_null(strstr(t, "appointments: Enhance"), "%s", t);
	cr_assert_not_null(strstr(t, "Shared purpose and priorities: Start -> Enhance"));
	free(t);
	report_summary_free(sm);
	store_session_clear(&s);
	content_free(v10);
	content_free(v11);
}

/* A session of `org` on `m`, created at `when`. */
static void dated_session(const char *name, const char *org, content_matrix *m,
			  long long when, char id[40])
{
	testutil_set_now(when);
	testutil_new_session(st, m, name, org, 0, 0, id);
}

static report_summary *load_named(const char *name, store_session *s)
{
	report_summary *sm;
	store_error err;

	cr_assert_eq(store_session_find(st, name, s, &err), 0, "%s", err.message);
	cr_assert_eq(report_summary_load(st, s, &sm, &err), 0, "%s", err.message);
	return sm;
}

#define YEAR_2024 1704067200LL     /* 2024-01-01 UTC */
#define YEAR_2025 1735689600LL
#define YEAR_2026 1767225600LL

/* In a real store: a row agreed last time that this session has not
 * reached is not yet discussed; one agreed here and then cleared is no
 * longer agreed. */
Test(store, not_reached_is_not_withdrawn)
{
	char old[40], now[40];
	report_summary *sm;
	store_session s;
	store_error err;
	char *t;

	dated_session("Last year", "Camden", sm_matrix, YEAR_2025, old);
	agree(old, "shared-purpose", 1);
	agree(old, "system-voice", 1);
	dated_session("This year", "Camden", sm_matrix, YEAR_2026, now);
	agree(now, "system-voice", 2);
	cr_assert_eq(store_set_agreed(st, now, "system-voice", STORE_ROW_OPEN, -1,
				      &err), 0, "%s", err.message);
	sm = load_named("This year", &s);
	cr_assert_eq(model_row(sm, "shared-purpose")->change,
		     SUMMARY_CHANGE_NOT_REACHED);
	cr_assert_eq(model_row(sm, "system-voice")->change, SUMMARY_CHANGE_DROPPED);
	t = render(sm, REPORT_TEXT, 200, 0, 0, NULL);
	cr_assert_not_null(strstr(t, "No longer agreed: 1. Not yet discussed: 1."),
			   "%s", t);
	free(t);
	report_summary_free(sm);
	store_session_clear(&s);
}

/* Three sessions of one organisation, created out of order, on 1.0 and
 * 1.1: the trend is oldest first and a row 1.0 lacked is "-". */
Test(store, trend_across_three_sessions_and_versions)
{
	content_matrix *v10 = load_matrix_file(TEST_DATA "/content/nextsteps-1.0.cfg");
	content_matrix *v11 = testutil_builtin();
	char a[40], b[40], c[40], *t, *json;
	const summary_row *sp, *ea;
	report_summary *sm;
	store_session s;
	size_t n;

	dated_session("Middle", "Camden", v11, YEAR_2025, b);
	dated_session("Latest", "Camden", v11, YEAR_2026, c);
	dated_session("Oldest", "CAMDEN", v10, YEAR_2024, a);
	agree(a, "shared-purpose", 0);
	agree(b, "shared-purpose", 1);
	agree(b, "enhanced-access", 2);
	agree(c, "shared-purpose", 1);
	agree(c, "enhanced-access", 2);
	sm = load_named("Latest", &s);
	n = sm->trend.n;
	cr_assert_eq(n, 3);
	cr_assert_str_eq(sm->trend.sessions[0]->name, "Oldest");
	cr_assert_str_eq(sm->trend.sessions[1]->name, "Middle");
	cr_assert_str_eq(sm->trend.sessions[2]->name, "Latest");
	sp = model_row(sm, "shared-purpose");
	ea = model_row(sm, "enhanced-access");
	cr_assert_eq(sm->trend.stages[(size_t)(sp - sm->rows) * n + 0], 0);
	cr_assert_eq(sm->trend.stages[(size_t)(sp - sm->rows) * n + 2], 1);
	cr_assert_eq(sm->trend.stages[(size_t)(ea - sm->rows) * n + 0],
		     SUMMARY_NOT_IN_VERSION);
	cr_assert_eq(sm->trend.section_stages[sp->section * n + 0], 0);
	t = render(sm, REPORT_TEXT, 200, 0, 0, NULL);
	cr_assert_not_null(strstr(t, "Shared purpose and priorities: 2024 Start  "
				  "2025 Build  2026 Build"), "%s", t);
	cr_assert_not_null(strstr(t, "appointments: 2024 -  2025 Enhance  "
				  "2026 Enhance"), "%s", t);
	cr_assert_not_null(strstr(t, "- not in that version"), "%s", t);
	free(t);
	json = render(sm, REPORT_JSON, 80, 0, 0, NULL);
	cr_assert_not_null(strstr(json, "\"history\":[{\"session\":\"Oldest\","
				  "\"date\":\"2024-01-01\",\"stage\":\"start\""),
			   "%s", json);
	cr_assert_not_null(strstr(json, "{\"session\":\"Oldest\",\"date\":"
				  "\"2024-01-01\",\"stage\":null,\"in_version\":false}"),
			   "%s", json);
	free(json);
	report_summary_free(sm);
	store_session_clear(&s);
	content_free(v10);
	content_free(v11);
}

/* The trend keeps the latest SUMMARY_TREND_MAX earlier sessions, so a
 * report's length and cost do not grow with the years. */
Test(store, trend_keeps_the_latest_earlier_sessions)
{
	char id[40], name[32];
	report_summary *sm;
	store_session s;
	int k;

	for (k = 0; k < SUMMARY_TREND_MAX + 2; k++) {
		snprintf(name, sizeof name, "Year %d", k);
		dated_session(name, "Camden", sm_matrix, YEAR_2024 + k * 86400LL, id);
	}
	sm = load_named(name, &s);
	cr_assert_eq(sm->trend.n, SUMMARY_TREND_MAX + 1);
	cr_assert_str_eq(sm->trend.sessions[0]->name, "Year 1", "the oldest is left out");
	cr_assert_str_eq(sm->trend.sessions[SUMMARY_TREND_MAX]->name, name);
	report_summary_free(sm);
	store_session_clear(&s);
}

/* Sessions created in the same second follow their creation order in the
 * trend, as they do for the previous session: the third of three has both
 * earlier ones. */
Test(store, trend_orders_sessions_of_one_second_by_creation)
{
	char id[40];
	report_summary *sm;
	store_session s;

	dated_session("Q1", "Riverside", sm_matrix, YEAR_2026, id);
	dated_session("Q2", "Riverside", sm_matrix, YEAR_2026, id);
	dated_session("Q3", "Riverside", sm_matrix, YEAR_2026, id);
	sm = load_named("Q3", &s);
	cr_assert_eq(sm->trend.n, 3);
	cr_assert_str_eq(sm->trend.sessions[0]->name, "Q1");
	cr_assert_str_eq(sm->trend.sessions[1]->name, "Q2");
	cr_assert_str_eq(sm->trend.sessions[2]->name, "Q3");
	report_summary_free(sm);
	store_session_clear(&s);
	sm = load_named("Q1", &s);
	cr_assert_not(summary_trend_shown(sm), "the first session has no trend");
	report_summary_free(sm);
	store_session_clear(&s);
}

/* Two other organisations give no benchmark; a third gives the median of
 * their latest sessions, never their names. */
Test(store, benchmark_needs_three_other_organisations)
{
	char id[40], *t, *json;
	report_summary *sm;
	store_session s;
	size_t sec;

	dated_session("Ours", "Camden", sm_matrix, YEAR_2026, id);
	agree(id, "shared-purpose", 0);
	dated_session("Ash old", "Ash", sm_matrix, YEAR_2024, id);
	agree(id, "shared-purpose", 0);
	dated_session("Ash new", "ASH", sm_matrix, YEAR_2025, id);
	agree(id, "shared-purpose", 2);
	dated_session("Birch", "Birch", sm_matrix, YEAR_2025, id);
	agree(id, "shared-purpose", 0);
	sm = load_named("Ours", &s);
	cr_assert_eq(sm->other_organisations, 2);
	cr_assert_null(sm->benchmark);
	t = render(sm, REPORT_TEXT, 200, 0, 0, NULL);
	cr_assert_not_null(strstr(t, "Benchmark: fewer than three other "
				  "organisations on this matrix."), "%s", t);
	free(t);
	json = render(sm, REPORT_JSON, 80, 0, 0, NULL);
	cr_assert_not_null(strstr(json, "\"benchmark\":null"), "%s", json);
	free(json);
	report_summary_free(sm);
	store_session_clear(&s);

	dated_session("Cedar", "Cedar", sm_matrix, YEAR_2025, id);
	agree(id, "shared-purpose", 1);
	sm = load_named("Ours", &s);
	cr_assert_eq(sm->other_organisations, 3);
	cr_assert_not_null(sm->benchmark);
	sec = model_row(sm, "shared-purpose")->section;
	cr_assert_eq(sm->benchmark[sec].organisations, 3);
	cr_assert_eq(sm->benchmark[sec].median, 1, "median of Start, Build, Enhance");
	t = render(sm, REPORT_TEXT, 200, 0, 0, NULL);
	cr_assert_not_null(strstr(t, "others Build (3 organisations); here Start"),
			   "%s", t);
	cr_assert_null(strstr(t, "Birch"), "%s", t);
	cr_assert_null(strstr(t, "Cedar"), "%s", t);
	free(t);
	json = render(sm, REPORT_JSON, 80, 0, 0, NULL);
	cr_assert_not_null(strstr(json, "\"benchmark\":{\"organisations\":3,"
				  "\"median_stage\":\"build\"}"), "%s", json);
	cr_assert_null(strstr(json, "Birch"), "%s", json);
	free(json);
	report_summary_free(sm);
	store_session_clear(&s);
}

/* The glossary is in every text report of a matrix that has one; the
 * prompts and evidence only when asked for. */
Test(store, glossary_appendix_and_prompts_on_request)
{
	content_error cerr;
	content_matrix *m = content_load_builtin(&cerr);
	report_options o = { .format = REPORT_TEXT, .width = 80 };
	char id[40], *t = NULL;
	store_session s;
	store_error err;
	size_t len;
	FILE *f;

	cr_assert_not_null(m, "%s", cerr.message);
	versioned_session("Glossed", m, id);
	cr_assert_eq(store_session_find(st, "Glossed", &s, &err), 0, "%s", err.message);
	for (o.with_prompts = 0; o.with_prompts <= 1; o.with_prompts++) {
		cr_assert_not_null(f = open_memstream(&t, &len));
		cr_assert_eq(report_session_write(st, &s, &o, f, &err), 0, "%s",
			     err.message);
		fclose(f);
		cr_assert_not_null(strstr(t, "Appendix: glossary\n=================="));
		cr_assert_not_null(strstr(t, "\nARRS  Additional Roles Reimbursement "
					  "Scheme:"), "%s", t);
		cr_assert_not_null(strstr(t, "\nQI    Quality improvement:"), "%s", t);
		if (o.with_prompts) {
			cr_assert_not_null(strstr(t, "  Prompt: If a new practice manager "
						  "asked what the group is for,"), "%s", t);
			cr_assert_not_null(strstr(t, "  Evidence: A written statement of "
						  "shared aims,"), "%s", t);
		} else {
			cr_assert_null(strstr(t, "Prompt:"));
			cr_assert_null(strstr(t, "Evidence:"));
		}
		check_layout(t, 80, 0, 0);
		free(t);
		t = NULL;
	}
	store_session_clear(&s);
	content_free(m);
}

/* A session of organisation `org` on matrix `m`, agreeing `row` at `stage`. */
static void org_session(const char *name, const char *org, content_matrix *m,
			const char *row, int stage)
{
	char id[40];

	testutil_new_session(st, m, name, org, 0, 0, id);
	if (row)
		agree(id, row, stage);
}

/* The number of '#' on the line of the portfolio that starts with `lead`
 * after `from`; -1 when there is none. */
static int bar_after(const char *t, const char *from, const char *lead)
{
	const char *p = strstr(t, from), *e;
	int n = 0;

	if (!p || !(p = strstr(p, lead)))
		return -1;
	e = strchr(p, '\n');
	for (; *p && p != e; p++)
		n += *p == '#';
	return n;
}

/* Sessions on another matrix get their own part; versions of one matrix
 * are compared by row id with the version named; the longest bar is the
 * largest count. */
Test(store, portfolio_groups_by_matrix_and_scales_bars)
{
	content_matrix *v10 = load_matrix_file(TEST_DATA "/content/nextsteps-1.0.cfg");
	content_matrix *v11 = testutil_builtin();
	content_matrix *small = load_matrix_file(TEST_DATA "/small.cfg");
	report_options o = { .format = REPORT_TEXT, .width = 80 };
	char path[128], *t;
	store_error err;
	FILE *f;
	size_t len;
	int full, less;

	org_session("C", "Camden", v11, "shared-purpose", 0);
	org_session("H", "Hackney", v11, "shared-purpose", 0);
	org_session("K", "Kensington", v11, "shared-purpose", 0);
	org_session("I", "Islington", v10, "shared-purpose", 1);
	org_session("B", "Barnet", small, "alpha-one", 2);
	snprintf(path, sizeof path, "%s/portfolio.txt", dir);
	cr_assert_eq(report_portfolio_to_path(st, NULL, &o, path, &err), 0,
		     "%s", err.message);
	cr_assert_not_null(f = fopen(path, "rb"));
	t = calloc(1, 1 << 20);
	len = fread(t, 1, (1 << 20) - 1, f);
	fclose(f);
	assert_inert(t, len, "portfolio");
	cr_assert_not_null(strstr(t, "Sessions on 2 different matrices"), "%s", t);
	cr_assert_lt(strstr(t, "Small test matrix"), strstr(t, "Next Steps to"),
		     "the matrix of the latest session comes first");
	cr_assert_not_null(strstr(t, "Small test matrix, version 1 (small)"), "%s", t);
	cr_assert_not_null(strstr(t, "Versions:       1.1 (3), 1.0 (1)"), "%s", t);
	cr_assert_not_null(strstr(t, "Build (1): Islington (version 1.0)"), "%s", t);
	cr_assert_not_null(strstr(t, "Start (3): Camden, Hackney, Kensington"), "%s", t);
	cr_assert_not_null(strstr(t, "Enhance (1): Barnet"), "%s", t);
	/* Leadership: 4 organisations x its rows, 4 of them at Start */
	full = bar_after(t, "\nLeadership, governance", "  Not yet agreed");
	less = bar_after(t, "\nLeadership, governance", "  Start");
	cr_assert_eq(full, 80 - 27, "the largest count draws the whole bar");
	cr_assert_gt(less, 0);
	cr_assert_lt(less, full, "a smaller count draws a shorter bar");
	free(t);
	content_free(v10);
	content_free(v11);
	content_free(small);
}

/* The history in all three forms: newest first, who made each change,
 * user text made inert, CSV guarded, JSON exact. */
Test(store, history_in_text_csv_and_json)
{
	report_options o = { .format = REPORT_TEXT };
	store_session s;
	store_change c;
	store_error err;
	char id[40], *t;
	size_t len;
	FILE *f;
	int undone;

	new_session("=Camden", "Camden", 1, id);
	store_set_actor(st, 1);
	cr_assert_eq(store_set_vote(st, id, "shared-purpose", 1, 0, &err), 0);
	store_set_actor(st, STORE_FACILITATOR);
	cr_assert_eq(store_set_note(st, id, "shared-purpose", "later", &err), 0);
	cr_assert_eq(store_undo_entry(st, id, &c, &undone, &err), 0);
	store_change_clear(&c);
	cr_assert_eq(store_session_find(st, id, &s, &err), 0, "%s", err.message);
	for (o.format = REPORT_TEXT; o.format <= REPORT_JSON; o.format++) {
		t = NULL;
		len = 0;
		cr_assert_not_null(f = open_memstream(&t, &len));
		cr_assert_eq(history_write(st, &s, &o, f, &err), 0, "%s", err.message);
		fclose(f);
		assert_inert(t, len, "history");
		if (o.format == REPORT_TEXT) {
			cr_assert_not_null(strstr(t, "History of '=Camden': 8 changes, newest first\n"), "%s", t);
			cr_assert_not_null(strstr(t, "  facilitator  shared-purpose  Undid: Changed the note on shared-purpose\n"), "%s", t);
			cr_assert_not_null(strstr(t, "  Bob^[[2J  shared-purpose  Bob^[[2J voted Start: Enhance -> Start\n"), "%s", t);
			cr_assert_not_null(strstr(t, "changed the note: 'a^[]0;x^Gb' -> 'later'  [undone]"), "%s", t);
			cr_assert_lt(strstr(t, "Undid:"), strstr(t, "created the session"),
				     "newest first");
		} else if (o.format == REPORT_CSV) {
			cr_assert_not_null(strstr(t, ",'=Camden,"), "formula guard: %s", t);
			cr_assert_not_null(strstr(t, ",Bob^[[2J,participant,shared-purpose,vote,"), "%s", t);
			{
				size_t lines = 0;
				const char *p;

				for (p = t; (p = strstr(p, "\r\n")); p += 2)
					lines++;
				cr_assert_eq(lines, 9, "a header and 8 changes:\n%s", t);
			}
		} else {
			cr_assert_not_null(strstr(t, "\"who\":\"Bob\\u001b[2J\""), "%s", t);
			cr_assert_not_null(strstr(t, "\"table\":\"history\""), "%s", t);
			cr_assert_not_null(strstr(t, "\"status\":\"undone\""), "%s", t);
		}
		free(t);
	}
	store_session_clear(&s);
}
