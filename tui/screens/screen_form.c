/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* screen_form.c - a small form of one-line fields, built on the ncurses
 * form library (wide-character aware in ncursesw): the new-session form,
 * renaming, the typed confirmation before a delete, and actions.
 *
 * The form is rebuilt from the text typed so far whenever the body window
 * is rebuilt (resize) or uncovered (help), so nothing typed is lost.
 *
 * The form library keeps field text in the locale's multibyte encoding;
 * the rest of the program (and the store) keeps UTF-8.  Values are
 * converted at the boundary (text_utf8_to_locale in, text_input_to_utf8
 * out), and a field left as it was gives back its initial text exactly,
 * even where the locale could not show all of it.
 */
#include <form.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "screens.h"
#include "text.h"
#include "ui_input.h"

typedef struct form_state {
	form_spec spec;                  /* title and intro point at the copies */
	char *title, *intro;
	char *values[FORM_MAX_FIELDS];   /* UTF-8, kept across rebuilds */
	char *initial[FORM_MAX_FIELDS];  /* UTF-8, trimmed: "changed?" */
	int current;
	FIELD *fields[FORM_MAX_FIELDS + 1];
	FORM *form;
	WINDOW *sub;
	int label_w;
	int width;                   /* of the fields */
} form_state;

static int is_choice(form_state *fs, size_t i)
{
	return fs->spec.fields[i].choices != NULL;
}

/* A copy without leading spaces and trailing blanks. */
static char *trim_copy(const char *b)
{
	char *s = ui_xstrdup(b), *end, *p = s;

	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	while (*p == ' ')
		p++;
	memmove(s, p, strlen(p) + 1);
	return s;
}

static char *oom_check(char *s)
{
	if (!s)
		ui_die("out of memory");
	return s;
}

/* UTF-8 text as the form library holds it (the locale's encoding). */
static char *to_field(const char *utf8)
{
	return oom_check(text_utf8_to_locale(utf8, NULL));
}

/* Field text without the padding the form library adds, in the locale's
 * encoding. */
static char *field_text(FIELD *f)
{
	const char *b = field_buffer(f, 0);

	return trim_copy(b ? b : "");
}

/* Whether field i still holds its initial text (as the locale shows it). */
static int field_unchanged(form_state *fs, size_t i, const char *text)
{
	char *init = to_field(fs->initial[i]);
	int same = strcmp(text, init) == 0;

	free(init);
	return same;
}

/* Field i's text as UTF-8: its initial text when it was not changed, so
 * nothing the locale cannot show is lost by opening and saving a form. */
static char *field_value(form_state *fs, size_t i)
{
	char *text = field_text(fs->fields[i]), *v;

	if (field_unchanged(fs, i, text))
		v = ui_xstrdup(fs->initial[i]);
	else
		v = oom_check(text_input_to_utf8(text, strlen(text), 1, NULL));
	free(text);
	return v;
}

/* Copies what the fields hold into fs->values after every key, so that a
 * rebuild never has to read the fields back: after the terminal was
 * shrunk below the minimum, the library's windows are already cut down
 * and reading them would lose what was typed. */
static void form_sync(form_state *fs)
{
	size_t i;

	if (!fs->form)
		return;
	form_driver(fs->form, REQ_VALIDATION);
	fs->current = field_index(current_field(fs->form));
	for (i = 0; i < fs->spec.n_fields; i++) {
		free(fs->values[i]);
		fs->values[i] = field_value(fs, i);
	}
}

/* Frees the form; fs->values already holds what was typed (form_sync). */
static void form_save_and_free(form_state *fs)
{
	size_t i;

	if (!fs->form)
		return;
	unpost_form(fs->form);
	free_form(fs->form);
	fs->form = NULL;
	for (i = 0; i < fs->spec.n_fields; i++) {
		free_field(fs->fields[i]);
		fs->fields[i] = NULL;
	}
	if (fs->sub)
		delwin(fs->sub);
	fs->sub = NULL;
}

static FIELD *make_field(form_state *fs, size_t i, int row, int width)
{
	const form_field_spec *f = &fs->spec.fields[i];
	FIELD *fld = new_field(1, width, row, 0, 0, 0);
	char *text;

	if (!fld)
		ui_die("cannot create a form field");
	set_field_back(fld, A_UNDERLINE);
	field_opts_off(fld, O_AUTOSKIP | O_BLANK);
	if (is_choice(fs, i)) {
		set_field_type(fld, TYPE_ENUM, (char **)f->choices, FALSE, FALSE);
		field_opts_off(fld, O_EDIT);
	} else {
		/* No length limit by default: ncurses counts it in cells, so a
		 * limit cut wide characters' text short; the store refuses what
		 * is too long, with a message, and the form stays open. */
		field_opts_off(fld, O_STATIC);
		if (f->max_len)
			set_max_field(fld, f->max_len);
	}
	text = to_field(fs->values[i] ? fs->values[i] : "");
	set_field_buffer(fld, 0, text);
	free(text);
	return fld;
}

