package provider

// Construct tests: the components built through the provider, as a TypeScript or Python
// program reaches them, from property maps written the way those SDKs send them.

import (
	"encoding/base64"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/nodegrouptest"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/property"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Shorthands for property values.
func pStr(s string) property.Value  { return property.New(s) }
func pNum(n float64) property.Value { return property.New(n) }
func pBool(b bool) property.Value   { return property.New(b) }
func pList(v ...property.Value) property.Value {
	if v == nil {
		v = []property.Value{}
	}
	return property.New(v)
}
func pObj(m map[string]property.Value) property.Value { return property.New(m) }

// clusterProps are valid cluster facts as plain values.
func clusterProps() map[string]property.Value {
	return map[string]property.Value{
		"name":                 pStr("demo"),
		"endpoint":             pStr("https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"),
		"certificateAuthority": pStr(testCA),
		"serviceCidr":          pStr("172.20.0.0/16"),
		"version":              pStr("1.33"),
		"securityGroupId":      pStr("sg-0123456789abcdef0"),
		"vpcId":                pStr("vpc-0123456789abcdef0"),
	}
}

// nodeGroupProps are the inputs of a minimal valid NodeGroup plus extra.
func nodeGroupProps(extra map[string]property.Value) property.Map {
	m := map[string]property.Value{
		"cluster":   pObj(clusterProps()),
		"subnetIds": pList(pStr("subnet-0123456789abcdef0"), pStr("subnet-0123456789abcdef1")),
	}
	for k, v := range extra {
		m[k] = v
	}
	return property.NewMap(m)
}

// The children every NodeGroup with its own role and default security group registers,
// besides the component itself.
var defaultNodeGroupChildren = []string{
	"aws:autoscaling/group:Group ng",
	"aws:ec2/launchTemplate:LaunchTemplate ng",
	"aws:ec2/securityGroup:SecurityGroup ng-sg",
	"aws:eks/accessEntry:AccessEntry ng-role",
	"aws:iam/instanceProfile:InstanceProfile ng-role",
	"aws:iam/role:Role ng-role",
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-role-AmazonEC2ContainerRegistryReadOnly",
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-role-AmazonEKSWorkerNodePolicy",
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-role-AmazonEKS_CNI_Policy",
	"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule ng-sg-egress-all",
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-cluster-ingress-all",
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-ingress-cluster-all",
	"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-ingress-self-all",
	"eksnodes:index:NodeGroup ng",
	"eksnodes:index:NodeRole ng-role",
	"eksnodes:index:NodeSecurityGroup ng-sg",
}

func TestConstructRegistersChildren(t *testing.T) {
	tests := []struct {
		name   string
		token  string
		inputs property.Map
		want   []string // "type name" of every registration, sorted
		check  func(t *testing.T, r run)
	}{
		{
			name:   "NodeGroup with defaults",
			token:  nodegroup.NodeGroupToken,
			inputs: nodeGroupProps(nil),
			want:   defaultNodeGroupChildren,
			check: func(t *testing.T, r run) {
				lt := r.get(t, typeLT, "ng")
				assert.Equal(t, map[string]any{
					"httpEndpoint":            "enabled",
					"httpTokens":              "required",
					"httpPutResponseHopLimit": 1.0,
					"instanceMetadataTags":    "disabled",
				}, lt.Inputs["metadataOptions"])
				assert.Equal(t, "t3.medium", lt.Inputs["instanceType"])
				assert.Equal(t, nodegrouptest.DefaultAMI, lt.Inputs["imageId"])
				assert.Equal(t, []any{map[string]any{
					"deviceName": "/dev/xvda",
					"ebs": map[string]any{
						"volumeSize": 20.0, "volumeType": "gp3", "encrypted": "true", "deleteOnTermination": "true",
					},
				}}, lt.Inputs["blockDeviceMappings"])
				assert.Equal(t, "false", lt.Inputs["networkInterfaces"].([]any)[0].(map[string]any)["associatePublicIpAddress"])

				entry := r.get(t, typeEntry, "ng-role")
				assert.Equal(t, "EC2_LINUX", entry.Inputs["type"])
				assert.Equal(t, "demo", entry.Inputs["clusterName"])
				assert.Equal(t, "arn:aws:iam::111122223333:role/ng-role-"+nodegrouptest.NameSuffix, entry.Inputs["principalArn"])

				asg := r.get(t, typeASG, "ng")
				assert.Equal(t, 1.0, asg.Inputs["minSize"])
				assert.Equal(t, 2.0, asg.Inputs["maxSize"])
				assert.Equal(t, 2.0, asg.Inputs["desiredCapacity"])
				assert.Equal(t, map[string]any{"id": nodegrouptest.ID(typeLT, "ng"), "version": "1"}, asg.Inputs["launchTemplate"])
				assert.Empty(t, asg.IgnoreChanges)

				assert.Equal(t, "ng-"+nodegrouptest.NameSuffix, r.Outputs["autoScalingGroupName"])
				assert.Equal(t, 1.0, r.Outputs["launchTemplateLatestVersion"])
				assert.Equal(t, nodegrouptest.ID(typeSG, "ng-sg"), r.Outputs["securityGroupId"])
			},
		},
		{
			name:  "NodeGroup with labels, taints and a strict security group",
			token: nodegroup.NodeGroupToken,
			inputs: nodeGroupProps(map[string]property.Value{
				"labels": pObj(map[string]property.Value{"team": pStr("platform")}),
				"taints": pObj(map[string]property.Value{
					"dedicated": pObj(map[string]property.Value{"value": pStr("gpu"), "effect": pStr("NoSchedule")}),
				}),
				"nodeSecurityGroupOptions": pObj(map[string]property.Value{
					"rulesProfile":             pStr("strict"),
					"extraClusterIngressPorts": pList(pNum(9443)),
					"sshSourceCidrs":           pList(pStr("10.20.0.0/16")),
				}),
				"metadataOptions": pObj(map[string]property.Value{
					"httpPutResponseHopLimit": pNum(2),
				}),
			}),
			want: []string{
				"aws:autoscaling/group:Group ng",
				"aws:ec2/launchTemplate:LaunchTemplate ng",
				"aws:ec2/securityGroup:SecurityGroup ng-sg",
				"aws:eks/accessEntry:AccessEntry ng-role",
				"aws:iam/instanceProfile:InstanceProfile ng-role",
				"aws:iam/role:Role ng-role",
				"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-role-AmazonEC2ContainerRegistryReadOnly",
				"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-role-AmazonEKSWorkerNodePolicy",
				"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-role-AmazonEKS_CNI_Policy",
				"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule ng-sg-egress-all",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-cluster-ingress-all",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-ingress-cluster-9443",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-ingress-cluster-all",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-ingress-self-dns-tcp",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-ingress-self-dns-udp",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-ingress-self-kubelet",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ng-sg-ingress-ssh-10-20-0-0-16",
				"eksnodes:index:NodeGroup ng",
				"eksnodes:index:NodeRole ng-role",
				"eksnodes:index:NodeSecurityGroup ng-sg",
			},
			check: func(t *testing.T, r run) {
				lt := r.get(t, typeLT, "ng")
				assert.Equal(t, map[string]any{
					"httpEndpoint":            "enabled",
					"httpTokens":              "required",
					"httpPutResponseHopLimit": 2.0,
					"instanceMetadataTags":    "disabled",
				}, lt.Inputs["metadataOptions"])
				userData, err := base64.StdEncoding.DecodeString(lt.Inputs["userData"].(string))
				require.NoError(t, err)
				assert.Contains(t, string(userData), "--node-labels=team=platform")
				assert.Contains(t, string(userData), "--register-with-taints=dedicated=gpu:NoSchedule")
				assert.Equal(t, string(userData), r.Outputs["userData"])

				ssh := r.get(t, typeIngress, "ng-sg-ingress-ssh-10-20-0-0-16")
				assert.Equal(t, map[string]any{
					"securityGroupId": nodegrouptest.ID(typeSG, "ng-sg"),
					"description":     "SSH from 10.20.0.0/16",
					"ipProtocol":      "tcp",
					"fromPort":        22.0,
					"toPort":          22.0,
					"cidrIpv4":        "10.20.0.0/16",
				}, ssh.Inputs)
				webhook := r.get(t, typeIngress, "ng-sg-ingress-cluster-9443")
				assert.Equal(t, "sg-0123456789abcdef0", webhook.Inputs["referencedSecurityGroupId"])
				assert.Equal(t, 9443.0, webhook.Inputs["fromPort"])
			},
		},
		{
			name:  "NodeGroup with an existing role and security group",
			token: nodegroup.NodeGroupToken,
			inputs: nodeGroupProps(map[string]property.Value{
				"instanceProfileArn":  pStr("arn:aws:iam::111122223333:instance-profile/shared"),
				"roleArn":             pStr("arn:aws:iam::111122223333:role/shared"),
				"nodeSecurityGroupId": pStr("sg-0aaaaaaaaaaaaaaa1"),
			}),
			want: []string{
				"aws:autoscaling/group:Group ng",
				"aws:ec2/launchTemplate:LaunchTemplate ng",
				"eksnodes:index:NodeGroup ng",
			},
			check: func(t *testing.T, r run) {
				lt := r.get(t, typeLT, "ng")
				assert.Equal(t, map[string]any{"arn": "arn:aws:iam::111122223333:instance-profile/shared"}, lt.Inputs["iamInstanceProfile"])
				assert.Equal(t, []any{"sg-0aaaaaaaaaaaaaaa1"}, lt.Inputs["networkInterfaces"].([]any)[0].(map[string]any)["securityGroups"])
				assert.Equal(t, "shared", r.Outputs["roleName"])
			},
		},
		{
			name:  "NodeRole",
			token: nodegroup.NodeRoleToken,
			inputs: property.NewMap(map[string]property.Value{
				"clusterName":          pStr("demo"),
				"enableSsmAccess":      pBool(true),
				"additionalPolicyArns": pList(pStr("arn:aws:iam::111122223333:policy/extras")),
				"accessEntryType":      pStr("EC2_WINDOWS"),
				"path":                 pStr("/eks/"),
			}),
			want: []string{
				"aws:eks/accessEntry:AccessEntry nr",
				"aws:iam/instanceProfile:InstanceProfile nr",
				"aws:iam/role:Role nr",
				"aws:iam/rolePolicyAttachment:RolePolicyAttachment nr-AmazonEC2ContainerRegistryReadOnly",
				"aws:iam/rolePolicyAttachment:RolePolicyAttachment nr-AmazonEKSWorkerNodePolicy",
				"aws:iam/rolePolicyAttachment:RolePolicyAttachment nr-AmazonEKS_CNI_Policy",
				"aws:iam/rolePolicyAttachment:RolePolicyAttachment nr-AmazonSSMManagedInstanceCore",
				"aws:iam/rolePolicyAttachment:RolePolicyAttachment nr-policy-extras",
				"eksnodes:index:NodeRole nr",
			},
			check: func(t *testing.T, r run) {
				assert.Equal(t, "EC2_WINDOWS", r.get(t, typeEntry, "nr").Inputs["type"])
				assert.Equal(t, "/eks/", r.get(t, typeRole, "nr").Inputs["path"])
				assert.Equal(t, "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
					r.get(t, typeAttachment, "nr-AmazonSSMManagedInstanceCore").Inputs["policyArn"])
				assert.Equal(t, "arn:aws:iam::111122223333:policy/extras", r.get(t, typeAttachment, "nr-policy-extras").Inputs["policyArn"])
				assert.Equal(t, "arn:aws:iam::111122223333:role/eks/nr-"+nodegrouptest.NameSuffix, r.Outputs["roleArn"])
				assert.Equal(t, "- groups:\n  - system:bootstrappers\n  - system:nodes\n  - eks:kube-proxy-windows\n  rolearn: arn:aws:iam::111122223333:role/nr-"+nodegrouptest.NameSuffix+"\n  username: system:node:{{EC2PrivateDNSName}}\n",
					r.Outputs["awsAuthMapRole"])
			},
		},
		{
			name:  "NodeSecurityGroup",
			token: nodegroup.NodeSecurityGroupToken,
			inputs: property.NewMap(map[string]property.Value{
				"clusterName":                 pStr("demo"),
				"vpcId":                       pStr("vpc-0123456789abcdef0"),
				"clusterSecurityGroupId":      pStr("sg-0123456789abcdef0"),
				"rulesProfile":                pStr("strict"),
				"clusterSecurityGroupTraffic": pStr("minimal"),
				"egressRules": pList(pObj(map[string]property.Value{
					"description": pStr("HTTPS anywhere"), "protocol": pStr("tcp"), "fromPort": pNum(443), "cidrIpv4": pStr("0.0.0.0/0"),
				})),
			}),
			want: []string{
				"aws:ec2/securityGroup:SecurityGroup nsg",
				"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule nsg-egress-cluster-dns-tcp",
				"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule nsg-egress-cluster-dns-udp",
				"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule nsg-egress-cluster-https",
				"aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule nsg-egress-rule-https-anywhere",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-cluster-ingress-dns-tcp",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-cluster-ingress-dns-udp",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-cluster-ingress-https",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-ingress-cluster-dns-tcp",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-ingress-cluster-dns-udp",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-ingress-cluster-https",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-ingress-cluster-kubelet",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-ingress-self-dns-tcp",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-ingress-self-dns-udp",
				"aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule nsg-ingress-self-kubelet",
				"eksnodes:index:NodeSecurityGroup nsg",
			},
			check: func(t *testing.T, r run) {
				assert.Equal(t, map[string]any{
					"securityGroupId": nodegrouptest.ID(typeSG, "nsg"),
					"description":     "HTTPS anywhere",
					"ipProtocol":      "tcp",
					"fromPort":        443.0,
					"toPort":          443.0,
					"cidrIpv4":        "0.0.0.0/0",
				}, r.get(t, typeEgress, "nsg-egress-rule-https-anywhere").Inputs)
				sg := r.get(t, typeSG, "nsg")
				assert.Equal(t, map[string]any{"Name": "nsg", "kubernetes.io/cluster/demo": "owned"}, sg.Inputs["tags"])
				assert.Equal(t, true, sg.Inputs["revokeRulesOnDelete"])
				clusterRule := r.get(t, typeIngress, "nsg-cluster-ingress-https")
				assert.Equal(t, "sg-0123456789abcdef0", clusterRule.Inputs["securityGroupId"])
				assert.Equal(t, nodegrouptest.ID(typeSG, "nsg"), clusterRule.Inputs["referencedSecurityGroupId"])
				assert.Equal(t, nodegrouptest.ID(typeSG, "nsg"), r.Outputs["securityGroupId"])
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := componentName(tt.token)
			r, err := construct(t, tt.token, name, tt.inputs)
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.keys())
			top := r.get(t, tt.token, name)
			assert.False(t, top.Custom)
			assert.Equal(t, string(stackURN()), top.Parent)
			for _, c := range r.Children {
				if c.key() != top.key() {
					assert.NotEmpty(t, c.Parent, "%s must have a parent", c.key())
				}
			}
			tt.check(t, r)
		})
	}
}

