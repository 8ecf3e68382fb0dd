package offline

import (
	"bytes"
	"encoding/base64"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ev(op, typ, name string) ResourceEvent {
	return ResourceEvent{Op: op, Type: typ, URN: "urn:pulumi:e2e::p::" + typ + "::" + name}
}

// goodRun is what a correct lifecycle reports.
func goodRun() []Result {
	var created, same, changed []ResourceEvent
	for _, typ := range append([]string{"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"}, mustCreate...) {
		created = append(created, ev("create", typ, "x"))
		same = append(same, ev("same", typ, "x"))
		op := "same"
		if typ == "aws:ec2/launchTemplate:LaunchTemplate" || typ == "aws:autoscaling/group:Group" {
			op = "update"
		}
		changed = append(changed, ev(op, typ, "x"))
	}
	created = append(created, ev("create", "pulumi:providers:aws", "default"))
	n := len(mustCreate) + 1
	return []Result{
		{Op: "preview", Changes: map[string]int{"create": n}, Events: created},
		{Op: "up", Changes: map[string]int{"create": n}},
		{Op: "preview", Changes: map[string]int{"same": n}, Events: same},
		{Op: "preview", Changes: map[string]int{"same": n - 2, "update": 2}, Events: changed},
		{Op: "up", Changes: map[string]int{"same": n - 2, "update": 2}},
		{Op: "preview", Changes: map[string]int{"same": n}, Events: same},
		{Op: "destroy", Changes: map[string]int{"delete": n}},
	}
}

func TestVerifyAcceptsACorrectLifecycle(t *testing.T) {
	assert.Empty(t, Verify(goodRun()))
}

func TestVerifyCatchesEachFailure(t *testing.T) {
	for name, tc := range map[string]struct {
		mutate func(r []Result)
		want   string
	}{
		"changes on the second preview": {func(r []Result) { r[2].Changes["update"] = 1 }, "second preview: want no changes"},
		"drift after the change":        {func(r []Result) { r[5].Events[0].Op = "update" }, "preview after the change was deployed: want no changes"},
		"replaced group": {func(r []Result) {
			r[3].Events = append(r[3].Events, ev("replace", "aws:autoscaling/group:Group", "x"))
		}, "would replace urn:pulumi:e2e::p::aws:autoscaling/group:Group::x"},
		"replacement counted": {func(r []Result) { r[4].Changes["replace"] = 1 }, "change summaries count 1 replace"},
		"template not updated": {func(r []Result) {
			for i, e := range r[3].Events {
				if e.Type == "aws:ec2/launchTemplate:LaunchTemplate" {
					r[3].Events[i].Op = "same"
				}
			}
		}, "does not update the aws:ec2/launchTemplate:LaunchTemplate"},
		"nothing deployed": {func(r []Result) { r[1].Changes["create"] = 0 }, "first up created 0 resources"},
		"partial destroy":  {func(r []Result) { r[6].Changes["delete"] = 2 }, "destroy deleted 2 resources"},
		"missing role":     {func(r []Result) { r[0].Events = r[0].Events[1:4] }, "first preview does not create a aws:iam/role:Role"},
	} {
		t.Run(name, func(t *testing.T) {
			r := goodRun()
			tc.mutate(r)
			problems := Verify(r)
			require.NotEmpty(t, problems)
			assert.Contains(t, problems[0]+"\n"+joinAll(problems), tc.want)
		})
	}
	assert.NotEmpty(t, Verify(goodRun()[:6]), "a short run")
}

func joinAll(ps []string) string {
	var b bytes.Buffer
	for _, p := range ps {
		b.WriteString(p + "\n")
	}
	return b.String()
}

func TestProjectConfig(t *testing.T) {
	project, cfg, err := ProjectConfig(filepath.Join("..", "..", "examples", "go-basic", "Pulumi.yaml"))
	require.NoError(t, err)
	assert.Equal(t, "eksnodes-go-basic", project)
	assert.Equal(t, `["subnet-0123456789abcdef0","subnet-0123456789abcdef1"]`, cfg["subnetIds"])
	assert.Equal(t, "1.33", cfg["clusterVersion"])
}

func TestPrintUserData(t *testing.T) {
	var out bytes.Buffer
	r := Result{Events: []ResourceEvent{{
		Type: "aws:ec2/launchTemplate:LaunchTemplate", URN: "lt",
		Inputs: map[string]any{"userData": base64.StdEncoding.EncodeToString([]byte("MIME-Version: 1.0\n"))},
	}}}
	require.NoError(t, PrintUserData(&out, r))
	assert.Contains(t, out.String(), "MIME-Version: 1.0\n")
}
