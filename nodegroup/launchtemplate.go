package nodegroup

import (
	"encoding/base64"
	"strconv"

	"github.com/pulumi/pulumi-aws/sdk/v6/go/aws/ec2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// launchTemplateArgs builds the launch template. Strings stand where the AWS API takes
// strings ("true"/"false"), so that the state read back matches and no diff appears.
func launchTemplateArgs(name string, a NodeGroupArgs, clusterName pulumi.StringOutput, g *NodeGroup) *ec2.LaunchTemplateArgs {
	tags := resourceTags(clusterName, name, a.Tags)
	tagSpec := func(kind string) ec2.LaunchTemplateTagSpecificationInput {
		return ec2.LaunchTemplateTagSpecificationArgs{ResourceType: pulumi.String(kind), Tags: tags}
	}
	m := a.MetadataOptions
	args := &ec2.LaunchTemplateArgs{
		NamePrefix:  pulumi.String(physicalPrefix(name, 100)),
		Description: pulumi.String("EKS nodes managed by eksnodes"),
		ImageId:     g.AmiId,

		UserData:             g.UserData.ApplyT(func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }).(pulumi.StringOutput),
		UpdateDefaultVersion: pulumi.Bool(true),
		IamInstanceProfile:   ec2.LaunchTemplateIamInstanceProfileArgs{Arn: g.InstanceProfileArn},
		NetworkInterfaces:    networkInterfaces(a, nodeSecurityGroups(g.SecurityGroupId, a.ExtraNodeSecurityGroupIds)),
		MetadataOptions: ec2.LaunchTemplateMetadataOptionsArgs{
			HttpEndpoint:            pulumi.String("enabled"),
			HttpTokens:              pulumi.String(string(*m.HttpTokens)),
			HttpPutResponseHopLimit: pulumi.Int(*m.HttpPutResponseHopLimit),
			InstanceMetadataTags:    pulumi.String(enabledDisabled(m.InstanceMetadataTags)),
		},
		BlockDeviceMappings: blockDeviceMappings(a),
		Monitoring:          ec2.LaunchTemplateMonitoringArgs{Enabled: pulumi.Bool(*a.EnableDetailedMonitoring)},
		TagSpecifications:   ec2.LaunchTemplateTagSpecificationArray{tagSpec("instance"), tagSpec("volume"), tagSpec("network-interface")},
		Tags:                tagsInput(a.Tags),
	}
	if valueOr(a.Cluster.IpFamily, IPv4) == IPv6 {
		// IMDS over IPv6 for IPv6 clusters only: sending "disabled" to every other group would
		// change their templates, and roll their nodes, for nothing.
		args.MetadataOptions = ec2.LaunchTemplateMetadataOptionsArgs{
			HttpEndpoint:            pulumi.String("enabled"),
			HttpTokens:              pulumi.String(string(*m.HttpTokens)),
			HttpPutResponseHopLimit: pulumi.Int(*m.HttpPutResponseHopLimit),
			InstanceMetadataTags:    pulumi.String(enabledDisabled(m.InstanceMetadataTags)),
			HttpProtocolIpv6:        pulumi.String("enabled"),
		}
	}
	if a.MixedInstancesPolicy == nil {
		args.InstanceType = pulumi.String(a.InstanceType) // with a mixed policy, its overrides decide
	}
	if given(a.KeyName) {
		args.KeyName = a.KeyName
	}
	applyCapacityOptions(args, a, g.PlacementGroup)
	return args
}

// blockDeviceMappings returns the node's volumes: the root volume as configured, and on
// Bottlerocket also its OS volume, at the AMI's size but encrypted like the data volume.
func blockDeviceMappings(a NodeGroupArgs) ec2.LaunchTemplateBlockDeviceMappingArray {
	rv := rootVolumeFor(*a.OperatingSystem)
	encrypted := pulumi.String(strconv.FormatBool(*a.NodeRootVolumeEncrypted))
	deleteOnTermination := pulumi.String(strconv.FormatBool(*a.NodeRootVolumeDeleteOnTermination))
	var out ec2.LaunchTemplateBlockDeviceMappingArray
	if rv.osDevice != "" {
		out = append(out, ec2.LaunchTemplateBlockDeviceMappingArgs{
			DeviceName: pulumi.String(rv.osDevice),
			Ebs: ec2.LaunchTemplateBlockDeviceMappingEbsArgs{
				// The OS volume keeps the AMI's size; gp3 whatever the data volume's type, since
				// io1 and io2 need IOPS sized for the data volume, which EC2 would refuse here.
				VolumeType:          pulumi.String("gp3"),
				Encrypted:           encrypted,
				KmsKeyId:            a.NodeRootVolumeKmsKeyId,
				DeleteOnTermination: pulumi.String("true"),
			},
		})
	}
	out = append(out, ec2.LaunchTemplateBlockDeviceMappingArgs{
		DeviceName: pulumi.String(rv.device),
		Ebs: ec2.LaunchTemplateBlockDeviceMappingEbsArgs{
			VolumeSize:          pulumi.Int(*a.NodeRootVolumeSize),
			VolumeType:          pulumi.String(a.NodeRootVolumeType),
			Encrypted:           encrypted,
			KmsKeyId:            a.NodeRootVolumeKmsKeyId,
			Iops:                pulumi.IntPtrFromPtr(a.NodeRootVolumeIops),
			Throughput:          pulumi.IntPtrFromPtr(a.NodeRootVolumeThroughput),
			DeleteOnTermination: deleteOnTermination,
		},
	})
	return append(out, dataVolumeMappings(a)...)
}

// nodeSecurityGroups is the node security group followed by the extra ones.
func nodeSecurityGroups(nodeSG pulumi.StringOutput, extra pulumi.StringArrayInput) pulumi.StringArrayInput {
	if extra == nil {
		return pulumi.StringArray{nodeSG}
	}
	return pulumi.All(nodeSG, extra).ApplyT(func(v []any) []string {
		return append([]string{str(v[0])}, strs(v[1])...)
	}).(pulumi.StringArrayOutput)
}

func enabledDisabled(b bool) string {
	if b {
		return "enabled"
	}
	return "disabled"
}
