// Package nodegroup provides Pulumi components for Amazon EKS self-managed worker nodes:
// NodeGroup (launch template and Auto Scaling group, with its own role and security group
// unless given shared ones), NodeRole and NodeSecurityGroup.
//
// The same constructors serve Go programs directly and the eksnodes provider plugin for
// TypeScript and Python. Inputs flow one way: defaults, then validation of every input at
// once, then a plan of the children, then their registration.
package nodegroup

import (
	"slices"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/autoscaling"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// NodeGroupToken is the schema token of NodeGroup.
const NodeGroupToken = "eksnodes:index:NodeGroup"

// NodeGroup is a group of Amazon EKS self-managed nodes: a launch template on the EKS-optimized
// AMI with bootstrap user data, IMDSv2, an encrypted root volume and no public IP; an Auto Scaling
// group that rolls nodes when the template changes; and, unless shared ones are given, its own
// NodeRole and NodeSecurityGroup.
type NodeGroup struct {
	pulumi.ResourceState

	scope string // the AWS provider its children use, when its options tell (providerScope)

	// The ARN of the node role.
	RoleArn pulumi.StringOutput `pulumi:"roleArn"`

	// The name of the node role.
	RoleName pulumi.StringOutput `pulumi:"roleName"`

	// The ARN of the nodes' instance profile.
	InstanceProfileArn pulumi.StringOutput `pulumi:"instanceProfileArn"`

	// The ID of the node security group.
	SecurityGroupId pulumi.StringOutput `pulumi:"securityGroupId"`

	// The ID of the launch template.
	LaunchTemplateId pulumi.StringOutput `pulumi:"launchTemplateId"`

	// The launch template's latest version number, which the Auto Scaling group uses.
	LaunchTemplateLatestVersion pulumi.IntOutput `pulumi:"launchTemplateLatestVersion"`

	// The name of the Auto Scaling group.
	AutoScalingGroupName pulumi.StringOutput `pulumi:"autoScalingGroupName"`

	// The AMI the nodes run.
	AmiId pulumi.StringOutput `pulumi:"amiId"`

	// Where the AMI comes from: `amiId`, or `ssm:<parameter>` for the EKS-optimized AMI read from
	// AWS's public SSM parameter (a `recommended` parameter follows AWS's releases: a new AMI shows in
	// the preview as a launch template change and rolls the group).
	AmiSource pulumi.StringOutput `pulumi:"amiSource"`

	// The user data the nodes boot with, as text (the launch template holds it base64-encoded).
	UserData pulumi.StringOutput `pulumi:"userData"`

	// The child resources, for Go programs. NodeRole and NodeSecurityGroup are nil when the
	// group was given an existing instance profile or security group.
	NodeRole          *NodeRole
	NodeSecurityGroup *NodeSecurityGroup
	LaunchTemplate    *ec2.LaunchTemplate
	AutoScalingGroup  *autoscaling.Group
	TerminationHook   *autoscaling.LifecycleHook   // nil without terminationLifecycleHook
	LifecycleHooks    []*autoscaling.LifecycleHook // one per lifecycleHooks entry, in order
	PlacementGroup    *ec2.PlacementGroup          // nil unless eksnodes creates the placement group
}

// NewNodeGroup validates args and creates the node group's resources as children of the
// component. Every invalid input is reported at once, before any resource is registered.
func NewNodeGroup(ctx *pulumi.Context, name string, args *NodeGroupArgs, opts ...pulumi.ResourceOption) (*NodeGroup, error) {
	if p := checkTrees(args); len(p) > 0 {
		return nil, p.err(NodeGroupToken, name)
	}
	args = previewNodeGroupArgs(ctx, args)
	a := withDefaults(args)
	if err := validateNodeGroup(args, a).err(NodeGroupToken, name); err != nil {
		return nil, err
	}
	a = guardNodeGroup(NodeGroupToken, name, a)
	g := &NodeGroup{scope: providerScope(opts)}
	if err := ctx.RegisterComponentResource(NodeGroupToken, name, g, opts...); err != nil {
		return nil, err
	}
	for _, w := range hardeningWarnings(a) {
		_ = ctx.Log.Warn(w, &pulumi.LogArgs{Resource: g})
	}
	if err := g.register(ctx, name, a); err != nil {
		return nil, err
	}
	return g, ctx.RegisterResourceOutputs(g, pulumi.Map{
		"roleArn":                     g.RoleArn,
		"roleName":                    g.RoleName,
		"instanceProfileArn":          g.InstanceProfileArn,
		"securityGroupId":             g.SecurityGroupId,
		"launchTemplateId":            g.LaunchTemplateId,
		"launchTemplateLatestVersion": g.LaunchTemplateLatestVersion,
		"autoScalingGroupName":        g.AutoScalingGroupName,
		"amiId":                       g.AmiId,
		"amiSource":                   g.AmiSource,
		"userData":                    g.UserData,
	})
}

// previewNodeGroupArgs returns a copy of args whose nil list and map elements stand for
// values not known yet, during a preview (see previewElements).
func previewNodeGroupArgs(ctx *pulumi.Context, args *NodeGroupArgs) *NodeGroupArgs {
	if args == nil || !ctx.DryRun() {
		return args
	}
	a := *args
	a.SubnetIds = previewElements(ctx, a.SubnetIds)
	a.ExtraNodeSecurityGroupIds = previewElements(ctx, a.ExtraNodeSecurityGroupIds)
	a.Tags = previewEntries(ctx, a.Tags)
	previewLifecycle(ctx, &a)
	if o := a.NodeRoleOptions; o != nil {
		c := *o
		c.AdditionalPolicyArns = previewElements(ctx, c.AdditionalPolicyArns)
		a.NodeRoleOptions = &c
	}
	if o := a.NodeSecurityGroupOptions; o != nil {
		c := *o
		c.SshSourceSecurityGroupIds = previewElements(ctx, c.SshSourceSecurityGroupIds)
		a.NodeSecurityGroupOptions = &c
	}
	return &a
}

// guardNodeGroup returns a copy of a whose output values are checked, by the rules validation
// applies to plain values, when they arrive.
func guardNodeGroup(token, name string, a NodeGroupArgs) NodeGroupArgs {
	if o := a.NodeRoleOptions; o != nil {
		c := *o
		c.AdditionalPolicyArns = guardArrayElements(token, name, "nodeRoleOptions.additionalPolicyArns", c.AdditionalPolicyArns, checkPolicyArn)
		a.NodeRoleOptions = &c
	}
	if o := a.NodeSecurityGroupOptions; o != nil {
		c := *o
		c.IngressRules, c.EgressRules = slices.Clone(c.IngressRules), slices.Clone(c.EgressRules)
		c.SshSourceSecurityGroupIds = guardArrayElements(token, name, "nodeSecurityGroupOptions.sshSourceSecurityGroupIds", c.SshSourceSecurityGroupIds, checkSGID)
		a.NodeSecurityGroupOptions = &c
	}
	if h := a.TerminationLifecycleHook; h != nil {
		c := *h
		a.TerminationLifecycleHook = &c
	}
	if r := a.InstanceRefresh; r != nil {
		c := *r
		c.Alarms = guardArray(token, name, "instanceRefresh.alarms", c.Alarms, checkAlarmName, checkAlarmList)
		a.InstanceRefresh = &c
	}
	guardLifecycle(token, name, &a)
	guardFields(token, name, nodeGroupFields(&a))
	a.SubnetIds = guardArray(token, name, "subnetIds", a.SubnetIds, checkSubnetID, func(p *problems, prop string, ids []string) {
		if len(ids) == 0 {
			p.addf("%s must list at least one subnet", prop)
		}
		checkDuplicates(p, prop, ids)
	})
	a.ExtraNodeSecurityGroupIds = guardArray(token, name, "extraNodeSecurityGroupIds", a.ExtraNodeSecurityGroupIds, checkSGID, checkSecurityGroupCount)
	a.Tags = guardTags(token, name, "tags", a.Tags, !given(a.InstanceProfileArn))
	return a
}

func (g *NodeGroup) register(ctx *pulumi.Context, name string, a NodeGroupArgs) error {
	parent := pulumi.Parent(g)
	var dependsOn []pulumi.Resource

	if !given(a.InstanceProfileArn) {
		role, err := NewNodeRole(ctx, name+"-role", roleArgsFor(a), parent)
		if err != nil {
			return err
		}
		g.NodeRole = role
		// The role knows the provider's partition: the group's own ARNs must be in it too.
		a.NodeRootVolumeKmsKeyId = inPartition(NodeGroupToken, name, "nodeRootVolumeKmsKeyId", a.NodeRootVolumeKmsKeyId, role.partition)
		placementInPartition(name, &a, role.partition)
		if h := a.TerminationLifecycleHook; h != nil {
			c := *h
			c.NotificationTargetArn = inPartition(NodeGroupToken, name, "terminationLifecycleHook.notificationTargetArn", c.NotificationTargetArn, role.partition)
			c.RoleArn = inPartition(NodeGroupToken, name, "terminationLifecycleHook.roleArn", c.RoleArn, role.partition)
			a.TerminationLifecycleHook = &c
		}
		lifecycleInPartition(name, &a, role.partition)
		g.RoleArn, g.RoleName, g.InstanceProfileArn = role.RoleArn, role.RoleName, role.InstanceProfileArn
		dependsOn = append(dependsOn, role.children()...)
	} else {
		g.RoleArn = a.RoleArn.ToStringOutput()
		g.RoleName = g.RoleArn.ApplyT(roleNameFromArn).(pulumi.StringOutput)
		g.InstanceProfileArn = a.InstanceProfileArn.ToStringOutput()
	}

	if !given(a.NodeSecurityGroupId) {
		sg, err := NewNodeSecurityGroup(ctx, name+"-sg", securityGroupArgsFor(a), parent)
		if err != nil {
			return err
		}
		g.NodeSecurityGroup = sg
		g.SecurityGroupId = sg.SecurityGroupId
		dependsOn = append(dependsOn, sg.children()...)
	} else {
		g.SecurityGroupId = a.NodeSecurityGroupId.ToStringOutput()
	}

	g.AmiId, g.AmiSource = amiFor(ctx, g, a)
	g.UserData = pulumi.All(a.Cluster.Name, a.Cluster.Endpoint, a.Cluster.CertificateAuthority, a.Cluster.ServiceCidr).
		ApplyT(func(v []any) (string, error) {
			return renderDeployTimeUserData(name, a, userdata.Cluster{
				Name: str(v[0]), Endpoint: str(v[1]), CertificateAuthority: str(v[2]), ServiceCIDR: str(v[3]),
			})
		}).(pulumi.StringOutput)

	clusterName := a.Cluster.Name.ToStringOutput()
	pg, err := newPlacementGroup(ctx, name, a, clusterName, parent)
	if err != nil {
		return err
	}
	g.PlacementGroup = pg
	lt, err := ec2.NewLaunchTemplate(ctx, name, launchTemplateArgs(name, a, clusterName, g), parent)
	if err != nil {
		return err
	}
	g.LaunchTemplate = lt
	g.LaunchTemplateId = lt.ID().ToStringOutput()
	g.LaunchTemplateLatestVersion = lt.LatestVersion

	// The group waits for the role's registration and every security group rule, so the first
	// nodes can join. It names the child resources themselves: depending on a component only
	// covers the children it had registered at that moment.
	asgOpts := []pulumi.ResourceOption{parent, pulumi.DependsOn(dependsOn)}
	if *a.IgnoreScalingChanges {
		asgOpts = append(asgOpts, pulumi.IgnoreChanges([]string{"desiredCapacity"}))
	}
	asgOpts = append(asgOpts, lifecycleGroupOptions(a)...)
	asg, err := autoscaling.NewGroup(ctx, name, autoScalingGroupArgs(name, a, clusterName, lt), asgOpts...)
	if err != nil {
		return err
	}
	g.AutoScalingGroup = asg
	g.AutoScalingGroupName = asg.Name
	if a.TerminationLifecycleHook != nil {
		g.TerminationHook, err = newTerminationHook(ctx, name, a.TerminationLifecycleHook, asg, parent)
		if err != nil {
			return err
		}
	}
	g.LifecycleHooks, err = newLifecycleHooks(ctx, name, a.LifecycleHooks, asg, parent)
	return err
}
