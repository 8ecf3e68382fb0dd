package provider

// Parity: a TypeScript or Python program that uses the eksnodes plugin must get exactly the
// resources a Go program gets from the same inputs. Each scenario runs once through the Go
// constructor (pulumi.RunErr + pulumi.WithMocks) and once through the provider's Construct
// (the integration server), both against nodegrouptest's mocks, and the two recordings must agree.

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/eksnodes/pulumi-eksnodes/nodegroup/userdata"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Resource types the components register.
const (
	typeRole       = "aws:iam/role:Role"
	typeProfile    = "aws:iam/instanceProfile:InstanceProfile"
	typeAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment"
	typeEntry      = "aws:eks/accessEntry:AccessEntry"
	typeSG         = "aws:ec2/securityGroup:SecurityGroup"
	typeIngress    = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"
	typeEgress     = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"
	typeLT         = "aws:ec2/launchTemplate:LaunchTemplate"
	typeASG        = "aws:autoscaling/group:Group"
)

func ref[T any](v T) *T { return &v }

// demoCluster is a valid set of plain cluster facts.
func demoCluster() nodegroup.ClusterArgs {
	return nodegroup.ClusterArgs{
		Name:                 pulumi.String("demo"),
		Endpoint:             pulumi.String("https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com"),
		CertificateAuthority: pulumi.String(testCA),
		ServiceCidr:          pulumi.String("172.20.0.0/16"),
		Version:              pulumi.String("1.33"),
		SecurityGroupId:      pulumi.String("sg-0123456789abcdef0"),
		VpcId:                pulumi.String("vpc-0123456789abcdef0"),
	}
}

func demoSubnets() pulumi.StringArray {
	return pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0"), pulumi.String("subnet-0123456789abcdef1")}
}

// scenario is one set of component inputs, defined once as the Go args value.
type scenario struct {
	name  string
	token string
	// args builds the inputs afresh, so that neither path can see what the other did to them.
	args func() any
	// check asserts what the scenario is meant to exercise (on the Go path), so that it
	// cannot silently degrade into a duplicate of another scenario.
	check func(t *testing.T, r run)
}

func nodeGroupScenario(name string, args func() *nodegroup.NodeGroupArgs, check func(t *testing.T, r run)) scenario {
	return scenario{name: name, token: nodegroup.NodeGroupToken, args: func() any { return args() }, check: check}
}

// goConstructor returns the Go constructor call for a scenario's args.
func goConstructor(t *testing.T, name string, args any) goComponent {
	t.Helper()
	return func(ctx *pulumi.Context) (pulumi.ComponentResource, error) {
		switch a := args.(type) {
		case *nodegroup.NodeGroupArgs:
			return nodegroup.NewNodeGroup(ctx, name, a)
		case *nodegroup.NodeRoleArgs:
			return nodegroup.NewNodeRole(ctx, name, a)
		case *nodegroup.NodeSecurityGroupArgs:
			return nodegroup.NewNodeSecurityGroup(ctx, name, a)
		}
		return nil, fmt.Errorf("unknown args type %T", args)
	}
}

