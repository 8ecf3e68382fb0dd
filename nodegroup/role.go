package nodegroup

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"sigs.k8s.io/yaml"
)

// NodeRoleToken is the schema token of NodeRole.
const NodeRoleToken = "eksnodes:index:NodeRole"

// workerPolicies are the AWS managed policies a node role carries by default, in attachment
// order: the node policy, the CNI policy (unless attachCniPolicy is false) and ECR read access
// (or ecrPullOnlyPolicy with ecrPullOnly).
var workerPolicies = []string{
	"AmazonEKSWorkerNodePolicy",
	cniPolicy,
	"AmazonEC2ContainerRegistryReadOnly",
}

// Policies the node role options swap or leave out.
const (
	cniPolicy         = "AmazonEKS_CNI_Policy"
	ecrReadOnlyPolicy = "AmazonEC2ContainerRegistryReadOnly"
	ecrPullOnlyPolicy = "AmazonEC2ContainerRegistryPullOnly"
)

// managedPolicies returns the AWS managed policies a role with these options carries.
func managedPolicies(cni, pullOnly, ssm bool) []string {
	var out []string
	for _, p := range workerPolicies {
		switch {
		case p == cniPolicy && !cni:
		case p == ecrReadOnlyPolicy && pullOnly:
			out = append(out, ecrPullOnlyPolicy)
		default:
			out = append(out, p)
		}
	}
	if ssm {
		out = append(out, SSMPolicy)
	}
	return out
}

// SSMPolicy is the AWS managed policy that lets Session Manager reach a node.
const SSMPolicy = "AmazonSSMManagedInstanceCore"

// NodeRoleArgs are the inputs of a NodeRole.
type NodeRoleArgs struct {
	// The EKS cluster the role's nodes join. Required when `createAccessEntry` is true.
	ClusterName pulumi.StringInput `pulumi:"clusterName,optional"`

	// Same as [NodeRoleOptions.Path].
	Path string `pulumi:"path,optional"`

	// Same as [NodeRoleOptions.PermissionsBoundary].
	PermissionsBoundary pulumi.StringInput `pulumi:"permissionsBoundary,optional"`

	// Same as [NodeRoleOptions.AdditionalPolicyArns].
	AdditionalPolicyArns pulumi.StringArrayInput `pulumi:"additionalPolicyArns,optional"`

	// Same as [NodeRoleOptions.EnableSsmAccess].
	EnableSsmAccess bool `pulumi:"enableSsmAccess,optional"`

	// Same as [NodeRoleOptions.AttachCniPolicy].
	AttachCniPolicy *bool `pulumi:"attachCniPolicy,optional"`

	// Same as [NodeRoleOptions.EcrPullOnly].
	EcrPullOnly bool `pulumi:"ecrPullOnly,optional"`

	// Same as [NodeRoleOptions.CreateAccessEntry].
	CreateAccessEntry *bool `pulumi:"createAccessEntry,optional"`

	// The access entry type: `EC2_LINUX` (default) or `EC2_WINDOWS`.
	AccessEntryType *AccessEntryType `pulumi:"accessEntryType,optional"`

	// The cluster's IP family: `ipv4` (default) or `ipv6`. With `ipv6` the role gets the VPC CNI's
	// IPv6 permissions (the policy EKS documents for IPv6 clusters, inline) instead of
	// `AmazonEKS_CNI_Policy`, when `attachCniPolicy` is true.
	IpFamily *IpFamily `pulumi:"ipFamily,optional"`

	// Tags for the role and instance profile.
	Tags pulumi.StringMapInput `pulumi:"tags,optional"`
}

// NodeRole is the IAM role and instance profile of EKS self-managed nodes, with exactly the three
// EKS worker policies and, by default, the EKS access entry that lets the nodes join. Several node
// groups may share one.
type NodeRole struct {
	pulumi.ResourceState

	// The ARN of the node role.
	RoleArn pulumi.StringOutput `pulumi:"roleArn"`

	// The name of the node role.
	RoleName pulumi.StringOutput `pulumi:"roleName"`

	// The ARN of the instance profile.
	InstanceProfileArn pulumi.StringOutput `pulumi:"instanceProfileArn"`

	// The name of the instance profile.
	InstanceProfileName pulumi.StringOutput `pulumi:"instanceProfileName"`

	// The aws-auth ConfigMap `mapRoles` entry (YAML) for clusters in `CONFIG_MAP` authentication mode.
	AwsAuthMapRole pulumi.StringOutput `pulumi:"awsAuthMapRole"`

	// The child resources, for Go programs.
	Role              *iam.Role
	InstanceProfile   *iam.InstanceProfile
	PolicyAttachments []*iam.RolePolicyAttachment
	AccessEntry       *eks.AccessEntry
	CniIpv6Policy     *iam.RolePolicy // the VPC CNI's IPv6 permissions, in IPv6 clusters

	partition pulumi.StringOutput // of the AWS provider the role is created with
}

