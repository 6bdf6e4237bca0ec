/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_file.c - see report_file.h. */
#include "report_file.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "report.h"
#include "screens.h"

static void report_write(ui *u, const report_file *rf, int overwrite)
{
	report_options ro;
	store_error err;

	memset(&ro, 0, sizeof ro);
	ro.format = REPORT_TEXT;
	ro.width = 80;
	ro.page_length = 66;
	ro.utf8 = u->utf8;
	if (report_session_to_path(u->st, &u->ws->s, &ro, rf->path, overwrite,
				   &err) != 0) {
		ui_error(u, &err);
		return;
	}
	ui_say(u, "Report written to %s", rf->path);
}

static void report_overwrite(ui *u, void *ctx)
{
	report_write(u, ctx, 1);
}

/* The default report file, the same one the line mode writes. */
static void default_report_path(ui *u, report_file *rf)
{
	report_default_path(store_path(u->st), u->ws->s.name, rf->path,
			    sizeof rf->path);
}

/* Never replaces a file (or a symlink planted there) without asking. */
static void report_to_chosen_path(ui *u, report_file *rf)
{
	struct stat sb;

	if (lstat(rf->path, &sb) == 0)
		ui_ask(u, report_overwrite, rf, "%s exists: replace it?", rf->path);
	else
		report_write(u, rf, 0);
}

void report_file_write(ui *u, report_file *rf)
{
	default_report_path(u, rf);
	report_to_chosen_path(u, rf);
}

static int report_as_submit(ui *u, char **values, void *ctx)
{
	report_file *rf = ctx;

	if (!*values[0]) {
		ui_say(u, "Type a file name, or Esc to cancel.");
		return 1;
	}
	snprintf(rf->path, sizeof rf->path, "%s", values[0]);
	return 0;
}

static void report_as_after(ui *u, void *ctx)
{
	report_to_chosen_path(u, ctx);
}

/* Under --kiosk no path is ever taken from the user. */
void report_file_write_as(ui *u, report_file *rf)
{
	form_spec f;

	if (u->opts->kiosk) {
		ui_say(u, "With --kiosk the report goes next to the database: press p.");
		return;
	}
	default_report_path(u, rf);
	memset(&f, 0, sizeof f);
	f.title = "Write the report";
	f.intro = "The text report goes to this file (it is never replaced without asking).";
	f.fields[0].label = "File";
	f.fields[0].value = rf->path;
	f.n_fields = 1;
	f.submit = report_as_submit;
	f.after = report_as_after;
	f.ctx = rf;
	screen_form_open(u, &f);
}
