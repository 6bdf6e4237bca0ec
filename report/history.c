/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* history.c - the record of changes in words (see history.h). */
#include "history.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "report_table.h"
#include "text.h"

static void stage_value(const store_change_value *v, char *out, size_t size)
{
	switch (v->state) {
	case STORE_ROW_AGREED:
		snprintf(out, size, "%s", v->label ? v->label : "?");
		break;
	case STORE_ROW_NOT_APPLICABLE: snprintf(out, size, "not applicable"); break;
	case STORE_ROW_NOT_DISCUSSED: snprintf(out, size, "not discussed"); break;
	default: snprintf(out, size, "open"); break;
	}
}

static void vote_value(const store_change *c, const store_change_value *v,
		       char *out, size_t size)
{
	if (v->number == STORE_VOTE_NONE)
		snprintf(out, size, "no vote");
	else if (c->hidden)
		snprintf(out, size, "(secret)");
	else if (v->number == STORE_VOTE_DONT_KNOW)
		snprintf(out, size, "don't know");
	else
		snprintf(out, size, "%s", v->label ? v->label : "?");
}

static void action_value(const store_change_value *v, char *out, size_t size)
{
	char quote[80];

	if (!v->set) {
		snprintf(out, size, "none");
		return;
	}
	store_quote(quote, sizeof quote, v->text ? v->text : "");
	snprintf(out, size, "'%s'%s", quote, v->number ? " (done)" : "");
}

/* One side of a change as a short value; "" when the kind has none. */
static void value_of(const store_change *c, const store_change_value *v,
		     char *out, size_t size)
{
	char quote[80];

	out[0] = '\0';
	if (!v->set && c->type != STORE_CHANGE_ACTION)
		return;
	switch (c->type) {
	case STORE_CHANGE_AGREED: stage_value(v, out, size); break;
	case STORE_CHANGE_VOTE: vote_value(c, v, out, size); break;
	case STORE_CHANGE_ACTION: action_value(v, out, size); break;
	case STORE_CHANGE_REVEAL:
		snprintf(out, size, "%s", v->number ? "revealed" : "hidden");
		break;
	case STORE_CHANGE_SECRET:
		snprintf(out, size, "%s", v->number ? "on" : "off");
		break;
	case STORE_CHANGE_TYPE:
		snprintf(out, size, "%s", v->number == CONTENT_TRACK_PCN ? "pcn" : "lgpo");
		break;
	case STORE_CHANGE_NOTE:
	case STORE_CHANGE_RENAME:
	case STORE_CHANGE_REMOVE:
		store_quote(quote, sizeof quote, v->text ? v->text : "");
		if (*quote)
			snprintf(out, size, "'%s'", quote);
		else
			snprintf(out, size, "(empty)");
		break;
	default:
		break;
	}
}

static const char *status_of(const store_change *c)
{
	if (c->type == STORE_CHANGE_UNDO)
		return c->redone ? "redone" : "";
	if (c->redo)
		return c->undone ? "redo, undone" : "redo";
	return c->undone ? "undone" : "";
}

void history_line_of(const store_change *c, history_line *out)
{
	time_t t = (time_t)c->at;
	struct tm tm;

	memset(out, 0, sizeof *out);
	if (!localtime_r(&t, &tm) ||
	    !strftime(out->when, sizeof out->when, "%Y-%m-%d %H:%M:%S", &tm))
		out->when[0] = '\0';
	snprintf(out->who, sizeof out->who, "%s",
		 c->actor == STORE_MERGED_FACILITATOR ? "facilitator (merged copy)"
		 : c->actor < 0 || !c->actor_name[0] ? "facilitator" : c->actor_name);
	if (c->type == STORE_CHANGE_UNDO) {
		snprintf(out->what, sizeof out->what, "%s", c->summary);
	} else {
		store_change_words(c, out->what, sizeof out->what);
		value_of(c, &c->before, out->before, sizeof out->before);
		value_of(c, &c->after, out->after, sizeof out->after);
	}
	out->status = status_of(c);
}

/* One line of the text form, cleaned as a whole. */
static int put_text_line(const history_line *l, const store_change *c,
			 const report_options *o, FILE *out)
{
	char line[1200], values[260] = "", status[40] = "";
	char *clean;

	if (l->before[0] || l->after[0])
		snprintf(values, sizeof values, ": %s -> %s", l->before, l->after);
	if (l->status[0])
		snprintf(status, sizeof status, "  [%s]", l->status);
	snprintf(line, sizeof line, "%s  %s  %s  %s%s%s", l->when, l->who,
		 c->row_id[0] ? c->row_id : "-", l->what, values, status);
	clean = text_clean(line, o->utf8 ? 0 : TEXT_ASCII);
	if (!clean)
		return -1;
	fprintf(out, "%s\n", clean);
	free(clean);
	return 0;
}

static int write_text(const store_session *s, const store_change *list,
		      size_t n, const report_options *o, FILE *out)
{
	history_line l;
	char *name = text_clean(s->name, o->utf8 ? 0 : TEXT_ASCII);
	size_t i;

	if (!name)
		return -1;
	fprintf(out, "History of '%s': %zu change%s, newest first\n", name, n,
		n == 1 ? "" : "s");
	free(name);
	for (i = n; i-- > 0;) {
		history_line_of(&list[i], &l);
		if (put_text_line(&l, &list[i], o, out) != 0)
			return -1;
	}
	return ferror(out) ? -1 : 0;
}

static int write_table(const store_session *s, const store_change *list,
		       size_t n, const report_options *o, FILE *out,
		       store_error *err)
{
	report_table *t = report_table_new(REPORT_TABLE_HISTORY, err);
	history_line l;
	size_t i;
	int rc = 0;

	if (!t)
		return err->status;
	for (i = n; i-- > 0 && !rc;) {
		history_line_of(&list[i], &l);
		rc = report_table_add_change(t, s, &list[i], l.who, l.what, l.before,
					     l.after, l.status, err);
	}
	if (!rc && report_table_write(t, o, out) != 0) {
		err->status = STORE_EIO;
		snprintf(err->message, sizeof err->message, "cannot write the history");
		rc = STORE_EIO;
	}
	report_table_free(t);
	return rc;
}

int history_write(store *st, const store_session *s, const report_options *o,
		  FILE *out, store_error *err)
{
	store_change *list;
	size_t n;
	int rc = store_history(st, s->id, 0, &list, &n, err);

	if (rc)
		return rc;
	if (o->format == REPORT_TEXT) {
		rc = write_text(s, list, n, o, out);
		if (rc) {
			err->status = STORE_EIO;
			snprintf(err->message, sizeof err->message,
				 "cannot write the history");
			rc = STORE_EIO;
		}
	} else {
		rc = write_table(s, list, n, o, out, err);
	}
	store_history_free(list, n);
	return rc;
}
