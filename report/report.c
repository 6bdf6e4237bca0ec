/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report.c - choosing a writer and putting its output safely on disk.
 *
 * A report file is written to a temporary file in the destination's own
 * folder, flushed to disk and renamed over the destination, so a reader
 * (or a crash) only ever sees the old file or the whole new one.
 */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report_doc.h"

static int fail(store_error *err, int status, const char *fmt, ...)
{
	va_list ap;

	err->status = status;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return status;
}

/* Options come from the command line and the screens; both are checked
 * here so a bad width can never produce a broken layout. */
int report_check_options(const report_options *o, store_error *err)
{
	if (o->format != REPORT_TEXT && o->format != REPORT_CSV &&
	    o->format != REPORT_JSON)
		return fail(err, STORE_EUSAGE, "unknown report format");
	if (o->format == REPORT_TEXT && o->table != REPORT_TABLE_DEFAULT)
		return fail(err, STORE_EUSAGE, "a table is written as csv or json, "
			    "not text");
	if (o->format == REPORT_TEXT && (o->width < 60 || o->width > 200))
		return fail(err, STORE_EUSAGE, "the report width must be 60 to 200, "
			    "not %d", o->width);
	if (o->format == REPORT_TEXT && o->page_length != 0 &&
	    o->page_length < REPORT_DOC_MIN_PAGE)
		return fail(err, STORE_EUSAGE, "the page length must be 0 or at "
			    "least %d, not %d", REPORT_DOC_MIN_PAGE, o->page_length);
	return 0;
}

int report_summary_write(const report_summary *sm, const report_options *o,
			 FILE *out, store_error *err)
{
	int rc;

	if ((rc = report_check_options(o, err)) != 0)
		return rc;
	errno = 0;
	switch (o->format) {
	case REPORT_CSV: rc = report_write_table(sm, o, out); break;
	case REPORT_JSON:
		rc = o->table == REPORT_TABLE_DEFAULT ? report_write_json(sm, out)
						      : report_write_table(sm, o, out);
		break;
	default: rc = report_write_text(sm, o, out); break;
	}
	if (rc == 0 && fflush(out) == 0 && !ferror(out))
		return 0;
	return fail(err, STORE_EIO, "cannot write the report: %s",
		    errno ? strerror(errno) : "out of memory");
}

int report_session_write(store *st, const store_session *s,
			 const report_options *o, FILE *out, store_error *err)
{
	report_summary *sm;
	int rc;

	if ((rc = report_check_options(o, err)) != 0 ||
	    (rc = report_summary_load(st, s, &sm, err)) != 0)
		return rc;
	rc = report_summary_write(sm, o, out, err);
	report_summary_free(sm);
	return rc;
}

/* ---------------------------------------------------------- files */

/* Refuses a symlink, anything but a regular file, and an existing file
 * unless `overwrite`; *old_mode gets the permissions of a file being
 * replaced (0777 when there is none). */
static int check_destination(const char *path, int overwrite, unsigned *old_mode,
			     store_error *err)
{
	struct stat sb;

	*old_mode = 0777;
	if (lstat(path, &sb) != 0) {
		if (errno == ENOENT)
			return 0;
		return fail(err, errno == ENOTDIR ? STORE_ECANTCREAT : STORE_EIO,
			    "%s: %s", path, strerror(errno));
	}
	if (S_ISLNK(sb.st_mode))
		return fail(err, STORE_ECANTCREAT, "%s: is a symbolic link; "
			    "not writing through it", path);
	if (!S_ISREG(sb.st_mode))
		return fail(err, STORE_ECANTCREAT, "%s: not a regular file", path);
	if (!overwrite)
		return fail(err, STORE_ECANTCREAT, "%s exists", path);
	*old_mode = sb.st_mode & 0777;
	return 0;
}

/* "DIR/.NAME.XXXXXX" next to `path`, for mkstemp. */
static char *temp_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;

	return report_doc_strf("%.*s.%s.XXXXXX", (int)dirlen, path,
			       slash ? slash + 1 : path);
}

/* A report says what the workshop said: it gets the database's rule
 * (0600, or 0660 in a group-shared folder) whatever the umask, and never
 * more than the file it replaces allowed. */
static void set_mode(int fd, const char *path, unsigned old_mode)
{
	(void)fchmod(fd, (mode_t)(store_create_mode(path) & old_mode));
}

