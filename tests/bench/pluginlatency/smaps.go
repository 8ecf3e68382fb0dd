package pluginlatency

// Where the plugin's resident memory is, from /proc/<pid>/smaps: the pages of the binary by
// mapping (code, read-only data, writable data), other files, and anonymous memory.

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Breakdown is the resident set of a process by what backs it, in KiB.
type Breakdown struct {
	CodeKiB      int64 // the binary's executable mapping (.text)
	ReadOnlyKiB  int64 // the binary's read-only mapping (.rodata, .gopclntab, type links)
	DataKiB      int64 // the binary's writable file-backed mapping (.data, .noptrdata)
	OtherFileKiB int64 // other files: the C library, the loader
	AnonKiB      int64 // anonymous: the Go heap, stacks, the runtime's own structures, .bss
}

// readBreakdown reads /proc/<pid>/smaps; binary is the path of the process's executable.
func readBreakdown(pid int, binary string) (Breakdown, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps", pid))
	if err != nil {
		return Breakdown{}, err
	}
	return parseSmaps(data, binary)
}

// parseSmaps sums the Rss of each mapping of smaps into a Breakdown.
func parseSmaps(data []byte, binary string) (Breakdown, error) {
	var b Breakdown
	var dst *int64
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) >= 5 && strings.Contains(f[0], "-") && !strings.HasSuffix(f[0], ":") {
			// A mapping header: address perms offset dev inode [path].
			path := ""
			if len(f) >= 6 {
				path = strings.Join(f[5:], " ")
			}
			dst = mappingKind(&b, f[1], path, binary)
			continue
		}
		if f[0] == "Rss:" && dst != nil && len(f) == 3 {
			n, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return b, fmt.Errorf("smaps Rss %q: %w", f[1], err)
			}
			*dst += n
		}
	}
	return b, sc.Err()
}

// mappingKind is the Breakdown field a mapping's resident pages count towards.
func mappingKind(b *Breakdown, perms, path, binary string) *int64 {
	switch {
	case path == binary && strings.HasPrefix(perms, "r-x"):
		return &b.CodeKiB
	case path == binary && strings.HasPrefix(perms, "rw"):
		return &b.DataKiB
	case path == binary:
		return &b.ReadOnlyKiB
	case strings.HasPrefix(path, "/"):
		return &b.OtherFileKiB
	default: // [heap], [stack], [vdso], and nameless mappings
		return &b.AnonKiB
	}
}
