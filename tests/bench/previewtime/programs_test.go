package previewtime

import (
	"sort"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBaselineDeclaresWhatEksnodesDeclares keeps the baseline honest: when eksnodes' defaults
// change the AWS resources a node group registers, the baseline (package awsdirect, which the
// build-cost baseline program uses too) must follow, or the comparisons compare different work.
func TestBaselineDeclaresWhatEksnodesDeclares(t *testing.T) {
	awsResources := func(program pulumi.RunFunc) []string {
		mocks := nodegrouptest.New()
		require.NoError(t, pulumi.RunErr(program, pulumi.WithMocks("bench", "dev", mocks)))
		var keys []string
		for _, r := range mocks.Resources() {
			if r.Custom {
				keys = append(keys, r.Type+" "+r.Name)
			}
		}
		sort.Strings(keys)
		return keys
	}
	eksnodes := awsResources(EksnodesProgram(2))
	assert.Len(t, eksnodes, 2*13)
	assert.Equal(t, eksnodes, awsResources(BaselineProgram(2)))
}
