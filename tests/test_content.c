/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* test_content.c - the matrix loader: every validation rule names the
 * right line with the right words, and no input can crash it. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"

#define DATA TEST_DATA "/content/"

static void expect_error(const char *file, int status, int line, const char *what)
{
	char path[512], expected[1024];
	content_error err;
	content_matrix *m;

	snprintf(path, sizeof path, DATA "%s", file);
	m = content_load_file(path, &err);
	cr_assert_null(m, "%s loaded but should not", file);
	cr_assert_eq(err.status, status, "%s: status %d", file, err.status);
	cr_assert_eq(err.line, line, "%s: line %d, message %s", file, err.line,
		     err.message);
	snprintf(expected, sizeof expected, "%s:%d: %s", path, line, what);
	cr_assert_str_eq(err.message, expected);
}

Test(content, valid_file_loads_every_field)
{
	content_error err;
	content_matrix *m = content_load_file(DATA "valid.cfg", &err);

	cr_assert_not_null(m, "%s", err.message);
	cr_assert_str_eq(m->id, "tiny");
	cr_assert_str_eq(m->version, "1");
	cr_assert_eq(m->n_stages, 3);
	cr_assert_str_eq(m->stages[2].label, "Enhance");
	cr_assert_eq(m->n_sections, 2);
	cr_assert_str_eq(m->sections[1].intro, "");
	cr_assert_eq(m->sections[0].n_rows, 2);
	cr_assert_str_eq(m->sections[0].rows[1].descriptors[1], "B build");
	cr_assert_eq(m->sections[0].rows[0].tracks, CONTENT_TRACK_BOTH);
	cr_assert_eq(m->sections[0].rows[1].tracks, CONTENT_TRACK_PCN);
	cr_assert_eq(content_count_rows(m, CONTENT_TRACK_LGPO), 2);
	cr_assert_eq(content_count_rows(m, CONTENT_TRACK_PCN), 2);
	cr_assert_eq(content_count_rows(m, CONTENT_TRACK_BOTH), 3);
	content_free(m);
}

Test(content, lookups_by_stable_id)
{
	content_error err;
	content_matrix *m = content_load_file(DATA "valid.cfg", &err);
	size_t si = 9, ri = 9;

	cr_assert_not_null(m);
	cr_assert_not_null(content_find_row(m, "row-c", &si, &ri));
	cr_assert_eq(si, 1);
	cr_assert_eq(ri, 0);
	cr_assert_null(content_find_row(m, "row-z", NULL, NULL));
	cr_assert_eq(content_find_section(m, "two"), 1);
	cr_assert_eq(content_find_section(m, "three"), -1);
	cr_assert_eq(content_find_stage(m, "enhance"), 2);
	cr_assert_eq(content_find_stage(m, "Enhance"), -1);
	content_free(m);
}

Test(content, tracks_parse_and_name)
{
	cr_assert_eq(content_track_parse("lgpo"), CONTENT_TRACK_LGPO);
	cr_assert_eq(content_track_parse("pcn"), CONTENT_TRACK_PCN);
	cr_assert_eq(content_track_parse("PCN"), 0);
	cr_assert_str_eq(content_track_name(CONTENT_TRACK_PCN), "pcn");
}

/* Each file of tests/data/content/ that is refused, with the line and the
 * words of its one error (status 65). */
typedef struct refused_file {
	const char *file;
	int line;
	const char *message;
} refused_file;

