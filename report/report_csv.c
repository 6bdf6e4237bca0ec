/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_csv.c - the CSV export of one session.  With a table asked for
 * (--table) it is one of the tidy tables of report_table.h, the shape
 * `report --all` writes; otherwise the session's own layout documented in
 * report.h: one line per row for the agreed stage and one per
 * participant's vote, with the row's note and actions on the agreed line,
 * kept for the scripts and spreadsheets that read it.  User text that a
 * spreadsheet would run as a formula is prefixed with a quote. */
#include "report.h"

#include "report_table.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct csv_out {
	FILE *out;
	int failed;
	int first;          /* no comma before the first field of a line */
	int guard;          /* a leading ' before = + - @ */
} csv_out;

/* One field: quoted when it holds a comma, quote, CR or LF (RFC 4180). */
static void put_raw(csv_out *c, const char *s)
{
	const char *p;

	if (!c->first)
		fputc(',', c->out);
	c->first = 0;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, c->out);
		return;
	}
	fputc('"', c->out);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', c->out);
		fputc(*p, c->out);
	}
	fputc('"', c->out);
}

/* User text: control characters made visible (newlines kept only where
 * asked), then guarded against formula injection. */
static void put_text(csv_out *c, const char *s, int keep_newlines)
{
	char *t = text_clean(s ? s : "", keep_newlines ? TEXT_KEEP_NEWLINES : 0);
	char *g;

	if (!t) {
		c->failed = 1;
		return;
	}
	if (c->guard && strchr("=+-@\t\r", t[0]) && t[0]) {
		if (!(g = malloc(strlen(t) + 2))) {
			c->failed = 1;
			free(t);
			return;
		}
		g[0] = '\'';
		strcpy(g + 1, t);
		free(t);
		t = g;
	}
	put_raw(c, t);
	free(t);
}

static void end_line(csv_out *c)
{
	fputs("\r\n", c->out);
	c->first = 1;
}

/* The columns every line starts with: session up to row. */
static void put_row_keys(csv_out *c, const report_summary *sm,
			 const summary_row *r)
{
	const content_section *sec = sm->sections[r->section].section;

	put_text(c, sm->session->name, 0);
	put_text(c, sm->session->organisation, 0);
	put_raw(c, sec->id);
	put_text(c, sec->title, 0);
	put_raw(c, r->row->id);
	put_text(c, r->row->title, 0);
}

/* "text [owner, due, done]; ..." in creation order. */
static char *actions_text(const summary_row *r)
{
	size_t i, len = 1;
	char *s;

	for (i = 0; i < r->n_actions; i++) {
		const store_action *a = r->actions[i];

		len += strlen(a->text) + strlen(a->owner ? a->owner : "") +
		       strlen(a->due ? a->due : "") + 16;
	}
	if (!(s = calloc(len, 1)))
		return NULL;
	for (i = 0; i < r->n_actions; i++) {
		const store_action *a = r->actions[i];
		const char *own = a->owner ? a->owner : "", *due = a->due ? a->due : "";
		int bracket = *own || *due || a->done;

		sprintf(s + strlen(s), "%s%s%s%s%s%s%s%s", i ? "; " : "", a->text,
			bracket ? " [" : "", own, *own && (*due || a->done) ? ", " : "",
			due, *due && a->done ? ", " : "", a->done ? "done" : "");
		if (bracket)
			strcat(s, "]");
	}
	return s;
}

static void put_agreed_line(csv_out *c, const report_summary *sm,
			    const summary_row *r)
{
	const content_stage *st = r->stage >= 0 ? &sm->matrix->stages[r->stage] : NULL;
	enum store_row_state state = r->state;
	char *acts = actions_text(r);

	put_row_keys(c, sm, r);
	put_raw(c, "");
	put_raw(c, st ? st->id : "");
	put_text(c, st ? st->label : "", 0);
	put_raw(c, summary_state_name(state));
	put_text(c, r->note, 1);
	if (!acts)
		c->failed = 1;
	put_text(c, acts ? acts : "", 0);
	free(acts);
	end_line(c);
}

static void put_vote_lines(csv_out *c, const report_summary *sm,
			   const summary_row *r)
{
	const store_session *s = sm->session;
	size_t p;

	if (!r->answer || !r->answer->votes || r->votes.hidden)
		return;
	for (p = 0; p < sm->answers->n_participants; p++) {
		int v = r->answer->votes[p];
		int on_stage = v >= 0 && (size_t)v < sm->matrix->n_stages;
		char name[48];

		if (!on_stage && v != STORE_VOTE_DONT_KNOW)
			continue;
		snprintf(name, sizeof name, "Participant %zu", p + 1);
		put_row_keys(c, sm, r);
		put_text(c, p < s->n_participants ? s->participants[p] : name, 0);
		put_raw(c, on_stage ? sm->matrix->stages[v].id : "");
		put_text(c, on_stage ? sm->matrix->stages[v].label : "", 0);
		put_raw(c, on_stage ? "vote" : "dont_know");
		put_raw(c, "");
		put_raw(c, "");
		end_line(c);
	}
}

/* One of the tidy tables, for this session alone. */
static int write_table(const report_summary *sm, const report_options *o,
		       FILE *out)
{
	report_table *t;
	store_error err;
	int rc;

	if (!(t = report_table_new(o->table, &err)))
		return -1;
	rc = report_table_add_summary(t, sm, &err) == 0 ? report_table_write(t, o, out)
							: -1;
	report_table_free(t);
	return rc;
}

int report_write_csv(const report_summary *sm, const report_options *o,
		     FILE *out)
{
	csv_out c = { out, 0, 1, !o->no_formula_guard };
	size_t i;

	if (o->table != REPORT_TABLE_DEFAULT)
		return write_table(sm, o, out);
	if (o->bom)
		fputs("\xef\xbb\xbf", out);
	fputs("session,organisation,section_id,section,row_id,row,participant,"
	      "stage_id,stage_label,state,note,actions\r\n", out);
	for (i = 0; i < sm->n_rows; i++) {
		put_agreed_line(&c, sm, &sm->rows[i]);
		put_vote_lines(&c, sm, &sm->rows[i]);
	}
	return c.failed || ferror(out) ? -1 : 0;
}
