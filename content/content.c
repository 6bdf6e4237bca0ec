/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* content.c - load and validate a matrix from libconfig text.
 *
 * Validation is strict (unknown fields are errors) because a typo in a
 * facilitator's matrix file should fail at check-content time, not show up
 * as a silently missing row in front of a room.  Every error names the line
 * of the offending setting.
 */
#include "content.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <libconfig.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct loader {
	const char *name;
	content_error *err;
	content_matrix *m;
} loader;

/* Record the first error only: later ones are usually consequences. */
static void fail(loader *ld, int status, int line, const char *fmt, ...)
{
	char what[400], *clean;
	va_list ap;

	if (ld->err->status != CONTENT_OK)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	/* Messages quote the file's own text: keep them one safe line. */
	if ((clean = text_clean(what, 0)) != NULL && text_width(clean) > 240)
		strcpy(clean + text_fit(clean, 200), "...");
	ld->err->status = status;
	ld->err->line = line;
	snprintf(ld->err->message, sizeof ld->err->message, "%s:%d: %s",
		 ld->name, line, clean ? clean : "out of memory");
	free(clean);
}

static int line_of(const config_setting_t *s)
{
	return s ? (int)config_setting_source_line(s) : 1;
}

static char *dup_text(loader *ld, const char *s)
{
	char *d = strdup(s);

	if (!d)
		fail(ld, CONTENT_EOS, 0, "out of memory");
	return d;
}

static void *alloc_array(loader *ld, size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (!p)
		fail(ld, CONTENT_EOS, 0, "out of memory");
	return p;
}

/* Reject any member of `group` not named in `allowed` (NULL-terminated). */
static int check_fields(loader *ld, const config_setting_t *group,
			const char *const *allowed, const char *what)
{
	int i, n = config_setting_length(group);

	for (i = 0; i < n; i++) {
		const config_setting_t *f = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(f);
		const char *const *a;

		for (a = allowed; *a; a++)
			if (name && strcmp(name, *a) == 0)
				break;
		if (!*a) {
			fail(ld, CONTENT_EDATA, line_of(f), "unknown field '%s' in %s",
			     name ? name : "?", what);
			return -1;
		}
	}
	return 0;
}

static int check_string(loader *ld, const config_setting_t *s, const char *field,
			int may_be_empty)
{
	const char *v;

	if (config_setting_type(s) != CONFIG_TYPE_STRING) {
		fail(ld, CONTENT_EDATA, line_of(s), "%s must be a string", field);
		return -1;
	}
	v = config_setting_get_string(s);
	if (!text_utf8_valid(v, strlen(v))) {
		fail(ld, CONTENT_EDATA, line_of(s), "%s is not valid UTF-8", field);
		return -1;
	}
	if (!may_be_empty && text_is_blank(v)) {
		fail(ld, CONTENT_EDATA, line_of(s), "%s must not be empty", field);
		return -1;
	}
	return 0;
}

/* Fetch a required (or optional, when `optional`) string member. */
static char *get_string(loader *ld, const config_setting_t *group,
			const char *field, const char *what, int optional)
{
	const config_setting_t *s = config_setting_get_member(group, field);

	if (!s) {
		if (optional)
			return dup_text(ld, "");
		fail(ld, CONTENT_EDATA, line_of(group), "missing field '%s' in %s",
		     field, what);
		return NULL;
	}
	if (check_string(ld, s, field, optional) < 0)
		return NULL;
	return dup_text(ld, config_setting_get_string(s));
}

static int valid_id(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static char *get_id(loader *ld, const config_setting_t *group, const char *what)
{
	char *id = get_string(ld, group, "id", what, 0);

	if (id && !valid_id(id)) {
		fail(ld, CONTENT_EDATA, line_of(config_setting_get_member(group, "id")),
		     "id '%s' must use only a-z, 0-9 and '-'", id);
		free(id);
		return NULL;
	}
	return id;
}

/* A member that must be a list (or array) of at least one element. */
static const config_setting_t *get_list(loader *ld, const config_setting_t *group,
					const char *field, const char *what)
{
	const config_setting_t *s = config_setting_get_member(group, field);

	if (!s) {
		fail(ld, CONTENT_EDATA, line_of(group), "missing field '%s' in %s",
		     field, what);
		return NULL;
	}
	if (config_setting_type(s) != CONFIG_TYPE_LIST &&
	    config_setting_type(s) != CONFIG_TYPE_ARRAY) {
		fail(ld, CONTENT_EDATA, line_of(s), "%s must be a list ( ... )", field);
		return NULL;
	}
	if (config_setting_length(s) == 0) {
		fail(ld, CONTENT_EDATA, line_of(s), "%s must not be empty", field);
		return NULL;
	}
	return s;
}

static const config_setting_t *get_group(loader *ld, const config_setting_t *s,
					 const char *what)
{
	if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
		fail(ld, CONTENT_EDATA, line_of(s), "each %s must be a group { ... }",
		     what);
		return NULL;
	}
	return s;
}

