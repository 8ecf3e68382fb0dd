// Package awsdirect declares the AWS resources of one EKS self-managed node group directly with
// the pulumi-aws SDK, as a hand-written program would: no components, no validation. It is the
// baseline the benchmarks compare eksnodes against (previewtime's preview times, and the
// buildcost baseline program's compile cost), so it imports only the Pulumi and AWS SDKs.
// It registers exactly what an eksnodes node group registers with the defaults — the same
// resource types and names, inputs, secrecy, dependencies and ignoreChanges — which previewtime's
// tests (through the mocks) and its command (through the engine, before measuring) check; the
// TypeScript baseline, previewtime/awsdirect.js, follows it line for line.
package awsdirect

import (
	"strconv"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/autoscaling"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssm"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/vpc"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Spec is what a hand-written program knows about its cluster and its nodes.
type Spec struct {
	ClusterName            string
	ClusterSecurityGroupID string
	VpcID                  string
	SubnetIDs              []string
	KubernetesVersion      string // selects the AL2023 AMI through its SSM parameter
	InstanceType           string
	AssumeRolePolicy       string // the node role's trust policy (JSON)
	UserData               string // base64, as the launch template takes it
}

// NodeGroup declares the 13 AWS resources of an eksnodes node group with the AL2023 defaults:
// IAM role, three managed policy attachments, instance profile and EKS access entry; security
// group with rules for all traffic between the nodes and with the cluster security group both
// ways, and out to anywhere; launch template and Auto Scaling group.
func NodeGroup(ctx *pulumi.Context, name string, s Spec) error {
	role, err := iam.NewRole(ctx, name+"-role", &iam.RoleArgs{
		NamePrefix: pulumi.String(name + "-role-"), Path: pulumi.String("/"),
		AssumeRolePolicy: pulumi.String(s.AssumeRolePolicy), Description: pulumi.String("EKS node role managed by eksnodes"),
	})
	if err != nil {
		return err
	}
	var attachments []pulumi.Resource
	for _, policy := range []string{"AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"} {
		att, err := iam.NewRolePolicyAttachment(ctx, name+"-role-"+policy, &iam.RolePolicyAttachmentArgs{
			Role: role.Name, PolicyArn: pulumi.String("arn:aws:iam::aws:policy/" + policy),
		})
		if err != nil {
			return err
		}
		attachments = append(attachments, att)
	}
	profile, err := iam.NewInstanceProfile(ctx, name+"-role", &iam.InstanceProfileArgs{
		NamePrefix: pulumi.String(name + "-role-"), Path: pulumi.String("/"), Role: role.Name,
	})
	if err != nil {
		return err
	}
	entry, err := eks.NewAccessEntry(ctx, name+"-role", &eks.AccessEntryArgs{
		ClusterName: pulumi.String(s.ClusterName), PrincipalArn: role.Arn, Type: pulumi.String("EC2_LINUX"),
	}, pulumi.DependsOn(attachments))
	if err != nil {
		return err
	}
	tags := func(nameTag string) pulumi.StringMap {
		return pulumi.StringMap{"Name": pulumi.String(nameTag), "kubernetes.io/cluster/" + s.ClusterName: pulumi.String("owned")}
	}
	sg, err := ec2.NewSecurityGroup(ctx, name+"-sg", &ec2.SecurityGroupArgs{
		NamePrefix: pulumi.String(name + "-sg-"), Description: pulumi.String("EKS worker nodes, managed by eksnodes"),
		VpcId: pulumi.String(s.VpcID), RevokeRulesOnDelete: pulumi.Bool(true), Tags: tags(name + "-sg"),
	})
	if err != nil {
		return err
	}
	// The group waits for the role and its registration, and for every security group rule.
	deps := append([]pulumi.Resource{role}, attachments...)
	deps = append(deps, profile, entry, sg)
	// All traffic between the nodes, and with the cluster security group both ways.
	ingress := []struct {
		suffix, desc string
		group, peer  pulumi.StringInput
	}{
		{"ingress-self-all", "Node to node, all traffic", sg.ID(), sg.ID()},
		{"ingress-cluster-all", "Cluster security group (control plane, managed nodes, Fargate) to node, all traffic", sg.ID(), pulumi.String(s.ClusterSecurityGroupID)},
		{"cluster-ingress-all", "Node to cluster security group (control plane, managed nodes, Fargate), all traffic", pulumi.String(s.ClusterSecurityGroupID), sg.ID()},
	}
	for _, r := range ingress {
		rule, err := vpc.NewSecurityGroupIngressRule(ctx, name+"-sg-"+r.suffix, &vpc.SecurityGroupIngressRuleArgs{
			SecurityGroupId: r.group, Description: pulumi.String(r.desc), IpProtocol: pulumi.String("-1"), ReferencedSecurityGroupId: r.peer,
		})
		if err != nil {
			return err
		}
		deps = append(deps, rule)
	}
	egress, err := vpc.NewSecurityGroupEgressRule(ctx, name+"-sg-egress-all", &vpc.SecurityGroupEgressRuleArgs{
		SecurityGroupId: sg.ID(), Description: pulumi.String("Node to anywhere, all traffic"), IpProtocol: pulumi.String("-1"), CidrIpv4: pulumi.String("0.0.0.0/0"),
	})
	if err != nil {
		return err
	}
	deps = append(deps, egress)
	ami := ssm.LookupParameterOutput(ctx, ssm.LookupParameterOutputArgs{
		Name: pulumi.String("/aws/service/eks/optimized-ami/" + s.KubernetesVersion + "/amazon-linux-2023/x86_64/standard/recommended/image_id"),
	}).InsecureValue() // secret, as the whole answer of the lookup is: un-secreted below, as the component does
	lt, err := ec2.NewLaunchTemplate(ctx, name, &ec2.LaunchTemplateArgs{
		NamePrefix: pulumi.String(name + "-"), Description: pulumi.String("EKS nodes managed by eksnodes"), ImageId: pulumi.Unsecret(ami).(pulumi.StringOutput), InstanceType: pulumi.String(s.InstanceType),
		UserData: pulumi.String(s.UserData), UpdateDefaultVersion: pulumi.Bool(true),
		IamInstanceProfile: ec2.LaunchTemplateIamInstanceProfileArgs{Arn: profile.Arn},
		NetworkInterfaces: ec2.LaunchTemplateNetworkInterfaceArray{ec2.LaunchTemplateNetworkInterfaceArgs{
			DeviceIndex: pulumi.Int(0), AssociatePublicIpAddress: pulumi.String("false"), DeleteOnTermination: pulumi.String("true"),
			SecurityGroups: pulumi.StringArray{sg.ID()},
		}},
		MetadataOptions: ec2.LaunchTemplateMetadataOptionsArgs{HttpEndpoint: pulumi.String("enabled"), HttpTokens: pulumi.String("required"),
			HttpPutResponseHopLimit: pulumi.Int(1), InstanceMetadataTags: pulumi.String("disabled")},
		BlockDeviceMappings: ec2.LaunchTemplateBlockDeviceMappingArray{ec2.LaunchTemplateBlockDeviceMappingArgs{
			DeviceName: pulumi.String("/dev/xvda"),
			Ebs: ec2.LaunchTemplateBlockDeviceMappingEbsArgs{VolumeSize: pulumi.Int(20), VolumeType: pulumi.String("gp3"),
				Encrypted: pulumi.String("true"), DeleteOnTermination: pulumi.String("true")},
		}},
		Monitoring: ec2.LaunchTemplateMonitoringArgs{Enabled: pulumi.Bool(false)},
		TagSpecifications: ec2.LaunchTemplateTagSpecificationArray{
			ec2.LaunchTemplateTagSpecificationArgs{ResourceType: pulumi.String("instance"), Tags: tags(name)},
			ec2.LaunchTemplateTagSpecificationArgs{ResourceType: pulumi.String("volume"), Tags: tags(name)},
			ec2.LaunchTemplateTagSpecificationArgs{ResourceType: pulumi.String("network-interface"), Tags: tags(name)},
		},
	})
	if err != nil {
		return err
	}
	_, err = autoscaling.NewGroup(ctx, name, &autoscaling.GroupArgs{
		NamePrefix: pulumi.String(name + "-"), VpcZoneIdentifiers: pulumi.ToStringArray(s.SubnetIDs),
		MinSize: pulumi.Int(1), MaxSize: pulumi.Int(2), DesiredCapacity: pulumi.Int(2), CapacityRebalance: pulumi.Bool(false),
		LaunchTemplate:  autoscaling.GroupLaunchTemplateArgs{Id: lt.ID(), Version: lt.LatestVersion.ApplyT(strconv.Itoa).(pulumi.StringOutput)},
		HealthCheckType: pulumi.String("EC2"), HealthCheckGracePeriod: pulumi.Int(300),
		InstanceRefresh: autoscaling.GroupInstanceRefreshArgs{Strategy: pulumi.String("Rolling"),
			Preferences: autoscaling.GroupInstanceRefreshPreferencesArgs{MinHealthyPercentage: pulumi.Int(100),
				MaxHealthyPercentage: pulumi.Int(110), SkipMatching: pulumi.Bool(true), AutoRollback: pulumi.Bool(false)}},
		Tags: autoscaling.GroupTagArray{
			autoscaling.GroupTagArgs{Key: pulumi.String("Name"), Value: pulumi.String(name), PropagateAtLaunch: pulumi.Bool(true)},
			autoscaling.GroupTagArgs{Key: pulumi.String("kubernetes.io/cluster/" + s.ClusterName), Value: pulumi.String("owned"), PropagateAtLaunch: pulumi.Bool(true)},
		},
	}, pulumi.DependsOn(deps))
	return err
}