/* Writes, flushes and syncs the temporary file; closes it either way. */
static int fill_temp(int fd, const char *path, unsigned old_mode, report_writer w,
		     void *ctx, store_error *err)
{
	FILE *f = fdopen(fd, "w");
	int rc, e;

	if (!f) {
		e = errno;
		close(fd);
		return fail(err, STORE_EIO, "%s: %s", path, strerror(e));
	}
	set_mode(fd, path, old_mode);
	rc = w(ctx, f, err);
	if (rc == 0 && (fflush(f) != 0 || fsync(fd) != 0)) {
		e = errno;
		fclose(f);
		return fail(err, STORE_EIO, "%s: %s", path, strerror(e));
	}
	if (fclose(f) != 0 && rc == 0)
		return fail(err, STORE_EIO, "%s: %s", path, strerror(errno));
	if (rc != 0 && err->status == STORE_EIO)
		snprintf(err->message, sizeof err->message, "%s: cannot write the "
			 "report", path);
	return rc;
}

/* Puts the finished file in place: without `overwrite`, link(2) fails
 * atomically if someone created the destination meanwhile. */
static int install(const char *tmp, const char *path, int overwrite,
		   store_error *err)
{
	if (!overwrite) {
		if (link(tmp, path) == 0) {
			unlink(tmp);
			return 0;
		}
		if (errno == EEXIST)
			return fail(err, STORE_ECANTCREAT, "%s exists", path);
		/* A file system without hard links: fall back to rename. */
	}
	if (rename(tmp, path) != 0)
		return fail(err, STORE_EIO, "%s: %s", path, strerror(errno));
	return 0;
}

/* Syncs the folder so the rename itself survives a power cut. */
static void sync_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? report_doc_strf("%.*s", (int)(slash - path + 1), path)
			  : report_doc_strf(".");
	int fd = dir ? open(dir, O_RDONLY) : -1;

	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

static int write_to_path(const char *path, int overwrite, report_writer w,
			 void *ctx, store_error *err)
{
	unsigned old_mode;
	char *tmp;
	int fd, rc, e;

	if (!path || strcmp(path, "-") == 0)
		return w(ctx, stdout, err);
	if ((rc = check_destination(path, overwrite, &old_mode, err)) != 0)
		return rc;
	if (!(tmp = temp_name(path)))
		return fail(err, STORE_EIO, "%s: out of memory", path);
	if ((fd = mkstemp(tmp)) < 0) {
		e = errno;
		free(tmp);
		return fail(err, e == ENOENT || e == ENOTDIR || e == EACCES ||
			    e == EROFS ? STORE_ECANTCREAT : STORE_EIO,
			    "%s: %s", path, strerror(e));
	}
	rc = fill_temp(fd, path, old_mode, w, ctx, err);
	if (rc == 0)
		rc = install(tmp, path, overwrite, err);
	if (rc != 0)
		unlink(tmp);
	else
		sync_folder(path);
	free(tmp);
	return rc;
}

typedef struct session_job {
	store *st;
	const store_session *s;
	const report_options *o;
	report_summary *sm;
} session_job;

static int write_session(void *ctx, FILE *out, store_error *err)
{
	session_job *job = ctx;

	return report_summary_write(job->sm, job->o, out, err);
}

int report_session_to_path(store *st, const store_session *s,
			   const report_options *o, const char *path,
			   int overwrite, store_error *err)
{
	session_job job = { st, s, o, NULL };
	int rc;

	/* Load before creating any file: a missing session leaves no trace. */
	if ((rc = report_check_options(o, err)) != 0 ||
	    (rc = report_summary_load(st, s, &job.sm, err)) != 0)
		return rc;
	rc = write_to_path(path, overwrite, write_session, &job, err);
	report_summary_free(job.sm);
	return rc;
}

int report_write_file(const char *path, int overwrite, report_writer w,
		      void *ctx, store_error *err)
{
	return write_to_path(path, overwrite, w, ctx, err);
}

/* The session name as a file name: letters, digits, '.', '-' and '_'
 * only, never starting with a dot, so it cannot leave the folder. */
static void report_safe_file_name(const char *name, char *out, size_t size)
{
	size_t i, k = 0;

	for (i = 0; name[i] && k + 5 < size && k < 80; i++) {
		unsigned char c = (unsigned char)name[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || c == '-' || c == '_' ||
			 (c == '.' && k > 0);

		if (ok)
			out[k++] = (char)c;
		else if (k > 0 && out[k - 1] != '-')
			out[k++] = '-';
	}
	while (k > 0 && out[k - 1] == '-')
		k--;
	if (k == 0)
		k = (size_t)snprintf(out, size, "session");
	out[k] = '\0';
}

void report_default_path(const char *db_path, const char *session_name,
			 char *out, size_t size)
{
	const char *slash = strrchr(db_path, '/');
	char name[96];

	report_safe_file_name(session_name, name, sizeof name);
	if (slash)
		snprintf(out, size, "%.*s/%s.txt", (int)(slash - db_path), db_path,
			 name);
	else
		snprintf(out, size, "%s.txt", name);
}