static int load_stages(loader *ld, const config_setting_t *mg)
{
	static const char *const fields[] = { "id", "label", NULL };
	const config_setting_t *list = get_list(ld, mg, "stages", "matrix");
	content_matrix *m = ld->m;
	size_t i, j, n;

	if (!list)
		return -1;
	n = (size_t)config_setting_length(list);
	if (n < CONTENT_MIN_STAGES || n > CONTENT_MAX_STAGES) {
		fail(ld, CONTENT_EDATA, line_of(list),
		     "a matrix needs %d to %d stages, found %zu",
		     CONTENT_MIN_STAGES, CONTENT_MAX_STAGES, n);
		return -1;
	}
	m->stages = alloc_array(ld, n, sizeof *m->stages);
	if (!m->stages)
		return -1;
	for (i = 0; i < n; i++) {
		const config_setting_t *g = get_group(ld,
			config_setting_get_elem(list, (unsigned)i), "stage");
		content_stage *st = &m->stages[i];

		if (!g || check_fields(ld, g, fields, "stage") < 0)
			return -1;
		m->n_stages = i + 1;
		if (!(st->id = get_id(ld, g, "stage")) ||
		    !(st->label = get_string(ld, g, "label", "stage", 0)))
			return -1;
		for (j = 0; j < i; j++)
			if (strcmp(m->stages[j].id, st->id) == 0) {
				fail(ld, CONTENT_EDATA, line_of(g),
				     "duplicate stage id '%s'", st->id);
				return -1;
			}
	}
	return 0;
}

static int load_tracks(loader *ld, const config_setting_t *rg, content_row *row)
{
	const config_setting_t *t = config_setting_get_member(rg, "tracks");
	int i, n;

	row->tracks = CONTENT_TRACK_BOTH;
	if (!t)
		return 0;
	if (config_setting_type(t) != CONFIG_TYPE_ARRAY &&
	    config_setting_type(t) != CONFIG_TYPE_LIST) {
		fail(ld, CONTENT_EDATA, line_of(t),
		     "tracks must be a list such as [ \"lgpo\", \"pcn\" ]");
		return -1;
	}
	n = config_setting_length(t);
	if (n == 0) {
		fail(ld, CONTENT_EDATA, line_of(t), "tracks must not be empty");
		return -1;
	}
	row->tracks = 0;
	for (i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(t, (unsigned)i);
		const char *v = config_setting_type(e) == CONFIG_TYPE_STRING
			? config_setting_get_string(e) : NULL;
		unsigned bit = v ? content_track_parse(v) : 0;

		if (!bit) {
			fail(ld, CONTENT_EDATA, line_of(t),
			     "unknown track '%s' (expected \"lgpo\" or \"pcn\")",
			     v ? v : "?");
			return -1;
		}
		row->tracks |= bit;
	}
	return 0;
}

static int load_descriptors(loader *ld, const config_setting_t *rg, content_row *row)
{
	const config_setting_t *d = get_list(ld, rg, "descriptors", "row");
	size_t i, n;

	if (!d)
		return -1;
	n = (size_t)config_setting_length(d);
	if (n != ld->m->n_stages) {
		fail(ld, CONTENT_EDATA, line_of(d),
		     "row '%s' has %zu descriptors, expected %zu (one per stage)",
		     row->id, n, ld->m->n_stages);
		return -1;
	}
	row->descriptors = alloc_array(ld, n, sizeof *row->descriptors);
	if (!row->descriptors)
		return -1;
	for (i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(d, (unsigned)i);

		if (check_string(ld, e, "descriptor", 0) < 0)
			return -1;
		if (!(row->descriptors[i] = dup_text(ld, config_setting_get_string(e))))
			return -1;
	}
	return 0;
}

