package nodegroup

import (
	"strings"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	tNodeGroup   = "eksnodes:index:NodeGroup"
	tNodeRole    = "eksnodes:index:NodeRole"
	tNodeSG      = "eksnodes:index:NodeSecurityGroup"
	tRole        = "aws:iam/role:Role"
	tAttachment  = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
	tProfile     = "aws:iam/instanceProfile:InstanceProfile"
	tAccessEntry = "aws:eks/accessEntry:AccessEntry"
	tSG          = "aws:ec2/securityGroup:SecurityGroup"
	tIngress     = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
	tEgress      = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
	tLT          = "aws:ec2/launchTemplate:LaunchTemplate"
	tASG         = "aws:autoscaling/group:Group"
)

// defaultChildren is what a NodeGroup named "ng" with only the required inputs registers.
var defaultChildren = []string{
	tASG + " ng",
	tLT + " ng",
	tSG + " ng-sg",
	tAccessEntry + " ng-role",
	tProfile + " ng-role",
	tRole + " ng-role",
	tAttachment + " ng-role-AmazonEC2ContainerRegistryReadOnly",
	tAttachment + " ng-role-AmazonEKSWorkerNodePolicy",
	tAttachment + " ng-role-AmazonEKS_CNI_Policy",
	tEgress + " ng-sg-egress-all",
	tIngress + " ng-sg-cluster-ingress-all",
	tIngress + " ng-sg-ingress-cluster-all",
	tIngress + " ng-sg-ingress-self-all",
	tNodeGroup + " ng",
	tNodeRole + " ng-role",
	tNodeSG + " ng-sg",
}

func without(list []string, drop ...string) []string {
	var out []string
	for _, s := range list {
		keep := true
		for _, d := range drop {
			if s == d {
				keep = false
			}
		}
		if keep {
			out = append(out, s)
		}
	}
	return out
}

func TestNodeGroupChildren(t *testing.T) {
	roleChildren := []string{
		tAccessEntry + " ng-role", tProfile + " ng-role", tRole + " ng-role", tNodeRole + " ng-role",
		tAttachment + " ng-role-AmazonEC2ContainerRegistryReadOnly",
		tAttachment + " ng-role-AmazonEKSWorkerNodePolicy",
		tAttachment + " ng-role-AmazonEKS_CNI_Policy",
	}
	sgChildren := []string{
		tSG + " ng-sg", tNodeSG + " ng-sg", tEgress + " ng-sg-egress-all",
		tIngress + " ng-sg-cluster-ingress-all", tIngress + " ng-sg-ingress-cluster-all", tIngress + " ng-sg-ingress-self-all",
	}
	cases := []struct {
		name   string
		mutate func(a *NodeGroupArgs)
		want   []string
	}{
		{"defaults", func(*NodeGroupArgs) {}, defaultChildren},
		{"existing instance profile and role", func(a *NodeGroupArgs) {
			a.InstanceProfileArn = pulumi.String("arn:aws:iam::111122223333:instance-profile/nodes")
			a.RoleArn = pulumi.String("arn:aws:iam::111122223333:role/nodes")
		}, without(defaultChildren, roleChildren...)},
		{"existing security group", func(a *NodeGroupArgs) {
			a.NodeSecurityGroupId = pulumi.String("sg-0fedcba9876543210")
		}, without(defaultChildren, sgChildren...)},
		{"no access entry", func(a *NodeGroupArgs) {
			a.NodeRoleOptions = &NodeRoleOptions{CreateAccessEntry: ptr(false)}
		}, without(defaultChildren, tAccessEntry+" ng-role")},
		{"session manager and extra policies", func(a *NodeGroupArgs) {
			a.NodeRoleOptions = &NodeRoleOptions{EnableSsmAccess: true, AdditionalPolicyArns: pulumi.ToStringArray([]string{
				"arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy", "arn:aws:iam::111122223333:policy/team/nodes-extra"})}
		}, append(append([]string{}, defaultChildren...),
			tAttachment+" ng-role-AmazonSSMManagedInstanceCore",
			tAttachment+" ng-role-policy-CloudWatchAgentServerPolicy",
			tAttachment+" ng-role-policy-nodes-extra")},
		{"strict profile with webhook port and ssh", func(a *NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{
				RulesProfile: Ref(RulesStrict), ExtraClusterIngressPorts: []int{9443}, ClusterSecurityGroupTraffic: Ref(ClusterTrafficMinimal),
				SshSourceCidrs: []string{"10.0.0.0/8"}, SshSourceSecurityGroupIds: pulumi.ToStringArray([]string{"sg-0bbbbbbbbbbbbbbbb"}),
			}
		}, append(without(defaultChildren, tIngress+" ng-sg-ingress-cluster-all", tIngress+" ng-sg-cluster-ingress-all", tIngress+" ng-sg-ingress-self-all"),
			tIngress+" ng-sg-ingress-cluster-https", tIngress+" ng-sg-cluster-ingress-https",
			tIngress+" ng-sg-ingress-cluster-dns-tcp", tIngress+" ng-sg-ingress-cluster-dns-udp",
			tIngress+" ng-sg-cluster-ingress-dns-tcp", tIngress+" ng-sg-cluster-ingress-dns-udp",
			tIngress+" ng-sg-ingress-cluster-kubelet", tIngress+" ng-sg-ingress-self-dns-tcp", tIngress+" ng-sg-ingress-self-kubelet",
			tIngress+" ng-sg-ingress-self-dns-udp", tIngress+" ng-sg-ingress-cluster-9443",
			tIngress+" ng-sg-ingress-ssh-10-0-0-0-8", tIngress+" ng-sg-ingress-ssh-sg-0bbbbbbbbbbbbbbbb")},
		{"custom egress and ingress rules", func(a *NodeGroupArgs) {
			a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{
				IngressRules: []SecurityGroupRule{{Description: "Prometheus scrape", Protocol: "tcp", FromPort: ptr(9100), CidrIpv4: pulumi.String("10.1.0.0/16")}},
				EgressRules: []SecurityGroupRule{
					{Description: "HTTPS anywhere", Protocol: "tcp", FromPort: ptr(443), CidrIpv4: pulumi.String("0.0.0.0/0")},
					{Description: "DNS in VPC", Protocol: "udp", FromPort: ptr(53), CidrIpv4: pulumi.String("10.0.0.0/16")},
				},
			}
		}, append(without(defaultChildren, tEgress+" ng-sg-egress-all"),
			tEgress+" ng-sg-egress-cluster-all",
			tIngress+" ng-sg-ingress-rule-prometheus-scrape",
			tEgress+" ng-sg-egress-rule-https-anywhere", tEgress+" ng-sg-egress-rule-dns-in-vpc")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			m, _, err := runNodeGroup(t, args)
			require.NoError(t, err)
			assert.ElementsMatch(t, tc.want, m.Keys())
		})
	}
}