func parityScenarios() []scenario {
	return []scenario{
		nodeGroupScenario("Spot mix with a termination hook and baseline hardening", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:   demoCluster(),
				SubnetIds: demoSubnets(),
				MixedInstancesPolicy: &nodegroup.MixedInstancesPolicy{
					InstanceTypes: []nodegroup.InstanceTypeOverride{
						{InstanceType: "c7g.large", WeightedCapacity: nodegroup.Ref(1)},
						{InstanceType: "c6g.xlarge", WeightedCapacity: nodegroup.Ref(2)},
					},
					OnDemandPercentageAboveBaseCapacity: nodegroup.Ref(0),
					SpotAllocationStrategy:              "capacity-optimized",
				},
				CapacityRebalance:        nodegroup.Ref(true),
				TerminationLifecycleHook: &nodegroup.TerminationLifecycleHook{HeartbeatTimeout: nodegroup.Ref(900)},
				Hardening:                nodegroup.Ref(nodegroup.HardeningBaseline),
			}
		}, func(t *testing.T, r run) {
			assert.Len(t, r.Children, 18, "the defaults, the Session Manager attachment and the hook")
		}),
		nodeGroupScenario("Spot GPU fleet selected by instance requirements", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:      demoCluster(),
				SubnetIds:    demoSubnets(),
				Architecture: ref(nodegroup.X86_64),
				MixedInstancesPolicy: &nodegroup.MixedInstancesPolicy{
					InstanceRequirements: &nodegroup.InstanceRequirements{
						VcpuCount:                 &nodegroup.RequiredIntRange{Min: 4, Max: nodegroup.Ref(32)},
						MemoryMib:                 &nodegroup.RequiredIntRange{Min: 16384},
						MemoryGibPerVcpu:          &nodegroup.FloatRange{Min: nodegroup.Ref(2.0), Max: nodegroup.Ref(8.5)},
						CpuManufacturers:          []nodegroup.CpuManufacturer{nodegroup.CpuIntel, nodegroup.CpuAmd},
						InstanceGenerations:       []nodegroup.InstanceGeneration{nodegroup.GenerationCurrent},
						ExcludedInstanceTypes:     []string{"g3*", "p2.*"},
						BurstablePerformance:      ref(nodegroup.InclusionExcluded),
						BareMetal:                 ref(nodegroup.InclusionIncluded),
						LocalStorage:              ref(nodegroup.InclusionIncluded),
						LocalStorageTypes:         []nodegroup.LocalStorageType{nodegroup.StorageSsd},
						AcceleratorCount:          &nodegroup.IntRange{Min: nodegroup.Ref(1), Max: nodegroup.Ref(4)},
						AcceleratorManufacturers:  []nodegroup.AcceleratorManufacturer{nodegroup.AcceleratorNvidia},
						AcceleratorNames:          []nodegroup.AcceleratorName{nodegroup.AcceleratorNameT4, nodegroup.AcceleratorNameA100},
						AcceleratorTypes:          []nodegroup.AcceleratorType{nodegroup.AcceleratorTypeGpu},
						AcceleratorTotalMemoryMib: &nodegroup.IntRange{Min: nodegroup.Ref(16384)},
						NetworkInterfaceCount:     &nodegroup.IntRange{Max: nodegroup.Ref(8)},
						OnDemandMaxPricePercentageOverLowestPrice:      nodegroup.Ref(25),
						MaxSpotPriceAsPercentageOfOptimalOnDemandPrice: nodegroup.Ref(70),
					},
					OnDemandPercentageAboveBaseCapacity: nodegroup.Ref(0),
				},
				CapacityRebalance: nodegroup.Ref(true),
			}
		}, func(t *testing.T, r run) {
			assert.Len(t, r.Children, 16)
			assert.Contains(t, ssmParameter(t, r), "/x86_64/nvidia/", "the AMI carries the drivers of the GPUs asked for")
			policy := r.get(t, typeASG, "ng").Inputs["mixedInstancesPolicy"].(map[string]any)
			overrides := policy["launchTemplate"].(map[string]any)["overrides"].([]any)
			require.Len(t, overrides, 1)
			assert.Contains(t, overrides[0].(map[string]any), "instanceRequirements")
		}),
		nodeGroupScenario("Bottlerocket with settings", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:              demoCluster(),
				SubnetIds:            demoSubnets(),
				OperatingSystem:      nodegroup.Ref(nodegroup.Bottlerocket),
				AmiVariant:           nodegroup.Ref(nodegroup.VariantFips),
				AmiReleaseVersion:    "1.42.0",
				Labels:               map[string]string{"workload": "batch"},
				BottlerocketSettings: map[string]any{"kubernetes": map[string]any{"max-pods": 110}},
			}
		}, func(t *testing.T, r run) {
			assert.Len(t, r.Children, 16)
		}),
		nodeGroupScenario("Windows", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:          demoCluster(),
				SubnetIds:        demoSubnets(),
				OperatingSystem:  nodegroup.Ref(nodegroup.Windows2022Core),
				InstanceType:     "m7i.xlarge",
				KubeletExtraArgs: "--max-pods=20",
			}
		}, func(t *testing.T, r run) {
			assert.Len(t, r.Children, 16)
		}),
		nodeGroupScenario("defaults", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{Cluster: demoCluster(), SubnetIds: demoSubnets()}
		}, func(t *testing.T, r run) {
			assert.Len(t, r.Children, 16)
			assert.Len(t, r.Invokes, 2)
		}),

		nodeGroupScenario("bootstrap: labels, taints, kubelet flags and config, scripts", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:      demoCluster(),
				SubnetIds:    demoSubnets(),
				InstanceType: "m7g.large",
				Labels: map[string]string{
					"team":                      "platform",
					"node.kubernetes.io/pool":   "general",
					"example.com/workload-tier": "backend",
				},
				Taints: map[string]nodegroup.Taint{
					"dedicated":          {Value: "gpu", Effect: nodegroup.NoSchedule},
					"example.com/spot":   {Effect: nodegroup.PreferNoSchedule},
					"example.com/drains": {Value: "true", Effect: nodegroup.NoExecute},
				},
				KubeletExtraArgs: "--v=2 --image-credential-provider-config=/etc/eks/image-credential-provider/config.json",
				KubeletConfig: map[string]any{
					"maxPods":                     58,
					"cpuCFSQuota":                 false,
					"imageGCHighThresholdPercent": 85,
					"evictionHard":                map[string]any{"memory.available": "200Mi", "nodefs.available": "10%"},
					"allowedUnsafeSysctls":        []any{"net.core.somaxconn", "net.ipv4.tcp_keepalive_time"},
					"registryPullQPS":             10,
					"podPidsLimit":                4096,
					"cpuManagerReconcilePeriod":   "10s",
				},
				PreBootstrapUserData:  "#!/bin/bash\nset -euo pipefail\necho pre-bootstrap > /var/log/pre\n",
				PostBootstrapUserData: "#!/bin/bash\necho post-bootstrap > /var/log/post\n",
			}
		}, func(t *testing.T, r run) {
			assert.Equal(t, "/aws/service/eks/optimized-ami/1.33/amazon-linux-2023/arm64/standard/recommended/image_id",
				ssmParameter(t, r))
			assert.Contains(t, r.Outputs["userData"], "maxPods: 58")
			assert.Contains(t, r.Outputs["userData"], "dedicated=gpu:NoSchedule")
			parts, err := userdata.ParseMIME(r.Outputs["userData"].(string))
			require.NoError(t, err)
			require.Len(t, parts, 3)
			assert.Equal(t, "#!/bin/bash\nset -euo pipefail\necho pre-bootstrap > /var/log/pre\n", parts[0].Body, "the script arrives byte for byte")
		}),

		nodeGroupScenario("AL2023 NodeConfig options and max pods for prefix delegation", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:             demoCluster(),
				SubnetIds:           demoSubnets(),
				InstanceType:        "m6id.2xlarge",
				MaxPods:             nodegroup.Ref(110),
				KubeReserved:        map[string]string{"cpu": "250m", "memory": "1843Mi", "ephemeral-storage": "1Gi"},
				KubeletFeatureGates: map[string]bool{"MemoryQoS": true, "AllAlpha": false},
				KubeletConfig:       map[string]any{"featureGates": map[string]any{"InPlacePodVerticalScaling": true}},
				ContainerdConfig:    "[plugins.\"io.containerd.grpc.v1.cri\".containerd]\ndiscard_unpacked_layers = false\n",
				ContainerdBaseRuntimeSpec: map[string]any{"process": map[string]any{"rlimits": []any{
					map[string]any{"type": "RLIMIT_NOFILE", "soft": 65536, "hard": 65536},
				}}},
				LocalStorage: &nodegroup.LocalStorage{
					Strategy:       nodegroup.LocalStorageRAID0,
					MountPath:      "/mnt/instance-store",
					DisabledMounts: []nodegroup.DisabledMount{nodegroup.DisabledMountPodLogs, nodegroup.DisabledMountSOCI},
				},
			}
		}, func(t *testing.T, r run) {
			assert.Len(t, r.Children, 16)
			for _, want := range []string{"maxPods: 110", "memory: 1843Mi", "MemoryQoS: true", "InPlacePodVerticalScaling: true",
				"discard_unpacked_layers = false", "RLIMIT_NOFILE", "strategy: RAID0", "mountPath: /mnt/instance-store", "- SOCI"} {
				assert.Contains(t, r.Outputs["userData"], want)
			}
		}),

		nodeGroupScenario("existing identity: instance profile, role and security group", func() *nodegroup.NodeGroupArgs {
			c := demoCluster()
			c.Version, c.SecurityGroupId, c.VpcId = nil, nil, nil // not needed with amiId and nodeSecurityGroupId
			return &nodegroup.NodeGroupArgs{
				Cluster:                   c,
				SubnetIds:                 demoSubnets(),
				AmiId:                     pulumi.String("ami-0fedcba9876543210"),
				Architecture:              nodegroup.Ref(nodegroup.X86_64),
				InstanceProfileArn:        pulumi.String("arn:aws:iam::111122223333:instance-profile/eks/shared-nodes"),
				RoleArn:                   pulumi.String("arn:aws:iam::111122223333:role/eks/shared-nodes"),
				NodeSecurityGroupId:       pulumi.String("sg-0aaaaaaaaaaaaaaa1"),
				ExtraNodeSecurityGroupIds: pulumi.StringArray{pulumi.String("sg-0bbbbbbbbbbbbbbb2"), pulumi.String("sg-0ccccccccccccccc3")},
			}
		}, func(t *testing.T, r run) {
			assert.Equal(t, []string{
				"aws:autoscaling/group:Group ng",
				"aws:ec2/launchTemplate:LaunchTemplate ng",
				"eksnodes:index:NodeGroup ng",
			}, r.keys())
			assert.Empty(t, r.Invokes)
			assert.Equal(t, "shared-nodes", r.Outputs["roleName"])
		}),

		nodeGroupScenario("strict security group with extra ports, SSH and custom egress", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:   demoCluster(),
				SubnetIds: demoSubnets(),
				KeyName:   pulumi.String("ops-key"),
				NodeSecurityGroupOptions: &nodegroup.NodeSecurityGroupOptions{
					RulesProfile:              ref(nodegroup.RulesStrict),
					ExtraClusterIngressPorts:  []int{9443, 8443},
					SshSourceCidrs:            []string{"10.20.0.0/16", "192.168.1.0/24"},
					SshSourceSecurityGroupIds: pulumi.ToStringArray([]string{"sg-0ddddddddddddddd4"}),
					IngressRules: []nodegroup.SecurityGroupRule{
						{Description: "Istio sidecar injector from nodes", Protocol: "tcp", FromPort: ref(15017), SecurityGroupId: pulumi.String("sg-0eeeeeeeeeeeeeee5")},
						{Description: "All from the VPC", Protocol: "all", CidrIpv4: pulumi.String("10.0.0.0/16")},
						{Description: "ICMPv6 from the VPC", Protocol: "ICMPv6", FromPort: ref(-1), ToPort: ref(-1), CidrIpv6: pulumi.String("2600:1f18:abcd::/56")},
					},
					EgressRules: []nodegroup.SecurityGroupRule{
						{Description: "HTTPS anywhere", Protocol: "tcp", FromPort: ref(443), ToPort: ref(443), CidrIpv4: pulumi.String("0.0.0.0/0")},
						{Description: "DNS to the VPC resolver", Protocol: "udp", FromPort: ref(53), CidrIpv4: pulumi.String("10.0.0.2/32")},
						{Description: "S3 gateway endpoint", Protocol: "tcp", FromPort: ref(443), PrefixListId: pulumi.String("pl-63a5400a")},
						{Description: "Ephemeral to the VPC", Protocol: "tcp", FromPort: ref(1024), ToPort: ref(65535), CidrIpv4: pulumi.String("10.0.0.0/16")},
					},
				},
				Tags: pulumi.ToStringMap(map[string]string{"env": "prod", "cost-center": "1234"}),
			}
		}, func(t *testing.T, r run) {
			keys := r.keys()
			assert.Contains(t, keys, typeIngress+" ng-sg-ingress-self-kubelet")
			assert.Contains(t, keys, typeIngress+" ng-sg-ingress-cluster-all")
			assert.Contains(t, keys, typeEgress+" ng-sg-egress-cluster-all")
			assert.Contains(t, keys, typeIngress+" ng-sg-ingress-cluster-9443")
			assert.Contains(t, keys, typeIngress+" ng-sg-ingress-ssh-10-20-0-0-16")
			assert.Contains(t, keys, typeIngress+" ng-sg-ingress-ssh-sg-0ddddddddddddddd4")
			assert.Contains(t, keys, typeIngress+" ng-sg-ingress-rule-icmpv6-from-the-vpc")
			assert.Contains(t, keys, typeEgress+" ng-sg-egress-rule-s3-gateway-endpoint")
			assert.NotContains(t, keys, typeEgress+" ng-sg-egress-all")
			assert.NotContains(t, keys, typeIngress+" ng-sg-ingress-self-all")
		}),

		nodeGroupScenario("cluster autoscaler tags, instance refresh settings, scaling changes not ignored", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:                demoCluster(),
				SubnetIds:              demoSubnets(),
				MinSize:                ref(0),
				MaxSize:                ref(10),
				DesiredCapacity:        ref(3),
				HealthCheckGracePeriod: ref(120),
				ClusterAutoscalerTags:  true,
				IgnoreScalingChanges:   ref(false),
				Labels:                 map[string]string{"workload": "batch"},
				Taints:                 map[string]nodegroup.Taint{"batch": {Value: "true", Effect: nodegroup.NoSchedule}},
				InstanceRefresh: &nodegroup.InstanceRefresh{
					MinHealthyPercentage:      ref(90),
					MaxHealthyPercentage:      ref(120),
					InstanceWarmup:            ref(60),
					SkipMatching:              ref(false),
					AutoRollback:              true,
					CheckpointPercentages:     []int{50, 100},
					CheckpointDelay:           ref(300),
					ScaleInProtectedInstances: "Wait",
					StandbyInstances:          "Terminate",
				},
				Tags: pulumi.ToStringMap(map[string]string{"team": "data"}),
			}
		}, func(t *testing.T, r run) {
			asg := r.get(t, typeASG, "ng")
			assert.Empty(t, asg.IgnoreChanges)
			assert.Contains(t, asg.Inputs["tags"], map[string]any{
				"key": "k8s.io/cluster-autoscaler/node-template/taint/batch", "value": "true:NoSchedule", "propagateAtLaunch": false,
			})
			prefs := asg.Inputs["instanceRefresh"].(map[string]any)["preferences"].(map[string]any)
			assert.Equal(t, []any{50.0, 100.0}, prefs["checkpointPercentages"])
		}),

		capacityOptionsScenario(),

		nodeGroupScenario("cluster autoscaler ignores scaling changes, no instance refresh", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:               demoCluster(),
				SubnetIds:             demoSubnets(),
				ClusterAutoscalerTags: true,
				InstanceRefresh:       &nodegroup.InstanceRefresh{Enabled: ref(false)},
			}
		}, func(t *testing.T, r run) {
			asg := r.get(t, typeASG, "ng")
			assert.Equal(t, []string{"desiredCapacity"}, asg.IgnoreChanges)
			assert.NotContains(t, asg.Inputs, "instanceRefresh")
		}),

		nodeGroupScenario("Auto Scaling lifecycle: launch and termination hooks, lifetime, maintenance, policies, metrics, target groups", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:                  demoCluster(),
				SubnetIds:                demoSubnets(),
				TerminationLifecycleHook: &nodegroup.TerminationLifecycleHook{},
				LifecycleHooks: []nodegroup.LifecycleHook{
					{Name: "warm-caches", Transition: nodegroup.LifecycleLaunching, HeartbeatTimeout: ref(900), DefaultResult: "ABANDON",
						NotificationTargetArn: pulumi.String("arn:aws:sqs:us-east-1:111122223333:launches"),
						RoleArn:               pulumi.String("arn:aws:iam::111122223333:role/hooks"),
						NotificationMetadata:  `{"stage":"launch"}`},
					{Name: "audit/terminate", Transition: nodegroup.LifecycleTerminating},
				},
				MaxInstanceLifetime:       ref(604800),
				DefaultInstanceWarmup:     ref(120),
				InstanceMaintenancePolicy: &nodegroup.InstanceMaintenancePolicy{MinHealthyPercentage: 90, MaxHealthyPercentage: 120},
				TerminationPolicies:       []nodegroup.TerminationPolicy{nodegroup.TerminationOldestLaunchTemplate, nodegroup.TerminationDefault},
				SuspendedProcesses:        []nodegroup.ScalingProcess{nodegroup.ProcessAZRebalance},
				ProtectFromScaleIn:        true,
				InstanceRefresh:           &nodegroup.InstanceRefresh{ScaleInProtectedInstances: "Refresh"},
				EnabledMetrics:            []nodegroup.GroupMetric{nodegroup.MetricGroupInServiceInstances, nodegroup.MetricGroupDesiredCapacity},
				MetricsGranularity:        "1Minute",
				TargetGroupArns: pulumi.StringArray{
					pulumi.String("arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/nodeports/0123456789abcdef"),
				},
			}
		}, func(t *testing.T, r run) {
			keys := r.keys()
			for _, hook := range []string{"ng-termination", "ng-hook-warm-caches", "ng-hook-audit/terminate"} {
				assert.Contains(t, keys, "aws:autoscaling/lifecycleHook:LifecycleHook "+hook)
			}
			asg := r.get(t, typeASG, "ng")
			assert.Equal(t, []string{"initialLifecycleHooks"}, asg.IgnoreChanges)
			assert.Equal(t, []any{"OldestLaunchTemplate", "Default"}, asg.Inputs["terminationPolicies"])
			assert.Equal(t, map[string]any{"minHealthyPercentage": 90.0, "maxHealthyPercentage": 120.0}, asg.Inputs["instanceMaintenancePolicy"])
			assert.Len(t, asg.Inputs["initialLifecycleHooks"], 1, "the launch hook only")
		}),

		nodeGroupScenario("launch template and role options", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:         demoCluster(),
				SubnetIds:       demoSubnets(),
				OperatingSystem: ref(nodegroup.AL2023),
				InstanceType:    "c6gn.xlarge",
				MetadataOptions: &nodegroup.MetadataOptions{
					HttpTokens:              ref(nodegroup.HttpTokensRequired),
					HttpPutResponseHopLimit: ref(2),
					InstanceMetadataTags:    true,
				},
				NodeRootVolumeSize:                ref(100),
				NodeRootVolumeType:                "gp3",
				NodeRootVolumeEncrypted:           ref(true),
				NodeRootVolumeKmsKeyId:            pulumi.String("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
				NodeRootVolumeIops:                ref(6000),
				NodeRootVolumeThroughput:          ref(250),
				NodeRootVolumeDeleteOnTermination: ref(false),
				EnableDetailedMonitoring:          ref(true),
				NodeAssociatePublicIpAddress:      ref(false),
				NodeRoleOptions: &nodegroup.NodeRoleOptions{
					Path:                 "/eks/nodes/",
					PermissionsBoundary:  pulumi.String("arn:aws:iam::111122223333:policy/eks-boundary"),
					AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy", "arn:aws:iam::111122223333:policy/team/node-extras"}),
					EnableSsmAccess:      true,
					CreateAccessEntry:    ref(false),
				},
				Tags: pulumi.ToStringMap(map[string]string{"env": "staging"}),
			}
		}, func(t *testing.T, r run) {
			keys := r.keys()
			assert.Contains(t, keys, typeAttachment+" ng-role-AmazonSSMManagedInstanceCore")
			assert.Contains(t, keys, typeAttachment+" ng-role-policy-node-extras")
			assert.NotContains(t, keys, typeEntry+" ng-role")
			lt := r.get(t, typeLT, "ng")
			assert.Equal(t, map[string]any{
				"httpEndpoint": "enabled", "httpTokens": "required", "httpPutResponseHopLimit": 2.0, "instanceMetadataTags": "enabled",
			}, lt.Inputs["metadataOptions"])
		}),

		nodeGroupScenario("user data override with an exact AMI", func() *nodegroup.NodeGroupArgs {
			return &nodegroup.NodeGroupArgs{
				Cluster:          demoCluster(),
				SubnetIds:        pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0")},
				AmiId:            pulumi.String("ami-0fedcba9876543210"),
				Architecture:     nodegroup.Ref(nodegroup.X86_64),
				UserDataOverride: "#!/bin/bash\n/etc/eks/bootstrap.sh demo --kubelet-extra-args '--node-labels=custom=true'\n",
			}
		}, func(t *testing.T, r run) {
			assert.Equal(t, "#!/bin/bash\n/etc/eks/bootstrap.sh demo --kubelet-extra-args '--node-labels=custom=true'\n", r.Outputs["userData"])
			for _, inv := range r.Invokes {
				assert.NotEqual(t, "aws:ssm/getParameter:getParameter", inv.Token, "amiId is given: no AMI lookup")
			}
		}),

		{
			name:  "standalone NodeRole for Windows nodes",
			token: nodegroup.NodeRoleToken,
			args: func() any {
				return &nodegroup.NodeRoleArgs{
					ClusterName:          pulumi.String("demo"),
					Path:                 "/eks/",
					PermissionsBoundary:  pulumi.String("arn:aws:iam::111122223333:policy/eks-boundary"),
					AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::111122223333:policy/windows-extras"}),
					EnableSsmAccess:      true,
					AccessEntryType:      ref(nodegroup.AccessEntryEC2Windows),
					Tags:                 pulumi.ToStringMap(map[string]string{"os": "windows"}),
				}
			},
			check: func(t *testing.T, r run) {
				assert.Equal(t, "EC2_WINDOWS", r.get(t, typeEntry, "ng").Inputs["type"])
				assert.Contains(t, r.Outputs["awsAuthMapRole"], "eks:kube-proxy-windows")
			},
		},
		{
			name:  "standalone NodeRole without access entry",
			token: nodegroup.NodeRoleToken,
			args: func() any {
				return &nodegroup.NodeRoleArgs{CreateAccessEntry: ref(false)}
			},
			check: func(t *testing.T, r run) {
				assert.Equal(t, []string{
					"aws:iam/instanceProfile:InstanceProfile ng",
					"aws:iam/role:Role ng",
					"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-AmazonEC2ContainerRegistryReadOnly",
					"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-AmazonEKSWorkerNodePolicy",
					"aws:iam/rolePolicyAttachment:RolePolicyAttachment ng-AmazonEKS_CNI_Policy",
					"eksnodes:index:NodeRole ng",
				}, r.keys())
			},
		},
		{
			name:  "standalone NodeSecurityGroup, default profile with rules",
			token: nodegroup.NodeSecurityGroupToken,
			args: func() any {
				return &nodegroup.NodeSecurityGroupArgs{
					ClusterName:              pulumi.String("demo"),
					VpcId:                    pulumi.String("vpc-0123456789abcdef0"),
					ClusterSecurityGroupId:   pulumi.String("sg-0123456789abcdef0"),
					ExtraClusterIngressPorts: []int{1024},
					IngressRules: []nodegroup.SecurityGroupRule{
						{Description: "Load balancer health checks", Protocol: "tcp", FromPort: ref(30000), ToPort: ref(32767), SecurityGroupId: pulumi.String("sg-0fffffffffffffff6")},
					},
					SshSourceCidrs: []string{"10.99.0.0/24"},
					Tags:           pulumi.ToStringMap(map[string]string{"env": "prod"}),
				}
			},
			check: func(t *testing.T, r run) {
				keys := r.keys()
				assert.Contains(t, keys, typeIngress+" ng-ingress-self-all")
				assert.Contains(t, keys, typeIngress+" ng-ingress-cluster-1024")
				assert.Contains(t, keys, typeEgress+" ng-egress-all")
				assert.Contains(t, keys, typeIngress+" ng-cluster-ingress-all")
			},
		},
		{
			name:  "standalone NodeSecurityGroup, strict profile",
			token: nodegroup.NodeSecurityGroupToken,
			args: func() any {
				return &nodegroup.NodeSecurityGroupArgs{
					ClusterName:            pulumi.String("demo"),
					VpcId:                  pulumi.String("vpc-0123456789abcdef0"),
					ClusterSecurityGroupId: pulumi.String("sg-0123456789abcdef0"),
					RulesProfile:           ref(nodegroup.RulesStrict),
				}
			},
			check: func(t *testing.T, r run) {
				assert.Len(t, r.Children, 8)
			},
		},
	}
}

