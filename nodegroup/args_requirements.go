package nodegroup

// InstanceRequirements select the group's instance types by their attributes (EC2 Auto Scaling
// attribute-based instance type selection) instead of listing them: Auto Scaling launches
// instance types that match all the attributes given and the CPU architecture of the AMI,
// including types EC2 adds later. An attribute left unset takes AWS's default; a list
// matches any of its values.
type InstanceRequirements struct {
	// The number of vCPUs. Required, with `min` (0 or more); `max` defaults to no limit.
	VcpuCount *RequiredIntRange `pulumi:"vcpuCount"`

	// The memory in MiB (e.g. `min: 8192` for 8 GiB). Required, with `min` (0 or more); `max`
	// defaults to no limit.
	MemoryMib *RequiredIntRange `pulumi:"memoryMib"`

	// The memory per vCPU in GiB, e.g. `{min: 4, max: 8}` for memory-optimized types. Default: no
	// limit.
	MemoryGibPerVcpu *FloatRange `pulumi:"memoryGibPerVcpu,optional"`

	// CPU manufacturers: `intel`, `amd` (x86_64) or `amazon-web-services` (Graviton, arm64). Default:
	// any. Instance types of the other architecture than the AMI's are never launched, so at least
	// one must match `architecture`. Apple (Mac) CPUs are refused: Mac instances cannot run EKS nodes.
	CpuManufacturers []CpuManufacturer `pulumi:"cpuManufacturers,optional"`

	// Instance generations: `current` or `previous`. Default: both.
	InstanceGenerations []InstanceGeneration `pulumi:"instanceGenerations,optional"`

	// The only instance types considered, at most 400 of at most 30 characters (letters, digits, `.`,
	// `-` and `*` wildcards): e.g. `m7i.large`, `c7*.*`, `m7a.*` or `r*`. Default: all. Conflicts
	// with `excludedInstanceTypes`.
	AllowedInstanceTypes []string `pulumi:"allowedInstanceTypes,optional"`

	// Instance types never launched, in the same form as `allowedInstanceTypes` (e.g. `t*`, `*.metal*`).
	// Default: none. Conflicts with `allowedInstanceTypes`.
	ExcludedInstanceTypes []string `pulumi:"excludedInstanceTypes,optional"`

	// Whether burstable performance types (T family) are `included`, `excluded` or `required`.
	// Default: AWS's, `excluded`.
	BurstablePerformance *AttributeInclusion `pulumi:"burstablePerformance,optional"`

	// Whether bare metal types are `included`, `excluded` or `required`. Default: AWS's, `excluded`.
	BareMetal *AttributeInclusion `pulumi:"bareMetal,optional"`

	// The number of accelerators (GPUs, FPGAs, Inferentia or Trainium chips). Default: `max` 0, no
	// accelerators, unless another accelerator attribute is given: otherwise a GPU type could be
	// launched with an AMI that has no drivers for it. Accelerator requirements must name one
	// manufacturer whose drivers an EKS-optimized AMI carries (`acceleratorManufacturers` or
	// `acceleratorNames`): NVIDIA selects the `nvidia` AMI variant, `amazon-web-services` (Inferentia,
	// Trainium) the `neuron` variant; other accelerators need `amiId`.
	AcceleratorCount *IntRange `pulumi:"acceleratorCount,optional"`

	// Accelerator manufacturers: `nvidia`, `amd`, `amazon-web-services` or `xilinx`. Default: any.
	// More than one is refused unless `amiId` is set: one AMI carries one manufacturer's drivers.
	AcceleratorManufacturers []AcceleratorManufacturer `pulumi:"acceleratorManufacturers,optional"`

	// Accelerator names: `a100`, `v100`, `k80`, `t4`, `m60` (NVIDIA), `radeon-pro-v520` (AMD) or
	// `vu9p` (Xilinx). Default: any.
	AcceleratorNames []AcceleratorName `pulumi:"acceleratorNames,optional"`

	// Accelerator types: `gpu`, `fpga` or `inference`. Default: any.
	AcceleratorTypes []AcceleratorType `pulumi:"acceleratorTypes,optional"`

	// The total memory of the accelerators in MiB. Default: no limit.
	AcceleratorTotalMemoryMib *IntRange `pulumi:"acceleratorTotalMemoryMib,optional"`

	// Whether types with instance store volumes are `included`, `excluded` or `required`. Default:
	// AWS's, `included`.
	LocalStorage *AttributeInclusion `pulumi:"localStorage,optional"`

	// Instance store types: `hdd` or `ssd`. Default: any. Conflicts with `localStorage: excluded`.
	LocalStorageTypes []LocalStorageType `pulumi:"localStorageTypes,optional"`

	// The number of network interfaces. Default: no limit.
	NetworkInterfaceCount *IntRange `pulumi:"networkInterfaceCount,optional"`

	// On-Demand price protection: types priced more than this percentage above the cheapest matching
	// C, M or R type are not launched On-Demand. 0 or more; 999999 turns it off. Default: AWS's, 20.
	OnDemandMaxPricePercentageOverLowestPrice *int `pulumi:"onDemandMaxPricePercentageOverLowestPrice,optional"`

	// Spot price protection, as a percentage above the Spot price of the cheapest matching C, M or R
	// type. 0 or more; 999999 turns it off. Default: AWS's optimal price protection. Conflicts with
	// `maxSpotPriceAsPercentageOfOptimalOnDemandPrice`.
	SpotMaxPricePercentageOverLowestPrice *int `pulumi:"spotMaxPricePercentageOverLowestPrice,optional"`

	// Spot price protection, as a percentage of the On-Demand price of the cheapest matching C, M or
	// R type. 0 or more; 999999 turns it off. Default: AWS's optimal price protection. Conflicts with
	// `spotMaxPricePercentageOverLowestPrice`.
	MaxSpotPriceAsPercentageOfOptimalOnDemandPrice *int `pulumi:"maxSpotPriceAsPercentageOfOptimalOnDemandPrice,optional"`
}

