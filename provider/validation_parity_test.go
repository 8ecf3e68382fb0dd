package provider

import (
	"errors"
	"testing"

	"github.com/eksnodes/pulumi-eksnodes/nodegroup"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Invalid inputs fail the same way on both paths: the Go constructor and the provider report
// the same problems, in the same words, and neither registers anything.
func TestGoAndPluginRejectTheSameInputs(t *testing.T) {
	tests := []struct {
		name  string
		token string
		args  func() any
		want  []string // parts of the problems that must be reported
	}{
		{
			name:  "sizes, labels and taints",
			token: nodegroup.NodeGroupToken,
			args: func() any {
				return &nodegroup.NodeGroupArgs{
					Cluster:   demoCluster(),
					SubnetIds: demoSubnets(),
					MinSize:   ref(2),
					MaxSize:   ref(1),
					Labels:    map[string]string{"bad key!": "x", "kubernetes.io/role": "worker"},
					Taints:    map[string]nodegroup.Taint{"dedicated": {Value: "gpu", Effect: "Sometimes"}},
				}
			},
			want: []string{
				"maxSize (1) must be >= minSize (2)",
				`taints["dedicated"].effect ("Sometimes") must be one of: NoSchedule, PreferNoSchedule, NoExecute`,
			},
		},
		{
			name:  "Auto Scaling lifecycle",
			token: nodegroup.NodeGroupToken,
			args: func() any {
				return &nodegroup.NodeGroupArgs{
					Cluster:   demoCluster(),
					SubnetIds: demoSubnets(),
					LifecycleHooks: []nodegroup.LifecycleHook{
						{Name: "h", Transition: nodegroup.LifecycleLaunching, HeartbeatTimeout: ref(10)},
						{Name: "h", Transition: "LAUNCH"},
					},
					MaxInstanceLifetime: ref(3600),
					TerminationPolicies: []nodegroup.TerminationPolicy{"Oldest"},
					SuspendedProcesses:  []nodegroup.ScalingProcess{nodegroup.ProcessLaunch},
					EnabledMetrics:      []nodegroup.GroupMetric{nodegroup.MetricGroupMaxSize, nodegroup.MetricGroupMaxSize},
					TargetGroupArns:     pulumi.StringArray{pulumi.String("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef")},
				}
			},
			want: []string{
				"lifecycleHooks[0].heartbeatTimeout (10) must be between 30 and 7200 seconds",
				`lifecycleHooks[1].name ("h") is also the name of lifecycleHooks[0]`,
				`lifecycleHooks[1].transition ("LAUNCH") must be one of: LAUNCHING, TERMINATING`,
				"maxInstanceLifetime (3600) must be 0 (none) or between 86400 (one day) and 31536000 seconds",
				`terminationPolicies[0] ("Oldest") must be one of:`,
				"suspendedProcesses[0] (Launch) stops instance refreshes from replacing nodes",
				`enabledMetrics lists "GroupMaxSize" more than once`,
				`targetGroupArns[0] ("arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/web/0123456789abcdef") must be an ELB target group ARN`,
			},
		},
		{
			name:  "inputs that also take outputs, given plain",
			token: nodegroup.NodeGroupToken,
			args: func() any {
				c := demoCluster()
				c.Version = pulumi.String("latest")
				c.SecurityGroupId = pulumi.String("sg-nope")
				return &nodegroup.NodeGroupArgs{
					Cluster:                   c,
					SubnetIds:                 pulumi.StringArray{pulumi.String("subnet-0123456789abcdef0"), pulumi.String("subnet-0123456789abcdef0")},
					AmiId:                     pulumi.String("ami-123"),
					RoleArn:                   pulumi.String("arn:aws:iam::111122223333:role/shared"),
					ExtraNodeSecurityGroupIds: pulumi.StringArray{pulumi.String("sg-x")},
					NodeRootVolumeKmsKeyId:    pulumi.String("alias/ebs"),
					NodeRootVolumeEncrypted:   ref(false),
				}
			},
			want: []string{
				`cluster.version ("latest") must be a Kubernetes minor version such as 1.33`,
				`amiId ("ami-123") must be an AMI ID such as ami-0123456789abcdef0`,
				"roleArn requires instanceProfileArn",
				"nodeRootVolumeKmsKeyId requires nodeRootVolumeEncrypted to be true",
			},
		},
		{
			name:  "security group and role options",
			token: nodegroup.NodeGroupToken,
			args: func() any {
				return &nodegroup.NodeGroupArgs{
					Cluster:   demoCluster(),
					SubnetIds: demoSubnets(),
					NodeRoleOptions: &nodegroup.NodeRoleOptions{
						AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy"}),
					},
					NodeSecurityGroupOptions: &nodegroup.NodeSecurityGroupOptions{
						RulesProfile:             ref(nodegroup.RulesProfile("open")),
						ExtraClusterIngressPorts: []int{443},
						SshSourceCidrs:           []string{"0.0.0.0/0"},
						EgressRules:              []nodegroup.SecurityGroupRule{{Description: "x", Protocol: "-1", FromPort: ref(1), CidrIpv4: pulumi.String("10.0.0.1/8")}},
					},
					InstanceRefresh: &nodegroup.InstanceRefresh{MinHealthyPercentage: ref(10), MaxHealthyPercentage: ref(150)},
				}
			},
			want: []string{
				`nodeRoleOptions.additionalPolicyArns[0] ("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy") is attached already`,
				`nodeSecurityGroupOptions.rulesProfile ("open") must be one of: default, strict`,
				`nodeSecurityGroupOptions.sshSourceCidrs[0] ("0.0.0.0/0"): SSH from the internet is refused`,
				`nodeSecurityGroupOptions.egressRules[0].cidrIpv4 ("10.0.0.1/8") must name its network address: 10.0.0.0/8`,
				"instanceRefresh.maxHealthyPercentage (150) may be at most 100 above minHealthyPercentage (10)",
			},
		},
		{
			name:  "NodeRole",
			token: nodegroup.NodeRoleToken,
			args: func() any {
				return &nodegroup.NodeRoleArgs{
					Path:                "eks",
					PermissionsBoundary: pulumi.String("boundary"),
					AccessEntryType:     ref(nodegroup.AccessEntryType("FARGATE_LINUX")),
					Tags:                pulumi.ToStringMap(map[string]string{"aws:owner": "me"}),
				}
			},
			want: []string{
				"clusterName is required when createAccessEntry is true",
				`accessEntryType ("FARGATE_LINUX") must be one of: EC2_LINUX, EC2_WINDOWS`,
				`permissionsBoundary ("boundary") must be an IAM policy ARN`,
				`tags["aws:owner"]: the key "aws:owner" uses the aws: prefix`,
			},
		},
		{
			name:  "NodeSecurityGroup",
			token: nodegroup.NodeSecurityGroupToken,
			args: func() any {
				return &nodegroup.NodeSecurityGroupArgs{
					ClusterName:               pulumi.String("demo"),
					VpcId:                     pulumi.String("vpc-1"),
					ClusterSecurityGroupId:    pulumi.String("sg-0123456789abcdef0"),
					SshSourceSecurityGroupIds: pulumi.ToStringArray([]string{"sg-0123456789abcdef0", "sg-0123456789abcdef0"}),
					IngressRules:              []nodegroup.SecurityGroupRule{{Description: "both", Protocol: "tcp", FromPort: ref(80), CidrIpv4: pulumi.String("10.0.0.0/8"), CidrIpv6: pulumi.String("::/0")}},
					Tags:                      pulumi.ToStringMap(map[string]string{"kubernetes.io/cluster/demo": "shared"}),
				}
			},
			want: []string{
				`vpcId ("vpc-1") must be a VPC ID such as vpc-0123456789abcdef0`,
				`sshSourceSecurityGroupIds lists "sg-0123456789abcdef0" more than once`,
				"ingressRules[0] must set exactly one of cidrIpv4, cidrIpv6, prefixListId and securityGroupId (it sets 2)",
				`tags["kubernetes.io/cluster/demo"]: the key "kubernetes.io/cluster/demo" is managed by eksnodes`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const name = "ng"
			inputs := componentInputs(t, tt.args())
			assertMapsEveryField(t, tt.args(), inputs)

			goRun, goErr := runGo(t, goConstructor(t, name, tt.args()))
			require.Error(t, goErr, "Go path")
			var verr *nodegroup.ValidationError
			require.True(t, errors.As(goErr, &verr), "the Go path fails with a ValidationError, not: %v", goErr)
			assert.Equal(t, tt.token, verr.Token)
			for _, want := range tt.want {
				assert.Contains(t, verr.Error(), want)
			}

			pluginRun, pluginErr := construct(t, tt.token, name, inputs)
			require.Error(t, pluginErr, "plugin path")
			assert.Contains(t, pluginErr.Error(), verr.Error(), "the plugin reports exactly the Go problems")

			assert.Empty(t, goRun.Children, "Go path registered")
			assert.Empty(t, pluginRun.Children, "plugin path registered")
		})
	}
}
