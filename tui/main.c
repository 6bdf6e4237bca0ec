/* main.c - entry point: the locale first, then the command line. */
#include <locale.h>

#include "cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	return cli_main(argc, argv);
}