// componentName is the logical name the Construct tests give a component.
func componentName(token string) string {
	switch token {
	case nodegroup.NodeRoleToken:
		return "nr"
	case nodegroup.NodeSecurityGroupToken:
		return "nsg"
	}
	return "ng"
}

// Invalid inputs are reported all at once, naming the properties as a TypeScript or Python
// user spells them, before anything is registered.
func TestConstructRejectsInvalidInputs(t *testing.T) {
	tests := []struct {
		name   string
		token  string
		inputs property.Map
		want   []string // substrings of the error
	}{
		{
			name:  "sizes and a label",
			token: nodegroup.NodeGroupToken,
			inputs: nodeGroupProps(map[string]property.Value{
				"minSize": pNum(2),
				"maxSize": pNum(1),
				"labels":  pObj(map[string]property.Value{"bad key!": pStr("x")}),
			}),
			want: []string{
				`eksnodes:index:NodeGroup "ng"`,
				"maxSize (1) must be >= minSize (2)",
				`labels["bad key!"]: the key`,
			},
		},
		{
			name:  "nested options and inputs that take outputs",
			token: nodegroup.NodeGroupToken,
			inputs: property.NewMap(map[string]property.Value{
				"cluster": pObj(map[string]property.Value{
					"name":                 pStr("demo"),
					"endpoint":             pStr("http://insecure.example.com"),
					"certificateAuthority": pStr(testCA),
					"serviceCidr":          pStr("172.20.0.0/16"),
					"version":              pStr("latest"),
					"securityGroupId":      pStr("sg-0123456789abcdef0"),
					"vpcId":                pStr("vpc-0123456789abcdef0"),
				}),
				"subnetIds": pList(pStr("subnet-xyz")),
				"roleArn":   pStr("arn:aws:iam::111122223333:role/shared"),
				"taints": pObj(map[string]property.Value{
					"dedicated": pObj(map[string]property.Value{"effect": pStr("Sometimes")}),
				}),
				"nodeSecurityGroupOptions": pObj(map[string]property.Value{
					"sshSourceCidrs": pList(pStr("0.0.0.0/0")),
					"ingressRules":   pList(pObj(map[string]property.Value{"protocol": pStr("tcp"), "fromPort": pNum(80), "cidrIpv4": pStr("10.0.0.0/8")})),
				}),
				"instanceRefresh": pObj(map[string]property.Value{"checkpointPercentages": pList(pNum(50))}),
			}),
			want: []string{
				`cluster.endpoint ("http://insecure.example.com") must be an https:// URL`,
				`cluster.version ("latest")`,
				`subnetIds[0] ("subnet-xyz")`,
				"roleArn requires instanceProfileArn",
				`taints["dedicated"].effect ("Sometimes")`,
				`nodeSecurityGroupOptions.sshSourceCidrs[0] ("0.0.0.0/0"): SSH from the internet is refused`,
				"nodeSecurityGroupOptions.ingressRules[0].description is required",
				"instanceRefresh.checkpointPercentages must end with 100",
			},
		},
		{
			name:   "NodeRole without a cluster for its access entry",
			token:  nodegroup.NodeRoleToken,
			inputs: property.NewMap(map[string]property.Value{"accessEntryType": pStr("EC2_MAC"), "path": pStr("eks")}),
			want: []string{
				`eksnodes:index:NodeRole "nr"`,
				"clusterName is required when createAccessEntry is true",
				`accessEntryType ("EC2_MAC") must be one of: EC2_LINUX, EC2_WINDOWS`,
				`path ("eks") must start and end with /`,
			},
		},
		{
			name:   "NodeSecurityGroup without its required inputs",
			token:  nodegroup.NodeSecurityGroupToken,
			inputs: property.NewMap(map[string]property.Value{"extraClusterIngressPorts": pList(pNum(443)), "clusterSecurityGroupTraffic": pStr("minimal")}),
			want: []string{
				`eksnodes:index:NodeSecurityGroup "nsg"`,
				"clusterName is required",
				"vpcId is required",
				"clusterSecurityGroupId is required",
				"extraClusterIngressPorts[0] (443) is already open",
			},
		},
		{
			name:   "a value of the wrong type",
			token:  nodegroup.NodeGroupToken,
			inputs: nodeGroupProps(map[string]property.Value{"minSize": pStr("two"), "nodeRoleOptions": property.New(map[string]property.Value{"path": property.New(1.0)})}),
			want:   []string{`minSize: expected a whole number, got the string "two"`, `nodeRoleOptions.path: expected a string, got the number 1`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := construct(t, tt.token, componentName(tt.token), tt.inputs)
			require.Error(t, err)
			for _, want := range tt.want {
				assert.Contains(t, err.Error(), want)
			}
			assert.Empty(t, r.Children, "nothing may be registered")
			assert.Empty(t, r.Invokes, "nothing may be looked up")
		})
	}
}