/* Labels in the body; the fields are the form library's, drawn into the
 * same cells through the sub-window, so the body is never erased here. */
static void form_labels(ui *u)
{
	form_state *fs = ui_private(u, &screen_form);
	size_t i;
	int y;

	werase(u->body);
	draw_text(u->body, 0, 1, u->cols - 2, fs->spec.title, draw_attr(ATTR_HEADING));
	if (fs->spec.intro)
		draw_text(u->body, 1, 1, u->cols - 2, fs->spec.intro, A_NORMAL);
	for (i = 0; i < fs->spec.n_fields; i++) {
		y = 3 + (int)i * 2;
		if (y >= getmaxy(u->body))
			break;
		draw_text(u->body, y, 1, fs->label_w - 1, fs->spec.fields[i].label, A_NORMAL);
		if (is_choice(fs, i))
			draw_text(u->body, y, fs->label_w + fs->width + 2,
				  u->cols - fs->label_w - fs->width - 3, "(Space changes)",
				  A_NORMAL);
	}
}

/* Fields start at body line 3, one every two lines. */
static void form_build(ui *u)
{
	form_state *fs = ui_private(u, &screen_form);

	int width, rows = (int)fs->spec.n_fields * 2 - 1;
	size_t i;

	form_save_and_free(fs);
	fs->label_w = 0;
	for (i = 0; i < fs->spec.n_fields; i++) {
		int w = (int)text_width(fs->spec.fields[i].label);

		if (w > fs->label_w)
			fs->label_w = w;
	}
	fs->label_w += 3;
	width = u->cols - fs->label_w - 3;
	if (width > 46)
		width = 46;     /* leaves room for "(Space changes)" at 80 columns */
	if (rows > getmaxy(u->body) - 4)
		rows = getmaxy(u->body) - 4;
	fs->width = width;
	for (i = 0; i < fs->spec.n_fields; i++)
		fs->fields[i] = make_field(fs, i, (int)i * 2, width);
	fs->fields[fs->spec.n_fields] = NULL;
	if (!(fs->form = new_form(fs->fields)))
		ui_die("cannot create a form");
	fs->sub = derwin(u->body, rows, width, 3, fs->label_w + 1);
	if (!fs->sub)
		ui_die("cannot create a form window");
	set_form_win(fs->form, u->body);
	set_form_sub(fs->form, fs->sub);
	if (fs->current > 0 && (size_t)fs->current < fs->spec.n_fields)
		set_current_field(fs->form, fs->fields[fs->current]);
	form_labels(u);
	if (post_form(fs->form) != E_OK)
		ui_say(u, "Enlarge the terminal to see the whole form.");
	ui_dirty(u, DIRTY_BODY);
}

static void form_clear_spec(form_state *fs)
{
	size_t i;

	for (i = 0; i < FORM_MAX_FIELDS; i++) {
		free(fs->values[i]);
		free(fs->initial[i]);
		fs->values[i] = fs->initial[i] = NULL;
	}
	free(fs->title);
	free(fs->intro);
	fs->title = fs->intro = NULL;
	memset(&fs->spec, 0, sizeof fs->spec);
	fs->current = 0;
}

/* The form owns copies of the spec's strings, so a caller may build its
 * title and intro in a local buffer. */
void screen_form_open(ui *u, const form_spec *spec)
{
	form_state *fs;
	size_t i;

	ui_push(u, &screen_form);
	fs = ui_private(u, &screen_form);
	fs->spec = *spec;
	fs->title = ui_xstrdup(spec->title ? spec->title : "");
	fs->intro = spec->intro ? ui_xstrdup(spec->intro) : NULL;
	fs->spec.title = fs->title;
	fs->spec.intro = fs->intro;
	for (i = 0; i < spec->n_fields; i++) {
		fs->values[i] = ui_xstrdup(spec->fields[i].value ? spec->fields[i].value : "");
		fs->initial[i] = trim_copy(fs->values[i]);
	}
	form_build(u);
}

static void form_leave(ui *u)
{
	form_state *fs = ui_private(u, &screen_form);

	form_save_and_free(fs);
	form_clear_spec(fs);
}

static void form_draw(ui *u)
{
	form_state *fs = ui_private(u, &screen_form);

	if (!fs->form)
		return;
	pos_form_cursor(fs->form);
	touchwin(u->body);
}

static void form_submit(ui *u)
{
	form_state *fs = ui_private(u, &screen_form);
	char *values[FORM_MAX_FIELDS];
	void (*after)(ui *, void *) = fs->spec.after;
	void *ctx = fs->spec.ctx;
	size_t i;
	int rc;

	if (form_driver(fs->form, REQ_VALIDATION) != E_OK) {
		ui_say(u, "Check the field under the cursor.");
		return;
	}
	for (i = 0; i < fs->spec.n_fields; i++)
		values[i] = field_value(fs, i);
	rc = fs->spec.submit ? fs->spec.submit(u, values, ctx) : 0;
	for (i = 0; i < fs->spec.n_fields; i++)
		free(values[i]);
	if (rc != 0)
		return;
	ui_pop(u);
	if (after)
		after(u, ctx);
}

