/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_doc.c - see report_doc.h. */
#include "report_doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct doc_line {
	char *s;
	int keep;        /* stay on the page of the next `keep` lines */
} doc_line;

struct report_doc {
	int width;
	int utf8;
	int failed;
	doc_line *lines;
	size_t n, cap;
};

report_doc *report_doc_new(int width, int utf8)
{
	report_doc *d = calloc(1, sizeof *d);

	if (d) {
		d->width = width;
		d->utf8 = utf8;
	}
	return d;
}

void report_doc_free(report_doc *d)
{
	size_t i;

	if (!d)
		return;
	for (i = 0; i < d->n; i++)
		free(d->lines[i].s);
	free(d->lines);
	free(d);
}

int report_doc_width(const report_doc *d)
{
	return d->width;
}

int report_doc_failed(const report_doc *d)
{
	return d->failed;
}

static char *clean_flags(report_doc *d, const char *s, unsigned flags)
{
	char *c = text_clean(s ? s : "", flags | (d->utf8 ? 0 : TEXT_ASCII));

	if (!c) {
		d->failed = 1;
		c = strdup("?");
	}
	return c;
}

char *report_doc_clean(report_doc *d, const char *s)
{
	return clean_flags(d, s, 0);
}

char *report_doc_strf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Takes ownership of `s` (already cleaned), dropping trailing spaces. */
static void add_owned(report_doc *d, char *s)
{
	size_t len;

	if (!s) {
		d->failed = 1;
		return;
	}
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		s[--len] = '\0';
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 256;
		doc_line *nl = realloc(d->lines, cap * sizeof *nl);

		if (!nl) {
			d->failed = 1;
			free(s);
			return;
		}
		d->lines = nl;
		d->cap = cap;
	}
	d->lines[d->n].s = s;
	d->lines[d->n].keep = 0;
	d->n++;
}

/* `pad` spaces then `len` bytes of `s`. */
static char *padded(size_t pad, const char *s, size_t len)
{
	char *out = malloc(pad + len + 1);

	if (out) {
		memset(out, ' ', pad);
		memcpy(out + pad, s, len);
		out[pad + len] = '\0';
	}
	return out;
}

void report_doc_line(report_doc *d, const char *line)
{
	add_owned(d, padded(0, line, text_fit(line, (size_t)d->width)));
}

void report_doc_blank(report_doc *d)
{
	report_doc_line(d, "");
}

size_t report_doc_count(const report_doc *d)
{
	return d->n;
}

void report_doc_keep_from(report_doc *d, size_t start)
{
	size_t i;

	for (i = start; i + 1 < d->n; i++)
		if (d->lines[i].keep < 1)
			d->lines[i].keep = 1;
}

void report_doc_keep(report_doc *d, int n)
{
	if (d->n)
		d->lines[d->n - 1].keep = n;
}

/* Wraps `text` into lines of `avail` columns, the first one after `first`
 * (indent and lead), the others after `pad` spaces. */
static void add_wrapped(report_doc *d, const char *first, size_t pad,
			const char *text, size_t avail)
{
	size_t n = text_wrap(text, avail, NULL, 0), i;
	text_line *ls = calloc(n ? n : 1, sizeof *ls);

	if (!ls) {
		d->failed = 1;
		return;
	}
	text_wrap(text, avail, ls, n);
	for (i = 0; i < n; i++) {
		char *l = padded(pad, text + ls[i].start, ls[i].len);

		if (i == 0 && l) {
			free(l);
			l = malloc(strlen(first) + ls[0].len + 1);
			if (l) {
				strcpy(l, first);
				strncat(l, text + ls[0].start, ls[0].len);
			}
		}
		add_owned(d, l);
	}
	free(ls);
}

void report_doc_para(report_doc *d, size_t indent, const char *lead,
		     const char *text, int keep_newlines)
{
	char *cl = clean_flags(d, lead ? lead : "", 0);
	char *ct = clean_flags(d, text, keep_newlines ? TEXT_KEEP_NEWLINES : 0);
	size_t width = (size_t)d->width, pad = indent + text_width(cl);
	char *first = padded(indent, cl, strlen(cl));

	/* A lead too wide to hang from goes on a line of its own. */
	if (first && pad + 20 > width) {
		report_doc_line(d, first);
		pad = indent + 2 + 20 > width ? 0 : indent + 2;
		free(first);
		first = padded(pad, "", 0);
	}
	if (first)
		add_wrapped(d, first, pad, ct, width - pad);
	else
		d->failed = 1;
	free(first);
	free(cl);
	free(ct);
}

void report_doc_heading(report_doc *d, const char *title, char rule)
{
	size_t start = d->n, w, i;
	char *c = report_doc_clean(d, title), *u;

	w = text_width(c);
	if (w > (size_t)d->width)
		w = (size_t)d->width;
	report_doc_para(d, 0, NULL, c, 0);
	if ((u = malloc(w + 1))) {
		memset(u, rule, w);
		u[w] = '\0';
	}
	add_owned(d, u);
	for (i = start; i + 1 < d->n; i++)
		d->lines[i].keep = 1;
	report_doc_keep(d, 2);
	free(c);
}

/* ---------------------------------------------------------- pages */

typedef struct doc_pages {
	char **header;          /* header lines, then a rule */
	size_t n_header;
	size_t body;            /* body lines per page */
	size_t *page;           /* page of each line, 0 = dropped */
	size_t n_pages;
} doc_pages;

/* The line `n` non-blank lines after j (blank lines do not count as the
 * text a heading must keep with it), or the last line. */
static size_t keep_end(const report_doc *d, size_t j, int n)
{
	while (n > 0 && j + 1 < d->n)
		if (d->lines[++j].s[0] != '\0')
			n--;
	return j;
}