/* Optional: when given, a list of one or more non-empty strings. */
static int load_prompts(loader *ld, const config_setting_t *rg, content_row *row)
{
	const config_setting_t *p;
	size_t i, n;

	if (!config_setting_get_member(rg, "prompts"))
		return 0;
	if (!(p = get_list(ld, rg, "prompts", "row")))
		return -1;
	n = (size_t)config_setting_length(p);
	if (!(row->prompts = alloc_array(ld, n, sizeof *row->prompts)))
		return -1;
	for (i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(p, (unsigned)i);

		if (check_string(ld, e, "prompt", 0) < 0)
			return -1;
		if (!(row->prompts[i] = dup_text(ld, config_setting_get_string(e))))
			return -1;
		row->n_prompts = i + 1;
	}
	return 0;
}

/* Optional, but not empty when given: an empty one is a slip. */
static int load_evidence(loader *ld, const config_setting_t *rg, content_row *row)
{
	const config_setting_t *e = config_setting_get_member(rg, "evidence");

	if (e && check_string(ld, e, "evidence", 0) < 0)
		return -1;
	row->evidence = dup_text(ld, e ? config_setting_get_string(e) : "");
	return row->evidence ? 0 : -1;
}

/* Row ids are unique across the whole matrix: the store refers to rows by
 * id alone.  A linear scan is fine for hand-written matrices; 10,000-row
 * files are checked through the sorted pass in check_unique_rows(). */
static int load_row(loader *ld, const config_setting_t *g, content_row *row)
{
	static const char *const fields[] = { "id", "title", "tracks",
					      "descriptors", "prompts",
					      "evidence", NULL };

	if (check_fields(ld, g, fields, "row") < 0)
		return -1;
	if (!(row->id = get_id(ld, g, "row")) ||
	    !(row->title = get_string(ld, g, "title", "row", 0)))
		return -1;
	if (load_tracks(ld, g, row) < 0 || load_descriptors(ld, g, row) < 0 ||
	    load_prompts(ld, g, row) < 0 || load_evidence(ld, g, row) < 0)
		return -1;
	return 0;
}

static int load_section(loader *ld, const config_setting_t *g, content_section *sec)
{
	static const char *const fields[] = { "id", "title", "intro", "rows", NULL };
	const config_setting_t *rows;
	size_t i, n;

	if (check_fields(ld, g, fields, "section") < 0)
		return -1;
	if (!(sec->id = get_id(ld, g, "section")) ||
	    !(sec->title = get_string(ld, g, "title", "section", 0)) ||
	    !(sec->intro = get_string(ld, g, "intro", "section", 1)))
		return -1;
	if (!(rows = get_list(ld, g, "rows", "section")))
		return -1;
	n = (size_t)config_setting_length(rows);
	if (!(sec->rows = alloc_array(ld, n, sizeof *sec->rows)))
		return -1;
	for (i = 0; i < n; i++) {
		const config_setting_t *rg = get_group(ld,
			config_setting_get_elem(rows, (unsigned)i), "row");

		if (!rg)
			return -1;
		sec->n_rows = i + 1;
		if (load_row(ld, rg, &sec->rows[i]) < 0)
			return -1;
	}
	return 0;
}

typedef struct id_ref {
	const char *id;
	int line;
} id_ref;

