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
