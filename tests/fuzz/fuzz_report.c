/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* fuzz_report.c - libFuzzer target for the report writers fed with
 * arbitrary session text: whatever a participant types, the text report,
 * CSV and JSON must come out without a raw control character, the text
 * report within its width, and nothing may crash or leak.
 *
 * The input is split on 0x1E into fields: session name, organisation,
 * facilitator, participants (split on ','), then per row of a small matrix
 * a note, an action's text and its owner.  The first byte picks the report
 * options and the states of the rows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "report.h"
#include "summary.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char matrix_text[] =
	"matrix: { id = \"f\"; title = \"Fuzz\"; version = \"1\"; source = \"tests\";\n"
	"stages = ( { id = \"a\"; label = \"Start\"; }, { id = \"b\"; label = \"Build\"; },\n"
	"           { id = \"c\"; label = \"Enhance\"; } );\n"
	"sections = ( { id = \"s\"; title = \"One\"; intro = \"\"; rows = (\n"
	"  { id = \"r1\"; title = \"Row one\"; descriptors = ( \"x\", \"y\", \"z\" ); },\n"
	"  { id = \"r2\"; title = \"Row two\"; descriptors = ( \"x\", \"y\", \"z\" ); },\n"
	"  { id = \"r3\"; title = \"Row three\"; descriptors = ( \"x\", \"y\", \"z\" ); } ); } ); };\n";

#define MAX_FIELDS 16
#define MAX_PEOPLE 8

/* Splits a NUL-terminated copy of the input on 0x1E (in place). */
static size_t split(char *s, char **fields)
{
	size_t n = 0;

	fields[n++] = s;
	for (; *s && n < MAX_FIELDS; s++)
		if (*s == '\x1e') {
			*s = '\0';
			fields[n++] = s + 1;
		}
	return n;
}

static const char *field(char **f, size_t n, size_t i)
{
	return i < n ? f[i] : "";
}

/* Output must never carry a control character other than line ends, the
 * form feed between pages and (CSV) CR; ASCII mode must be pure ASCII. */
static void check_output(const char *out, size_t len, int ascii, int width)
{
	size_t i, col = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)out[i];

		if (c == '\n' || c == '\f') {
			col = 0;
			continue;
		}
		if ((c < 0x20 && c != '\r') || c == 0x7f || (ascii && c >= 0x80))
			abort();
		if (ascii && width && ++col > (size_t)width)
			abort();
	}
}