static int cmp_id_ref(const void *a, const void *b)
{
	const id_ref *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* Sort (id, line) pairs and report the second occurrence of any id. */
static int check_unique(loader *ld, id_ref *refs, size_t n, const char *kind)
{
	size_t i;

	qsort(refs, n, sizeof *refs, cmp_id_ref);
	for (i = 1; i < n; i++)
		if (strcmp(refs[i - 1].id, refs[i].id) == 0) {
			fail(ld, CONTENT_EDATA, refs[i].line, "duplicate %s id '%s'",
			     kind, refs[i].id);
			return -1;
		}
	return 0;
}

static int check_unique_ids(loader *ld, const config_setting_t *sections)
{
	content_matrix *m = ld->m;
	size_t i, j, k = 0, total = 0;
	id_ref *refs;
	int rc;

	for (i = 0; i < m->n_sections; i++)
		total += m->sections[i].n_rows;
	if (!(refs = alloc_array(ld, total + m->n_sections, sizeof *refs)))
		return -1;
	for (i = 0; i < m->n_sections; i++) {
		const config_setting_t *sg = config_setting_get_elem(sections, (unsigned)i);

		refs[i].id = m->sections[i].id;
		refs[i].line = line_of(config_setting_get_member(sg, "id"));
	}
	rc = check_unique(ld, refs, m->n_sections, "section");
	for (i = 0; rc == 0 && i < m->n_sections; i++) {
		const config_setting_t *rl = config_setting_get_member(
			config_setting_get_elem(sections, (unsigned)i), "rows");

		for (j = 0; j < m->sections[i].n_rows; j++, k++) {
			refs[k].id = m->sections[i].rows[j].id;
			refs[k].line = line_of(config_setting_get_member(
				config_setting_get_elem(rl, (unsigned)j), "id"));
		}
	}
	if (rc == 0)
		rc = check_unique(ld, refs, total, "row");
	free(refs);
	return rc;
}

static int load_sections(loader *ld, const config_setting_t *mg)
{
	const config_setting_t *list = get_list(ld, mg, "sections", "matrix");
	content_matrix *m = ld->m;
	size_t i, n;

	if (!list)
		return -1;
	n = (size_t)config_setting_length(list);
	if (!(m->sections = alloc_array(ld, n, sizeof *m->sections)))
		return -1;
	for (i = 0; i < n; i++) {
		const config_setting_t *g = get_group(ld,
			config_setting_get_elem(list, (unsigned)i), "section");

		if (!g)
			return -1;
		m->n_sections = i + 1;
		if (load_section(ld, g, &m->sections[i]) < 0)
			return -1;
	}
	return check_unique_ids(ld, list);
}

static int cmp_term_ptr(const void *a, const void *b)
{
	const content_term *x = *(const content_term *const *)a;
	const content_term *y = *(const content_term *const *)b;

	return strcmp(x->term, y->term);
}

/* The sorted index serves lookups and finds duplicate terms, which would
 * make a lookup's answer depend on the order of the file. */
static int index_glossary(loader *ld, const config_setting_t *list)
{
	content_matrix *m = ld->m;
	const content_term **idx;
	size_t i;

	if (!(idx = alloc_array(ld, m->n_glossary, sizeof *idx)))
		return -1;
	m->glossary_sorted = idx;
	for (i = 0; i < m->n_glossary; i++)
		idx[i] = &m->glossary[i];
	qsort(idx, m->n_glossary, sizeof *idx, cmp_term_ptr);
	for (i = 1; i < m->n_glossary; i++)
		if (strcmp(idx[i - 1]->term, idx[i]->term) == 0) {
			const content_term *later = idx[i - 1] > idx[i] ? idx[i - 1] : idx[i];

			fail(ld, CONTENT_EDATA, line_of(config_setting_get_elem(list,
			     (unsigned)(later - m->glossary))),
			     "duplicate glossary term '%s'", later->term);
			return -1;
		}
	return 0;
}

/* Optional: a list of { term; meaning; } groups. */
static int load_glossary(loader *ld, const config_setting_t *mg)
{
	static const char *const fields[] = { "term", "meaning", NULL };
	const config_setting_t *list;
	content_matrix *m = ld->m;
	size_t i, n;

	if (!config_setting_get_member(mg, "glossary"))
		return 0;
	if (!(list = get_list(ld, mg, "glossary", "matrix")))
		return -1;
	n = (size_t)config_setting_length(list);
	if (!(m->glossary = alloc_array(ld, n, sizeof *m->glossary)))
		return -1;
	for (i = 0; i < n; i++) {
		const config_setting_t *g = get_group(ld,
			config_setting_get_elem(list, (unsigned)i), "glossary entry");
		content_term *t = &m->glossary[i];

		if (!g || check_fields(ld, g, fields, "glossary entry") < 0)
			return -1;
		m->n_glossary = i + 1;
		if (!(t->term = get_string(ld, g, "term", "glossary entry", 0)) ||
		    !(t->meaning = get_string(ld, g, "meaning", "glossary entry", 0)))
			return -1;
	}
	return index_glossary(ld, list);
}

static int load_matrix(loader *ld, const config_t *cfg)
{
	static const char *const top[] = { "matrix", NULL };
	static const char *const fields[] = { "id", "title", "version", "source",
					      "stages", "sections", "glossary",
					      NULL };
	const config_setting_t *root = config_root_setting(cfg);
	const config_setting_t *mg = config_setting_get_member(root, "matrix");
	content_matrix *m = ld->m;

	if (check_fields(ld, root, top, "the file") < 0)
		return -1;
	if (!mg) {
		fail(ld, CONTENT_EDATA, 1, "no 'matrix' group found");
		return -1;
	}
	if (!get_group(ld, mg, "matrix") || check_fields(ld, mg, fields, "matrix") < 0)
		return -1;
	if (!(m->id = get_id(ld, mg, "matrix")) ||
	    !(m->title = get_string(ld, mg, "title", "matrix", 0)) ||
	    !(m->version = get_string(ld, mg, "version", "matrix", 0)) ||
	    !(m->source = get_string(ld, mg, "source", "matrix", 0)))
		return -1;
	if (load_stages(ld, mg) < 0 || load_glossary(ld, mg) < 0)
		return -1;
	return load_sections(ld, mg);
}

static int line_at(const char *text, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/* libconfig 1.5 leaks its string buffer when input ends inside a string
 * literal, so such input is refused before it reaches the parser.  The scan
 * follows libconfig's lexer: strings may span lines, and '#', '//' and
 * C-style comments hide quotes.  Returns the offset where the open string
 * started, or (size_t)-1 when every string is closed. */
static size_t unterminated_string(const char *t, size_t len)
{
	size_t i = 0, open = 0;

	while (i < len) {
		if (t[i] == '"') {
			open = i++;
			while (i < len && t[i] != '"')
				i += (t[i] == '\\' && i + 1 < len) ? 2 : 1;
			if (i >= len)
				return open;
			i++;
		} else if (t[i] == '#' || (t[i] == '/' && i + 1 < len && t[i + 1] == '/')) {
			while (i < len && t[i] != '\n')
				i++;
		} else if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
			for (i += 2; i + 1 < len && !(t[i] == '*' && t[i + 1] == '/'); i++)
				;
			i += 2;
		} else {
			i++;
		}
	}
	return (size_t)-1;
}

/* Checks libconfig does not make: raw bytes, and the @include directive,
 * which would let a content file read any other file on the host. */
static int precheck(loader *ld, const char *text, size_t len)
{
	const char *p;
	size_t bad;

	if (memchr(text, '\0', len)) {
		bad = (size_t)((const char *)memchr(text, '\0', len) - text);
		fail(ld, CONTENT_EDATA, line_at(text, bad),
		     "contains a NUL byte (not a text file)");
		return -1;
	}
	if (!text_utf8_valid_prefix(text, len, &bad)) {
		fail(ld, CONTENT_EDATA, line_at(text, bad), "invalid UTF-8");
		return -1;
	}
	if ((bad = unterminated_string(text, len)) != (size_t)-1) {
		fail(ld, CONTENT_EDATA, line_at(text, bad),
		     "string is not closed before the end of the file");
		return -1;
	}
	for (p = text; p < text + len;) {
		const char *q = p;

		while (*q == ' ' || *q == '\t')
			q++;
		if (strncmp(q, "@include", 8) == 0) {
			fail(ld, CONTENT_EDATA, line_at(text, (size_t)(q - text)),
			     "@include is not allowed in a matrix file");
			return -1;
		}
		q = memchr(p, '\n', (size_t)(text + len - p));
		p = q ? q + 1 : text + len;
	}
	return 0;
}

/* libconfig counts lines by LF and ends comments there: a file saved with
 * CR (old Mac) or CRLF line ends is read as LF, so that comments end where
 * the author sees them end and errors name the right line. */
static size_t normalise_line_ends(char *t, size_t len)
{
	size_t i, k = 0;

	for (i = 0; i < len; i++) {
		if (t[i] == '\r') {
			t[k++] = '\n';
			if (i + 1 < len && t[i + 1] == '\n')
				i++;
		} else {
			t[k++] = t[i];
		}
	}
	t[k] = '\0';
	return k;
}

content_matrix *content_load_text(const char *text, size_t len,
				  const char *name, content_error *err)
{
	loader ld = { name, err, NULL };
	config_t cfg;
	char *copy;

	err->status = CONTENT_OK;
	err->line = 0;
	err->message[0] = '\0';
	/* Editors on Windows save a byte-order mark, which means nothing in
	 * UTF-8 and which libconfig would call a syntax error. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		text += 3, len -= 3;
	/* Work on a NUL-terminated copy: the caller's text need not be. */
	if (!(copy = malloc(len + 1))) {
		fail(&ld, CONTENT_EOS, 0, "out of memory");
		return NULL;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	if (memchr(copy, '\r', len))
		len = normalise_line_ends(copy, len);
	if (precheck(&ld, copy, len) < 0 || !(ld.m = calloc(1, sizeof *ld.m))) {
		free(copy);
		fail(&ld, CONTENT_EOS, 0, "out of memory");
		return NULL;
	}
	ld.m->text = copy;
	config_init(&cfg);
	if (!config_read_string(&cfg, copy))
		fail(&ld, CONTENT_EDATA, config_error_line(&cfg), "%s",
		     config_error_text(&cfg));
	else
		load_matrix(&ld, &cfg);
	config_destroy(&cfg);
	if (err->status != CONTENT_OK) {
		content_free(ld.m);
		return NULL;
	}
	return ld.m;
}

static const char *file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISSOCK(mode))
		return "a socket";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	return "not a regular file";
}

