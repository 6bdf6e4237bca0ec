/* fuzz_content.c - libFuzzer target for the matrix loader: any bytes must
 * give either a matrix or a one-line error naming a line in the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