func TestNodeGroupParentsEveryChild(t *testing.T) {
	m, _, err := runNodeGroup(t, demoArgs())
	require.NoError(t, err)
	const root = "urn:pulumi:test::eksnodes::"
	for _, r := range m.Resources() {
		switch {
		case r.Type == tNodeGroup:
			assert.Equal(t, root+"pulumi:pulumi:Stack::eksnodes-test", r.Parent)
		case r.Type == tNodeRole || r.Type == tNodeSG || r.Type == tLT || r.Type == tASG:
			assert.Equal(t, root+tNodeGroup+"::ng", r.Parent, r.Name)
		case strings.HasPrefix(r.Name, "ng-role"):
			assert.Equal(t, root+tNodeGroup+"$"+tNodeRole+"::ng-role", r.Parent, r.Name)
		case strings.HasPrefix(r.Name, "ng-sg"):
			assert.Equal(t, root+tNodeGroup+"$"+tNodeSG+"::ng-sg", r.Parent, r.Name)
		default:
			t.Errorf("unexpected resource %s %s", r.Type, r.Name)
		}
	}
}

func TestNodeGroupOutputs(t *testing.T) {
	_, out, err := runNodeGroup(t, demoArgs())
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:iam::111122223333:role/ng-role-"+nodegrouptest.NameSuffix, out.RoleArn)
	assert.Equal(t, "ng-role-"+nodegrouptest.NameSuffix, out.RoleName)
	assert.Equal(t, "arn:aws:iam::111122223333:instance-profile/ng-role-"+nodegrouptest.NameSuffix, out.ProfileArn)
	assert.Equal(t, lookedUpAMI, out.AmiID)
	assert.Equal(t, nodegrouptest.ID(tLT, "ng"), out.LaunchTemplateID)
	assert.Equal(t, 1, out.LatestVersion)
	assert.Equal(t, "ng-"+nodegrouptest.NameSuffix, out.ASGName)
	assert.True(t, strings.HasPrefix(out.SecurityGroupID, "sg-"))
	assert.Contains(t, out.UserData, "kind: NodeConfig")

	// Bring-your-own identity: the outputs echo what was given.
	args := demoArgs()
	args.InstanceProfileArn = pulumi.String("arn:aws:iam::111122223333:instance-profile/nodes")
	args.RoleArn = pulumi.String("arn:aws:iam::111122223333:role/platform/nodes")
	args.NodeSecurityGroupId = pulumi.String("sg-0fedcba9876543210")
	args.AmiId = pulumi.String("ami-0123456789abcdef0")
	args.Architecture = Ref(X86_64)
	m, out, err := runNodeGroup(t, args)
	require.NoError(t, err)
	assert.Equal(t, "nodes", out.RoleName)
	assert.Equal(t, "arn:aws:iam::111122223333:instance-profile/nodes", out.ProfileArn)
	assert.Equal(t, "sg-0fedcba9876543210", out.SecurityGroupID)
	assert.Equal(t, "ami-0123456789abcdef0", out.AmiID)
	assert.Empty(t, m.Calls(), "an exact amiId and an existing role need no lookups")
}

