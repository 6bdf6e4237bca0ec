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

Test(content, unknown_field_in_row)
{
	expect_error("unknown-field.cfg", 65, 16, "unknown field 'descriptor' in row");
}

Test(content, unknown_field_in_matrix)
{
	expect_error("unknown-matrix-field.cfg", 65, 6, "unknown field 'author' in matrix");
}

Test(content, unknown_top_level_group)
{
	expect_error("top-level-typo.cfg", 65, 1, "unknown field 'matrx' in the file");
}

Test(content, id_characters)
{
	expect_error("bad-id.cfg", 65, 15, "id 'Row_B' must use only a-z, 0-9 and '-'");
}

Test(content, duplicate_ids)
{
	expect_error("dup-row.cfg", 65, 20, "duplicate row id 'row-a'");
	expect_error("dup-section.cfg", 65, 18, "duplicate section id 'one'");
	expect_error("dup-stage.cfg", 65, 9, "duplicate stage id 'build'");
}

Test(content, stage_count_limits)
{
	expect_error("one-stage.cfg", 65, 7, "a matrix needs 2 to 9 stages, found 1");
	expect_error("ten-stages.cfg", 65, 7, "a matrix needs 2 to 9 stages, found 10");
	expect_error("stages-not-list.cfg", 65, 7, "stages must be a list ( ... )");
}

Test(content, one_descriptor_per_stage)
{
	expect_error("descriptor-count.cfg", 65, 21,
		     "row 'row-c' has 2 descriptors, expected 3 (one per stage)");
}

Test(content, texts_present_and_non_empty)
{
	expect_error("empty-title.cfg", 65, 15, "title must not be empty");
	expect_error("missing-title.cfg", 65, 20, "missing field 'title' in row");
	expect_error("not-string.cfg", 65, 18, "title must be a string");
	expect_error("empty-rows.cfg", 65, 19, "rows must not be empty");
}

Test(content, tracks_validated)
{
	expect_error("bad-track.cfg", 65, 20,
		     "unknown track 'gp' (expected \"lgpo\" or \"pcn\")");
}

Test(content, utf8_required)
{
	expect_error("bad-utf8.cfg", 65, 18, "invalid UTF-8");
	expect_error("escaped-bad-utf8.cfg", 65, 14, "descriptor is not valid UTF-8");
}

Test(content, include_refused)
{
	expect_error("include.cfg", 65, 1, "@include is not allowed in a matrix file");
}

Test(content, empty_binary_syntax_and_truncated_files)
{
	expect_error("empty.cfg", 65, 1, "no 'matrix' group found");
	expect_error("binary.cfg", 65, 1, "contains a NUL byte (not a text file)");
	expect_error("syntax-error.cfg", 65, 13, "syntax error");
	expect_error("truncated.cfg", 65, 15,
		     "string is not closed before the end of the file");
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