// NewNodeRole creates a node IAM role, its instance profile, the policy attachments and, unless
// turned off, the cluster access entry.
func NewNodeRole(ctx *pulumi.Context, name string, args *NodeRoleArgs, opts ...pulumi.ResourceOption) (*NodeRole, error) {
	a := nodeRoleDefaults(args)
	a.AdditionalPolicyArns = previewElements(ctx, a.AdditionalPolicyArns)
	a.Tags = previewEntries(ctx, a.Tags)
	if err := validateNodeRole(a).err(NodeRoleToken, name); err != nil {
		return nil, err
	}
	a = guardNodeRole(NodeRoleToken, name, a)
	comp := &NodeRole{}
	if err := ctx.RegisterComponentResource(NodeRoleToken, name, comp, opts...); err != nil {
		return nil, err
	}
	if err := comp.register(ctx, name, a, providerScope(opts)); err != nil {
		return nil, err
	}
	return comp, ctx.RegisterResourceOutputs(comp, pulumi.Map{
		"roleArn":             comp.RoleArn,
		"roleName":            comp.RoleName,
		"instanceProfileArn":  comp.InstanceProfileArn,
		"instanceProfileName": comp.InstanceProfileName,
		"awsAuthMapRole":      comp.AwsAuthMapRole,
	})
}

