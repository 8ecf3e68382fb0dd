package previewtime

import (
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/eksnodes/pulumi-eksnodes/tests/offline"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mocked runs a program against the mocks and returns the AWS resources it registered.
func mocked(t *testing.T, program pulumi.RunFunc) []Registration {
	t.Helper()
	mocks := nodegrouptest.New()
	require.NoError(t, pulumi.RunErr(program, pulumi.WithMocks("bench", "dev", mocks)))
	return FromMocks(mocks.Resources())
}

// TestBaselineDeclaresWhatEksnodesDeclares keeps the baseline honest: when eksnodes' defaults
// change the AWS resources a node group registers, the baseline (package awsdirect, which the
// build-cost baseline program uses too) must follow, or the comparisons compare different work.
// Types, names, every input with its value and secrecy, dependencies and ignoreChanges.
func TestBaselineDeclaresWhatEksnodesDeclares(t *testing.T) {
	eksnodes := mocked(t, EksnodesProgram(2))
	assert.Len(t, eksnodes, 2*13)
	diffs := Compare(Eksnodes, Baseline, eksnodes, mocked(t, BaselineProgram(2)))
	if len(diffs) > 0 {
		t.Errorf("the baseline registers something else than eksnodes:\n%s", strings.Join(diffs, "\n"))
	}
}

// TestCompareReportsEachDifference proves the check can fail: one changed input, one input
// made secret, one input only one side sets, a resource only one side registers and a missing
// dependency are each reported, and nothing else.
func TestCompareReportsEachDifference(t *testing.T) {
	eksnodes := mocked(t, EksnodesProgram(1))
	perturbed := mocked(t, BaselineProgram(1))
	require.Empty(t, Compare(Eksnodes, Baseline, eksnodes, perturbed))
	for i, r := range perturbed {
		switch r.Key() {
		case "aws:ec2/launchTemplate:LaunchTemplate ng0":
			r.Inputs["instanceType"] = "t3.large"
			r.Inputs["imageId"] = Secret{r.Inputs["imageId"]}
			delete(r.Inputs, "description")
			r.Inputs["metadataOptions"].(map[string]any)["httpTokens"] = "optional"
		case "aws:autoscaling/group:Group ng0":
			perturbed[i].DependsOn = r.DependsOn[1:]
			perturbed[i].IgnoreChanges = []string{"desiredCapacity"}
		}
	}
	extra := perturbed[0]
	extra.Name = "ng0-extra"
	perturbed = append(perturbed, extra)

	got := Compare(Eksnodes, Baseline, eksnodes, perturbed)
	lt := "aws:ec2/launchTemplate:LaunchTemplate ng0: "
	assert.ElementsMatch(t, []string{
		lt + `inputs.description set by go-eksnodes only ("EKS nodes managed by eksnodes")`,
		lt + `inputs.imageId is secret in go-baseline only`,
		lt + `inputs.instanceType: go-eksnodes "t3.medium", go-baseline "t3.large"`,
		lt + `inputs.metadataOptions.httpTokens: go-eksnodes "required", go-baseline "optional"`,
		"aws:autoscaling/group:Group ng0: dependsOn of go-eksnodes only: " + eksnodes[0].DependsOn[0],
		"aws:autoscaling/group:Group ng0: ignoreChanges of go-baseline only: desiredCapacity",
		extra.Type + " ng0-extra: registered by go-baseline only",
	}, got)
}

// TestFromEventsReadsTheEnginesMarkers: the engine's events carry secrets as a signed object
// (blinded) and unknown values as a sentinel string; both are kept apart from plain values.
func TestFromEventsReadsTheEnginesMarkers(t *testing.T) {
	evs := []offline.ResourceEvent{
		{Type: "pulumi:providers:aws", URN: "urn:pulumi:dev::bench::pulumi:providers:aws::default_6_83_2"},
		{Type: "eksnodes:index:NodeGroup", URN: "urn:pulumi:dev::bench::eksnodes:index:NodeGroup::ng0"},
		{Type: "aws:ec2/launchTemplate:LaunchTemplate", URN: "urn:pulumi:dev::bench::eksnodes:index:NodeGroup$aws:ec2/launchTemplate:LaunchTemplate::ng0",
			Inputs: map[string]any{
				"imageId":  map[string]any{sigKey: sigSecret, "ciphertext": "[secret]"},
				"userData": unknownString,
				"tags":     map[string]any{"Name": "ng0"},
			}},
	}
	got := FromEvents(evs)
	require.Len(t, got, 1)
	assert.Equal(t, "ng0", got[0].Name)
	assert.Equal(t, map[string]any{"imageId": Secret{nil}, "userData": Unknown, "tags": map[string]any{"Name": "ng0"}}, got[0].Inputs)
	plain := got[0]
	plain.Inputs = map[string]any{"imageId": "ami-1", "userData": Unknown, "tags": map[string]any{"Name": "ng0"}}
	assert.Equal(t, []string{"aws:ec2/launchTemplate:LaunchTemplate ng0: inputs.imageId is secret in a only"},
		Compare("a", "b", got, []Registration{plain}))
}