// ssmParameter returns the name of the one SSM parameter a run read.
func ssmParameter(t *testing.T, r run) string {
	t.Helper()
	var names []string
	for _, inv := range r.Invokes {
		if inv.Token == "aws:ssm/getParameter:getParameter" {
			names = append(names, inv.Args["name"].(string))
		}
	}
	require.Len(t, names, 1)
	return names[0]
}

func TestGoAndPluginRegisterTheSameResources(t *testing.T) {
	for _, sc := range parityScenarios() {
		t.Run(sc.name, func(t *testing.T) {
			const name = "ng"
			inputs := componentInputs(t, sc.args())
			assertMapsEveryField(t, sc.args(), inputs)

			goRun, err := runGo(t, goConstructor(t, name, sc.args()))
			require.NoError(t, err, "Go path")
			pluginRun, err := construct(t, sc.token, name, inputs)
			require.NoError(t, err, "plugin path")

			sc.check(t, goRun)
			assertParity(t, goRun, pluginRun)
		})
	}
}

// assertParity compares what the two paths registered: custom resources exactly (inputs,
// secrets, parents, dependencies and options), component resources by type, name and parent,
// the invokes, and the component's outputs.
//
// One part of the dependencies is not deterministic on either path and is compared loosely:
// when a resource has dependsOn a local component (the NodeGroup's Auto Scaling group on its
// NodeRole and NodeSecurityGroup), the Go SDK expands the component into the children it has
// registered at that instant, and the children's registrations run concurrently. See
// TestAutoScalingGroupWaitsForRoleAndSecurityGroupChildren.
func assertParity(t *testing.T, goRun, pluginRun run) {
	t.Helper()
	assert.Equal(t, goRun.keys(), pluginRun.keys(), "the same resources must be registered")

	goByKey, pluginByKey := goRun.byKey(t), pluginRun.byKey(t)
	for key, g := range goByKey {
		pl, ok := pluginByKey[key]
		if !ok {
			continue // reported above
		}
		if g.Custom || pl.Custom {
			gExact, gLoose := splitDependencies(g, goRun)
			pExact, pLoose := splitDependencies(pl, pluginRun)
			g.Dependencies, pl.Dependencies = gExact, pExact
			assert.Equal(t, g, pl, "custom resource %s", key)
			if len(gLoose) != len(pLoose) {
				t.Logf("%s: dependsOn expanded to %d component children on the Go path, %d on the plugin path",
					key, len(gLoose), len(pLoose))
			}
			continue
		}
		assert.Equal(t, g.Parent, pl.Parent, "parent of component %s", key)
		if !assert.ObjectsAreEqual(g, pl) {
			// Components may be registered differently by the two runtimes; only log it.
			gj, _ := json.Marshal(g)
			pj, _ := json.Marshal(pl)
			t.Logf("component %s registered differently:\n  go:     %s\n  plugin: %s", key, gj, pj)
		}
	}
	assert.Equal(t, goRun.Invokes, pluginRun.Invokes, "invokes")
	assert.Equal(t, goRun.Outputs, pluginRun.Outputs, "component outputs")
	assert.Equal(t, goRun.OutputSecrets, pluginRun.OutputSecrets, "secret component outputs")
}