static void write_all(const report_summary *sm, const report_options *o)
{
	report_options csv = *o, json = *o;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;

	csv.format = REPORT_CSV;
	json.format = REPORT_JSON;
	if ((f = open_memstream(&buf, &len))) {
		report_write_text(sm, o, f);
		fclose(f);
		check_output(buf, len, !o->utf8, o->width);
		free(buf);
	}
	buf = NULL;
	if ((f = open_memstream(&buf, &len))) {
		report_write_table(sm, &csv, f);
		fclose(f);
		check_output(buf, len, 0, 0);
		free(buf);
	}
	buf = NULL;
	if ((f = open_memstream(&buf, &len))) {
		report_write_json(sm, f);
		fclose(f);
		check_output(buf, len, 0, 0);
		free(buf);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static content_matrix *m;
	char *copy, *fields[MAX_FIELDS], *people[MAX_PEOPLE];
	int votes[3][MAX_PEOPLE], before[3][MAX_PEOPLE];
	store_row_answer rows[3];
	store_action actions[3];
	store_brought brought[2];
	size_t brought_by_row[2] = { 1, 0 };   /* "gone" sorts before "r2" */
	store_session s;
	store_answers a;
	report_options o;
	summary_input in;
	report_summary *sm;
	content_error err;
	size_t nf, np = 0, i, k;
	unsigned char opt = size ? data[0] : 0;
	char *p;

	if (!m && !(m = content_load_text(matrix_text, sizeof matrix_text - 1, "f", &err)))
		abort();
	if (!(copy = malloc(size + 1)))
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	nf = split(size ? copy + 1 : copy, fields);
	memset(&s, 0, sizeof s);
	strcpy(s.id, "00000000-0000-0000-0000-000000000000");
	s.name = (char *)field(fields, nf, 0);
	s.organisation = (char *)field(fields, nf, 1);
	s.facilitator = (char *)field(fields, nf, 2);
	s.track = (opt & 1) ? CONTENT_TRACK_PCN : CONTENT_TRACK_LGPO;
	s.matrix_id = m->id;
	s.matrix_version = m->version;
	for (p = strtok((char *)field(fields, nf, 3), ","); p && np < MAX_PEOPLE;
	     p = strtok(NULL, ","))
		people[np++] = p;
	s.participants = people;
	s.n_participants = np;
	memset(&a, 0, sizeof a);
	/* every field a later version adds starts empty */
	memset(rows, 0, sizeof rows);
	memset(actions, 0, sizeof actions);
	a.n_participants = np;
	for (i = 0; i < 3; i++) {          /* rows r1..r3: sorted by id */
		for (k = 0; k < np; k++) {
			votes[i][k] = (int)((opt + i + k) % 5) - 2;
			/* some votes are scores given before the workshop */
			before[i][k] = (opt >> 4) & 1 && votes[i][k] != STORE_VOTE_NONE
				       && (i + k) % 2 == 0;
			rows[i].scored += before[i][k];
		}
		rows[i].before = before[i];
		rows[i].row_id = (char *)(i == 0 ? "r1" : i == 1 ? "r2" : "r3");
		rows[i].state = (int)((opt >> 1) + i) % 4;
		rows[i].stage = rows[i].state == STORE_ROW_AGREED ? (int)i : -1;
		rows[i].note = (char *)field(fields, nf, 4 + 3 * i);
		rows[i].votes = votes[i];
		rows[i].revealed = !((opt >> 5) & 1);
		rows[i].updated = 0;
		actions[i].id = (long long)i + 1;
		actions[i].row_id = rows[i].row_id;
		actions[i].text = (char *)field(fields, nf, 5 + 3 * i);
		actions[i].owner = (char *)field(fields, nf, 6 + 3 * i);
		actions[i].due = (char *)(i == 1 ? "2026-03-01" : "");
		actions[i].done = (int)i == 2;
	}
	a.rows = rows;
	a.n_rows = 3;
	a.actions = actions;
	a.n_actions = 3;
	/* the previous session's actions: its name and their text are
	 * hostile too, one on a row this matrix lacks */
	memset(brought, 0, sizeof brought);
	for (i = 0; i < 2; i++) {
		brought[i].position = (int)i;
		brought[i].from_id = (char *)"11111111-1111-1111-1111-111111111111";
		brought[i].from_name = (char *)field(fields, nf, 15);
		brought[i].from_action = (long long)i + 7;
		brought[i].row_id = (char *)(i == 0 ? "r2" : "gone");
		brought[i].row_gone = i == 1;
		brought[i].text = (char *)field(fields, nf, 13);
		brought[i].owner = (char *)field(fields, nf, 14);
		brought[i].due = (char *)(i == 0 ? "2025-12-31" : "");
		brought[i].outcome = (enum store_outcome)((opt + i) % STORE_OUTCOME_COUNT);
		if (brought[i].outcome == STORE_OUTCOME_CARRIED && !brought[i].row_gone)
			brought[i].carried = 2;
	}
	a.brought = brought;
	a.n_brought = 2;
	a.brought_by_row = brought_by_row;
	memset(&in, 0, sizeof in);
	in.matrix = m;
	in.session = &s;
	in.answers = &a;
	if ((sm = summary_build(&in))) {
		memset(&o, 0, sizeof o);
		o.format = REPORT_TEXT;
		/* the CSV writer's two layouts, the guard on and off */
		o.table = (opt & 1) ? REPORT_TABLE_ANSWERS
			  : (opt & 8) ? REPORT_TABLE_ACTIONS : REPORT_TABLE_DEFAULT;
		o.no_formula_guard = (opt & 1) != 0;
		o.width = 60 + (opt >> 3) % 3 * 36;
		o.page_length = (opt & 4) ? 0 : 20 + (opt >> 5);
		o.utf8 = (opt & 2) != 0;
		write_all(sm, &o);
		report_summary_free(sm);
	}
	free(copy);
	return 0;
}
