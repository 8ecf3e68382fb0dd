package previewtime

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStatsAndSlopes(t *testing.T) {
	r := Report{Sizes: []Size{{Groups: 20}, {Groups: 1}, {Groups: 100}}}
	for _, s := range []Sample{
		{Variant: Eksnodes, Groups: 1, Ms: 1000}, {Variant: Eksnodes, Groups: 1, Ms: 1100},
		{Variant: Eksnodes, Groups: 20, Ms: 1300}, {Variant: Eksnodes, Groups: 20, Ms: 1200}, {Variant: Eksnodes, Groups: 20, Ms: 5000},
		{Variant: Eksnodes, Groups: 100, Ms: 3700},
		{Variant: Baseline, Groups: 1, Ms: 900},
	} {
		r.Samples = append(r.Samples, s)
	}
	assert.Equal(t, Stats{Median: 1050, Min: 1000, Max: 1100, N: 2}, r.Stats(Eksnodes, 1))
	assert.Equal(t, Stats{Median: 1300, Min: 1200, Max: 5000, N: 3}, r.Stats(Eksnodes, 20))
	assert.Equal(t, []Slope{{From: 1, To: 20, MsPerGroup: 250.0 / 19}, {From: 20, To: 100, MsPerGroup: 30}}, r.Slopes(Eksnodes))
	assert.Empty(t, r.Slopes(Baseline), "one size: no slope")
	assert.InDelta(t, 1050.0/900, pair(r.Samples, 1, Eksnodes, Baseline).Ratio, 1e-9, "ratio of medians")
}

func TestCheckSameWantsEveryResourceOfEveryGroup(t *testing.T) {
	one := []Registration{{Type: "aws:iam/role:Role", Name: "ng0-role", Inputs: map[string]any{}}}
	diffs := CheckSame(map[string][]Registration{Eksnodes: one, TypeScriptBaseline: nil}, 1)
	assert.Equal(t, []string{
		"go-eksnodes registered 1 AWS resources, not 1×13",
		"ts-baseline against go-eksnodes: aws:iam/role:Role ng0-role: registered by go-eksnodes only",
	}, diffs)
}

func TestRole(t *testing.T) {
	assert.Equal(t, RoleEngine, role("/root/.cache/eksnodes/pulumi-v3.256.0/bin/pulumi"))
	assert.Equal(t, RoleEksnodes, role("/work/bin/pulumi-resource-eksnodes"))
	assert.Equal(t, RoleAWS, role("pulumi-resource-aws"))
	assert.Equal(t, RoleNode, role("node"))
	assert.Equal(t, "", role("go"))
}
