package userdata

import (
	"regexp"
	"strings"
)

// DefaultShebang is the interpreter line given to a user script that has none of its own.
const DefaultShebang = "#!/usr/bin/env bash\n"

// Script returns the user script s exactly as Render delivers it to a Linux node that runs
// scripts (FormatNodeadm for AL2023, FormatAL2 for AL2). The rule is the same on both operating
// systems, and it is the only change made to the user's bytes:
//
//   - CR LF line endings become LF, everywhere in the script (so do CR CR LF and longer runs:
//     the delivered script holds no CR LF at all). A script written on Windows would otherwise
//     keep a CR at the end of each line, which bash reads as part of the last word
//     (`$'\r': command not found`) and which makes a shebang name a missing interpreter.
//     cloud-init's own conversion only looks at the first line, which a shebang added here
//     would hide. A CR that is not followed by LF is kept.
//   - A script whose first two bytes are "#!" keeps its shebang and is run by that interpreter
//     (`#!/bin/sh`, `#!/usr/bin/env python3`, ...): cloud-init executes AL2023 script parts
//     directly, and the AL2 user data makes each script executable and executes it the same way.
//   - Any other script gets DefaultShebang as its first line and is run by bash.
//   - A final LF is added when the script does not end with one.
//
// Everything else, whatever its characters (UTF-8 accents, CJK, emoji, a trailing backslash, a
// line that looks like a MIME boundary or a here-document delimiter), arrives byte for byte.
func Script(s string) string {
	s = crlf.ReplaceAllLiteralString(s, "\n")
	if !strings.HasPrefix(s, "#!") {
		s = DefaultShebang + s
	}
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}

// crlf matches a line break made of CRs and an LF.
var crlf = regexp.MustCompile(`\r+\n`)
