package offline

import (
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Step is one operation of a lifecycle run.
type Step struct {
	Op    string `json:"op"` // preview, up, destroy, or config (set Key to Value)
	Key   string `json:"key,omitempty"`
	Value string `json:"value,omitempty"`
}

// Result is what the engine reported for one step.
type Result struct {
	Op string `json:"op"`
	// Changes counts resources by operation (create, update, same, replace, delete, ...), from
	// the engine's change summary.
	Changes map[string]int `json:"changes"`
	// Events are the engine's resource pre-events: one per resource it stepped on.
	Events []ResourceEvent `json:"events"`
	// DurationMs is the wall time of the operation, as seen by the Automation API caller.
	DurationMs float64 `json:"durationMs"`
}

// ResourceEvent is one resource the engine planned an operation on.
type ResourceEvent struct {
	Op    string   `json:"op"`
	Type  string   `json:"type"`
	URN   string   `json:"urn"`
	Diffs []string `json:"diffs,omitempty"`
	// Inputs are the resource's new inputs as the engine saw them.
	Inputs map[string]any `json:"inputs,omitempty"`
}

// ChangedInput is the config key that the lifecycle changes between deployments.
const ChangedInput = "instanceType"

// Lifecycle is the run every example goes through: preview, deploy, a preview that must show
// no changes, one changed input (the instance type, to newType), a preview that must show
// updates and no replacement, deploy the change, a preview that must again show no changes,
// destroy.
func Lifecycle(newType string) []Step { return LifecycleChanging(ChangedInput, newType) }

// LifecycleChanging is Lifecycle with another config key changed between the deployments, for
// examples without an instanceType setting; the change must still update the launch template
// and the Auto Scaling group without replacing anything.
func LifecycleChanging(key, value string) []Step {
	return []Step{
		{Op: "preview"}, {Op: "up"}, {Op: "preview"},
		{Op: "config", Key: key, Value: value},
		{Op: "preview"}, {Op: "up"}, {Op: "preview"}, {Op: "destroy"},
	}
}

// stableTypes are resources that a change of instance type must never replace.
var stableTypes = []string{
	"aws:autoscaling/group:Group",
	"aws:ec2/securityGroup:SecurityGroup",
	"aws:iam/role:Role",
	"aws:iam/instanceProfile:InstanceProfile",
	"aws:ec2/launchTemplate:LaunchTemplate",
}

var mustCreate = []string{
	"eksnodes:index:NodeGroup",
	"aws:autoscaling/group:Group",
	"aws:ec2/launchTemplate:LaunchTemplate",
	"aws:ec2/securityGroup:SecurityGroup",
	"aws:iam/role:Role",
	"aws:eks/accessEntry:AccessEntry",
}

// Verify checks a lifecycle's results and returns every problem found.
func Verify(results []Result) []string {
	var p []string
	add := func(format string, args ...any) { p = append(p, fmt.Sprintf(format, args...)) }
	if len(results) != 7 {
		return []string{fmt.Sprintf("want 7 results (every step but config), got %d", len(results))}
	}
	first, up1, still, changed, up2, settled, destroy := results[0], results[1], results[2], results[3], results[4], results[5], results[6]

	created := map[string]bool{}
	for _, e := range first.Events {
		if e.Op != "create" {
			add("first preview: %s %s, want only creations", e.Op, e.URN)
		}
		created[e.Type] = true
	}
	for _, typ := range mustCreate {
		if !created[typ] {
			add("first preview does not create a %s", typ)
		}
	}
	total := first.Changes["create"]
	if n := len(resourceEvents(first.Events)); total == 0 || total != n {
		add("first preview: change summary says %d creations, the events %d", total, n)
	}
	if up1.Changes["create"] != total {
		add("first up created %d resources, the preview announced %d", up1.Changes["create"], total)
	}
	for name, r := range map[string]Result{"second preview": still, "preview after the change was deployed": settled} {
		if other := changedOps(r); len(other) > 0 {
			add("%s: want no changes, got %v", name, other)
		}
	}

	updated := map[string]bool{}
	for _, e := range changed.Events {
		switch e.Op {
		case "same", "update":
		default:
			add("preview of the %s change: %s %s, want only updates", "config", e.Op, e.URN)
		}
		if e.Op == "update" {
			updated[e.Type] = true
		}
	}
	for _, typ := range []string{"aws:ec2/launchTemplate:LaunchTemplate", "aws:autoscaling/group:Group"} {
		if !updated[typ] {
			add("preview of the %s change does not update the %s", "config", typ)
		}
	}
	for _, typ := range stableTypes {
		for _, op := range []string{"replace", "create-replacement", "delete-replaced"} {
			for _, e := range changed.Events {
				if e.Type == typ && e.Op == op {
					add("preview of the %s change would %s %s", "config", op, e.URN)
				}
			}
		}
	}
	for _, op := range []string{"create", "delete", "replace"} {
		if n := changed.Changes[op] + up2.Changes[op]; n > 0 {
			add("the %s change: change summaries count %d %s", "config", n, op)
		}
	}
	if up2.Changes["update"] == 0 {
		add("the second up updated nothing")
	}
	if destroy.Changes["delete"] != total {
		add("destroy deleted %d resources, %d were created", destroy.Changes["delete"], total)
	}
	return p
}

// resourceEvents leaves out the engine's provider resources, which change summaries do not
// count.
func resourceEvents(evs []ResourceEvent) []ResourceEvent {
	var out []ResourceEvent
	for _, e := range evs {
		if !strings.HasPrefix(e.Type, "pulumi:providers:") {
			out = append(out, e)
		}
	}
	return out
}

// changedOps lists the operations other than "same" in a result, sorted.
func changedOps(r Result) []string {
	var out []string
	for op, n := range r.Changes {
		if op != "same" && n > 0 {
			out = append(out, fmt.Sprintf("%s=%d", op, n))
		}
	}
	for _, e := range r.Events {
		if e.Op != "same" && e.Op != "read" {
			out = append(out, e.Op+" "+e.URN)
		}
	}
	sort.Strings(out)
	return out
}

// ProjectConfig reads the config defaults of a Pulumi.yaml as the strings `pulumi config set`
// takes (lists and objects as JSON).
func ProjectConfig(pulumiYAML string) (project string, cfg map[string]string, err error) {
	raw, err := os.ReadFile(pulumiYAML)
	if err != nil {
		return "", nil, err
	}
	var doc struct {
		Name   string `yaml:"name"`
		Config map[string]struct {
			Default any `yaml:"default"`
		} `yaml:"config"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return "", nil, fmt.Errorf("%s: %w", pulumiYAML, err)
	}
	cfg = map[string]string{}
	for k, v := range doc.Config {
		switch d := v.Default.(type) {
		case nil:
		case string:
			cfg[k] = d
		case []any:
			items := make([]string, len(d))
			for i, item := range d {
				items[i] = fmt.Sprintf("%q", item)
			}
			cfg[k] = "[" + strings.Join(items, ",") + "]"
		default:
			cfg[k] = fmt.Sprint(d)
		}
	}
	return doc.Name, cfg, nil
}

// PrintUserData writes, for every launch template in a result, its user data decoded from the
// base64 the template holds, so the text a node boots with can be read in full.
func PrintUserData(w io.Writer, r Result) error {
	for _, e := range r.Events {
		if e.Type != "aws:ec2/launchTemplate:LaunchTemplate" {
			continue
		}
		encoded, ok := e.Inputs["userData"].(string)
		if !ok {
			fmt.Fprintf(w, "\n--- user data of %s: not known before deploy time\n", e.URN)
			continue
		}
		text, err := base64.StdEncoding.DecodeString(encoded)
		if err != nil {
			return fmt.Errorf("%s: user data is not base64: %w", e.URN, err)
		}
		fmt.Fprintf(w, "\n--- user data of %s (decoded from the launch template) ---\n%s", e.URN, text)
	}
	return nil
}
