package previewtime

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Memory is the peak resident memory (VmHWM) of the processes of one preview, in MiB, by role:
// RoleEngine, RoleEksnodes, RoleAWS, RoleNode. A Go program runs inside the measuring process
// itself, so it has no entry of its own.
type Memory struct {
	Variant string             `json:"variant"`
	Groups  int                `json:"groups"`
	PeakMiB map[string]float64 `json:"peakMiB"`
}

// Process roles.
const (
	RoleEngine   = "engine"   // the pulumi CLI
	RoleEksnodes = "eksnodes" // pulumi-resource-eksnodes
	RoleAWS      = "aws"      // the stand-in pulumi-resource-aws
	RoleNode     = "node"     // Node.js: the TypeScript driver and program
)

// Roles in the order the report shows them.
var Roles = []string{RoleEngine, RoleEksnodes, RoleAWS, RoleNode}

// role tells what a process is from its executable's name; "" for anything else.
func role(argv0 string) string {
	switch filepath.Base(argv0) {
	case "pulumi":
		return RoleEngine
	case "pulumi-resource-eksnodes":
		return RoleEksnodes
	case "pulumi-resource-aws":
		return RoleAWS
	case "node":
		return RoleNode
	}
	return ""
}

// SamplePeaks runs f while sampling, every 20 ms, the peak resident memory of every process
// descending from this one, and returns the largest peak seen for each role. VmHWM is the peak
// since a process started, so a late sample still sees an early peak; a process that lives
// shorter than one interval may be missed.
func SamplePeaks(f func()) (map[string]float64, error) {
	peaks := map[string]float64{}
	var mu sync.Mutex
	sample := func() {
		for _, pid := range descendants(os.Getpid()) {
			argv0, kib, ok := peakOf(pid)
			if r := role(argv0); ok && r != "" {
				mu.Lock()
				peaks[r] = max(peaks[r], float64(kib)/1024)
				mu.Unlock()
			}
		}
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				sample()
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peaks, nil
}

// descendants lists the processes below root, from /proc.
func descendants(root int) []int {
	entries, _ := os.ReadDir("/proc")
	children := map[int][]int{}
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		raw, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces and parentheses.
		rest := string(raw[strings.LastIndexByte(string(raw), ')')+1:])
		f := strings.Fields(rest)
		if len(f) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		children[ppid] = append(children[ppid], pid)
	}
	var out []int
	queue := []int{root}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		for _, c := range children[p] {
			out = append(out, c)
			queue = append(queue, c)
		}
	}
	return out
}

// peakOf reads a process's executable (argv[0]) and VmHWM in KiB.
func peakOf(pid int) (string, int64, bool) {
	dir := filepath.Join("/proc", strconv.Itoa(pid))
	cmdline, err := os.ReadFile(filepath.Join(dir, "cmdline"))
	if err != nil {
		return "", 0, false
	}
	argv0, _, _ := strings.Cut(string(cmdline), "\x00")
	status, err := os.ReadFile(filepath.Join(dir, "status"))
	if err != nil {
		return "", 0, false
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return argv0, kib, err == nil
		}
	}
	return "", 0, false
}
