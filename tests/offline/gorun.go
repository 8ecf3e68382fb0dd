package offline

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// GoStack creates (or selects) a stack whose program is the Go function, run in-process.
func (e *Env) GoStack(ctx context.Context, project, stack string, program pulumi.RunFunc, cfg map[string]string) (auto.Stack, error) {
	cmd, err := auto.NewPulumiCommand(&auto.PulumiCommandOptions{Root: e.PulumiRoot, SkipVersionCheck: true})
	if err != nil {
		return auto.Stack{}, err
	}
	s, err := auto.UpsertStackInlineSource(ctx, stack, project, program,
		auto.Pulumi(cmd),
		auto.PulumiHome(e.Home),
		auto.EnvVars(e.Vars()),
		auto.SecretsProvider("passphrase"),
		auto.Project(workspace.Project{
			Name:    tokens.PackageName(project),
			Runtime: workspace.NewProjectRuntimeInfo("go", nil),
			Backend: &workspace.ProjectBackend{URL: e.Backend},
		}),
	)
	if err != nil {
		return s, err
	}
	if err := setConfig(ctx, s, cfg); err != nil {
		return s, err
	}
	return s, nil
}

func setConfig(ctx context.Context, s auto.Stack, cfg map[string]string) error {
	m := auto.ConfigMap{}
	for k, v := range cfg {
		m[k] = auto.ConfigValue{Value: v}
	}
	return s.SetAllConfig(ctx, m)
}

// RunGo runs the steps on a stack of a Go program and returns one Result per step except
// config steps. Progress output, with diffs, goes to progress.
func RunGo(ctx context.Context, s auto.Stack, steps []Step, progress io.Writer) ([]Result, error) {
	var out []Result
	for _, step := range steps {
		if step.Op == "config" {
			if err := s.SetConfig(ctx, step.Key, auto.ConfigValue{Value: step.Value}); err != nil {
				return out, err
			}
			continue
		}
		r, err := runGoStep(ctx, s, step.Op, progress)
		if err != nil {
			return out, fmt.Errorf("%s: %w", step.Op, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func runGoStep(ctx context.Context, s auto.Stack, op string, progress io.Writer) (Result, error) {
	ch := make(chan events.EngineEvent)
	done := make(chan []ResourceEvent)
	go func() {
		var evs []ResourceEvent
		for ev := range ch {
			if pre := ev.ResourcePreEvent; pre != nil {
				re := ResourceEvent{
					Op: string(pre.Metadata.Op), Type: pre.Metadata.Type, URN: pre.Metadata.URN, Diffs: pre.Metadata.Diffs,
				}
				if pre.Metadata.New != nil {
					re.Inputs = pre.Metadata.New.Inputs
				}
				evs = append(evs, re)
			}
		}
		done <- evs
	}()
	r := Result{Op: op, Changes: map[string]int{}}
	var err error
	start := time.Now()
	switch op {
	case "preview":
		var res auto.PreviewResult
		res, err = s.Preview(ctx, optpreview.EventStreams(ch), optpreview.Diff(), optpreview.ProgressStreams(progress))
		for k, v := range res.ChangeSummary {
			r.Changes[string(k)] = v
		}
	case "up":
		var res auto.UpResult
		res, err = s.Up(ctx, optup.EventStreams(ch), optup.ProgressStreams(progress))
		if res.Summary.ResourceChanges != nil {
			r.Changes = *res.Summary.ResourceChanges
		}
	case "destroy":
		var res auto.DestroyResult
		res, err = s.Destroy(ctx, optdestroy.EventStreams(ch), optdestroy.ProgressStreams(progress))
		if res.Summary.ResourceChanges != nil {
			r.Changes = *res.Summary.ResourceChanges
		}
	default:
		close(ch)
		<-done
		return r, fmt.Errorf("unknown step %q", op)
	}
	r.Events = <-done
	r.DurationMs = float64(time.Since(start).Microseconds()) / 1000
	return r, err
}

// Example returns the path of an example folder from a path inside the repository.
func Example(repoRoot, name string) string { return filepath.Join(repoRoot, "examples", name) }
