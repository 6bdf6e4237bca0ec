/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* report_file.h - writing the open session's text report to a file, for
 * the walk and the summary (p and P): the file's name, the question
 * before a file is replaced, the write and the status line.
 *
 * The screen that starts it keeps a report_file in its own state; the
 * form and the question hand it back to the steps that follow, so the
 * chosen path lives exactly as long as that screen. */
#ifndef NEXTSTEPS_REPORT_FILE_H
#define NEXTSTEPS_REPORT_FILE_H

#include "screen.h"

typedef struct report_file {
	char path[4096];
} report_file;

/* `p`: the report goes next to the database under the session's name;
 * the path is fixed, so --kiosk users cannot write anywhere else. */
void report_file_write(ui *u, report_file *rf);
/* `P`: asks for the file's name first (the default is offered); refused
 * under --kiosk. */
void report_file_write_as(ui *u, report_file *rf);

#endif
