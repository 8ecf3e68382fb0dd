// Package conformance_test runs the eksnodes components against the fake AWS provider (a
// TEST DOUBLE, see ../fakeaws) through Pulumi's mock monitor: every aws resource the
// components register goes through the fake's Check and Create, and every function call
// through its Invoke. It proves that what eksnodes sends is valid for pulumi-aws v6.83.2 as
// the fake reads it from the SDK types, and that the fake implements everything eksnodes
// uses. It lives apart from package fakeaws so that a change of the components' API cannot
// stop the fake's own tests from compiling.
package conformance_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/blang/semver"
	p "github.com/pulumi/pulumi-go-provider"
	"github.com/pulumi/pulumi-go-provider/integration"
	presource "github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/tests/fakeaws"
)

// viaFake is a mock resource monitor that forwards custom resources and calls to the fake.
type viaFake struct {
	s       integration.Server
	mu      sync.Mutex
	types   map[string]bool
	invokes map[string]bool
}

func newViaFake(t *testing.T) *viaFake {
	s, err := integration.NewServer(context.Background(), fakeaws.PackageName, semver.MustParse(fakeaws.Version),
		integration.WithProvider(fakeaws.Provider()))
	require.NoError(t, err)
	return &viaFake{s: s, types: map[string]bool{}, invokes: map[string]bool{}}
}

func (m *viaFake) NewResource(args pulumi.MockResourceArgs) (string, presource.PropertyMap, error) {
	if !args.Custom || strings.HasPrefix(args.TypeToken, "pulumi:providers:") {
		return "", args.Inputs, nil
	}
	m.mu.Lock()
	m.types[args.TypeToken] = true
	m.mu.Unlock()
	u := presource.NewURN("dev", "conformance", "", tokens.Type(args.TypeToken), args.Name)
	checked, err := m.s.Check(p.CheckRequest{Urn: u, Inputs: presource.FromResourcePropertyMap(args.Inputs)})
	if err != nil {
		return "", nil, err
	}
	if len(checked.Failures) > 0 {
		return "", nil, fmt.Errorf("%s %s: %v", args.TypeToken, args.Name, checked.Failures)
	}
	created, err := m.s.Create(p.CreateRequest{Urn: u, Properties: checked.Inputs})
	if err != nil {
		return "", nil, err
	}
	return created.ID, presource.ToResourcePropertyMap(created.Properties), nil
}

func (m *viaFake) Call(args pulumi.MockCallArgs) (presource.PropertyMap, error) {
	m.mu.Lock()
	m.invokes[args.Token] = true
	m.mu.Unlock()
	resp, err := m.s.Invoke(p.InvokeRequest{Token: tokens.Type(args.Token), Args: presource.FromResourcePropertyMap(args.Args)})
	if err != nil {
		return nil, err
	}
	if len(resp.Failures) > 0 {
		return nil, fmt.Errorf("%s: %v", args.Token, resp.Failures)
	}
	return presource.ToResourcePropertyMap(resp.Return), nil
}

func cluster() nodegroup.ClusterArgs {
	return nodegroup.ClusterArgs{
		Name:                 pulumi.String("demo"),
		Endpoint:             pulumi.String("https://example.gr7.us-west-2.eks.amazonaws.com"),
		CertificateAuthority: pulumi.String("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg=="),
		ServiceCidr:          pulumi.String("10.100.0.0/16"),
		Version:              pulumi.String("1.33"),
		SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
		VpcId:                pulumi.String("vpc-0123456789abcdef0"),
	}
}

func run(t *testing.T, args *nodegroup.NodeGroupArgs) *viaFake {
	t.Helper()
	m := newViaFake(t)
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		_, err := nodegroup.NewNodeGroup(ctx, "workers", args)
		return err
	}, pulumi.WithMocks("conformance", "dev", m))
	require.NoError(t, err)
	return m
}

func TestDefaultNodeGroupIsValidForTheFake(t *testing.T) {
	c := cluster()
	c.IpFamily, c.ServiceCidr = nodegroup.Ref(nodegroup.IPv6), pulumi.String("fd30:1c53:5f8::/108")
	m := run(t, &nodegroup.NodeGroupArgs{
		Cluster:   c,
		SubnetIds: pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "subnet-0fedcba9876543210"}),
		Labels:    map[string]string{"team": "platform"},
		// The optional child types (the hook, the placement group, and the IPv6 CNI policy of
		// an IPv6 cluster), so that every type the fake knows is used.
		TerminationLifecycleHook: &nodegroup.TerminationLifecycleHook{},
		PlacementGroup:           &nodegroup.PlacementGroupOptions{Strategy: nodegroup.Ref(nodegroup.PlacementStrategySpread)},
	})
	assert.Equal(t, fakeaws.ResourceTokens(), sortedKeys(m.types), "the fake implements exactly what eksnodes uses")
	assert.Equal(t, fakeaws.FunctionTokens(), sortedKeys(m.invokes))
}

func TestCustomizedNodeGroupIsValidForTheFake(t *testing.T) {
	m := run(t, &nodegroup.NodeGroupArgs{
		Cluster:      cluster(),
		SubnetIds:    pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
		InstanceType: "m7g.large",
		KeyName:      pulumi.String("ops"),
		Tags:         pulumi.ToStringMap(map[string]string{"team": "platform"}),
		NodeRoleOptions: &nodegroup.NodeRoleOptions{
			Path:                 "/eks/",
			EnableSsmAccess:      true,
			AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::123456789012:policy/extra"}),
		},
		NodeSecurityGroupOptions: &nodegroup.NodeSecurityGroupOptions{
			SshSourceCidrs: []string{"10.0.0.0/8"},
		},
	})
	assert.True(t, m.types[fakeaws.GroupToken])
}

// The mixed-instances policy, the lifecycle hook and every operating system send only inputs
// the real provider knows.
func TestEveryOperatingSystemAndCapacityOptionIsValidForTheFake(t *testing.T) {
	for _, os := range nodegroup.AllOperatingSystems() {
		args := &nodegroup.NodeGroupArgs{
			Cluster:         cluster(),
			SubnetIds:       pulumi.ToStringArray([]string{"subnet-0123456789abcdef0"}),
			OperatingSystem: nodegroup.Ref(os),
			MixedInstancesPolicy: &nodegroup.MixedInstancesPolicy{
				InstanceTypes:                       []nodegroup.InstanceTypeOverride{{InstanceType: "m7i.large", WeightedCapacity: nodegroup.Ref(1)}, {InstanceType: "m6i.xlarge", WeightedCapacity: nodegroup.Ref(2)}},
				OnDemandPercentageAboveBaseCapacity: nodegroup.Ref(0),
				SpotMaxPrice:                        "0.1",
			},
			CapacityRebalance:        nodegroup.Ref(true),
			TerminationLifecycleHook: &nodegroup.TerminationLifecycleHook{HeartbeatTimeout: nodegroup.Ref(600)},
			Hardening:                nodegroup.Ref(nodegroup.HardeningBaseline),
		}
		switch os {
		case nodegroup.AL2: // AWS published AL2 AMIs up to Kubernetes 1.32
			c := cluster()
			c.Version = pulumi.String("1.32")
			args.Cluster = c
		case nodegroup.Windows2025Core, nodegroup.Windows2025Full: // published from 1.35 on
			c := cluster()
			c.Version = pulumi.String("1.35")
			args.Cluster = c
		}
		m := run(t, args)
		assert.True(t, m.types[fakeaws.LifecycleHookToken], os)
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
