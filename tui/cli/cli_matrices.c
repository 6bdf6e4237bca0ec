/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* cli_matrices.c - the matrices a name can mean, and where they live.
 *
 * A name is looked up in the user's folder first, so someone can try a
 * changed copy of an installed matrix without touching the system's; a
 * value that looks like a path (a '/' or a .cfg ending) is never looked
 * up, so `--content ./x.cfg` and `--content x.cfg` mean the file here. */
#include "cli_matrices.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "content.h"
#include "locale_info.h"
#include "text.h"

#ifndef NEXTSTEPS_PKGDATADIR
#define NEXTSTEPS_PKGDATADIR "/usr/local/share/nextsteps"
#endif

int cli_user_matrix_dir(char *out, size_t size)
{
	const char *e = getenv("XDG_DATA_HOME");
	int n;

	if (e && *e == '/')
		n = snprintf(out, size, "%s/nextsteps/matrices", e);
	else if ((e = getenv("HOME")) && *e)
		n = snprintf(out, size, "%s/.local/share/nextsteps/matrices", e);
	else
		return -1;
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

const char *cli_installed_matrix_dir(void)
{
	return NEXTSTEPS_PKGDATADIR;
}

static int ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), k = strlen(end);

	return n >= k && strcmp(s + n - k, end) == 0;
}

static int found(char *buf, size_t size, const char *dir, const char *name)
{
	int n = snprintf(buf, size, "%s/%s.cfg", dir, name);

	return n > 0 && (size_t)n < size && access(buf, R_OK) == 0;
}

const char *cli_matrix_path(const char *arg, char *buf, size_t size)
{
	char dir[4096];

	if (!*arg || strchr(arg, '/') || ends_with(arg, ".cfg"))
		return arg;
	if (cli_user_matrix_dir(dir, sizeof dir) == 0 && found(buf, size, dir, arg))
		return buf;
	if (found(buf, size, cli_installed_matrix_dir(), arg))
		return buf;
	return arg;
}

static void print_matrix(const char *name, const char *where,
			 const content_matrix *m)
{
	char line[1024], *clean;

	snprintf(line, sizeof line, "%-18s %-9s %-18s %-8s %6zu  %s", name, where,
		 m->id, m->version, m->n_stages, m->title);
	clean = text_clean(line, locale_is_utf8() ? 0 : TEXT_ASCII);
	puts(clean ? clean : "(out of memory)");
	free(clean);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every NAME.cfg of `dir`, in name order. */
static int list_dir(const char *dir, const char *where)
{
	char **names = NULL, path[4096];
	size_t n = 0, cap = 0, i;
	struct dirent *e;
	DIR *d = opendir(dir);
	int rc = CLI_OK;

	if (!d)
		return CLI_OK;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, ".cfg"))
			continue;
		if (n == cap) {
			char **grown = realloc(names, (cap * 2 + 8) * sizeof *names);

			if (!grown)
				break;
			names = grown;
			cap = cap * 2 + 8;
		}
		if (!(names[n] = strdup(e->d_name)))
			break;
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		content_error err;
		content_matrix *m;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		names[i][strlen(names[i]) - 4] = '\0';
		if ((m = content_load_file(path, &err))) {
			print_matrix(names[i], where, m);
			content_free(m);
		} else {
			cli_error("%s", err.message);
			rc = CLI_DATAERR;
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int cli_matrices_list(void)
{
	content_error err;
	content_matrix *m = content_load_builtin(&err);
	char dir[4096];
	int rc, rc2 = CLI_OK;

	printf("%-18s %-9s %-18s %-8s %6s  %s\n", "NAME", "WHERE", "ID", "VERSION",
	       "STAGES", "TITLE");
	if (m) {
		print_matrix("(built-in)", "built-in", m);
		content_free(m);
	}
	rc = list_dir(cli_installed_matrix_dir(), "installed");
	if (cli_user_matrix_dir(dir, sizeof dir) == 0)
		rc2 = list_dir(dir, "user");
	return rc ? rc : rc2;
}
