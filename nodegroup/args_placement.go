package nodegroup

import "github.com/pulumi/pulumi/sdk/v3/go/pulumi"

// DataVolume is an EBS volume the nodes get besides their root volume.
type DataVolume struct {
	// The device name the volume is attached as, e.g. `/dev/xvdc`: `/dev/sd[b-z]` or
	// `/dev/xvd[b-z]` (Windows also takes `xvd[b-z]`). Required, unique (`/dev/sdf` and `/dev/xvdf`
	// are the same device), and not a device of the operating system's own volumes (`/dev/xvda`,
	// and `/dev/xvdb` on Bottlerocket; `/dev/sda1` on Windows). The operating system may show it
	// under another name (NVMe on Nitro instances).
	DeviceName string `pulumi:"deviceName"`

	// The size in GiB. Required: `gp3` 1-65536, `gp2` 1-16384, `io1` 4-16384, `io2` 4-65536,
	// `st1` and `sc1` 125-16384, `standard` 1-1024.
	Size int `pulumi:"size"`

	// The volume type: `gp3` (default), `gp2`, `io1`, `io2`, `st1`, `sc1` or `standard`.
	Type string `pulumi:"type,optional"`

	// Provisioned IOPS. Only for `gp3` (3000-80000), `io1` (100-64000) and `io2` (100-256000);
	// required for `io1` and `io2`. Default: the volume type's baseline (3000 for gp3).
	Iops *int `pulumi:"iops,optional"`

	// Throughput in MiB/s. Only for `gp3` (125-2000). Default: 125.
	Throughput *int `pulumi:"throughput,optional"`

	// Whether the volume is encrypted. Default true.
	Encrypted *bool `pulumi:"encrypted,optional"`

	// The KMS key ARN that encrypts the volume. Default: the account's default EBS key. Requires
	// encryption.
	KmsKeyId pulumi.StringInput `pulumi:"kmsKeyId,optional"`

	// Whether the volume is deleted when the node terminates. Default true.
	DeleteOnTermination *bool `pulumi:"deleteOnTermination,optional"`
}

// EfaOptions attach Elastic Fabric Adapter (EFA) interfaces to the nodes, for NCCL and MPI
// traffic between them.
type EfaOptions struct {
	// The number of network cards that get an EFA, 1 or more, at most the instance type's network
	// card count (e.g. 32 on p5.48xlarge, 4 on p4d.24xlarge). Default 1: the primary interface is
	// an EFA (with ENA). Network cards 1 to `interfaceCount`-1 each get one more interface of
	// `secondaryInterfaceType` at device index 1. Nodes with more than one interface cannot get a
	// public IP address.
	InterfaceCount *int `pulumi:"interfaceCount,optional"`

	// The type of the interfaces on network cards 1 and up: `efa-only` (default: EFA device only, no
	// IP address, as AWS recommends for the extra cards of p5 and later) or `efa` (EFA with ENA).
	SecondaryInterfaceType *EfaInterfaceType `pulumi:"secondaryInterfaceType,optional"`
}

// PlacementGroupOptions place the nodes in an EC2 placement group: a new one eksnodes creates,
// or an existing one named by `name`.
type PlacementGroupOptions struct {
	// The name of an existing placement group (a value or another resource's output). Conflicts
	// with `strategy`, `partitionCount` and `spreadLevel`. Default: eksnodes creates a placement
	// group.
	Name pulumi.StringInput `pulumi:"name,optional"`

	// The strategy of the placement group eksnodes creates: `cluster` (default: nodes packed close
	// together in one Availability Zone, for low-latency networking), `spread` or `partition`.
	Strategy *PlacementStrategy `pulumi:"strategy,optional"`

	// The number of partitions, 1-7 (AWS's limit per Availability Zone). Only with strategy
	// `partition`. Default: AWS's (2).
	PartitionCount *int `pulumi:"partitionCount,optional"`

	// Where a spread group spreads nodes: `rack` (default: at most 7 running nodes per
	// Availability Zone) or `host` (AWS Outposts only). Only with strategy `spread`.
	SpreadLevel *SpreadLevel `pulumi:"spreadLevel,optional"`
}