static const refused_file refused[] = {
	{ "unknown-field.cfg", 16, "unknown field 'descriptor' in row" },
	{ "unknown-matrix-field.cfg", 6, "unknown field 'author' in matrix" },
	{ "top-level-typo.cfg", 1, "unknown field 'matrx' in the file" },
	{ "bad-id.cfg", 15, "id 'Row_B' must use only a-z, 0-9 and '-'" },
	{ "dup-row.cfg", 20, "duplicate row id 'row-a'" },
	{ "dup-section.cfg", 18, "duplicate section id 'one'" },
	{ "dup-stage.cfg", 9, "duplicate stage id 'build'" },
	{ "one-stage.cfg", 7, "a matrix needs 2 to 9 stages, found 1" },
	{ "ten-stages.cfg", 7, "a matrix needs 2 to 9 stages, found 10" },
	{ "stages-not-list.cfg", 7, "stages must be a list ( ... )" },
	{ "descriptor-count.cfg", 21,
	  "row 'row-c' has 2 descriptors, expected 3 (one per stage)" },
	{ "empty-title.cfg", 15, "title must not be empty" },
	{ "missing-title.cfg", 20, "missing field 'title' in row" },
	{ "not-string.cfg", 18, "title must be a string" },
	{ "empty-rows.cfg", 19, "rows must not be empty" },
	{ "bad-track.cfg", 20, "unknown track 'gp' (expected \"lgpo\" or \"pcn\")" },
	{ "bad-utf8.cfg", 18, "invalid UTF-8" },
	{ "escaped-bad-utf8.cfg", 14, "descriptor is not valid UTF-8" },
	{ "include.cfg", 1, "@include is not allowed in a matrix file" },
	{ "empty.cfg", 1, "no 'matrix' group found" },
	{ "binary.cfg", 1, "contains a NUL byte (not a text file)" },
	{ "syntax-error.cfg", 13, "syntax error" },
	{ "truncated.cfg", 15, "string is not closed before the end of the file" },
};

#define N_REFUSED (sizeof refused / sizeof *refused)

/* The parameters are positions in the table: a test runs in a process of
 * its own, where the table's pointers are its own too. */
ParameterizedTestParameters(content, refused_with_line_and_words)
{
	static size_t at[N_REFUSED];
	size_t i;

	for (i = 0; i < N_REFUSED; i++)
		at[i] = i;
	return cr_make_param_array(size_t, at, N_REFUSED);
}

ParameterizedTest(size_t *i, content, refused_with_line_and_words)
{
	expect_error(refused[*i].file, 65, refused[*i].line, refused[*i].message);
}

Test(content, missing_file_is_66)
{
	content_error err;

	cr_assert_null(content_load_file(DATA "no-such-file.cfg", &err));
	cr_assert_eq(err.status, 66);
	cr_assert_str_eq(err.message, DATA "no-such-file.cfg: No such file or directory");
}

Test(content, shipped_matrices_load)
{
	content_error err;
	content_matrix *m = content_load_file(TEST_CONTENT "/nextsteps.cfg", &err);

	cr_assert_not_null(m, "%s", err.message);
	cr_assert_geq(m->n_sections, 9);
	cr_assert_geq(content_count_rows(m, CONTENT_TRACK_BOTH), 36);
	cr_assert_eq(m->n_stages, 3);
	cr_assert_neq(content_count_rows(m, CONTENT_TRACK_LGPO),
		      content_count_rows(m, CONTENT_TRACK_BOTH));
	cr_assert_neq(content_count_rows(m, CONTENT_TRACK_PCN),
		      content_count_rows(m, CONTENT_TRACK_BOTH));
	content_free(m);
	m = content_load_file(TEST_CONTENT "/pcn-maturity.cfg", &err);
	cr_assert_not_null(m, "%s", err.message);
	cr_assert_eq(m->n_stages, 4);
	cr_assert_eq(m->n_sections, 5);
	content_free(m);
}

Test(content, builtin_is_the_shipped_file)
{
	content_error err;
	content_matrix *m = content_load_builtin(&err);
	FILE *f = fopen(TEST_CONTENT "/nextsteps.cfg", "rb");
	size_t len, flen;
	const char *text = content_builtin_text(&len);
	char *buf;

	cr_assert_not_null(m, "%s", err.message);
	cr_assert_str_eq(m->id, "next-steps");
	cr_assert_not_null(f);
	buf = malloc(len + 1);
	flen = fread(buf, 1, len + 1, f);
	fclose(f);
	cr_assert_eq(flen, len);
	cr_assert(memcmp(buf, text, len) == 0);
	free(buf);
	content_free(m);
}