static void file_error(content_error *err, int status, const char *path,
		       const char *what)
{
	snprintf(err->message, sizeof err->message, "%s: %s", path, what);
	err->status = status;
	err->line = 0;
}

/* Only a regular file is read: a FIFO would block the reader for ever and
 * a device may act on being opened, so the path is looked at first; the
 * open itself does not block, and the file opened is checked again in case
 * the path was swapped in between. */
static FILE *open_regular(const char *path, content_error *err)
{
	struct stat st;
	FILE *f;
	int fd;

	if (stat(path, &st) != 0) {
		file_error(err, CONTENT_ENOINPUT, path, strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		file_error(err, CONTENT_EDATA, path, file_kind(st.st_mode));
		return NULL;
	}
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY)) < 0) {
		file_error(err, CONTENT_ENOINPUT, path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		file_error(err, CONTENT_EDATA, path, file_kind(st.st_mode));
		close(fd);
		return NULL;
	}
	if (!(f = fdopen(fd, "rb"))) {
		file_error(err, CONTENT_ENOINPUT, path, strerror(errno));
		close(fd);
	}
	return f;
}

content_matrix *content_load_file(const char *path, content_error *err)
{
	loader ld = { path, err, NULL };
	content_matrix *m = NULL;
	char *buf = NULL;
	size_t len;
	FILE *f;

	err->status = CONTENT_OK;
	if (!(f = open_regular(path, err)))
		return NULL;
	if (!(buf = malloc(CONTENT_MAX_BYTES + 1))) {
		fail(&ld, CONTENT_EOS, 0, "out of memory");
	} else {
		len = fread(buf, 1, CONTENT_MAX_BYTES + 1, f);
		if (ferror(f)) {
			file_error(err, CONTENT_ENOINPUT, path, strerror(errno));
		} else if (len > CONTENT_MAX_BYTES) {
			fail(&ld, CONTENT_EDATA, 1, "file is larger than %u MiB",
			     CONTENT_MAX_BYTES / (1024u * 1024u));
		} else {
			m = content_load_text(buf, len, path, err);
		}
	}
	free(buf);
	fclose(f);
	return m;
}

