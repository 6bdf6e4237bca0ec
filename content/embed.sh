#!/bin/sh
# SPDX-FileCopyrightText: 2026 The nextsteps authors
# SPDX-License-Identifier: MIT
# embed.sh FILE - print a C source that holds FILE's bytes, so the default
# matrix is part of the binary and the program needs no installed data.
set -e
file=$1
[ -r "$file" ] || { echo "embed.sh: cannot read $file" >&2; exit 1; }
echo '/* Generated from nextsteps.cfg by embed.sh; do not edit. */'
echo '#include "content.h"'
echo 'static const unsigned char builtin[] = {'
od -An -v -tx1 "$file" | sed -e 's/  */ /g' -e 's/^ //' -e '/^$/d' \
	-e 's/\([0-9a-f][0-9a-f]\)/0x\1,/g'
echo '0x00 };'
echo 'const char *content_builtin_text(size_t *len)'
echo '{'
echo '	if (len)'
echo '		*len = sizeof builtin - 1;'
echo '	return (const char *)builtin;'
echo '}'
