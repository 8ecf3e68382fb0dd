package readme

import (
	"os"
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi-go-provider/infer"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadmeReferenceIsCurrent(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	want, err := Splice(string(raw))
	require.NoError(t, err)
	assert.True(t, want == string(raw), "README.md is stale: run make docs")
}

// Every input and output of every component has a description in full sentences.
func TestEveryPropertyIsDescribed(t *testing.T) {
	for _, v := range []infer.Annotated{
		&nodegroup.NodeGroupArgs{}, &nodegroup.NodeGroup{}, &nodegroup.ClusterArgs{}, &nodegroup.Taint{},
		&nodegroup.NodeRoleOptions{}, &nodegroup.NodeSecurityGroupOptions{}, &nodegroup.SecurityGroupRule{},
		&nodegroup.MetadataOptions{}, &nodegroup.InstanceRefresh{}, &nodegroup.NodeRoleArgs{}, &nodegroup.NodeRole{},
		&nodegroup.NodeSecurityGroupArgs{}, &nodegroup.NodeSecurityGroup{},
	} {
		docs := nodegroup.PropertyDocs(v)
		require.NotEmpty(t, docs)
		for _, d := range docs {
			assert.True(t, strings.HasSuffix(d.Description, "."), "%T.%s needs a description in full sentences, got %q", v, d.Name, d.Description)
		}
	}
}