content_matrix *content_load_builtin(content_error *err)
{
	size_t len;
	const char *text = content_builtin_text(&len);

	return content_load_text(text, len, "(built-in)", err);
}

void content_free(content_matrix *m)
{
	size_t i, j, k;

	if (!m)
		return;
	for (i = 0; i < m->n_sections; i++) {
		content_section *s = &m->sections[i];

		for (j = 0; j < s->n_rows; j++) {
			content_row *r = &s->rows[j];

			if (r->descriptors)
				for (k = 0; k < m->n_stages; k++)
					free(r->descriptors[k]);
			free(r->descriptors);
			for (k = 0; k < r->n_prompts; k++)
				free(r->prompts[k]);
			free(r->prompts);
			free(r->evidence);
			free(r->id);
			free(r->title);
		}
		free(s->rows);
		free(s->id);
		free(s->title);
		free(s->intro);
	}
	for (i = 0; i < m->n_stages; i++) {
		free(m->stages[i].id);
		free(m->stages[i].label);
	}
	for (i = 0; i < m->n_glossary; i++) {
		free(m->glossary[i].term);
		free(m->glossary[i].meaning);
	}
	free(m->glossary);
	free((void *)m->glossary_sorted);
	free(m->sections);
	free(m->stages);
	free(m->id);
	free(m->title);
	free(m->version);
	free(m->source);
	free(m->text);
	free(m);
}

