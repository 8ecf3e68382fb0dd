package nodegroup

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badNodeGroupInputs is the catalogue of invalid NodeGroup inputs: each mutation of a valid
// input must be refused with a message that names the property.
var badNodeGroupInputs = []struct {
	name   string
	mutate func(a *NodeGroupArgs)
	want   string
}{
	{"missing cluster name", func(a *NodeGroupArgs) { a.Cluster.Name = nil }, "cluster.name is required"},
	{"missing endpoint", func(a *NodeGroupArgs) { a.Cluster.Endpoint = nil }, "cluster.endpoint is required"},
	{"missing CA", func(a *NodeGroupArgs) { a.Cluster.CertificateAuthority = nil }, "cluster.certificateAuthority is required"},
	{"missing service CIDR", func(a *NodeGroupArgs) { a.Cluster.ServiceCidr = nil }, "cluster.serviceCidr is required"},
	{"missing version without amiId", func(a *NodeGroupArgs) { a.Cluster.Version = nil }, "cluster.version is required unless amiId is set"},
	{"missing cluster SG", func(a *NodeGroupArgs) { a.Cluster.SecurityGroupId = nil }, "cluster.securityGroupId is required unless nodeSecurityGroupId is set"},
	{"missing VPC", func(a *NodeGroupArgs) { a.Cluster.VpcId = nil }, "cluster.vpcId is required unless nodeSecurityGroupId is set"},
	{"bad cluster name", func(a *NodeGroupArgs) { a.Cluster.Name = pulumi.String("-demo") }, `cluster.name ("-demo") must be 1-100 letters`},
	{"http endpoint", func(a *NodeGroupArgs) { a.Cluster.Endpoint = pulumi.String("http://x.eks.amazonaws.com") }, `cluster.endpoint ("http://x.eks.amazonaws.com") must be an https:// URL`},
	{"CA not base64 PEM", func(a *NodeGroupArgs) { a.Cluster.CertificateAuthority = pulumi.String("not-base64!") }, "cluster.certificateAuthority must be the base64-encoded PEM"},
	{"service CIDR not a CIDR", func(a *NodeGroupArgs) { a.Cluster.ServiceCidr = pulumi.String("172.20.0.0") }, `cluster.serviceCidr ("172.20.0.0") must be an IPv4 CIDR`},
	{"service CIDR not canonical", func(a *NodeGroupArgs) { a.Cluster.ServiceCidr = pulumi.String("172.20.0.1/16") }, `cluster.serviceCidr ("172.20.0.1/16") must name its network address: 172.20.0.0/16`},
	{"bad version", func(a *NodeGroupArgs) { a.Cluster.Version = pulumi.String("v1.33") }, `cluster.version ("v1.33") must be a Kubernetes minor version`},
	{"bad cluster SG", func(a *NodeGroupArgs) { a.Cluster.SecurityGroupId = pulumi.String("default") }, `cluster.securityGroupId ("default") must be a security group ID`},
	{"bad VPC", func(a *NodeGroupArgs) { a.Cluster.VpcId = pulumi.String("vpc-xyz") }, `cluster.vpcId ("vpc-xyz") must be a VPC ID`},
	{"missing subnets", func(a *NodeGroupArgs) { a.SubnetIds = nil }, "subnetIds is required"},
	{"empty subnets", func(a *NodeGroupArgs) { a.SubnetIds = pulumi.StringArray{} }, "subnetIds must list at least one subnet"},
	{"bad subnet", func(a *NodeGroupArgs) {
		a.SubnetIds = pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "sn-1"})
	}, `subnetIds[1] ("sn-1") must be a subnet ID`},
	{"duplicate subnet", func(a *NodeGroupArgs) {
		a.SubnetIds = pulumi.ToStringArray([]string{"subnet-0123456789abcdef0", "subnet-0123456789abcdef0"})
	}, `subnetIds lists "subnet-0123456789abcdef0" more than once`},
	{"unknown OS", func(a *NodeGroupArgs) { a.OperatingSystem = Ref[OperatingSystem]("Ubuntu") }, `operatingSystem ("Ubuntu") must be one of: AL2023, Bottlerocket, Windows2019Core`},
	{"AL2 on 1.33", func(a *NodeGroupArgs) { a.OperatingSystem = Ref(AL2) }, "cluster.version (1.33): AWS publishes no EKS-optimized AL2 AMIs after Kubernetes 1.32; use AL2023 or Bottlerocket"},
	{"Windows on Graviton", func(a *NodeGroupArgs) { a.OperatingSystem, a.InstanceType = Ref(Windows2022Core), "m7g.large" }, "instanceType (m7g.large) is arm64; Windows nodes need x86_64"},
	{"Neuron on arm64", func(a *NodeGroupArgs) { a.AmiVariant, a.InstanceType = Ref(VariantNeuron), "m7g.large" }, "amiVariant (neuron): the AL2023 neuron AMI exists for x86_64 only"},
	{"FIPS on AL2023", func(a *NodeGroupArgs) { a.AmiVariant = Ref(VariantFips) }, "amiVariant (fips): there is no fips variant of the AL2023 AMI"},
	{"NVIDIA on Windows", func(a *NodeGroupArgs) { a.OperatingSystem, a.AmiVariant = Ref(Windows2019Core), Ref(VariantNvidia) }, "there is no nvidia variant of the Windows2019Core AMI"},
	{"release pin on Windows", func(a *NodeGroupArgs) { a.OperatingSystem, a.AmiReleaseVersion = Ref(Windows2025Core), "v20250704" }, `amiReleaseVersion ("v20250704"): Windows2025Core AMIs have no release-pinned parameters`},
	{"bad AL2023 release", func(a *NodeGroupArgs) { a.AmiReleaseVersion = "2025-07-04" }, `amiReleaseVersion ("2025-07-04"): "2025-07-04" is not an EKS AMI release`},
	{"bad Bottlerocket release", func(a *NodeGroupArgs) { a.OperatingSystem, a.AmiReleaseVersion = Ref(Bottlerocket), "latest" }, `amiReleaseVersion ("latest"): "latest" is not a Bottlerocket version`},
	{"amiId without architecture", func(a *NodeGroupArgs) { a.AmiId = pulumi.String("ami-0123456789abcdef0") }, "architecture is required with amiId"},
	{"architecture mismatch", func(a *NodeGroupArgs) {
		a.AmiId, a.Architecture = pulumi.String("ami-0123456789abcdef0"), Ref(ARM64)
	}, "architecture (arm64) does not match the default instance type t3.medium (x86_64)"},
	{"variant with amiId", func(a *NodeGroupArgs) {
		a.AmiId, a.Architecture, a.AmiVariant = pulumi.String("ami-0123456789abcdef0"), Ref(X86_64), Ref(VariantNvidia)
	}, "amiVariant (nvidia) conflicts with amiId"},
	{"release with amiId", func(a *NodeGroupArgs) {
		a.AmiId, a.Architecture, a.AmiReleaseVersion = pulumi.String("ami-0123456789abcdef0"), Ref(X86_64), "v20250704"
	}, "amiReleaseVersion conflicts with amiId"},
	{"kubelet args on Bottlerocket", func(a *NodeGroupArgs) { a.OperatingSystem, a.KubeletExtraArgs = Ref(Bottlerocket), "--max-pods=10" }, "kubeletExtraArgs does not apply to operatingSystem Bottlerocket"},
	{"kubelet config on Bottlerocket", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.KubeletConfig = Ref(Bottlerocket), map[string]any{"maxPods": 10}
	}, "kubeletConfig does not apply to operatingSystem Bottlerocket: set kubelet settings under bottlerocketSettings.kubernetes"},
	{"script on Bottlerocket", func(a *NodeGroupArgs) { a.OperatingSystem, a.PreBootstrapUserData = Ref(Bottlerocket), "echo" }, "preBootstrapUserData does not apply to operatingSystem Bottlerocket"},
	{"kubelet config on Windows", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.KubeletConfig = Ref(Windows2022Full), map[string]any{"maxPods": 10}
	}, "kubeletConfig does not apply to operatingSystem Windows2022Full"},
	{"kubelet config on AL2", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.KubeletConfig = Ref(AL2), map[string]any{"maxPods": 10}
	}, "kubeletConfig does not apply to operatingSystem AL2"},
	{"Bottlerocket settings on AL2023", func(a *NodeGroupArgs) { a.BottlerocketSettings = map[string]any{"kernel": map[string]any{}} }, "bottlerocketSettings does not apply to operatingSystem AL2023: it is for Bottlerocket only"},
	{"Bottlerocket settings replacing a table", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.BottlerocketSettings = Ref(Bottlerocket), map[string]any{"kubernetes": "x"}
	}, "bottlerocketSettings cannot be rendered into the Bottlerocket user data: setting settings.kubernetes is a table"},
	{"Bottlerocket settings replacing a baseline table", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.Hardening = Ref(Bottlerocket), Ref(HardeningBaseline)
		a.BottlerocketSettings = map[string]any{"kernel": "integrity"}
	}, "bottlerocketSettings cannot be rendered into the Bottlerocket user data: setting settings.kernel is a table"},
	{"Windows root volume too small", func(a *NodeGroupArgs) { a.OperatingSystem, a.NodeRootVolumeSize = Ref(Windows2022Core), ptr(30) }, "nodeRootVolumeSize (30) must be at least 50 GiB, the size of the EKS-optimized Windows2022Core AMI's snapshot"},
	{"bad architecture", func(a *NodeGroupArgs) {
		a.AmiId, a.Architecture = pulumi.String("ami-0123456789abcdef0"), Ref[Architecture]("riscv64")
	}, `architecture ("riscv64") must be one of: x86_64, arm64`},
	{"bad instance type", func(a *NodeGroupArgs) { a.InstanceType = "large" }, `instanceType ("large") is not an EC2 instance type`},
	{"mac instance type", func(a *NodeGroupArgs) { a.InstanceType = "mac2.metal" }, `instanceType ("mac2.metal") is a Mac instance (mac2 family), which cannot run EKS nodes`},
	{"bad AMI", func(a *NodeGroupArgs) { a.AmiId = pulumi.String("ami-123") }, `amiId ("ami-123") must be an AMI ID`},
	{"max below min", func(a *NodeGroupArgs) { a.MinSize, a.MaxSize, a.DesiredCapacity = ptr(2), ptr(1), ptr(1) }, "maxSize (1) must be >= minSize (2)"},
	{"max above 32 bits", func(a *NodeGroupArgs) { a.MaxSize = ptr(1 << 31) }, "maxSize (2147483648) must be at most 2147483647"},
	{"negative min", func(a *NodeGroupArgs) { a.MinSize = ptr(-1) }, "minSize (-1) must be at least 0"},
	{"desired above max", func(a *NodeGroupArgs) { a.MaxSize, a.DesiredCapacity = ptr(3), ptr(4) }, "desiredCapacity (4) must be between minSize (1) and maxSize (3)"},
	{"desired below min", func(a *NodeGroupArgs) { a.MinSize, a.DesiredCapacity = ptr(2), ptr(1) }, "desiredCapacity (1) must be between minSize (2) and maxSize (2)"},
	{"bad label key", func(a *NodeGroupArgs) { a.Labels = map[string]string{"bad key": "x"} }, `labels["bad key"]: the key name part must consist of alphanumeric characters`},
	{"bad label value", func(a *NodeGroupArgs) { a.Labels = map[string]string{"team": "a b"} }, `labels["team"]: the value "a b" a valid label must be`},
	{"long label value", func(a *NodeGroupArgs) { a.Labels = map[string]string{"team": strings.Repeat("a", 64)} }, `labels["team"]: the value "aaaa`},
	{"kubelet-owned label", func(a *NodeGroupArgs) { a.Labels = map[string]string{"node-role.kubernetes.io/worker": ""} }, `labels["node-role.kubernetes.io/worker"]: the kubelet may not set labels under kubernetes.io/`},
	{"k8s.io label", func(a *NodeGroupArgs) { a.Labels = map[string]string{"k8s.io/team": "a"} }, `labels["k8s.io/team"]: the kubelet may not set labels`},
	{"bad taint key", func(a *NodeGroupArgs) { a.Taints = map[string]Taint{"a/b/c": {Effect: NoSchedule}} }, `taints["a/b/c"]: the key a qualified name`},
	{"bad taint value", func(a *NodeGroupArgs) { a.Taints = map[string]Taint{"gpu": {Value: "yes please", Effect: NoSchedule}} }, `taints["gpu"].value ("yes please") a valid label`},
	{"bad taint effect", func(a *NodeGroupArgs) { a.Taints = map[string]Taint{"gpu": {Effect: "NoRun"}} }, `taints["gpu"].effect ("NoRun") must be one of: NoSchedule, PreferNoSchedule, NoExecute`},
	{"missing taint effect", func(a *NodeGroupArgs) { a.Taints = map[string]Taint{"gpu": {Value: "true"}} }, `taints["gpu"].effect ("") must be`},
	{"kubelet arg without dashes", func(a *NodeGroupArgs) { a.KubeletExtraArgs = "max-pods=10" }, `kubeletExtraArgs: "max-pods=10" must be a kubelet flag such as --max-pods=58`},
	{"node labels through kubelet args", func(a *NodeGroupArgs) { a.KubeletExtraArgs = "--node-labels=a=b" }, "kubeletExtraArgs: set node-labels with labels, not --node-labels=a=b"},
	{"taints through kubelet args", func(a *NodeGroupArgs) { a.KubeletExtraArgs = "--register-with-taints=a=b:NoSchedule" }, "kubeletExtraArgs: set register-with-taints with taints, not --register-with-taints=a=b:NoSchedule"},
	{"override with labels", func(a *NodeGroupArgs) {
		a.UserDataOverride = "#!/bin/bash\necho hi"
		a.Labels = map[string]string{"a": "b"}
	}, "userDataOverride conflicts with labels"},
	{"override with pre script", func(a *NodeGroupArgs) {
		a.UserDataOverride = "#!/bin/bash\necho hi"
		a.PreBootstrapUserData = "echo pre"
	}, "userDataOverride conflicts with preBootstrapUserData"},
	{"override too large", func(a *NodeGroupArgs) { a.UserDataOverride = strings.Repeat("x", 16385) }, "userDataOverride is 16385 bytes; EC2 allows 16384"},
	{"user data too large", func(a *NodeGroupArgs) { a.PreBootstrapUserData = strings.Repeat("echo 0123456789\n", 1000) }, "the rendered user data is"},
	{"script with a NUL byte", func(a *NodeGroupArgs) { a.PostBootstrapUserData = "echo a\x00b\n" }, "postBootstrapUserData holds a NUL byte"},
	{"profile without role", func(a *NodeGroupArgs) {
		a.InstanceProfileArn = pulumi.String("arn:aws:iam::111122223333:instance-profile/nodes")
	}, "instanceProfileArn requires roleArn"},
	{"profile with role options", func(a *NodeGroupArgs) {
		a.InstanceProfileArn = pulumi.String("arn:aws:iam::111122223333:instance-profile/nodes")
		a.RoleArn = pulumi.String("arn:aws:iam::111122223333:role/nodes")
		a.NodeRoleOptions = &NodeRoleOptions{EnableSsmAccess: true}
	}, "nodeRoleOptions conflicts with instanceProfileArn"},
	{"bad profile ARN", func(a *NodeGroupArgs) {
		a.InstanceProfileArn = pulumi.String("arn:aws:iam::111122223333:role/nodes")
		a.RoleArn = pulumi.String("arn:aws:iam::111122223333:role/nodes")
	}, `instanceProfileArn ("arn:aws:iam::111122223333:role/nodes") must be an IAM instance profile ARN`},
	{"bad role ARN", func(a *NodeGroupArgs) {
		a.InstanceProfileArn = pulumi.String("arn:aws:iam::111122223333:instance-profile/nodes")
		a.RoleArn = pulumi.String("nodes")
	}, `roleArn ("nodes") must be an IAM role ARN`},
	{"bad role path", func(a *NodeGroupArgs) { a.NodeRoleOptions = &NodeRoleOptions{Path: "platform"} }, `nodeRoleOptions.path ("platform") must start and end with /`},
	{"bad boundary", func(a *NodeGroupArgs) {
		a.NodeRoleOptions = &NodeRoleOptions{PermissionsBoundary: pulumi.String("boundary")}
	}, `nodeRoleOptions.permissionsBoundary ("boundary") must be an IAM policy ARN`},
	{"bad extra policy", func(a *NodeGroupArgs) {
		a.NodeRoleOptions = &NodeRoleOptions{AdditionalPolicyArns: pulumi.ToStringArray([]string{"AdministratorAccess"})}
	}, `nodeRoleOptions.additionalPolicyArns[0] ("AdministratorAccess") must be an IAM policy ARN`},
	{"worker policy twice", func(a *NodeGroupArgs) {
		a.NodeRoleOptions = &NodeRoleOptions{AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"})}
	}, "nodeRoleOptions.additionalPolicyArns[0] (\"arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy\") is attached already"},
	{"ssm policy twice", func(a *NodeGroupArgs) {
		a.NodeRoleOptions = &NodeRoleOptions{EnableSsmAccess: true, AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"})}
	}, "is attached already by eksnodes (the worker policies, and AmazonSSMManagedInstanceCore with enableSsmAccess"},
	{"policies with one name", func(a *NodeGroupArgs) {
		a.NodeRoleOptions = &NodeRoleOptions{AdditionalPolicyArns: pulumi.ToStringArray([]string{"arn:aws:iam::111122223333:policy/a/x", "arn:aws:iam::111122223333:policy/b/x"})}
	}, "has the same policy name as"},
	{"SG id with SG options", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupId = pulumi.String("sg-0123456789abcdef1")
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{RulesProfile: Ref(RulesStrict)}
	}, "nodeSecurityGroupOptions conflicts with nodeSecurityGroupId"},
	{"bad node SG id", func(a *NodeGroupArgs) { a.NodeSecurityGroupId = pulumi.String("nodes") }, `nodeSecurityGroupId ("nodes") must be a security group ID`},
	{"bad extra SG", func(a *NodeGroupArgs) { a.ExtraNodeSecurityGroupIds = pulumi.ToStringArray([]string{"sg-1"}) }, `extraNodeSecurityGroupIds[0] ("sg-1") must be a security group ID`},
	{"unknown rules profile", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{RulesProfile: Ref[RulesProfile]("open")}
	}, `nodeSecurityGroupOptions.rulesProfile ("open") must be one of: default, strict`},
	{"port already open", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{ExtraClusterIngressPorts: []int{1025}, ClusterSecurityGroupTraffic: Ref(ClusterTrafficMinimal)}
	}, "nodeSecurityGroupOptions.extraClusterIngressPorts[0] (1025) is already open from the cluster security group in the default profile"},
	{"port out of range", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{RulesProfile: Ref(RulesStrict), ExtraClusterIngressPorts: []int{70000}}
	}, "nodeSecurityGroupOptions.extraClusterIngressPorts[0] (70000) must be a port between 1 and 65535"},
	{"ssh from anywhere", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{SshSourceCidrs: []string{"0.0.0.0/0"}}
	}, `nodeSecurityGroupOptions.sshSourceCidrs[0] ("0.0.0.0/0"): SSH from the internet is refused`},
	{"ssh bad CIDR", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{SshSourceCidrs: []string{"10.0.0.0/33"}}
	}, `nodeSecurityGroupOptions.sshSourceCidrs[0] ("10.0.0.0/33") must be an IPv4 CIDR`},
	{"ssh bad SG", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{SshSourceSecurityGroupIds: pulumi.ToStringArray([]string{"bastion"})}
	}, `nodeSecurityGroupOptions.sshSourceSecurityGroupIds[0] ("bastion") must be a security group ID`},
	{"rule without description", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{{Protocol: "tcp", FromPort: ptr(80), CidrIpv4: pulumi.String("10.0.0.0/8")}}}
	}, "nodeSecurityGroupOptions.ingressRules[0].description is required"},
	{"rule description charset", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{{Description: "héllo", Protocol: "tcp", FromPort: ptr(80), CidrIpv4: pulumi.String("10.0.0.0/8")}}}
	}, `nodeSecurityGroupOptions.ingressRules[0].description ("héllo") may only use`},
	{"rule descriptions clash", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{EgressRules: []SecurityGroupRule{
			{Description: "Web", Protocol: "tcp", FromPort: ptr(80), CidrIpv4: pulumi.String("0.0.0.0/0")},
			{Description: "web", Protocol: "tcp", FromPort: ptr(443), CidrIpv4: pulumi.String("0.0.0.0/0")}}}
	}, "nodeSecurityGroupOptions.egressRules[1].description (\"web\") must differ from nodeSecurityGroupOptions.egressRules[0].description"},
	{"rule bad protocol", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{{Description: "x", Protocol: "http", FromPort: ptr(80), CidrIpv4: pulumi.String("10.0.0.0/8")}}}
	}, `nodeSecurityGroupOptions.ingressRules[0].protocol ("http") must be one of: tcp, udp, icmp, icmpv6, -1`},
	{"rule tcp without port", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{{Description: "x", Protocol: "tcp", CidrIpv4: pulumi.String("10.0.0.0/8")}}}
	}, "nodeSecurityGroupOptions.ingressRules[0].fromPort is required for protocol tcp"},
	{"rule reversed ports", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{{Description: "x", Protocol: "tcp", FromPort: ptr(90), ToPort: ptr(80), CidrIpv4: pulumi.String("10.0.0.0/8")}}}
	}, "nodeSecurityGroupOptions.ingressRules[0].toPort (80) must be >= fromPort (90)"},
	{"rule all traffic with ports", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{{Description: "x", Protocol: "-1", FromPort: ptr(0), CidrIpv4: pulumi.String("10.0.0.0/8")}}}
	}, "nodeSecurityGroupOptions.ingressRules[0]: fromPort and toPort are not allowed with protocol -1"},
	{"rule without peer", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{{Description: "x", Protocol: "tcp", FromPort: ptr(80)}}}
	}, "nodeSecurityGroupOptions.ingressRules[0] must set exactly one of cidrIpv4, cidrIpv6, prefixListId and securityGroupId (it sets 0)"},
	{"rule with two peers", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{IngressRules: []SecurityGroupRule{{Description: "x", Protocol: "tcp", FromPort: ptr(80), CidrIpv4: pulumi.String("10.0.0.0/8"), SecurityGroupId: pulumi.String("sg-0123456789abcdef0")}}}
	}, "(it sets 2)"},
	{"rule bad IPv6", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{EgressRules: []SecurityGroupRule{{Description: "x", Protocol: "-1", CidrIpv6: pulumi.String("10.0.0.0/8")}}}
	}, `nodeSecurityGroupOptions.egressRules[0].cidrIpv6 ("10.0.0.0/8") must be an IPv6 CIDR`},
	{"rule bad prefix list", func(a *NodeGroupArgs) {
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{EgressRules: []SecurityGroupRule{{Description: "x", Protocol: "-1", PrefixListId: pulumi.String("s3")}}}
	}, `nodeSecurityGroupOptions.egressRules[0].prefixListId ("s3") must be a prefix list ID`},
	{"http tokens", func(a *NodeGroupArgs) { a.MetadataOptions = &MetadataOptions{HttpTokens: Ref[HttpTokens]("v1")} }, `metadataOptions.httpTokens ("v1") must be one of: required, optional`},
	{"hop limit zero", func(a *NodeGroupArgs) { a.MetadataOptions = &MetadataOptions{HttpPutResponseHopLimit: ptr(0)} }, "metadataOptions.httpPutResponseHopLimit (0) must be between 1 and 64"},
	{"hop limit too high", func(a *NodeGroupArgs) { a.MetadataOptions = &MetadataOptions{HttpPutResponseHopLimit: ptr(65)} }, "metadataOptions.httpPutResponseHopLimit (65) must be between 1 and 64"},
	{"volume too small for the AMI", func(a *NodeGroupArgs) { a.NodeRootVolumeSize = ptr(8) }, "nodeRootVolumeSize (8) must be at least 20 GiB"},
	{"volume too large", func(a *NodeGroupArgs) { a.NodeRootVolumeSize = ptr(70000) }, "nodeRootVolumeSize (70000) must be between 1 and 65536 GiB for gp3"},
	{"HDD root volume", func(a *NodeGroupArgs) { a.NodeRootVolumeType = "st1" }, `nodeRootVolumeType ("st1") cannot be a boot volume`},
	{"unknown volume type", func(a *NodeGroupArgs) { a.NodeRootVolumeType = "gp4" }, `nodeRootVolumeType ("gp4") must be one of: gp3, gp2, io1, io2, standard`},
	{"iops on gp2", func(a *NodeGroupArgs) { a.NodeRootVolumeType, a.NodeRootVolumeIops = "gp2", ptr(3000) }, "nodeRootVolumeIops applies only to gp3, io1 and io2 volumes, not gp2"},
	{"gp3 iops too low", func(a *NodeGroupArgs) { a.NodeRootVolumeIops = ptr(1000) }, "nodeRootVolumeIops (1000) must be between 3000 and 80000 for gp3"},
	{"io2 without iops", func(a *NodeGroupArgs) { a.NodeRootVolumeType = "io2" }, "nodeRootVolumeIops is required for io2 volumes"},
	{"throughput on io1", func(a *NodeGroupArgs) {
		a.NodeRootVolumeType, a.NodeRootVolumeIops, a.NodeRootVolumeThroughput = "io1", ptr(1000), ptr(500)
	}, "nodeRootVolumeThroughput applies only to gp3 volumes, not io1"},
	{"gp3 throughput too high", func(a *NodeGroupArgs) { a.NodeRootVolumeThroughput = ptr(5000) }, "nodeRootVolumeThroughput (5000) must be between 125 and 2000 MiB/s"},
	{"KMS key without encryption", func(a *NodeGroupArgs) {
		a.NodeRootVolumeEncrypted = ptr(false)
		a.NodeRootVolumeKmsKeyId = pulumi.String("arn:aws:kms:us-east-1:111122223333:key/abc")
	}, "nodeRootVolumeKmsKeyId requires nodeRootVolumeEncrypted to be true"},
	{"bad KMS key", func(a *NodeGroupArgs) { a.NodeRootVolumeKmsKeyId = pulumi.String("alias/nodes") }, `nodeRootVolumeKmsKeyId ("alias/nodes") must be a KMS key or alias ARN`},
	{"negative grace period", func(a *NodeGroupArgs) { a.HealthCheckGracePeriod = ptr(-5) }, "healthCheckGracePeriod (-5) must be at least 0 seconds"},
	{"refresh min above 100", func(a *NodeGroupArgs) { a.InstanceRefresh = &InstanceRefresh{MinHealthyPercentage: ptr(101)} }, "instanceRefresh.minHealthyPercentage (101) must be between 0 and 100"},
	{"refresh max below 100", func(a *NodeGroupArgs) { a.InstanceRefresh = &InstanceRefresh{MaxHealthyPercentage: ptr(90)} }, "instanceRefresh.maxHealthyPercentage (90) must be between 100 and 200"},
	{"refresh window too wide", func(a *NodeGroupArgs) {
		a.InstanceRefresh = &InstanceRefresh{MinHealthyPercentage: ptr(50), MaxHealthyPercentage: ptr(200)}
	}, "instanceRefresh.maxHealthyPercentage (200) may be at most 100 above minHealthyPercentage (50)"},
	{"checkpoints not increasing", func(a *NodeGroupArgs) {
		a.InstanceRefresh = &InstanceRefresh{CheckpointPercentages: []int{50, 20, 100}}
	}, "instanceRefresh.checkpointPercentages[1] (20) must be above the previous checkpoint"},
	{"checkpoints not ending at 100", func(a *NodeGroupArgs) { a.InstanceRefresh = &InstanceRefresh{CheckpointPercentages: []int{50}} }, "instanceRefresh.checkpointPercentages must end with 100"},
	{"checkpoint delay alone", func(a *NodeGroupArgs) { a.InstanceRefresh = &InstanceRefresh{CheckpointDelay: ptr(60)} }, "instanceRefresh.checkpointDelay requires checkpointPercentages"},
	{"bad scale-in protected", func(a *NodeGroupArgs) { a.InstanceRefresh = &InstanceRefresh{ScaleInProtectedInstances: "Skip"} }, `instanceRefresh.scaleInProtectedInstances ("Skip") must be one of: Refresh, Ignore, Wait`},
	{"instance type with mixed policy", func(a *NodeGroupArgs) {
		a.InstanceType = "m7i.large"
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "m7i.large"}}}
	}, "instanceType conflicts with mixedInstancesPolicy"},
	{"mixed architectures", func(a *NodeGroupArgs) {
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "m7i.large"}, {InstanceType: "m7g.large"}}}
	}, "mixedInstancesPolicy.instanceTypes[1].instanceType m7g.large is arm64 but m7i.large is x86_64"},
	{"no instance types", func(a *NodeGroupArgs) { a.MixedInstancesPolicy = &MixedInstancesPolicy{} }, "mixedInstancesPolicy.instanceTypes must list 1 to 40 instance types, not 0"},
	{"repeated instance type", func(a *NodeGroupArgs) {
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "c7i.large"}, {InstanceType: "c7i.large"}}}
	}, "mixedInstancesPolicy.instanceTypes[1].instanceType c7i.large is listed more than once"},
	{"partial weights", func(a *NodeGroupArgs) {
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "c7i.large", WeightedCapacity: ptr(1)}, {InstanceType: "c7i.xlarge"}}}
	}, "give every type a weightedCapacity or none (1 of 2 have one)"},
	{"on-demand share above 100", func(a *NodeGroupArgs) {
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "c7i.large"}}, OnDemandPercentageAboveBaseCapacity: ptr(120)}
	}, "mixedInstancesPolicy.onDemandPercentageAboveBaseCapacity (120) must be between 0 and 100"},
	{"unknown spot strategy", func(a *NodeGroupArgs) {
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "c7i.large"}}, SpotAllocationStrategy: "cheapest"}
	}, `mixedInstancesPolicy.spotAllocationStrategy ("cheapest") must be one of: price-capacity-optimized`},
	{"spot pools without lowest-price", func(a *NodeGroupArgs) {
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "c7i.large"}}, SpotInstancePools: ptr(3)}
	}, "mixedInstancesPolicy.spotInstancePools applies only to spotAllocationStrategy lowest-price"},
	{"bad spot price", func(a *NodeGroupArgs) {
		a.MixedInstancesPolicy = &MixedInstancesPolicy{InstanceTypes: []InstanceTypeOverride{{InstanceType: "c7i.large"}}, SpotMaxPrice: "cheap"}
	}, `mixedInstancesPolicy.spotMaxPrice ("cheap") must be a price in USD per hour`},
	{"heartbeat too short", func(a *NodeGroupArgs) {
		a.TerminationLifecycleHook = &TerminationLifecycleHook{HeartbeatTimeout: ptr(10)}
	}, "terminationLifecycleHook.heartbeatTimeout (10) must be between 30 and 7200 seconds"},
	{"bad hook result", func(a *NodeGroupArgs) { a.TerminationLifecycleHook = &TerminationLifecycleHook{DefaultResult: "RETRY"} }, `terminationLifecycleHook.defaultResult ("RETRY") must be one of: CONTINUE, ABANDON`},
	{"hook target without role", func(a *NodeGroupArgs) {
		a.TerminationLifecycleHook = &TerminationLifecycleHook{NotificationTargetArn: pulumi.String("arn:aws:sqs:us-east-1:111122223333:drain")}
	}, "terminationLifecycleHook.notificationTargetArn requires terminationLifecycleHook.roleArn"},
	{"unknown hardening profile", func(a *NodeGroupArgs) { a.Hardening = Ref[HardeningProfile]("cis") }, `hardening ("cis") must be one of: none, baseline`},
	{"baseline with IMDSv1", func(a *NodeGroupArgs) {
		a.Hardening, a.MetadataOptions = Ref(HardeningBaseline), &MetadataOptions{HttpTokens: Ref(HttpTokensOptional)}
	}, "metadataOptions.httpTokens conflicts with hardening baseline: IMDSv2 tokens are required"},
	{"baseline with hop limit 2", func(a *NodeGroupArgs) {
		a.Hardening, a.MetadataOptions = Ref(HardeningBaseline), &MetadataOptions{HttpPutResponseHopLimit: ptr(2)}
	}, "metadataOptions.httpPutResponseHopLimit conflicts with hardening baseline"},
	{"baseline with SSH key", func(a *NodeGroupArgs) { a.Hardening, a.KeyName = Ref(HardeningBaseline), pulumi.String("ops") }, "keyName conflicts with hardening baseline: there is no SSH access; use Session Manager"},
	{"baseline with SSH port", func(a *NodeGroupArgs) {
		a.Hardening = Ref(HardeningBaseline)
		a.NodeSecurityGroupOptions = &NodeSecurityGroupOptions{SshSourceCidrs: []string{"10.0.0.0/8"}}
	}, "nodeSecurityGroupOptions.sshSourceCidrs conflicts with hardening baseline"},
	{"baseline with public IP", func(a *NodeGroupArgs) {
		a.Hardening, a.NodeAssociatePublicIpAddress = Ref(HardeningBaseline), ptr(true)
	}, "nodeAssociatePublicIpAddress conflicts with hardening baseline"},
	{"baseline with unencrypted volume", func(a *NodeGroupArgs) { a.Hardening, a.NodeRootVolumeEncrypted = Ref(HardeningBaseline), ptr(false) }, "nodeRootVolumeEncrypted conflicts with hardening baseline"},
	{"baseline with the admin container", func(a *NodeGroupArgs) {
		a.OperatingSystem, a.Hardening = Ref(Bottlerocket), Ref(HardeningBaseline)
		a.BottlerocketSettings = map[string]any{"host-containers": map[string]any{"admin": map[string]any{"enabled": true}}}
	}, "bottlerocketSettings.host-containers.admin.enabled conflicts with hardening baseline"},
	{"reserved tag", func(a *NodeGroupArgs) {
		a.Tags = pulumi.ToStringMap(map[string]string{"kubernetes.io/cluster/demo": "shared"})
	}, `tags["kubernetes.io/cluster/demo"]: the key "kubernetes.io/cluster/demo" is managed by eksnodes`},
	{"aws tag", func(a *NodeGroupArgs) { a.Tags = pulumi.ToStringMap(map[string]string{"aws:team": "x"}) }, `tags["aws:team"]: the key "aws:team" uses the aws: prefix`},
	{"too many tags", func(a *NodeGroupArgs) {
		tags := pulumi.StringMap{}
		for i := 0; i < 49; i++ {
			tags[strings.Repeat("k", i+1)] = pulumi.String("v")
		}
		a.Tags = tags
	}, "tags: 51 tags would be set (Name and the cluster tag); AWS allows 50 per resource"},
}

