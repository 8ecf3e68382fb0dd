package nodegroup

// The typed NodeConfig options of AL2023 nodes (nodeadm's node.eks.aws/v1alpha1 NodeConfig,
// whose schema is the CRD in github.com/awslabs/amazon-eks-ami nodeadm/crds), and the kubelet
// settings every operating system takes in its own form (maxPods, kubeReserved).

// LocalStorage is how nodeadm uses the instance store volumes (NVMe disks that come with the
// instance type, such as on m6id or i4i) of AL2023 nodes: NodeConfig `spec.instance.localStorage`.
// nodeadm does nothing with an instance that has none.
type LocalStorage struct {
	// How the instance store volumes are used: `RAID0` stripes them into one array, `RAID10`
	// stripes and mirrors them (at least four disks), `Mount` mounts each one on its own. Required.
	// The array (or each disk) holds the containerd state, the pod logs and the kubelet's
	// ephemeral storage unless `disabledMounts` keeps them on the root volume.
	Strategy LocalStorageStrategy `pulumi:"strategy"`

	// Where the file system is mounted: an absolute path. Default nodeadm's, `/mnt/k8s-disks/`.
	MountPath string `pulumi:"mountPath,optional"`

	// The directories that stay on the root volume instead of moving to the instance store:
	// `Containerd` (`/var/lib/containerd`), `PodLogs` (`/var/log/pods`), `SOCI`
	// (`/var/lib/soci-snapshotter-grpc`). Default none: all of them move. Each at most once.
	DisabledMounts []DisabledMount `pulumi:"disabledMounts,optional"`
}

// LocalStorageStrategy is how nodeadm combines the instance store volumes of an AL2023 node.
type LocalStorageStrategy string

// Local storage strategies, as nodeadm spells them.
const (
	// Stripe the instance store volumes into one RAID-0 array: all their space and speed, no
	// redundancy.
	LocalStorageRAID0 LocalStorageStrategy = "RAID0"
	// Stripe and mirror the instance store volumes into one RAID-10 array: half their space,
	// survives the loss of a disk. Needs at least four volumes.
	LocalStorageRAID10 LocalStorageStrategy = "RAID10"
	// Mount each instance store volume on its own under the mount path, without RAID.
	LocalStorageMount LocalStorageStrategy = "Mount"
)

// DisabledMount is a directory nodeadm keeps on the root volume instead of moving it to the
// instance store.
type DisabledMount string

// Directories that may stay on the root volume.
const (
	// `/var/lib/containerd`: container images and writable layers.
	DisabledMountContainerd DisabledMount = "Containerd"
	// `/var/log/pods`: the pods' logs.
	DisabledMountPodLogs DisabledMount = "PodLogs"
	// `/var/lib/soci-snapshotter-grpc`: the SOCI snapshotter's state (lazy-loaded images).
	DisabledMountSOCI DisabledMount = "SOCI"
)

var (
	localStorageStrategies = []LocalStorageStrategy{LocalStorageRAID0, LocalStorageRAID10, LocalStorageMount}
	disabledMounts         = []DisabledMount{DisabledMountContainerd, DisabledMountPodLogs, DisabledMountSOCI}
)