const content_row *content_find_row(const content_matrix *m, const char *row_id,
				    size_t *section_index, size_t *row_index)
{
	size_t i, j;

	for (i = 0; i < m->n_sections; i++)
		for (j = 0; j < m->sections[i].n_rows; j++)
			if (strcmp(m->sections[i].rows[j].id, row_id) == 0) {
				if (section_index)
					*section_index = i;
				if (row_index)
					*row_index = j;
				return &m->sections[i].rows[j];
			}
	return NULL;
}

int content_find_section(const content_matrix *m, const char *section_id)
{
	size_t i;

	for (i = 0; i < m->n_sections; i++)
		if (strcmp(m->sections[i].id, section_id) == 0)
			return (int)i;
	return -1;
}

int content_find_stage(const content_matrix *m, const char *stage_id)
{
	size_t i;

	for (i = 0; i < m->n_stages; i++)
		if (strcmp(m->stages[i].id, stage_id) == 0)
			return (int)i;
	return -1;
}

unsigned content_track_parse(const char *name)
{
	if (strcmp(name, "lgpo") == 0)
		return CONTENT_TRACK_LGPO;
	if (strcmp(name, "pcn") == 0)
		return CONTENT_TRACK_PCN;
	return 0;
}

const char *content_track_name(unsigned track)
{
	switch (track) {
	case CONTENT_TRACK_LGPO: return "lgpo";
	case CONTENT_TRACK_PCN: return "pcn";
	default: return "both";
	}
}

int content_row_applies(const content_row *row, unsigned track)
{
	return (row->tracks & track) != 0;
}

size_t content_section_count_rows(const content_section *s, unsigned track)
{
	size_t j, n = 0;

	for (j = 0; j < s->n_rows; j++)
		n += content_row_applies(&s->rows[j], track) ? 1 : 0;
	return n;
}

size_t content_count_rows(const content_matrix *m, unsigned track)
{
	size_t i, n = 0;

	for (i = 0; i < m->n_sections; i++)
		n += content_section_count_rows(&m->sections[i], track);
	return n;
}

/* ---------------------------------------------------------- glossary */