// urnOf returns the URN the monitors give a registration.
func urnOf(c child) string {
	parentType := tokens.Type("")
	if p := resource.URN(c.Parent); p != "" && p.QualifiedType() != resource.RootStackType {
		parentType = p.QualifiedType()
	}
	return string(resource.NewURN(testStack, testProject, parentType, tokens.Type(c.Type), c.Name))
}

// splitDependencies splits the dependencies of a registration into the exact ones and those
// that come from expanding a dependsOn on a local component that is not an ancestor of the
// resource: custom resources below such a component that no input refers to.
func splitDependencies(c child, r run) (exact, viaComponent []string) {
	parent, component := map[string]string{}, map[string]bool{}
	for _, o := range r.Children {
		u := urnOf(o)
		parent[u] = o.Parent
		component[u] = !o.Custom
	}
	ancestors := func(u string) []string {
		var out []string
		for p := parent[u]; p != ""; p = parent[p] {
			out = append(out, p)
		}
		return out
	}
	isAncestorOfC := map[string]bool{}
	for _, a := range ancestors(urnOf(c)) {
		isAncestorOfC[a] = true
	}
	fromInputs := map[string]bool{}
	for _, urns := range c.PropertyDependencies {
		for _, u := range urns {
			fromInputs[u] = true
		}
	}
	for _, d := range c.Dependencies {
		loose := false
		if !fromInputs[d] {
			for _, a := range ancestors(d) {
				if component[a] && !isAncestorOfC[a] {
					loose = true
					break
				}
			}
		}
		if loose {
			viaComponent = append(viaComponent, d)
		} else {
			exact = append(exact, d)
		}
	}
	return exact, viaComponent
}
