/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* cli_matrices.h - finding a matrix by name (--content NAME) among the
 * user's and the installed ones, and listing them all (`matrices`). */
#ifndef NEXTSTEPS_CLI_MATRICES_H
#define NEXTSTEPS_CLI_MATRICES_H

#include <stddef.h>

/* The user's folder of matrices: $XDG_DATA_HOME/nextsteps/matrices (an
 * absolute XDG_DATA_HOME), else ~/.local/share/nextsteps/matrices; 0, or
 * -1 when neither is set or the path does not fit. */
int cli_user_matrix_dir(char *out, size_t size);
/* The folder the installed matrices are in ($(pkgdatadir)). */
const char *cli_installed_matrix_dir(void);
/* What --content ARG opens: ARG itself when it holds a '/' or ends in
 * ".cfg" (a path), else NAME.cfg from the user's folder, then from the
 * installed one.  Returns ARG when no file is found, so the error names
 * what was given; `buf` holds a found path. */
const char *cli_matrix_path(const char *arg, char *buf, size_t size);
/* Prints the built-in, installed and user matrices; returns an exit
 * status (65 when a file there is not a valid matrix, after the rest). */
int cli_matrices_list(void);

#endif