// RequiredIntRange is a range of whole numbers with a required minimum.
type RequiredIntRange struct {
	// The minimum, 0 or more. Required.
	Min int `pulumi:"min"`

	// The maximum, at least `min` and at least 1. Default: no limit.
	Max *int `pulumi:"max,optional"`
}

// IntRange is a range of whole numbers; either end may be left open.
type IntRange struct {
	// The minimum, 0 or more. Default: no limit.
	Min *int `pulumi:"min,optional"`

	// The maximum, 0 or more and at least `min`. Default: no limit.
	Max *int `pulumi:"max,optional"`
}

// FloatRange is a range of numbers; either end may be left open.
type FloatRange struct {
	// The minimum, 0 or more. Default: no limit.
	Min *float64 `pulumi:"min,optional"`

	// The maximum, 0 or more and at least `min`. Default: no limit.
	Max *float64 `pulumi:"max,optional"`
}

// CpuManufacturer is a CPU manufacturer of EC2 instance types.
type CpuManufacturer string

// CPU manufacturers Auto Scaling selects by.
const (
	// Intel Xeon CPUs (x86_64).
	CpuIntel CpuManufacturer = "intel"
	// AMD EPYC CPUs (x86_64).
	CpuAmd CpuManufacturer = "amd"
	// AWS Graviton CPUs (arm64).
	CpuAmazonWebServices CpuManufacturer = "amazon-web-services"
)

// InstanceGeneration is an EC2 instance generation.
type InstanceGeneration string

// Instance generations.
const (
	// The instance types EC2 currently recommends, typically the latest two or three generations
	// of each family.
	GenerationCurrent InstanceGeneration = "current"
	// Older instance types.
	GenerationPrevious InstanceGeneration = "previous"
)

// AttributeInclusion says whether instance types with an attribute are considered.
type AttributeInclusion string

// Attribute inclusion modes.
const (
	// Types with and without the attribute are considered.
	InclusionIncluded AttributeInclusion = "included"
	// Types with the attribute are not considered.
	InclusionExcluded AttributeInclusion = "excluded"
	// Only types with the attribute are considered.
	InclusionRequired AttributeInclusion = "required"
)

// AcceleratorManufacturer is a manufacturer of EC2 accelerators.
type AcceleratorManufacturer string

// Accelerator manufacturers.
const (
	// NVIDIA GPUs: the `nvidia` AMI variant carries their drivers.
	AcceleratorNvidia AcceleratorManufacturer = "nvidia"
	// AMD GPUs: no EKS-optimized AMI carries their drivers (use `amiId`).
	AcceleratorAmd AcceleratorManufacturer = "amd"
	// AWS Inferentia and Trainium chips: the `neuron` AMI variant carries their drivers.
	AcceleratorAmazonWebServices AcceleratorManufacturer = "amazon-web-services"
	// Xilinx FPGAs: no EKS-optimized AMI carries their drivers (use `amiId`).
	AcceleratorXilinx AcceleratorManufacturer = "xilinx"
)

// AcceleratorName is an EC2 accelerator model Auto Scaling selects by.
type AcceleratorName string

// Accelerator models.
const (
	// NVIDIA A100 GPUs.
	AcceleratorNameA100 AcceleratorName = "a100"
	// NVIDIA V100 GPUs.
	AcceleratorNameV100 AcceleratorName = "v100"
	// NVIDIA K80 GPUs.
	AcceleratorNameK80 AcceleratorName = "k80"
	// NVIDIA T4 GPUs.
	AcceleratorNameT4 AcceleratorName = "t4"
	// NVIDIA M60 GPUs.
	AcceleratorNameM60 AcceleratorName = "m60"
	// AMD Radeon Pro V520 GPUs.
	AcceleratorNameRadeonProV520 AcceleratorName = "radeon-pro-v520"
	// Xilinx VU9P FPGAs.
	AcceleratorNameVu9p AcceleratorName = "vu9p"
)

// AcceleratorType is a kind of EC2 accelerator.
type AcceleratorType string

// Accelerator kinds.
const (
	// Graphics processing units.
	AcceleratorTypeGpu AcceleratorType = "gpu"
	// Field-programmable gate arrays.
	AcceleratorTypeFpga AcceleratorType = "fpga"
	// Inference accelerators.
	AcceleratorTypeInference AcceleratorType = "inference"
)

// LocalStorageType is a kind of instance store volume.
type LocalStorageType string

// Instance store kinds.
const (
	// Hard disk drives.
	StorageHdd LocalStorageType = "hdd"
	// Solid state drives.
	StorageSsd LocalStorageType = "ssd"
)
