package provider

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func pmap(m map[string]property.Value) property.Value { return property.New(m) }

// A property map of the wrong shape is refused before decoding, every problem at once, each by
// its path, with a hint for YAML's unquoted numbers.
func TestShapesAreCheckedByPath(t *testing.T) {
	inputs := property.NewMap(map[string]property.Value{
		"cluster": pmap(map[string]property.Value{
			"name":    property.New("demo"),
			"version": property.New(1.30),
			"vpcid":   property.New("vpc-0123456789abcdef0"),
		}),
		"subnetIds":    property.New([]property.Value{property.New("subnet-0123456789abcdef0"), property.New(7.0)}),
		"minSize":      property.New("1"),
		"maxSize":      property.New(2.5),
		"instanceType": property.New(property.Computed), // known at deploy time only
		"labels":       pmap(map[string]property.Value{"team": property.New(true)}),
		"taints":       pmap(map[string]property.Value{"gpu": pmap(map[string]property.Value{"effect": property.New([]property.Value{})})}),
		"max_size":     property.New(3.0),
		"nodeRoleOptions": pmap(map[string]property.Value{
			"enableSsmAccess": property.New("yes").WithSecret(true),
		}),
		"kubeletConfig": pmap(map[string]property.Value{"maxPods": property.New(58.0)}),
	})
	err := checkShapes(nodegroup.NodeGroupToken, "ng", inputs)
	require.Error(t, err)
	var verr *nodegroup.ValidationError
	require.ErrorAs(t, err, &verr)
	assert.Equal(t, []string{
		`cluster.version: expected a string, got the number 1.3 (in YAML, quote versions: "1.3"; an unquoted 1.30 arrives as 1.3)`,
		`cluster.vpcid is not a property of cluster; did you mean vpcId?`,
		`labels["team"]: expected a string, got true`,
		`maxSize: expected a whole number, got the number 2.5`,
		`max_size is not a property; did you mean maxSize?`,
		`minSize: expected a whole number, got the string "1"`,
		`nodeRoleOptions.enableSsmAccess: expected true or false, got the string "yes"`,
		`subnetIds[1]: expected a string, got the number 7 (in YAML, quote it: "7")`,
		`taints["gpu"].effect: expected a string, got a list`,
	}, verr.Problems)
}

// The inputs the SDKs send for a valid program pass untouched.
func TestShapesAcceptValidInputs(t *testing.T) {
	inputs := property.NewMap(map[string]property.Value{
		"cluster": pmap(map[string]property.Value{
			"name": property.New("demo"), "version": property.New("1.33"), "ipFamily": property.New("ipv4"),
		}),
		"subnetIds":     property.New([]property.Value{property.New(property.Computed)}),
		"minSize":       property.New(1.0),
		"tags":          pmap(map[string]property.Value{"team": property.New("a").WithSecret(true)}),
		"kubeletConfig": pmap(map[string]property.Value{"maxPods": property.New(58.0), "x": pmap(nil)}),
		"amiId":         property.New(property.Null),
		"mixedInstancesPolicy": pmap(map[string]property.Value{
			"instanceTypes": property.New([]property.Value{pmap(map[string]property.Value{"instanceType": property.New("m7i.large"), "weightedCapacity": property.New(2.0)})}),
		}),
	})
	assert.NoError(t, checkShapes(nodegroup.NodeGroupToken, "ng", inputs))
	assert.NoError(t, checkShapes(nodegroup.NodeRoleToken, "r", property.NewMap(map[string]property.Value{"clusterName": property.New("demo")})))
}
