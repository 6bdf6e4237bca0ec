/* test_content.c - the matrix loader: every validation rule names the
 * right line with the right words, and no input can crash it. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
