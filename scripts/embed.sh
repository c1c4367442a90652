#!/bin/sh
# embed.sh SYMBOL FILE > out.c — a file's bytes as a C array (for stdlib/).
sym="$1"; file="$2"
printf '/* generated from %s by scripts/embed.sh: do not edit */\n#include <stddef.h>\n' "$file"
printf 'const char %s[] = {\n' "$sym"
od -An -v -tx1 "$file" | sed 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'
printf '0x00 };\nconst size_t %s_len = sizeof(%s) - 1;\n' "$sym" "$sym"
