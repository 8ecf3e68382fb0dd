package provider

import (
	"encoding/json"
	"os"
	"testing"

	p "github.com/pulumi/pulumi-go-provider"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The committed schema.json is what the SDKs are generated from: it must be exactly what the
// provider serves. Regenerate it with `go run ./internal/codegen/cmd` when this fails.
func TestSchemaMatchesCommitted(t *testing.T) {
	committed, err := os.ReadFile("../schema.json")
	require.NoError(t, err, "schema.json is missing: run go run ./internal/codegen/cmd")

	resp, err := newServer(t, nil).GetSchema(p.GetSchemaRequest{})
	require.NoError(t, err)

	// Equal on strings prints a readable diff on failure; the byte check is the contract.
	assert.Equal(t, string(committed), resp.Schema, "schema.json is stale: run go run ./internal/codegen/cmd")
	assert.True(t, string(committed) == resp.Schema, "schema.json must equal the served schema byte for byte")
}

// The schema the provider serves declares the three components, marks the inputs that the Go
// constructors take as plain values as plain, and leaves Input-typed ones open to outputs.
func TestSchemaPlainness(t *testing.T) {
	resp, err := newServer(t, nil).GetSchema(p.GetSchemaRequest{})
	require.NoError(t, err)
	var spec struct {
		Resources map[string]struct {
			IsComponent     bool                      `json:"isComponent"`
			InputProperties map[string]map[string]any `json:"inputProperties"`
		} `json:"resources"`
		Types map[string]struct {
			Properties map[string]map[string]any `json:"properties"`
		} `json:"types"`
	}
	require.NoError(t, json.Unmarshal([]byte(resp.Schema), &spec))

	tests := []struct {
		resource, property string
		plain              bool
	}{
		{"eksnodes:index:NodeGroup", "cluster", true},
		{"eksnodes:index:NodeGroup", "subnetIds", false},
		{"eksnodes:index:NodeGroup", "labels", true},
		{"eksnodes:index:NodeGroup", "taints", true},
		{"eksnodes:index:NodeGroup", "kubeletConfig", true},
		{"eksnodes:index:NodeGroup", "minSize", true},
		{"eksnodes:index:NodeGroup", "amiId", false},
		{"eksnodes:index:NodeGroup", "instanceProfileArn", false},
		{"eksnodes:index:NodeGroup", "nodeSecurityGroupId", false},
		{"eksnodes:index:NodeGroup", "nodeSecurityGroupOptions", true},
		{"eksnodes:index:NodeGroup", "metadataOptions", true},
		{"eksnodes:index:NodeGroup", "instanceRefresh", true},
		{"eksnodes:index:NodeRole", "clusterName", false},
		{"eksnodes:index:NodeRole", "accessEntryType", true},
		{"eksnodes:index:NodeRole", "additionalPolicyArns", false},
		{"eksnodes:index:NodeRole", "tags", false},
		{"eksnodes:index:NodeGroup", "keyName", false},
		{"eksnodes:index:NodeGroup", "tags", false},
		{"eksnodes:index:NodeSecurityGroup", "sshSourceSecurityGroupIds", false},
		{"eksnodes:index:NodeSecurityGroup", "vpcId", false},
		{"eksnodes:index:NodeSecurityGroup", "rulesProfile", true},
		{"eksnodes:index:NodeSecurityGroup", "ingressRules", true},
	}
	for _, tt := range tests {
		t.Run(tt.resource+"."+tt.property, func(t *testing.T) {
			res, ok := spec.Resources[tt.resource]
			require.True(t, ok, "resource missing from the schema")
			assert.True(t, res.IsComponent)
			prop, ok := res.InputProperties[tt.property]
			require.True(t, ok, "input property missing from the schema")
			plain, _ := prop["plain"].(bool)
			assert.Equal(t, tt.plain, plain, "plain")
		})
	}

	// The cluster facts are a plain object whose fields take outputs.
	cluster, ok := spec.Types["eksnodes:index:Cluster"]
	require.True(t, ok)
	for _, name := range []string{"name", "endpoint", "certificateAuthority", "serviceCidr", "version", "securityGroupId", "vpcId"} {
		prop, ok := cluster.Properties[name]
		if assert.True(t, ok, "cluster.%s missing", name) {
			plain, _ := prop["plain"].(bool)
			assert.False(t, plain, "cluster.%s must accept outputs", name)
		}
	}
}