func TestNodeGroupAMIParameter(t *testing.T) {
	for _, tc := range []struct{ instanceType, path string }{
		{"t3.medium", "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/x86_64/standard/recommended/image_id"},
		{"m7g.large", "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id"},
	} {
		args := demoArgs()
		args.InstanceType = tc.instanceType
		m, _, err := runNodeGroup(t, args)
		require.NoError(t, err)
		paths := m.SSMParameters()
		assert.Equal(t, []string{tc.path}, paths, tc.instanceType)
		lt := m.Require(t, tLT, "ng")
		assert.Equal(t, lookedUpAMI, lt.Input("imageId"))
		assert.Equal(t, tc.instanceType, lt.Input("instanceType"))
	}
}

func TestLaunchTemplateSecureDefaults(t *testing.T) {
	m, out, err := runNodeGroup(t, demoArgs())
	require.NoError(t, err)
	lt := m.Require(t, tLT, "ng")
	assert.Equal(t, map[string]any{
		"httpEndpoint": "enabled", "httpTokens": "required", "httpPutResponseHopLimit": 1.0, "instanceMetadataTags": "disabled",
	}, lt.Input("metadataOptions"))
	assert.Equal(t, []any{map[string]any{
		"deviceName": "/dev/xvda",
		"ebs":        map[string]any{"volumeSize": 20.0, "volumeType": "gp3", "encrypted": "true", "deleteOnTermination": "true"},
	}}, lt.Input("blockDeviceMappings"))
	assert.Equal(t, []any{map[string]any{
		"deviceIndex": 0.0, "associatePublicIpAddress": "false", "deleteOnTermination": "true",
		"securityGroups": []any{out.SecurityGroupID},
	}}, lt.Input("networkInterfaces"))
	assert.Nil(t, lt.Input("keyName"), "no SSH key unless asked for")
	assert.Nil(t, lt.Input("vpcSecurityGroupIds"), "security groups belong to the network interface")
	assert.Equal(t, map[string]any{"enabled": false}, lt.Input("monitoring"))
	assert.Equal(t, "ng-", lt.Input("namePrefix"))
	assert.Nil(t, lt.Input("name"), "a fixed name would block create-before-delete replacement")
	assert.Equal(t, true, lt.Input("updateDefaultVersion"))
	assert.Equal(t, map[string]any{"arn": out.ProfileArn}, lt.Input("iamInstanceProfile"))
	assert.Equal(t, out.UserData, decodeUserData(t, lt), "the launch template carries the userData output, base64-encoded")

	nodeTags := map[string]any{"Name": "ng", "kubernetes.io/cluster/demo": "owned"}
	assert.Equal(t, []any{
		map[string]any{"resourceType": "instance", "tags": nodeTags},
		map[string]any{"resourceType": "volume", "tags": nodeTags},
		map[string]any{"resourceType": "network-interface", "tags": nodeTags},
	}, lt.Input("tagSpecifications"))
}

func TestLaunchTemplateOptions(t *testing.T) {
	args := demoArgs()
	args.MetadataOptions = &MetadataOptions{HttpPutResponseHopLimit: ptr(2), InstanceMetadataTags: true}
	args.NodeRootVolumeSize = ptr(100)
	args.NodeRootVolumeIops = ptr(6000)
	args.NodeRootVolumeThroughput = ptr(250)
	args.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
	args.NodeRootVolumeDeleteOnTermination = ptr(false)
	args.EnableDetailedMonitoring = ptr(true)
	args.KeyName = pulumi.String("ops")
	args.NodeAssociatePublicIpAddress = ptr(true)
	args.ExtraNodeSecurityGroupIds = pulumi.ToStringArray([]string{"sg-0ccccccccccccccc1"})
	args.Tags = pulumi.ToStringMap(map[string]string{"team": "platform", "Name": "workers"})
	m, out, err := runNodeGroup(t, args)
	require.NoError(t, err)
	lt := m.Require(t, tLT, "ng")
	assert.Equal(t, map[string]any{
		"httpEndpoint": "enabled", "httpTokens": "required", "httpPutResponseHopLimit": 2.0, "instanceMetadataTags": "enabled",
	}, lt.Input("metadataOptions"))
	assert.Equal(t, map[string]any{
		"volumeSize": 100.0, "volumeType": "gp3", "encrypted": "true", "deleteOnTermination": "false",
		"iops": 6000.0, "throughput": 250.0, "kmsKeyId": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
	}, lt.Input("blockDeviceMappings").([]any)[0].(map[string]any)["ebs"])
	ni := lt.Input("networkInterfaces").([]any)[0].(map[string]any)
	assert.Equal(t, "true", ni["associatePublicIpAddress"])
	assert.Equal(t, []any{out.SecurityGroupID, "sg-0ccccccccccccccc1"}, ni["securityGroups"])
	assert.Equal(t, "ops", lt.Input("keyName"))
	assert.Equal(t, map[string]any{"enabled": true}, lt.Input("monitoring"))
	assert.Equal(t, map[string]any{"team": "platform", "Name": "workers"}, lt.Input("tags"))
	for _, spec := range lt.Input("tagSpecifications").([]any) {
		assert.Equal(t, map[string]any{"Name": "workers", "team": "platform", "kubernetes.io/cluster/demo": "owned"},
			spec.(map[string]any)["tags"], "the user's Name tag wins; the cluster tag is always set")
	}
}
