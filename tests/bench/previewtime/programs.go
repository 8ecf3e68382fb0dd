// Package previewtime measures the wall time of offline previews: eksnodes node groups against
// a baseline program that declares the same AWS resources directly, and the TypeScript SDK
// through the plugin against the Go library in-process.
package previewtime

import (
	"encoding/base64"
	"fmt"
	"strconv"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/autoscaling"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/eks"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/iam"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ssm"
	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/vpc"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The cluster every program uses.
const (
	clusterName = "demo"
	endpoint    = "https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"
	ca          = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJZXhhbXBsZQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg=="
	serviceCIDR = "172.20.0.0/16"
	version     = "1.33"
	clusterSG   = "sg-0123456789abcdef0"
	vpcID       = "vpc-0123456789abcdef0"
	subnetID    = "subnet-0123456789abcdef0"
)

// EksnodesProgram declares n node groups with the eksnodes library.
func EksnodesProgram(n int) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		for i := 0; i < n; i++ {
			_, err := nodegroup.NewNodeGroup(ctx, fmt.Sprintf("ng%d", i), &nodegroup.NodeGroupArgs{
				Cluster: nodegroup.ClusterArgs{
					Name: pulumi.String(clusterName), Endpoint: pulumi.String(endpoint), CertificateAuthority: pulumi.String(ca),
					ServiceCidr: pulumi.String(serviceCIDR), Version: pulumi.String(version),
					SecurityGroupId: pulumi.String(clusterSG), VpcId: pulumi.String(vpcID),
				},
				SubnetIds: pulumi.ToStringArray([]string{subnetID}),
				Labels:    map[string]string{"team": "platform"},
			})
			if err != nil {
				return err
			}
		}
		return nil
	}
}

// BaselineProgram declares, for each of n groups, the same 14 AWS resources an eksnodes node
// group creates, written directly against the AWS SDK as a hand-written program would: no
// components, no validation, the same inputs.
func BaselineProgram(n int) pulumi.RunFunc {
	ud, err := userdata.Render(userdata.Input{
		Format:  userdata.FormatNodeadm,
		Cluster: userdata.Cluster{Name: clusterName, Endpoint: endpoint, CertificateAuthority: ca, ServiceCIDR: serviceCIDR},
		Labels:  map[string]string{"team": "platform"},
	})
	if err != nil {
		panic(err) // constant input
	}
	encoded := base64.StdEncoding.EncodeToString([]byte(ud))
	return func(ctx *pulumi.Context) error {
		for i := 0; i < n; i++ {
			if err := baselineGroup(ctx, fmt.Sprintf("ng%d", i), encoded); err != nil {
				return err
			}
		}
		return nil
	}
}

