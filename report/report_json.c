/* report_json.c - the JSON export (schema in report.h), written by hand
 * from the summary model so that it shares every decision with the other
 * writers.  User text is cleaned first (no escape sequence survives even
 * after a consumer decodes the string, and invalid UTF-8 becomes "\xNN"),
 * then escaped; any control character left gets a \u escape. */
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

typedef struct json_out {
	FILE *out;
	int failed;
} json_out;

static void put_escaped(json_out *j, const char *s)
{
	const unsigned char *p;

	fputc('"', j->out);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(j->out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", j->out);
		else if (*p < 0x20 || *p == 0x7F)
			fprintf(j->out, "\\u%04x", *p);
		else
			fputc(*p, j->out);
	}
	fputc('"', j->out);
}

/* A string value; `key` (may be NULL) is written first as "key":. */
static void put_str(json_out *j, const char *key, const char *s, int newlines)
{
	char *t = text_clean(s ? s : "", newlines ? TEXT_KEEP_NEWLINES : 0);

	if (key)
		fprintf(j->out, "\"%s\":", key);
	if (!t) {
		j->failed = 1;
		fputs("\"\"", j->out);
		return;
	}
	put_escaped(j, t);
	free(t);
}

static void put_time(json_out *j, const char *key, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[32];

	if (!gmtime_r(&tt, &tm) || !strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(buf, "");
	put_str(j, key, buf, 0);
}

static void put_session(json_out *j, const store_session *s)
{
	fputs("\"session\":{", j->out);
	put_str(j, "id", s->id, 0);
	fputc(',', j->out);
	put_str(j, "name", s->name, 0);
	fputc(',', j->out);
	put_str(j, "organisation", s->organisation, 0);
	fputc(',', j->out);
	put_str(j, "type", content_track_name(s->track), 0);
	fputc(',', j->out);
	put_str(j, "facilitator", s->facilitator, 0);
	fputc(',', j->out);
	put_time(j, "created", s->created);
	fputc(',', j->out);
	put_time(j, "updated", s->updated);
	fprintf(j->out, ",\"secret_ballot\":%s}", s->secret_ballot ? "true" : "false");
}

static void put_matrix(json_out *j, const content_matrix *m)
{
	size_t k;

	fputs("\"matrix\":{", j->out);
	put_str(j, "id", m->id, 0);
	fputc(',', j->out);
	put_str(j, "title", m->title, 0);
	fputc(',', j->out);
	put_str(j, "version", m->version, 0);
	fputc(',', j->out);
	put_str(j, "source", m->source, 0);
	fputs(",\"stages\":[", j->out);
	for (k = 0; k < m->n_stages; k++) {
		fputs(k ? ",{" : "{", j->out);
		put_str(j, "id", m->stages[k].id, 0);
		fputc(',', j->out);
		put_str(j, "label", m->stages[k].label, 0);
		fputc('}', j->out);
	}
	fputs("]}", j->out);
}

/* Participant p's name; "Participant N" past the end of the list. */
static void put_participant(json_out *j, const store_session *s, size_t p)
{
	char name[48];

	snprintf(name, sizeof name, "Participant %zu", p + 1);
	put_str(j, NULL, p < s->n_participants ? s->participants[p] : name, 0);
}

static void put_participants(json_out *j, const report_summary *sm)
{
	size_t p, n = sm->session->n_participants;

	if (sm->answers->n_participants > n)
		n = sm->answers->n_participants;
	fputs("\"participants\":[", j->out);
	for (p = 0; p < n; p++) {
		if (p)
			fputc(',', j->out);
		put_participant(j, sm->session, p);
	}
	fputc(']', j->out);
}

static void put_votes(json_out *j, const report_summary *sm, const summary_row *r)
{
	size_t p;
	int first = 1;

	fprintf(j->out, "\"votes_hidden\":%s,\"votes\":[",
		r->votes.hidden ? "true" : "false");
	for (p = 0; r->answer && r->answer->votes && !r->votes.hidden &&
	     p < sm->answers->n_participants; p++) {
		int v = r->answer->votes[p];
		int on_stage = v >= 0 && (size_t)v < sm->matrix->n_stages;

		if (!on_stage && v != STORE_VOTE_DONT_KNOW)
			continue;
		fputs(first ? "{\"participant\":" : ",{\"participant\":", j->out);
		first = 0;
		put_participant(j, sm->session, p);
		fputc(',', j->out);
		put_str(j, "vote", on_stage ? sm->matrix->stages[v].id : "dont_know", 0);
		fputc('}', j->out);
	}
	fputc(']', j->out);
}

static void put_actions(json_out *j, const summary_row *r)
{
	size_t i;

	fputs("\"actions\":[", j->out);
	for (i = 0; i < r->n_actions; i++) {
		const store_action *a = r->actions[i];

		fputs(i ? ",{" : "{", j->out);
		put_str(j, "text", a->text, 0);
		fputc(',', j->out);
		put_str(j, "owner", a->owner, 0);
		fputc(',', j->out);
		put_str(j, "due", a->due, 0);
		fprintf(j->out, ",\"done\":%s}", a->done ? "true" : "false");
	}
	fputc(']', j->out);
}

static void put_row(json_out *j, const report_summary *sm, const summary_row *r)
{
	fputc('{', j->out);
	put_str(j, "id", r->row->id, 0);
	fputc(',', j->out);
	put_str(j, "title", r->row->title, 0);
	fputc(',', j->out);
	put_str(j, "state", summary_state_name(r->state), 0);
	fputs(",\"agreed\":", j->out);
	if (r->stage >= 0) {
		fputc('{', j->out);
		put_str(j, "id", sm->matrix->stages[r->stage].id, 0);
		fputc(',', j->out);
		put_str(j, "label", sm->matrix->stages[r->stage].label, 0);
		fputc('}', j->out);
	} else {
		fputs("null", j->out);
	}
	fputc(',', j->out);
	put_votes(j, sm, r);
	fputc(',', j->out);
	put_str(j, "note", r->note, 1);
	fputc(',', j->out);
	put_actions(j, r);
	fputc('}', j->out);
}

static void put_sections(json_out *j, const report_summary *sm)
{
	size_t i, k;

	fputs("\"sections\":[", j->out);
	for (i = 0; i < sm->n_sections; i++) {
		const summary_section *sec = &sm->sections[i];

		fputs(i ? ",\n{" : "\n{", j->out);
		put_str(j, "id", sec->section->id, 0);
		fputc(',', j->out);
		put_str(j, "title", sec->section->title, 0);
		fputs(",\"rows\":[", j->out);
		for (k = 0; k < sec->n_rows; k++) {
			fputs(k ? ",\n" : "\n", j->out);
			put_row(j, sm, &sm->rows[sec->first_row + k]);
		}
		fputs("]}", j->out);
	}
	fputc(']', j->out);
}

static void put_previous(json_out *j, const report_summary *sm)
{
	fputs("\"previous\":", j->out);
	if (!sm->previous) {
		fputs("null", j->out);
		return;
	}
	fputc('{', j->out);
	put_str(j, "id", sm->previous->id, 0);
	fputc(',', j->out);
	put_str(j, "name", sm->previous->name, 0);
	fputc(',', j->out);
	put_time(j, "created", sm->previous->created);
	fputc('}', j->out);
}

int report_write_json(const report_summary *sm, FILE *out)
{
	json_out j = { out, 0 };

	fputc('{', out);
	put_session(&j, sm->session);
	fputs(",\n", out);
	put_matrix(&j, sm->matrix);
	fputs(",\n", out);
	put_participants(&j, sm);
	fputs(",\n", out);
	put_sections(&j, sm);
	fputs(",\n", out);
	put_previous(&j, sm);
	fputs("}\n", out);
	return j.failed || ferror(out) ? -1 : 0;
}