/* Found by fuzzing: an id holding a newline put a second line (and raw
 * control characters) into the error message. */
Test(content, error_messages_stay_one_safe_line)
{
	static const char text[] = "matrix: { id = \"a\nb\033[2J\"; };\n";
	content_error err;

	cr_assert_null(content_load_text(text, sizeof text - 1, "m.cfg", &err));
	cr_assert_null(strchr(err.message, '\n'), "%s", err.message);
	cr_assert_null(strchr(err.message, '\033'), "%s", err.message);
	cr_assert(strstr(err.message, "id 'a b^[[2J' must use only") != NULL, "%s",
		  err.message);
}

/* libconfig leaks when input ends inside a string, so the loader refuses
 * it first, naming the line where the string opened. */
Test(content, unterminated_string_names_its_line)
{
	static const char text[] = "# \"not a string\"\nmatrix:\n{\n  id = \"abc\n\n";
	content_error err;

	cr_assert_null(content_load_text(text, sizeof text - 1, "u.cfg", &err));
	cr_assert_str_eq(err.message,
			 "u.cfg:4: string is not closed before the end of the file");
}

Test(content, include_is_refused_anywhere_on_its_line)
{
	static const char text[] = "matrix:\n{\n   \t@include \"x.cfg\"\n};\n";
	content_error err;

	cr_assert_null(content_load_text(text, sizeof text - 1, "i.cfg", &err));
	cr_assert_str_eq(err.message, "i.cfg:3: @include is not allowed in a matrix file");
}

Test(content, glossary_prompts_and_evidence_load)
{
	content_error err;
	content_matrix *m = content_load_file(DATA "glossary.cfg", &err);
	const content_row *a, *b;
	const content_term *t;

	cr_assert_not_null(m, "%s", err.message);
	cr_assert_eq(m->n_glossary, 3);
	cr_assert_str_eq(m->glossary[0].term, "QOF");
	t = content_glossary_lookup(m, "ARRS");
	cr_assert_not_null(t);
	cr_assert_str_eq(t->meaning, "Additional Roles Reimbursement Scheme");
	cr_assert_str_eq(content_glossary_lookup(m, "ICB")->term, "ICB");
	cr_assert_str_eq(content_glossary_lookup(m, "QOF")->term, "QOF");
	cr_assert_null(content_glossary_lookup(m, "icb"));
	cr_assert_null(content_glossary_lookup(m, "PCN"));
	a = content_find_row(m, "row-a", NULL, NULL);
	b = content_find_row(m, "row-b", NULL, NULL);
	cr_assert_eq(a->n_prompts, 2);
	cr_assert_str_eq(a->prompts[1], "What does the QOF say?");
	cr_assert_str_eq(a->evidence, "A rota of ARRS staff across practices");
	cr_assert_eq(b->n_prompts, 0);
	cr_assert_str_eq(b->evidence, "");
	content_free(m);
}

/* The terms a row uses, once each in the order first used, so the walk
 * can show just the ones on screen. */
Test(content, row_terms_in_order_of_use)
{
	content_error err;
	content_matrix *m = content_load_file(DATA "glossary.cfg", &err);
	const content_term *t[2];

	cr_assert_not_null(m, "%s", err.message);
	cr_assert_eq(content_row_terms(m, content_find_row(m, "row-a", NULL, NULL),
				       t, 2), 3);
	cr_assert_str_eq(t[0]->term, "ARRS");
	cr_assert_str_eq(t[1]->term, "ICB");
	cr_assert_eq(content_row_terms(m, content_find_row(m, "row-b", NULL, NULL),
				       t, 2), 0);
	content_free(m);
}

Test(content, glossary_and_prompts_validated)
{
	expect_error("dup-term.cfg", 65, 12, "duplicate glossary term 'ICB'");
	expect_error("empty-prompts.cfg", 65, 13, "prompts must not be empty");
}

