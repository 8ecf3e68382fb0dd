package nodegroup

import (
	"errors"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badNodeRoleInputs and badNodeSecurityGroupInputs complete the catalogue of refused inputs
// for the other two components.
var badNodeRoleInputs = []struct {
	name   string
	mutate func(a *NodeRoleArgs)
	want   string
}{
	{"no cluster for the access entry", func(a *NodeRoleArgs) { a.ClusterName = nil }, "clusterName is required when createAccessEntry is true"},
	{"bad cluster name", func(a *NodeRoleArgs) { a.ClusterName = pulumi.String("my cluster") }, `clusterName ("my cluster") must be 1-100 letters`},
	{"bad path", func(a *NodeRoleArgs) { a.Path = "/no-trailing" }, `path ("/no-trailing") must start and end with /`},
	{"bad boundary", func(a *NodeRoleArgs) { a.PermissionsBoundary = pulumi.String("arn:aws:iam::aws:role/x") }, "permissionsBoundary"},
	{"bad policy ARN", func(a *NodeRoleArgs) { a.AdditionalPolicyArns = pulumi.ToStringArray([]string{"ReadOnlyAccess"}) }, `additionalPolicyArns[0] ("ReadOnlyAccess") must be an IAM policy ARN`},
	{"worker policy twice", func(a *NodeRoleArgs) {
		a.AdditionalPolicyArns = pulumi.ToStringArray([]string{"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"})
	}, "is attached already"},
	{"bad access entry type", func(a *NodeRoleArgs) { a.AccessEntryType = Ref[AccessEntryType]("STANDARD") }, `accessEntryType ("STANDARD") must be one of: EC2_LINUX, EC2_WINDOWS`},
	{"reserved tag", func(a *NodeRoleArgs) { a.Tags = pulumi.ToStringMap(map[string]string{"aws:x": "y"}) }, `tags["aws:x"]: the key "aws:x" uses the aws: prefix`},
}

var badNodeSecurityGroupInputs = []struct {
	name   string
	mutate func(a *NodeSecurityGroupArgs)
	want   string
}{
	{"no cluster", func(a *NodeSecurityGroupArgs) { a.ClusterName = nil }, "clusterName is required"},
	{"no VPC", func(a *NodeSecurityGroupArgs) { a.VpcId = nil }, "vpcId is required"},
	{"bad VPC", func(a *NodeSecurityGroupArgs) { a.VpcId = pulumi.String("default") }, `vpcId ("default") must be a VPC ID`},
	{"no cluster SG", func(a *NodeSecurityGroupArgs) { a.ClusterSecurityGroupId = nil }, "clusterSecurityGroupId is required"},
	{"bad cluster SG", func(a *NodeSecurityGroupArgs) { a.ClusterSecurityGroupId = pulumi.String("sg-x") }, `clusterSecurityGroupId ("sg-x") must be a security group ID`},
	{"bad profile", func(a *NodeSecurityGroupArgs) { a.RulesProfile = Ref[RulesProfile]("open") }, `rulesProfile ("open") must be one of: default, strict`},
	{"kubelet port in strict", func(a *NodeSecurityGroupArgs) {
		a.RulesProfile, a.ExtraClusterIngressPorts, a.ClusterSecurityGroupTraffic = Ref(RulesStrict), []int{10250}, Ref(ClusterTrafficMinimal)
	}, "extraClusterIngressPorts[0] (10250) is already open from the cluster security group in the strict profile"},
	{"duplicate port", func(a *NodeSecurityGroupArgs) {
		a.RulesProfile, a.ExtraClusterIngressPorts = Ref(RulesStrict), []int{9443, 9443}
	}, "extraClusterIngressPorts[1] (9443) is listed more than once"},
	{"SSH from anywhere", func(a *NodeSecurityGroupArgs) { a.SshSourceCidrs = []string{"0.0.0.0/0"} }, `sshSourceCidrs[0] ("0.0.0.0/0"): SSH from the internet is refused`},
	{"duplicate SSH source", func(a *NodeSecurityGroupArgs) { a.SshSourceCidrs = []string{"10.0.0.0/8", "10.0.0.0/8"} }, `sshSourceCidrs lists "10.0.0.0/8" more than once`},
	{"rule with no peer", func(a *NodeSecurityGroupArgs) {
		a.EgressRules = []SecurityGroupRule{{Description: "x", Protocol: "-1"}}
	}, "egressRules[0] must set exactly one of cidrIpv4"},
	{"rule with bad IPv4", func(a *NodeSecurityGroupArgs) {
		a.IngressRules = []SecurityGroupRule{{Description: "x", Protocol: "tcp", FromPort: ptr(80), CidrIpv4: pulumi.String("10.0.0.0/40")}}
	}, `ingressRules[0].cidrIpv4 ("10.0.0.0/40") must be an IPv4 CIDR`},
	{"ICMP type out of range", func(a *NodeSecurityGroupArgs) {
		a.IngressRules = []SecurityGroupRule{{Description: "ping", Protocol: "icmp", FromPort: ptr(300), CidrIpv4: pulumi.String("10.0.0.0/8")}}
	}, "ingressRules[0].fromPort (300) must be between -1 and 255 (the ICMP type, -1 for all)"},
}

func TestNodeRoleCatalogue(t *testing.T) {
	for _, tc := range badNodeRoleInputs {
		t.Run(tc.name, func(t *testing.T) {
			a := &NodeRoleArgs{ClusterName: pulumi.String("demo")}
			tc.mutate(a)
			m, _, err := runNodeRole(t, "aws", a)
			requireProblem(t, err, NodeRoleToken, tc.want)
			assert.Empty(t, m.Resources(), "nothing may be registered when the inputs are invalid")
		})
	}
}

func TestNodeSecurityGroupCatalogue(t *testing.T) {
	for _, tc := range badNodeSecurityGroupInputs {
		t.Run(tc.name, func(t *testing.T) {
			m, err := runNodeSecurityGroup(t, sgArgs(tc.mutate))
			requireProblem(t, err, NodeSecurityGroupToken, tc.want)
			assert.Empty(t, m.Resources(), "nothing may be registered when the inputs are invalid")
		})
	}
}

func TestCatalogueSize(t *testing.T) {
	assert.GreaterOrEqual(t, len(badNodeGroupInputs)+len(badNodeRoleInputs)+len(badNodeSecurityGroupInputs), 60)
}

func requireProblem(t *testing.T, err error, token, want string) {
	t.Helper()
	var verr *ValidationError
	require.True(t, errors.As(err, &verr), "a ValidationError, got %v", err)
	assert.Equal(t, token, verr.Token)
	for _, p := range verr.Problems {
		assert.True(t, startsWithSchemaPath(token, p), "every problem starts with a schema property path: %q", p)
	}
	for _, p := range verr.Problems {
		if strings.Contains(p, want) {
			return
		}
	}
	t.Errorf("want a problem containing %q, got %q", want, verr.Problems)
}