// AssumeRolePolicy is the trust policy of a node role: EC2 may assume it.
const AssumeRolePolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}`

func (r *NodeRole) register(ctx *pulumi.Context, name string, a NodeRoleArgs, scope string) error {
	parent := pulumi.Parent(r)
	// The partition of the AWS provider decides the managed policies' ARNs, and every ARN
	// given must be in it.
	partition := providerPartition(ctx, r, scope)
	r.partition = partition
	a.PermissionsBoundary = inPartition(NodeRoleToken, name, "permissionsBoundary", a.PermissionsBoundary, partition)
	role, err := iam.NewRole(ctx, name, &iam.RoleArgs{
		NamePrefix:          pulumi.String(physicalPrefix(name, 38)),
		Path:                pulumi.String(a.Path),
		AssumeRolePolicy:    pulumi.String(AssumeRolePolicy),
		Description:         pulumi.String("EKS node role managed by eksnodes"),
		PermissionsBoundary: a.PermissionsBoundary,
		Tags:                tagsInput(a.Tags),
	}, parent)
	if err != nil {
		return err
	}
	r.Role = role

	for _, p := range nodeRolePolicies(a) {
		arn := inPartition(NodeRoleToken, name, p.prop, p.arn, partition)
		if p.managed != "" {
			arn = managedPolicyArn(partition, p.managed)
		}
		att, err := iam.NewRolePolicyAttachment(ctx, name+"-"+p.suffix, &iam.RolePolicyAttachmentArgs{
			Role:      role.Name,
			PolicyArn: arn,
		}, parent)
		if err != nil {
			return err
		}
		r.PolicyAttachments = append(r.PolicyAttachments, att)
	}

	if *a.AttachCniPolicy && valueOr(a.IpFamily, IPv4) == IPv6 {
		r.CniIpv6Policy, err = iam.NewRolePolicy(ctx, name+"-cni-ipv6", &iam.RolePolicyArgs{
			NamePrefix: pulumi.String("eksnodes-cni-ipv6-"),
			Role:       role.Name,
			Policy:     partition.ApplyT(cniIPv6Policy).(pulumi.StringOutput),
		}, parent)
		if err != nil {
			return err
		}
	}

	profile, err := iam.NewInstanceProfile(ctx, name, &iam.InstanceProfileArgs{
		NamePrefix: pulumi.String(physicalPrefix(name, 38)),
		Path:       pulumi.String(a.Path),
		Role:       role.Name,
		Tags:       tagsInput(a.Tags),
	}, parent)
	if err != nil {
		return err
	}
	r.InstanceProfile = profile

	if *a.CreateAccessEntry {
		entry, err := eks.NewAccessEntry(ctx, name, &eks.AccessEntryArgs{
			ClusterName:  a.ClusterName,
			PrincipalArn: role.Arn,
			Type:         pulumi.String(string(*a.AccessEntryType)),
			Tags:         tagsInput(a.Tags),
		}, parent, pulumi.DependsOn(attachmentResources(r.PolicyAttachments)))
		if err != nil {
			return err
		}
		r.AccessEntry = entry
	}

	r.RoleArn = role.Arn
	r.RoleName = role.Name
	r.InstanceProfileArn = profile.Arn
	r.InstanceProfileName = profile.Name
	r.AwsAuthMapRole = role.Arn.ApplyT(func(arn string) (string, error) {
		return AwsAuthMapRole(arn, *a.AccessEntryType == AccessEntryEC2Windows)
	}).(pulumi.StringOutput)
	return nil
}

// children returns the role's child resources.
func (r *NodeRole) children() []pulumi.Resource {
	out := []pulumi.Resource{r.Role, r.InstanceProfile}
	out = append(out, attachmentResources(r.PolicyAttachments)...)
	if r.CniIpv6Policy != nil {
		out = append(out, r.CniIpv6Policy)
	}
	if r.AccessEntry != nil {
		out = append(out, r.AccessEntry)
	}
	return out
}

type rolePolicy struct {
	suffix  string             // child resource name suffix
	managed string             // the name of an AWS managed policy, whose ARN depends on the partition
	arn     pulumi.StringInput // else the policy's ARN
	prop    string             // and the property it comes from
}

// nodeRolePolicies lists the policy attachments of a role: the worker policies, the SSM policy
// when enabled, then the additional ARNs in the order given. An additional policy known now is
// named after its policy name (stable when the list is reordered); one that is an output is
// named by its place in the list.
func nodeRolePolicies(a NodeRoleArgs) []rolePolicy {
	var out []rolePolicy
	ipv6 := valueOr(a.IpFamily, IPv4) == IPv6
	for _, n := range managedPolicies(*a.AttachCniPolicy && !ipv6, a.EcrPullOnly, a.EnableSsmAccess) {
		out = append(out, rolePolicy{suffix: n, managed: n})
	}
	extra, _ := arrayElements(a.AdditionalPolicyArns)
	for i, in := range extra {
		suffix := fmt.Sprintf("policy-%d", i)
		if s, ok := plainString(in); ok {
			suffix = "policy-" + policyNameFromArn(s)
		}
		out = append(out, rolePolicy{suffix: suffix, arn: in, prop: fmt.Sprintf("additionalPolicyArns[%d]", i)})
	}
	return out
}

// guardNodeRole returns a copy of a whose output values are checked when they arrive.
func guardNodeRole(token, name string, a NodeRoleArgs) NodeRoleArgs {
	guardFields(token, name, nodeRoleFields(&a))
	a.AdditionalPolicyArns = guardArrayElements(token, name, "additionalPolicyArns", a.AdditionalPolicyArns, checkPolicyArn)
	a.Tags = guardTags(token, name, "tags", a.Tags, true)
	return a
}

func managedPolicyArn(partition pulumi.StringOutput, policy string) pulumi.StringOutput {
	return partition.ApplyT(func(p string) string {
		return fmt.Sprintf("arn:%s:iam::aws:policy/%s", p, policy)
	}).(pulumi.StringOutput)
}

// policyNameFromArn returns the last path segment of a policy ARN.
func policyNameFromArn(arn string) string {
	return arn[strings.LastIndex(arn, "/")+1:]
}

func attachmentResources(atts []*iam.RolePolicyAttachment) []pulumi.Resource {
	out := make([]pulumi.Resource, len(atts))
	for i, a := range atts {
		out[i] = a
	}
	return out
}

type mapRole struct {
	RoleArn  string   `json:"rolearn"`
	Username string   `json:"username"`
	Groups   []string `json:"groups"`
}

// AwsAuthMapRole renders the aws-auth `mapRoles` entry for a node role. aws-auth matches the
// role ARN without its IAM path, so the path is removed.
func AwsAuthMapRole(roleArn string, windows bool) (string, error) {
	entry := mapRole{
		RoleArn:  roleArnWithoutPath(roleArn),
		Username: "system:node:{{EC2PrivateDNSName}}",
		Groups:   []string{"system:bootstrappers", "system:nodes"},
	}
	if windows {
		entry.Groups = append(entry.Groups, "eks:kube-proxy-windows")
	}
	out, err := yaml.Marshal([]mapRole{entry})
	return string(out), err
}

// roleArnWithoutPath turns arn:aws:iam::111122223333:role/some/path/name into
// arn:aws:iam::111122223333:role/name. Other strings are returned unchanged.
func roleArnWithoutPath(arn string) string {
	i := strings.Index(arn, ":role/")
	if i < 0 {
		return arn
	}
	return arn[:i+len(":role/")] + arn[strings.LastIndex(arn, "/")+1:]
}

// roleNameFromArn returns the role name, the last segment of its ARN.
func roleNameFromArn(arn string) string { return policyNameFromArn(arn) }

// cniIPv6Policy is the policy EKS documents for the VPC CNI in IPv6 clusters ("Create IAM
// policy for clusters that use the IPv6 family"): AmazonEKS_CNI_Policy covers IPv4 only.
func cniIPv6Policy(partition string) (string, error) {
	doc := map[string]any{
		"Version": "2012-10-17",
		"Statement": []map[string]any{
			{"Effect": "Allow", "Resource": "*", "Action": []string{
				"ec2:AssignIpv6Addresses", "ec2:DescribeInstances", "ec2:DescribeTags",
				"ec2:DescribeNetworkInterfaces", "ec2:DescribeInstanceTypes"}},
			{"Effect": "Allow", "Action": []string{"ec2:CreateTags"},
				"Resource": []string{"arn:" + partition + ":ec2:*:*:network-interface/*"}},
		},
	}
	b, err := json.Marshal(doc)
	return string(b), err
}