func TestValidationCatalogue(t *testing.T) {
	require.GreaterOrEqual(t, len(badNodeGroupInputs), 40)
	for _, tc := range badNodeGroupInputs {
		t.Run(tc.name, func(t *testing.T) {
			args := demoArgs()
			tc.mutate(args)
			assertRefused(t, args, tc.want)
		})
	}
}

func TestValidationReportsEveryProblemAtOnce(t *testing.T) {
	args := demoArgs()
	args.MinSize, args.MaxSize, args.DesiredCapacity = ptr(3), ptr(2), ptr(2)
	args.Labels = map[string]string{"bad key": "v"}
	args.MetadataOptions = &MetadataOptions{HttpPutResponseHopLimit: ptr(99)}
	args.Cluster.Endpoint = nil
	_, _, err := runNodeGroup(t, args)
	require.Error(t, err)
	msg := err.Error()
	for _, want := range []string{
		`eksnodes:index:NodeGroup "ng": 4 invalid inputs:`,
		"\n  - cluster.endpoint is required\n  - maxSize (2) must be >= minSize (3)\n  - labels[\"bad key\"]: the key",
		"\n  - metadataOptions.httpPutResponseHopLimit (99) must be between 1 and 64",
	} {
		assert.Contains(t, msg, want)
	}
	// One problem is reported once: a desired capacity cannot be checked against a range
	// that is itself refused.
	assert.NotContains(t, msg, "desiredCapacity")
}

