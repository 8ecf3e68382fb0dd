// Command report writes docs/PERFORMANCE.md from the figures `make bench` collects: Go
// benchmarks, plugin latency, offline preview times, the build cost for a Go user, and user data
// sizes per operating system.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eksnodes/pulumi-eksnodes/tests/bench/buildcost"
	"github.com/eksnodes/pulumi-eksnodes/tests/bench/pluginlatency"
	"github.com/eksnodes/pulumi-eksnodes/tests/bench/previewtime"
)

func main() {
	goBench := flag.String("go", "", "go test -bench output")
	plugin := flag.String("plugin", "", "pluginlatency JSON")
	preview := flag.String("preview", "", "previewtime JSON")
	buildCost := flag.String("buildcost", "", "buildcost JSON (the build cost section is left out without it)")
	out := flag.String("out", "docs/PERFORMANCE.md", "the report to write")
	pulumiBin := flag.String("pulumi", "pulumi", "the Pulumi CLI, for its version")
	flag.Parse()
	if err := run(*goBench, *plugin, *preview, *buildCost, *out, *pulumiBin); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(1)
	}
}

func run(goBench, pluginPath, previewPath, buildCostPath, out, pulumiBin string) error {
	benches, err := parseBench(goBench)
	if err != nil {
		return err
	}
	var plug pluginlatency.Report
	if err := readJSON(pluginPath, &plug); err != nil {
		return err
	}
	var prev previewtime.Report
	if err := readJSON(previewPath, &prev); err != nil {
		return err
	}
	var build *buildcost.Report
	if buildCostPath != "" {
		build = &buildcost.Report{}
		if err := readJSON(buildCostPath, build); err != nil {
			return err
		}
	}
	sizes, err := userDataSizes()
	if err != nil {
		return err
	}
	var b strings.Builder
	writeReport(&b, benches, plug, prev, build, sizes, machine(pulumiBin))
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func readJSON(path string, v any) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// bench is the median of one Go benchmark's runs.
type bench struct {
	Name                    string
	Runs                    int
	NsPerOp, BPerOp, Allocs float64
}

// parseBench reads `go test -bench -benchmem -count N` output and keeps each benchmark's median.
func parseBench(path string) (map[string]bench, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	samples := map[string][][3]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 8 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		name := fields[0][:strings.LastIndex(fields[0], "-")]
		var v [3]float64
		for i, unit := range []string{"ns/op", "B/op", "allocs/op"} {
			for j := 2; j+1 < len(fields); j++ {
				if fields[j+1] == unit {
					v[i], _ = strconv.ParseFloat(fields[j], 64)
				}
			}
		}
		samples[name] = append(samples[name], v)
	}
	out := map[string]bench{}
	for name, runs := range samples {
		b := bench{Name: name, Runs: len(runs)}
		b.NsPerOp, b.BPerOp, b.Allocs = median(runs, 0), median(runs, 1), median(runs, 2)
		out[name] = b
	}
	return out, sc.Err()
}

func median(runs [][3]float64, i int) float64 {
	vals := make([]float64, len(runs))
	for j, r := range runs {
		vals[j] = r[i]
	}
	sort.Float64s(vals)
	if len(vals)%2 == 1 {
		return vals[len(vals)/2]
	}
	return (vals[len(vals)/2-1] + vals[len(vals)/2]) / 2
}

type machineInfo struct {
	CPU, Memory, Go, Pulumi, Node, OS string
	Cores                             int
	Date                              string
}

func machine(pulumiBin string) machineInfo {
	m := machineInfo{Cores: runtime.NumCPU(), Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH,
		Date: time.Now().UTC().Format("2006-01-02")}
	if raw, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(raw), "\n") {
			if strings.HasPrefix(line, "model name") {
				m.CPU = strings.TrimSpace(line[strings.Index(line, ":")+1:])
				break
			}
		}
	}
	if raw, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, line := range strings.Split(string(raw), "\n") {
			if strings.HasPrefix(line, "MemTotal:") {
				kb, _ := strconv.ParseFloat(strings.Fields(line)[1], 64)
				m.Memory = fmt.Sprintf("%.0f GiB", kb/1024/1024)
			}
		}
	}
	m.Pulumi = commandOutput(pulumiBin, "version")
	m.Node = commandOutput("node", "--version")
	return m
}

func commandOutput(name string, args ...string) string {
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}
