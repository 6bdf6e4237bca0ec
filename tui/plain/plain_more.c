/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* plain_more.c - the line mode's views of the whole session and the row's
 * actions: the overview with its jump to a section, the summary printed
 * once, the secret ballot's reveal, the report file, and the actions
 * listed, added, edited, marked done and deleted.  The figures come from
 * the summary model and the report writers, the words from rowfacts, so
 * they are those of the screens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "history.h"
#include "plain_internal.h"
#include "report.h"
#include "text.h"

/* ------------------------------------------------------------ overview */

/* m at the overview: which section, then its minutes. */
static void plain_overview_minutes(plain *p)
{
	const workshop *ws = p->ws;
	long k;

	for (;;) {
		const char *a = plain_ask(p, "Plan the minutes of section [1-%zu], Enter "
					  "leaves them", ws->m->n_sections);

		if (!a || !*a)
			return;
		if (plain_number(a, 1, (long)ws->m->n_sections, &k) == 0)
			break;
		plain_say(p, "Type a section's number from the list, or Enter.");
	}
	plain_section_minutes(p, (size_t)k - 1);
}

/* Every section with its progress and its time against its plan, then a
 * section to walk, or one whose minutes to plan. */
void plain_overview(plain *p)
{
	const workshop *ws = p->ws;
	size_t i, sec = ws->steps[ws->cur].section;
	long k;

	for (i = 0; i < ws->m->n_sections; i++) {
		size_t total, done = workshop_section_answered(ws, i, &total);
		char num[32];
		char *t, *time;

		if (!total)
			continue;
		time = plain_section_time(p, i);
		t = plain_format("%s: %zu of %zu rows answered, %s%s", ws->m->sections[i].title,
				 done, total, time, i == sec ? " (you are here)" : "");
		free(time);
		snprintf(num, sizeof num, "%3zu. ", i + 1);
		plain_show(p, num, t, 0);
		free(t);
	}
	for (;;) {
		const char *a = plain_ask(p, "Walk section [1-%zu], m plans a section's "
					  "minutes, Enter stays here", ws->m->n_sections);
		size_t step;

		if (!a || !*a)
			return;
		if (strcmp(a, "m") == 0 || strcmp(a, "M") == 0) {
			plain_overview_minutes(p);
			return;
		}
		if (plain_number(a, 1, (long)ws->m->n_sections, &k) == 0 &&
		    (step = workshop_section_start(ws, (size_t)k - 1)) < ws->n_steps) {
			plain_step(p, step);
			return;
		}
		plain_say(p, "Type a section's number from the list, or Enter.");
	}
}

/* ------------------------------------------------------------ summary */

/* The report's lines as they are when they fit, wrapped when the line is
 * narrower than the 60 columns the report's tables are laid out for. */
static void plain_print_lines(const plain *p, char *text)
{
	char *line = text, *nl;

	for (; *line; line = nl + 1) {
		if (!(nl = strchr(line, '\n')))
			nl = line + strlen(line);
		*nl = '\0';
		if (text_width(line) <= p->width)
			puts(line);
		else
			plain_show(p, "", line, 0);
		if (!nl[1] && nl != line + strlen(line))
			break;
	}
}

/* The report options the line mode prints with: text at its width. */
static void plain_text_options(const plain *p, report_options *ro)
{
	memset(ro, 0, sizeof *ro);
	ro->format = REPORT_TEXT;
	ro->width = p->width < 30 ? 30 : p->width > 200 ? 200 : (int)p->width;
	ro->utf8 = !(p->flags & TEXT_ASCII);
}

/* A memory stream for a writer's text; plain_stream_print prints it. */
static FILE *plain_stream(char **text, size_t *len)
{
	FILE *m;

	*text = NULL;
	*len = 0;
	if (!(m = open_memstream(text, len)))
		plain_oom();
	return m;
}

/* Closes the stream and prints its text; `ok` is whether the writer
 * succeeded, and a cut text says so with `what`. */
static void plain_stream_print(plain *p, FILE *m, char **text, int ok,
			       const char *what)
{
	/* the stream sets *text only when it is closed */
	if (fclose(m) != 0 || !ok)
		plain_say(p, "The %s could not be printed in full.", what);
	if (*text)
		plain_print_lines(p, *text);
	free(*text);
	fflush(stdout);
}

/* Every change of the session, newest first, in the words of the history
 * screen and `nextsteps history`. */
void plain_history(plain *p)
{
	report_options ro;
	store_error err;
	char *text;
	size_t len;
	FILE *m;

	plain_text_options(p, &ro);
	m = plain_stream(&text, &len);
	if (history_write(p->st, &p->ws->s, &ro, m, &err) != 0) {
		fclose(m);
		free(text);
		plain_error(p, "Error", &err);
		return;
	}
	plain_stream_print(p, m, &text, 1, "history");
}

