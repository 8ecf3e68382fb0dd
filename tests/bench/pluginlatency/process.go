package pluginlatency

// The plugin process: started the way the engine starts a resource plugin (the engine's
// address as the only argument), ready when it prints its gRPC port as the first line of
// stdout, and measured through /proc/<pid>/status.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
)

// readyTimeout bounds the wait for the port line.
const readyTimeout = 2 * time.Minute

// pluginProcess is a running plugin.
type pluginProcess struct {
	cmd     *exec.Cmd
	port    int
	started time.Time // just before exec
	ready   time.Time // when the port line was read
	output  *lockedBuffer
	exited  chan struct{}
	waitErr error
}

// lockedBuffer collects the plugin's stderr and any stdout after the port line.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() < 1<<20 { // keep the first MiB; the rest only matters as a count
		b.buf.Write(p)
	}
	return len(p), nil
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startPlugin execs path with engineAddr as its argument and waits for the port line.
func startPlugin(ctx context.Context, path, engineAddr string, env []string) (*pluginProcess, error) {
	cmd := exec.Command(path, engineAddr)
	cmd.Env = env
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	pp := &pluginProcess{cmd: cmd, output: &lockedBuffer{}, exited: make(chan struct{})}
	cmd.Stderr = pp.output

	type line struct {
		text string
		at   time.Time
		err  error
	}
	lines := make(chan line, 1)
	pp.started = time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	go func() {
		r := bufio.NewReader(stdout)
		text, err := r.ReadString('\n')
		lines <- line{text: text, at: time.Now(), err: err}
		// Keep draining stdout, as the engine does, so that the plugin never blocks on it.
		_, _ = io.Copy(pp.output, r)
		pp.waitErr = cmd.Wait()
		close(pp.exited)
	}()

	timer := time.NewTimer(readyTimeout)
	defer timer.Stop()
	select {
	case l := <-lines:
		if l.err != nil {
			pp.kill()
			return nil, fmt.Errorf("reading the port line: %w (plugin output: %s)", l.err, pp.output.String())
		}
		port, err := strconv.Atoi(strings.TrimSpace(l.text))
		if err != nil || port <= 0 || port > 65535 {
			pp.kill()
			return nil, fmt.Errorf("the plugin's first stdout line is %q, not a port", l.text)
		}
		pp.port, pp.ready = port, l.at
		return pp, nil
	case <-timer.C:
		pp.kill()
		return nil, fmt.Errorf("no port line within %v (plugin output: %s)", readyTimeout, pp.output.String())
	case <-ctx.Done():
		pp.kill()
		return nil, ctx.Err()
	}
}

// alive reports an early exit as an error, with what the plugin printed.
func (pp *pluginProcess) alive() error {
	select {
	case <-pp.exited:
		return fmt.Errorf("the plugin exited (%v); output: %s", pp.waitErr, pp.output.String())
	default:
		return nil
	}
}

// stop ends the plugin the way the engine does when it is done with it (SIGINT, which makes
// provider.MainContext stop its gRPC server), killing it if it has not exited in time.
func (pp *pluginProcess) stop(grace time.Duration) {
	if pp.cmd.Process == nil {
		return
	}
	select {
	case <-pp.exited:
		return
	default:
	}
	_ = pp.cmd.Process.Signal(os.Interrupt)
	select {
	case <-pp.exited:
	case <-time.After(grace):
		pp.kill()
	}
}

func (pp *pluginProcess) kill() {
	if pp.cmd.Process != nil {
		_ = pp.cmd.Process.Kill()
	}
	select {
	case <-pp.exited:
	case <-time.After(10 * time.Second):
	}
}

// memory is what /proc/<pid>/status says about a process's resident set, in KiB.
type memory struct {
	HWMKiB     int64 // VmHWM: peak resident set size
	RSSKiB     int64 // VmRSS: current resident set size
	RSSAnonKiB int64 // RssAnon: the anonymous part of VmRSS (heap, stacks)
	RSSFileKiB int64 // RssFile: the file-backed part of VmRSS (mostly the binary's pages)
}

// readMemory reads VmHWM, VmRSS, RssAnon and RssFile of pid (Linux only).
func readMemory(pid int) (memory, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return memory{}, err
	}
	return parseStatus(data)
}

func parseStatus(data []byte) (memory, error) {
	var m memory
	fields := map[string]*int64{"VmHWM": &m.HWMKiB, "VmRSS": &m.RSSKiB, "RssAnon": &m.RSSAnonKiB, "RssFile": &m.RSSFileKiB}
	found := map[string]bool{}
	for _, l := range strings.Split(string(data), "\n") {
		key, rest, ok := strings.Cut(l, ":")
		dst, wanted := fields[key]
		if !ok || !wanted {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return m, fmt.Errorf("unexpected %s line %q", key, l)
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return m, fmt.Errorf("%s: %w", key, err)
		}
		*dst = n
		found[key] = true
	}
	if !found["VmHWM"] || !found["VmRSS"] {
		return m, errors.New("VmHWM or VmRSS missing from /proc/<pid>/status")
	}
	return m, nil
}