Test(content, new_fields_are_still_strict)
{
	static const char head[] =
		"matrix: { id = \"x\"; title = \"X\"; version = \"1\"; source = \"s\";\n"
		" stages = ( { id = \"a\"; label = \"A\"; }, { id = \"b\"; label = \"B\"; } );\n";
	static const char *const tails[][2] = {
		{ " glossary = ( { term = \"ICB\"; meaning = \"m\"; see = \"x\"; } );\n",
		  "g.cfg:3: unknown field 'see' in glossary entry" },
		{ " glossary = ( { term = \"ICB\"; } );\n",
		  "g.cfg:3: missing field 'meaning' in glossary entry" },
		{ " glossary = ( { term = \"\"; meaning = \"m\"; } );\n",
		  "g.cfg:3: term must not be empty" },
		{ " glossary = ( \"ICB\" );\n",
		  "g.cfg:3: each glossary entry must be a group { ... }" },
		{ " sections = ( { id = \"s\"; title = \"S\"; rows = ( { id = \"r\";\n"
		  " title = \"R\"; descriptors = ( \"1\", \"2\" ); evidence = \"\"; } ); } );\n",
		  "g.cfg:4: evidence must not be empty" },
		{ " sections = ( { id = \"s\"; title = \"S\"; rows = ( { id = \"r\";\n"
		  " title = \"R\"; descriptors = ( \"1\", \"2\" ); prompts = ( 3 ); } ); } );\n",
		  "g.cfg:4: prompt must be a string" },
		{ " sections = ( { id = \"s\"; title = \"S\"; rows = ( { id = \"r\";\n"
		  " title = \"R\"; descriptors = ( \"1\", \"2\" ); prompt = ( \"?\" ); } ); } );\n",
		  "g.cfg:4: unknown field 'prompt' in row" },
	};
	size_t i;

	for (i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		char text[1024];
		content_error err;

		snprintf(text, sizeof text, "%s%s};\n", head, tails[i][0]);
		cr_assert_null(content_load_text(text, strlen(text), "g.cfg", &err),
			       "case %zu loaded", i);
		cr_assert_eq(err.status, 65);
		cr_assert_str_eq(err.message, tails[i][1], "case %zu", i);
	}
}

Test(content, warnings_name_unexplained_acronyms)
{
	content_error err;
	content_matrix *m = content_load_file(DATA "glossary.cfg", &err);
	size_t n = 9;
	char **w;

	cr_assert_not_null(m, "%s", err.message);
	w = content_warnings(m, "g.cfg", &n);
	cr_assert_not_null(w);
	cr_assert_eq(n, 1);
	cr_assert_str_eq(w[0], "g.cfg:20: warning: 'CCG' is not explained in the "
			 "glossary");
	cr_assert_null(w[1]);
	content_warnings_free(w);
	content_free(m);
	/* Counted once, at the first use; ids, plain words, mixed case and
	 * short capitals are not acronyms. */
	m = content_load_file(DATA "valid.cfg", &err);
	cr_assert_not_null(m, "%s", err.message);
	w = content_warnings(m, "v.cfg", &n);
	cr_assert_eq(n, 0);
	content_warnings_free(w);
	content_free(m);
}

Test(content, warnings_count_uses_and_skip_non_acronyms)
{
	static const char text[] =
		"matrix: { id = \"abc\"; title = \"GP and HR, SystmOne, NHSmail\";\n"
		" version = \"1\"; source = \"The NHS; the NHS's view; PCNs\";\n"
		" stages = ( { id = \"a\"; label = \"A\"; }, { id = \"b\"; label = \"B\"; } );\n"
		" sections = ( { id = \"s\"; title = \"S\"; rows = ( { id = \"r\";\n"
		" title = \"NHS\"; descriptors = ( \"1\", \"Caf\xc3\xa9S ABC2 COVID-19\" ); } ); } ); };\n";
	content_error err;
	content_matrix *m = content_load_text(text, sizeof text - 1, "w.cfg", &err);
	size_t n;
	char **w;

	cr_assert_not_null(m, "%s", err.message);
	w = content_warnings(m, "w.cfg", &n);
	cr_assert_eq(n, 3);
	cr_assert_str_eq(w[0], "w.cfg:2: warning: 'NHS' is not explained in the "
			 "glossary (first of 3 uses)");
	cr_assert_str_eq(w[1], "w.cfg:2: warning: 'PCN' is not explained in the "
			 "glossary");
	cr_assert_str_eq(w[2], "w.cfg:5: warning: 'COVID' is not explained in the "
			 "glossary");
	content_warnings_free(w);
	content_free(m);
}

