package nodegroup

// publishedRange is the span of Kubernetes minor versions (1.<first> to 1.<last>) for which AWS
// publishes an EKS-optimized AMI; last 0 means it is still published for new versions.
type publishedRange struct {
	first, last int
	source      string // where the fact comes from
}

// latestKubernetesMinor is the newest Kubernetes minor EKS supports (source: "Amazon EKS and
// Amazon EKS Distro now support Kubernetes version 1.37", 2026-10-02,
// https://aws.amazon.com/about-aws/whats-new/2026/10/amazon-eks-distro-kubernetes-version-1-37/).
// We saw this announcement only in third-party summaries that link to it, not on the AWS page.
// Lifecycle: standard support runs 14 months from the EKS release, then extended support runs
// 12 more (https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html).
//
// Oldest minor still being built, late 2026: the amazon-eks-ami release v20260714 built
// AL2023 AMIs for 1.30 to 1.36. 1.30 left extended support on 2026-07-23, 1.31 leaves on
// 2026-11-26, and 1.32 leaves on 2027-03-23 (endoflife-date/endoflife.date
// products/amazon-eks.md). So 1.31 is the oldest until 2026-11-26, then 1.32. Bottlerocket
// 1.61.x ships aws-k8s-1.30 to 1.36. We could not confirm whether SSM parameters for
// end-of-life minors stay readable (not updated) or are removed.
const latestKubernetesMinor = 37

// publishedAMIs: key is an AMI family name: "AL2023", "AL2023/nvidia", "AL2023/neuron", "Bottlerocket", "Bottlerocket/nvidia", "Bottlerocket/fips", "Bottlerocket/nvidia-fips", "Windows2019", "Windows2022", "Windows2025", "AL2", "AL2/nvidia".
var publishedAMIs = map[string]publishedRange{
	// First AL2023 AMIs: amazon-eks-ami v20240213, for 1.23 to 1.29, x86_64 and arm64.
	// The CHANGELOG covers releases up to 1.36 (v20260714).
	"AL2023": {first: 23, last: 0, source: "github.com/awslabs/amazon-eks-ami CHANGELOG.md (v20240213: amazon-eks-node-al2023-*-standard-1.23..); https://aws.amazon.com/blogs/containers/amazon-eks-optimized-amazon-linux-2023-amis-now-available/"},
	// The first accelerated AL2023 release (v20240924) covered 1.23 to 1.30, x86_64 only.
	// arm64 nvidia AMIs appear in the CHANGELOG from 1.25 onward.
	"AL2023/nvidia": {first: 23, last: 0, source: "github.com/awslabs/amazon-eks-ami CHANGELOG.md (v20240924: amazon-eks-node-al2023-x86_64-nvidia-560-1.23..; arm64 nvidia from 1.25)"},
	"AL2023/neuron": {first: 23, last: 0, source: "github.com/awslabs/amazon-eks-ami CHANGELOG.md (v20240924: amazon-eks-node-al2023-x86_64-neuron-1.23..); x86_64 only"},
	// Bottlerocket 1.0 shipped aws-k8s-1.15. 1.61.0 (2026-05-18) added the 1.36 variants;
	// we found no 1.37 variant yet.
	"Bottlerocket":             {first: 15, last: 0, source: "github.com/bottlerocket-os/bottlerocket release notes v1.0.8 (aws-k8s-1.15) and v1.61.0 (aws-k8s-1.36)"},
	"Bottlerocket/nvidia":      {first: 21, last: 0, source: "github.com/bottlerocket-os/bottlerocket release notes v1.6.0 (adds aws-k8s-1.21-nvidia)"},
	"Bottlerocket/fips":        {first: 28, last: 0, source: "https://bottlerocket.dev/en/os/1.27.x/version-information/fips-modules (earliest is aws-k8s-1.28-fips)"},
	"Bottlerocket/nvidia-fips": {first: 29, last: 0, source: "https://bottlerocket.dev/en/os/1.51.x/version-information/fips-modules (earliest is aws-k8s-1.29-nvidia-fips; 1.28 has only -fips)"},
	// EKS Windows support reached GA on 2019-10-07 with 1.14. The Windows release calendar lists
	// no end date for Windows Server 2019. A public SSM parameter for 1.35 is referenced; we found
	// none for 1.36 or 1.37, so last 0 is unconfirmed for those two minors.
	"Windows2019": {first: 14, last: 0, source: "https://docs.aws.amazon.com/eks/latest/userguide/eks-optimized-windows-ami.html (release calendar: Windows Server 2019 released 10/7/2019, no end of support)"},
	"Windows2022": {first: 23, last: 0, source: "github.com/eksctl-io/eksctl pkg/ami/ssm_resolver.go (Windows Server 2022 minVersion = Version1_23); EKS release 10/17/2022 per eks-optimized-windows-ami.html"},
	"Windows2025": {first: 35, last: 0, source: "github.com/eksctl-io/eksctl pkg/ami/ssm_resolver.go (Windows Server 2025 minVersion = Version1_35); https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-versions-windows.html (first 2025 AMI 1.35-2026-01-22)"},
	// AWS stopped publishing AL2 AMIs on 2025-11-26, and none exist for 1.33 and later.
	// EKS launched with 1.10 (amazon-eks-node-1.10 / amazon-eks-gpu-node-1.10). We did not check
	// whether the SSM parameters go back that far.
	"AL2":        {first: 10, last: 32, source: "https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html; kubernetes-versions-extended.html (no AL2 AMI for 1.33); eksctl AmazonLinux2EOLVersion = 1.33"},
	"AL2/nvidia": {first: 10, last: 32, source: "https://docs.aws.amazon.com/eks/latest/userguide/eks-ami-deprecation-faqs.html (AL2 accelerated AMIs end with AL2); github.com/awslabs/amazon-eks-ami CHANGELOG.md (amazon-eks-gpu-node-1.32 is the last)"},
}
