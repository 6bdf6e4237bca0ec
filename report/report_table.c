/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_table.c - the tidy tables of the exports, kept in an in-memory
 * SQLite database so that one set of rows yields both the CSV and the JSON
 * (made by SQLite's JSON functions).  See report_table.h. */
#include "report_table.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rowfacts.h"
#include "text.h"

enum col_kind {
	COL_ID,     /* ids, fixed words, dates: cleaned, never guarded */
	COL_TEXT,   /* text someone typed or a file said: cleaned, guarded */
	COL_NOTE,   /* like COL_TEXT, newlines kept */
	COL_INT
};

typedef struct col {
	const char *name;
	int kind;
} col;

static const col answers_cols[] = {
	{ "session_id", COL_ID }, { "session", COL_TEXT },
	{ "organisation", COL_TEXT }, { "type", COL_ID }, { "date", COL_ID },
	{ "matrix_id", COL_ID }, { "matrix_version", COL_TEXT },
	{ "section_id", COL_ID }, { "row_id", COL_ID },
	{ "participant", COL_TEXT }, { "stage_number", COL_INT },
	{ "stage_id", COL_ID }, { "stage_label", COL_TEXT }, { "state", COL_ID },
	{ "when", COL_ID }, { "note", COL_NOTE }, { NULL, 0 }
};
static const col actions_cols[] = {
	{ "session_id", COL_ID }, { "session", COL_TEXT },
	{ "organisation", COL_TEXT }, { "row_id", COL_ID }, { "text", COL_TEXT },
	{ "owner", COL_TEXT }, { "due", COL_TEXT }, { "status", COL_ID },
	{ "brought_from", COL_TEXT }, { "brought_from_id", COL_ID }, { NULL, 0 }
};
static const col sessions_cols[] = {
	{ "session_id", COL_ID }, { "name", COL_TEXT },
	{ "organisation", COL_TEXT }, { "type", COL_ID },
	{ "facilitator", COL_TEXT }, { "created", COL_ID }, { "updated", COL_ID },
	{ "planned_minutes", COL_INT }, { "rows", COL_INT }, { "agreed", COL_INT },
	{ "matrix_id", COL_ID }, { "matrix_version", COL_TEXT }, { NULL, 0 }
};
static const col list_cols[] = {
	{ "session_id", COL_ID }, { "name", COL_TEXT },
	{ "organisation", COL_TEXT }, { "type", COL_ID },
	{ "facilitator", COL_TEXT }, { "created", COL_ID }, { "updated", COL_ID },
	{ "rows", COL_INT }, { "answered", COL_INT }, { "matrix_id", COL_ID },
	{ "matrix_version", COL_TEXT }, { NULL, 0 }
};
static const col portfolio_cols[] = {
	{ "organisation", COL_TEXT }, { "session_id", COL_ID },
	{ "session", COL_TEXT }, { "date", COL_ID }, { "matrix_id", COL_ID },
	{ "matrix_version", COL_TEXT }, { "section_id", COL_ID },
	{ "row_id", COL_ID }, { "stage_number", COL_INT }, { "stage_id", COL_ID },
	{ "stage_label", COL_TEXT }, { "state", COL_ID }, { NULL, 0 }
};

static const col history_cols[] = {
	{ "session_id", COL_ID }, { "session", COL_TEXT },
	{ "change_id", COL_INT }, { "at", COL_ID }, { "who", COL_TEXT },
	{ "actor", COL_ID }, { "row_id", COL_ID }, { "kind", COL_ID },
	{ "what", COL_TEXT }, { "before", COL_TEXT }, { "after", COL_TEXT },
	{ "status", COL_ID }, { "undoes", COL_INT }, { NULL, 0 }
};

struct report_table {
	report_table_kind kind;
	const char *name;           /* "answers", ... in the JSON document */
	const col *cols;
	int n_cols;
	sqlite3 *db;
	sqlite3_stmt *insert;
};

/* ---------------------------------------------------------- scratch db */

sqlite3 *report_scratch_open(int large)
{
	sqlite3 *db = NULL;

	/* "" is a private temporary database: pages beyond its cache go to
	 * a file that is deleted on close, so memory stays bounded. */
	if (sqlite3_open_v2(large ? "" : ":memory:", &db, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

int report_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	size_t len, k = 0, n;
	unsigned long cp;
	char *fixed;

	if (!s)
		return sqlite3_bind_null(stmt, i);
	len = strlen(s);
	if (text_utf8_valid(s, len))
		return sqlite3_bind_text(stmt, i, s, (int)len, SQLITE_TRANSIENT);
	/* U+FFFD takes 3 bytes where the bad byte took one. */
	if (!(fixed = malloc(len * 3 + 1)))
		return SQLITE_NOMEM;
	while ((n = text_decode(s, len, &cp)) > 0) {
		k += text_encode(cp, fixed + k);
		s += n;
		len -= n;
	}
	return sqlite3_bind_text(stmt, i, fixed, (int)k, free);
}

/* Characters a terminal acts on, or that reorder what it shows. */
static int needs_escape(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
	       cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Outside strings a JSON text holds only ASCII punctuation, digits and
 * words, so escaping these characters wherever they are stays valid JSON
 * and decodes to the same string. */
static void json_write(const char *json, FILE *out)
{
	const char *run = json;
	size_t len = strlen(json), n;
	unsigned long cp;

	/* Runs of plain text go out in one fwrite: a table of every workshop
	 * is hundreds of megabytes. */
	while ((n = text_decode(json, len, &cp)) > 0) {
		if (cp >= 0x20 && cp < 0x7F) {
			json += n;
			len -= n;
			continue;
		}
		fwrite(run, 1, (size_t)(json - run), out);
		if (cp != '\n' && needs_escape(cp))
			fprintf(out, "\\u%04lx", cp);
		else
			fwrite(json, 1, n, out);
		json += n;
		len -= n;
		run = json;
	}
	fwrite(run, 1, (size_t)(json - run), out);
}

int report_json_put(const char *json, FILE *out)
{
	json_write(json, out);
	fputc('\n', out);
	return ferror(out) ? -1 : 0;
}

void report_iso_time(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, size, "%s", "");
}

/* The local date a session was created: the day of the workshop. */
static void local_date(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm) || !strftime(buf, size, "%Y-%m-%d", &tm))
		snprintf(buf, size, "%s", "");
}

/* ---------------------------------------------------------- the table */

static int fail(store_error *err, int status, const char *msg)
{
	err->status = status;
	snprintf(err->message, sizeof err->message, "%s", msg);
	return status;
}

static int create_table(report_table *t)
{
	char sql[1024];
	size_t k;
	int i;

	k = (size_t)snprintf(sql, sizeof sql, "CREATE TABLE t (");
	for (i = 0; i < t->n_cols; i++)
		k += (size_t)snprintf(sql + k, sizeof sql - k, "%s\"%s\"",
				      i ? ", " : "", t->cols[i].name);
	snprintf(sql + k, sizeof sql - k, ")");
	/* Scratch data: no journal, and one transaction for all the rows. */
	if (sqlite3_exec(t->db, "PRAGMA journal_mode = OFF", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(t->db, sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(t->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	k = (size_t)snprintf(sql, sizeof sql, "INSERT INTO t VALUES (");
	for (i = 0; i < t->n_cols; i++)
		k += (size_t)snprintf(sql + k, sizeof sql - k, "%s?", i ? ", " : "");
	snprintf(sql + k, sizeof sql - k, ")");
	return sqlite3_prepare_v2(t->db, sql, -1, &t->insert, NULL) == SQLITE_OK ? 0 : -1;
}

report_table *report_table_new(report_table_kind kind, store_error *err)
{
	static const struct { const char *name; const col *cols; } kinds[] = {
		{ "answers", answers_cols }, { "answers", answers_cols },
		{ "actions", actions_cols }, { "sessions", sessions_cols },
		{ "list", list_cols }, { "portfolio", portfolio_cols },
		{ "history", history_cols }
	};
	report_table *t;

	if ((unsigned)kind >= sizeof kinds / sizeof kinds[0]) {
		fail(err, STORE_EUSAGE, "no such table");
		return NULL;
	}
	if (!(t = calloc(1, sizeof *t))) {
		fail(err, STORE_EOS, "out of memory");
		return NULL;
	}
	t->kind = kind == REPORT_TABLE_DEFAULT ? REPORT_TABLE_ANSWERS : kind;
	t->name = kinds[t->kind].name;
	t->cols = kinds[t->kind].cols;
	while (t->cols[t->n_cols].name)
		t->n_cols++;
	if (!(t->db = report_scratch_open(1)) || create_table(t) != 0) {
		report_table_free(t);
		fail(err, STORE_EOS, "cannot build the export: out of memory");
		return NULL;
	}
	return t;
}

void report_table_free(report_table *t)
{
	if (!t)
		return;
	sqlite3_finalize(t->insert);
	sqlite3_close(t->db);
	free(t);
}

/* One line of the table: `v` holds a string per column (NULL for none);
 * integer columns are given as decimal text and stored as integers. */
static int add_line(report_table *t, const char *const *v, store_error *err)
{
	int i, rc = SQLITE_OK;

	for (i = 0; i < t->n_cols && rc == SQLITE_OK; i++) {
		if (t->cols[i].kind == COL_INT && v[i])
			rc = sqlite3_bind_int64(t->insert, i + 1, atoll(v[i]));
		else
			rc = report_bind_text(t->insert, i + 1, v[i]);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_step(t->insert) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
	sqlite3_reset(t->insert);
	sqlite3_clear_bindings(t->insert);
	if (rc != SQLITE_OK)
		return fail(err, STORE_EOS, "cannot build the export: out of memory");
	return 0;
}

/* Participant p's name; "Participant N" past the end of the list. */
static const char *participant_name(const store_session *s, size_t p, char *buf,
				    size_t size)
{
	if (p < s->n_participants)
		return s->participants[p];
	snprintf(buf, size, "Participant %zu", p + 1);
	return buf;
}

typedef struct session_keys {
	char date[16], created[32], updated[32];
} session_keys;

static void keys_of(const store_session *s, session_keys *k)
{
	local_date(s->created, k->date, sizeof k->date);
	report_iso_time(s->created, k->created, sizeof k->created);
	report_iso_time(s->updated, k->updated, sizeof k->updated);
}

/* The agreed line of a row, then one line per vote shown. */
static int add_answer_lines(report_table *t, const report_summary *sm,
			    const summary_row *r, const session_keys *k,
			    store_error *err)
{
	const store_session *s = sm->session;
	const content_matrix *m = sm->matrix;
	const content_stage *st = r->stage >= 0 ? &m->stages[r->stage] : NULL;
	char num[16], name[48];
	const char *v[16] = { s->id, s->name, s->organisation,
		content_track_name(s->track), k->date, m->id, m->version,
		sm->sections[r->section].section->id, r->row->id, NULL, NULL,
		st ? st->id : NULL, st ? st->label : NULL,
		summary_state_name(r->state), "during", r->note };
	size_t p;
	int rc;

	snprintf(num, sizeof num, "%d", r->stage + 1);
	v[10] = st ? num : NULL;
	if ((rc = add_line(t, v, err)) != 0)
		return rc;
	if (!r->answer || !r->answer->votes || r->votes.hidden)
		return 0;
	for (p = 0; p < sm->answers->n_participants; p++) {
		int vote = r->answer->votes[p];
		int on_stage = vote >= 0 && (size_t)vote < m->n_stages;

		if (!on_stage && vote != STORE_VOTE_DONT_KNOW)
			continue;
		snprintf(num, sizeof num, "%d", vote + 1);
		v[9] = participant_name(s, p, name, sizeof name);
		v[10] = on_stage ? num : NULL;
		v[11] = on_stage ? m->stages[vote].id : NULL;
		v[12] = on_stage ? m->stages[vote].label : NULL;
		v[13] = on_stage ? "vote" : "dont_know";
		v[14] = rowfacts_when_word(r->answer, p);
		v[15] = NULL;
		if ((rc = add_line(t, v, err)) != 0)
			return rc;
	}
	return 0;
}

/* The session's own actions (a carried-forward one names the session it
 * came from), then every action brought from the previous session with
 * its outcome as the status. */
static int add_actions(report_table *t, const report_summary *sm,
		       store_error *err)
{
	const store_session *s = sm->session;
	const store_answers *a = sm->answers;
	size_t i;
	int rc;

	for (i = 0; i < a->n_actions; i++) {
		const store_action *x = &a->actions[i];
		const store_brought *b = store_answers_brought_for(a, x->id);
		const char *v[10] = { s->id, s->name, s->organisation, x->row_id,
			x->text, x->owner, x->due, x->done ? "done" : "open",
			b ? b->from_name : NULL, b ? b->from_id : NULL };

		if ((rc = add_line(t, v, err)) != 0)
			return rc;
	}
	for (i = 0; i < a->n_brought; i++) {
		const store_brought *b = &a->brought[i];
		const char *v[10] = { s->id, s->name, s->organisation, b->row_id,
			b->text, b->owner, b->due, store_outcome_name(b->outcome),
			b->from_name, b->from_id };

		if ((rc = add_line(t, v, err)) != 0)
			return rc;
	}
	return 0;
}

static int add_session(report_table *t, const report_summary *sm,
		       const session_keys *k, store_error *err)
{
	const store_session *s = sm->session;
	char rows[16], agreed[16], planned[16];
	const char *v[12] = { s->id, s->name, s->organisation,
		content_track_name(s->track), s->facilitator, k->created,
		k->updated, planned, rows, agreed, sm->matrix->id, sm->matrix->version };
	size_t i;
	int n = 0;

	snprintf(planned, sizeof planned, "%d", s->planned_minutes);

	for (i = 0; i < sm->matrix->n_stages && i < CONTENT_MAX_STAGES; i++)
		n += sm->totals.at_stage[i];
	snprintf(rows, sizeof rows, "%d", sm->totals.rows);
	snprintf(agreed, sizeof agreed, "%d", n);
	return add_line(t, v, err);
}

int report_table_add_summary(report_table *t, const report_summary *sm,
			     store_error *err)
{
	session_keys k;
	size_t i;
	int rc;

	keys_of(sm->session, &k);
	switch (t->kind) {
	case REPORT_TABLE_ACTIONS:
		return add_actions(t, sm, err);
	case REPORT_TABLE_SESSIONS:
		return add_session(t, sm, &k, err);
	case REPORT_TABLE_ANSWERS:
		for (i = 0; i < sm->n_rows; i++)
			if ((rc = add_answer_lines(t, sm, &sm->rows[i], &k, err)) != 0)
				return rc;
		return 0;
	default:
		return fail(err, STORE_EUSAGE, "this table is not made from sessions");
	}
}

int report_table_add_listed(report_table *t, const store_session *s,
			    store_error *err)
{
	session_keys k;
	char rows[16], answered[16];
	const char *v[11] = { s->id, s->name, s->organisation,
		content_track_name(s->track), s->facilitator, NULL, NULL, rows,
		answered, s->matrix_id, s->matrix_version };

	keys_of(s, &k);
	v[5] = k.created;
	v[6] = k.updated;
	snprintf(rows, sizeof rows, "%d", s->rows_total);
	snprintf(answered, sizeof answered, "%d", s->rows_answered);
	return add_line(t, v, err);
}

int report_table_add_portfolio(report_table *t, const store_session *s,
			       const content_matrix *m, const char *section_id,
			       const char *row_id, int stage, const char *state,
			       store_error *err)
{
	session_keys k;
	char num[16];
	const content_stage *st = stage >= 0 && (size_t)stage < m->n_stages ?
				  &m->stages[stage] : NULL;
	const char *v[12] = { s->organisation, s->id, s->name, NULL,
		s->matrix_id, s->matrix_version, section_id, row_id, st ? num : NULL,
		st ? st->id : NULL, st ? st->label : NULL, state };

	keys_of(s, &k);
	v[3] = k.date;
	snprintf(num, sizeof num, "%d", stage + 1);
	return add_line(t, v, err);
}

int report_table_add_change(report_table *t, const store_session *s,
			    const store_change *c, const char *who,
			    const char *what, const char *before,
			    const char *after, const char *status,
			    store_error *err)
{
	char id[24], at[32], undoes[24];
	const char *v[13] = { s->id, s->name, id, at, who,
		c->actor < 0 ? "facilitator" : "participant", c->row_id, c->kind,
		what, *before ? before : NULL, *after ? after : NULL, status,
		c->undoes > 0 ? undoes : NULL };

	snprintf(id, sizeof id, "%lld", c->id);
	snprintf(undoes, sizeof undoes, "%lld", c->undoes);
	report_iso_time(c->at, at, sizeof at);
	return add_line(t, v, err);
}

/* ---------------------------------------------------------- CSV */

/* One field: quoted when it holds a comma, quote, CR or LF (RFC 4180). */
static void put_field(FILE *out, const char *s, int first)
{
	const char *p;

	if (!first)
		fputc(',', out);
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
}

/* A cell: control characters made visible (CSV files are opened in
 * terminals and spreadsheets alike), then, for typed text, a leading '
 * when a spreadsheet would run it as a formula. */
static int put_cell(FILE *out, sqlite3_stmt *row, int i, const col *c,
		    int guard)
{
	const char *raw = (const char *)sqlite3_column_text(row, i);
	char *t;

	if (!raw || c->kind == COL_INT) {
		put_field(out, raw ? raw : "", i == 0);
		return 0;
	}
	if (!(t = text_clean(raw, c->kind == COL_NOTE ? TEXT_KEEP_NEWLINES : 0)))
		return -1;
	if (guard && c->kind != COL_ID && t[0] && strchr("=+-@\t\r", t[0])) {
		char *g = malloc(strlen(t) + 2);

		if (!g) {
			free(t);
			return -1;
		}
		g[0] = '\'';
		strcpy(g + 1, t);
		free(t);
		t = g;
	}
	put_field(out, t, i == 0);
	free(t);
	return 0;
}

static int write_csv(report_table *t, const report_options *o, FILE *out)
{
	sqlite3_stmt *q = NULL;
	int i, rc, failed = 0;

	if (o->bom)
		fputs("\xef\xbb\xbf", out);
	for (i = 0; i < t->n_cols; i++)
		put_field(out, t->cols[i].name, i == 0);
	fputs("\r\n", out);
	if (sqlite3_prepare_v2(t->db, "SELECT * FROM t ORDER BY rowid", -1, &q,
			       NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW && !failed) {
		for (i = 0; i < t->n_cols && !failed; i++)
			failed = put_cell(out, q, i, &t->cols[i],
					  !o->no_formula_guard) != 0;
		fputs("\r\n", out);
	}
	sqlite3_finalize(q);
	return failed || rc != SQLITE_DONE || ferror(out) ? -1 : 0;
}

/* ---------------------------------------------------------- JSON */

/* The document is written a row at a time, each row an object made by
 * json_object(), so a table of every workshop never has to be one string
 * in memory: {"format_version":1,"table":NAME,"rows":[ROW,\nROW...]}. */
static int write_json(report_table *t, FILE *out)
{
	char *sql = NULL, *p;
	sqlite3_stmt *q = NULL;
	size_t size = 128, rows = 0;
	int i, rc;

	for (i = 0; i < t->n_cols; i++)
		size += 2 * strlen(t->cols[i].name) + 16;
	if (!(sql = malloc(size)))
		return -1;
	p = sql + sprintf(sql, "SELECT json_object(");
	for (i = 0; i < t->n_cols; i++)
		p += sprintf(p, "%s'%s', \"%s\"", i ? ", " : "", t->cols[i].name,
			     t->cols[i].name);
	strcpy(p, ") FROM t ORDER BY rowid");
	rc = sqlite3_prepare_v2(t->db, sql, -1, &q, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return -1;
	/* the table's name is one of the fixed words above, never user text */
	fprintf(out, "{\"format_version\":%d,\"table\":\"%s\",\"rows\":[",
		REPORT_FORMAT_VERSION, t->name);
	while ((rc = sqlite3_step(q)) == SQLITE_ROW && sqlite3_column_text(q, 0)) {
		fputs(rows++ ? ",\n" : "\n", out);
		json_write((const char *)sqlite3_column_text(q, 0), out);
	}
	sqlite3_finalize(q);
	fputs("]}\n", out);
	return rc == SQLITE_DONE && !ferror(out) ? 0 : -1;
}

int report_table_write(report_table *t, const report_options *o, FILE *out)
{
	if (!sqlite3_get_autocommit(t->db) &&
	    sqlite3_exec(t->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	return o->format == REPORT_JSON ? write_json(t, out) : write_csv(t, o, out);
}

/* ---------------------------------------------------------- one session */

int report_write_table(const report_summary *sm, const report_options *o,
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
