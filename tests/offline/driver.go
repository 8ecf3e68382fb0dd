package offline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
)

// RunDriver runs one of the language drivers in tests/e2e (driver.js, driver.py): argv is the
// command, such as ["node", "driver.js", exampleDir, stack]. The driver performs the steps with
// its language's Automation API and prints the results as JSON; its progress output (the
// engine's own text, with diffs) goes to progress.
func (e *Env) RunDriver(ctx context.Context, argv []string, project string, cfg map[string]string, steps []Step, progress io.Writer) ([]Result, error) {
	cfgJSON, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	stepsJSON, err := json.Marshal(steps)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = append(e.Environ(),
		EnvPulumiRoot+"="+e.PulumiRoot,
		"EKSNODES_PROJECT="+project,
		"EKSNODES_CONFIG="+string(cfgJSON),
		"EKSNODES_STEPS="+string(stepsJSON),
	)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = io.MultiWriter(progress, &stderr)
	if err := cmd.Run(); err != nil {
		tail := stderr.String()
		if len(tail) > 2000 {
			tail = "..." + tail[len(tail)-2000:]
		}
		return nil, fmt.Errorf("%v: %w\n%s", argv, err, tail)
	}
	var results []Result
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		return nil, fmt.Errorf("%v printed no results: %w (%q)", argv, err, stdout.String())
	}
	return results, nil
}