func baselineGroup(ctx *pulumi.Context, name, userData string) error {
	role, err := iam.NewRole(ctx, name+"-role", &iam.RoleArgs{
		NamePrefix: pulumi.String(name + "-role-"), Path: pulumi.String("/"),
		AssumeRolePolicy: pulumi.String(nodegroup.AssumeRolePolicy), Description: pulumi.String("EKS node role"),
	})
	if err != nil {
		return err
	}
	var deps []pulumi.Resource
	for _, policy := range []string{"AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"} {
		att, err := iam.NewRolePolicyAttachment(ctx, name+"-role-"+policy, &iam.RolePolicyAttachmentArgs{
			Role: role.Name, PolicyArn: pulumi.String("arn:aws:iam::aws:policy/" + policy),
		})
		if err != nil {
			return err
		}
		deps = append(deps, att)
	}
	profile, err := iam.NewInstanceProfile(ctx, name+"-role", &iam.InstanceProfileArgs{
		NamePrefix: pulumi.String(name + "-role-"), Path: pulumi.String("/"), Role: role.Name,
	})
	if err != nil {
		return err
	}
	entry, err := eks.NewAccessEntry(ctx, name+"-role", &eks.AccessEntryArgs{
		ClusterName: pulumi.String(clusterName), PrincipalArn: role.Arn, Type: pulumi.String("EC2_LINUX"),
	}, pulumi.DependsOn(deps))
	if err != nil {
		return err
	}
	tags := pulumi.StringMap{"Name": pulumi.String(name), "kubernetes.io/cluster/" + clusterName: pulumi.String("owned")}
	sg, err := ec2.NewSecurityGroup(ctx, name+"-sg", &ec2.SecurityGroupArgs{
		NamePrefix: pulumi.String(name + "-sg-"), Description: pulumi.String("EKS worker nodes"),
		VpcId: pulumi.String(vpcID), RevokeRulesOnDelete: pulumi.Bool(true), Tags: tags,
	})
	if err != nil {
		return err
	}
	type rule struct {
		suffix, desc, proto string
		from, to            int
		peer                pulumi.StringInput
	}
	ingress := []rule{
		{"ingress-self-all", "Node to node, all traffic", "-1", -1, -1, sg.ID().ToStringOutput()},
		{"ingress-cluster-https", "Cluster API to node HTTPS", "tcp", 443, 443, pulumi.String(clusterSG)},
		{"ingress-cluster-ephemeral", "Cluster API to node kubelet and pods", "tcp", 1025, 65535, pulumi.String(clusterSG)},
	}
	deps = append(deps, entry, sg)
	for _, r := range ingress {
		args := &vpc.SecurityGroupIngressRuleArgs{SecurityGroupId: sg.ID(), Description: pulumi.String(r.desc),
			IpProtocol: pulumi.String(r.proto), ReferencedSecurityGroupId: r.peer}
		if r.from >= 0 {
			args.FromPort, args.ToPort = pulumi.Int(r.from), pulumi.Int(r.to)
		}
		rr, err := vpc.NewSecurityGroupIngressRule(ctx, name+"-sg-"+r.suffix, args)
		if err != nil {
			return err
		}
		deps = append(deps, rr)
	}
	eg, err := vpc.NewSecurityGroupEgressRule(ctx, name+"-sg-egress-all", &vpc.SecurityGroupEgressRuleArgs{
		SecurityGroupId: sg.ID(), Description: pulumi.String("Node to anywhere"), IpProtocol: pulumi.String("-1"), CidrIpv4: pulumi.String("0.0.0.0/0"),
	})
	if err != nil {
		return err
	}
	ci, err := vpc.NewSecurityGroupIngressRule(ctx, name+"-sg-cluster-ingress-https", &vpc.SecurityGroupIngressRuleArgs{
		SecurityGroupId: pulumi.String(clusterSG), Description: pulumi.String("Node to cluster API HTTPS"),
		IpProtocol: pulumi.String("tcp"), FromPort: pulumi.Int(443), ToPort: pulumi.Int(443), ReferencedSecurityGroupId: sg.ID(),
	})
	if err != nil {
		return err
	}
	deps = append(deps, eg, ci)
	ami := ssm.LookupParameterOutput(ctx, ssm.LookupParameterOutputArgs{
		Name: pulumi.String("/aws/service/eks/optimized-ami/" + version + "/amazon-linux-2023/x86_64/standard/recommended/image_id"),
	}).InsecureValue()
	lt, err := ec2.NewLaunchTemplate(ctx, name, &ec2.LaunchTemplateArgs{
		NamePrefix: pulumi.String(name + "-"), ImageId: ami, InstanceType: pulumi.String("t3.medium"),
		UserData: pulumi.String(userData), UpdateDefaultVersion: pulumi.Bool(true),
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
			ec2.LaunchTemplateTagSpecificationArgs{ResourceType: pulumi.String("instance"), Tags: tags},
			ec2.LaunchTemplateTagSpecificationArgs{ResourceType: pulumi.String("volume"), Tags: tags},
			ec2.LaunchTemplateTagSpecificationArgs{ResourceType: pulumi.String("network-interface"), Tags: tags},
		},
	})
	if err != nil {
		return err
	}
	_, err = autoscaling.NewGroup(ctx, name, &autoscaling.GroupArgs{
		NamePrefix: pulumi.String(name + "-"), VpcZoneIdentifiers: pulumi.StringArray{pulumi.String(subnetID)},
		MinSize: pulumi.Int(1), MaxSize: pulumi.Int(2), DesiredCapacity: pulumi.Int(2),
		LaunchTemplate:  autoscaling.GroupLaunchTemplateArgs{Id: lt.ID(), Version: lt.LatestVersion.ApplyT(strconv.Itoa).(pulumi.StringOutput)},
		HealthCheckType: pulumi.String("EC2"), HealthCheckGracePeriod: pulumi.Int(300),
		InstanceRefresh: autoscaling.GroupInstanceRefreshArgs{Strategy: pulumi.String("Rolling"),
			Preferences: autoscaling.GroupInstanceRefreshPreferencesArgs{MinHealthyPercentage: pulumi.Int(100),
				MaxHealthyPercentage: pulumi.Int(110), SkipMatching: pulumi.Bool(true), AutoRollback: pulumi.Bool(false)}},
		Tags: autoscaling.GroupTagArray{
			autoscaling.GroupTagArgs{Key: pulumi.String("Name"), Value: pulumi.String(name), PropagateAtLaunch: pulumi.Bool(true)},
			autoscaling.GroupTagArgs{Key: pulumi.String("kubernetes.io/cluster/" + clusterName), Value: pulumi.String("owned"), PropagateAtLaunch: pulumi.Bool(true)},
		},
	}, pulumi.DependsOn(deps))
	return err
}

// TypeScriptProgram is the JavaScript of a program with n node groups through the plugin, like
// EksnodesProgram.
func TypeScriptProgram(n int) string {
	return fmt.Sprintf(`"use strict";
const eksnodes = require("@eksnodes/eksnodes");
for (let i = 0; i < %d; i++) {
    new eksnodes.NodeGroup("ng" + i, {
        cluster: { name: %q, endpoint: %q, certificateAuthority: %q, serviceCidr: %q, version: %q, securityGroupId: %q, vpcId: %q },
        subnetIds: [%q],
        labels: { team: "platform" },
    });
}
`, n, clusterName, endpoint, ca, serviceCIDR, version, clusterSG, vpcID, subnetID)
}