// A TypeScript or Python program passes cluster facts as outputs of its cluster resource.
// They reach the children with their dependencies, and a secret stays secret.
func TestConstructAcceptsOutputs(t *testing.T) {
	clusterURN := resource.NewURN(testStack, testProject, "", "aws:eks/cluster:Cluster", "demo")
	fromCluster := func(v property.Value) property.Value { return v.WithDependencies([]resource.URN{clusterURN}) }
	cluster := clusterProps()
	for k, v := range cluster {
		cluster[k] = fromCluster(v)
	}
	cluster["certificateAuthority"] = cluster["certificateAuthority"].WithSecret(true)

	r, err := construct(t, nodegroup.NodeGroupToken, "ng", nodeGroupProps(map[string]property.Value{
		"cluster":   pObj(cluster),
		"subnetIds": pList(fromCluster(pStr("subnet-0123456789abcdef0"))),
	}))
	require.NoError(t, err)
	assert.Equal(t, defaultNodeGroupChildren, r.keys())

	lt := r.get(t, typeLT, "ng")
	assert.Contains(t, lt.SecretPaths, "userData", "the user data carries the secret certificate")
	assert.Contains(t, lt.PropertyDependencies["userData"], string(clusterURN))
	assert.Contains(t, lt.Dependencies, string(clusterURN))
	assert.Contains(t, r.OutputSecrets, "userData")

	entry := r.get(t, typeEntry, "ng-role")
	assert.Equal(t, "demo", entry.Inputs["clusterName"])
	assert.Equal(t, []string{string(clusterURN)}, entry.PropertyDependencies["clusterName"])

	asg := r.get(t, typeASG, "ng")
	assert.Equal(t, []any{"subnet-0123456789abcdef0"}, asg.Inputs["vpcZoneIdentifiers"])
	assert.Equal(t, []string{string(clusterURN)}, asg.PropertyDependencies["vpcZoneIdentifiers"])
	assert.Empty(t, asg.SecretPaths)
}
