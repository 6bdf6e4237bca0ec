/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* fuzz_content.c - libFuzzer target for the matrix loader: any bytes must
 * give either a matrix or a one-line error naming a line in the input.
 * Before fuzzing it loads every prefix of the built-in matrix, the
 * truncations a half-copied file gives. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The first `cut` bytes of `text` either load or fail cleanly, with a line
 * inside them; the copy is exactly `cut` bytes so the sanitizers see any
 * read past its end. */
static void check_prefix(const char *text, size_t cut)
{
	content_error err;
	char *copy = malloc(cut ? cut : 1);
	content_matrix *m;
	int lines = 1;
	size_t i;

	if (!copy)
		abort();
	memcpy(copy, text, cut);
	for (i = 0; i < cut; i++)
		lines += text[i] == '\n';
	m = content_load_text(copy, cut, "cut", &err);
	if (m) {
		content_free(m);
	} else if (err.status != CONTENT_EDATA || err.line < 1 || err.line > lines ||
		   strncmp(err.message, "cut:", 4) != 0) {
		fprintf(stderr, "cut at %zu (line %d of %d): %s\n", cut, err.line, lines,
			err.message);
		abort();
	}
	free(copy);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t len, cut;
	const char *text = content_builtin_text(&len);

	(void)argc;
	(void)argv;
	for (cut = 0; cut < len; cut++)
		check_prefix(text, cut);
	fprintf(stderr, "every one of %zu truncations of the built-in matrix fails cleanly\n",
		len);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	content_error err;
	content_matrix *m = content_load_text((const char *)data, size, "fuzz", &err);
	const content_term *terms[4];
	size_t i, j, k, n;
	char **w;

	if (!m) {
		if (err.status != CONTENT_EDATA || strncmp(err.message, "fuzz:", 5) != 0 ||
		    strchr(err.message, '\n'))
			abort();
		return 0;
	}
	/* Everything the screens will touch must be there and clean UTF-8. */
	for (i = 0; i < m->n_sections; i++)
		for (j = 0; j < m->sections[i].n_rows; j++)
			for (k = 0; k < m->n_stages; k++) {
				const char *d = m->sections[i].rows[j].descriptors[k];
				char *c = text_clean(d, TEXT_ASCII);

				if (!d || !text_utf8_valid(d, strlen(d)) || !c)
					abort();
				free(c);
			}
	/* The glossary check parses the text again: it must agree that the
	 * text loads, and every warning is one line. */
	if (!(w = content_warnings(m, "fuzz", &n)))
		abort();
	for (i = 0; i < n; i++)
		if (strncmp(w[i], "fuzz:", 5) != 0 || strchr(w[i], '\n'))
			abort();
	content_warnings_free(w);
	for (i = 0; i < m->n_sections; i++)
		for (j = 0; j < m->sections[i].n_rows; j++) {
			n = content_row_terms(m, &m->sections[i].rows[j], terms, 4);
			for (k = 0; k < n && k < 4; k++)
				if (content_glossary_lookup(m, terms[k]->term) != terms[k])
					abort();
		}
	content_free(m);
	return 0;
}