func TestValidationOfOtherComponents(t *testing.T) {
	_, err := runNodeSecurityGroup(t, &NodeSecurityGroupArgs{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `eksnodes:index:NodeSecurityGroup "shared": 3 invalid inputs:`)
	for _, want := range []string{"clusterName is required", "vpcId is required", "clusterSecurityGroupId is required"} {
		assert.Contains(t, err.Error(), want)
	}

	_, _, err = runNodeRole(t, "aws", &NodeRoleArgs{AccessEntryType: Ref[AccessEntryType]("EC2_MAC"), Path: "x"})
	require.Error(t, err)
	for _, want := range []string{
		`eksnodes:index:NodeRole "nodes": 3 invalid inputs:`,
		"clusterName is required when createAccessEntry is true",
		`accessEntryType ("EC2_MAC") must be one of: EC2_LINUX, EC2_WINDOWS`,
		`path ("x") must start and end with /`,
	} {
		assert.Contains(t, err.Error(), want)
	}
	_, _, err = runNodeRole(t, "aws", &NodeRoleArgs{CreateAccessEntry: ptr(false)})
	assert.NoError(t, err, "a role without access entry needs no cluster")
}

// Values that arrive as outputs are checked again when they are known, before the user data
// reaches the launch template.
func TestDeployTimeValidationOfOutputs(t *testing.T) {
	args := demoArgs()
	args.Cluster.Endpoint = pulumi.String("http://insecure").ToStringOutput()
	_, _, err := runNodeGroup(t, args)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `cluster.endpoint ("http://insecure") must be an https:// URL`)
}

func TestKubeletMaySetLabel(t *testing.T) {
	for key, want := range map[string]bool{
		"team":                           true,
		"example.com/team":               true,
		"node.kubernetes.io/lifecycle":   true,
		"kubelet.kubernetes.io/x":        true,
		"topology.kubernetes.io/zone":    true,
		"kubernetes.io/arch":             true,
		"node-role.kubernetes.io/worker": false,
		"kubernetes.io/role":             false,
		"k8s.io/x":                       false,
		"sub.k8s.io/x":                   false,
		"x.node.kubernetes.io/y":         true,
		"eks.amazonaws.com/capacityType": true,
	} {
		assert.Equal(t, want, kubeletMaySetLabel(key), key)
	}
}