static int field_request(int key, int choice)
{
	switch (key) {
	case '\t': case KF(KEY_DOWN): return REQ_NEXT_FIELD;
	case KF(KEY_BTAB): case KF(KEY_UP): return REQ_PREV_FIELD;
	case KF(KEY_LEFT): return choice ? REQ_PREV_CHOICE : REQ_LEFT_CHAR;
	case KF(KEY_RIGHT): return choice ? REQ_NEXT_CHOICE : REQ_RIGHT_CHAR;
	case ' ': return choice ? REQ_NEXT_CHOICE : 0;
	case KF(KEY_HOME): case KCTRL('a'): return REQ_BEG_LINE;
	case KF(KEY_END): case KCTRL('e'): return REQ_END_LINE;
	case KF(KEY_BACKSPACE): case 127: case KCTRL('h'): return REQ_DEL_PREV;
	case KF(KEY_DC): case KCTRL('d'): return REQ_DEL_CHAR;
	case KCTRL('u'): return REQ_CLR_FIELD;
	default: return 0;
	}
}

/* A typed character; one the locale cannot hold (a C locale where
 * C.UTF-8 is missing) becomes '?', with the usual warning. */
static void form_type(form_state *fs, int key)
{
	if (!text_locale_holds((unsigned long)key)) {
		key = TEXT_INPUT_BAD;
		ui_input_replaced();
	}
	form_driver_w(fs->form, OK, (wchar_t)key);
}

/* Editing keys go to the form library; the rest (^S, Esc, F1, ^L) to the
 * action table. */
static int form_input(ui *u, int key)
{
	form_state *fs = ui_private(u, &screen_form);

	int cur, req, choice;

	if (!fs->form)
		return 0;
	cur = field_index(current_field(fs->form));
	choice = is_choice(fs, (size_t)cur);
	if (key == '\n' || key == '\r' || key == KF(KEY_ENTER)) {
		if ((size_t)cur + 1 == fs->spec.n_fields)
			form_submit(u);
		else
			form_driver(fs->form, REQ_NEXT_FIELD);
		ui_dirty(u, DIRTY_BODY);
		return 1;
	}
	if ((req = field_request(key, choice)) != 0) {
		form_driver(fs->form, req);
		if (req == REQ_NEXT_FIELD || req == REQ_PREV_FIELD)
			form_driver(fs->form, REQ_END_LINE);
	} else if (!(key & UI_KEY_FN) && key >= 32 && key != 127 &&
		   !(key >= 0x80 && key < 0xA0)) {
		if (!choice)
			form_type(fs, key);
	} else {
		return 0;
	}
	form_sync(fs);
	ui_dirty(u, DIRTY_BODY);
	return 1;
}

/* Whether any field differs from its initial text. */
static int form_changed(form_state *fs)
{
	size_t i;
	int changed = 0;

	form_driver(fs->form, REQ_VALIDATION);
	for (i = 0; i < fs->spec.n_fields && !changed; i++) {
		char *text = field_text(fs->fields[i]);

		changed = !field_unchanged(fs, i, text);
		free(text);
	}
	return changed;
}

static void form_discard(ui *u, void *ctx)
{
	(void)ctx;
	ui_pop(u);
}

static void form_keep(ui *u, void *ctx)
{
	(void)ctx;
	ui_say(u, "Kept: go on typing, or ^S to save.");
}

/* Esc is the key people press to get out of anything, so it never throws
 * away typed text without asking; an untouched form just closes. */
static void form_cancel(ui *u)
{
	form_state *fs = ui_private(u, &screen_form);

	if (fs->form && form_changed(fs))
		ui_ask_either(u, form_discard, form_keep, NULL, "Discard what you typed?");
	else
		ui_pop(u);
}

static void form_action(ui *u, enum action a, int arg)
{
	(void)arg;
	if (a == ACT_FORM_SUBMIT)
		form_submit(u);
	else if (a == ACT_FORM_CANCEL)
		form_cancel(u);
}

static WINDOW *form_cursor(ui *u)
{
	form_state *fs = ui_private(u, &screen_form);

	if (!fs->form)
		return NULL;
	pos_form_cursor(fs->form);
	return u->body;
}

const screen_ops screen_form = {
	.name = "form",
	.scope = SC_FORM,
	.private_size = sizeof(form_state),
	.typing = 1,
	.keeps_body = 1,
	.resume = form_build,
	.leave = form_leave,
	.draw = form_draw,
	.input = form_input,
	.action = form_action,
	.resize = form_build,
	.cursor = form_cursor,
};
