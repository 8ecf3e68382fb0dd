package nodegroup

import (
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const clusterSG = "sg-0123456789abcdef0"

// sharedSG is the ID the mocks give the NodeSecurityGroup "shared".
var sharedSG = nodegrouptest.ID(tSG, "shared")

func runNodeSecurityGroup(t *testing.T, args *NodeSecurityGroupArgs) (*nodegrouptest.Mocks, error) {
	t.Helper()
	return runProgram(t, func(ctx *pulumi.Context) error {
		_, err := NewNodeSecurityGroup(ctx, "shared", args)
		return err
	})
}

func sgArgs(mutate func(*NodeSecurityGroupArgs)) *NodeSecurityGroupArgs {
	a := &NodeSecurityGroupArgs{
		ClusterName:            pulumi.String("demo"),
		VpcId:                  pulumi.String("vpc-0123456789abcdef0"),
		ClusterSecurityGroupId: pulumi.String(clusterSG),
	}
	if mutate != nil {
		mutate(a)
	}
	return a
}

// rule is a security group rule as registered, reduced to what matters for access.
type rule struct {
	Name, SG, Protocol, Peer, Description string
	From, To                              any
}

func rules(m *nodegrouptest.Mocks, typ string) []rule {
	var out []rule
	for _, r := range m.OfType(typ) {
		peer := ""
		for _, k := range []string{"referencedSecurityGroupId", "cidrIpv4", "cidrIpv6", "prefixListId"} {
			if v, ok := r.Input(k).(string); ok {
				peer += k + "=" + v
			}
		}
		out = append(out, rule{Name: r.Name, SG: r.Input("securityGroupId").(string), Protocol: r.Input("ipProtocol").(string),
			Peer: peer, Description: r.Input("description").(string), From: r.Input("fromPort"), To: r.Input("toPort")})
	}
	return out
}

func TestNodeSecurityGroupDefaultProfile(t *testing.T) {
	m, err := runNodeSecurityGroup(t, sgArgs(nil))
	require.NoError(t, err)
	sg := m.Require(t, tSG, "shared")
	assert.Equal(t, "vpc-0123456789abcdef0", sg.Input("vpcId"))
	assert.Equal(t, map[string]any{"Name": "shared", "kubernetes.io/cluster/demo": "owned"}, sg.Input("tags"))
	assert.Nil(t, sg.Input("ingress"), "no inline rules")
	assert.Nil(t, sg.Input("egress"), "no inline rules")
	assert.Equal(t, "shared-", sg.Input("namePrefix"))

	// All traffic both ways with the cluster security group, which EKS puts on managed nodes,
	// Fargate pods and Auto Mode nodes (where CoreDNS often runs): source, EKS "View Amazon EKS
	// security group requirements for clusters"; eksctl allows the same by default.
	assert.ElementsMatch(t, []rule{
		{"shared-ingress-self-all", sharedSG, "-1", "referencedSecurityGroupId=" + sharedSG, "Node to node, all traffic", nil, nil},
		{"shared-ingress-cluster-all", sharedSG, "-1", "referencedSecurityGroupId=" + clusterSG, "Cluster security group (control plane, managed nodes, Fargate) to node, all traffic", nil, nil},
		{"shared-cluster-ingress-all", clusterSG, "-1", "referencedSecurityGroupId=" + sharedSG, "Node to cluster security group (control plane, managed nodes, Fargate), all traffic", nil, nil},
	}, rules(m, tIngress))
	assert.ElementsMatch(t, []rule{
		{"shared-egress-all", sharedSG, "-1", "cidrIpv4=0.0.0.0/0", "Node to anywhere, all traffic", nil, nil},
	}, rules(m, tEgress))
	for _, r := range rules(m, tIngress) {
		assert.NotEqual(t, 22.0, r.From, "no SSH rule unless asked for")
	}
}

func TestNodeSecurityGroupMinimalClusterTraffic(t *testing.T) {
	m, err := runNodeSecurityGroup(t, sgArgs(func(a *NodeSecurityGroupArgs) {
		a.ClusterSecurityGroupTraffic = Ref(ClusterTrafficMinimal)
		a.ClusterTag = ptr(false)
	}))
	require.NoError(t, err)
	assert.Equal(t, map[string]any{"Name": "shared"}, m.Require(t, tSG, "shared").Input("tags"), "no cluster tag on the security group")
	assert.ElementsMatch(t, []rule{
		{"shared-ingress-self-all", sharedSG, "-1", "referencedSecurityGroupId=" + sharedSG, "Node to node, all traffic", nil, nil},
		{"shared-ingress-cluster-https", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Cluster API to node HTTPS (webhooks, metrics)", 443.0, 443.0},
		{"shared-ingress-cluster-ephemeral", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Cluster API to node kubelet and pods, TCP 1025-65535", 1025.0, 65535.0},
		{"shared-ingress-cluster-dns-tcp", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Cluster security group to node DNS (TCP)", 53.0, 53.0},
		{"shared-ingress-cluster-dns-udp", sharedSG, "udp", "referencedSecurityGroupId=" + clusterSG, "Cluster security group to node DNS (UDP)", 53.0, 53.0},
		{"shared-cluster-ingress-https", clusterSG, "tcp", "referencedSecurityGroupId=" + sharedSG, "Node to cluster API HTTPS", 443.0, 443.0},
		{"shared-cluster-ingress-dns-tcp", clusterSG, "tcp", "referencedSecurityGroupId=" + sharedSG, "Node to cluster security group DNS (TCP)", 53.0, 53.0},
		{"shared-cluster-ingress-dns-udp", clusterSG, "udp", "referencedSecurityGroupId=" + sharedSG, "Node to cluster security group DNS (UDP)", 53.0, 53.0},
	}, rules(m, tIngress))
}

func TestNodeSecurityGroupStrictProfile(t *testing.T) {
	m, err := runNodeSecurityGroup(t, sgArgs(func(a *NodeSecurityGroupArgs) {
		a.RulesProfile = Ref(RulesStrict)
		a.ClusterSecurityGroupTraffic = Ref(ClusterTrafficMinimal)
		a.ExtraClusterIngressPorts = []int{8443, 9443}
		a.SshSourceCidrs = []string{"10.20.0.0/16"}
		a.SshSourceSecurityGroupIds = pulumi.ToStringArray([]string{"sg-0bbbbbbbbbbbbbbbb"})
		a.IngressRules = []SecurityGroupRule{{Description: "Prefix list HTTPS", Protocol: "tcp", FromPort: ptr(443), PrefixListId: pulumi.String("pl-0123456789abcdef0")}}
		a.EgressRules = []SecurityGroupRule{
			{Description: "HTTPS", Protocol: "tcp", FromPort: ptr(443), CidrIpv4: pulumi.String("0.0.0.0/0")},
			{Description: "IPv6 all", Protocol: "all", CidrIpv6: pulumi.String("::/0")},
		}
		a.Tags = pulumi.ToStringMap(map[string]string{"team": "net"})
	}))
	require.NoError(t, err)
	assert.ElementsMatch(t, []rule{
		{"shared-ingress-cluster-https", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Cluster API to node HTTPS (webhooks, metrics)", 443.0, 443.0},
		{"shared-ingress-cluster-kubelet", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Cluster API to node kubelet", 10250.0, 10250.0},
		{"shared-ingress-self-dns-tcp", sharedSG, "tcp", "referencedSecurityGroupId=" + sharedSG, "Node to node DNS (TCP)", 53.0, 53.0},
		{"shared-ingress-self-dns-udp", sharedSG, "udp", "referencedSecurityGroupId=" + sharedSG, "Node to node DNS (UDP)", 53.0, 53.0},
		{"shared-ingress-self-kubelet", sharedSG, "tcp", "referencedSecurityGroupId=" + sharedSG, "Node to node kubelet (metrics-server)", 10250.0, 10250.0},
		{"shared-ingress-cluster-dns-tcp", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Cluster security group to node DNS (TCP)", 53.0, 53.0},
		{"shared-ingress-cluster-dns-udp", sharedSG, "udp", "referencedSecurityGroupId=" + clusterSG, "Cluster security group to node DNS (UDP)", 53.0, 53.0},
		{"shared-ingress-cluster-8443", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Cluster API to node TCP 8443", 8443.0, 8443.0},
		{"shared-ingress-cluster-9443", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Cluster API to node TCP 9443", 9443.0, 9443.0},
		{"shared-ingress-ssh-10-20-0-0-16", sharedSG, "tcp", "cidrIpv4=10.20.0.0/16", "SSH from 10.20.0.0/16", 22.0, 22.0},
		{"shared-ingress-ssh-sg-0bbbbbbbbbbbbbbbb", sharedSG, "tcp", "referencedSecurityGroupId=sg-0bbbbbbbbbbbbbbbb", "SSH from sg-0bbbbbbbbbbbbbbbb", 22.0, 22.0},
		{"shared-ingress-rule-prefix-list-https", sharedSG, "tcp", "prefixListId=pl-0123456789abcdef0", "Prefix list HTTPS", 443.0, 443.0},
		{"shared-cluster-ingress-https", clusterSG, "tcp", "referencedSecurityGroupId=" + sharedSG, "Node to cluster API HTTPS", 443.0, 443.0},
		{"shared-cluster-ingress-dns-tcp", clusterSG, "tcp", "referencedSecurityGroupId=" + sharedSG, "Node to cluster security group DNS (TCP)", 53.0, 53.0},
		{"shared-cluster-ingress-dns-udp", clusterSG, "udp", "referencedSecurityGroupId=" + sharedSG, "Node to cluster security group DNS (UDP)", 53.0, 53.0},
	}, rules(m, tIngress))
	assert.ElementsMatch(t, []rule{
		{"shared-egress-rule-https", sharedSG, "tcp", "cidrIpv4=0.0.0.0/0", "HTTPS", 443.0, 443.0},
		{"shared-egress-rule-ipv6-all", sharedSG, "-1", "cidrIpv6=::/0", "IPv6 all", nil, nil},
		// Custom egress replaces the default, so the rules to the cluster security group are added.
		{"shared-egress-cluster-https", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Node to cluster API HTTPS", 443.0, 443.0},
		{"shared-egress-cluster-dns-tcp", sharedSG, "tcp", "referencedSecurityGroupId=" + clusterSG, "Node to cluster security group DNS (TCP)", 53.0, 53.0},
		{"shared-egress-cluster-dns-udp", sharedSG, "udp", "referencedSecurityGroupId=" + clusterSG, "Node to cluster security group DNS (UDP)", 53.0, 53.0},
	}, rules(m, tEgress))
	for _, r := range append(m.OfType(tIngress), m.OfType(tEgress)...) {
		assert.Equal(t, map[string]any{"team": "net"}, r.Input("tags"), r.Name)
	}
}

func TestSharedRoleAndSecurityGroup(t *testing.T) {
	m, err := runProgram(t, func(ctx *pulumi.Context) error {
		role, err := NewNodeRole(ctx, "shared-role", &NodeRoleArgs{ClusterName: pulumi.String("demo")})
		if err != nil {
			return err
		}
		sg, err := NewNodeSecurityGroup(ctx, "shared", sgArgs(nil))
		if err != nil {
			return err
		}
		for _, name := range []string{"blue", "green"} {
			args := demoArgs()
			args.InstanceProfileArn = role.InstanceProfileArn
			args.RoleArn = role.RoleArn
			args.NodeSecurityGroupId = sg.SecurityGroupId
			if _, err := NewNodeGroup(ctx, name, args); err != nil {
				return err
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.Len(t, m.OfType(tRole), 1)
	assert.Len(t, m.OfType(tSG), 1)
	assert.Len(t, m.OfType(tLT), 2)
	assert.Len(t, m.OfType(tASG), 2)
	for _, name := range []string{"blue", "green"} {
		lt := m.Require(t, tLT, name)
		assert.Equal(t, map[string]any{"arn": "arn:aws:iam::111122223333:instance-profile/shared-role-" + nodegrouptest.NameSuffix}, lt.Input("iamInstanceProfile"))
		assert.Equal(t, []any{sharedSG}, lt.Input("networkInterfaces").([]any)[0].(map[string]any)["securityGroups"])
	}
}
