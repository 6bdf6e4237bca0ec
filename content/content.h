/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* content.h - the matrix: sections, rows and stage descriptors.
 *
 * A matrix is loaded from libconfig text (a file, or the built-in copy
 * compiled into the binary) and validated completely before anyone sees it,
 * so the rest of the program can trust every field.  Nothing here knows about
 * terminals or databases.
 */
#ifndef NEXTSTEPS_CONTENT_H
#define NEXTSTEPS_CONTENT_H

#include <stddef.h>

#define CONTENT_MIN_STAGES 2
#define CONTENT_MAX_STAGES 9

/* Which collaborative arrangement a row applies to. */
enum content_track {
	CONTENT_TRACK_LGPO = 1,
	CONTENT_TRACK_PCN = 2,
	CONTENT_TRACK_BOTH = 3
};

typedef struct content_stage {
	char *id;
	char *label;
} content_stage;

typedef struct content_row {
	char *id;
	char *title;
	unsigned tracks;        /* CONTENT_TRACK_* bits */
	char **descriptors;     /* one per stage, in stage order */
	/* For the facilitator, shown on demand and never needed to place a
	 * row: questions to ask a quiet room, and what the group could show a
	 * visitor.  n_prompts may be 0; evidence is "" when there is none. */
	char **prompts;
	size_t n_prompts;
	char *evidence;
} content_row;

typedef struct content_section {
	char *id;
	char *title;
	char *intro;            /* may be "" */
	content_row *rows;
	size_t n_rows;
} content_section;

/* One glossary entry: an acronym or term and what it stands for. */
typedef struct content_term {
	char *term;
	char *meaning;
} content_term;

typedef struct content_matrix {
	char *id;
	char *title;
	char *version;
	char *source;
	content_stage *stages;
	size_t n_stages;
	content_section *sections;
	size_t n_sections;
	content_term *glossary; /* in file order; n_glossary may be 0 */
	size_t n_glossary;
	const content_term **glossary_sorted; /* the same entries, by term */
	char *text;             /* the text it was loaded from (a byte-order
				   mark dropped, line ends made LF) */
} content_matrix;

/* Exit statuses shared by the whole program (sysexits.h values). */
enum content_status {
	CONTENT_OK = 0,
	CONTENT_EDATA = 65,     /* malformed content */
	CONTENT_ENOINPUT = 66,  /* file missing or unreadable */
	CONTENT_EOS = 71        /* out of memory */
};

/* A load failure: `message` is the whole one-line text, "FILE:LINE: what". */
typedef struct content_error {
	int status;
	int line;
	char message[512];
} content_error;

/* Largest matrix file accepted, so a hostile file cannot exhaust memory. */
#define CONTENT_MAX_BYTES (16u * 1024u * 1024u)

/* A path that is not a regular file (FIFO, device, socket, directory) is
 * refused before it is opened: CONTENT_EDATA; a missing or unreadable one
 * is CONTENT_ENOINPUT.  A UTF-8 byte-order mark at the start is skipped and
 * CR or CRLF line ends count as lines, in files and in text alike. */
content_matrix *content_load_file(const char *path, content_error *err);
/* `name` is used in error messages in place of a file name. */
content_matrix *content_load_text(const char *text, size_t len,
				  const char *name, content_error *err);
content_matrix *content_load_builtin(content_error *err);
const char *content_builtin_text(size_t *len);
void content_free(content_matrix *m);

/* Lookups by stable id; NULL or -1 when absent. */
const content_row *content_find_row(const content_matrix *m, const char *row_id,
				    size_t *section_index, size_t *row_index);
int content_find_section(const content_matrix *m, const char *section_id);
int content_find_stage(const content_matrix *m, const char *stage_id);

/* The glossary entry for `term` (exact, case-sensitive), or NULL. */
const content_term *content_glossary_lookup(const content_matrix *m,
					    const char *term);
/* The glossary entries for the acronyms a row's title, descriptors,
 * prompts and evidence use, each once, in the order first used: up to
 * `max` go to `out`; returns how many there are in all. */
size_t content_row_terms(const content_matrix *m, const content_row *row,
			 const content_term **out, size_t max);

/* Warnings about a matrix that loads: an upper-case acronym (three or more
 * letters, a plural 's' allowed) in any text that the glossary does not
 * explain, once per acronym at its first use.  Returns a NULL-terminated
 * array of lines "NAME:LINE: warning: ..." (empty when all is well; NULL
 * when out of memory), freed with content_warnings_free(). */
char **content_warnings(const content_matrix *m, const char *name, size_t *n);
void content_warnings_free(char **w);

/* Tracks: parse "lgpo"/"pcn" (0 when unknown), and whether a row applies. */
unsigned content_track_parse(const char *name);
const char *content_track_name(unsigned track);
int content_row_applies(const content_row *row, unsigned track);
/* Rows of the matrix (or of one section) that apply to `track`. */
size_t content_count_rows(const content_matrix *m, unsigned track);
size_t content_section_count_rows(const content_section *s, unsigned track);

#endif