Test(content, shipped_matrices_have_no_warnings)
{
	static const char *const files[] = { TEST_CONTENT "/nextsteps.cfg",
					     TEST_CONTENT "/pcn-maturity.cfg" };
	size_t i, n;

	for (i = 0; i < 2; i++) {
		content_error err;
		content_matrix *m = content_load_file(files[i], &err);
		char **w;

		cr_assert_not_null(m, "%s", err.message);
		w = content_warnings(m, files[i], &n);
		cr_assert_not_null(w);
		cr_assert_eq(n, 0, "%s", n ? w[0] : "");
		content_warnings_free(w);
		content_free(m);
	}
}

Test(content, byte_order_mark_is_skipped)
{
	content_error err;
	content_matrix *m = content_load_file(DATA "bom.cfg", &err);

	cr_assert_not_null(m, "%s", err.message);
	cr_assert_str_eq(m->id, "tiny");
	cr_assert(strncmp(m->text, "matrix:", 7) == 0);
	content_free(m);
}

/* A '#' comment ends at a CR too, and errors count CR-only lines. */
Test(content, cr_and_crlf_line_ends_count_lines)
{
	expect_error("cr-only-dup-row.cfg", 65, 21, "duplicate row id 'row-a'");
	expect_error("crlf-dup-row.cfg", 65, 21, "duplicate row id 'row-a'");
}

Test(content, only_regular_files_are_read)
{
	char dir[64], fifo[96], msg[160];
	content_error err;

	snprintf(dir, sizeof dir, "/tmp/nstest-content-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(fifo, sizeof fifo, "%s/matrix.cfg", dir);
	cr_assert_eq(mkfifo(fifo, 0600), 0);
	/* Opening the FIFO to read would wait for a writer for ever. */
	cr_assert_null(content_load_file(fifo, &err));
	cr_assert_eq(err.status, 65);
	snprintf(msg, sizeof msg, "%s: a FIFO", fifo);
	cr_assert_str_eq(err.message, msg);
	cr_assert_null(content_load_file(dir, &err));
	cr_assert_eq(err.status, 65);
	snprintf(msg, sizeof msg, "%s: a directory", dir);
	cr_assert_str_eq(err.message, msg);
	cr_assert_null(content_load_file("/dev/null", &err));
	cr_assert_eq(err.status, 65);
	cr_assert_str_eq(err.message, "/dev/null: a character device");
	unlink(fifo);
	rmdir(dir);
}

/* The facilitator has something to ask and to look for on every row of
 * the shipped matrices. */
Test(content, shipped_rows_have_prompts_and_evidence)
{
	static const char *const files[] = { TEST_CONTENT "/nextsteps.cfg",
					     TEST_CONTENT "/pcn-maturity.cfg" };
	size_t f, i, j;

	for (f = 0; f < 2; f++) {
		content_error err;
		content_matrix *m = content_load_file(files[f], &err);

		cr_assert_not_null(m, "%s", err.message);
		cr_assert_gt(m->n_glossary, 0);
		for (i = 0; i < m->n_sections; i++)
			for (j = 0; j < m->sections[i].n_rows; j++) {
				const content_row *r = &m->sections[i].rows[j];

				cr_assert_gt(r->n_prompts, 0, "%s: %s", files[f], r->id);
				cr_assert_neq(*r->evidence, '\0', "%s: %s", files[f], r->id);
			}
		content_free(m);
	}
}