/* The summary model's text, once, in the report's words. */
void plain_summary(plain *p)
{
	report_summary *sm;
	report_options ro;
	store_error err;
	char *text;
	size_t len;
	FILE *m;
	int ok;

	if (report_summary_load(p->st, &p->ws->s, &sm, &err) != 0) {
		plain_error(p, "Error", &err);
		return;
	}
	plain_text_options(p, &ro);
	m = plain_stream(&text, &len);
	ok = report_write_summary_text(sm, &ro, m) == 0;
	plain_stream_print(p, m, &text, ok, "summary");
	report_summary_free(sm);
}

/* ------------------------------------------------------------ reveal */

/* r: a secret ballot's votes on this row shown to the room, or hidden
 * again, as the votes screen's r does. */
void plain_reveal(plain *p)
{
	workshop *ws = p->ws;
	const store_row_answer *a = workshop_answer(ws);
	int show = !(a && a->revealed);
	store_error err;

	if (!rowfacts_reveal_applies(&ws->s, a)) {
		plain_say(p, "Not saved: this session's votes are not secret, so there "
			  "is nothing to reveal.");
		return;
	}
	if (store_set_revealed(ws->st, ws->s.id, workshop_row(ws)->id, show,
			       &err) != 0) {
		plain_error(p, "Not saved", &err);
		return;
	}
	plain_say(p, "Saved: the votes on this row are %s.", show ? "revealed"
		  : "secret again");
	plain_reload(p);
	plain_show_votes(p);
	plain_show_suggestion(p);
}

/* R: every hidden row's votes shown, as the votes screen's R does. */
void plain_reveal_all(plain *p)
{
	store_error err;
	int n;

	if (store_reveal_all(p->ws->st, p->ws->s.id, &n, &err) != 0) {
		plain_error(p, "Not saved", &err);
		return;
	}
	if (!n) {
		plain_say(p, "No row's votes are hidden.");
		return;
	}
	plain_say(p, "Saved: votes revealed on %d row%s.", n, n == 1 ? "" : "s");
	plain_reload(p);
	plain_show_votes(p);
}

/* ------------------------------------------------------------ report */

/* p: the text report next to the database under the session's name, the
 * file the screens' p writes; an existing file is replaced only after a
 * yes. */
void plain_report(plain *p)
{
	char path[4096];
	report_options ro;
	store_error err;
	struct stat sb;
	int overwrite = 0;

	report_default_path(store_path(p->st), p->ws->s.name, path, sizeof path);
	if (lstat(path, &sb) == 0) {
		const char *a = plain_ask(p, "%s exists: replace it? [y, n]", path);

		if (!a || plain_letter(a) != 'y') {
			plain_say(p, "Not saved: the report was not written.");
			return;
		}
		overwrite = 1;
	}
	memset(&ro, 0, sizeof ro);
	ro.format = REPORT_TEXT;
	ro.width = 80;
	ro.page_length = 66;
	ro.utf8 = !(p->flags & TEXT_ASCII);
	if (report_session_to_path(p->st, &p->ws->s, &ro, path, overwrite, &err) != 0)
		plain_error(p, "Not saved", &err);
	else
		plain_say(p, "Saved: report written to %s.", path);
}

/* ------------------------------------------------------------ actions */

/* The row's actions by number (a malloc'd list); returns how many. */
static size_t plain_row_actions(const plain *p, const store_action ***out)
{
	const workshop *ws = p->ws;
	const char *row = workshop_row(ws)->id;
	size_t i, n = 0;

	free(*out);
	if (!(*out = malloc((ws->a.n_actions ? ws->a.n_actions : 1) * sizeof **out)))
		plain_oom();
	for (i = 0; i < ws->a.n_actions; i++)
		if (strcmp(ws->a.actions[i].row_id, row) == 0)
			(*out)[n++] = &ws->a.actions[i];
	return n;
}

static void plain_list_actions(const plain *p, const store_action **v, size_t n)
{
	size_t i;

	if (!n)
		plain_say(p, "No actions on this row yet.");
	for (i = 0; i < n; i++) {
		const store_brought *b = store_answers_brought_for(&p->ws->a, v[i]->id);
		char num[32];
		char *t = plain_format("%s%s%s%s%s%s%s%s%s", v[i]->done ? "[done] " : "",
				       v[i]->text, *v[i]->owner ? " -- owner " : "",
				       v[i]->owner, *v[i]->due ? ", due " : "", v[i]->due,
				       b ? " (carried forward from " : "",
				       b ? b->from_name : "", b ? ")" : "");

		snprintf(num, sizeof num, "  %zu. ", i + 1);
		plain_show(p, num, t, 0);
		free(t);
	}
}