// CapacityReservation chooses the EC2 capacity reservations the nodes launch into. Give exactly
// one of `preference`, `reservationId` and `resourceGroupArn` (leave `capacityReservation` unset
// for AWS's default).
type CapacityReservation struct {
	// `open` (AWS's default: any open reservation with matching attributes, else On-Demand
	// capacity) or `none` (never a reservation).
	Preference *CapacityReservationPreference `pulumi:"preference,optional"`

	// The ID of one targeted capacity reservation (`cr-...`, a value or another resource's output),
	// such as an On-Demand Capacity Reservation or a Capacity Block. Its instance type and
	// Availability Zone must match the group's.
	ReservationId pulumi.StringInput `pulumi:"reservationId,optional"`

	// The ARN of a capacity reservation resource group (a value or another resource's output),
	// whose reservations the nodes use first.
	ResourceGroupArn pulumi.StringInput `pulumi:"resourceGroupArn,optional"`
}

// InstanceMarketOptions is how the nodes' capacity is bought, besides On-Demand (and Spot, set
// with `mixedInstancesPolicy`).
type InstanceMarketOptions struct {
	// `capacity-block`: the nodes run in an EC2 Capacity Block for ML, named by
	// `capacityReservation.reservationId`. Required. A Capacity Block needs one instance type (no
	// `mixedInstancesPolicy`) of a GPU or Trainium family, and subnets in its Availability Zone.
	// Scale the group to zero before the block ends: EC2 terminates nodes still running then.
	MarketType MarketType `pulumi:"marketType"`
}

// CpuOptions set the processor of the nodes' instances.
type CpuOptions struct {
	// The number of CPU cores, at least 1 and at most the instance type's (e.g. to license per
	// core or to give each core more memory). Requires `threadsPerCore`. Default: all cores.
	CoreCount *int `pulumi:"coreCount,optional"`

	// Threads per core: 1 (simultaneous multithreading off) or 2. Graviton instances have 1.
	// Default: the instance type's (2 on most x86_64 types).
	ThreadsPerCore *int `pulumi:"threadsPerCore,optional"`

	// Whether AMD SEV-SNP memory encryption is on. Only on the AMD families that support it (c6a,
	// m6a, r6a). Default false.
	AmdSevSnp bool `pulumi:"amdSevSnp,optional"`
}

// EfaInterfaceType is the type of the EFA interfaces on network cards 1 and up.
type EfaInterfaceType string

// EFA interface types.
const (
	// An EFA with ENA: the EFA device and an IP-capable ENA device.
	EfaInterfaceTypeEfa EfaInterfaceType = "efa"
	// The EFA device only, with no IP address (the default for network cards 1 and up).
	EfaInterfaceTypeEfaOnly EfaInterfaceType = "efa-only"
)

// PlacementStrategy is how an EC2 placement group places instances.
type PlacementStrategy string

// Placement group strategies.
const (
	// Instances close together in one Availability Zone, for low-latency, high-throughput
	// networking between them (the default; what EFA workloads need).
	PlacementStrategyCluster PlacementStrategy = "cluster"
	// Each instance on distinct hardware (racks, or hosts on Outposts), to limit correlated
	// failures.
	PlacementStrategySpread PlacementStrategy = "spread"
	// Instances in partitions that share no racks with each other, for large distributed
	// workloads such as HDFS, HBase and Cassandra.
	PlacementStrategyPartition PlacementStrategy = "partition"
)

// SpreadLevel is the hardware a spread placement group spreads instances over.
type SpreadLevel string

// Spread levels.
const (
	// Distinct racks (the default).
	SpreadLevelRack SpreadLevel = "rack"
	// Distinct hosts, on AWS Outposts only.
	SpreadLevelHost SpreadLevel = "host"
)

// CapacityReservationPreference is which capacity reservations instances may use when none is
// targeted.
type CapacityReservationPreference string

// Capacity reservation preferences.
const (
	// Any open capacity reservation with matching attributes, else On-Demand capacity (AWS's
	// default).
	CapacityReservationOpen CapacityReservationPreference = "open"
	// Never a capacity reservation.
	CapacityReservationNone CapacityReservationPreference = "none"
)

// MarketType is a purchasing option of the nodes' capacity.
type MarketType string

// Market types.
const (
	// An EC2 Capacity Block for ML: GPU or Trainium instances reserved for a period.
	//schema:name CapacityBlock
	MarketTypeCapacityBlock MarketType = "capacity-block"
)

// CpuCredits is the CPU credit option of burstable (T family) instances.
type CpuCredits string

// CPU credit options.
const (
	// Instances burst while they have earned credits, then run at their baseline.
	CpuCreditsStandard CpuCredits = "standard"
	// Instances burst as long as needed; credits beyond those earned are charged.
	CpuCreditsUnlimited CpuCredits = "unlimited"
)