const content_term *content_glossary_lookup(const content_matrix *m,
					    const char *term)
{
	size_t lo = 0, hi = m->n_glossary;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(term, m->glossary_sorted[mid]->term);

		if (c == 0)
			return m->glossary_sorted[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

#define ACRONYM_MAX 32

/* The next acronym in `s` from *pos: a word of three or more upper-case
 * ASCII letters and nothing else, or such a word with a plural 's'
 * ("CCGs").  Copies it without the 's' to `out`; 0 at the end. */
static int next_acronym(const char *s, size_t *pos, char out[ACRONYM_MAX + 1])
{
	size_t i = *pos;

	while (s[i]) {
		size_t start, stem, k;

		while (s[i] && !word_byte((unsigned char)s[i]))
			i++;
		start = i;
		while (s[i] && word_byte((unsigned char)s[i]))
			i++;
		stem = i - start;
		if (stem >= 4 && s[i - 1] == 's')
			stem--;
		for (k = 0; k < stem && s[start + k] >= 'A' && s[start + k] <= 'Z'; k++)
			;
		if (k == stem && stem >= 3 && stem <= ACRONYM_MAX) {
			memcpy(out, s + start, stem);
			out[stem] = '\0';
			*pos = i;
			return 1;
		}
	}
	*pos = i;
	return 0;
}

/* Marks the glossary entries `s` uses; `seen` has one byte per entry. */
static void row_terms_in(const content_matrix *m, const char *s,
			 unsigned char *seen, const content_term **out,
			 size_t max, size_t *n)
{
	char word[ACRONYM_MAX + 1];
	size_t pos = 0;

	while (next_acronym(s, &pos, word)) {
		const content_term *t = content_glossary_lookup(m, word);
		size_t at;

		if (!t || seen[at = (size_t)(t - m->glossary)])
			continue;
		seen[at] = 1;
		if (*n < max)
			out[*n] = t;
		(*n)++;
	}
}

size_t content_row_terms(const content_matrix *m, const content_row *row,
			 const content_term **out, size_t max)
{
	unsigned char *seen;
	size_t n = 0, k;

	if (!m->n_glossary || !(seen = calloc(m->n_glossary, 1)))
		return 0;
	row_terms_in(m, row->title, seen, out, max, &n);
	for (k = 0; k < m->n_stages; k++)
		row_terms_in(m, row->descriptors[k], seen, out, max, &n);
	for (k = 0; k < row->n_prompts; k++)
		row_terms_in(m, row->prompts[k], seen, out, max, &n);
	row_terms_in(m, row->evidence, seen, out, max, &n);
	free(seen);
	return n;
}

/* ---------------------------------------------------------- warnings */

typedef struct unexplained {
	char word[ACRONYM_MAX + 1];
	int line;       /* of its first use */
	int uses;
} unexplained;

typedef struct lint {
	const content_matrix *m;
	unexplained *u;
	size_t n, cap;
	int oom;
} lint;

static void lint_note(lint *l, const char *word, int line)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->u[i].word, word) == 0) {
			l->u[i].uses++;
			return;
		}
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		unexplained *u = realloc(l->u, cap * sizeof *u);

		if (!u) {
			l->oom = 1;
			return;
		}
		l->u = u;
		l->cap = cap;
	}
	strcpy(l->u[l->n].word, word);
	l->u[l->n].line = line;
	l->u[l->n++].uses = 1;
}

/* Every string of the file, in file order, except ids and the glossary's
 * own terms: the parse is repeated because only it knows the lines. */
static void lint_walk(lint *l, const config_setting_t *s)
{
	const char *name = config_setting_name(s);
	int i, n;

	if (config_setting_type(s) == CONFIG_TYPE_STRING) {
		char word[ACRONYM_MAX + 1];
		const char *v = config_setting_get_string(s);
		size_t pos = 0;

		if (name && (strcmp(name, "id") == 0 || strcmp(name, "term") == 0))
			return;
		while (next_acronym(v, &pos, word))
			if (!content_glossary_lookup(l->m, word))
				lint_note(l, word, line_of(s));
		return;
	}
	n = config_setting_length(s);
	for (i = 0; i < n; i++)
		lint_walk(l, config_setting_get_elem(s, (unsigned)i));
}

static char **lint_lines(const lint *l, const char *name, size_t *count)
{
	char **w = calloc(l->n + 1, sizeof *w);
	size_t i;

	for (i = 0; w && i < l->n; i++) {
		const unexplained *u = &l->u[i];
		char uses[48] = "";
		int len;

		if (u->uses > 1)
			snprintf(uses, sizeof uses, " (first of %d uses)", u->uses);
		len = snprintf(NULL, 0, "%s:%d: warning: '%s' is not explained in "
			       "the glossary%s", name, u->line, u->word, uses);
		if (len < 0 || !(w[i] = malloc((size_t)len + 1))) {
			content_warnings_free(w);
			return NULL;
		}
		snprintf(w[i], (size_t)len + 1, "%s:%d: warning: '%s' is not "
			 "explained in the glossary%s", name, u->line, u->word, uses);
	}
	if (w)
		*count = l->n;
	return w;
}

char **content_warnings(const content_matrix *m, const char *name, size_t *n)
{
	lint l = { m, NULL, 0, 0, 0 };
	char **w = NULL;
	config_t cfg;

	*n = 0;
	config_init(&cfg);
	/* The text loaded once already, so it parses again. */
	if (config_read_string(&cfg, m->text)) {
		lint_walk(&l, config_root_setting(&cfg));
		if (!l.oom)
			w = lint_lines(&l, name, n);
	}
	config_destroy(&cfg);
	free(l.u);
	return w;
}

void content_warnings_free(char **w)
{
	size_t i;

	if (!w)
		return;
	for (i = 0; w[i]; i++)
		free(w[i]);
	free(w);
}
