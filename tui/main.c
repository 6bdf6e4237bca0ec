/* SPDX-FileCopyrightText: 2026 The nextsteps authors */
/* SPDX-License-Identifier: MIT */
/* main.c - entry point: the locale first, then the command line, which
 * hands over to the screens or the line mode through the table below. */
#include <locale.h>

#include "cli.h"
#include "plain.h"
#include "ui.h"

int main(int argc, char **argv)
{
	static const cli_frontends fe = { ui_run, plain_run, plain_follow_main,
					  plain_score_main };

	setlocale(LC_ALL, "");
	return cli_main(argc, argv, &fe);
}