/* Lines from i that must share a page: i and the chain of its keeps. */
static size_t chain_length(const report_doc *d, size_t i)
{
	size_t end = i, j;

	for (j = i; j <= end && j < d->n; j++)
		if (d->lines[j].keep > 0) {
			size_t e = keep_end(d, j, d->lines[j].keep);

			if (e > end)
				end = e;
		}
	return end - i + 1;
}

/* First pass: gives every line its page; blank lines at the top of a page
 * are dropped, and a kept-together chain moves whole to the next page
 * unless it is longer than a page. */
static void assign_pages(const report_doc *d, doc_pages *p)
{
	size_t i, pos = 0, chain_end = 0;
	int placed_chain = 0;

	p->n_pages = 1;
	for (i = 0; i < d->n; i++) {
		/* A chain is measured once, at its first line: one that fits
		 * on a page moves whole to the next page; a longer one flows. */
		if (!placed_chain || i > chain_end) {
			size_t need = chain_length(d, i);

			chain_end = i + need - 1;
			placed_chain = 1;
			if (pos > 0 && need <= p->body && pos + need > p->body)
				pos = p->body;
		}
		if (pos >= p->body) {
			p->n_pages++;
			pos = 0;
		}
		if (pos == 0 && d->lines[i].s[0] == '\0') {
			p->page[i] = 0;
			continue;
		}
		p->page[i] = p->n_pages;
		pos++;
	}
}

static void free_header(doc_pages *p)
{
	size_t i;

	for (i = 0; i < p->n_header; i++)
		free(p->header[i]);
	free(p->header);
	free(p->page);
}

/* The page header: the text wrapped on at most two lines (the second one
 * ending in "..." when cut), a rule, and a blank line. */
static int make_header(report_doc *d, doc_pages *p, const char *header)
{
	char *c = report_doc_clean(d, header);
	size_t width = (size_t)d->width, n = text_wrap(c, width, NULL, 0), i;
	text_line ls[2];

	p->header = calloc(4, sizeof *p->header);
	if (!p->header) {
		free(c);
		return -1;
	}
	text_wrap(c, width, ls, 2);
	for (i = 0; i < n && i < 2; i++) {
		size_t len = ls[i].len;

		if (i == 1 && n > 2)
			len = text_fit(c + ls[i].start, width - 3);
		p->header[i] = calloc(len + 4, 1);
		if (!p->header[i])
			break;
		memcpy(p->header[i], c + ls[i].start, len);
		if (i == 1 && n > 2)
			strcat(p->header[i], "...");
	}
	p->n_header = i;
	if ((p->header[p->n_header] = malloc(width + 1))) {
		memset(p->header[p->n_header], '-', width);
		p->header[p->n_header][width] = '\0';
	}
	p->n_header++;
	free(c);
	return p->header[p->n_header - 1] ? 0 : -1;
}

static int plan_pages(report_doc *d, int page_length, const char *header,
		      doc_pages *p)
{
	memset(p, 0, sizeof *p);
	if (!(p->page = calloc(d->n + 1, sizeof *p->page)))
		return -1;
	if (page_length <= 0) {
		p->body = (size_t)-1;
		assign_pages(d, p);
		return 0;
	}
	if (make_header(d, p, header ? header : "") < 0)
		return -1;
	/* header, blank line, body, blank line, footer */
	p->body = (size_t)page_length - p->n_header - 3;
	assign_pages(d, p);
	return 0;
}

size_t report_doc_pages(report_doc *d, int page_length, const char *header)
{
	doc_pages p;
	size_t n;

	if (plan_pages(d, page_length, header, &p) < 0) {
		free_header(&p);
		return 0;
	}
	n = p.n_pages;
	free_header(&p);
	return n;
}

static void write_page_top(FILE *out, const doc_pages *p, size_t page)
{
	size_t i;

	if (page > 1)
		fputc('\f', out);
	for (i = 0; i < p->n_header; i++)
		fprintf(out, "%s\n", p->header[i]);
	fputc('\n', out);
}

static void write_page_bottom(FILE *out, const doc_pages *p, size_t used,
			      size_t page, int width)
{
	char foot[64];
	int len;

	for (; used < p->body; used++)
		fputc('\n', out);
	len = snprintf(foot, sizeof foot, "Page %zu of %zu", page, p->n_pages);
	fprintf(out, "\n%*s%s\n", (width - len) / 2, "", foot);
}

/* Second pass: the lines with headers and footers around each page. */
static void write_paged(report_doc *d, FILE *out, const doc_pages *p)
{
	size_t i, page = 1, used = 0;

	write_page_top(out, p, 1);
	for (i = 0; i < d->n; i++) {
		if (!p->page[i])
			continue;
		if (p->page[i] != page) {
			write_page_bottom(out, p, used, page, d->width);
			page = p->page[i];
			used = 0;
			write_page_top(out, p, page);
		}
		fprintf(out, "%s\n", d->lines[i].s);
		used++;
	}
	write_page_bottom(out, p, used, page, d->width);
}

int report_doc_write(report_doc *d, FILE *out, int page_length,
		     const char *header)
{
	doc_pages p;
	size_t i;

	memset(&p, 0, sizeof p);
	if (d->failed || plan_pages(d, page_length, header, &p) < 0) {
		free_header(&p);
		return -1;
	}
	if (page_length > 0) {
		write_paged(d, out, &p);
	} else {
		for (i = 0; i < d->n; i++)
			if (p.page[i])
				fprintf(out, "%s\n", d->lines[i].s);
	}
	free_header(&p);
	return ferror(out) || d->failed ? -1 : 0;
}
