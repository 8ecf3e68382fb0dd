package nodegroup

import (
	"slices"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/vpc"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// NodeSecurityGroupToken is the schema token of NodeSecurityGroup.
const NodeSecurityGroupToken = "eksnodes:index:NodeSecurityGroup"

// NodeSecurityGroupArgs are the inputs of a NodeSecurityGroup.
type NodeSecurityGroupArgs struct {
	// The EKS cluster name, for the `kubernetes.io/cluster/<name>=owned` tag. Required.
	ClusterName pulumi.StringInput `pulumi:"clusterName"`

	// The VPC of the cluster. Required.
	VpcId pulumi.StringInput `pulumi:"vpcId"`

	// The cluster security group the control plane uses to reach the nodes. Required: it gets an
	// ingress rule for HTTPS from the nodes, and the node group allows traffic from it.
	ClusterSecurityGroupId pulumi.StringInput `pulumi:"clusterSecurityGroupId"`

	// Same as [NodeSecurityGroupOptions.RulesProfile].
	RulesProfile *RulesProfile `pulumi:"rulesProfile,optional"`

	// Same as [NodeSecurityGroupOptions.ExtraClusterIngressPorts].
	ExtraClusterIngressPorts []int `pulumi:"extraClusterIngressPorts,optional"`

	// Same as [NodeSecurityGroupOptions.IngressRules].
	IngressRules []SecurityGroupRule `pulumi:"ingressRules,optional"`

	// Same as [NodeSecurityGroupOptions.EgressRules].
	EgressRules []SecurityGroupRule `pulumi:"egressRules,optional"`

	// Same as [NodeSecurityGroupOptions.SshSourceCidrs].
	SshSourceCidrs []string `pulumi:"sshSourceCidrs,optional"`

	// Same as [NodeSecurityGroupOptions.SshSourceSecurityGroupIds].
	SshSourceSecurityGroupIds pulumi.StringArrayInput `pulumi:"sshSourceSecurityGroupIds,optional"`

	// Same as [NodeSecurityGroupOptions.ClusterSecurityGroupTraffic].
	ClusterSecurityGroupTraffic *ClusterTraffic `pulumi:"clusterSecurityGroupTraffic,optional"`

	// Same as [NodeSecurityGroupOptions.ClusterTag].
	ClusterTag *bool `pulumi:"clusterTag,optional"`

	// The cluster's IP family: `ipv4` (default) or `ipv6`, which adds the default egress to `::/0`.
	IpFamily *IpFamily `pulumi:"ipFamily,optional"`

	// Tags for the security group and its rules.
	Tags pulumi.StringMapInput `pulumi:"tags,optional"`

	// Whether the group allows all traffic to and from itself in both directions, as Elastic
	// Fabric Adapter (EFA) requires: an egress rule to itself, and with `rulesProfile: strict` an
	// ingress rule from itself (the `default` profile has one). Default false. A NodeGroup with
	// `efa` sets it on the group it creates.
	AllowEfa bool `pulumi:"allowEfa,optional"`
}

// NodeSecurityGroup is the security group of EKS self-managed nodes: every rule a separate,
// described resource, no SSH unless sources are given, and HTTPS from the nodes to the cluster
// security group. Several node groups may share one.
type NodeSecurityGroup struct {
	pulumi.ResourceState

	// The ID of the node security group.
	SecurityGroupId pulumi.StringOutput `pulumi:"securityGroupId"`

	// The child resources, for Go programs.
	SecurityGroup *ec2.SecurityGroup
	IngressRules  []*vpc.SecurityGroupIngressRule
	EgressRules   []*vpc.SecurityGroupEgressRule
	// ClusterIngressRules are added to the cluster security group: the nodes' traffic to it.
	ClusterIngressRules []*vpc.SecurityGroupIngressRule
}

// NewNodeSecurityGroup creates the node security group and its rules.
func NewNodeSecurityGroup(ctx *pulumi.Context, name string, args *NodeSecurityGroupArgs, opts ...pulumi.ResourceOption) (*NodeSecurityGroup, error) {
	a := nodeSecurityGroupDefaults(args)
	a.SshSourceSecurityGroupIds = previewElements(ctx, a.SshSourceSecurityGroupIds)
	a.Tags = previewEntries(ctx, a.Tags)
	if err := validateNodeSecurityGroup(a).err(NodeSecurityGroupToken, name); err != nil {
		return nil, err
	}
	a = guardNodeSecurityGroup(NodeSecurityGroupToken, name, a)
	comp := &NodeSecurityGroup{}
	if err := ctx.RegisterComponentResource(NodeSecurityGroupToken, name, comp, opts...); err != nil {
		return nil, err
	}
	if err := comp.register(ctx, name, a); err != nil {
		return nil, err
	}
	return comp, ctx.RegisterResourceOutputs(comp, pulumi.Map{"securityGroupId": comp.SecurityGroupId})
}

func (s *NodeSecurityGroup) register(ctx *pulumi.Context, name string, a NodeSecurityGroupArgs) error {
	parent := pulumi.Parent(s)
	clusterName := a.ClusterName.ToStringOutput()
	sg, err := ec2.NewSecurityGroup(ctx, name, &ec2.SecurityGroupArgs{
		NamePrefix:          pulumi.String(physicalPrefix(name, 100)),
		Description:         pulumi.String("EKS worker nodes, managed by eksnodes"),
		VpcId:               a.VpcId,
		RevokeRulesOnDelete: pulumi.Bool(true),
		Tags:                securityGroupTags(clusterName, name, a.Tags, *a.ClusterTag),
	}, parent)
	if err != nil {
		return err
	}
	s.SecurityGroup = sg
	s.SecurityGroupId = sg.ID().ToStringOutput()

	ruleTags := tagsInput(a.Tags)
	ingress, egress := planSecurityGroupRules(a)
	for _, r := range ingress {
		args := &vpc.SecurityGroupIngressRuleArgs{
			SecurityGroupId: sg.ID(),
			Description:     pulumi.String(r.Description),
			IpProtocol:      pulumi.String(r.Protocol),
			FromPort:        pulumi.IntPtrFromPtr(r.FromPort),
			ToPort:          pulumi.IntPtrFromPtr(r.ToPort),
			Tags:            ruleTags,
		}
		args.CidrIpv4, args.CidrIpv6, args.PrefixListId, args.ReferencedSecurityGroupId = r.peer(sg.ID(), a.ClusterSecurityGroupId)
		rule, err := vpc.NewSecurityGroupIngressRule(ctx, name+"-"+r.Suffix, args, parent)
		if err != nil {
			return err
		}
		s.IngressRules = append(s.IngressRules, rule)
	}
	for _, r := range egress {
		args := &vpc.SecurityGroupEgressRuleArgs{
			SecurityGroupId: sg.ID(),
			Description:     pulumi.String(r.Description),
			IpProtocol:      pulumi.String(r.Protocol),
			FromPort:        pulumi.IntPtrFromPtr(r.FromPort),
			ToPort:          pulumi.IntPtrFromPtr(r.ToPort),
			Tags:            ruleTags,
		}
		args.CidrIpv4, args.CidrIpv6, args.PrefixListId, args.ReferencedSecurityGroupId = r.peer(sg.ID(), a.ClusterSecurityGroupId)
		rule, err := vpc.NewSecurityGroupEgressRule(ctx, name+"-"+r.Suffix, args, parent)
		if err != nil {
			return err
		}
		s.EgressRules = append(s.EgressRules, rule)
	}

	for _, cr := range clusterIngressRules(*a.ClusterSecurityGroupTraffic) {
		rule, err := vpc.NewSecurityGroupIngressRule(ctx, name+"-"+cr.Suffix, &vpc.SecurityGroupIngressRuleArgs{
			SecurityGroupId:           a.ClusterSecurityGroupId,
			Description:               pulumi.String(cr.Description),
			IpProtocol:                pulumi.String(cr.Protocol),
			FromPort:                  pulumi.IntPtrFromPtr(cr.FromPort),
			ToPort:                    pulumi.IntPtrFromPtr(cr.ToPort),
			ReferencedSecurityGroupId: sg.ID(),
			Tags:                      ruleTags,
		}, parent)
		if err != nil {
			return err
		}
		s.ClusterIngressRules = append(s.ClusterIngressRules, rule)
	}
	return nil
}

// guardNodeSecurityGroup returns a copy of a whose output values are checked when they arrive.
func guardNodeSecurityGroup(token, name string, a NodeSecurityGroupArgs) NodeSecurityGroupArgs {
	a.IngressRules = slices.Clone(a.IngressRules)
	a.EgressRules = slices.Clone(a.EgressRules)
	guardFields(token, name, nodeSecurityGroupFields(&a))
	a.SshSourceSecurityGroupIds = guardArrayElements(token, name, "sshSourceSecurityGroupIds", a.SshSourceSecurityGroupIds, checkSGID)
	a.Tags = guardTags(token, name, "tags", a.Tags, false)
	return a
}

// children returns the security group and its rules.
func (s *NodeSecurityGroup) children() []pulumi.Resource {
	out := []pulumi.Resource{s.SecurityGroup}
	for _, r := range s.ClusterIngressRules {
		out = append(out, r)
	}
	for _, r := range s.IngressRules {
		out = append(out, r)
	}
	for _, r := range s.EgressRules {
		out = append(out, r)
	}
	return out
}

// peer returns the rule's peer as the four mutually exclusive inputs of a standalone rule.
func (r rulePlan) peer(self pulumi.IDOutput, cluster pulumi.StringInput) (cidr4, cidr6, prefixList, sg pulumi.StringPtrInput) {
	switch r.Peer {
	case peerSelf:
		return nil, nil, nil, self.ToStringOutput()
	case peerCluster:
		return nil, nil, nil, cluster.ToStringOutput()
	case peerCidrIpv4:
		return r.PeerInput.ToStringOutput(), nil, nil, nil
	case peerCidrIpv6:
		return nil, r.PeerInput.ToStringOutput(), nil, nil
	case peerPrefixList:
		return nil, nil, r.PeerInput.ToStringOutput(), nil
	default:
		return nil, nil, nil, r.PeerInput.ToStringOutput()
	}
}