/* A field kept when Enter is pressed, as the screens' form keeps it. */
static char *plain_ask_keep(plain *p, const char *label, const char *now)
{
	char *a = plain_ask_copy(p, "%s (now '%s'; Enter keeps it, - clears it)",
				 label, now);

	if (!a)
		return NULL;
	if (!*a) {
		free(a);
		return plain_format("%s", now);
	}
	if (strcmp(a, "-") == 0)
		*a = '\0';
	return a;
}

static void plain_action_update(plain *p, const store_action *ac,
				const char *text, const char *owner,
				const char *due, int done, const char *what)
{
	store_error err;

	if (store_action_update(p->st, p->ws->s.id, ac->id, text, owner, due, done,
				&err) != 0)
		plain_error(p, "Not saved", &err);
	else
		plain_say(p, "Saved: action %s.", what);
	plain_reload(p);
}

static void plain_action_edit(plain *p, const store_action *ac)
{
	char *text = NULL, *owner = NULL, *due = NULL;

	if (!(text = plain_ask_keep(p, "Action", ac->text)) ||
	    !(owner = plain_ask_keep(p, "Owner", ac->owner)) ||
	    !(due = plain_ask_keep(p, "Due date, YYYY-MM-DD", ac->due)))
		plain_say(p, "Not saved: input ended.");
	else if (text_is_blank(text))
		plain_say(p, "Not saved: an action needs its text (D deletes it).");
	else if (*due && !text_valid_date(due))
		plain_say(p, "Not saved: '%s' is not a real date: type it as "
			  "YYYY-MM-DD, like 2026-03-31.", due);
	else
		plain_action_update(p, ac, text, owner, due, ac->done, "changed");
	free(text);
	free(owner);
	free(due);
}

static void plain_action_delete(plain *p, const store_action *ac)
{
	store_error err;

	if (store_action_delete(p->st, p->ws->s.id, ac->id, &err) != 0)
		plain_error(p, "Not saved", &err);
	else
		plain_say(p, "Saved: action deleted (u undoes it).");
	plain_reload(p);
}

/* "e 2", "x 2", "D 2": the letter and the action's number (just the
 * letter when the row has one action).  Trims `a` in place. */
static int plain_action_pick(char *a, size_t n, int *letter, size_t *idx)
{
	long k;

	if (!a[0] || (a[1] != ' ' && a[1] != '\0'))
		return -1;
	*letter = a[0];
	if (n == 1 && !a[1]) {
		*idx = 0;
		return 0;
	}
	if (!a[1] || plain_number(plain_trim(a + 2), 1, (long)n, &k) != 0)
		return -1;
	*idx = (size_t)k - 1;
	return 0;
}

/* One answer at the actions prompt; 1 when the user is done. */
static int plain_actions_answer(plain *p, const char *a, const store_action **v,
				size_t n)
{
	char buf[64];
	int letter;
	size_t idx;

	if (!*a || plain_letter(a) == 'q')
		return 1;
	if (plain_letter(a) == 'a') {
		plain_action(p);
		return 0;
	}
	if (plain_letter(a) == 'l')
		return plain_list_actions(p, v, n), 0;
	snprintf(buf, sizeof buf, "%s", a);
	if (n && plain_action_pick(buf, n, &letter, &idx) == 0) {
		if (letter == 'e')
			return plain_action_edit(p, v[idx]), 0;
		if (letter == 'x')
			return plain_action_update(p, v[idx], v[idx]->text, v[idx]->owner,
						   v[idx]->due, !v[idx]->done, v[idx]->done
						   ? "not done" : "done"), 0;
		if (letter == 'D')
			return plain_action_delete(p, v[idx]), 0;
	}
	plain_say(p, "Type a to add, e and a number to edit, x and a number to "
		  "mark done, D and a number to delete, l to list, or Enter.");
	return 0;
}

/* a: the row's actions, as the screens' actions list: listed, added,
 * edited, marked done (or not) and deleted, each stored at once. */
void plain_actions(plain *p)
{
	const store_action **v = NULL;
	size_t n = plain_row_actions(p, &v);

	if (!n) {           /* nothing to list: straight to the new one */
		free(v);
		plain_action(p);
		return;
	}
	plain_list_actions(p, v, n);
	for (;;) {
		const char *a;

		a = n ? plain_ask(p, "Actions [a add, e N edit, x N done, D N delete, "
				  "Enter back]")
		      : plain_ask(p, "Actions [a add, Enter back]");
		if (!a || plain_actions_answer(p, a, v, n))
			break;
		n = plain_row_actions(p, &v);
	}
	free(v);
}
